"""CSL-JSON validated against the CSL data schema; RIS and BibTeX read back by small checkers.

The Wilson Center record's CSL-JSON is the issue's "done when": what Zotero imports.  Items of
real documents come from the session store (read only); the serialisers' escaping is checked on
items written here.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from memcon.cite import csl_item, serialise, to_bibtex, to_ris, validate_csl
from memcon.cite.formats import bibtex_key, csl_schema
from memcon.errors import InvalidValue
from memcon.store import open_store
from memcon.store.base import Store

ACCESSED = datetime.date(2026, 12, 2)
IDS = ("frus1961-63v05/d88", "frus1919Parisv01/d337", "frus1861/d1", "frus1936v03/d42", "wilson/114511")


# ------------------------------------------------------------------ checkers
def parse_ris(text: str) -> list[dict[str, list[str]]]:
    """RIS records as tag → values; every line must be ``XX  - value`` and every record end with ER."""
    records: list[dict[str, list[str]]] = []
    current: dict[str, list[str]] | None = None
    for line in text.splitlines():
        if not line.strip():
            continue
        m = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert m, f"not an RIS line: {line!r}"
        tag, value = m.groups()
        if tag == "TY":
            assert current is None, "TY inside a record"
            current = {}
        assert current is not None, f"{tag} outside a record"
        if tag == "ER":
            assert value == "", "ER takes no value"
            records.append(current)
            current = None
        else:
            current.setdefault(tag, []).append(value)
    assert current is None, "a record does not end with ER"
    return records


def parse_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(entry type, key, fields) of each entry; braces must balance, values are unescaped."""
    entries = []
    for m in re.finditer(r"@(\w+)\{([^,\s]+),\n", text):
        kind, key = m.groups()
        i, depth, fields = m.end(), 1, {}
        while depth:
            fm = re.compile(r"\s*(\w+) = \{").match(text, i)
            if not fm:
                assert text[i:].lstrip().startswith("}"), f"unexpected text in {key}: {text[i:i + 40]!r}"
                break
            j, level = fm.end(), 1
            while level:
                ch = text[j]
                if ch == "\\":
                    j += 2
                    continue
                level += {"{": 1, "}": -1}.get(ch, 0)
                j += 1
            fields[fm.group(1)] = _unescape(text[fm.end():j - 1])
            i = j + (1 if text[j:j + 1] == "," else 0)
        entries.append((kind, key, fields))
    return entries


def _unescape(value: str) -> str:
    value = value.replace(r"\textbackslash{}", "\\").replace(r"\textasciitilde{}", "~").replace(r"\textasciicircum{}", "^")
    value = re.sub(r"\\([&%$#_{}])", r"\1", value)
    return value[1:-1] if value.startswith("{") and value.endswith("}") else value


# ------------------------------------------------------------------ real items
@pytest.fixture(scope="module")
def items(full_store: Path) -> Iterator[list[dict[str, object]]]:
    with open_store(full_store, create=False) as store:
        yield [csl_item(store, i, accessed=ACCESSED) for i in IDS]


@pytest.fixture(scope="module")
def store(full_store: Path) -> Iterator[Store]:
    with open_store(full_store, create=False) as s:
        yield s


@pytest.mark.shared
def test_the_wilson_record_as_zotero_imports_it(store: Store) -> None:
    """The issue's "done when": CSL-JSON of the Wilson record that validates against the schema."""
    text = serialise([csl_item(store, "wilson/114511", accessed=ACCESSED)], format="csl-json")
    data = json.loads(text)
    jsonschema.validate(data, csl_schema())  # the official schema, independently of validate_csl
    (item,) = data
    assert item["type"] == "document"
    assert item["title"] == "From the cable on the conversation between Gromyko and Kennedy"
    assert item["author"] == [{"family": "Gromyko", "given": "A. A."}]
    assert item["issued"] == {"date-parts": [[1962, 10, 18]]}
    assert item["archive"] == "Wilson Center Digital Archive"
    assert item["archive_location"] == "Archive of Foreign Policy, Russian Federation (AVP RF)"
    assert item["URL"] == "https://digitalarchive.wilsoncenter.org/document/114511"
    assert item["accessed"] == {"date-parts": [[2026, 12, 2]]}
    assert item["note"] == "This document was made possible with support from Leon Levy Foundation"


@pytest.mark.shared
def test_every_item_validates(items: list[dict[str, object]]) -> None:
    validate_csl(items)
    jsonschema.validate(items, csl_schema())


def test_an_invalid_item_is_refused() -> None:
    with pytest.raises(InvalidValue, match="0/issued"):
        validate_csl([{"id": "x", "type": "chapter", "issued": {"date-parts": "1961"}}])
    with pytest.raises(InvalidValue, match="volume-number"):
        validate_csl([{"id": "x", "type": "chapter", "volume-number": "V"}])
    with pytest.raises(InvalidValue):
        validate_csl([{"id": "x", "type": "telegram"}])


def test_the_vendored_schema_is_the_official_one() -> None:
    schema = csl_schema()
    assert schema["$id"] == "https://resource.citationstyles.org/schema/v1.0/input/json/csl-data.json"
    assert "volume-title" in schema["items"]["properties"]


@pytest.mark.shared
def test_ris_round_trip(items: list[dict[str, object]]) -> None:
    records = parse_ris(to_ris(items))
    assert len(records) == len(items)
    d88, d337, d1, _, wilson = records
    assert d88["TY"] == ["CHAP"] and d88["TI"] == ["Memorandum of Conversation, Vienna, June 4, 1961"]
    assert d88["ED"] == ["Sampson, Charles S.", "Joyce, John Michael"]  # not the series' general editor
    assert d88["AU"] == ["U.S. Department of State"]  # the issuing body: FRUS is a public document
    assert d88["T2"] == ["Foreign Relations of the United States, 1961–1963, Soviet Union"]
    assert d88["VL"] == ["V"] and d88["M1"] == ["88"] and d88["PY"] == ["1998"]
    assert d88["SP"] == ["225"] and d88["EP"] == ["228"]  # the document's pages
    assert d337["SP"] == ["385"] and d337["EP"] == ["406"] and "ED" not in d337
    assert d1["PB"] == ["United States Government Printing Office"] and d1["CY"] == ["Washington"]
    assert wilson["TY"] == ["GEN"] and wilson["AU"] == ["Gromyko, A. A."]
    assert wilson["DA"] == ["1962/10/18/"] and wilson["Y2"] == ["2026/12/02/"]
    assert wilson["UR"] == ["https://digitalarchive.wilsoncenter.org/document/114511"]
    for record, item in zip(records, items, strict=True):
        assert record["ID"] == [item["id"]] and record["TI"] == [item["title"]]


@pytest.mark.shared
def test_bibtex_round_trip(items: list[dict[str, object]]) -> None:
    entries = parse_bibtex(to_bibtex(items))
    assert [(kind, key) for kind, key, _ in entries] == [
        ("incollection", "frus1961-63v05:d88"), ("incollection", "frus1919Parisv01:d337"),
        ("incollection", "frus1861:d1"), ("incollection", "frus1936v03:d42"), ("misc", "wilson:114511"),
    ]
    d88 = entries[0][2]
    assert d88["title"] == "Memorandum of Conversation, Vienna, June 4, 1961"
    assert d88["editor"] == "Sampson, Charles S. and Joyce, John Michael"
    assert d88["author"] == "U.S. Department of State"
    assert "author = {{U.S. Department of State}}" in to_bibtex(items[:1])  # braced: a body, not a person
    assert d88["booktitle"] == "Foreign Relations of the United States, 1961–1963, Soviet Union"
    assert (d88["volume"], d88["number"], d88["year"], d88["pages"]) == ("V", "88", "1998", "225--228")
    wilson = entries[4][2]
    assert wilson["author"] == "Gromyko, A. A." and wilson["date"] == "1962-10-18"
    assert wilson["urldate"] == "2026-12-02" and wilson["organization"] == "Wilson Center Digital Archive"
    for (_, _, fields), item in zip(entries, items, strict=True):
        assert fields["title"] == item["title"] and fields.get("url") == item.get("URL")


def test_bibtex_escapes_and_unique_keys() -> None:
    tricky = {"id": "text/a b", "type": "document", "title": "50% of {Berlin} & the #1 issue_x ~ ^ \\ $5",
              "author": [{"literal": "Office of the Historian"}], "note": "a\nb"}
    text = to_bibtex([tricky, dict(tricky), {"id": "text/a_b", "type": "document", "title": "T"}])
    entries = parse_bibtex(text)
    assert [key for _, key, _ in entries] == ["text:a_b", "text:a_b-2", "text:a_b-3"]
    assert entries[0][2]["title"] == tricky["title"]
    assert "author = {{Office of the Historian}}" in text and entries[0][2]["note"] == "a b"
    assert r"title = {{50\% of \{Berlin\} \& the \#1 issue\_x \textasciitilde{} \textasciicircum{} \textbackslash{} \$5}}" in text
    assert bibtex_key("frus1961-63v05/d88") == "frus1961-63v05:d88"


def test_ris_keeps_one_line_per_value() -> None:
    (record,) = parse_ris(to_ris([{"id": "x", "type": "webpage", "title": "two\nlines", "page": "12–13"}]))
    assert record == {"TY": ["ELEC"], "TI": ["two lines"], "SP": ["12"], "EP": ["13"], "ID": ["x"]}


def test_unknown_format() -> None:
    with pytest.raises(InvalidValue, match="csl-json, ris, bibtex"):
        serialise([], format="endnote")
