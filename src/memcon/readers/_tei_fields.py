"""Fields of a FRUS document read from its TEI: dates, heading, place, subject, participants.

The document type is classified by :mod:`memcon.readers._doc_types`.

DOCS: docs/architecture.md#records
"""

from __future__ import annotations

import calendar
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


def _date_from_element(date: Any) -> DocDate | None:
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
    first = when or start or not_before or end or not_after or ""
    precision, tz = iso_precision(first)
    uncertain = not (when or start or end)  # only bounds: the source does not say exactly
    return DocDate(plain(date), when, start, end, not_before, not_after, precision, uncertain, tz, "dateline")


def dateline_date(dateline: Any) -> DocDate | None:
    """The date a dateline states: the first ``date`` with a machine value, else its text."""
    if dateline is None:
        return None
    first = None
    for date in dateline.iter(DATE):
        if _in_note(date, dateline):
            continue
        found = _date_from_element(date)
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


def div_attribute_date(date_min: str | None, date_max: str | None, text: str) -> DocDate | None:
    """A date from ``frus:doc-dateTime-min``/``-max`` (modern and 1864-1870 volumes).

    The pair bounds the document: a whole day (00:00:00 … 23:59:59) is that day, a whole
    month or year likewise; anything else is kept as uncertain bounds — never a guess.
    """
    if not date_min and not date_max:
        return None
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
