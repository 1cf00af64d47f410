"""People through the whole pipeline (issue 4, item 4): `memcon ingest` of volumes, seeds and the
authority links the persons named in every document; `memcon person`, `memcon show --people`,
`memcon search --person` and `memcon link` read them back.  One store, built once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from memcon.cli.main import cli
from memcon.store import open_store
from tests._shared import require, shared_path


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    shared = shared_path()
    excerpt = require(shared / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the vol. V excerpt")
    seeds = require(shared / "corpus" / "seeds", "the seeds")
    authority = require(shared / "authority", "the authority data")
    path = tmp_path_factory.mktemp("people") / "m.db"
    result = CliRunner().invoke(cli, ["ingest", str(excerpt), str(seeds), str(authority), "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "person authority from" in result.output and "persons linked in 2 volume(s)" in result.output
    assert "meetings" in result.output and "statements" in result.output
    yield path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_mentions_are_stored_with_reasons(db: Path) -> None:
    with open_store(db, create=False) as store:
        d88 = store.mentions("frus1961-63v05/d88")
        wilson = store.mentions("wilson/114511")
        names = {store.get_person(m.person_id).name for m in d88 if m.person_id}
        assert {"Khrushchev, Nikita Sergeyevich", "Kennedy, John F.", "Rusk, David Dean", "Adenauer, Konrad",
                "Lenin, Vladimir Ilyich Ulyanov"} <= names
        assert all(m.reason and m.method for m in d88)
        assert {store.get_person(m.person_id).name.split(",")[0] for m in wilson if m.person_id} >= {
            "Gromyko", "Khrushchev", "Castro"}
        # the President of a US memorandum of 1961 is Kennedy, with the office and its source as the reason
        president = next(m for m in d88 if m.kind == "title" and m.text.lower() == "the president")
        assert president.person_id is not None and "President" in president.reason and "1961-01-20" in president.reason
        assert store.unlinked_volumes("memcon.linker.v1") == []
        khrushchev = next(m.person_id for m in d88 if m.text == "Khrushchev")
        assert khrushchev is not None
        assert set(store.documents_mentioning(khrushchev)) == {"frus1961-63v05/d88", "wilson/114511"}


def test_person_shows_documents_and_companions(db: Path) -> None:
    out = run("person", "Khrushchev, Nikita Sergeyevich", "--db", str(db), "--limit", "1")
    assert "documents naming them: 2: frus1961-63v05/d88, wilson/114511" in out
    assert "most often named with:" in out and "Kennedy, John F." in out


def test_show_people_marks_names(db: Path) -> None:
    out = run("show", "frus1961-63v05/d88", "--people", "--db", str(db))
    assert "Chairman Khrushchev⟨" in out
    assert "⟩ Khrushchev, Nikita Sergeyevich (memcon:" in out


def test_search_by_person(db: Path) -> None:
    out = run("search", "Cuba", "--person", "Gromyko", "--db", str(db), "--json")
    assert '"wilson/114511"' in out and "frus1961-63v05/d88" not in out
    out = run("search", "Berlin", "--person", "Adenauer", "--db", str(db), "--json")
    assert '"frus1961-63v05/d88"' in out
    result = CliRunner().invoke(cli, ["search", "Cuba", "--person", "Kennedy", "--db", str(db)])
    assert result.exit_code == 2 and "several persons" in result.output


def test_link_again(db: Path) -> None:
    out = run("link", "--all", "--db", str(db))
    assert out.startswith("linked 2 volume(s), 2 documents")


def test_meetings_timeline(db: Path) -> None:
    out = run("meetings", "--with", "Gromyko", "--db", str(db))
    assert "1962-10-18 · the White House, Washington · 2 h 20 min · wilson/114511" in out
    assert "Soviet Union: Semenov, Vladimir S.; Dobrynin, Anatoly F.; Sukhodrev, Viktor M.; Gromyko" in out
    out = run("meetings", "--from", "1961", "--to", "1961", "--db", str(db))
    assert "the Soviet Embassy, Vienna" in out and "White House" not in out


def test_said_by_khrushchev_about_berlin_cites_page_227(db: Path) -> None:
    out = run("said", "--by", "Khrushchev", "--about", "Berlin", "--db", str(db))
    assert "frus1961-63v05/d88 · 1961-06-04 · p. 227" in out
    assert "The US does not want Berlin, neither does the Soviet Union" in out


def test_said_and_speakers_in_the_wilson_cable(db: Path) -> None:
    out = run("said", "--by", "Kennedy, John F.", "--db", str(db), "--json", "--limit", "100")
    assert '"quotation"' in out  # his September 4 statement, read out
    out = run("show", "wilson/114511", "--speakers", "--db", str(db))
    assert "⟪Gromyko, Andreĭ Andreevich —" in out and "⟪Kennedy, John F. —" in out
    assert "⟪quotation read by Kennedy, John F.⟫" in out


def test_statements_read_in_a_second_process_are_the_same(db: Path) -> None:
    """The linking stage hands each volume's statements to a worker process while it links the
    next volume; read in the linking process instead (workers=0), they are the same."""
    from memcon.linking import link_volumes

    docs = ("frus1961-63v05/d88", "wilson/114511")
    with open_store(db, create=False) as store:
        here = link_volumes(store, all_volumes=True, workers=0)
        said_here = [store.statements(d) for d in docs]
        meetings_here = [store.meeting_of(d) for d in docs]
        mentions_here = [store.mentions(d) for d in docs]
        beside = link_volumes(store, all_volumes=True, workers=1)
        assert [store.statements(d) for d in docs] == said_here
        assert [store.meeting_of(d) for d in docs] == meetings_here
        assert [store.mentions(d) for d in docs] == mentions_here
    assert here.statements == beside.statements > 40 and here.meetings == beside.meetings == 2
    assert 0 < beside.said_seconds < beside.seconds
