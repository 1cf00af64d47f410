"""Fields of a FRUS document read from its TEI: dates, heading, place, subject, participants.

The document type is classified by :mod:`memcon.readers._doc_types`.

DOCS: docs/architecture.md#records
"""

from __future__ import annotations

import calendar
import datetime
import re
from functools import lru_cache
from typing import Any

from memcon.model.records import DatePrecision, DocDate, Participant
from memcon.readers._tei_text import HEAD, ITEM, LIST, NOTE, PERSNAME, TEI, plain

DATE = TEI + "date"
PLACENAME = TEI + "placeName"

# ISO 8601 as FRUS writes it: 1961-06-04, 1918-03-29T21:00:00, 1863-11-19T00:00:00-05:00, …Z
_ISO = re.compile(
    r"^(?P<date>-?\d{4}(?:-\d{2}(?:-\d{2})?)?)"
    r"(?:T(?P<time>\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?)(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
_DATE_PRECISION: dict[int, DatePrecision] = {4: "year", 7: "month", 10: "day"}
_TIME_PRECISION: dict[int, DatePrecision] = {2: "hour", 5: "minute", 8: "second"}


@lru_cache(maxsize=4096)  # a volume dates many documents the same day
def iso_precision(value: str) -> tuple[DatePrecision | None, str | None]:
    """Precision and timezone suffix of an ISO date or datetime (``None`` if it is not ISO)."""
    m = _ISO.match(value.strip())
    if m is None:
        return None, None
    time = m.group("time")
    if time is None:
        return _DATE_PRECISION.get(len(m.group("date").lstrip("-"))), None
    # Quirk: FRUS pads times to the second ("1934-09-17T19:00:00" for "7 p.m."); zero
    # seconds state a minute, not a second.
    hms = time[:8]
    precision: DatePrecision | None
    if len(hms) == 8 and hms.endswith(":00"):
        precision = "minute"
    else:
        precision = _TIME_PRECISION.get(len(hms), "second")
    return precision, m.group("tz")


_DATE_ATTRIBUTES = frozenset(("when", "when-iso", "from", "from-iso", "to", "to-iso", "notBefore", "notBefore-iso",
                              "notAfter", "notAfter-iso"))

Problems = list[tuple[int | None, str]]
"""Where a machine date was rejected, and why: (line, message); the reader warns with its file."""

FIRST_YEAR, LAST_YEAR = 1700, 2100  # no FRUS document is dated outside these
_MONTHS = {name: i for i, names in enumerate(
    (("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",), ("June", "Jun"),
     ("July", "Jul"), ("August", "Aug"), ("September", "Sept", "Sep"), ("October", "Oct"),
     ("November", "Nov"), ("December", "Dec")), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# "February 5, 1864", "Oct. 31, 1870", "5 February 1864"; "June 5–17, 1864" (a range) and
# "July —, 1870" (no day) do not match
_PRINTED = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\.? (?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y1>\d{{4}})|"
    rf"(?P<d2>\d{{1,2}}) (?P<m2>{_MONTH})\.?,? (?P<y2>\d{{4}}))(?![\d–-])"
)
_RECEIVED = re.compile(r"[(\[][^)\]]*\breceived\b[^)\]]*[)\]]?", re.IGNORECASE)  # "(Received July 21, 1870.)"
_PRINTED_YEAR = re.compile(r"(?<!\d)(1[7-9]\d\d|20\d\d)(?!\d)")


@lru_cache(maxsize=4096)
def valid_iso(value: str) -> bool:
    """True if ``value`` is an ISO date or datetime of a real calendar day in 1700–2100."""
    m = _ISO.match(value.strip())
    if m is None:
        return False
    date = m.group("date")
    if date.startswith("-") or not FIRST_YEAR <= int(date[:4]) <= LAST_YEAR:
        return False  # frus1870 d56: when="0201-07-04"
    try:
        datetime.date(int(date[:4]), int(date[5:7] or 1), int(date[8:10] or 1))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)  # a volume prints the same date on many documents
def _printed_years(text: str) -> frozenset[str]:
    """The years printed in a date's text, received dates left out."""
    if "eceived" in text or "ECEIVED" in text:
        text = _RECEIVED.sub(" ", text)
    return frozenset(_PRINTED_YEAR.findall(text))


def printed_date(text: str) -> str | None:
    """The one day a printed date states (``February 5, 1864`` → ``1864-02-05``), received
    dates left out; None unless exactly one real day is printed."""
    found = set()
    for m in _PRINTED.finditer(_RECEIVED.sub(" ", text)):
        month, day, year = (m.group("m1"), m.group("d1"), m.group("y1")) if m.group("m1") else (
            m.group("m2"), m.group("d2"), m.group("y2"))
        iso = f"{year}-{_MONTHS[month]:02d}-{int(day):02d}"
        if valid_iso(iso):
            found.add(iso)
    return found.pop() if len(found) == 1 else None


def checked(values: dict[str, str | None], text: str, line: int | None, problems: Problems | None,
            source: str) -> DocDate | None:
    """None if the machine values are sound; else the printed date (or no date), the problem noted.

    A value is unsound when it is no real day in 1700–2100 (frus1870 d56 ``0201-07-04``) or
    its year is not the year printed (frus1872p2v2 d8: ``1863-02-05`` for "February 5, 1864").
    """
    printed_years = _printed_years(text)
    bad = []
    for name, value in values.items():
        if not value:
            continue
        if not valid_iso(value):
            bad.append(f"{name}={value!r} is no real date in {FIRST_YEAR}–{LAST_YEAR}")
        elif printed_years and value.strip()[:4] not in printed_years:
            bad.append(f"{name}={value!r} contradicts the printed year")
    if not bad:
        return None
    printed = printed_date(text)
    if problems is not None:
        problems.append((line, f"{source} date {'; '.join(bad)} (printed: {text!r}); "
                               + (f"using the printed date {printed}" if printed else "no date kept")))
    if printed:
        return DocDate(text=text, when=printed, precision="day", source="dateline-text")
    return DocDate(text=text)


def _date_from_element(date: Any, problems: Problems | None = None) -> DocDate | None:
    attrs = dict(date.items())
    if attrs.keys().isdisjoint(_DATE_ATTRIBUTES):
        return None
    get = attrs.get
    when = get("when") or get("when-iso")
    start, end = get("from") or get("from-iso"), get("to") or get("to-iso")
    not_before = get("notBefore") or get("notBefore-iso")
    not_after = get("notAfter") or get("notAfter-iso")
    if not (when or start or end or not_before or not_after):
        return None
    text = plain(date)
    rejected = checked({"when": when, "from": start, "to": end, "notBefore": not_before, "notAfter": not_after},
                       text, date.sourceline, problems, "dateline")
    if rejected is not None:
        return rejected
    first = when or start or not_before or end or not_after or ""
    precision, tz = iso_precision(first)
    uncertain = not (when or start or end)  # only bounds: the source does not say exactly
    return DocDate(text, when, start, end, not_before, not_after, precision, uncertain, tz, "dateline")


def dateline_date(dateline: Any, *, problems: Problems | None = None) -> DocDate | None:
    """The date a dateline states: the first ``date`` with a machine value, else its text.

    A machine value that is impossible or contradicts the print is not used (see
    :func:`checked`): the printed date if it is unambiguous, else none; ``problems`` says so.
    """
    if dateline is None:
        return None
    first = None
    for date in dateline.iter(DATE):
        if _in_note(date, dateline):
            continue
        found = _date_from_element(date, problems)
        if found is not None:
            return found
        if first is None:
            first = date
    if first is not None:
        text = plain(first)
        return DocDate(text=text) if text else None
    return None


def _in_note(el: Any, stop: Any) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == NOTE:
            return True
        parent = parent.getparent()
    return False


def div_attribute_date(date_min: str | None, date_max: str | None, text: str, *, line: int | None = None,
                       problems: Problems | None = None) -> DocDate | None:
    """A date from ``frus:doc-dateTime-min``/``-max`` (modern and 1864-1870 volumes).

    The pair bounds the document: a whole day (00:00:00 … 23:59:59) is that day, a whole
    month or year likewise; anything else is kept as uncertain bounds — never a guess.
    Impossible or contradicted values are not used (:func:`checked`).
    """
    if not date_min and not date_max:
        return None
    rejected = checked({"frus:doc-dateTime-min": date_min, "frus:doc-dateTime-max": date_max}, text, line,
                       problems, "div attribute")
    if rejected is not None:
        return rejected if rejected.when or text else None
    lo, hi = date_min or date_max or "", date_max or date_min or ""
    _, tz = iso_precision(lo)
    text = text or (lo if lo == hi else f"{lo}/{hi}")
    day_lo, _, time_lo = lo.partition("T")
    day_hi, _, time_hi = hi.partition("T")
    whole = time_lo[:8] in ("", "00:00:00") and time_hi[:8] in ("", "23:59:59")
    if lo == hi:
        precision, tz = iso_precision(lo)
        return DocDate(text=text, when=lo, precision=precision, timezone=tz, source="div-attribute")
    if whole and day_lo == day_hi:
        return DocDate(text=text, when=day_lo, precision="day", timezone=tz, source="div-attribute")
    if whole and _whole_month(day_lo, day_hi):
        return DocDate(text=text, when=day_lo[:7], precision="month", timezone=tz, source="div-attribute")
    if whole and day_lo[:4] == day_hi[:4] and day_lo[5:] == "01-01" and day_hi[5:] == "12-31":
        return DocDate(text=text, when=day_lo[:4], precision="year", timezone=tz, source="div-attribute")
    precision, _ = iso_precision(lo)
    return DocDate(
        text=text, not_before=lo, not_after=hi, precision=precision, uncertain=True, timezone=tz,
        source="div-attribute",
    )


def _whole_month(lo: str, hi: str) -> bool:
    if len(lo) != 10 or len(hi) != 10 or lo[:7] != hi[:7] or lo[8:] != "01":
        return False
    try:
        last = calendar.monthrange(int(lo[:4]), int(lo[5:7]))[1]
    except ValueError:
        return False
    return hi[8:] == f"{last:02d}"


def dateline_place(dateline: Any) -> str | None:
    """The dateline's ``placeName``, without trailing punctuation (``Washington,`` → ``Washington``)."""
    if dateline is None:
        return None
    for place in dateline.iter(PLACENAME):
        text = plain(place).strip(" ,.;:")
        if text:
            return text
    return None


def heading(head: Any, n: str | None) -> str:
    """The heading without notes and without the printed number prefix equal to ``n``.

    hsg's own rule (frus-toc-html.xqm): a head starting with ``"{n}."`` carries its number.
    """
    if head is None:
        return ""
    text = plain(head)
    if n:
        for prefix in (f"{n}.", f"No. {n}."):  # "88. Memorandum …"; "No. 10. Mr. Putnam …" (frus1882)
            if text.startswith(prefix) and len(text) > len(prefix):
                return text[len(prefix):].lstrip()
    return text


def subject(lst: Any) -> str | None:
    """``list[@type='subject']``: its items, joined with ``; ``."""
    if lst is None:
        return None
    items = [plain(item) for item in lst.iterchildren(ITEM)]
    items = [i for i in items if i]
    return "; ".join(items) if items else None


def participants(lst: Any) -> tuple[Participant, ...]:
    """``list[@type='participants']``: one Participant per item, as printed.

    Sides: an item holding a nested list is a side heading for that list's items
    (frus1917Supp02v02: "Present: <list>…"), as is a nested list's own ``head``.
    """
    if lst is None:
        return ()
    found: list[Participant] = []
    for item in lst.iterchildren(ITEM):
        nested = item.find(LIST)
        if nested is None:
            text = plain(item)
            if text:
                found.append(Participant(text=text, person_ref=_person_ref(item)))
            continue
        side = _own_text(item).strip(" :,") or None
        for sub in (item.findall(LIST)):
            head = sub.find(HEAD)
            sub_side = plain(head).strip(" :,") if head is not None else None
            for entry in sub.iterchildren(ITEM):
                text = plain(entry)
                if text:
                    found.append(Participant(text=text, side=sub_side or side, person_ref=_person_ref(entry)))
    return tuple(found)


def _own_text(item: Any) -> str:
    parts: list[str] = [item.text or ""]
    for ch in item:
        if ch.tag != LIST and ch.tag.__class__ is str and ch.tag != NOTE:
            parts.append(plain(ch))
        parts.append(ch.tail or "")
    return " ".join("".join(parts).split())


def _person_ref(item: Any) -> str | None:
    refs = {p.get("corresp") for p in item.iter(PERSNAME) if p.get("corresp")}
    return refs.pop() if len(refs) == 1 else None
