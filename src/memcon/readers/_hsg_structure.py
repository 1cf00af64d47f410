"""The parts of a history.state.gov page around its text: dateline, participant sides.

A dateline ("Vienna, June 4, 1961, 1:15 p.m.") gives the place and a :class:`DocDate` read
from the printed words (``source="dateline-text"``: the page has no machine date).  The
participants list is printed as flat bullets in which sides head the names that follow
("• US • The President • The Secretary … • USSR • Foreign Minister Gromyko …"), or as a
nested list (a deeper indent or a hollow bullet) under its side.

DOCS: docs/formats.md#frus-pages-copied-from-historystategov
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from memcon.model.records import DatePrecision, DocDate, Participant
from memcon.readers._tei_fields import printed_date

_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec")
_DATE_START = re.compile(rf"\b(?:(?:{_MONTHS})\.? \d{{1,2}}\b|\d{{1,2}} (?:{_MONTHS})\b)")
_TIME = re.compile(r"\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>[ap])\.\s?m\.|\b(?P<word>noon|midnight)\b",
                   re.IGNORECASE)
_MAX_DATELINE = 160
_PLACE_WORDS = frozenset(("of", "de", "du", "des", "la", "le", "les", "at", "on", "off", "in", "the", "and", "aboard",
                          "near", "am", "an", "der", "del", "di", "da", "y", "en", "sur", "upon", "via"))


@dataclass(frozen=True, slots=True)
class Bullet:
    """A bullet line as copied: its text, its indent (columns) and its bullet character."""

    text: str
    indent: int = 0
    mark: str = "•"


def is_dateline(line: str) -> bool:
    """True if ``line`` reads as a dateline: short, and a printed day with its year near its end."""
    if not line or len(line) > _MAX_DATELINE or len(line.split()) > 20:
        return False
    m = _DATE_START.search(line)
    if m is None or printed_date(line) is None:
        return False
    rest = line[m.end():]
    if len(rest.split()) > 8:  # the date, a time, "(Received …)" at most
        return False
    before = line[:m.start()].strip(" ,.[]")
    # a place before the date: capitalised words ("Department of State, Washington"), not prose
    return not before.endswith(":") and all(
        w[:1].isupper() or w[:1] in "[(“\"" or w.lower().strip(",.") in _PLACE_WORDS for w in before.split())


def dateline_fields(line: str) -> tuple[str | None, DocDate | None]:
    """``(place, date)`` of a dateline: the place is what precedes the date, as the TEI's ``placeName``
    holds it ("Department of State, Washington"; "[Washington,]" → "Washington")."""
    m = _DATE_START.search(line)
    if m is None:
        return None, None
    place = " ".join(line[:m.start()].replace("[", "").replace("]", "").split()).strip(" ,.;:") or None
    when = printed_date(line)
    if when is None:
        return place, None
    text = line[m.start():].rstrip(" ")
    if text.endswith(".") and not re.search(r"\b[ap]\.\s?m\.$", text, re.IGNORECASE):
        text = text[:-1]  # the dateline's closing period; "p.m." keeps its own
    precision: DatePrecision = "day"
    t = _TIME.search(line, m.end())
    if t is not None:
        if t.group("word"):
            hour, minute = (12 if t.group("word").lower() == "noon" else 0), 0
        else:
            hour, minute = int(t.group("h")) % 12, int(t.group("m") or 0)
            if t.group("ap").lower() == "p":
                hour += 12
        if hour < 24 and minute < 60:
            when += f"T{hour:02d}:{minute:02d}"
            precision = "minute"
    return place, DocDate(text=text, when=when, precision=precision, source="dateline-text")


_ABBREVIATION = re.compile(r"^(?:[A-Z]{2,6}|U\.\s?S\.(?:\s?S\.\s?R\.)?|U\.\s?K\.)$")
_NAMED_SIDE = re.compile(
    r"^(?:The\s+)?(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:\s+(?:Side|Delegation|Government|Party|Participants|"
    r"Representatives))?$"
)
_ROLE = re.compile(
    r"\b(?:President|Secretary|Minister|Ambassador|Chairman|Premier|Chancellor|Mr|Mrs|Miss|Dr|General|Admiral|"
    r"Senator|Governor|Director|Counselor|Interpreter|Adviser|Advisor|Deputy|Under|Assistant|King|Queen|"
    r"Prince|Marshal|Colonel|Major|Captain|Attorney|Vice|Chief|Consul|Officer|Others|Chargé)\b"
)


def _side(text: str) -> bool:
    """Whether a bullet reads as a side heading ("US", "USSR", "Soviet Side", "Present:")."""
    if text.endswith(":") and len(text.split()) <= 4:
        return True
    if _ROLE.search(text):
        return False
    return bool(_ABBREVIATION.match(text) or _NAMED_SIDE.match(text))


def participants_of(items: Sequence[str], indents: Sequence[int], marks: Sequence[str]) -> tuple[Participant, ...]:
    """One :class:`Participant` per printed name, with the side heading it stands under.

    Nested lists decide when the copy kept them (a bullet indented deeper than the one before,
    or a hollow bullet ◦/○, is a name under that side).  In a flat list, sides are recognised
    only when the list begins with one: an abbreviation ("US", "USSR"), a nationality or country
    ("Soviet", "United Kingdom", "Soviet Side"), or a short label ending in a colon.
    """
    if not items:
        return ()
    shallow = min(indents) if indents else 0
    nested = [(indents[i] > shallow if i < len(indents) else False) or
              (marks[i] in "◦○" if i < len(marks) else False) for i in range(len(items))]
    found: list[Participant] = []
    side: str | None = None
    if any(nested):
        for i, text in enumerate(items):
            if nested[i]:
                found.append(Participant(text=text, side=side))
            elif i + 1 < len(items) and nested[i + 1]:
                side = text.strip(" :,")
            else:
                side = None
                found.append(Participant(text=text))
        return tuple(found)
    if not _side(items[0]):
        return tuple(Participant(text=text) for text in items)
    for text in items:
        if _side(text):
            side = text.strip(" :,")
        else:
            found.append(Participant(text=text, side=side))
    return tuple(found)


__all__ = ["Bullet", "dateline_fields", "is_dateline", "participants_of"]
