"""The Authority lookup (memcon/authority/lookup.py) on the tiny authority folder: holders of an
office by date and side, the surname index, volume persons-list entries."""

from __future__ import annotations

import pytest

from memcon.authority.lookup import Authority, covers, describe
from memcon.errors import InvalidValue, NotFound
from memcon.model.people import Role
from memcon.store.base import Store


@pytest.fixture
def authority(store_with_tiny_authority: Store) -> Authority:
    return Authority.from_store(store_with_tiny_authority)


def names(result: list) -> list[str]:  # type: ignore[type-arg]
    return [p.name for p, _ in result]


def test_the_secretary_by_date_from_pocom(authority: Authority) -> None:
    ((rusk, role),) = authority.holders("the Secretary", on="1961-06-04", side="US")
    assert rusk.name == "Rusk, David Dean"
    assert describe(role) == "Secretary of State 1961-01-21 – 1969-01-20 (POCOM)"
    # the volume says only "Secretary of State" (1961–1963): POCOM's term wins, so not before 1961-01-21
    assert authority.holders("Secretary of State", on="1961-01-10") == []
    assert names(authority.holders("Secretary of State", on="1969-01-20")) == ["Rusk, David Dean"]


def test_presidents_and_the_day_of_a_succession(authority: Authority) -> None:
    assert names(authority.holders("President", on="1963-11-22", side="United States")) == [
        "Kennedy, John F.",
        "Johnson, Lyndon Baines",
    ]
    assert names(authority.holders("the President", on="1964-06-01", side="US")) == ["Johnson, Lyndon Baines"]


def test_ambassador_to_a_country_and_a_foreign_leader(authority: Authority) -> None:
    ((thompson, role),) = authority.holders("Ambassador to the Soviet Union", on="1961-06-04")
    assert thompson.id == "memcon:pocom-thompson-llewellyn-e" and role.start == "1957-07-16"
    assert authority.holders("Ambassador to the Soviet Union", on="1962-08-01") == []
    assert names(authority.holders("Chairman", on="1962-10-20", side="Soviet Union")) == [
        "Khrushchev, Nikita Sergeyevich"
    ]
    assert names(authority.holders("Premier", on="1959-09-15", side="USSR")) == [
        "Khrushchev, Nikita Sergeyevich"
    ]
    assert authority.holders("Chairman", on="1962-10-20", side="United States") == []


def test_surname_index_and_entries(authority: Authority) -> None:
    index = authority.surname_index()
    assert {p.id for p in index["johnson"]} == {"memcon:hsg-100005", "memcon:hsg-100006"}
    assert [p.id for p in index["khrushchev"]] == ["memcon:hsg-100001"]
    assert "douglas home" in index and "home" in index
    assert authority.volume_person("frus1961-63v05", "p_KNS1") == authority.person("memcon:hsg-100001")
    assert authority.volume_person("frus1961-63v05", "#p_JUA1") == authority.person("memcon:hsg-100006")
    assert authority.volume_person("frus1961-63v05", "p_NOPE") is None
    with pytest.raises(NotFound):
        authority.person("memcon:nobody")


def test_a_bad_date_is_refused(authority: Authority) -> None:
    with pytest.raises(InvalidValue):
        authority.holders("President", on="June 4, 1961")


@pytest.mark.parametrize(
    "start,end,day,inside",
    [
        ("1961", "1963", "1963-12-31", True),
        ("1962-07", None, "1962-07-01", True),
        ("1962-07", "1962-07", "1962-08-01", False),
        (None, "1961-01-20", "1961-01-21", False),
        ("1961-01-21", "1969-01-20", "1961-01-21", True),
    ],
)
def test_covers(start: str | None, end: str | None, day: str, inside: bool) -> None:
    assert covers(Role("x", start, end, "s"), day) is inside
