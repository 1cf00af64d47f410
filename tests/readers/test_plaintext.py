"""memcon.readers.plaintext: plain text and Markdown → one Document of the volume ``text``."""

from __future__ import annotations

import hashlib
import re
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memcon.enrich import enrich_document
from memcon.errors import EmptyInput, MalformedInput, ReadError
from memcon.model.records import Document, PageBreak, Volume
from memcon.model.render import render_document
from memcon.readers import read
from memcon.readers._encoding import EncodingWarning
from memcon.readers.plaintext import (
    FORMAT,
    READER,
    VERSION,
    parse_dateline,
    parse_plaintext,
    read_plaintext,
    sniff_plaintext,
)
from tests._shared import FIXTURES, require, shared_path

TEXT = FIXTURES / "text"


def read_one(path: Path) -> tuple[Volume, Document]:
    records = list(read_plaintext(path))
    assert len(records) == 2
    volume, document = records
    assert isinstance(volume, Volume) and isinstance(document, Document)
    return volume, document


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ names and sniffing


def test_names() -> None:
    assert (FORMAT, READER, VERSION) == ("text", "memcon.plaintext", "1")


@pytest.mark.parametrize(
    "head",
    [
        b"Memorandum of Conversation\nVienna, June 4, 1961.\n",
        b"# A Markdown title\n\nText.",
        b"[Page 225]\n\nA page marker first",
        b"[1] a footnote-like opening",
        "\u201cSmart quotes\u201d and caf\u00e9".encode("cp1252"),
        "\ufeff\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440".encode("utf-16"),
        b"",
    ],
)
def test_sniff_accepts_any_text(head: bytes) -> None:
    assert sniff_plaintext(head)


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0">',
        b"  <html><body>a page</body></html>",
        b"<!DOCTYPE html>",
        b'{"id": "114511", "title": "x"}',
        b'\n [ {"id": 1} ]',
        b"[1, 2, 3]",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"PK\x03\x04\x14\x00\x00\x00",
    ],
)
def test_sniff_refuses_markup_json_and_binary(head: bytes) -> None:
    assert not sniff_plaintext(head)


def test_sniff_refuses_the_tei_fixtures() -> None:
    for name in ("mini-volume.xml", "not-tei.xml"):
        assert not sniff_plaintext((FIXTURES / "tei" / name).read_bytes()[:8192])


# ------------------------------------------------------------------ the Markdown fixture


def test_markdown_file() -> None:
    path = TEXT / "notes-on-a-meeting.md"
    volume, doc = read_one(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert (volume.id, volume.title) == ("text", "Plain-text documents")
    assert volume.provenance is not None and volume.provenance.sha256 == digest
    assert doc.id == f"text/{digest[:12]}" and doc.volume_id == "text"
    [prov] = doc.provenance
    assert (prov.source, prov.sha256, prov.reader, prov.reader_version, prov.format) == (
        str(path), digest, "memcon.plaintext", "1", "text")
    # front matter: title (quotes and emphasis dropped), authors as a YAML list
    assert doc.heading == "Notes on a Lunch Meeting"
    assert doc.authors == ("A. Note-Taker", "B. Second")
    assert doc.language == "en"
    # front-matter date 1961-06-04 agrees with the printed dateline, which is more precise
    assert doc.date is not None and (doc.date.when, doc.date.precision) == ("1961-06-04T13:15", "minute")
    assert doc.place == "Vienna"
    paragraphs = doc.text.split("\n\n")
    # heading line, the dateline as printed (the # heading equal to the title is not repeated)
    assert paragraphs[:2] == ["Notes on a Lunch Meeting", "Vienna, June 4, 1961, 1:15 p.m."]
    assert paragraphs[2] == "What was said"  # '## ' dropped
    assert paragraphs[3] == ("During lunch the two delegations spoke about travel to the moon, and the "
                             "interpreter kept a record of it as usual.")  # emphasis, link target dropped
    assert paragraphs[4].split("\n") == [  # list items stay lines; a continuation joins its item
        "- cooperation in outer space, which was judged premature",
        "- the cost of rockets",
        "1. first numbered point",
        "2. second numbered point",
    ]
    assert paragraphs[5] == "A remark quoted over two lines."  # block quote marks dropped
    assert "[1 paragraph (3 lines) not declassified]" in paragraphs
    assert "***" not in doc.text  # a thematic break is no text
    assert paragraphs[-1] == "Keep snake_case_names, 5 * 3 = 15, and a lone asterisk* as written."
    assert not re.search(r"\*\*|__|\]\(|^#", doc.text, re.MULTILINE)
    [page] = doc.pages
    assert page == PageBreak(n="12", offset=doc.text.index("[Page 12]"), marker=True)
    assert doc.page_at(doc.text.index("disarmament")) == "12" and doc.page_at(0) is None


def test_enrich_marks_the_editorial_insertion() -> None:
    _, doc = read_one(TEXT / "notes-on-a-meeting.md")
    enriched = enrich_document(doc)
    start = doc.text.index("[1 paragraph")
    assert any(a.kind == "editorial" and a.start == start for a in enriched.annotations)
    assert enriched.text == doc.text


# ------------------------------------------------------------------ the hard-wrapped text fixture


def test_hard_wrapped_text_file() -> None:
    _, doc = read_one(TEXT / "wrapped-memo.txt")
    assert doc.heading == "MEMORANDUM FOR THE FILE" and doc.doc_type == "memorandum"
    assert doc.date is not None and (doc.date.when, doc.date.precision, doc.date.text) == (
        "1962-10-18", "day", "October 18, 1962")
    assert doc.place == "Washington"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[:2] == ["MEMORANDUM FOR THE FILE", "Washington, October 18, 1962."]
    assert paragraphs[2] == "SUBJECT\nA conversation about a harbour"  # short lines: not wrapping
    # wrapped prose joined again: no paragraph broken mid-sentence
    assert paragraphs[3].startswith("The visitor opened the conversation") and "\n" not in paragraphs[3]
    assert paragraphs[3].endswith("He said the matter was urgent.")
    assert "\n" not in paragraphs[4]
    assert "* * * * *" in paragraphs  # an omission row of an old text stays
    assert paragraphs[-1] == "J. Smith\nDeputy Director\nOffice of Harbour Affairs"  # a signature keeps its lines
    # '[Page 41]' alone before the title: the page the document begins on, not in the text
    assert doc.pages == (PageBreak(n="41", offset=0, marker=False),
                         PageBreak(n="42", offset=doc.text.index("[Page 42]"), marker=True))
    assert doc.text.startswith("MEMORANDUM") and doc.first_page == "41" and doc.last_page == "42"


def test_registry_reads_the_file_once_registered() -> None:
    from memcon.readers import READERS

    if "text" not in READERS:
        pytest.skip("the plain-text reader is not registered in memcon.readers.READERS yet")
    _, direct = read_one(TEXT / "wrapped-memo.txt")
    records = list(read(TEXT / "wrapped-memo.txt"))
    assert records[1] == direct


# ------------------------------------------------------------------ titles and dates near the top


def test_a_date_above_the_title_and_the_title_below_it() -> None:
    doc = parse_plaintext("\n\nOctober 18, 1962\n\nFrom the cable on a conversation\n\nText of it.\n",
                          path="x", doc_id="text/x")
    assert doc.heading == "From the cable on a conversation"
    assert doc.date is not None and doc.date.when == "1962-10-18"
    assert doc.text == "From the cable on a conversation\nOctober 18, 1962\n\nText of it."


def test_setext_title_and_atx_closing_hashes() -> None:
    doc = parse_plaintext("Memorandum of Conversation\n==========================\n\n18 October 1962\n\n"
                          "## Subject ##\n\nBody.\n", path="x", doc_id="text/x")
    assert doc.heading == "Memorandum of Conversation" and doc.doc_type == "memorandum of conversation"
    assert doc.date is not None and doc.date.when == "1962-10-18"
    assert doc.text == "Memorandum of Conversation\n\n18 October 1962\n\nSubject\n\nBody."


def test_a_date_inside_prose_is_never_taken() -> None:
    wrapped = ("A note on the harbour question\n\n"
               "The visitor opened the conversation by saying that he wished to put on the\n"
               "record the position of his government, and that a reply was expected on\n"
               "October 18, 1962\n"
               "at the latest, as the ministers had agreed among themselves.\n\n"
               "October 20, 1962\n")
    doc = parse_plaintext(wrapped, path="x", doc_id="text/x")
    assert doc.date is None
    assert "expected on October 18, 1962 at the latest" in doc.text  # the wrapped line is joined
    one_line = "Notes\n\nWe met on June 4, 1961, 1:15 p.m. and talked.\n"
    assert parse_plaintext(one_line, path="x", doc_id="text/x").date is None


def test_a_text_opening_with_prose_gets_a_title_from_its_first_sentence() -> None:
    text = ("The visitor opened the conversation by saying that he wished to put on the\n"
            "record the position of his government. He was instructed to do so before the\n"
            "end of the week, and said the matter was urgent to everyone concerned there.\n\n"
            "October 20, 1962\n")
    doc = parse_plaintext(text, path="x", doc_id="text/x")
    assert doc.heading == ("The visitor opened the conversation by saying that he wished to put on the "
                           "record the position of…")
    assert doc.text.startswith("The visitor opened") and doc.date is None


@pytest.mark.parametrize(
    ("line", "when", "precision", "place"),
    [
        ("October 18, 1962", "1962-10-18", "day", None),
        ("Oct. 18, 1962.", "1962-10-18", "day", None),
        ("18 October 1962", "1962-10-18", "day", None),
        ("18th of October, 1962", "1962-10-18", "day", None),
        ("1962-10-18", "1962-10-18", "day", None),
        ("20/10/1962", "1962-10-20", "day", None),
        ("10/20/1962", "1962-10-20", "day", None),
        ("20.10.1962", "1962-10-20", "day", None),
        ("October 1962", "1962-10", "month", None),
        ("June 4, 1961, 1:15 p.m.", "1961-06-04T13:15", "minute", None),
        ("Vienna, June 4, 1961, 1:15 p.m.", "1961-06-04T13:15", "minute", "Vienna"),
        ("Paris, March 10, 1936—noon.", "1936-03-10T12:00", "hour", "Paris"),
        ("Washington, March 23, 1936—4 p.m.", "1936-03-23T16:00", "hour", "Washington"),
        ("Moscow, 18 October 1962, 23:40", "1962-10-18T23:40", "minute", "Moscow"),
        ("Monday, October 22, 1962", "1962-10-22", "day", None),
        ("[Washington,] January 16, 1936.", "1936-01-16", "day", "Washington"),
        ("[Washington, October 28, 1918.]", "1918-10-28", "day", "Washington"),
        ("Rio de Janeiro, May 3, 1962", "1962-05-03", "day", "Rio de Janeiro"),
        ("Washington, D.C., June 4, 1961", "1961-06-04", "day", "Washington, D.C."),
    ],
)
def test_date_lines(line: str, when: str, precision: str, place: str | None) -> None:
    found = parse_dateline(line)
    assert found is not None
    assert (found.date.when, found.date.precision, found.place, found.date.source) == (when, precision, place, "text")
    assert found.printed == line


@pytest.mark.parametrize(
    "line",
    [
        "05/06/1962",  # May 6 or 5 June: not guessed
        "February 30, 1962",
        "31/02/1962",
        "June 4, 1961, 13:15 p.m.",
        "Memorandum of Conversation",
        "Report on the Inquiry, May 10, 1918",  # a title holding a date, not a dateline
        "We met on October 18, 1962",
        "[Undated—circa December 15, 1917.]",
        "1962",
        "",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert parse_dateline(line) is None


def test_front_matter_title_date_and_language() -> None:
    text = "---\ntitle: 'Aide-m\u00e9moire'\ndate: 1962-10\nlanguage: fr\n---\n\nLe texte.\n"
    doc = parse_plaintext(text, path="x", doc_id="text/x")
    assert doc.heading == "Aide-m\u00e9moire" and doc.language == "fr"
    assert doc.date is not None and (doc.date.when, doc.date.precision) == ("1962-10", "month")
    assert doc.text == "Aide-m\u00e9moire\n\nLe texte."
    only_title = parse_plaintext("---\ntitle: Just a title\n---\n", path="x", doc_id="text/x")
    assert only_title.text == "Just a title"
    # a '---' rule above ordinary text is no front matter
    ruled = parse_plaintext("---\nA title line\n\nBody.\n", path="x", doc_id="text/x")
    assert ruled.heading == "A title line"


def test_language_by_script_and_words() -> None:
    ru = parse_plaintext("\u0417\u0430\u043f\u0438\u0441\u044c \u0431\u0435\u0441\u0435\u0434\u044b\n\n"
                         "\u0422\u0435\u043a\u0441\u0442.", path="x", doc_id="text/x")
    assert ru.language == "ru"
    de = parse_plaintext("Aufzeichnung\n\nDer Minister sagte, dass die Frage nicht mit den anderen "
                         "und auf der Konferenz zu behandeln sei.", path="x", doc_id="text/x")
    assert de.language == "de"


# ------------------------------------------------------------------ encodings and bad files


def test_cp1252_is_read_with_a_warning(tmp_path: Path) -> None:
    text = "\u201cR\u00e9sum\u00e9\u201d of the talks\n\nThe caf\u00e9 \u2014 they said \u2018no\u2019.\n"
    path = write(tmp_path, "old.txt", text.encode("cp1252"))
    with pytest.warns(EncodingWarning, match="cp1252"):
        _, doc = read_one(path)
    assert doc.heading == "\u201cR\u00e9sum\u00e9\u201d of the talks"
    assert doc.text.endswith("The caf\u00e9 \u2014 they said \u2018no\u2019.")
    assert doc.provenance[0].sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_utf16_with_bom_and_cyrillic(tmp_path: Path) -> None:
    text = ("\u0417\u0430\u043f\u0438\u0441\u044c \u0431\u0435\u0441\u0435\u0434\u044b\r\n\r\n"
            "18 October 1962\r\n\r\n\u0413\u0440\u043e\u043c\u044b\u043a\u043e \u0441\u043a\u0430\u0437\u0430\u043b.\r\n")
    path = write(tmp_path, "ru.txt", text.encode("utf-16"))
    assert path.read_bytes()[:2] in (b"\xff\xfe", b"\xfe\xff")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a BOM is exact: no warning
        _, doc = read_one(path)
    assert doc.heading == "\u0417\u0430\u043f\u0438\u0441\u044c \u0431\u0435\u0441\u0435\u0434\u044b"
    assert doc.language == "ru" and doc.date is not None and doc.date.when == "1962-10-18"
    assert "\r" not in doc.text and doc.text.endswith("\u0413\u0440\u043e\u043c\u044b\u043a\u043e \u0441\u043a\u0430\u0437\u0430\u043b.")


def test_utf8_with_bom(tmp_path: Path) -> None:
    _, doc = read_one(write(tmp_path, "bom.md", "\ufeff# Title\n\nBody \u00e9.\n".encode()))
    assert doc.heading == "Title" and doc.text == "Title\n\nBody \u00e9."


@pytest.mark.parametrize("data", [b"", b"  \n\n\t\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(EmptyInput, match="empty") as caught:
        list(read_plaintext(path))
    assert caught.value.path == str(path) and caught.value.code == "E104"


def test_front_matter_without_text_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "meta.md", b"---\ndate: 1962-10-18\n---\n\n")
    with pytest.raises(EmptyInput, match="no text after its front matter"):
        list(read_plaintext(path))


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "scan.txt", b"%PDF-1.4\n\x00\x01\x02\xff\xfe binary")
    with pytest.raises(MalformedInput, match="not a text file") as caught:
        list(read_plaintext(path))
    assert caught.value.path == str(path) and caught.value.line == 2


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read"):
        list(read_plaintext(tmp_path / "missing.txt"))


# ------------------------------------------------------------------ alike with the TEI reader


@pytest.mark.shared
def test_d88_rendered_as_text_reads_back_alike() -> None:
    """The TEI record's text, saved as a text file, reads back to the same text, pages, date, place."""
    path = require(shared_path() / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the d88 excerpt")
    tei = next(r for r in read(path) if isinstance(r, Document))
    doc = parse_plaintext(render_document(tei, footnotes=False), path="x", doc_id="text/x")
    assert doc.text == tei.text
    assert [(p.n, p.offset) for p in doc.pages] == [(p.n, p.offset) for p in tei.pages if p.marker]
    assert tei.date is not None and doc.date is not None and doc.date.when == tei.date.when == "1961-06-04"
    assert doc.place == tei.place == "Vienna"
    assert doc.heading == "88. Memorandum of Conversation[1]"  # the printed first line: footnotes are not read


@pytest.mark.shared
def test_a_shared_volume_rendered_as_text_reads_back_alike() -> None:
    path = require(shared_path() / "corpus" / "frus" / "frus1936v03.xml", "frus1936v03")
    same_text = same_pages = dated = same_date = total = 0
    for tei in read(path):
        if not isinstance(tei, Document) or not tei.text.strip():
            continue
        total += 1
        doc = parse_plaintext(tei.text, path="x", doc_id="text/x")
        same_text += doc.text == tei.text
        same_pages += [(p.n, p.offset) for p in doc.pages] == [(p.n, p.offset) for p in tei.pages if p.marker]
        if tei.date and tei.date.when:
            dated += 1
            same_date += bool(doc.date and doc.date.when and doc.date.when[:10] == tei.date.when[:10])
            assert not (doc.date and doc.date.when and doc.date.when[:4] != tei.date.when[:4]), tei.id
    assert total > 400
    assert same_text / total > 0.99 and same_pages / total > 0.99
    assert same_date / dated > 0.9


# ------------------------------------------------------------------ properties

_LINES = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=90),
        st.sampled_from(["", "", "# Heading", "- item", "* * *", "---", "October 18, 1962",
                         "[Page 7]", "**bold** and _it_", "```", "> quote", "====="]),
        st.builds(lambda n: f"text [Page {n}] more", st.integers(1, 999)),
    ),
    min_size=1, max_size=40,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_any_text_gives_a_document_or_empty_input(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        doc = parse_plaintext(text, path="x", doc_id="text/x")
    except EmptyInput:
        # nothing but blank lines, markup, a lone page marker, or front matter
        bare = re.sub(r"\[Page [^\]\n]*\]", "", text)
        assert text.startswith("---") or not re.sub(r"[\s`~=\-*_#>]", "", bare)
        return
    assert doc.heading and "\n" not in doc.heading
    assert "\n\n\n" not in doc.text and doc.text == doc.text.strip("\n")
    for page in doc.pages:
        if page.marker:
            assert doc.text.startswith(f"[Page {page.n}", page.offset)
    markers = [p.offset for p in doc.pages if p.marker]
    assert markers == sorted(markers) and len(markers) == doc.text.count("[Page ")
    if doc.date is not None:
        assert doc.date.when and re.fullmatch(r"\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2})?)?", doc.date.when)
