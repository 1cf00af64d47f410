"""Datelines and dates as historians' text files print them (pure; no I/O).

"Vienna, June 4, 1961, 1:15 p.m.", "18 October 1962", "1962-10-18", "20/10/1962" (day first
only when it cannot be a month), "(Received Sept. 29.)": :func:`parse_dateline` reads a whole
line as place + date (+ time); :func:`parse_date_value` a date alone.  Used by the plain-text
reader; conservative by design: a line that is not a dateline gives ``None``.

DOCS: docs/formats.md#plain-text-and-markdown
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from memcon.model.records import DatePrecision, DocDate

DATE_LINE_MAX_CHARS = 120


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# ------------------------------------------------------------------ dates
_MONTHS = {name: i for i, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec"), start=1)
    for name in names.split()}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_TIME = (r"(?:(?:,?\s+|\s*[—–-]\s*)(?:at\s+)?(?P<time>(?P<hour>[0-2]?[0-9])(?:[:.](?P<minute>[0-5][0-9]))?\s*"
         r"(?P<ampm>[ap])\.?\s?m\.?|(?P<noon>noon)|(?P<h24>[0-2][0-9]):(?P<m24>[0-5][0-9])))?")
# "Vienna, ", "[Washington,] ", "Department of State, Washington, " (the place is checked after)
_PLACE = r"(?:\[?(?P<place>[A-Z][^\d\n\[\]]{0,90}?)(?:,\]?|\],)\s+)?"
_PLACE_PARTICLES = frozenset("de da do del della di du la le les am an aan sur y".split())
_DATE_FORMS = (
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # October 18, 1962
    rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 18 October 1962
    rf"(?P<iso>{_YEAR}-(?P<isomon>[01][0-9])-(?P<isoday>[0-3][0-9]))",  # 1962-10-18
    rf"(?P<a>[0-3]?[0-9])(?P<sep>[/.])(?P<b>[0-3]?[0-9])(?P=sep){_YEAR}",  # 20/10/1962, 20.10.1962
    rf"{_MONTH},?\s+{_YEAR}",  # October 1962 (month precision)
)
_RECEIVED = r"(?:\s*[(\[]Received[^)\]\n]*[)\]])?"  # "(Received Sept. 29.)" after the date
_DATELINES = tuple(re.compile(rf"^{_PLACE}{_WEEKDAY}(?P<date>{form}{_TIME})\.?{_RECEIVED}\.?$", re.IGNORECASE)
                   for form in _DATE_FORMS)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A line that is a date: the place before it (if any), the date, the line as printed."""

    place: str | None
    date: DocDate
    printed: str


def parse_dateline(line: str) -> Dateline | None:
    """The date (and place) if the whole ``line`` is one, else ``None``.

    Accepts "October 18, 1962", "18 October 1962", "1962-10-18", "Moscow, October 1962",
    "Vienna, June 4, 1961, 1:15 p.m." (minute precision), "20/10/1962" only when the day is
    unambiguous (one number above 12; "20.10.1962" is read day first).  Impossible dates
    ("February 30, 1962") are refused.

    >>> parse_dateline("Vienna, June 4, 1961, 1:15 p.m.").date.when
    '1961-06-04T13:15'
    """
    text = " ".join(line.split())
    if not text or len(text) > DATE_LINE_MAX_CHARS:
        return None
    # "[Washington, October 28, 1918.]": a date the editors supplied, in brackets
    bare = text[1:-1].strip() if text.startswith("[") and text.endswith("]") else text
    for pattern in _DATELINES:
        m = pattern.match(bare)
        if m is None:
            continue
        place = m.group("place")
        if place and re.fullmatch(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", place, re.IGNORECASE):
            place = None  # "Monday, October 18, 1962": a weekday, not a place
        elif place:
            place = _place(place)
            if place is None:
                return None  # "Report on the Inquiry, May 10, 1918": a title holding a date
        date = _docdate(m)
        if date is None:
            return None
        return Dateline(place, date, text)
    return None


def _place(prefix: str) -> str | None:
    """The place in what precedes a date: its last comma-separated parts that are names
    ("Department of State, Washington" → "Washington"; "Tokyo, Japan" stays), or ``None``."""
    parts = [p.strip() for p in prefix.replace("D. C.", "D.C.").split(",") if p.strip()]
    kept: list[str] = []
    for part in reversed(parts):
        words = part.split()
        if not words or any(w[0].islower() and w not in _PLACE_PARTICLES for w in words) or len(words) > 5:
            break
        kept.insert(0, part)
    return ", ".join(kept) or None


def parse_date_value(value: str) -> DocDate | None:
    """A front-matter ``date:`` value: an ISO date or anything :func:`parse_dateline` reads."""
    found = parse_dateline(_unquote(value))
    if found is not None:
        return found.date
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", _unquote(value).strip())
    if m and (not m.group(2) or 1 <= int(m.group(2)) <= 12):
        return DocDate(text=m.group(0), when=m.group(0), precision="month" if m.group(2) else "year", source="text")
    return None


def _docdate(m: re.Match[str]) -> DocDate | None:
    groups = m.groupdict()
    year = int(groups["year"])
    day: int | None
    if groups.get("iso"):
        month, day = int(groups["isomon"]), int(groups["isoday"])
    elif groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if groups["sep"] == "." or (a > 12 and b <= 12) or a == b:
            day, month = a, b
        elif b > 12 and a <= 12:
            month, day = a, b
        else:
            return None  # 05/06/1962: May 6 or 5 June?  Not guessed.
    else:
        month = _MONTHS[groups["mon"].lower()]
        day = int(groups["day"]) if groups.get("day") else None
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]):
        return None
    when = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    precision: DatePrecision = "day" if day is not None else "month"
    if groups.get("time") and day is not None:
        hour, minute = _clock(groups)
        if hour is None:
            return None
        when += f"T{hour:02d}:{minute:02d}"
        precision = "minute" if (groups.get("minute") or groups.get("m24")) else "hour"
    return DocDate(text=m.group("date"), when=when, precision=precision, source="text")


def _clock(groups: dict[str, str | None]) -> tuple[int | None, int]:
    if groups.get("noon"):
        return 12, 0
    if groups.get("h24"):
        hour, minute = int(groups["h24"] or 0), int(groups["m24"] or 0)
        return (hour, minute) if hour < 24 else (None, 0)
    hour, minute = int(groups["hour"] or 0), int(groups["minute"] or 0)
    if not 1 <= hour <= 12:
        return None, 0
    pm = (groups.get("ampm") or "a").lower() == "p"
    return (hour % 12) + (12 if pm else 0), minute


# ------------------------------------------------------------------ language
