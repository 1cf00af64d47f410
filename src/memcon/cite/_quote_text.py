"""Words of a quote and of a source text, normalised for comparison, each keeping where it stands.

What :mod:`memcon.cite.quotes` compares is a sequence of **words**: runs of letters and digits
(an apostrophe inside a word joins it: ``President's`` is one word), lower-cased, accents
folded, apostrophes dropped.  Punctuation, straight or curly quotes, dashes, line breaks and
white space are therefore not compared at all, and ``[Page N]`` markers and footnote anchors
(``[1]``, ``[a]``) are skipped, so a passage spanning a page turn reads as one.  Each word keeps
its character span in the original text, so a match maps back to offsets of ``Document.text``.

A quote is split into **segments** at its ellipses (``…``, ``...``, ``. . .``, bracketed or not):
the segments must appear in the source in order, with any gap between them.

DOCS: docs/quote.md#how-a-quote-is-matched
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['’ʼ‘][^\W_]+)*")
_SKIPPED = re.compile(r"\[Page [^\]\n]{1,24}\]|\[[^\W_]{1,3}\]|\[\*{1,3}\]")
"""Page markers and footnote anchors: never part of the words compared."""
_ELLIPSIS = re.compile(r"\[?\s*(?:…|\.\s?\.\s?\.)(?:\s?\.)*\s*\]?")
_APOSTROPHES = re.compile(r"['’ʼ‘]")


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """``word`` lower-cased, accents folded, apostrophes dropped (``Président's`` → ``presidents``)."""
    lowered = _APOSTROPHES.sub("", word.lower())
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text: folded forms, their spans in the text, and the forms joined by spaces
    (``joined``; ``starts[i]`` is where word ``i`` begins in ``joined``)."""

    text: str
    norms: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    joined: str
    starts: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.norms)

    def word_at(self, position: int) -> int:
        """The index of the word whose folded form covers (or last begins before) ``position`` of ``joined``."""
        return max(0, bisect_right(self.starts, position) - 1)

    def find(self, needle: tuple[str, ...], start: int = 0) -> int:
        """The index of the first word at or after word ``start`` where the words ``needle`` stand
        side by side, or -1."""
        if not needle or start >= len(self.norms):
            return -1
        probe = " " + " ".join(needle) + " "
        # in " " + joined + " ", the space before word i stands at starts[i]
        at = (" " + self.joined + " ").find(probe, self.starts[start])
        return -1 if at < 0 else bisect_left(self.starts, at)


def words(text: str) -> Words:
    """The words of ``text`` (see the module docstring)."""
    plain = _SKIPPED.sub(lambda m: " " * len(m.group(0)), text) if "[" in text else text  # same offsets
    lowered = plain.lower()
    if len(lowered) != len(plain):  # a letter whose lower case is longer (İ): fold word by word
        lowered = plain
    matches = list(_WORD.finditer(lowered))
    found = [m.group(0) for m in matches]
    if lowered.isascii() and "'" not in lowered:
        norms = found
    else:
        norms = [fold(w) for w in found]
    starts = [0] * len(norms)
    position = 0
    for i, norm in enumerate(norms):
        starts[i] = position
        position += len(norm) + 1
    return Words(text, tuple(norms), tuple(m.span() for m in matches), " ".join(norms), tuple(starts))


def segments(quote: str) -> list[str]:
    """``quote`` cut at its ellipses into the pieces that must appear in order (empty ones dropped)."""
    return [part for part in _ELLIPSIS.split(quote) if _WORD.search(_SKIPPED.sub(" ", part))]


__all__ = ["Words", "fold", "segments", "words"]
