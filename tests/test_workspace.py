"""The store and its derived index, opened together: missing, stale and rebuilt indexes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from memcon.cli.main import cli
from memcon.errors import IndexOutOfStep, StoreError
from memcon.ingest import ingest_paths
from memcon.search import search
from memcon.workspace import index_path_for, open_workspace, resolve_db_path


@pytest.fixture
def small_db(frus_dir: Path, tmp_path: Path) -> Path:
    db = tmp_path / "sub" / "m.db"  # a parent folder that does not exist yet is created
    report = ingest_paths([frus_dir / "frus1873p2v3.xml"], store_path=db)
    assert report.volumes == 1 and not report.errors
    return db


def test_db_path_resolution(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resolve_db_path(None) == Path("memcon.db")
    monkeypatch.setenv("MEMCON_DB", str(tmp_path / "x.db"))
    assert resolve_db_path(None) == tmp_path / "x.db"
    assert resolve_db_path(tmp_path / "y.db") == tmp_path / "y.db"
    assert index_path_for(tmp_path / "y.db") == tmp_path / "y.db.index"


def test_reading_commands_never_create_anything(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="memcon ingest"):
        open_workspace(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists() and not (tmp_path / "none.db.index").exists()


def test_a_missing_index_is_an_error_for_readers_and_rebuilt_by_reindex(small_db: Path) -> None:
    shutil.rmtree(index_path_for(small_db))
    with pytest.raises(IndexOutOfStep, match="memcon reindex"):
        open_workspace(small_db, create=False)
    result = CliRunner().invoke(cli, ["search", "treaty", "--db", str(small_db)])
    assert result.exit_code == 1 and "memcon reindex" in result.output
    result = CliRunner().invoke(cli, ["reindex", "--db", str(small_db)])
    assert result.exit_code == 0, result.output
    with open_workspace(small_db, create=False) as ws:
        assert ws.index.count() == ws.store.stats().documents > 0
        assert search(ws.index, "Washington").total > 0


def test_ingest_refills_a_missing_index_from_the_store(small_db: Path, frus_dir: Path) -> None:
    shutil.rmtree(index_path_for(small_db))
    report = ingest_paths([frus_dir / "frus1873p2v3.xml"], store_path=small_db)
    assert report.unchanged == 1  # the file itself is unchanged …
    with open_workspace(small_db, create=False) as ws:  # … but the index was rebuilt from the store
        assert ws.index.count() == ws.store.stats().documents > 0


def test_reindex_refuses_to_delete_a_folder_that_is_not_an_index(small_db: Path) -> None:
    folder = index_path_for(small_db)
    shutil.rmtree(folder)
    folder.mkdir()
    (folder / "thesis.docx").write_bytes(b"precious")
    result = CliRunner().invoke(cli, ["reindex", "--db", str(small_db)])
    assert result.exit_code == 1 and "not removing" in result.output
    assert (folder / "thesis.docx").exists()
