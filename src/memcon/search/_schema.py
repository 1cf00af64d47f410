"""The tantivy schema of ``memcon.tantivy.v1``, its analyzer, and Document → tantivy document.

Fields (see docs/search.md#the-index):

========== ======================= ===========================================================
field      kind                    why
========== ======================= ===========================================================
doc_id     raw, stored             identity; ``add`` replaces by it
volume_id  raw, fast, stored       volume filter, facets; ``delete_volume``
doc_type   raw, fast, stored       type filter, facets
date_min   i64 YYYYMMDD, fast      date filters (earliest day the date can stand for)
date_max   i64 YYYYMMDD, fast      date filters (latest day)
date       raw, stored             the date shown in a hit (ISO)
heading    text, stored            searched, boosted; shown in a hit
text       text, not stored        ``Document.text`` without ``[Page N]`` / ``[N]`` markers
body       bytes, stored           ``Document.text`` as is (UTF-8), for snippets and offsets
footnotes  text, stored            the footnotes (not inline notes), markers removed
pages      bytes, stored           the page map as compact JSON ``[[n, offset], …]``
notes      bytes, stored           where each footnote starts in ``footnotes`` and where its anchor
                                   stands in the text, as JSON ``[[start, anchor], …]`` (the page of a
                                   footnote hit is the page of its anchor)
========== ======================= ===========================================================

The markers are left out of the indexed text so that a phrase spanning a page
turn still matches and ``page`` does not match every document with a page
break; the stored ``body`` keeps them, so snippet offsets are offsets into
``Document.text``.

DOCS: docs/search.md#the-index
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

import tantivy

from memcon.model.dates import day_bound, iso_display
from memcon.model.records import Document

ANALYZER = "memcon_fold"
"""Name of the text analyzer registered in the index: simple tokenizer, long-token removal,
lower case, ASCII folding; no stemming, no stop words."""
ANALYZER_VERSION = "1"
SCHEMA_VERSION = 2
MAX_TOKEN_BYTES = 40
TEXT_FIELDS = ("heading", "text", "footnotes")

_PAGE_MARKER = re.compile(r"\[Page [^\]\n]{1,24}\]")


def build_analyzer() -> tantivy.TextAnalyzer:
    """The analyzer used for indexing and for query words (they must agree)."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN_BYTES))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def build_schema() -> tantivy.Schema:
    """The schema described in the module docstring."""
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    sb.add_text_field("volume_id", stored=True, fast=True, tokenizer_name="raw")
    sb.add_text_field("doc_type", stored=True, fast=True, tokenizer_name="raw")
    sb.add_integer_field("date_min", indexed=True, fast=True)
    sb.add_integer_field("date_max", indexed=True, fast=True)
    sb.add_text_field("date", stored=True, tokenizer_name="raw")
    sb.add_text_field("heading", stored=True, tokenizer_name=ANALYZER)
    sb.add_text_field("text", stored=False, tokenizer_name=ANALYZER)
    sb.add_bytes_field("body", stored=True)
    sb.add_text_field("footnotes", stored=True, tokenizer_name=ANALYZER)
    sb.add_bytes_field("pages", stored=True)
    sb.add_bytes_field("notes", stored=True)
    return sb.build()


def day_number(iso: str | None, *, end: bool = False) -> int | None:
    """:func:`memcon.model.dates.day_bound` as an integer (``1961-06-04`` → 19610604), for
    tantivy's integer date fields: the index and the store bound a date the same way.

    >>> day_number("1919-06", end=True), day_number("1919"), day_number("June 1919")
    (19190630, 19190101, None)
    """
    bound = day_bound(iso, end=end)
    return None if bound is None else int(bound.replace("-", ""))


display_date = iso_display
"""The date a hit shows (see :func:`memcon.model.dates.iso_display`)."""


_BRACKETED = re.compile(r"\[([^\[\]\n]+)\]")
"""A bracketed run without brackets or line breaks: every footnote anchor ``[N]`` is one."""
_PLAIN_NUMBER = re.compile(r"[^\[\]\s]+")
_JSON_STRING = json.encoder.encode_basestring_ascii  # type: ignore[attr-defined]


def _footnote_anchors(document: Document) -> re.Pattern[str] | None:
    numbers = sorted({f.n for f in document.footnotes if f.n and not f.inline}, key=len, reverse=True)
    if not numbers:
        return None
    return re.compile(r"\[(?:" + "|".join(re.escape(n) for n in numbers) + r")\]")


def searchable_text(text: str, anchors: re.Pattern[str] | None = None) -> str:
    """``text`` with ``[Page N]`` markers (and the document's footnote anchors) blanked out."""
    text = _PAGE_MARKER.sub(" ", text)
    return anchors.sub(" ", text) if anchors is not None else text


def _document_text(document: Document) -> str:
    """:func:`searchable_text` of ``document.text`` with its footnote anchors, faster.

    When every anchor number is free of brackets and white space (always, in FRUS), an
    anchor ``[N]`` is exactly a bracketed run (:data:`_BRACKETED`) whose content is one of
    the numbers; such runs never overlap, and blanking page markers first cannot make new
    ones (the blank is a space), so one scan with a set lookup blanks the same spans as the
    alternation of :func:`_footnote_anchors`, without compiling a pattern per document.
    """
    numbers = {f.n for f in document.footnotes if f.n and not f.inline}
    text = document.text
    if "[Page " in text:
        text = _PAGE_MARKER.sub(" ", text)
    if not numbers:
        return text
    if not all(_PLAIN_NUMBER.fullmatch(n) for n in numbers):
        return searchable_text(document.text, _footnote_anchors(document))
    return _BRACKETED.sub(lambda m: " " if m.group(1) in numbers else m.group(0), text)


def _pages_json(document: Document) -> bytes:
    """``json.dumps([[p.n, p.offset] …], separators=(",", ":"))`` as UTF-8, built directly."""
    return ("[" + ",".join(f"[{_JSON_STRING(p.n)},{p.offset}]" for p in document.pages) + "]").encode()


@dataclass(frozen=True, slots=True)
class StoredHit:
    """What a hit reads back from the index, without touching the store."""

    doc_id: str
    volume_id: str
    doc_type: str
    heading: str
    date: str | None
    body: bytes
    """``Document.text`` as UTF-8 (tantivy's snippet offsets are byte offsets into it)."""
    footnotes: str
    pages: tuple[tuple[str, int], ...]
    notes: tuple[tuple[int, int], ...] = ()
    """(start of the footnote in ``footnotes``, offset of its anchor in the text), in order."""


def to_tantivy(document: Document, schema: tantivy.Schema) -> tantivy.Document:
    """The tantivy document indexed for ``document``."""
    parts: list[str] = []
    starts: list[str] = []
    position = 0
    for note in document.footnotes:
        if note.inline:
            continue
        text = note.text
        if "[Page " in text:
            text = _PAGE_MARKER.sub(" ", text)
        starts.append(f"[{position},{note.offset}]")
        parts.append(text)
        position += len(text) + 2
    fields: dict[str, object] = {
        "doc_id": document.id,
        "volume_id": document.volume_id,
        "doc_type": document.doc_type,
        "heading": document.heading,
        "text": _document_text(document),
        "body": document.text.encode("utf-8"),
        "footnotes": "\n\n".join(parts),
        "pages": _pages_json(document) if document.pages else b"[]",
        "notes": ("[" + ",".join(starts) + "]").encode(),
    }
    date = document.date
    if date is not None:
        low = _day(date.sort_key, False)
        high = _day(date.sort_key_end, True)
        if low is not None and high is not None:
            fields["date_min"] = low
            fields["date_max"] = max(low, high)
        shown = display_date(date)
        if shown:
            fields["date"] = shown
    return tantivy.Document.from_dict(fields, schema)


@lru_cache(maxsize=8192)
def _day(iso: str | None, end: bool) -> int | None:
    """:func:`day_number`, cached: the same dates recur throughout a volume."""
    return day_number(iso, end=end)


def from_tantivy(doc: tantivy.Document) -> StoredHit:
    """The stored fields of a hit."""
    values = doc.to_dict()

    def text(name: str) -> str | None:
        got = values.get(name)
        return str(got[0]) if got else None

    def data(name: str) -> bytes:
        got = values.get(name)
        return bytes(got[0]) if got else b""

    pages = json.loads(data("pages") or b"[]")
    return StoredHit(
        doc_id=text("doc_id") or "",
        volume_id=text("volume_id") or "",
        doc_type=text("doc_type") or "",
        heading=text("heading") or "",
        date=text("date"),
        body=data("body"),
        footnotes=text("footnotes") or "",
        pages=tuple((str(n), int(o)) for n, o in pages),
        notes=tuple((int(a), int(b)) for a, b in json.loads(data("notes") or b"[]")),
    )
