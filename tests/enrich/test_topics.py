"""Topics (issue 5, item 2): the places, organisations, subjects and persons each statement
mentions, stored with the statements by the linking stage of a real ingest (the session's
``full_store``), the query behind ``memcon said --about``, and the matcher's rules on text
written here (whole words, case, the longest match, persons are no places)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from memcon.enrich.topics import METHOD, default_matcher, find_statements, tag_statements, topics_of
from memcon.model.people import Mention
from memcon.model.records import Document, TermEntry
from memcon.model.speech import Statement
from memcon.store import open_store
from memcon.store.base import Store

D88 = "frus1961-63v05/d88"
WILSON = "wilson/114511"
KHRUSHCHEV = "memcon:hsg-107127"


@pytest.fixture(scope="module")
def store(full_store: Path) -> Iterator[Store]:
    with open_store(full_store, create=False) as s:
        yield s


def _keys(statement: Statement) -> set[str]:
    return {t.key for t in statement.topics}


def _containing(store: Store, doc_id: str, words: str) -> tuple[Document, Statement]:
    document = store.get_document(doc_id)
    at = document.text.index(words)
    return document, next(s for s in store.statements(doc_id) if s.start <= at < s.end)


def test_khrushchevs_toast_is_about_berlin_on_page_227(store: Store) -> None:
    document, toast = _containing(store, D88, "The US does not want Berlin")
    assert toast.speaker_id == KHRUSHCHEV
    assert {"place:berlin", "country:united-states", "country:soviet-union"} <= _keys(toast)
    berlin = next(t for t in toast.topics if t.key == "place:berlin")
    assert berlin.label == "Berlin" and document.text[berlin.start:berlin.start + 6] == "Berlin"
    assert document.page_at(berlin.start) == "227"
    found = find_statements(store, speaker_id=KHRUSHCHEV, about="Berlin")
    assert any(f.statement == toast and f.page == "227" and f.matched == "topic place:berlin" for f in found)
    assert all("place:berlin" in _keys(f.statement) for f in found)
    # the key works as well as the name, in any case
    assert [f.statement for f in find_statements(store, speaker_id=KHRUSHCHEV, about="place:berlin")] == \
        [f.statement for f in find_statements(store, speaker_id=KHRUSHCHEV, about="BERLIN")]


def test_the_icc_in_the_laos_exchange_of_vol_v(store: Store) -> None:
    assert any(t.term == "ICC" for t in store.get_volume("frus1961-63v05").terms)
    _, laos = _containing(store, D88, "wanted the ICC to be free")
    assert "organisation:international-control-commission" in _keys(laos)
    assert "subject:armistice" in _keys(laos)
    found = find_statements(store, speaker_id=laos.speaker_id or "", about="ICC")
    assert [f.statement for f in found] == [laos]


def test_the_wilson_cable_is_about_cuba_and_berlin_where_it_says_so(store: Store) -> None:
    document = store.get_document(WILSON)
    statements = store.statements(WILSON)
    cuba = [s for s in statements if "country:cuba" in _keys(s)]
    berlin = [s for s in statements if "place:berlin" in _keys(s)]
    assert len(cuba) >= 5 and berlin
    for s in cuba:
        assert "Cuba" in document.text[s.start:s.end]
    for s in berlin:
        assert "Berlin" in document.text[s.start:s.end]
    untagged = [s for s in statements if "Cuba" not in document.text[s.start:s.end]]
    assert untagged and all("country:cuba" not in _keys(s) for s in untagged)
    assert all(s.topics == tuple(sorted(s.topics, key=lambda t: t.start)) for s in statements)


def test_a_word_that_is_no_topic_falls_back_to_the_phrase(store: Store) -> None:
    found = find_statements(store, speaker_id=KHRUSHCHEV, about="good fortune")
    assert found and all(f.matched == "phrase" and "good fortune" in f.text for f in found)
    assert find_statements(store, speaker_id=KHRUSHCHEV, about="unheard-of zebra crossings") == []


def test_memcon_said_about_a_topic_key(full_store: Path) -> None:
    from memcon.cli.said import said_cli

    out = CliRunner().invoke(said_cli, ["--by", "Khrushchev", "--about", "place:berlin", "--db", str(full_store)])
    assert out.exit_code == 0, out.output
    assert "p. 227" in out.output and "The US does not want Berlin" in out.output
    assert "topics: " in out.output and "Berlin" in out.output


# -- the matcher on text written here -------------------------------------------------------

def _doc(text: str) -> Document:
    return Document(id="t/d1", volume_id="t", heading="Memorandum", text=text)


def _tag(text: str, mentions: tuple[Mention, ...] = (), terms: tuple[TermEntry, ...] = ()) -> set[str]:
    document = _doc(text)
    statement = Statement(0, len(text), "He", None, "continuation", method="test")
    return _keys(tag_statements(document, [statement], mentions, terms=terms)[0])


def test_whole_words_and_case() -> None:
    assert _tag("He spoke of Turkey and of Laos.") == {"country:turkey", "country:laos"}
    assert _tag("He ate turkey; the Laotian and Berliner papers; laos.") == set()
    assert _tag("The USSR and the U.S.S.R. and the Soviet Union") == {"country:soviet-union"}
    assert _tag("the usa, the icc") == set()
    # subjects match in any case, whole words only
    assert _tag("Disarmament and NUCLEAR TESTS; the armistice") == \
        {"subject:disarmament", "subject:nuclear-tests", "subject:armistice"}
    assert _tag("the armistices of disarmamentism") == set()


def test_the_longest_match_wins_and_historical_names() -> None:
    assert _tag("He spoke of West Berlin.") == {"place:berlin"}
    assert _tag("Latin America and Persia and Jugoslavia") == {"place:latin-america", "country:iran",
                                                              "country:yugoslavia"}
    assert _tag("the League of Nations") == {"organisation:league-of-nations"}


def test_a_person_is_no_place_and_persons_are_topics() -> None:
    text = "He said that Lincoln had written to Jordan about Havana."
    lincoln = Mention(13, 20, "Lincoln", "p:lincoln", 0.9, "test")
    jordan = Mention(36, 42, "Jordan", None, 0.5, "test")
    keys = _tag(text, (lincoln, jordan))
    assert keys == {"p:lincoln", "place:havana"}
    statement = Statement(0, len(text), "He", "p:lincoln", "continuation", method="test")
    assert "p:lincoln" not in {t.key for t in topics_of(_doc(text), statement, (lincoln,))}


def test_volume_terms_and_their_meaning() -> None:
    terms = (TermEntry("t_ABC1", "ABCD", "Allied Boundary Control Directorate"),
             TermEntry("t_REF1", "reftel", "reference telegram"),
             TermEntry("t_K1", "K", "Khrushchev"),
             TermEntry("t_XYZ1", "XYZ", "Office of Nothing, Bureau of Things"))
    assert _tag("the ABCD met", terms=terms) == {"term:abcd"}
    assert _tag("the Allied Boundary Control Directorate met", terms=terms) == {"term:abcd"}
    assert _tag("see reftel; K said so; XYZ", terms=terms) == set()
    assert default_matcher().lookup("abcd") is None
    assert default_matcher().for_terms(terms).lookup("ABCD") is not None


def test_the_method_is_named() -> None:
    assert METHOD == "memcon.topics.v1"
