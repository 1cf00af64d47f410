"""Read a FRUS document copied from history.state.gov into a :class:`Volume` and a :class:`Document`.

A historian selects a document on history.state.gov and pastes it into a text file: the
numbered heading with the source note's marker glued to it ("88. Memorandum of
Conversation0"), a dateline when the page shows one, the SUBJECT and PARTICIPANTS lists as
bullets, the paragraphs with ``[Page N]`` where the printed page turns and footnote markers
glued to words ("message2"), and the footnotes listed at the end ("  1. Source: …").
:func:`read_hsg_page` turns that into the record the TEI reader gives for the same document:
``text`` rendered by the convention of :mod:`memcon.model.records` (anchors ``[N]``, list
heads SUBJECT/PARTICIPANTS, paragraphs separated by a blank line), ``pages`` from the
``[Page N]`` markers, ``footnotes`` tied to their anchors, the source note.  What the page
does not print (the chapter, the page a document begins on, a dateline the copy left out)
stays empty; the enrich stage parses the source note and editorial references.

DOCS: docs/formats.md#frus-pages-copied-from-historystategov
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from memcon.errors import EmptyInput, MalformedInput, ReadError
from memcon.model.records import Document, Footnote, PageBreak, Provenance, Volume
from memcon.readers import _doc_types
from memcon.readers._encoding import decode_text, sniff_text
from memcon.readers._hsg_markers import (
    ListedFootnote,
    Marker,
    find_markers,
    glued_sequence,
    next_label,
    parse_footnote_block,
    split_footnote_block,
)
from memcon.readers._hsg_structure import Bullet, dateline_fields, is_dateline, participants_of
from memcon.readers._tei_pages import page_number

READER = "memcon.hsg_page"
VERSION = "1"
FORMAT = "hsg-page"

HSG_VOLUME = "hsg"
"""``volume_id`` of a page that names neither its volume nor its document (id ``hsg/<sha256[:12]>``)."""

_URL = re.compile(r"https?://history\.state\.gov/historicaldocuments/(?P<volume>frus[\w-]+)/(?P<doc>d\d+[a-z]?)\b")
_URL_LINE = re.compile(r"^\s*(?:(?:URL|Link|Source URL)\s*:\s*)?<?https?://\S+>?\s*$", re.IGNORECASE)
_FILE_ID = re.compile(r"^(?P<volume>frus\d[\w-]*?)[-_.](?P<doc>d\d+[a-z]?)(?=[-_.]|$)")
_HEADING = re.compile(r"^(?P<n>\d{1,4}[A-Za-z]?)\.\s+(?P<rest>\S.*)$")
_INLINE_PAGE = re.compile(r"(?m)^(?=[^\n]{250})[^\n#>|]*?\S \[Page [^\]\n]+\] \S")
"""A paragraph copied as one long line with a page turn inside it (wrapped plain text has short lines)."""
_SITE = re.compile(r"(?m)^[^\n]*(?:Historical Documents\s*[›»>]|Office of the Historian)")
"""The site's breadcrumb or banner at the top of a copy."""
_SOURCE_LINE = re.compile(r"(?m)^[ \t]+[01]\. Source: ")
_SERIES = "Foreign Relations of the United States"
_BREADCRUMB = re.compile(r"›|»|\bHistorical Documents\b|\bOffice of the Historian\b|^" + _SERIES
                         + r"|^Papers [Rr]elating to (?:the )?[Ff]oreign")
_BULLET = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>[•◦▪●○■‣∙·])[ \t]*(?P<text>.*?)\s*$")
_PAGE = re.compile(r"\[Page (?P<n>[^\]\n]*\]*)\]")
_GLUED_WORD = re.compile(r"\b(the|of|and|to|in|by|for|with|on|at|from|that|an)(?=[A-Z]{2,}\b)")
"""A function word run into the abbreviation after it ("theUSSR"): the site's term links eat the space."""
_PREAMBLE_LINES = 3
_PRE_HEADING = re.compile(
    r"^(?:\[(?!Untitled\])[^\]]*\]\.?"  # "[Telegram]", "[Translation.]" (but "[Untitled]" is a heading)
    r"|No\. ?\d+[^ ]*\]?|File No\..*|[A-Z]{1,2}\."  # "No. 378.]", "File No. 861.00/1401", enclosure "A."
    r"|\d[\d.]*|\d[\d.]*[\w .-]*/[\w ./–—-]*(?::.*)?|\(.*\)"  # "882.6176 F 51/19", "(Confidential)"
    r"|.*:\s*(?:Circular )?[Tt]elegram\.?|.*[–—-]Telegram"  # "…/52: Telegram", "832.51/850–Telegram"
    r"|(?:Treaty|Executive Agreement) Series No\. \d+|Inquiry Document No\. \d+|.*\bFiles?:.*|[\w. ]+ Papers)$"
)
_FILE_NUMBER = re.compile(r"\w/[\d–—-]")


def _pre_heading(line: str) -> bool:
    """What old volumes print above a heading: "No. 378.]", "[Telegram]", "File No. 600.939/32",
    "882.6176 F 51/19", "710. G Commercial Agreement/52: Telegram", "Woodrow Wilson Papers", a line
    in capitals ("THE DEPARTMENT OF STATE TO THE UNITED STATES LEGATION AT BERLIN.")."""
    if _PRE_HEADING.match(line):
        return True
    if len(line) <= 80 and _FILE_NUMBER.search(line):
        return True
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


_DATELINE_SEARCH = 5
"""How many lines under the heading may hold the dateline when it is not the first."""
_MAX_SHORT_LINE = 160
_HSG_CHARACTERS = str.maketrans({"\u02bc": "'", "\u00a0": " ", "\u200b": None, "\ufeff": None})
"""The site prints the volumes' ``'`` as U+02BC ("Presidentʼs"); non-breaking and zero-width spaces."""


class HsgPageWarning(UserWarning):
    """A page was read, but something in it looks wrong (a footnote without marker, ids that disagree)."""


def sniff_hsg_page(head: bytes) -> bool:
    """True if ``head`` (the first KB of a file) looks like a FRUS document copied from history.state.gov.

    A history.state.gov document URL or the site's breadcrumb decides, or a paragraph copied as one long line (250
    characters or more) with a ``[Page N]`` marker inside it, or a footnote list at the end whose
    markers are glued in the text above it; otherwise the first line must be a
    numbered heading ("88. Memorandum of Conversation0", after an optional volume title) and the
    page must show a ``[Page N]`` marker, bullet lines or an indented "  1. Source: …" footnote.
    """
    text = sniff_text(head)
    if text is None or text.lstrip()[:1] in ("<", "{", "["):
        return False
    if _URL.search(text):
        return True
    if _INLINE_PAGE.search(text) or _SITE.search(text[:2000]) or _footnoted(text):
        return True
    lines = [line for line in text.split("\n")[:40] if line.strip()]
    for line in lines[:3]:
        if _HEADING.match(line.strip()):
            return ("[Page " in text or any(_BULLET.match(x) for x in lines[:12])
                    or _SOURCE_LINE.search(text) is not None)
        if not _BREADCRUMB.search(line):
            return False
    return False


def _footnoted(text: str) -> bool:
    """True if ``text`` ends with a footnote list whose markers are glued in the text above it."""
    lines = text.split("\n")
    start = split_footnote_block(lines, 1)
    if start is None:
        return False
    listed = parse_footnote_block(lines, start)
    markers, missing = find_markers("\n".join(lines[:start]), listed, tails=False)
    return bool(markers) and len(missing) <= len(listed) // 2


def names_hsg_document(path: str | os.PathLike[str]) -> bool:
    """True if the file's name gives a FRUS document id as the site's addresses do
    (``frus1961-63v05-d88.web.txt``, ``frus1861_d133.txt``): a hint for format detection when a
    copied page shows nothing of the site (an old volume's short document)."""
    return _FILE_ID.match(Path(os.fspath(path)).name) is not None


def read_hsg_page(source: str | os.PathLike[str], *, sha256: str | None = None) -> Iterator[Volume | Document]:
    """Yield the :class:`Volume` (its title when the page shows one), then the one :class:`Document`.

    Raises :class:`EmptyInput` (empty file, no text), :class:`MalformedInput` (not text; footnote
    markers but no footnote list: a truncated copy).  Warns :class:`HsgPageWarning` for a listed
    footnote whose marker is not in the text, a marker beyond the list, ids that disagree.

    DOCS: docs/formats.md#frus-pages-copied-from-historystategov
    """
    path = os.fspath(source)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror or exc}", path=path,
                        hint="check the path and its permissions") from exc
    if sha256 is None:
        sha256 = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise EmptyInput("the file is empty", path=path,
                         hint="copy the document again from history.state.gov and save it as text")
    text, _encoding = decode_text(data, path=path)
    volume, document = parse_hsg_page(text, path=path, sha256=sha256)
    yield volume
    yield document


@dataclass(slots=True)
class _Draft:
    """The text being assembled, markers still glued, and the spans of the fields inside it."""

    text: str = ""
    heading: tuple[int, int] = (0, 0)
    dateline: tuple[int, int] | None = None
    items: tuple[list[tuple[int, int]], list[tuple[int, int]]] = field(default_factory=lambda: ([], []))

    def add(self, piece: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += piece
        return start, len(self.text)


def parse_hsg_page(text: str, *, path: str, sha256: str) -> tuple[Volume, Document]:
    """The Volume and Document of a page's decoded ``text`` (``path`` names it in messages and ids)."""
    lines = [("" if _URL_LINE.match(line) else line) for line in text.translate(_HSG_CHARACTERS).split("\n")]
    heading_at, title = _find_heading(lines)
    if heading_at is None:
        raise EmptyInput("the file holds no text", path=path,
                         hint="copy the document again from history.state.gov and save it as text")
    url = _URL.search(text)
    block_at = split_footnote_block(lines, heading_at + 1)
    listed = parse_footnote_block(lines, block_at) if block_at is not None else []
    body_end = block_at if block_at is not None else len(lines)
    heading_line = " ".join(lines[heading_at].split())
    m = _HEADING.match(heading_line)
    if m is not None and _pre_heading(heading_line):
        m = None  # "710. G Commercial Agreement/52: Telegram" is a file number, not document 710
    volume_id, doc_part = _ids(url, path, m.group("n") if m else None)
    if m is not None and doc_part and doc_part != f"d{m.group('n')}":
        m = None  # "4. Mr. Fish to …" in frus1873p2v3 d23: the heading's own numbering, kept in it
    # old volumes' headings carry no number: the site prints it only in the page's address
    n = m.group("n") if m else (doc_part[1:] if doc_part else None)

    draft = _Draft()
    draft.heading = (len(m.group(0)) - len(m.group("rest")), len(heading_line)) if m else (0, len(heading_line))
    draft.add(heading_line)
    i = _skip_blank(lines, heading_at + 1, body_end)
    if i < body_end and not _BULLET.match(lines[i]) and is_dateline(lines[i].strip()):
        draft.add("\n")
        draft.dateline = draft.add(" ".join(lines[i].split()))
        i += 1
    blocks: list[list[Bullet]] = []
    i = _skip_blank(lines, i, body_end)
    while i < body_end and _BULLET.match(lines[i]) and len(blocks) < 2:
        block: list[Bullet] = []
        while i < body_end and (bm := _BULLET.match(lines[i])):
            block.append(Bullet(_unglue(bm.group("text")), len(bm.group("indent").expandtabs(4)), bm.group("mark")))
            i += 1
        blocks.append([b for b in block if b.text])
        i = _skip_blank(lines, i, body_end)
    for k, (head, block) in enumerate(zip(("SUBJECT", "PARTICIPANTS"), blocks, strict=False)):
        if block:
            draft.add(f"\n\n{head}")
            for bullet in block:
                draft.add("\n")
                draft.items[k].append(draft.add(bullet.text))
    paragraphs = [_unglue(" ".join(line.split())) for line in lines[i:body_end] if line.strip()]
    for paragraph in paragraphs:
        draft.add("\n\n" + paragraph)

    final, footnotes, markers = _anchor(draft.text, listed, path=path, heading_line=heading_at + 1,
                                        block=block_at)
    heading = _clean(draft.text, draft.heading, markers)
    if n and heading.startswith(f"No. {n}. "):  # "No. 30. Mr. Hall to …" (frus1882), as the TEI reader
        heading = heading[len(f"No. {n}. "):]
    if _pre_heading(heading):  # a file number or "[Telegram]" printed above the heading
        candidates = ([_clean(draft.text, draft.dateline, markers)] if draft.dateline else []) + [
            _clean_line(p, listed) for p in paragraphs[:_DATELINE_SEARCH]]
        heading = next((c for c in candidates if not _pre_heading(c)), heading)
    subject_items = [_clean(draft.text, span, markers) for span in draft.items[0]]
    participant_items = [_clean(draft.text, span, markers) for span in draft.items[1]]
    participants = participants_of(participant_items, [b.indent for b in blocks[1]] if len(blocks) > 1 else [],
                                   [b.mark for b in blocks[1]] if len(blocks) > 1 else [])
    place, date = (None, None)
    if draft.dateline is not None:
        place, date = dateline_fields(_clean(draft.text, draft.dateline, markers))
    else:  # old volumes print a file number or a title before the dateline: its first short lines
        for k, paragraph in enumerate(paragraphs[:_DATELINE_SEARCH]):
            if len(paragraph) > _MAX_SHORT_LINE:
                break
            if is_dateline(paragraph):
                previous = paragraphs[k - 1] if k else ""
                if previous.endswith(",") and len(previous) < _MAX_SHORT_LINE // 2:
                    paragraph = f"{previous} {paragraph}"  # "Department of State," over "Washington, …"
                place, date = dateline_fields(_strip_glued(paragraph, listed))
                break
    pages = tuple(PageBreak(page_number(pm.group("n"), None), pm.start()) for pm in _PAGE.finditer(final)
                  if page_number(pm.group("n"), None))
    doc_id = f"{volume_id}/{doc_part}" if doc_part else f"{HSG_VOLUME}/{sha256[:12]}"
    provenance = Provenance(source=path, sha256=sha256, reader=READER, reader_version=VERSION, format=FORMAT,
                            line=heading_at + 1)
    source_notes = [f.text for f in footnotes if f.kind == "source"]
    year = int(date.sort_key[:4]) if date is not None and date.sort_key else None
    document = Document(
        id=doc_id, volume_id=volume_id, heading=heading, text=final, n=n,
        doc_type=_doc_types.classify(heading, year=year, participants=bool(participants), place=place,
                                     notes=[p for p in paragraphs[:_DATELINE_SEARCH] if _pre_heading(p)]),
        place=place, date=date, subject="; ".join(subject_items) or None,
        source_note="\n".join(source_notes) or None, footnotes=tuple(footnotes), participants=participants,
        pages=pages, provenance=(provenance,),
        url=f"https://history.state.gov/historicaldocuments/{doc_id}" if doc_part else None,
    )
    volume = Volume(id=volume_id, title=title or volume_id, provenance=provenance)
    return volume, document


def _skip_blank(lines: list[str], i: int, end: int) -> int:
    while i < end and not lines[i].strip():
        i += 1
    return i


def _unglue(text: str) -> str:
    return _GLUED_WORD.sub(r"\1 ", text) if text else text


def _find_heading(lines: list[str]) -> tuple[int | None, str | None]:
    """The index of the heading line (the first line after breadcrumb or volume-title lines) and
    the volume title those lines give."""
    title: str | None = None
    preamble = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if preamble < _PREAMBLE_LINES and _BREADCRUMB.search(stripped) and not _HEADING.match(stripped):
            title = _volume_title(stripped) or title
            preamble += 1
            continue
        return i, title
    return None, title


def _volume_title(line: str) -> str | None:
    """The volume's title out of a breadcrumb ("Home › Historical Documents › Foreign Relations of the
    United States, 1961–1963, Volume V, Soviet Union › Document 88") or a title line."""
    parts = [p.strip() for p in re.split(r"\s*[›»]\s*|\s+>\s+", line) if p.strip()]
    for i, part in enumerate(parts):
        if part == "Historical Documents" and i + 1 < len(parts):
            return parts[i + 1]
    for part in parts:
        if part.startswith(_SERIES) or re.match(r"Papers [Rr]elating to (?:the )?[Ff]oreign", part):
            return part
    return None


def _anchor(draft: str, listed: list[ListedFootnote], *, path: str, heading_line: int,
            block: int | None) -> tuple[str, list[Footnote], list[Marker]]:
    """The text with each footnote's glued marker rendered ``[N]``, and the footnotes tied to them."""
    if not listed:
        trace = glued_sequence(draft)
        heading = draft.split("\n", 1)[0]
        glued_heading = re.search(r"[A-Za-z)\]”][01]$", heading) is not None
        if glued_heading or trace:
            what = f"its heading ends with a footnote marker ({heading[-1]!r})" if glued_heading else \
                "its text holds footnote markers 1 and 2 glued to words"
            raise MalformedInput(
                f"{what}, but the page lists no footnotes at its end: the copy looks truncated",
                path=path, line=heading_line,
                hint="copy the whole document from history.state.gov, down to its last footnote "
                     "(or read the file with --format plain-text)",
            )
        return draft, [], []
    markers, missing = find_markers(draft, listed)
    for index in missing:
        note = listed[index]
        warnings.warn(HsgPageWarning(
            f"{path}:{note.line}: footnote {note.label} has no marker in the text; it is kept, "
            "anchored at the end of the text"), stacklevel=4)
    parts: list[str] = []
    offsets: dict[int, int] = {}
    position = 0
    length = 0
    for marker in markers:
        piece = draft[position:marker.start]
        parts.append(piece)
        length += len(piece)
        offsets[marker.footnote] = length
        anchor = f"[{listed[marker.footnote].label}]"
        parts.append(anchor)
        length += len(anchor)
        position = marker.end
    parts.append(draft[position:])
    final = "".join(parts)
    further = next_label(listed[-1].label)
    if further is not None and markers:
        after = markers[-1].end
        extra = find_markers(draft[after:], [ListedFootnote(further, "", 0)], tails=False)[0]
        if extra:
            warnings.warn(HsgPageWarning(
                f"{path}:{(block or 0) + 1}: the text holds a marker {further} after the last listed "
                f"footnote ({listed[-1].label}): the footnote list may be truncated"), stacklevel=4)
    footnotes = [
        Footnote(n=note.label, text=note.text, offset=offsets.get(i, len(final)),
                 kind="source" if note.text.startswith("Source:") else "footnote")
        for i, note in enumerate(listed)
    ]
    return final, footnotes, markers


def _clean(draft: str, span: tuple[int, int], markers: list[Marker]) -> str:
    """The draft's ``span`` without the footnote markers inside it: a field's value."""
    start, end = span
    parts: list[str] = []
    for marker in markers:
        if start <= marker.start and marker.end <= end:
            parts.append(draft[start:marker.start])
            start = marker.end
    parts.append(draft[start:end])
    return " ".join("".join(parts).split())


def _clean_line(line: str, listed: list[ListedFootnote]) -> str:
    return " ".join(_strip_glued(line, listed).split())


def _strip_glued(line: str, listed: list[ListedFootnote]) -> str:
    """A short line without the footnote markers glued in it (for a field's value)."""
    markers, _ = find_markers(line, listed, tails=False) if listed else ([], [])
    for marker in reversed(markers):
        line = line[:marker.start] + line[marker.end:]
    return line


def _ids(url: re.Match[str] | None, path: str, n: str | None) -> tuple[str, str | None]:
    """``(volume_id, "dN" or None)`` from the page's URL, else its file name.

    A heading number that differs from the URL's or the file name's ``dN`` is the heading's own
    numbering (frus1873p2v3 prints "4." on d23), kept in the heading, as the TEI reader keeps it.
    """
    if url is not None:
        return url.group("volume"), url.group("doc")
    m = _FILE_ID.match(Path(path).name)
    if m is not None:
        return m.group("volume"), m.group("doc")
    return HSG_VOLUME, None


__all__ = ["FORMAT", "HSG_VOLUME", "READER", "VERSION", "HsgPageWarning", "names_hsg_document", "parse_hsg_page",
           "read_hsg_page", "sniff_hsg_page"]
