"""Offices the documents attest, over every shared input (the session ``full_store``): what the
linking stage stores, and the titles they resolve where the authority knows no holder.  Skipped
without the shared data; failing instead under CI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from memcon.cli.main import cli
from memcon.model.people import Mention
from memcon.store.sqlite import SQLiteStore


@pytest.fixture(scope="module")
def store(full_store: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(full_store, create=False)
    yield s
    s.close()


def title_at(store: SQLiteStore, document_id: str, words: str) -> Mention:
    text = store.get_document(document_id).text
    at = text.index(words)
    return next(m for m in store.mentions(document_id)
                if m.kind == "title" and m.footnote is None and m.start <= at < m.end)


def test_linking_stores_what_the_volumes_attest(store: SQLiteStore) -> None:
    found = store.attestations()
    assert len(found) > 2_000
    war = store.attestations("secretary of war")
    assert any(a.document_id.startswith("frus1864p3/") and a.name.endswith("Stanton") and a.side == "United States"
               for a in war)
    eden = [a for a in store.attestations("foreign minister") if a.name == "Anthony Eden"]
    assert eden and all(a.footnote is not None and a.side == "United Kingdom" for a in eden)
    for a in found[:: max(1, len(found) // 200)]:  # the words are where they are said to be
        document = store.get_document(a.document_id)
        text = document.text if a.footnote is None else document.footnotes[a.footnote].text
        assert text[a.start : a.end] == a.text, a


def test_the_secretary_of_war_of_1864_is_the_one_the_volume_attests(store: SQLiteStore) -> None:
    m = title_at(store, "frus1864p3/d138", "the Secretary of War")
    assert m.person_id is None and "attested as 'Secretary of War'" in m.reason and "Stanton" in m.reason
    assert "is not a person of the authority" in m.reason


def test_a_namesake_of_the_authority_is_settled_by_the_name_linker(store: SQLiteStore) -> None:
    m = title_at(store, "frus1917Supp02v02/d82", "the Chairman of the Exports Administrative Board")
    assert m.person_id is not None and store.get_person(m.person_id).name.startswith("McCormick, Vance")
    assert "the one the name linker linked in this document" in m.reason


def test_the_addressee_is_not_the_ambassador_he_is_told_of(store: SQLiteStore) -> None:
    m = title_at(store, "frus1917Supp02v02/d57", "the Ambassador to obtain an authoritative")
    # the telegram goes to the Ambassador in Great Britain (Page): he is "you", never the tie-breaker
    assert "named in the document among" not in m.reason
    assert m.person_id is None or not store.get_person(m.person_id).name.startswith("Page, Walter")


def test_who_answers_from_the_attestations(full_store: Path) -> None:
    result = CliRunner().invoke(cli, ["who", "Secretary of War", "--date", "1864-04-22", "--db", str(full_store)])
    assert result.exit_code == 0, result.output
    assert "Stanton" in result.output and "attested" in result.output and "frus1864p3/" in result.output
