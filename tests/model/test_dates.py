"""Date bounds: one definition for user filters, the store and the full-text index."""

from __future__ import annotations

import pytest

from memcon.errors import InvalidValue
from memcon.model.dates import date_bound, date_bounds, day_bound
from memcon.model.records import DocDate
from memcon.search._schema import day_number


@pytest.mark.parametrize(
    "iso",
    ["1919", "1919-06", "1919-06-28", "1962-02", "1962-10-18T17:00:00Z", "1919-13", "1919-02-30", "0201-07-04", "June 1919", ""],
)
def test_store_and_index_bound_a_date_the_same_way(iso: str) -> None:
    for end in (False, True):
        bound = day_bound(iso, end=end)
        number = day_number(iso, end=end)
        assert (bound is None) == (number is None)
        if bound is not None:
            assert number == int(bound.replace("-", ""))


def test_partial_and_impossible_dates_widen() -> None:
    assert (day_bound("1962-02"), day_bound("1962-02", end=True)) == ("1962-02-01", "1962-02-28")
    assert day_bound("1919-02-30", end=True) == "1919-02-28"
    assert day_bound("1919-13") == "1919-01-01"
    assert day_bound("June 1919") is None


def test_a_document_date_covers_its_range() -> None:
    assert date_bounds(DocDate(text="", start="1919-01", end="1919-06")) == ("1919-01-01", "1919-06-30")
    assert date_bounds(DocDate(text="", when="1961-06-04T13:15")) == ("1961-06-04", "1961-06-04")


def test_user_dates() -> None:
    assert (date_bound("1961"), date_bound("1961", end=True)) == ("1961-01-01", "1961-12-31")
    assert date_bound("1962-2", end=True) == "1962-02-28"
    for bad in ("1919-13", "1919-02-30", "June 1919"):
        with pytest.raises(InvalidValue):
            date_bound(bad)
