"""Meetings from conversation records (issue 5, item 3): the seeds through a real store with the
authority (names resolved by the linker), a referenced participants list, grouping."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from memcon.enrich.meetings import extract_meeting, group_meetings
from memcon.ingest import ingest_paths
from memcon.model.records import Document, Participant
from memcon.store import open_store
from memcon.store.base import Store
from tests._shared import require, shared_path


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    shared = shared_path()
    paths = [
        require(shared / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the vol. V excerpt"),
        require(shared / "corpus" / "seeds", "the seeds"),
        require(shared / "authority", "the authority data"),
    ]
    db = tmp_path_factory.mktemp("meetings") / "m.db"
    report = ingest_paths(paths, store_path=db)
    assert not report.errors
    with open_store(db, create=False) as s:
        yield s


def names(store: Store, attendees: object) -> dict[str, str | None]:
    return {store.get_person(a.person_id).name.split(",")[0]: a.side for a in attendees if a.person_id}  # type: ignore[attr-defined]


def test_the_wilson_record_meeting(store: Store) -> None:
    doc = store.get_document("wilson/114511")
    meeting = extract_meeting(doc, store.mentions(doc.id))
    assert meeting is not None
    assert meeting.date is not None and meeting.date.when == "1962-10-18"
    assert meeting.place == "the White House, Washington"
    assert meeting.duration_minutes == 140
    by_name = names(store, meeting.attendees)
    us = {n for n, side in by_name.items() if side == "United States"}
    ussr = {n for n, side in by_name.items() if side == "Soviet Union"}
    assert us == {"Kennedy", "Rusk", "Thompson", "Hillenbrand", "Akalovsky"}
    assert ussr == {"Gromyko", "Semenov", "Dobrynin", "Sukhodrev"}
    assert any("There were present" in r for r in meeting.reasons)


def test_the_web_page_meeting_and_its_referenced_list(store: Store) -> None:
    doc = store.get_document("frus1961-63v05/d88")
    meeting = extract_meeting(doc, store.mentions(doc.id))
    assert meeting is not None
    assert meeting.place == "the Soviet Embassy, Vienna"
    assert meeting.date is not None and meeting.date.when == "1961-06-04"
    assert meeting.drafters == ("Akalovsky",)
    assert {"Kennedy", "Khrushchev"} <= set(names(store, meeting.attendees))
    # Document 84 is not in the shared data: a record standing in for it, with a real list form
    d84 = Document(id="frus1961-63v05/d84", volume_id="frus1961-63v05", heading="Memorandum of Conversation",
                   text="PARTICIPANTS\nUS\nThe President\nSecretary Rusk\nUSSR\nChairman Khrushchev\nForeign Minister Gromyko",
                   participants=(Participant("The President", "US"), Participant("Secretary Rusk", "US"),
                                 Participant("Chairman Khrushchev", "USSR"),
                                 Participant("Foreign Minister Gromyko", "USSR")))
    with_list = extract_meeting(doc, store.mentions(doc.id), referenced=d84)
    assert with_list is not None
    listed = [a for a in with_list.attendees if a.source == "participants list of frus1961-63v05/d84"]
    assert [(a.text, a.side) for a in listed] == [
        ("The President", "United States"), ("Secretary Rusk", "United States"),
        ("Chairman Khrushchev", "Soviet Union"), ("Foreign Minister Gromyko", "Soviet Union")]
    # the parties the heading names are the same people: merged, the linker's person kept
    by_text = {a.text: a for a in with_list.attendees}
    assert "Chairman Khrushchev" in by_text and by_text["Chairman Khrushchev"].person_id is not None
    assert len(with_list.attendees) == 4


def test_not_a_conversation_and_no_date(store: Store) -> None:
    doc = store.get_document("wilson/114511")
    assert extract_meeting(replace(doc, doc_type="telegram", heading="Telegram 12")) is None
    undated = extract_meeting(replace(doc, date=None), store.mentions(doc.id))
    assert undated is not None and undated.date is None
    assert "date: the record gives none (left unknown)" in undated.reasons


def test_records_of_one_meeting_are_grouped(store: Store) -> None:
    doc = store.get_document("wilson/114511")
    first = extract_meeting(doc, store.mentions(doc.id))
    assert first is not None
    second = replace(first, id="meeting:other", documents=("other",), attendees=first.attendees[:4])
    elsewhere = replace(first, id="meeting:elsewhere", documents=("elsewhere",), place="the Kremlin, Moscow")
    events = group_meetings([first, second, elsewhere])
    assert sorted(sorted(e.documents) for e in events) == [["elsewhere"], ["other", "wilson/114511"]]


HEADINGS = [
    ("Record of the proceedings of the tribunal of arbitration at the tenth conference held at Geneva, in "
     "Switzerland, on the 16th of July, 1872.", "1872-07-16", None, "Geneva, Switzerland"),
    ("Record of the proceedings of the tribunal of arbitration at the twentieth conference, held at Geneva, in "
     "Switzerland, on the l4th of August, 1872.", "1872-08-14", None, "Geneva, Switzerland"),  # OCR "l4th"
    ("Record of the proceedings of the arbitration at the second conference held at Geneva in Switzerland on "
     "the 16th day of December, A. D. 1871.", "1871-12-16", None, "Geneva, Switzerland"),
    ("Minutes of the Daily Meetings of the Commissioners Plenipotentiary, Monday, December 30, 1918",
     "1918-12-30", None, None),
    ("Final Protocol of the Conference and Agreement Regarding the Distribution of the Dawes Annuities, "
     "Signed at Paris, January 14, 1925", "1925-01-14", None, "Paris"),
    ("Minutes of Informal Canadian–United States Conference on Aviation Radio Held at U. S. Customs House, "
     "New York City, April 10–11, 1930", "1930-04-10", "1930-04-11", "U. S. Customs House, New York City"),
    ("No. 9. Extract from the 36th Protocol of the Conferences of the Joint High Commission.", None, None, None),
    ("Memorandum of Conversation, June 4, 1961, and June 5, 1961", None, None, None),  # two dates: none
    ("Conference held on the 31st of June, 1872.", None, None, None),  # no such day
    ("Mr. Geofroy to Mr. Seward.—Received May 27, 1864", None, None, None),  # arrival, not writing
    # the treaty's date is not the meeting's, and the meeting's is spelled out in words: none
    ("Record of the proceedings of the tribunal of arbitration under the provisions of the treaty between the "
     "United States of America and Her Britannic Majesty, concluded on the 8th of May, A. D. 1871, at the first "
     "conference held at Geneva in Switzerland, on the fifteenth day of December, in the year of our Lord one "
     "thousand eight hundred and seventy-one.", None, None, "Geneva, Switzerland"),
]


@pytest.mark.parametrize(("heading", "first", "last", "place"), HEADINGS)
def test_the_heading_dates_and_places_a_meeting(heading: str, first: str | None, last: str | None,
                                                  place: str | None) -> None:
    from memcon.enrich._heading_dates import heading_date, heading_place

    date = heading_date(heading)
    assert (date.sort_key if date else None, date.end if date else None) == (first, last)
    assert date is None or date.source == "heading"
    assert heading_place(heading) == place


def test_geneva_protocols_are_dated_by_their_headings() -> None:
    """The 1872 arbitration protocols have no dateline; their headings give day and place."""
    from memcon.readers import read

    path = require(shared_path() / "corpus" / "frus" / "frus1872p2v4.xml", "frus1872p2v4")
    docs = {r.id: r for r in read(path) if isinstance(r, Document)}
    meeting = extract_meeting(docs["frus1872p2v4/d10"])
    assert meeting is not None and meeting.date is not None
    assert (meeting.date.when, meeting.place) == ("1872-07-15", "Geneva, Switzerland")
    assert any(r.startswith("date: the heading") for r in meeting.reasons)
