"""Numbered migrations: a v1 database is migrated; a newer one is refused; a failed step rolls back."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from memcon.errors import SchemaTooNew, StoreError
from memcon.model.records import Document
from memcon.store import SCHEMA_VERSION, open_store
from memcon.store._codec import (
    CHILD_TABLES,
    DOCUMENT_COLUMNS,
    PERSON_COLUMNS,
    PROVENANCE_COLUMNS,
    TERM_COLUMNS,
    VOLUME_COLUMNS,
    RowBatch,
    insert_sql,
    person_rows,
    provenance_row,
    term_rows,
    volume_row,
)
from memcon.store.migrations import APPLICATION_ID, MIGRATIONS, migrate, schema_version, split_statements
from tests.store.store_factories import make_documents, make_volume

VOL = "frus1961-63v05"


V1_TABLES = frozenset(
    {"documents", "provenance", "footnotes", "pages", "annotations", "participants", "attachments"}
)


def v1_document(doc: Document) -> Document:
    """What a v1 database could hold of ``doc``: none of the fields migration 3 added."""
    return replace(
        doc, source_fields=None, summary=None, original_language=None, authors=(), archive=None, url=None,
        credits=None, signed_by=None, signed_date=None, references=(), texts=(), tags=(),
    )


def make_v1_database(path: Path) -> None:
    """A database as memcon wrote it at schema version 1, holding one volume of two documents.

    The rows come from today's codec: migrations 2 and 3 left the v1 tables as they were
    (3 added tables of its own, whose rows a v1 database cannot have).  A migration that
    changes the v1 tables must give this helper their v1 column lists.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, path=str(path), target=1) == 1
    volume = make_volume(VOL)
    batch = RowBatch(ingested_at="2026-01-01T00:00:00+00:00")
    for doc in make_documents(VOL, 2):
        batch.add(doc)
    conn.execute("BEGIN")
    conn.execute(insert_sql("volumes", VOLUME_COLUMNS), volume_row(volume, ingested_at=batch.ingested_at))
    assert volume.provenance is not None
    conn.executemany(insert_sql("volume_persons", PERSON_COLUMNS), person_rows(volume))
    conn.executemany(insert_sql("volume_terms", TERM_COLUMNS), term_rows(volume))
    conn.execute(
        insert_sql("provenance", PROVENANCE_COLUMNS),
        provenance_row(VOL, None, 0, volume.provenance, batch.ingested_at),
    )
    columns = {"documents": DOCUMENT_COLUMNS, "provenance": PROVENANCE_COLUMNS, **CHILD_TABLES}
    for table, rows in batch.take():
        if table in V1_TABLES:
            conn.executemany(insert_sql(table, columns[table]), rows)
    conn.execute("UPDATE volumes SET document_count = 2")
    conn.execute("COMMIT")
    conn.close()


def test_migrations_are_numbered_from_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))
    assert SCHEMA_VERSION >= 2
    assert all(m.statements for m in MIGRATIONS)


def test_a_new_database_is_at_the_latest_version(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION == store.stats().schema_version
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_a_v1_database_is_migrated_on_open(db_path: Path) -> None:
    make_v1_database(db_path)
    conn = sqlite3.connect(db_path)
    assert schema_version(conn) == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'index_state'").fetchone() is None
    conn.close()
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.get_document(f"{VOL}/d2") == v1_document(make_documents(VOL, 2)[1])
        assert store.get_volume(VOL) == make_volume(VOL)
        # Nothing was indexed under v1: the migrated volume is unindexed.
        assert store.unindexed_volumes("memcon.tantivy.v1") == [VOL]
        store.mark_indexed(VOL, "memcon.tantivy.v1")
        assert store.unindexed_volumes("memcon.tantivy.v1") == []


def test_opening_twice_does_not_migrate_twice(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.replace_volume(make_volume(VOL), make_documents(VOL, 1))
    with open_store(db_path) as store:
        assert store.stats().documents == 1


def test_a_newer_database_is_refused_with_what_to_do(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew) as info:
        open_store(db_path)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()
    message = str(info.value)
    assert info.value.code == "E201" and str(db_path) in message
    assert f"version {SCHEMA_VERSION + 1}" in message and "upgrade memcon" in message


def test_a_failing_migration_leaves_the_previous_version(db_path: Path) -> None:
    make_v1_database(db_path)
    conn = sqlite3.connect(db_path)
    # Somebody created a table that migration 2 wants to create: migration 2 fails.
    conn.execute("CREATE TABLE index_state (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="already exists") as info:
        open_store(db_path)
    assert str(db_path) in str(info.value)
    conn = sqlite3.connect(db_path)
    assert schema_version(conn) == 1
    assert [r[1] for r in conn.execute("PRAGMA table_info(index_state)")] == ["x"]
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    conn.close()


def test_split_statements_keeps_triggers_whole() -> None:
    sql = """
    -- a comment
    CREATE TABLE a (x);
    CREATE TRIGGER t AFTER INSERT ON a BEGIN
        UPDATE a SET x = 1;
        UPDATE a SET x = 2;
    END;
    """
    statements = split_statements(sql)
    assert len(statements) == 2 and statements[1].endswith("END;")
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("CREATE TABLE b (x)")
