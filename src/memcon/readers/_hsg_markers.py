"""Footnotes of a page copied from history.state.gov: the block at its end, the markers in its text.

The site prints a footnote's number as a superscript glued to the word before it; copied as
plain text it becomes a digit run after a letter or a punctuation mark ("Conversation0",
"message2", "Strauss3").  The footnotes themselves are listed at the end of the page
("  1. Source: …", "  2. …").  :func:`split_footnote_block` finds that list;
:func:`find_markers` finds, in reading order, the marker of each listed footnote, telling a
glued marker from a real number ("10,000 Marines", "age of 44", "pp. 229-240") by the
footnote numbering: a candidate must be the label of the next footnote, glued to what
precedes it, and not run on into further digits.

DOCS: docs/formats.md#frus-pages-copied-from-historystategov
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

_LABEL = r"\d{1,3}[a-z]?|[a-z]|\*{1,3}|[†‡§¶ǁ]|\|\|"
_FOOTNOTE_LINE = re.compile(rf"^(?P<indent>[ \t]*)(?P<label>{_LABEL})\.(?:[ \t]+(?P<text>\S.*?))?[ \t]*$")
"""A footnote's first line: ``  2. For text of …`` (the copy indents it, as a list item)."""

_TIME_AFTER = re.compile(r"\s*(?:[ap]\.\s?m\.|o’clock|o'clock)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_NOT_BEFORE = frozenset("([{-–—/#$£§“‘+\"")
"""Characters after which a digit run is not a footnote marker ("(1)", "U-2", "#3", "“1. The …")."""


@dataclass(frozen=True, slots=True)
class ListedFootnote:
    """A footnote as the page lists it: its label, its text, the file line it starts on."""

    label: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Marker:
    """A footnote marker found in the text: ``text[start:end]`` is the marker of ``footnote``."""

    start: int
    end: int
    footnote: int


def split_footnote_block(lines: Sequence[str], first: int) -> int | None:
    """Index of the line where the footnote block begins (searching from ``first``), or None.

    The block follows the last ``[Page N]`` marker (footnotes carry none: the site prints a
    page turn inside a footnote at the footnote's anchor).  Rules, first match wins: (1) the
    first indented line ``N. Source: …``; (2) the first indented footnote line (old volumes
    number footnotes on across documents, and in the order of the printed page: "4" may
    come before "1"); (3) without indented ones, the last line ``N. Source: …``.
    """
    for i in range(len(lines) - 1, first - 1, -1):
        if "[Page " in lines[i]:
            first = i + 1
            break
    indented: list[int] = []
    source_any: list[int] = []
    for i in range(first, len(lines)):
        m = _FOOTNOTE_LINE.match(lines[i])
        if m is None:
            continue
        if m.group("indent"):
            indented.append(i)
        if (m.group("text") or "").startswith("Source:"):
            source_any.append(i)
    indented_sources = [i for i in source_any if i in indented]
    if indented_sources:
        return indented_sources[0]
    if indented:
        return indented[0]
    return source_any[-1] if source_any else None


def parse_footnote_block(lines: Sequence[str], start: int, *, line_base: int = 1) -> list[ListedFootnote]:
    """The footnotes listed from ``lines[start]`` on; unindented lines continue the one before."""
    found: list[tuple[str, list[str], int]] = []
    head = _FOOTNOTE_LINE.match(lines[start])
    indented = bool(head and head.group("indent"))
    for i in range(start, len(lines)):
        raw = lines[i]
        m = _FOOTNOTE_LINE.match(raw)
        if m is not None and (m.group("indent") or not indented or i == start):
            found.append((m.group("label"), [m.group("text") or ""], i + line_base))
        elif raw.strip() and found:
            found[-1][1].append(raw.strip())
    return [ListedFootnote(label, "\n\n".join(p for p in parts if p), line) for label, parts, line in found]


def _marker_forms(label: str, *, source: bool) -> list[str]:
    forms = [label]
    if label.isdigit():
        forms.append(label.translate(_SUPERSCRIPT))
    if source and label == "1":
        forms.append("0")  # the site numbers the source note 0 in the text and 1 in the list
    return forms


def _year_before(text: str, start: int) -> bool:
    """True when ``text[:start]`` ends with a four-digit year standing alone ("1961" + "2")."""
    s = start
    while s > 0 and text[s - 1].isdigit():
        s -= 1
    run = text[s:start]
    return len(run) == 4 and 1600 <= int(run) <= 2099


_MONTH_BEFORE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.? $"
)


def _day_before(text: str, start: int, form: str) -> bool:
    """True when ``text[:start]`` ends with "Month D" and "D" + ``form`` is no day ("July 24" + "2")."""
    s = start
    while s > 0 and text[s - 1].isdigit():
        s -= 1
    run = text[s:start]
    if not 1 <= len(run) <= 2 or not 1 <= int(run) <= 31 or int(run + form) <= 31:
        return False
    return _MONTH_BEFORE.search(text, max(0, s - 12), s) is not None


def _valid(text: str, start: int, form: str, *, previous_end: int, following: str | None,
           vocabulary: _Vocabulary, strict: bool = False) -> bool:
    """Whether ``form`` at ``start`` reads as a glued footnote marker."""
    if start == 0:
        return False
    end = start + len(form)
    before = text[start - 1]
    after = text[end] if end < len(text) else ""
    if form[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
        return not before.isspace() and not ("⁰" <= after <= "⁹" or after in "¹²³")
    if before.isspace() or before in _NOT_BEFORE or after == "/" or (strict and before == "’"):
        return False
    if following is not None and text.startswith(following, end) and (before.isalpha() or before in ")”]"):
        after = ""  # two markers in a row: "word23" is 2 then 3 (but "1.12", "3:12 p.m." are numbers)
    if form[0].isdigit():
        if after.isalnum():  # "10,000", "1st"
            return False
        if before.isdigit():
            return start == previous_end or _year_before(text, start) or _day_before(text, start, form)
        if before in ".,:" and start >= 2 and text[start - 2].isdigit():
            # "No. 31.3", "1917,2": a marker after a number; "9:12 a.m." is a time, and for the
            # truncation check "1.12", "3,676,202.12" are numbers
            if before == ":" and _TIME_AFTER.match(text, end):
                return False
            return not strict or (before != ":" and _year_before(text, start - 1))
        return True
    if form[0].isalpha():
        if after.isalpha():
            return False
        # "telegrama": a letter glued to a word only when the page uses the word without it
        return not before.isalpha() or vocabulary.glued(text, start, form)
    return after != form[-1]  # "*" is not the first star of "**"


_WORDS_IN_A = frozenset((
    "data", "era", "extra", "quota", "visa", "formula", "agenda", "propaganda", "drama", "dilemma", "camera",
    "opera", "diploma", "cholera", "malaria", "vista", "sofa", "comma", "plasma", "gala", "cinema", "persona",
    "replica", "errata", "addenda", "memoranda", "corrigenda", "strata", "criteria", "phenomena", "stamina",
    "supra", "infra", "ultra", "dogma", "stigma", "enigma", "trauma", "schema", "lemma", "magma", "asthma",
    "eczema", "edema", "coma", "aroma", "panorama", "diorama", "karma", "llama", "mamma", "dharma", "lava",
    "nova", "java", "vodka", "polka", "yoga", "saga", "sonata", "cantata", "regatta", "vendetta", "pasta",
    "fiesta", "siesta", "junta", "manifesta", "banana", "bandana", "sultana", "mantra", "tundra", "sierra",
    "zebra", "cobra", "algebra", "vertebra", "umbrella", "villa", "gorilla", "guerrilla", "vanilla", "tequila",
    "formula", "nebula", "tuba", "cuba", "rumba", "samba", "mamba", "mecca", "pizza", "piazza", "plaza",
    "influenza", "stanza", "bonanza", "veranda", "hacienda", "addenda", "referenda", "honoraria", "pyjama",
))
"""Lowercase English words in consonant + "a": not a word with footnote "a" glued to it."""


class _Vocabulary:
    """The words of a page, counted once when a letter-labelled footnote needs them."""

    def __init__(self) -> None:
        self.counts: Counter[str] | None = None

    def glued(self, text: str, start: int, form: str) -> bool:
        """True if the word ending at ``start`` reads as a word with ``form`` glued to it."""
        if self.counts is None:
            self.counts = Counter(w.lower() for w in _WORD.findall(text))
        s = start
        while s > 0 and text[s - 1].isalpha():
            s -= 1
        stem = text[s:start]
        word = (stem + form).lower()
        if len(stem) < 3 or word in _WORDS_IN_A:
            return False
        if len(stem) > 4 and self.counts[stem.lower()] > 0:
            return True  # the page writes "telegram" elsewhere: "telegrama" is it with footnote "a"
        # a lowercase word English does not end in consonant + "a" ("notea", "mapa")
        return form == "a" and stem.islower() and stem[-1] not in "aeiouy"


def find_markers(text: str, footnotes: Sequence[ListedFootnote], *, tails: bool = True
                 ) -> tuple[list[Marker], list[int]]:
    """The marker of each footnote, in order, and the indices of footnotes without one.

    Footnote ``i``'s marker is the first valid occurrence of its label (or of its superscript
    form; "0" for a source note listed as 1) after the marker of footnote ``i - 1``.  A
    footnote left without one is then looked for as the tail of a number ("October 187" for
    "October 18" + 7) between its neighbours' markers, taken when that window holds one such
    number only (unless ``tails`` is false).
    """
    found: dict[int, Marker] = {}
    position = 0
    previous_end = -1
    vocabulary = _Vocabulary()
    for index, note in enumerate(footnotes):
        following = footnotes[index + 1].label if index + 1 < len(footnotes) else None
        best: tuple[int, str] | None = None
        for form in _marker_forms(note.label, source=index == 0 and note.text.startswith("Source:")):
            at = text.find(form, position)
            while at >= 0 and not _valid(text, at, form, previous_end=previous_end, following=following,
                                         vocabulary=vocabulary, strict=not tails):
                at = text.find(form, at + 1)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, form)
        if best is None:
            continue
        at, form = best
        found[index] = Marker(at, at + len(form), index)
        position = previous_end = at + len(form)
    for index, note in enumerate(footnotes):
        if not tails or index in found or not note.label.isdigit():
            continue
        lo = max((m.end for i, m in found.items() if i < index), default=text.find("\n") + 1)
        hi = min((m.start for i, m in found.items() if i > index), default=len(text))
        candidates = [m.end() - len(note.label) for m in re.finditer(r"(?<![\d.,:])\d+(?![\w/\]]|[.,]\d)", text[lo:hi])
                 if len(m.group()) > len(note.label) and m.group().endswith(note.label)]
        if len(candidates) == 1:
            found[index] = Marker(lo + candidates[0], lo + candidates[0] + len(note.label), index)
    markers = [found[i] for i in sorted(found)]
    return markers, [i for i in range(len(footnotes)) if i not in found]


def next_label(label: str) -> str | None:
    """The label a further footnote would carry ("3" → "4"), for spotting a truncated list."""
    return str(int(label) + 1) if label.isdigit() else None


def glued_sequence(text: str, *, start: int = 1, count: int = 3) -> list[int]:
    """Offsets of glued markers "1", "2", … (from ``start``) found in order, up to ``count`` of them:
    the trace a footnoted page leaves when its footnote block was not copied."""
    listed = [ListedFootnote(str(n), "", 0) for n in range(start, start + count)]
    markers, missing = find_markers(text, listed, tails=False)
    return [] if missing else [m.start for m in markers]


__all__ = ["ListedFootnote", "Marker", "find_markers", "glued_sequence", "next_label", "parse_footnote_block",
           "split_footnote_block"]
