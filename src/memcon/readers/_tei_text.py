"""Render one FRUS TEI document into text, page map, footnotes and annotation spans.

The rendering follows history.state.gov (its ODD, ``hsg-shell/resources/odd/source/frus.odd``):
children are rendered in document order; ``head``, ``p``, ``list``, ``table`` … are blocks;
``pb`` is ``[Page N]`` where it stands; a ``note`` is a footnote anchored ``[N]``, except an
inline note (``rend="inline"``), which is a paragraph of its own.  Whitespace is normalised:
XML indentation never reaches the text.

:data:`RENDER` is the table of TEI element → behaviour; :mod:`._tei_walk` does the walk.

DOCS: docs/architecture.md#records
"""

from __future__ import annotations

from typing import Any

from memcon.model.records import Annotation, Footnote
from memcon.readers._tei_records import AttachmentSpan, Note, Rendered
from memcon.readers._tei_walk import CODES, INLINE, NON_ELEMENTS, SPAN, walk
from memcon.readers._text_buffer import Inexact, trim_span

TEI = "{http://www.tei-c.org/ns/1.0}"
FRUS = "{http://history.state.gov/frus/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

NOTE = TEI + "note"
LB = TEI + "lb"
ITEM = TEI + "item"
LABEL = TEI + "label"
HEAD = TEI + "head"
LIST = TEI + "list"
CELL = TEI + "cell"
ROW = TEI + "row"
P = TEI + "p"
DIV = TEI + "div"
PERSNAME = TEI + "persName"

# Editors' tags kept as Annotation spans: tag → (kind, attribute holding the pointer).
ANNOTATED: dict[str, tuple[str, str | None]] = {
    TEI + "persName": ("persName", "corresp"),  # corresp="#p_KNS1"; frus1917Supp02v02 points into v01
    TEI + "placeName": ("placeName", "ref"),
    TEI + "orgName": ("orgName", "ref"),
    TEI + "gloss": ("gloss", "target"),  # target="#t_USSR1"; gloss type="to" in 1861 headings
    TEI + "term": ("term", "ref"),
    TEI + "ref": ("ref", "target"),  # cross-volume targets: "frus1919Parisv03#pg_817"
    TEI + "date": ("date", None),
    TEI + "quote": ("quote", None),
}
_POINTER_FALLBACK = ("corresp", "target", "ref")


def _pointer_and_role(el: Any, attr: str | None) -> tuple[str | None, str | None]:
    """An annotated tag's pointer (its kind's attribute, else the first of corresp, target,
    ref that is not empty) and its ``type``."""
    attrs = dict(el.items())  # one call for all: lxml's get() costs as much for each
    get = attrs.get
    if attr is not None:
        value = get(attr)
        if value:
            return value, get("type")
    for name in _POINTER_FALLBACK:
        value = get(name)
        if value:
            return value, get("type")
    return None, get("type")


def plain(el: Any) -> str:
    """The text of ``el`` without its notes, whitespace normalised, ``lb`` as a space."""
    if not len(el):  # no child: the commonest case (dates, places, most heads of old volumes)
        value = el.text
        return " ".join(value.split()) if value else ""
    parts: list[str] = []
    _plain_parts(el, parts)
    return " ".join("".join(parts).split())


def _plain_parts(el: Any, parts: list[str]) -> None:
    if el.text:
        parts.append(el.text)
    for ch in el:
        tag = ch.tag
        if tag.__class__ is str and tag != NOTE:
            if tag == LB:
                parts.append(" ")
            if len(ch):
                _plain_parts(ch, parts)
            elif ch.text:
                parts.append(ch.text)
        if ch.tail:
            parts.append(ch.tail)


# TEI element → behaviour (what each does: _tei_walk.walk)
RENDER: dict[str, str] = {
    TEI + "p": "paragraph",
    TEI + "ab": "paragraph",
    TEI + "head": "head",  # document head: the first line; list/table heads: a line
    TEI + "dateline": "dateline",  # may sit in opener or closer (dated at the foot: 1861)
    TEI + "list": "list",  # label + item on one line: "(1) During the discussion …"
    TEI + "item": "line",  # an item outside a list
    TEI + "table": "block",
    TEI + "row": "row",  # one line, cells separated by " | "; lb in a cell is a space
    TEI + "quote": "quote",  # inline in a paragraph unless it holds p or div, as hsg prints it
    TEI + "closer": "block",
    TEI + "signed": "line",
    TEI + "salute": "line",
    TEI + "opener": "block",
    TEI + "postscript": "block",
    TEI + "trailer": "line",
    TEI + "byline": "line",
    TEI + "docAuthor": "line",
    TEI + "figure": "block",
    TEI + "graphic": "skip",  # no printed text
    TEI + "figDesc": "skip",
    TEI + "lg": "block",
    TEI + "l": "line",
    TEI + "sp": "block",
    TEI + "speaker": "line",
    TEI + "epigraph": "block",
    TEI + "floatingText": "block",
    TEI + "body": "block",
    TEI + "div": "div",  # a document in a document (frus1861) stays in its text: an Attachment
    TEI + "lb": "lb",  # a line break (dateline, closer, address); a space in heads and cells
    TEI + "pb": "pb",  # [Page N] where it stands; in a footnote, after the footnote's anchor
    TEI + "gap": "gap",  # frus1882 "po<gap/> by": an illegible passage, shown as [...]
    TEI + "note": "note",
    FRUS + "attachment": "attachment",  # an enclosure: what it holds is not the document's own
}

_CODES: dict[Any, int] = {
    **{tag: CODES[behaviour] for tag, behaviour in RENDER.items()},
    **{tag: SPAN for tag in ANNOTATED},
    **NON_ELEMENTS,
}
_ANNOTATED = {tag: (kind, attr, CODES[RENDER[tag]] if tag in RENDER else INLINE)
              for tag, (kind, attr) in ANNOTATED.items()}


def render(root: Any) -> Rendered:
    """Render the document element ``root``: its text, pages, footnotes, annotations, attachments."""
    try:
        walked = walk(root, _CODES, _ANNOTATED)
    except Inexact:  # whitespace other than spaces, line breaks and indentation
        walked = walk(root, _CODES, _ANNOTATED, exact=True)
    text = walked.text
    footnotes: list[Footnote] = []
    for note in walked.notes:
        footnotes.append(_footnote(note, text, footnotes))
    annotations: list[Annotation] = []
    for kind, start, end, el, index, attr in walked.spans:
        base = text if index is None else footnotes[index].text
        end = min(end, len(base))
        while start < end and base[start] in " \n":  # separators written after the start
            start += 1
        while end > start and base[end - 1] in " \n":
            end -= 1
        if start < end:
            pointer, role = _pointer_and_role(el, attr)
            annotations.append(Annotation(kind, start, end, base[start:end], pointer, role, index))
    attachments = []
    for owner, start, end in walked.attachments:
        start, end = trim_span(text, start, end)
        attachments.append(AttachmentSpan(owner, start, end))
    return Rendered(text, walked.pages, footnotes, annotations, attachments, walked.owner)


def _footnote(note: Note, text: str, footnotes: list[Footnote]) -> Footnote:
    body = note.text
    offset = note.offset
    if note.inline:
        if note.within is None:
            offset, end = trim_span(text, note.offset, note.end)
            body = text[offset:end]
        else:  # printed in a footnote's text: that footnote's anchor places it
            parent = footnotes[note.within]
            start, end = trim_span(parent.text, note.offset, note.end)
            body, offset = parent.text[start:end], parent.offset
    return Footnote(note.n, body, offset, note.kind, note.inline, note.xml_id)
