"""Fixtures of the authority tests: a tiny authority folder written for the tests
(``tests/fixtures/authority``), a volume whose persons list points into it, and — built once
per session from the real data — a store holding the whole shared authority."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from memcon.authority.load import AuthorityReport, ingest_authority
from memcon.model.records import PersonEntry, Volume
from memcon.store import MemoryStore, SQLiteStore
from memcon.store.base import Store
from tests._shared import FIXTURES, require, shared_path

AUTHORITY_FIXTURE = FIXTURES / "authority"
STORE_KINDS = ("sqlite", "memory")


def tiny_volume() -> Volume:
    """Part of the list of persons of FRUS 1961–1963, Volume V, as its reader gives it."""
    return Volume(
        id="frus1961-63v05",
        title="Foreign Relations of the United States, 1961–1963, Volume V, Soviet Union",
        persons=(
            PersonEntry(
                "p_BMG1", "Bundy, McGeorge", "President's Special Assistant for National Security Affairs"
            ),
            PersonEntry("p_HOME1", "Home", "see Douglas-Home"),
            PersonEntry(
                "p_DHSAF1",
                "Douglas-Home, Sir Alexander Frederick",
                "British Secretary of State for Foreign Affairs until October 1963; Prime Minister thereafter",
            ),
            PersonEntry(
                "p_JLB1",
                "Johnson, Lyndon B.",
                "Vice President of the United States until November 22, 1963; thereafter President",
            ),
            PersonEntry(
                "p_JUA1",
                "Johnson, U. Alexis",
                "Deputy Under Secretary of State for Political Affairs from May 1961",
            ),
            PersonEntry(
                "p_KNS1", "Khrushchev, Nikita S.", "Chairman of the Council of Ministers of the Soviet Union"
            ),
            PersonEntry("p_RD1", "Rusk, Dean", "Secretary of State"),
            PersonEntry(
                "p_TLEJ1",
                "Thompson, Llewellyn E., Jr.",
                "Ambassador to the Soviet Union until July 1962; thereafter Ambassador at Large",
            ),
        ),
    )


def make_store(kind: str, tmp_path: Path) -> Store:
    return SQLiteStore(tmp_path / "memcon.db") if kind == "sqlite" else MemoryStore()


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each kind (a SQLite file in tmp_path, the MemoryStore)."""
    s = make_store(request.param, tmp_path)
    yield s
    s.close()


@pytest.fixture
def store_with_tiny_authority(store: Store) -> Store:
    """The tiny volume and the tiny authority folder, merged, in a store of each kind."""
    store.replace_volume(tiny_volume(), [])
    ingest_authority(AUTHORITY_FIXTURE, store)
    return store


@dataclass(frozen=True)
class RealAuthority:
    path: Path
    report: AuthorityReport
    seconds: float


@pytest.fixture(scope="session")
def real_authority(tmp_path_factory: pytest.TempPathFactory) -> RealAuthority:
    """A SQLite store holding d88's volume (its real list of 110 persons) and the whole shared
    ``authority/`` folder, built once per session."""
    from memcon.readers.frus_tei import read_frus_tei

    folder = require(shared_path() / "authority", "the shared authority data")
    excerpt = require(
        shared_path() / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the d88 excerpt"
    )
    db = tmp_path_factory.mktemp("authority") / "memcon.db"
    with SQLiteStore(db) as s:
        records = read_frus_tei(str(excerpt))
        volume = next(records)
        assert isinstance(volume, Volume)
        s.replace_volume(volume, list(records))  # type: ignore[arg-type]
        started = time.perf_counter()
        report = ingest_authority(folder, s)
        seconds = time.perf_counter() - started
    return RealAuthority(db, report, seconds)


@pytest.fixture(scope="session")
def real_store(real_authority: RealAuthority) -> Iterator[SQLiteStore]:
    """The real authority's store, opened once for the session (read only by the tests)."""
    s = SQLiteStore(real_authority.path, create=False)
    yield s
    s.close()
