"""Who held an office on a day, from the offices the documents attest
(:mod:`memcon.authority.attested`): brackets, reach, changes of hands, footnotes."""

from __future__ import annotations

from memcon.authority.attested import (
    FOOTNOTE_DAYS,
    FOREIGN_WINDOW_DAYS,
    WINDOW_DAYS,
    AttestedHolder,
    AttestedOffices,
)
from memcon.model.people import Attestation

US = "United States"


def att(day: str, name: str, *, office: str = "secretary of war", side: str = US, place: str | None = None,
        person: str | None = None, footnote: int | None = None, doc: str = "frus1864p3/d1") -> Attestation:
    return Attestation(doc, day, office, place, side, name, person, f"{name}, {office}", 0, 10,
                       "memcon.attested.v1", footnote)


def test_a_day_between_two_attestations_of_one_man_is_his() -> None:
    offices = AttestedOffices([att("1864-03-09", "E. M. Stanton"), att("1864-05-26", "Stanton")])
    found = offices.holder("Secretary of War", on="1864-04-22", side=US)
    assert isinstance(found, AttestedHolder)
    assert (found.person_id, found.name, found.confidence) == (None, "E. M. Stanton", 0.8)
    assert "attested 1864-03-09 and 1864-05-26" in found.reason and "frus1864p3/d1" in found.reason


def test_one_attestation_reaches_half_a_year_for_a_us_office() -> None:
    offices = AttestedOffices([att("1901-12-10", "Gage", office="secretary of treasury", person="memcon:gage")])
    near = offices.holder("Secretary of the Treasury", on="1901-11-28", side=US)
    assert isinstance(near, AttestedHolder) and near.person_id == "memcon:gage" and near.confidence == 0.75
    assert "12 days after" in near.reason
    far = offices.holder("Secretary of the Treasury", on="1901-06-22", side=US)
    assert isinstance(far, AttestedHolder) and far.confidence == 0.6 and "171 days after" in far.reason
    assert WINDOW_DAYS == 183
    assert offices.holder("Secretary of the Treasury", on="1901-05-27", side=US) is None  # 197 days


def test_a_foreign_office_is_reached_only_close_by() -> None:
    offices = AttestedOffices([att("1934-10-25", "Araujo", office="foreign minister", side="El Salvador")])
    assert isinstance(offices.holder("Foreign Minister", on="1934-11-22", side="El Salvador"), AttestedHolder)
    assert offices.holder("Foreign Minister", on="1935-01-10", side="El Salvador") is None  # 77 days
    assert FOREIGN_WINDOW_DAYS < 77
    assert offices.holder("Foreign Minister", on="1934-11-22", side="Bolivia") is None


def test_an_editors_footnote_reaches_only_its_month() -> None:
    offices = AttestedOffices([att("1934-01-29", "Mello Franco", office="foreign minister", side="Brazil",
                                   footnote=1)])
    assert isinstance(offices.holder("Foreign Minister", on="1934-02-10", side="Brazil"), AttestedHolder)
    assert offices.holder("Foreign Minister", on="1934-07-06", side="Brazil") is None
    assert FOOTNOTE_DAYS == 31


def test_two_men_around_the_day_leave_it_untold() -> None:
    offices = AttestedOffices([att("1870-08-10", "La Tour d'Auvergne", office="foreign minister", side="France"),
                               att("1870-09-07", "Jules Favre", office="foreign minister", side="France")])
    found = offices.holder("Minister of Foreign Affairs", on="1870-08-30", side="France")
    assert isinstance(found, str) and "changed hands" in found
    assert "La Tour d'Auvergne" in found and "Jules Favre" in found


def test_the_post_and_the_government_must_agree() -> None:
    offices = AttestedOffices([att("1917-04-19", "Spring Rice", office="ambassador", side="United Kingdom",
                                   place=US)])
    assert isinstance(offices.holder("Ambassador to the United States", on="1917-05-22", side="United Kingdom"),
                      AttestedHolder)
    assert offices.holder("Ambassador to France", on="1917-05-22", side="United Kingdom") is None
    assert offices.holder("Ambassador to the United States", on="1917-05-22", side="France") is None
    assert offices.holder("Ambassador", on="1917-05-22", side=None) is None


def test_an_under_secretary_for_foreign_affairs_is_the_under_secretary_there() -> None:
    offices = AttestedOffices([att("1936-07-25", "A. Soheily", office="under secretary of state for foreign affairs",
                                   side="Iran", person="memcon:soheili")])
    found = offices.holder("Under Secretary of State", on="1936-07-01", side="Iran")
    assert isinstance(found, AttestedHolder) and found.person_id == "memcon:soheili"
    assert offices.holder("Under Secretary of State", on="1936-07-01", side=US) is None
    assert len(offices) == 1


def test_a_bracket_of_one_man_spans_four_years_at_most() -> None:
    offices = AttestedOffices([att("1866-04-10", "McCulloch", office="secretary of treasury"),
                               att("1884-12-01", "McCulloch", office="secretary of treasury")])
    assert offices.holder("Secretary of the Treasury", on="1875-01-01", side=US) is None
    assert isinstance(offices.holder("Secretary of the Treasury", on="1884-12-18", side=US), AttestedHolder)


def test_a_year_or_a_month_asked_stands_for_its_first_day_and_no_date_answers_nothing() -> None:
    offices = AttestedOffices([att("1864-01-20", "E. M. Stanton"), att("1864-05-26", "Stanton")])
    assert isinstance(offices.holder("Secretary of War", on="1864", side=US), AttestedHolder)
    assert isinstance(offices.holder("Secretary of War", on="1864-03", side=US), AttestedHolder)
    assert offices.holder("Secretary of War", on="1864-13-40", side=US) is None
    assert offices.holder("Secretary of War", on="sometime", side=US) is None
