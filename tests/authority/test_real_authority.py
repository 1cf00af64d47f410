"""The authority built from the real shared data (../shared/authority) and d88's list of 110
persons: offices by date, identities merged, namesakes kept apart.  Skipped without the data,
failing under CI."""

from __future__ import annotations

import pytest

from memcon.authority.lookup import Authority, describe
from memcon.authority.titles import precision
from memcon.store import SQLiteStore
from tests.authority.conftest import RealAuthority


@pytest.fixture(scope="module")
def authority(real_store: SQLiteStore) -> Authority:
    return Authority.from_store(real_store)


def surname(result: list) -> str:  # type: ignore[type-arg]
    return result[0][0].name.split(",")[0] if result else ""


SECRETARIES = [
    ("1945-03-01", "Stettinius"),
    ("1946-06-01", "Byrnes"),
    ("1948-06-01", "Marshall"),
    ("1951-06-01", "Acheson"),
    ("1956-06-01", "Dulles"),
    ("1960-06-01", "Herter"),
    ("1961-01-21", "Rusk"),
    ("1961-06-04", "Rusk"),
    ("1969-01-20", "Rusk"),
    ("1971-06-01", "Rogers"),
    ("1975-06-01", "Kissinger"),
    ("1978-06-01", "Vance"),
    ("1980-08-01", "Muskie"),
    ("1981-06-01", "Haig"),
    ("1985-06-01", "Shultz"),
    ("1989-06-01", "Baker"),
]
PRESIDENTS = [
    ("1945-03-01", "Roosevelt"),
    ("1945-06-01", "Truman"),
    ("1950-06-01", "Truman"),
    ("1955-06-01", "Eisenhower"),
    ("1961-06-04", "Kennedy"),
    ("1963-11-23", "Johnson"),
    ("1965-06-01", "Johnson"),
    ("1970-06-01", "Nixon"),
    ("1974-08-10", "Ford"),
    ("1978-06-01", "Carter"),
    ("1985-06-01", "Reagan"),
    ("1989-06-01", "Bush"),
]


@pytest.mark.parametrize("day,expected", SECRETARIES)
def test_every_secretary_of_state_by_date(authority: Authority, day: str, expected: str) -> None:
    found = authority.holders("the Secretary", on=day, side="United States")
    assert surname(found) == expected
    assert found[0][1].source.startswith("pocom:positions-principals/secretary#")
    assert [p for p, r in found[1:] if precision(r) == 0] == []  # one exact holder


@pytest.mark.parametrize("day,expected", PRESIDENTS)
def test_every_president_by_date(authority: Authority, day: str, expected: str) -> None:
    found = authority.holders("the President", on=day, side="US")
    assert surname(found) == expected
    assert found[0][1].source.startswith("presidents:")


def test_dean_rusk(authority: Authority, real_store: SQLiteStore) -> None:
    (rusk,) = real_store.find_persons("Dean Rusk")
    terms = [r for r in rusk.roles if r.title == "Secretary of State" and r.source.startswith("pocom:")]
    assert [(r.start, r.end) for r in terms] == [("1961-01-21", "1969-01-20")]
    assert "pocom:rusk-david-dean" in rusk.keys and "frus1961-63v05#p_RD1" in rusk.keys
    assert authority.holders("Secretary of State", on="1961-01-20")[0][0].name.startswith("Herter")


def test_khrushchev_is_one_person(authority: Authority, real_store: SQLiteStore) -> None:
    person = authority.volume_person("frus1961-63v05", "p_KNS1")
    assert person is not None and person.id == "memcon:hsg-107127"
    assert person.name == "Khrushchev, Nikita Sergeyevich"
    assert {"hsg:107127", "visit:russia/premier-khrushchev"} <= set(person.keys)
    assert [p.id for p in real_store.find_persons("Khrushchev")] == [person.id]
    assert [p.id for p in real_store.find_persons("N. S. Khrushchev")] == [person.id]
    for day in ("1958-06-01", "1961-06-04", "1962-10-26", "1964-06-01"):
        assert (
            authority.holders("Chairman of the Council of Ministers", on=day, side="Soviet Union")[0][0]
            == person
        )
        assert authority.holders("Premier", on=day, side="USSR")[0][0] == person


def test_thompson_ambassador_to_the_soviet_union(authority: Authority) -> None:
    first = authority.holders("Ambassador to the Soviet Union", on="1961-06-04", side="United States")
    assert first[0][0].id == authority.volume_person("frus1961-63v05", "p_TLEJ1").id  # type: ignore[union-attr]
    assert describe(first[0][1]) == (
        "Ambassador Extraordinary and Plenipotentiary, Soviet Union 1957-07-16 – 1962-07-27 (POCOM)"
    )
    assert (
        surname(authority.holders("Ambassador to the Soviet Union", on="1963-06-04", side="US")) == "Kohler"
    )
    assert (
        surname(authority.holders("Ambassador to the Soviet Union", on="1968-06-04", side="US")) == "Thompson"
    )
    assert surname(authority.holders("Soviet Ambassador to the United States", on="1963-06-04")) == "Dobrynin"
    assert surname(authority.holders("Foreign Minister", on="1961-06-04", side="Soviet Union")) == "Gromyko"


def test_namesakes_stay_apart(authority: Authority, real_store: SQLiteStore) -> None:
    mcgeorge = authority.volume_person("frus1961-63v05", "p_BMG1")
    alexis = authority.volume_person("frus1961-63v05", "p_JUA1")
    lyndon = authority.volume_person("frus1961-63v05", "p_JLB1")
    assert mcgeorge is not None and alexis is not None and lyndon is not None
    (william,) = real_store.find_persons("William Bundy")
    assert mcgeorge.name == "Bundy, McGeorge" and william.name == "Bundy, William Putnam"
    assert mcgeorge.id != william.id and not set(mcgeorge.keys) & set(william.keys)
    assert alexis.name == "Johnson, Ural Alexis" and lyndon.name == "Johnson, Lyndon Baines"
    assert alexis.id != lyndon.id and not set(alexis.keys) & set(lyndon.keys)
    assert "president:johnson-lyndon-b" in lyndon.keys and not any(
        k.startswith("president:") for k in alexis.keys
    )
    davids = real_store.find_persons("David Jones")
    assert davids and all(p.name.startswith("Jones, David") for p in davids)
    assert real_store.find_persons("Charles Jones") == []  # no Charles Jones: never David
    index = authority.surname_index()
    assert {mcgeorge.id, william.id} <= {p.id for p in index["bundy"]}


@pytest.mark.parametrize(
    "query,name",
    [
        ("Sukhodrev", "Sukhodrev, Viktor M."),
        ("Suhodrev", "Sukhodrev, Viktor M."),
        ("Hillenbrandt", "Hillenbrand, Martin Joseph Anthony"),
        ("Hillenbrand", "Hillenbrand, Martin Joseph Anthony"),
        ("Akalovsky", "Akalovsky, Alexander A."),
        ("Dobrynin", "Dobrynin, Anatoly F."),
        ("A. A. Gromyko", "Gromyko, Andreĭ Andreevich"),
        ("Gromyko", "Gromyko, Andreĭ Andreevich"),
    ],
)
def test_find_persons_and_spelling_variants(real_store: SQLiteStore, query: str, name: str) -> None:
    assert real_store.find_persons(query)[0].name == name


def test_every_entry_of_d88s_persons_list_is_a_person_of_the_authority(
    real_authority: RealAuthority, authority: Authority
) -> None:
    report = real_authority.report
    assert report.volume_entries == 109  # 110 entries, "Home" being a name of Douglas-Home
    assert report.volume_entries_linked == report.volume_entries
    assert report.records["people"] > 16_000 and report.records["pocom"] > 4_000
    assert report.records["presidents"] == 45 and report.records["visits"] > 1_000
    assert report.persons == len(authority) > 16_000
    assert real_authority.seconds < 180


FOREIGN = [
    ("Chairman", "Soviet Union", "1954-06-01", "Malenkov"),
    ("Chairman", "Soviet Union", "1956-06-01", "Bulganin"),
    ("Chairman", "Soviet Union", "1962-10-26", "Khrushchev"),
    ("Chairman", "Soviet Union", "1966-06-01", "Kosygin"),
    ("Prime Minister", "United Kingdom", "1946-06-01", "Attlee"),
    ("Prime Minister", "United Kingdom", "1952-06-01", "Churchill"),
    ("Prime Minister", "United Kingdom", "1956-06-01", "Eden"),
    ("Prime Minister", "United Kingdom", "1960-06-01", "Macmillan"),
    ("Prime Minister", "United Kingdom", "1965-06-01", "Wilson"),
    ("Prime Minister", "United Kingdom", "1972-06-01", "Heath"),
    ("Prime Minister", "United Kingdom", "1980-06-01", "Thatcher"),
    ("Foreign Minister", "Soviet Union", "1950-06-01", "Vyshinsky"),
    ("Foreign Minister", "Soviet Union", "1955-06-01", "Molotov"),
    ("Foreign Minister", "Soviet Union", "1960-06-01", "Gromyko"),
    ("Soviet Ambassador to the United States", None, "1955-06-01", "Zarubin"),
    ("Soviet Ambassador to the United States", None, "1961-06-01", "Menshikov"),
    # a later volume prints "1962–1986", d88 "thereafter" from March 1962: not Dobrynin yet
    ("Soviet Ambassador to the United States", None, "1962-01-15", "Menshikov"),
    ("Soviet Ambassador to the United States", None, "1962-06-01", "Dobrynin"),
    ("President", "France", "1960-06-01", "De Gaulle"),
    ("President", "France", "1976-06-01", "Giscard d’Estaing"),
]


@pytest.mark.parametrize("title,side,day,expected", FOREIGN)
def test_foreign_offices_from_persons_lists(
    authority: Authority, title: str, side: str | None, day: str, expected: str
) -> None:
    assert surname(authority.holders(title, on=day, side=side)) == expected
