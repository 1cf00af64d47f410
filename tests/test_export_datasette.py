"""memcon.store.datasette_metadata: Datasette's metadata for a real store (every table and column
described, from docs/database.md) and the searchable copy (never the original)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from memcon.cli.export import export_cli
from memcon.errors import InvalidValue
from memcon.store._datasette_descriptions import DESCRIPTIONS
from memcon.store.datasette_metadata import (
    FTS_TABLE,
    datasette_metadata,
    descriptions_from_markdown,
    write_datasette,
)
from tests._shared import ROOT


def tables(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {n: [r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')] for n in names}
    finally:
        conn.close()


def test_the_descriptions_are_those_of_docs_database_md() -> None:
    page = descriptions_from_markdown((ROOT / "docs" / "database.md").read_text(encoding="utf-8"))
    assert DESCRIPTIONS == page, "run: python -m memcon.store.datasette_metadata docs/database.md"


def test_every_table_and_column_of_a_real_store_is_described(full_store: Path) -> None:
    metadata = datasette_metadata(full_store)
    described = metadata["databases"][full_store.stem]["tables"]
    real = tables(full_store)
    assert sorted(described) == sorted(real)
    for name, columns in real.items():
        assert described[name]["description"] and "not described" not in described[name]["description"], name
        assert list(described[name]["columns"]) == columns
        assert all(described[name]["columns"].values()), f"{name}: a column without a description"
    assert "tantivy" in metadata["databases"][full_store.stem]["description"]
    assert "fts_table" not in described["documents"]


def test_a_copy_with_a_full_text_table_and_the_original_untouched(full_store: Path, tmp_path: Path) -> None:
    before = tables(full_store)
    run = CliRunner().invoke(export_cli, ["--db", str(full_store), "--what", "datasette", "--output",
                                          str(tmp_path / "browse"), "--fts"])
    assert run.exit_code == 0, run.output
    copy = tmp_path / "browse" / full_store.name
    metadata = json.loads((tmp_path / "browse" / "metadata.json").read_text(encoding="utf-8"))
    documents = metadata["databases"][full_store.stem]["tables"]["documents"]
    assert documents["fts_table"] == FTS_TABLE and documents["fts_pk"] == "rowid"
    assert metadata["databases"][full_store.stem]["tables"][FTS_TABLE]["hidden"] is True
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        # what Datasette's search box runs on the documents table
        found = conn.execute(
            f"SELECT id FROM documents WHERE rowid IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)",
            ('"natural love"',),
        ).fetchall()
    finally:
        conn.close()
    assert ("frus1961-63v05/d88",) in found
    assert tables(full_store) == before and FTS_TABLE not in before


def test_the_copy_is_never_the_database_itself(full_store: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidValue):
        write_datasette(full_store, full_store.parent, fts=True)
    with pytest.raises(InvalidValue):
        write_datasette(full_store, tmp_path / "metadata.json")
    report = write_datasette(full_store, tmp_path / "meta")
    assert report.database is None and Path(report.metadata).exists()
