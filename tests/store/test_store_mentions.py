"""The Store contract for mentions (replace_mentions, mentions, unlinked_volumes, documents_mentioning,
co_mentioned), run against every implementation (the parametrised ``store`` fixture)."""

from __future__ import annotations

from dataclasses import replace

from memcon.model.people import Mention, Person
from memcon.store.base import Store
from tests.store.store_factories import make_documents, make_volume

VOL = "frus1961-63v05"
METHOD = "memcon.linker.v1"


def mention(start: int, person: str | None, *, kind: str = "name") -> Mention:
    return Mention(start, start + 5, "Rusk.", person, 0.9 if person else 0.0, METHOD, "because", None, kind)


def test_mentions_round_trip_and_go_stale(store: Store) -> None:
    docs = make_documents(VOL, 3)
    store.replace_volume(make_volume(VOL), docs)
    store.replace_authority([Person("memcon:a", "Rusk, Dean")], source="/a", version="v1")
    assert store.unlinked_volumes(METHOD) == [VOL]
    found = [(docs[0].id, [mention(10, "memcon:a"), mention(20, None, kind="title")]),
             (docs[2].id, [mention(5, "memcon:a"), mention(30, "memcon:b")]),
             (docs[1].id, [mention(7, "memcon:b")])]
    assert store.replace_mentions(VOL, found, method=METHOD) == 5
    assert (store.stats().persons, store.stats().mentions) == (1, 5)
    assert store.mentions(docs[0].id) == (mention(10, "memcon:a"), mention(20, None, kind="title"))
    assert store.unlinked_volumes(METHOD) == []
    assert store.unlinked_volumes("memcon.linker.v2") == [VOL]
    assert store.documents_mentioning("memcon:a") == [docs[0].id, docs[2].id]
    assert store.documents_mentioning("memcon:a", limit=1) == [docs[0].id]
    assert store.co_mentioned("memcon:b") == [("memcon:a", 1)]
    # new authority data makes the mentions stale; so does a replaced volume
    store.reset_mention_state()
    assert store.unlinked_volumes(METHOD) == [VOL]
    store.replace_mentions(VOL, found, method=METHOD)
    store.replace_volume(make_volume(VOL), [replace(d, text=d.text + " x") for d in docs])
    assert store.unlinked_volumes(METHOD) == [VOL]
    assert store.mentions(docs[0].id) == ()


def test_meetings_round_trip_and_filters(store: Store) -> None:
    from memcon.model.records import DocDate
    from memcon.model.speech import Attendee, Meeting

    docs = make_documents(VOL, 2)
    store.replace_volume(make_volume(VOL), docs)
    first = Meeting("meeting:a", (docs[0].id,), DocDate("June 4, 1961", "1961-06-04", precision="day"),
                    "the Soviet Embassy, Vienna",
                    (Attendee("Rusk", "memcon:rusk", "United States", "participant", "present sentence"),
                     Attendee("Suhodrev", None, "Soviet Union", "interpreter", "present sentence")),
                    140, "memorandum of conversation", ("Akalovsky",), "memcon.meetings.v1", ("place: …",))
    undated = Meeting("meeting:b", (docs[1].id,), None, None, (), None, "minutes", (), "memcon.meetings.v1", ())
    assert store.replace_meetings(VOL, [first, undated]) == 2
    assert store.meetings() == [first, undated]
    assert store.meetings(person_id="memcon:rusk") == [first]
    assert store.meetings(date_from="1961-06-05") == []
    assert store.meetings(date_from="1961-01-01", date_to="1961-12-31") == [first]
    assert store.meeting_of(docs[1].id) == undated
    assert store.replace_meetings(VOL, [first]) == 1 and store.meetings() == [first]
    store.replace_volume(make_volume(VOL), docs)  # replaced volume: its meetings go
    assert store.meetings() == []


def test_statements_round_trip_and_filters(store: Store) -> None:
    from memcon.model.speech import Statement

    docs = make_documents(VOL, 2)
    store.replace_volume(make_volume(VOL), docs)
    said = Statement(10, 60, "Mr. Khrushchev", "memcon:k", "reported", "said", "the President", "memcon:p", 0.9,
                     "memcon.statements.v1", "speaker named before 'said'")
    quoted = replace(said, start=70, end=90, kind="quotation", speaker_id="memcon:p", addressee_id=None)
    assert store.replace_statements(VOL, [(docs[0].id, [said, quoted]), (docs[1].id, [said])]) == 3
    assert store.statements(docs[0].id) == (said, quoted)
    assert store.statements_by(speaker_id="memcon:k") == [(docs[0].id, said), (docs[1].id, said)]
    assert store.statements_by(speaker_id="memcon:k", limit=1) == [(docs[0].id, said)]
    assert store.statements_by(addressee_id="memcon:p", speaker_id="memcon:p") == []
    assert store.statements_by(speaker_id="memcon:k", date_from="2100-01-01") == []
    store.replace_volume(make_volume(VOL), docs)
    assert store.statements(docs[0].id) == ()


def test_statement_topics_round_trip_filter_and_lookup(store: Store) -> None:
    from memcon.model.speech import Statement, Topic

    docs = make_documents(VOL, 2)
    store.replace_volume(make_volume(VOL), docs)
    berlin = Topic("place", "place:berlin", "Berlin", 20)
    icc = Topic("term", "term:icc", "ICC, International Control Commission", 30)
    said = Statement(10, 60, "Mr. Khrushchev", "memcon:k", "reported", "said", None, None, 0.9,
                     "memcon.statements.v1", "named", (berlin, icc))
    other = replace(said, start=70, end=90, topics=())
    assert store.replace_statements(VOL, [(docs[0].id, [said, other]), (docs[1].id, [other])]) == 3
    assert store.statements(docs[0].id) == (said, other)
    assert store.statements(docs[0].id)[0].topics == (berlin, icc)
    assert store.statements_by(speaker_id="memcon:k", topic="place:berlin") == [(docs[0].id, said)]
    assert store.statements_by(topic="term:icc", limit=5) == [(docs[0].id, said)]
    assert store.statements_by(speaker_id="memcon:k", topic="place:moscow") == []
    assert [s for _, s in store.statements_by(speaker_id="memcon:k")] == [said, other, other]
    assert store.topic_key("term:icc") == "term:icc"
    assert store.topic_key("icc, international control commission") == "term:icc"
    assert store.topic_key("Moscow") is None
    # replacing a volume's statements replaces their topics
    store.replace_statements(VOL, [(docs[0].id, [other])])
    assert store.statements_by(topic="place:berlin") == [] and store.topic_key("Berlin") is None


def test_attestations_round_trip_per_volume(store: Store) -> None:
    from memcon.model.people import Attestation

    other = "frus1864p3"
    store.replace_volume(make_volume(VOL), make_documents(VOL, 2))
    store.replace_volume(make_volume(other), make_documents(other, 1))
    stanton = Attestation(f"{other}/d1", "1864-03-09", "secretary of war", None, "United States", "E. M. Stanton",
                          None, "E. M. Stanton, Secretary of War", 10, 41, "memcon.attested.v1")
    eden = Attestation(f"{VOL}/d2", "1936-05-12", "foreign minister", None, "United Kingdom", "Anthony Eden",
                       "memcon:eden", "Anthony Eden, British Secretary of State for Foreign Affairs", 0, 60,
                       "memcon.attested.v1", footnote=3)
    rusk = Attestation(f"{VOL}/d1", "1961-06-04", "ambassador", "Soviet Union", "United States", "Thompson",
                       None, "the Ambassador in the Soviet Union (Thompson)", 5, 50, "memcon.attested.v1")
    assert store.replace_attestations(other, [stanton]) == 1
    assert store.replace_attestations(VOL, [eden, rusk]) == 2
    assert store.attestations() == [rusk, eden, stanton]  # by office, government, date
    assert store.attestations("foreign minister") == [eden]
    # replacing a volume's attestations leaves the other volume's; replacing the volume drops them
    assert store.replace_attestations(VOL, [rusk]) == 1
    assert store.attestations() == [rusk, stanton]
    store.replace_volume(make_volume(VOL), make_documents(VOL, 2))
    assert store.attestations() == [stanton]
