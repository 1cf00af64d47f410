"""Shared fixtures.

Real data comes from ``$MEMCON_SHARED`` (default ``../shared`` beside the
clone).  Without it, tests that need it are skipped; with ``CI`` set they fail
instead, because CI always has it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests._shared import FIXTURES, ROOT, frus_volume_paths, require, shared_path

__all__ = ["FIXTURES", "ROOT", "frus_volume_paths", "require", "shared_path"]


@pytest.fixture(scope="session")
def shared() -> Path:
    """The root of the shared real data."""
    return require(shared_path(), "shared data")


@pytest.fixture(scope="session")
def frus_dir(shared: Path) -> Path:
    """The folder of real FRUS TEI volumes."""
    return require(shared / "corpus" / "frus", "FRUS volumes")


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests never see a developer's MEMCON_DB or MEMCON_MIRROR."""
    monkeypatch.delenv("MEMCON_DB", raising=False)
    monkeypatch.delenv("MEMCON_MIRROR", raising=False)
    monkeypatch.delenv("MEMCON_CACHE", raising=False)
    yield


@pytest.fixture(scope="session")
def store_with_shared_volumes(frus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding every shared FRUS volume, built once per session; returns its path."""
    from memcon.ingest import ingest_paths

    db = tmp_path_factory.mktemp("shared-store") / "memcon.db"
    report = ingest_paths([frus_dir], store_path=db)
    assert not report.errors, [str(e.error) for e in report.errors]
    return db


@pytest.fixture(scope="session")
def full_store(frus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every shared input in one database, built once per session: the 20 FRUS volumes, the vol. V
    excerpt, both seeds and the authority data (persons linked, meetings and statements extracted).
    Returns the database path; its index is beside it.  Tests must only read it."""
    from memcon.ingest import ingest_paths
    from tests._shared import require, shared_path

    shared = shared_path()
    excerpt = require(shared / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the vol. V excerpt")
    seeds = require(shared / "corpus" / "seeds", "the seeds")
    authority = require(shared / "authority", "the authority data")
    db = tmp_path_factory.mktemp("full-store") / "memcon.db"
    report = ingest_paths([frus_dir, excerpt, seeds, authority], store_path=db)
    assert not report.errors, [str(e.error) for e in report.errors]
    return db
