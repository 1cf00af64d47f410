"""The text buffer of the renderer before it was made fast (the oracle's; see _reference_render)."""

from __future__ import annotations


class Out:
    """An append-only text buffer that normalises whitespace and knows every offset.

    Separators are lazy: a pending space or pending newlines are written only when
    more text follows, so no block ends in whitespace and offsets taken before an
    element are corrected by skipping the separator (see :func:`trim_span`).
    """

    __slots__ = ("glue", "n", "nl", "parts", "sp")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0  # characters written
        self.nl = 0  # pending newlines
        self.sp = False  # pending space
        self.glue = False  # a [Page N] marker opened this line: swallow the next break

    def text(self, s: str) -> None:
        """Append XML character data, collapsing all whitespace runs to one space."""
        if s.isspace():  # indentation between elements: the commonest case
            self.sp = True
            return
        if not s:
            return
        core = " ".join(s.split())
        if self.nl:
            if self.n:
                self.parts.append("\n" * self.nl)
                self.n += self.nl
            self.nl = 0
        elif (self.sp or s[0].isspace()) and self.n:
            self.parts.append(" ")
            self.n += 1
        self.glue = False
        self.parts.append(core)
        self.n += len(core)
        self.sp = s[-1].isspace()

    def brk(self, lines: int) -> None:
        """Ask for a line break (1) or a blank line (2) before the next text."""
        if not self.glue and lines > self.nl:
            self.nl = lines

    def space(self) -> None:
        self.sp = True

    def sep(self) -> None:
        """Write the bar between two table cells: ``a | b``, ``a | | b`` for an empty cell."""
        if self.nl or not self.n:  # the row's first cell was empty
            if self.n:
                self.parts.append("\n" * self.nl)
                self.n += self.nl
            self.nl = 0
            self.parts.append("|")
            self.n += 1
        else:
            self.parts.append(" |")
            self.n += 2
        self.sp = True
        self.glue = False

    def marker(self, s: str) -> int:
        """Write a ``[Page N]`` marker where it stands; return its offset.

        A marker between blocks opens the next block's line (``[Page 387] Montenegro …``)
        rather than standing alone on a line.
        """
        at_line_start = self.nl > 0 or self.n == 0
        if self.nl:
            if self.n:
                self.parts.append("\n" * self.nl)
                self.n += self.nl
            self.nl = 0
        elif self.sp and self.n:
            self.parts.append(" ")
            self.n += 1
        offset = self.n
        self.parts.append(s)
        self.n += len(s)
        self.sp = True
        self.glue = at_line_start
        return offset

    def anchor(self, s: str) -> int:
        """Write a footnote anchor glued to the preceding word (``Conversation[1]``)."""
        offset = self.n
        self.parts.append(s)
        self.n += len(s)
        return offset

    def value(self) -> str:
        return "".join(self.parts)


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` past separators written after it was taken; trim the end too."""
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    return start, end
