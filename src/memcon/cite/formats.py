"""Citations as data: CSL-JSON (validated against the CSL data schema), RIS and BibTeX.

All three are written from the same CSL-JSON items (:func:`memcon.cite.csl_item`), so a
document exported in any of them carries the same facts.

* **CSL-JSON** — the items as they are; :func:`validate_csl` checks them against the official
  CSL data schema (v1.0, ``csl-data.json`` from citation-style-language/schema, MIT, vendored
  beside this module).  Zotero imports the file as it is.
* **RIS** — one record per item (``TY  - CHAP`` for a FRUS document, ``GEN`` for an archival
  record, ``ELEC`` for a web page), the tags Zotero, EndNote and Mendeley read, ending
  ``ER  - ``.
* **BibTeX** — ``@incollection`` for a FRUS document, ``@misc`` otherwise; keys made from the
  memcon ids and unique in the file; TeX's special characters escaped, titles braced so their
  capitals survive; biblatex's ``urldate``/``date``/``translator`` fields where BibTeX has none.

DOCS: docs/cite.md#export-csl-json-ris-bibtex
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from typing import Any

from memcon.errors import InvalidValue

FORMATS: tuple[str, ...] = ("csl-json", "ris", "bibtex")
"""The export formats :func:`serialise` writes."""

RIS_TYPES = {"chapter": "CHAP", "book": "BOOK", "document": "GEN", "manuscript": "MANSCPT", "webpage": "ELEC"}
BIBTEX_TYPES = {"chapter": "incollection", "book": "book"}
_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_BIBTEX_ESCAPE = re.compile("|".join(re.escape(c) for c in _BIBTEX_SPECIALS))


@functools.cache
def csl_schema() -> dict[str, Any]:
    """The CSL data schema (JSON Schema, draft 7) memcon validates its CSL-JSON against."""
    text = resources.files("memcon.cite").joinpath("csl-data.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate_csl(items: Sequence[Mapping[str, object]]) -> None:
    """Check ``items`` (a list of CSL-JSON items) against the CSL data schema.

    Raises :class:`memcon.errors.InvalidValue` naming the first item and field at fault.

    DOCS: docs/cite.md#csl-json
    """
    import jsonschema

    validator = jsonschema.Draft7Validator(csl_schema())
    error = next(iter(sorted(validator.iter_errors(list(items)), key=lambda e: list(e.path))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "the list"
        raise InvalidValue(f"CSL-JSON does not validate at {where}: {error.message}",
                           hint="this is a bug in memcon's citation data: please report it")


def serialise(items: Sequence[Mapping[str, object]], *, format: str) -> str:
    """``items`` written as ``format`` (``csl-json``, ``ris`` or ``bibtex``); CSL-JSON is validated first."""
    if format == "csl-json":
        validate_csl(items)
        return json.dumps(list(items), ensure_ascii=False, indent=2) + "\n"
    if format == "ris":
        return to_ris(items)
    if format == "bibtex":
        return to_bibtex(items)
    raise InvalidValue(f"unknown citation format {format!r}", hint=f"use one of: {', '.join(FORMATS)}")


# --------------------------------------------------------------------------- RIS
def to_ris(items: Iterable[Mapping[str, object]]) -> str:
    """The items as RIS records (UTF-8 text, CRLF-free; one blank line between records).

    DOCS: docs/cite.md#export-csl-json-ris-bibtex
    """
    records = []
    for item in items:
        lines: list[tuple[str, str | None]] = [("TY", RIS_TYPES.get(str(item.get("type")), "GEN"))]
        lines += [("AU", _ris_name(n)) for n in _names(item, "author")]
        lines += [("ED", _ris_name(n)) for n in _names(item, "editor")]
        lines += [("A4", _ris_name(n)) for n in _names(item, "translator")]
        lines.append(("TI", _text(item, "title")))
        lines.append(("T2", _book_title(item)))
        lines.append(("VL", _text(item, "volume")))
        lines.append(("M1", _text(item, "number")))
        first, last = _page_range(item)
        lines += [("SP", first), ("EP", last)]
        lines += [("PB", _text(item, "publisher")), ("CY", _text(item, "publisher-place"))]
        issued = _date_parts(item.get("issued"))
        if issued:
            lines.append(("PY", str(issued[0])))
            if len(issued) > 1:
                lines.append(("DA", _ris_date(issued)))
        lines += [("DB", _text(item, "archive")), ("AN", _text(item, "archive_location"))]
        lines += [("LA", _text(item, "language")), ("UR", _text(item, "URL"))]
        accessed = _date_parts(item.get("accessed"))
        lines.append(("Y2", _ris_date(accessed) if accessed else None))
        lines += [("N1", _text(item, "note")), ("ID", _text(item, "id"))]
        body = [f"{tag}  - {_one_line(value)}" for tag, value in lines if value]
        records.append("\n".join([*body, "ER  - "]) + "\n")
    return "\n".join(records)


def _ris_name(name: Mapping[str, str]) -> str:
    if "literal" in name:
        return name["literal"]
    parts = [name.get("family", ""), name.get("given", "")]
    if name.get("suffix"):
        parts.append(name["suffix"])
    return ", ".join(p for p in parts if p)


def _ris_date(parts: Sequence[int]) -> str:
    y, m, d = (list(parts) + [None, None])[:3]
    return f"{y:04d}/{m:02d}/{d:02d}/" if d else f"{y:04d}/{m:02d}//" if m else f"{y:04d}///"


# ------------------------------------------------------------------------ BibTeX
def to_bibtex(items: Iterable[Mapping[str, object]]) -> str:
    """The items as BibTeX entries, with keys unique in the file.

    DOCS: docs/cite.md#export-csl-json-ris-bibtex
    """
    used: set[str] = set()
    entries = []
    for item in items:
        key = _unique_key(str(item.get("id", "item")), used)
        kind = BIBTEX_TYPES.get(str(item.get("type")), "misc")
        first, last = _page_range(item)
        issued = _date_parts(item.get("issued"))
        accessed = _date_parts(item.get("accessed"))
        fields: list[tuple[str, str | None]] = [
            ("author", _bib_names(_names(item, "author"))),
            ("editor", _bib_names(_names(item, "editor"))),
            ("translator", _bib_names(_names(item, "translator"))),
            ("title", _braced(_text(item, "title"))),
            ("booktitle" if kind == "incollection" else "howpublished", _escape(_book_title(item))),
            ("volume", _escape(_text(item, "volume"))),
            ("number", _escape(_text(item, "number"))),
            ("pages", _escape(f"{first}--{last}" if first and last else first)),
            ("publisher", _escape(_text(item, "publisher"))),
            ("address", _escape(_text(item, "publisher-place"))),
            ("year", str(issued[0]) if issued else None),
            ("date", _iso(issued) if issued and len(issued) > 1 else None),
            ("organization", _escape(_text(item, "archive"))),
            ("location", _escape(_text(item, "archive_location"))),
            ("language", _escape(_text(item, "language"))),
            ("url", _url(_text(item, "URL"))),
            ("urldate", _iso(accessed) if accessed else None),
            ("note", _escape(_text(item, "note"))),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        entries.append(f"@{kind}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def bibtex_key(memcon_id: str) -> str:
    """A BibTeX key for a memcon id: ``frus1961-63v05/d88`` → ``frus1961-63v05:d88``."""
    return re.sub(r"[^A-Za-z0-9:_-]+", "_", memcon_id.replace("/", ":")) or "item"


def _unique_key(memcon_id: str, used: set[str]) -> str:
    base = bibtex_key(memcon_id)
    key, n = base, 1
    while key in used:
        n += 1
        key = f"{base}-{n}"
    used.add(key)
    return key


def _escape(text: str | None) -> str | None:
    if not text:
        return None
    return _BIBTEX_ESCAPE.sub(lambda m: _BIBTEX_SPECIALS[m.group()], _one_line(text))


def _braced(text: str | None) -> str | None:
    """A title in an extra pair of braces, so BibTeX styles keep its capitals."""
    escaped = _escape(text)
    return f"{{{escaped}}}" if escaped else None


def _url(url: str | None) -> str | None:
    """A URL as BibTeX's ``url`` field takes it (verbatim but for braces and ``%``/``#``)."""
    if not url:
        return None
    return re.sub(r"([%#{}])", r"\\\1", url)


def _bib_names(names: list[Mapping[str, str]]) -> str | None:
    if not names:
        return None
    out = []
    for name in names:
        if "literal" in name:
            out.append("{" + (_escape(name["literal"]) or "") + "}")
            continue
        family = _escape(name.get("family", "")) or ""
        given = _escape(name.get("given", "")) or ""
        suffix = _escape(name.get("suffix", "")) or ""
        out.append(", ".join(p for p in (family, suffix, given) if p))
    return " and ".join(out)


def _iso(parts: Sequence[int]) -> str:
    return "-".join(f"{p:04d}" if i == 0 else f"{p:02d}" for i, p in enumerate(parts))


# ----------------------------------------------------------------------- shared
def _text(item: Mapping[str, object], key: str) -> str | None:
    value = item.get(key)
    return None if value is None or value == "" else str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _names(item: Mapping[str, object], key: str) -> list[Mapping[str, str]]:
    value = item.get(key)
    return [n for n in value if isinstance(n, Mapping)] if isinstance(value, list) else []


def _date_parts(value: object) -> list[int] | None:
    """The first date of a CSL date variable as ``[year, month?, day?]``."""
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if not isinstance(parts, list) or not parts or not isinstance(parts[0], list):
        return None
    try:
        return [int(p) for p in parts[0]]
    except (TypeError, ValueError):
        return None


def _book_title(item: Mapping[str, object]) -> str | None:
    """The title of the volume a document is in: the container, then the volume's own title."""
    container, volume_title = _text(item, "container-title"), _text(item, "volume-title")
    if container and volume_title:
        return f"{container}, {volume_title}"
    return container or volume_title


def _page_range(item: Mapping[str, object]) -> tuple[str | None, str | None]:
    page = _text(item, "page")
    if not page:
        return None, None
    parts = re.split(r"\s*[-\u2013]+\s*", page)
    first = parts[0]
    last = parts[-1] if len(parts) > 1 else None
    return first, last
