"""Persons-list descriptions parsed into dated roles, and titles reduced to comparable offices
(memcon/authority/titles.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memcon.authority.titles import (
    VOLUME_BOUND,
    office_key,
    parse_date,
    parse_description,
    side_of,
    volume_years,
)

V05 = ("1961", "1963")


def roles(
    text: str, bounds: tuple[str, str] | None = V05
) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(r.title, r.start, r.end, r.side) for r in parse_description(text, bounds=bounds, source="x")]


@pytest.mark.parametrize(
    "description,expected",
    [
        # real descriptions from the list of persons of frus1961-63v05
        ("Secretary of State", [("Secretary of State", "1961", "1963", "United States")]),
        (
            "Secretary of State from January 21, 1961",
            [("Secretary of State", "1961-01-21", "1963", "United States")],
        ),
        (
            "Chairman of the Council of Ministers of the Soviet Union",
            [("Chairman of the Council of Ministers of the Soviet Union", "1961", "1963", "Soviet Union")],
        ),
        (
            "Soviet Ambassador to the United States until January 1962",
            [("Soviet Ambassador to the United States", "1961", "1962-01", "Soviet Union")],
        ),
        (
            "Ambassador to the Soviet Union until July 1962; thereafter Ambassador at Large",
            [
                ("Ambassador to the Soviet Union", "1961", "1962-07", "United States"),
                ("Ambassador at Large", "1962-07", "1963", "United States"),
            ],
        ),
        (
            "Vice President of the United States until November 22, 1963; thereafter President",
            [
                ("Vice President of the United States", "1961", "1963-11-22", "United States"),
                ("President of the United States", "1963-11-22", "1963", "United States"),
            ],
        ),
        (
            "Chief of the American Countries Division, Soviet Foreign Ministry, until March 1962; "
            "thereafter Ambassador to the United States",
            [
                (
                    "Chief of the American Countries Division, Soviet Foreign Ministry",
                    "1961",
                    "1962-03",
                    "Soviet Union",
                ),
                ("Ambassador to the United States", "1962-03", "1963", "Soviet Union"),
            ],
        ),
        (
            "Soviet Deputy Minister of Agriculture, 1961-1962; Minister of Agriculture, 1962-1963",
            [
                ("Soviet Deputy Minister of Agriculture", "1961", "1962", "Soviet Union"),
                ("Minister of Agriculture", "1962", "1963", "Soviet Union"),
            ],
        ),
        (
            "Special Assistant to the Secretary of State and Executive Secretary of the Department from March 1961 "
            "to May 1962; thereafter Assistant Secretary of State for Educational and Cultural Affairs",
            [
                (
                    "Special Assistant to the Secretary of State and Executive Secretary of the Department",
                    "1961-03",
                    "1962-05",
                    "United States",
                ),
                (
                    "Assistant Secretary of State for Educational and Cultural Affairs",
                    "1962-05",
                    "1963",
                    "United States",
                ),
            ],
        ),
        (
            "British Secretary of State for Foreign Affairs until October 1963; Prime Minister thereafter",
            [
                ("British Secretary of State for Foreign Affairs", "1961", "1963-10", "United Kingdom"),
                ("Prime Minister", "1963-10", "1963", "United Kingdom"),
            ],
        ),
        ("President of Cuba", [("President of Cuba", "1961", "1963", "Cuba")]),
        ("Ambassador to France", [("Ambassador to France", "1961", "1963", "United States")]),
        (
            "Colonel in the Soviet Intelligence Service arrested in the United States in 1957",
            [
                (
                    "Colonel in the Soviet Intelligence Service arrested in the United States in 1957",
                    "1961",
                    "1963",
                    "Soviet Union",
                )
            ],
        ),
        ("see Douglas-Home", []),
    ],
)
def test_descriptions_become_dated_roles(description: str, expected: list[tuple[str, ...]]) -> None:
    assert roles(description) == expected


def test_a_month_without_a_year_takes_the_volumes_year() -> None:
    # frus1949v03's Rusk: "… from February; Deputy Under Secretary of State, from May."
    text = "Assistant Secretary of State for United Nations Affairs, from February; Deputy Under Secretary of State, from May."
    assert [(t, s) for t, s, _, _ in roles(text, ("1949", "1949"))] == [
        ("Assistant Secretary of State for United Nations Affairs", "1949-02"),
        ("Deputy Under Secretary of State", "1949-05"),
    ]


def test_the_note_keeps_the_words_and_says_when_the_volume_bounds_the_dates() -> None:
    bounded, printed = parse_description(
        "Special Assistant from March 1961 to May 1962; Counselor",
        bounds=V05,
        source="frus1961-63v05/persons#p_X",
    )[::-1]
    assert VOLUME_BOUND in (bounded.note or "") and "1961–1963" in (bounded.note or "")
    assert printed.note == "Special Assistant from March 1961 to May 1962; Counselor"
    assert printed.source == "frus1961-63v05/persons#p_X"


def test_without_bounds_unprinted_dates_stay_open() -> None:
    assert roles("Secretary of State", None) == [("Secretary of State", None, None, "United States")]


@pytest.mark.parametrize(
    "volume_id,years",
    [
        ("frus1961-63v05", ("1961", "1963")),
        ("frus1919Parisv01", ("1919", "1919")),
        ("frus1969-76v13", ("1969", "1976")),
        ("frus1950-55Intel", ("1950", "1955")),
        ("wilson", None),
    ],
)
def test_volume_years(volume_id: str, years: tuple[str, str] | None) -> None:
    assert volume_years(volume_id) == years


@pytest.mark.parametrize(
    "text,iso",
    [("January 21, 1961", "1961-01-21"), ("July 1962", "1962-07"), ("1961", "1961"), ("May", None)],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "title,key",
    [
        ("the Secretary", ("secretary of state", None, None)),
        ("Secretary of State", ("secretary of state", None, None)),
        ("Premier", ("chairman of council of ministers", None, None)),
        ("the Chairman", ("chairman of council of ministers", None, None)),
        ("Chairman, Soviet Council of Ministers", ("chairman of council of ministers", None, None)),
        (
            "Chairman of the Council of Ministers of the Soviet Union",
            ("chairman of council of ministers", None, "Soviet Union"),
        ),
        ("Ambassador to the Soviet Union", ("ambassador", "Soviet Union", None)),
        ("Soviet Ambassador to the United States", ("ambassador", "United States", "Soviet Union")),
        ("our Ambassador", ("ambassador", None, None)),
        ("President of the United States", ("president", None, "United States")),
        ("British Secretary of State for Foreign Affairs", ("foreign minister", None, "United Kingdom")),
        ("Soviet Foreign Minister", ("foreign minister", None, "Soviet Union")),
        ("former Secretary of State", ("former secretary of state", None, None)),  # not the Secretary
    ],
)
def test_office_key(title: str, key: tuple[str, str | None, str | None]) -> None:
    assert office_key(title) == key


@pytest.mark.parametrize(
    "title,side",
    [
        ("First Secretary and Political Officer at the Embassy in the Soviet Union", "United States"),
        ("Counselor at Moscow", "United States"),
        ("Acting Chief of the Division of Eastern European Affairs", "United States"),
        ("Second Secretary of the Soviet Embassy in the United States", "Soviet Union"),
        ("Chief of the American Countries Division, Soviet Foreign Ministry", "Soviet Union"),
        ("Chairman of the Council of Ministers of the U.S.S.R.", "Soviet Union"),
        ("Yale University professor", None),
    ],
)
def test_side_of(title: str, side: str | None) -> None:
    assert side_of(title) == side


def test_a_chief_of_missions_post_is_its_place() -> None:
    assert office_key("Ambassador Extraordinary and Plenipotentiary", organisation="Soviet Union") == (
        "ambassador",
        "Soviet Union",
        None,
    )


@given(st.text(max_size=200))
def test_any_description_parses_without_error(text: str) -> None:
    for role in parse_description(text, bounds=V05, source="x"):
        assert role.title.strip()
        for date in (role.start, role.end):
            assert date is None or date[:4].isdigit()
