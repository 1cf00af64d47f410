"""Build history.state.gov copy-paste pages from TEI-read documents (for reader and dedup tests).

:func:`render_hsg_page` writes a :class:`Document` the way the seed
``corpus/seeds/frus1961-63v05-d88.web.txt`` shows one: the heading with the source note's
marker glued to it ("88. Memorandum of Conversation0"; old volumes' headings carry no number,
as on the site: "Mr. F. W. Seward to Mr. Adams"), the dateline, the SUBJECT and PARTICIPANTS
lists as bullets under blank lines, the paragraphs with ``[Page N]`` inline and footnote
markers glued to the word before them ("message2"), and the footnotes listed at the end
("  1. Source: …").  Everything else is the TEI reader's text as it stands.
"""

from __future__ import annotations

import re

from memcon.model.records import Document

_LIST_HEADS = (("subject", re.compile(r"^SUBJECTS?:?$")), ("participants", re.compile(r"^PARTICIPANTS?:?$")))


def _anchored(document: Document) -> list[tuple[int, str, bool]]:
    """``(offset, label, is_source)`` of each footnote whose ``[N]`` anchor stands in the text."""
    found = []
    for note in document.footnotes:
        if note.inline or note.n is None:
            continue
        if document.text.startswith(f"[{note.n}]", note.offset):
            found.append((note.offset, note.n, note.kind == "source"))
    return sorted(found)


def render_hsg_page(document: Document, *, volume_title: str | None = None, url: bool = False,
                    source_marker: str = "0") -> str:
    """``document`` as a historian's copy of its history.state.gov page.

    ``volume_title`` adds the site's breadcrumb line above the heading, ``url`` the page's
    address below it; the source note's marker is printed ``source_marker`` (the site prints "0").
    """
    text = document.text
    shift = 0
    pieces: list[str] = []
    position = 0
    first_line_end = text.find("\n") if "\n" in text else len(text)
    for offset, label, is_source in _anchored(document):
        at = offset + shift
        pieces.append(text[position:at].rstrip(" "))
        pieces.append(source_marker if is_source and at < first_line_end else label)
        position = at + len(label) + 2
    pieces.append(text[position:])
    body = "".join(pieces)
    body = _bullets(body, document)
    out: list[str] = []
    if volume_title:  # the site's breadcrumb, when the copy begins above the heading
        out.append(f"Home › Historical Documents › {volume_title} › Document {document.n or ''}".rstrip() + "\n\n")
    head, _, rest = body.partition("\n")
    out.append(head + "\n")
    if url and document.volume_id.startswith("frus"):
        out.append(f"https://history.state.gov/historicaldocuments/{document.id}\n")
    out.append(rest)
    notes = [note for note in document.footnotes if not note.inline and note.n is not None]
    if notes:
        out.append("\n\n")
        lines = []
        for note in notes:
            paragraphs = [p.strip() for p in note.text.split("\n") if p.strip()] or [""]
            lines.append(f"  {note.n}. {paragraphs[0]}".rstrip())
            lines.extend(paragraphs[1:])
        out.append("\n".join(lines))
    return "".join(out)


def _bullets(text: str, document: Document) -> str:
    """The SUBJECT and PARTICIPANTS blocks printed as bullets under blank lines, as the site shows them."""
    lines = text.split("\n")
    for field, head in _LIST_HEADS:
        if not getattr(document, field):
            continue
        for i, line in enumerate(lines):
            if head.match(line):
                j = i + 1
                while j < len(lines) and lines[j].strip():
                    lines[j] = "  • " + lines[j]
                    j += 1
                lines[i] = ""
                break
    return "\n".join(lines)


__all__ = ["render_hsg_page"]
