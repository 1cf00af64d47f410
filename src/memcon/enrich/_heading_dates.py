"""When and where a record's own heading says it happened, for records without a dateline:
"Record of the proceedings … at the ninth conference held at Geneva, in Switzerland, on the 15th
of July, 1872." — the date after "held", or the one closing the heading; "Minutes of the Daily Meetings …, Monday, December 30, 1918"; "Minutes of …
Conference on Aviation Radio Held at U. S. Customs House, New York City, April 10–11, 1930".

The editors' heading is part of the record; a date read from it is given, not guessed.  A heading
with no date, or with two different dates, gives none.

DOCS: docs/meetings.md
"""

from __future__ import annotations

import calendar
import re

from memcon.model.records import DocDate

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH = "|".join(name for name in calendar.month_name if name)
_DAY = r"(?P<{0}>[0-9lI]{{1,2}})(?:st|nd|rd|th|d)?"
_ORDINAL = re.compile(
    rf"\bon\s+(?:the\s+)?{_DAY.format('day')}\s+(?:day\s+)?of\s+(?P<month>{_MONTH}),?\s+(?:A\.\s*D\.\s*)?(?P<year>1[6-9]\d\d|20\d\d)\b"
)
_PLAIN = re.compile(
    rf"\b(?P<month>{_MONTH})\s+{_DAY.format('day')}(?:\s*[–-]\s*{_DAY.format('to')})?,\s+(?P<year>1[6-9]\d\d|20\d\d)\b"
)
_HELD_AT = re.compile(
    r"\b(?:[Hh]eld|[Ss]igned|[Mm]et)\s+at\s+(?P<place>(?:the\s+)?[A-Z][\w.'’ -]*?(?:,\s*(?:in\s+)?[A-Z][\w.'’ -]*?)?)"
    r"(?=,?\s+(?:on\s|in\s+(?:the\s+)?[a-z]|[A-Z][a-z]+ \d|\d|[A-Z][a-z]+day\b)|[.,]?\s*$)"
)


def _number(text: str) -> int:
    return int(text.replace("l", "1").replace("I", "1"))  # OCR: "l4th" is the 14th


_HELD = re.compile(r"\b(?:held|met|took place)\b", re.IGNORECASE)


def _of_the_meeting(heading: str, m: re.Match[str]) -> bool:
    """Whether a date of the heading is the meeting's: "… held at Geneva, … on the 15th of July,
    1872" (after "held", no other date between), or the date closing the heading ("…, Monday,
    December 30, 1918").  Not "the treaty … concluded on the 8th of May, 1871, at the first
    conference held … on the fifteenth day of December …"."""
    if re.search(r"\b(?:[Rr]eceived|[Rr]ecd\.)\s*$", heading[: m.start()]):
        return False  # "Mr. Geofroy to Mr. Seward.—Received May 27, 1864": when it arrived, not when written
    if not heading[m.end():].strip(" .;"):
        return True
    before = heading[: m.start()]
    held = list(_HELD.finditer(before))
    return bool(held) and not re.search(r"\d{4}", before[held[-1].end():])


def heading_date(heading: str) -> DocDate | None:
    """The one date the heading gives the meeting, or ``None``."""
    if len({m.group(0) for m in _PLAIN.finditer(heading)}) > 1:
        return None  # "June 4, 1961, and June 5, 1961": which day is not said
    found: list[DocDate] = []
    for pattern in (_ORDINAL, _PLAIN):
        for m in pattern.finditer(heading):
            if not _of_the_meeting(heading, m):
                continue
            year, month = int(m.group("year")), _MONTHS[m.group("month").lower()]
            day = _number(m.group("day"))
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                continue
            when = f"{year:04d}-{month:02d}-{day:02d}"
            to = m.groupdict().get("to")
            if to:
                last = _number(to)
                if not day < last <= calendar.monthrange(year, month)[1]:
                    continue
                found.append(DocDate(text=m.group(0), start=when, end=f"{year:04d}-{month:02d}-{last:02d}",
                                     precision="day", source="heading"))
            else:
                circa = re.search(r"\b[Cc]irca\s*$", heading[: m.start()]) is not None
                found.append(DocDate(text=m.group(0).removeprefix("on ").strip(), when=when, precision="day",
                                     uncertain=circa, source="heading"))
    keys = {(d.sort_key, d.sort_key_end) for d in found}
    return found[0] if len(keys) == 1 else None


def heading_place(heading: str) -> str | None:
    """Where the heading says the meeting was held or the act signed ("held at Geneva, in
    Switzerland" → "Geneva, Switzerland"), or ``None``."""
    m = _HELD_AT.search(heading)
    if m is None:
        return None
    place = re.sub(r",?\s+in\s+", ", ", m.group("place")).strip(" ,.")
    parts = [p.strip() for p in place.split(",")]
    while parts and (parts[-1].split(" ")[0].lower() in _MONTHS or parts[-1].lower().endswith("day")):
        parts.pop()  # "Signed at Paris, January 14, 1925": the date is not the place
    return ", ".join(parts).removeprefix("the ").strip() or None
