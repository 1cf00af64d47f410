"""Date bounds: what a user types (``--from 1919``) and what a document's date can stand for,
as inclusive ISO days.  The store (``date_min``/``date_max``) and the full-text index (its
date fields) both use :func:`date_bounds`, so a date filter means the same in either."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from memcon.errors import InvalidValue
from memcon.model.records import DocDate

_ISO_DAY = re.compile(r"(-?\d{4,})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
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


@lru_cache(maxsize=8192)
def day_bound(iso: str | None, *, end: bool = False) -> str | None:
    """The first (or, with ``end``, the last) day an ISO date or datetime can stand for.

    ``1961`` → ``1961-01-01`` / ``1961-12-31``; ``1962-02`` → ``1962-02-01`` /
    ``1962-02-28``; ``1962-10-18T17:00:00Z`` → ``1962-10-18``.  An impossible month
    or day widens to the year or month; a value that is no ISO date gives ``None``.
    Cached: the same dates recur throughout a volume, and this is on the ingest hot path.
    """
    if not iso:
        return None
    m = _ISO_DAY.match(iso.strip())
    if not m:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else 0
    day = int(m.group(3)) if m.group(3) else 0
    if not 1 <= year <= 9999:
        return None
    if not 1 <= month <= 12:
        return f"{year:04d}-12-31" if end else f"{year:04d}-01-01"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        day = last if end else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_bounds(date: DocDate | None) -> tuple[str | None, str | None]:
    """``(date_min, date_max)``: the earliest and latest day (``YYYY-MM-DD``) of ``date``.

    Plain ISO days compare correctly as strings, so inclusive date filters are
    ``date_max >= :from AND date_min <= :to``.
    """
    if date is None:
        return None, None
    return day_bound(date.sort_key), day_bound(date.sort_key_end, end=True)


def iso_display(date: DocDate | None) -> str | None:
    """A date as one ISO string for display and export: ``when``, else ``start/end``, else the
    earliest bound."""
    if date is None:
        return None
    if date.when:
        return date.when
    if date.start and date.end:
        return f"{date.start}/{date.end}"
    return date.sort_key
