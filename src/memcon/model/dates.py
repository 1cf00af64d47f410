"""Dates given by users (``--from 1919``, ``--to 1919-06``) turned into inclusive ISO bounds."""

from __future__ import annotations

import calendar
import re

from memcon.errors import InvalidValue

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def date_bound(text: str, *, end: bool = False) -> str:
    """``1919`` → ``1919-01-01`` (or ``1919-12-31`` when ``end``); ``1919-06`` → ``1919-06-01``
    / ``1919-06-30``; ``1919-06-28`` stays.  Raises :class:`InvalidValue` otherwise.

    >>> date_bound("1961", end=True)
    '1961-12-31'
    >>> date_bound("1962-2", end=True)
    '1962-02-28'
    """
    m = _DATE.match(text.strip())
    if not m:
        raise InvalidValue(
            f"{text!r} is not a date", hint="write a year (1919), a month (1919-06) or a day (1919-06-28)"
        )
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        raise InvalidValue(f"{text!r}: month {month} does not exist", hint="months run from 01 to 12")
    if month is None:
        return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return f"{year:04d}-{month:02d}-{last:02d}" if end else f"{year:04d}-{month:02d}-01"
    if not 1 <= day <= last:
        raise InvalidValue(f"{text!r}: day {day} does not exist in {year:04d}-{month:02d}")
    return f"{year:04d}-{month:02d}-{day:02d}"
