"""The walk over one FRUS document: text with lazy separators, pages, notes, spans.

One call of :func:`walk` renders one document.  The behaviours of the table
:data:`._tei_text.RENDER` are dispatched by a small integer code, the commonest first, and
the commonest of all (inline elements, plain paragraphs) without a call.

The text buffer (``parts`` written, ``raw`` character data not yet written, ``n``
characters written, ``nl`` pending newlines, ``sp`` pending space, ``glue`` a page
marker opened the line):

* character data is collected raw and written a run at a time, when an offset is asked
  for or a separator written (``settle``): writing ``a`` then ``b`` is writing ``a + b``,
  with a space between them exactly when either has whitespace at the joint;
* separators are lazy: a pending space or pending newlines are written only when more
  text follows, so no block ends in whitespace; an offset taken before an element is
  corrected afterwards by skipping the separator (:func:`._text_buffer.trim_span`);
* a ``[Page N]`` marker between blocks opens the next block's line (``[Page 387]
  Montenegro …``); a footnote anchor is glued to the preceding word (``Conversation[1]``).

DOCS: docs/architecture.md#records
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from memcon.model.records import PageBreak
from memcon.readers._tei_pages import page_number
from memcon.readers._tei_records import Note, Owner, Walked
from memcon.readers._text_buffer import Inexact, suspect

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_LABEL = TEI + "label"
_ITEM = TEI + "item"
_CELL = TEI + "cell"
_P = TEI + "p"
_DIV = TEI + "div"
_NEWLINES = ("", "\n", "\n\n")

# behaviour codes, in the order the walker tests them (commonest first)
INLINE, PARAGRAPH, SPAN, BLOCK, LINE, HEAD, NOTE, PB, LB, DATELINE, LIST, ROW, QUOTE, DIV, ATTACHMENT, GAP, SKIP = (
    range(17))
CODES = {
    "paragraph": PARAGRAPH, "block": BLOCK, "line": LINE, "head": HEAD, "note": NOTE, "pb": PB, "lb": LB,
    "dateline": DATELINE, "list": LIST, "row": ROW, "quote": QUOTE, "div": DIV, "attachment": ATTACHMENT,
    "gap": GAP, "skip": SKIP,
}
GAP_TEXT = "[...]"  # <gap/> (frus1882 "po<gap/> by"): an illegible passage, shown as an ellipsis


def walk(root: Any, codes: dict[Any, int], annotated: dict[str, tuple[str, str | None, int]], *,
         exact: bool = False) -> Walked:
    """Render the content of the document element ``root``.

    ``codes`` maps tags to behaviour codes (:data:`CODES`, ``SPAN`` for annotated tags);
    ``annotated`` gives a span's kind, pointer attribute and own behaviour.  Without
    ``exact``, whitespace is collapsed the quick way and :class:`Inexact` raised if that may
    have missed some.
    """
    return _Walk(root, codes, annotated, exact).run(root)


class _Walk:
    """The state of one walk; see the module docstring."""

    __slots__ = ("annotated", "attachments", "codes", "deferred", "enclosed", "exact", "glue", "in_main", "in_p",
                 "inline", "n", "nl", "note_index", "notes", "owners", "pages", "parent_note", "parts", "raw", "sp", "spans")

    def __init__(self, root: Any, codes: dict[Any, int], annotated: dict[str, tuple[str, str | None, int]],
                 exact: bool) -> None:
        self.codes = codes
        self.annotated = annotated
        self.exact = exact
        self.parts: list[str] = []
        self.raw: list[str] = []
        self.n = self.nl = 0
        self.sp = self.glue = False
        self.in_main = True  # writing the document's own text (not a footnote's)
        self.in_p = 0  # inside a paragraph or item: nested blocks break lines, not paragraphs
        self.inline = 0  # inside head/cell/label: blocks and lb become spaces
        self.note_index: int | None = None  # writing this footnote's text
        self.parent_note: Note | None = None  # inside a note (inline or anchored)
        self.owners = [Owner(root)]
        self.pages: list[PageBreak] = []
        self.notes: list[Note] = []
        self.spans: list[tuple[str, int, int, Any, int | None, str | None]] = []
        self.attachments: list[tuple[Owner, int, int]] = []
        self.enclosed = 0  # inside a frus:attachment: a document div there is the same enclosure
        self.deferred: list[Any] = []  # pb inside a footnote: marked after its anchor

    def run(self, root: Any) -> Walked:
        self.children(root)
        return Walked(self.value(), self.pages, self.notes, self.spans, self.attachments, self.owners[0])

    # ----------------------------------------------------------------- buffer
    def settle(self) -> None:
        """Write the character data collected so far."""
        raw = self.raw
        s = raw[0] if len(raw) == 1 else "".join(raw)
        raw.clear()
        if not s:
            return
        if s.isspace():  # indentation between elements: the commonest case
            self.sp = True
            return
        if self.exact:
            core = " ".join(s.split())
        elif "\n" in s:  # collapse_lines, inlined: the hottest line of the reader
            core = " ".join(map(str.strip, s.split("\n"))).strip()
        else:
            core = s.strip()
        parts = self.parts
        n = self.n
        nl = self.nl
        if nl:
            if n:
                parts.append(_NEWLINES[nl])
                n += nl
            self.nl = 0
        elif n and (self.sp or s[0].isspace()):
            parts.append(" ")
            n += 1
        self.glue = False
        parts.append(core)
        self.n = n + len(core)
        self.sp = s[-1].isspace()

    def brk(self, lines: int) -> None:
        """Ask for a line break (1) or a blank line (2) before the next text."""
        raw = self.raw
        if raw:
            if self.glue or len(raw) > 1 or not raw[0].isspace():
                self.settle()
            else:  # indentation before a break: the break wins over the space
                raw.clear()
        if lines > self.nl and not self.glue:
            self.nl = lines

    def pos(self) -> int:
        if self.raw:
            self.settle()
        return self.n

    def _flush_newlines(self) -> bool:
        """Write what is collected and the pending newlines; True if newlines were pending."""
        if self.raw:
            self.settle()
        if not self.nl:
            return False
        if self.n:
            self.parts.append(_NEWLINES[self.nl])
            self.n += self.nl
        self.nl = 0
        return True

    def sep(self) -> None:
        """Write the bar between two table cells: ``a | b``, ``a | | b`` for an empty cell."""
        if self._flush_newlines() or not self.n:  # the row's first cell was empty
            self.parts.append("|")
            self.n += 1
        else:
            self.parts.append(" |")
            self.n += 2
        self.sp = True
        self.glue = False

    def marker(self, s: str) -> int:
        """Write a ``[Page N]`` marker where it stands; return its offset."""
        at_line_start = self._flush_newlines() or self.n == 0
        if not at_line_start and self.sp:
            self.parts.append(" ")
            self.n += 1
        offset = self.n
        self.parts.append(s)
        self.n += len(s)
        self.sp = True
        self.glue = at_line_start
        return offset

    def anchor(self, s: str) -> int:
        """Write a footnote anchor glued to the preceding word."""
        offset = self.pos()
        self.parts.append(s)
        self.n += len(s)
        return offset

    def value(self) -> str:
        if self.raw:
            self.settle()
        text = "".join(self.parts)
        if not self.exact and suspect(text):
            raise Inexact
        return text

    def fresh(self) -> tuple[list[str], list[str], int, int, bool, bool]:
        """Start a new buffer (a footnote's text); return the current one."""
        saved = (self.parts, self.raw, self.n, self.nl, self.sp, self.glue)
        self.parts, self.raw, self.n, self.nl, self.sp, self.glue = [], [], 0, 0, False, False
        return saved

    def restore(self, saved: tuple[list[str], list[str], int, int, bool, bool]) -> None:
        self.parts, self.raw, self.n, self.nl, self.sp, self.glue = saved

    # ------------------------------------------------------------------ walk
    def children(self, el: Any) -> None:
        """Render the content of ``el``: its text, each child by its code, the tails.

        The hot path: character data is only collected here, childless inline elements and
        plain paragraphs need no call.
        """
        raw = self.raw
        get_code = self.codes.get
        value = el.text
        if value:
            raw.append(value)
        for ch in el:
            code = get_code(ch.tag, INLINE)
            if code == INLINE:  # hi, seg, del … and unknown elements: their text
                if len(ch):
                    self.children(ch)
                else:
                    value = ch.text
                    if value:
                        raw.append(value)
            elif code == SPAN:
                self.span(ch)
            elif code == PARAGRAPH and not self.inline:
                lines = 1 if self.in_p else 2
                self.brk(lines)
                if len(ch):
                    self.in_p += 1
                    self.children(ch)
                    self.in_p -= 1
                else:  # text only: the commonest paragraph
                    value = ch.text
                    if value:
                        raw.append(value)
                self.brk(lines)
            else:
                self.behave(ch, code)
            value = ch.tail
            if value:
                raw.append(value)

    def behave(self, el: Any, code: int) -> None:
        """Render ``el`` by its behaviour ``code``."""
        if code == SPAN:
            self.span(el)
        elif code == BLOCK or code == PARAGRAPH:
            self.block(el, code)
        elif code == LINE:
            self.line(el)
        elif code == HEAD:
            if self.inline:
                self.children(el)
                return
            self.brk(1)
            self.inline += 1
            self.children(el)
            self.inline -= 1
            self.brk(1)
        elif code == INLINE:
            self.children(el)
        elif code == NOTE:
            self.note(el)
        elif code == PB:
            if self.in_main:
                self.mark_page(el)
            else:  # a pb inside a footnote: marked after its anchor
                self.deferred.append(el)
        elif code == LB:
            if self.inline:
                self.raw.append(" ")
            else:
                self.brk(1)
        elif code == DATELINE:
            owner = self.owners[-1]
            if owner.dateline is None and self.parent_note is None:
                owner.dateline = el
            self.line(el)
        elif code == LIST:
            self.list_(el)
        elif code == ROW:
            self.row(el)
        elif code == QUOTE:
            # hsg: a quote inside a paragraph without p/div inside is inline, otherwise a block
            if self.in_p and next(el.iterdescendants(_P, _DIV), None) is None:
                self.children(el)
            else:
                self.block(el, BLOCK)
        elif code == DIV:
            self.div(el)
        elif code == ATTACHMENT:
            self.enclosed += 1
            self.enclosure(el)
            self.enclosed -= 1
        elif code == GAP:
            self.raw.append(GAP_TEXT)
        # SKIP: graphic, figDesc, comments, processing instructions: no text

    def block(self, el: Any, code: int) -> None:
        if self.inline:
            self.raw.append(" ")
            self.children(el)
            self.raw.append(" ")
            return
        lines = 1 if self.in_p else 2
        self.brk(lines)
        if code == PARAGRAPH:
            self.in_p += 1
            self.children(el)
            self.in_p -= 1
        else:
            self.children(el)
        self.brk(lines)

    def line(self, el: Any) -> None:
        if self.inline:
            self.raw.append(" ")
            self.children(el)
            self.raw.append(" ")
            return
        self.brk(1)
        self.children(el)
        self.brk(1)

    def span(self, el: Any) -> None:
        """An annotated tag: its own behaviour, kept as a span of the text."""
        kind, attr, code = self.annotated[el.tag]
        start = self.pos()
        if code == INLINE:
            self.children(el)
        else:
            self.behave(el, code)
        self.spans.append((kind, start, self.pos(), el, self.note_index, attr))

    def child(self, ch: Any, tag: str) -> None:
        """A child of a list or row (not a label, item or cell)."""
        code = self.codes.get(tag, INLINE)
        if code == SPAN:
            self.span(ch)
        elif code == INLINE:
            self.children(ch)
        else:
            self.behave(ch, code)

    def list_(self, el: Any) -> None:
        kind = el.get("type")
        owner = self.owners[-1]
        if kind == "subject" and owner.subject is None and self.parent_note is None:
            owner.subject = el
        elif kind == "participants" and owner.participants is None and self.parent_note is None:
            owner.participants = el
        if self.inline:
            self.raw.append(" ")
            self.children(el)
            self.raw.append(" ")
            return
        lines = 1 if self.in_p else 2
        self.brk(lines)
        if el.text:
            self.raw.append(el.text)
        after_label = False
        for ch in el:
            tag = ch.tag
            if tag == _LABEL:  # label + item on one line: "(1) During the discussion …"
                self.brk(1)
                self.inline += 1
                self.children(ch)
                self.inline -= 1
                self.raw.append(" ")
                after_label = True
            elif tag == _ITEM:
                if not after_label:
                    self.brk(1)
                self.in_p += 1
                self.children(ch)
                self.in_p -= 1
                self.brk(1)
                after_label = False
            elif tag.__class__ is str:
                self.child(ch, tag)
            if ch.tail:
                self.raw.append(ch.tail)
        self.brk(lines)

    def row(self, el: Any) -> None:
        if not self.inline:
            self.brk(1)
        first = True
        for ch in el:
            tag = ch.tag
            if tag == _CELL:
                if not first:
                    self.sep()
                first = False
                self.inline += 1
                self.children(ch)
                self.inline -= 1
            elif tag.__class__ is str:
                self.child(ch, tag)
            tail = ch.tail
            if tail and not tail.isspace():  # stray text between cells: kept
                self.raw.append(tail)
        if not self.inline:
            self.brk(1)

    def div(self, el: Any) -> None:
        if el.get("type") != "document":
            self.block(el, BLOCK)
            return
        if self.enclosed:  # frus1861: frus:attachment > div[@type='document'] is one enclosure
            self.block(el, BLOCK)
            return
        self.enclosure(el)  # a document nested in a document, outside any frus:attachment

    def enclosure(self, el: Any) -> None:
        """An enclosure (``frus:attachment``, a nested document ``div``): it stays in the
        parent's text, owns its dateline, and becomes an Attachment (outer ones first)."""
        owner = Owner(el)
        self.owners.append(owner)
        index = len(self.attachments)
        start = self.pos()
        if self.in_main:
            self.attachments.append((owner, start, start))
        self.block(el, BLOCK)
        self.owners.pop()
        if self.in_main:
            self.attachments[index] = (owner, start, self.pos())

    def mark_page(self, el: Any) -> None:
        xml_id = el.get(XML_ID)
        number = page_number(el.get("n") or "", xml_id)
        offset = self.marker(f"[Page {number}]") if number else self.pos()  # no number: recorded, not shown
        self.pages.append(PageBreak(number, offset, el.get("facs"), xml_id, True))

    def flush_deferred(self) -> None:
        pbs = self.deferred[:]
        self.deferred.clear()
        for pb in pbs:
            self.raw.append(" ")  # "note[4] [Page 10] and …"
            self.mark_page(pb)

    def note(self, el: Any) -> None:
        """A note: a footnote anchored ``[N]`` where it stands, or printed in place.

        A note inside a note (frus1894Nicaragua d61: a footnote in an inline source note) is
        a footnote of its own too, anchored where it stands; inside an anchored footnote's
        text, its ``offset`` is that footnote's anchor (its place in the document).
        """
        number = el.get("n")
        kind = "source" if el.get("type") == "source" else "footnote"
        # rend="inline" notes are printed in the text (source notes of 1917-36 volumes);
        # a note without @n (frus1870 "By the President:", rend="center" captions) cannot be
        # anchored by number: the book prints it in place, so do we.
        printed = el.get("rend") == "inline" or not number
        index = len(self.notes)
        owner = self.owners[-1]
        parent = self.parent_note
        in_main = self.in_main
        if kind == "source":
            owner.source_notes.append(index)
        if printed:
            found = Note(number, kind, True, el.get(XML_ID), self.pos())
            if in_main:
                owner.inline_notes.append(index)
            else:  # printed in an anchored footnote's text
                found.within = self.note_index
            self.notes.append(found)
            self.parent_note = found
            self.block(el, BLOCK)  # its annotations stay in the text, where it is printed
            self.parent_note = parent
            found.end = self.pos()
            return
        offset = self.anchor(f"[{number}]")
        if not in_main:
            offset = self.notes[self.note_index].offset  # type: ignore[index]
        found = Note(number, kind, False, el.get(XML_ID), offset)
        self.notes.append(found)
        saved, saved_p, saved_inline, saved_index = self.fresh(), self.in_p, self.inline, self.note_index
        self.in_p = self.inline = 0
        self.in_main, self.note_index, self.parent_note = False, index, found
        self.children(el)
        found.text = self.value()
        self.restore(saved)
        self.in_p, self.inline = saved_p, saved_inline
        self.in_main, self.note_index, self.parent_note = in_main, saved_index, parent
        if in_main:
            self.flush_deferred()


# comments, processing instructions and unexpanded entities: no text, tail kept
NON_ELEMENTS = {etree.Comment: SKIP, etree.ProcessingInstruction: SKIP, etree.Entity: SKIP}
