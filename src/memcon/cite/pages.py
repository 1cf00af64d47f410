"""The printed page of an offset or a passage of a document: what a pin-cite points at.

A document's page map (``Document.pages``, :class:`memcon.model.records.PageBreak`) lists
where each printed page begins in ``Document.text``.  The page in force at a character
offset is the last entry at or before it (the rule search uses for a hit's page,
:func:`memcon.search._snippets.page_at`); text before the first entry is on the page before
it when that entry is a page turn printed in the text (``[Page 226]`` → page 225).

A passage (``memcon cite --quote``) is found **exactly**, after normalising both sides:
runs of whitespace count as one space, curly quotes and apostrophes as straight ones, dashes
as hyphens, and the ``[Page N]`` markers and footnote anchors ``[N]`` rendered inside the
text are not part of it.  Fuzzy matching (OCR errors, omitted words) is ``memcon quote``'s
job (:mod:`memcon.cite.quotes`).

DOCS: docs/cite.md#pages-and-passages
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from memcon.errors import InvalidValue, NotFound
from memcon.model.records import Document
from memcon.search._snippets import page_at

_SKIPPED = re.compile(r"\[Page [^\]\n]*\]*\]|\[\d{1,3}\]")
"""Rendered markers that are no part of a quotation: ``[Page 226]`` (``[Page [326]]``) and footnote anchors."""
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ",
})
RANGE_DASH = "\u2013"
"""Joins the first and last page of a passage that runs over a page turn (``226–227``)."""


@dataclass(frozen=True, slots=True)
class Passage:
    """Where a quoted passage stands: ``[start, end)`` in ``Document.text`` (or in the text of
    footnote ``footnote``, an index into ``Document.footnotes``) and its printed page(s)."""

    start: int
    end: int
    page: str | None
    """``226``, or ``226–227`` when the passage runs over a page turn; ``None`` without a page map.
    A footnote is printed at the foot of the page of its anchor."""
    footnote: int | None = None


def document_pages(document: Document) -> tuple[str, ...]:
    """The printed pages the document is on, in order (without repeats)."""
    seen: dict[str, None] = {}
    for pb in document.pages:
        seen.setdefault(pb.n, None)
    return tuple(seen)


def page_at_offset(document: Document, offset: int) -> str | None:
    """The printed page on which character ``offset`` of ``document.text`` stands.

    ``None`` when the document has no page map (a Wilson Center record, a web page without
    ``[Page N]`` markers), or when the offset lies before a first page turn whose number is
    not a plain number (the page before ``[Page xii]`` is not known).
    """
    pages = document.pages
    if not pages:
        return None
    first = pages[0]
    if offset < first.offset and first.marker:
        return str(int(first.n) - 1) if first.n.isdigit() and int(first.n) > 1 else None
    return page_at([(pb.n, pb.offset) for pb in pages], offset)


def _normalise(text: str) -> tuple[str, list[int]]:
    """``text`` folded for matching, and for each character of the result its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    pending_space = False
    for m in [*_SKIPPED.finditer(text), None]:
        stop = m.start() if m is not None else len(text)
        for i in range(pos, stop):
            ch = text[i].translate(_FOLD)
            if ch.isspace():
                pending_space = bool(out)
                continue
            if pending_space:
                out.append(" ")
                where.append(i - 1)
                pending_space = False
            out.append(ch)
            where.append(i)
        if m is not None:
            pos = m.end()
    return "".join(out), where


def find_passage(document: Document, passage: str) -> Passage:
    """Find ``passage`` in ``document.text`` (exact after normalising whitespace, quotes, dashes and
    rendered markers), else in its footnotes, and give where it stands and its printed page(s).

    Raises :class:`memcon.errors.InvalidValue` for an empty passage and
    :class:`memcon.errors.NotFound` when the text does not hold it.

    DOCS: docs/cite.md#pages-and-passages
    """
    needle, _ = _normalise(passage)
    if not needle:
        raise InvalidValue("the passage to find is empty", hint="give a few words of the document's text")
    found = _find(document.text, needle)
    if found is not None:
        start, end = found
        return Passage(start=start, end=end, page=_page_span(document, start, end))
    for i, note in enumerate(document.footnotes):  # the text first; then the notes, by their anchors
        found = _find(note.text, needle)
        if found is not None:
            return Passage(start=found[0], end=found[1], page=page_at_offset(document, note.offset), footnote=i)
    raise NotFound(
        f"{document.id} does not contain the passage {_short(passage)!r} (even after normalising "
        "whitespace, quotes and dashes)",
        hint='to find a passage that may be misquoted, abridged or in another document, run `memcon quote "…"`',
    )


def _find(text: str, needle: str) -> tuple[int, int] | None:
    """Where the normalised ``needle`` stands in ``text`` (exact, else ignoring case), as offsets of ``text``."""
    hay, where = _normalise(text)
    at = hay.find(needle)
    if at < 0:
        at = hay.lower().find(needle.lower())
        if at < 0:
            return None
    return where[at], where[at + len(needle) - 1] + 1


def page_of_passage(document: Document, passage: str | int) -> str | None:
    """The printed page of a passage (its words, found by :func:`find_passage`) or of a character
    offset of ``document.text``: ``226``, ``226–227`` when a passage runs over a page turn, or
    ``None`` when the document has no page map.

    DOCS: docs/cite.md#pages-and-passages
    """
    if isinstance(passage, int):
        if not 0 <= passage <= len(document.text):
            raise InvalidValue(f"offset {passage} is outside {document.id} (0–{len(document.text)})")
        return page_at_offset(document, passage)
    return find_passage(document, passage).page


def check_page(document: Document, page: str) -> str:
    """``page`` as a pin-cite of ``document``: one of its printed pages, or a range ``226–227``
    (also written ``226-227``) of two of them.  Returns it normalised (an en dash in a range).

    Raises :class:`memcon.errors.InvalidValue` naming the document's pages otherwise.
    """
    pages = document_pages(document)
    wanted = page.strip()
    parts = [p.strip() for p in re.split(r"\s*[-\u2013]\s*", wanted)] if wanted not in pages else [wanted]
    if parts and len(parts) <= 2 and all(p in pages for p in parts):
        if len(parts) == 2 and pages.index(parts[0]) > pages.index(parts[1]):
            raise InvalidValue(f"page range {page!r} runs backwards", hint=f"write {parts[1]}{RANGE_DASH}{parts[0]}")
        return RANGE_DASH.join(dict.fromkeys(parts))
    if not pages:
        raise InvalidValue(
            f"{document.id} has no printed pages to cite (it is not from a printed volume)",
            hint="cite it without --page",
        )
    raise InvalidValue(f"page {page!r} is not a page of {document.id}", hint=f"its pages are {_list_pages(pages)}")


def _page_span(document: Document, start: int, end: int) -> str | None:
    first = page_at_offset(document, start)
    last = page_at_offset(document, max(start, end - 1))
    if first is None or last is None or first == last:
        return first if first is not None else last
    return f"{first}{RANGE_DASH}{last}"


def _list_pages(pages: tuple[str, ...]) -> str:
    if len(pages) > 12:
        return ", ".join(pages[:6]) + ", …, " + ", ".join(pages[-3:])
    return ", ".join(pages)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
