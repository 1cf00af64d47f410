"""The FRUS TEI renderer as it was before it was made fast: the oracle of the equivalence tests.

A straightforward walk: every text node normalised as it is written (``Out.text``), every
element dispatched through a method.  :mod:`memcon.readers._tei_walk` must render exactly
what this renders (tests/readers/test_tei_render_equivalence.py); keep it as it is, and
change both when the rendering itself changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from memcon.model.records import Annotation, Footnote, PageBreak
from tests.readers._reference_buffer import Out, trim_span

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

GAP_TEXT = "[...]"  # <gap/> (frus1882 "po<gap/> by"): an illegible passage, shown as an ellipsis

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


def _pointer(el: Any, attr: str | None) -> str | None:
    if attr is not None:
        value = el.get(attr)
        if value:
            return str(value)
    for name in _POINTER_FALLBACK:
        value = el.get(name)
        if value:
            return str(value)
    return None


@dataclass(slots=True)
class Owner:
    """What one level of the document (itself, an attachment, an enclosure) owns."""

    el: Any
    dateline: Any = None
    subject: Any = None
    participants: Any = None
    source_notes: list[int] = field(default_factory=list)
    inline_notes: list[int] = field(default_factory=list)


@dataclass(slots=True)
class AttachmentSpan:
    owner: Owner
    start: int
    end: int


@dataclass(slots=True)
class _Note:
    n: str | None
    kind: str
    inline: bool
    xml_id: str | None
    offset: int
    end: int = 0
    text: str = ""
    within: int | None = None  # printed inside this footnote's text


@dataclass(slots=True)
class Rendered:
    """The result of rendering one document."""

    text: str
    pages: list[PageBreak]
    footnotes: list[Footnote]
    annotations: list[Annotation]
    attachments: list[AttachmentSpan]
    owner: Owner


Handler = Callable[["Walker", Any], None]


class Walker:
    """Walks one document element and renders it; see :data:`RENDER` for the behaviours."""

    def __init__(self, root: Any) -> None:
        self.out = Out()
        self.main = self.out
        self.pages: list[PageBreak] = []
        self.notes: list[_Note] = []
        self.spans: list[tuple[str, int, int, str | None, str | None, int | None]] = []
        self.attachments: list[AttachmentSpan] = []
        self.owners: list[Owner] = [Owner(root)]
        self.enclosed = 0  # inside a frus:attachment
        self.in_p = 0  # inside a paragraph: nested blocks break lines, not paragraphs
        self.inline = 0  # inside head/cell/label: blocks and lb become spaces
        self.note_index: int | None = None  # rendering this footnote's text
        self.parent_note: _Note | None = None  # inside a note (inline or anchored)
        self.deferred_pbs: list[Any] = []  # pb inside a footnote: marked after its anchor
        self.root = root

    # ------------------------------------------------------------------ driver
    def render(self) -> Rendered:
        self.children(self.root)
        text = self.main.value()
        annotations: list[Annotation] = []
        footnotes: list[Footnote] = []
        for note in self.notes:
            footnotes.append(self._footnote(note, text, footnotes))
        for kind, start, end, target, role, index in self.spans:
            base = text if index is None else footnotes[index].text
            start, end = trim_span(base, start, min(end, len(base)))
            if start < end:
                annotations.append(Annotation(kind, start, end, base[start:end], target, role, index))
        for att in self.attachments:
            att.start, att.end = trim_span(text, att.start, att.end)
        return Rendered(text, self.pages, footnotes, annotations, self.attachments, self.owners[0])

    @staticmethod
    def _footnote(note: _Note, text: str, footnotes: list[Footnote]) -> Footnote:
        body = note.text
        offset = note.offset
        if note.inline:
            base = text if note.within is None else footnotes[note.within].text
            start, end = trim_span(base, note.offset, note.end)
            body = base[start:end]
            offset = start if note.within is None else footnotes[note.within].offset
        return Footnote(note.n, body, offset, note.kind, note.inline, note.xml_id)

    def children(self, el: Any) -> None:
        """Render the content of ``el``: its text, each child by :data:`RENDER`, the tails.

        The hot path of the reader: whitespace-only text (indentation) and childless inline
        elements are handled here without a call.
        """
        out = self.out
        text = out.text
        value = el.text
        if value:
            if value.isspace():
                out.sp = True
            else:
                text(value)
        for ch in el:
            tag = ch.tag
            if tag.__class__ is str:
                handler, annotated = _DISPATCH.get(tag, _INLINE)
                if annotated is None:
                    if handler is not None:
                        handler(self, ch)
                    elif len(ch):
                        self.children(ch)  # hi, seg, del … and unknown elements: their text
                    else:
                        value = ch.text
                        if value:
                            text(value)
                else:
                    start = out.n
                    if handler is None:
                        self.children(ch)
                    else:
                        handler(self, ch)
                    self.spans.append(
                        (annotated[0], start, out.n, _pointer(ch, annotated[1]), ch.get("type"), self.note_index)
                    )
            # comments, processing instructions and unexpanded entities: no text, tail kept
            value = ch.tail
            if value:
                if value.isspace():
                    out.sp = True
                else:
                    text(value)

    # --------------------------------------------------------------- behaviours
    def inline_(self, el: Any) -> None:
        self.children(el)

    def block(self, el: Any) -> None:
        if self.inline:
            self.out.space()
            self.children(el)
            self.out.space()
            return
        lines = 1 if self.in_p else 2
        self.out.brk(lines)
        self.children(el)
        self.out.brk(lines)

    def paragraph(self, el: Any) -> None:
        if self.inline:
            self.block(el)
            return
        lines = 1 if self.in_p else 2
        self.out.brk(lines)
        self.in_p += 1
        self.children(el)
        self.in_p -= 1
        self.out.brk(lines)

    def line(self, el: Any) -> None:
        if self.inline:
            self.out.space()
            self.children(el)
            self.out.space()
            return
        self.out.brk(1)
        self.children(el)
        self.out.brk(1)

    def head(self, el: Any) -> None:
        if self.inline:
            self.children(el)
            return
        self.out.brk(1)
        self._inline_ctx(el)
        self.out.brk(1)

    def lb(self, el: Any) -> None:
        if self.inline:
            self.out.space()
        else:
            self.out.brk(1)

    def pb(self, el: Any) -> None:
        if self.out is not self.main:  # a pb inside a footnote: marked after its anchor
            self.deferred_pbs.append(el)
            return
        self._mark_page(el)

    def _mark_page(self, el: Any) -> None:
        n = el.get("n") or ""
        bracketed = re.fullmatch(r"\[([0-9]+|[IVXLCDM]+|[ivxlcdm]+)\]", n)  # "[326]" → 326
        if bracketed:
            n = bracketed.group(1)
        elif not n.strip("[] "):  # empty: the number of a pg_N id, else no marker shown
            page_id = re.fullmatch(r"pg_([0-9]+|[IVXLCDM]+|[ivxlcdm]+)", el.get(XML_ID) or "")
            n = page_id.group(1) if page_id else ""
        offset = self.main.marker(f"[Page {n}]") if n else self.main.n
        self.pages.append(PageBreak(n, offset, el.get("facs"), el.get(XML_ID), True))

    def gap(self, el: Any) -> None:
        self.out.text(GAP_TEXT)

    def skip(self, el: Any) -> None:
        """Elements without printed text (graphic, figDesc)."""

    def dateline(self, el: Any) -> None:
        owner = self.owners[-1]
        if owner.dateline is None and self.parent_note is None:
            owner.dateline = el
        self.line(el)

    def list_(self, el: Any) -> None:
        kind = el.get("type")
        owner = self.owners[-1]
        if kind == "subject" and owner.subject is None and self.parent_note is None:
            owner.subject = el
        elif kind == "participants" and owner.participants is None and self.parent_note is None:
            owner.participants = el
        if self.inline:
            self.out.space()
            self.children(el)
            self.out.space()
            return
        lines = 1 if self.in_p else 2
        out = self.out
        out.brk(lines)
        if el.text:
            out.text(el.text)
        after_label = False
        for ch in el:
            tag = ch.tag
            if tag == LABEL:
                out.brk(1)
                self._inline_ctx(ch)
                out.space()
                after_label = True
            elif tag == ITEM:
                if not after_label:
                    out.brk(1)
                self.in_p += 1
                self._annotated_child(ch, Walker.inline_)
                self.in_p -= 1
                out.brk(1)
                after_label = False
            elif tag.__class__ is str:
                self._annotated_child(ch, RENDER.get(tag, Walker.inline_))
            if ch.tail:
                out.text(ch.tail)
        out.brk(lines)

    def _inline_ctx(self, el: Any) -> None:
        self.inline += 1
        self.children(el)
        self.inline -= 1

    def _annotated_child(self, ch: Any, handler: Handler) -> None:
        annotated = ANNOTATED.get(ch.tag)
        start = self.out.n
        handler(self, ch)
        if annotated is not None:
            self.spans.append(
                (annotated[0], start, self.out.n, _pointer(ch, annotated[1]), ch.get("type"), self.note_index)
            )

    def table(self, el: Any) -> None:
        self.block(el)

    def row(self, el: Any) -> None:
        out = self.out
        if not self.inline:
            out.brk(1)
        first = True
        for ch in el:
            if ch.tag == CELL:
                if not first:
                    out.sep()
                first = False
                self._inline_ctx(ch)
            elif ch.tag.__class__ is str:
                self._annotated_child(ch, RENDER.get(ch.tag, Walker.inline_))
            if ch.tail and not ch.tail.isspace():  # stray text between cells: kept
                out.text(ch.tail)
        if not self.inline:
            out.brk(1)

    def quote(self, el: Any) -> None:
        # hsg: a quote inside a paragraph without p/div inside is inline, otherwise a block
        if self.in_p and el.find(".//" + P) is None and el.find(".//" + DIV) is None:
            self.children(el)
        else:
            self.block(el)

    def attachment(self, el: Any) -> None:
        """``frus:attachment``: an enclosure; what it holds is not the document's own."""
        self.enclosed += 1
        self._enclosure(el)
        self.enclosed -= 1

    def div(self, el: Any) -> None:
        if el.get("type") != "document" or self.enclosed:
            # frus1861: frus:attachment > div[@type='document'] is one enclosure, not two
            self.block(el)
            return
        self._enclosure(el)  # a document nested in a document, outside any frus:attachment

    def _enclosure(self, el: Any) -> None:
        """It stays in the parent's text and becomes an Attachment of it (outer ones first)."""
        owner = Owner(el)
        self.owners.append(owner)
        span = AttachmentSpan(owner, self.out.n, self.out.n)
        if self.out is self.main:
            self.attachments.append(span)
        self.block(el)
        self.owners.pop()
        span.end = self.out.n

    def note(self, el: Any) -> None:
        """A footnote anchored where it stands, or printed in place; a note inside a note too
        (frus1894Nicaragua d61), its offset in an anchored footnote's text that footnote's."""
        n = el.get("n")
        kind = "source" if el.get("type") == "source" else "footnote"
        # rend="inline" notes are printed in the text (source notes of 1917-36 volumes);
        # a note without @n (frus1870 "By the President:", rend="center" captions) cannot be
        # anchored by number: the book prints it in place, so do we.
        inline = el.get("rend") == "inline" or not n
        index = len(self.notes)
        owner = self.owners[-1]
        parent = self.parent_note
        in_main = self.out is self.main
        if kind == "source":
            owner.source_notes.append(index)
        if inline:
            note = _Note(n, kind, True, el.get(XML_ID), self.out.n)
            if in_main:
                owner.inline_notes.append(index)
            else:
                note.within = self.note_index
            self.notes.append(note)
            self.parent_note = note
            self.block(el)  # its annotations stay in the text, where it is printed
            self.parent_note = parent
            note.end = self.out.n
            return
        offset = self.out.anchor(f"[{n}]")
        if not in_main:
            assert self.note_index is not None
            offset = self.notes[self.note_index].offset
        note = _Note(n, kind, False, el.get(XML_ID), offset)
        self.notes.append(note)
        saved, saved_p, saved_inline, saved_index = self.out, self.in_p, self.inline, self.note_index
        self.out, self.in_p, self.inline = Out(), 0, 0
        self.note_index, self.parent_note = index, note
        self.children(el)
        note.text = self.out.value()
        self.out, self.in_p, self.inline = saved, saved_p, saved_inline
        self.note_index, self.parent_note = saved_index, parent
        if in_main:
            self._flush_deferred()

    def _flush_deferred(self) -> None:
        pbs, self.deferred_pbs = self.deferred_pbs, []
        for pb in pbs:
            self.main.space()  # "note[4] [Page 10] and …"
            self._mark_page(pb)


RENDER: dict[str, Handler] = {
    TEI + "p": Walker.paragraph,
    TEI + "ab": Walker.paragraph,
    TEI + "head": Walker.head,  # document head: the first line; list/table heads: a line
    TEI + "dateline": Walker.dateline,  # may sit in opener or closer (dated at the foot: 1861)
    TEI + "list": Walker.list_,  # label + item on one line: "(1) During the discussion …"
    TEI + "item": Walker.line,  # an item outside a list
    TEI + "table": Walker.table,
    TEI + "row": Walker.row,  # one line, cells separated by " | "; lb in a cell is a space
    TEI + "quote": Walker.quote,
    TEI + "closer": Walker.block,
    TEI + "signed": Walker.line,
    TEI + "salute": Walker.line,
    TEI + "opener": Walker.block,
    TEI + "postscript": Walker.block,
    TEI + "trailer": Walker.line,
    TEI + "byline": Walker.line,
    TEI + "docAuthor": Walker.line,
    TEI + "figure": Walker.block,
    TEI + "graphic": Walker.skip,
    TEI + "figDesc": Walker.skip,
    TEI + "lg": Walker.block,
    TEI + "l": Walker.line,
    TEI + "sp": Walker.block,
    TEI + "speaker": Walker.line,
    TEI + "epigraph": Walker.block,
    TEI + "floatingText": Walker.block,
    TEI + "body": Walker.block,
    TEI + "div": Walker.div,
    TEI + "lb": Walker.lb,  # a line break (dateline, closer, address); a space in heads and cells
    TEI + "pb": Walker.pb,
    TEI + "gap": Walker.gap,
    TEI + "note": Walker.note,
    FRUS + "attachment": Walker.attachment,
}

# tag → (behaviour or None for "render its content", annotation kind and pointer or None)
_DISPATCH: dict[str, tuple[Handler | None, tuple[str, str | None] | None]] = {
    tag: (RENDER.get(tag), ANNOTATED.get(tag)) for tag in {*RENDER, *ANNOTATED}
}
_INLINE: tuple[Handler | None, tuple[str, str | None] | None] = (None, None)
