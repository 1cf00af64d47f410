"""Whitespace collapse for the TEI renderer: a quick way, and how to tell when it is not enough.

DOCS: docs/architecture.md#records
"""

from __future__ import annotations


class Inexact(Exception):
    """The quick whitespace collapse may have missed something: render exactly."""


def collapse_lines(s: str) -> str:
    """``" ".join(s.split())`` for text whose whitespace is spaces, line breaks and the
    indentation after them — XML as it is written — at a third of the cost.  What it misses,
    :func:`suspect` sees in the result."""
    if "\n" in s:
        return " ".join(map(str.strip, s.split("\n"))).strip()
    return s.strip()


def collapse(s: str) -> str:
    """Every run of whitespace one space, none at the ends."""
    return " ".join(s.split())


def suspect(text: str) -> bool:
    """True if :func:`collapse_lines` may have left whitespace uncollapsed in ``text``.

    It leaves a double space where a line holds a run of spaces, and any whitespace other
    than the space and the line break inside a line: a tab, a carriage return (``&#13;``), a
    no-break space (frus1861: ``&#160;``) … — all of them unprintable, as the space is not.
    """
    if "  " in text:
        return True
    if text.isascii():
        return "\t" in text or "\r" in text
    return not all(map(str.isprintable, text.split("\n")))


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Move ``start`` past separators written after it was taken; trim the end too."""
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    return start, end
