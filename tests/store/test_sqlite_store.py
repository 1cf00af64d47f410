"""What only the SQLite store does: pragmas, opening, isolation between connections, streaming."""

from __future__ import annotations

import sqlite3
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from memcon.errors import NotFound, StoreError
from memcon.model.dates import date_bounds, day_bound
from memcon.model.records import DocDate, Document
from memcon.store import SQLiteStore, default_db_path, open_store
from memcon.store.sqlite import stream_statements
from tests.store.store_factories import make_document, make_documents, make_volume

VOL = "frus1961-63v05"


def test_pragmas_of_the_writer_connection(db_path: Path) -> None:
    with open_store(db_path) as store:
        conn = store._conn  # the single writer connection
        assert conn is not None
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_foreign_keys_cascade_from_volumes(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.replace_volume(make_volume(VOL), make_documents(VOL, 2))
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    for table in ("footnotes", "pages", "annotations", "participants", "attachments"):
        fks = conn.execute(f"PRAGMA foreign_key_list({table})").fetchall()
        assert [(fk[2], fk[3], fk[4], fk[6]) for fk in fks] == [("documents", "document_id", "id", "CASCADE")]
    conn.execute("DELETE FROM volumes")
    conn.commit()
    for table in ("documents", "footnotes", "pages", "annotations", "provenance", "volume_persons"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    conn.close()


def test_lookups_use_indexes(db_path: Path) -> None:
    with open_store(db_path) as store:
        conn = store._conn
        assert conn is not None
        plans = {
            "SELECT id FROM documents WHERE volume_id = 'v' ORDER BY seq": "documents_by_volume_seq",
            "SELECT document_id FROM annotations WHERE target = '#p_KNS1'": "annotations_by_target",
            "SELECT n FROM pages WHERE document_id = 'v/d1'": "PRIMARY KEY",
            "SELECT id FROM documents WHERE date_min >= '1961-01-01'": "documents_by_date_min",
        }
        for sql, index in plans.items():
            plan = " ".join(str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert index in plan, (sql, plan)


def test_the_file_is_readable_by_plain_sqlite(db_path: Path) -> None:
    """What a historian sees in Datasette: readable columns, JSON lists, ISO dates."""
    with open_store(db_path) as store:
        store.replace_volume(make_volume(VOL), make_documents(VOL, 2))
    conn = sqlite3.connect(db_path)
    row = conn.execute(
        "SELECT heading, chapter, date_text, date_min, date_max, date_uncertain FROM documents WHERE id = ?",
        (f"{VOL}/d2",),
    ).fetchone()
    assert row == (
        "2. Memorandum of Conversation (a)",
        '["Vienna Summit", "June 3–4, 1961"]',
        "June 4, 1961, 12:45 p.m.",
        "1961-06-05",
        "1961-06-06",
        1,
    )
    pages = conn.execute("SELECT n, marker FROM pages WHERE document_id = ? ORDER BY idx", (f"{VOL}/d2",))
    assert pages.fetchall() == [("226", 0), ("227", 1)]
    vol = conn.execute("SELECT editors, document_count, date_min, date_max FROM volumes").fetchone()
    assert vol == ('["Charles S. Sampson", "Edward C. Keefer"]', 2, "1961-06-04", "1961-06-06")
    conn.close()


def test_iter_documents_streams_with_flat_memory(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.replace_volume(make_volume(VOL), make_documents(VOL, 600))  # ~4.5 MB of text
        tracemalloc.start()
        count = 0
        for doc in store.iter_documents(volume_id=VOL):
            count += 1 if doc.seq == count else 0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert count == 600
    assert peak < 1_500_000, f"iter_documents held {peak} bytes at its peak"


@pytest.mark.parametrize("by_volume", [True, False])
def test_iter_documents_merges_without_sorting_even_after_analyze(db_path: Path, by_volume: bool) -> None:
    with open_store(db_path) as store:
        for vid in ("frus1900", VOL):
            store.replace_volume(make_volume(vid), make_documents(vid, 30, text_chars=100))
    conn = sqlite3.connect(db_path)
    conn.execute("ANALYZE")
    docs_sql, children_sql, prov_sql = stream_statements(by_volume=by_volume)
    for sql in (docs_sql, *children_sql.values(), prov_sql):
        plan = " | ".join(
            str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + sql, (VOL,) if by_volume else ())
        )
        assert "TEMP B-TREE" not in plan and "documents_by_volume_seq" in plan, plan
    conn.close()


def test_iter_documents_reads_a_snapshot(db_path: Path) -> None:
    with open_store(db_path) as store:
        old = make_documents(VOL, 3)
        store.replace_volume(make_volume(VOL), old)
        stream = store.iter_documents(volume_id=VOL)
        first = next(stream)
        store.replace_volume(make_volume(VOL, version="b"), make_documents(VOL, 3, version="b"))
        assert [first, *stream] == old
        assert store.get_document(old[0].id).heading.endswith("(b)")


def test_readers_see_the_old_volume_while_it_is_being_replaced(db_path: Path) -> None:
    writer = open_store(db_path)
    writer.replace_volume(make_volume(VOL), make_documents(VOL, 2))
    reader = open_store(db_path)
    seen: list[str] = []

    def docs() -> Iterator[Document]:
        for doc in make_documents(VOL, 3, version="b"):
            yield doc
            seen.append(reader.get_document(f"{VOL}/d1").heading)
            with pytest.raises(NotFound):
                reader.get_document(f"{VOL}/d3")

    writer.replace_volume(make_volume(VOL, version="b"), docs())
    assert seen == ["1. Memorandum of Conversation (a)"] * 3
    assert reader.get_document(f"{VOL}/d3").heading.endswith("(b)")
    reader.close()
    writer.close()


def test_a_second_writer_waits_then_fails_helpfully(db_path: Path) -> None:
    writer = open_store(db_path)
    other = SQLiteStore(db_path, busy_timeout=0.2)
    errors: list[StoreError] = []

    def docs() -> Iterator[Document]:
        yield make_document(VOL, 0)
        try:
            other.replace_volume(make_volume("frus1900"), [])
        except StoreError as exc:
            errors.append(exc)

    writer.replace_volume(make_volume(VOL), docs())
    assert len(errors) == 1
    assert str(db_path) in str(errors[0]) and "another memcon process" in str(errors[0])
    assert isinstance(errors[0].__cause__, sqlite3.OperationalError)
    assert other.replace_volume(make_volume("frus1900"), []) == 0  # works once the lock is free
    other.close()
    writer.close()


def test_the_documents_must_not_use_the_store_being_written(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.replace_volume(make_volume(VOL), make_documents(VOL, 1))

        def docs() -> Iterator[Document]:
            yield make_document(VOL, 0, version="b")
            store.get_document(f"{VOL}/d1")

        with pytest.raises(StoreError, match="being written"):
            store.replace_volume(make_volume(VOL, version="b"), docs())
        assert store.get_document(f"{VOL}/d1") == make_document(VOL, 0)


def test_create_false_refuses_a_missing_file(db_path: Path) -> None:
    with pytest.raises(StoreError, match="memcon ingest"):
        open_store(db_path, create=False)
    assert not db_path.exists()


def test_memory_is_refused_with_a_pointer_to_memory_store() -> None:
    with pytest.raises(StoreError, match="MemoryStore"):
        SQLiteStore(":memory:")


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "memcon.db")


def test_a_file_that_is_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "frus1961-63v05.xml"
    path.write_text("<TEI>" + "x" * 5000 + "</TEI>")
    with pytest.raises(StoreError) as info:
        open_store(path)
    assert str(path) in str(info.value) and "--db" in str(info.value)
    assert isinstance(info.value.__cause__, sqlite3.DatabaseError)
    assert path.read_text().startswith("<TEI>")


def test_another_programs_sqlite_database_is_not_touched(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a memcon one"):
        open_store(db_path)
    conn = sqlite3.connect(db_path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert tables == ["customers"]


def test_default_db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert default_db_path() == Path("memcon.db")
    monkeypatch.chdir(tmp_path)
    with open_store() as store:
        assert Path(store.location).resolve() == tmp_path / "memcon.db"
    monkeypatch.setenv("MEMCON_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    with open_store() as store:
        assert store.location == str(tmp_path / "env.db")
    with open_store(tmp_path / "explicit.db") as store:  # --db wins over MEMCON_DB
        assert store.location == str(tmp_path / "explicit.db")


def test_the_store_survives_reopening(db_path: Path) -> None:
    docs = make_documents(VOL, 3)
    with open_store(db_path) as store:
        store.replace_volume(make_volume(VOL), docs)
        store.mark_indexed(VOL, "memcon.tantivy.v1")
    with open_store(db_path) as store:
        assert list(store.iter_documents()) == docs
        assert store.unindexed_volumes("memcon.tantivy.v1") == []
        assert store.get_volume(VOL) == make_volume(VOL)


def test_a_batch_boundary_inside_a_volume_loses_nothing(db_path: Path) -> None:
    docs = make_documents(VOL, 7, text_chars=200)
    with SQLiteStore(db_path, batch_size=3) as store:
        assert store.replace_volume(make_volume(VOL), docs) == 7
        assert list(store.iter_documents()) == docs


@pytest.mark.parametrize(
    "iso, first, last",
    [
        ("1961", "1961-01-01", "1961-12-31"),
        ("1962-02", "1962-02-01", "1962-02-28"),
        ("1964-02", "1964-02-01", "1964-02-29"),
        ("1962-10-18T17:00:00Z", "1962-10-18", "1962-10-18"),
        ("1861-00-00", "1861-01-01", "1861-12-31"),
        ("1919-06-31", "1919-06-01", "1919-06-30"),
        ("June 1919", None, None),
        ("", None, None),
    ],
)
def test_day_bounds(iso: str, first: str | None, last: str | None) -> None:
    assert (day_bound(iso), day_bound(iso, end=True)) == (first, last)


def test_date_bounds_of_ranges_and_uncertain_dates() -> None:
    assert date_bounds(DocDate(text="", start="1919-01", end="1919-06")) == ("1919-01-01", "1919-06-30")
    assert date_bounds(DocDate(text="", not_before="1862", not_after="1863-03")) == (
        "1862-01-01",
        "1863-03-31",
    )
    assert date_bounds(DocDate(text="no date")) == (None, None)
    assert date_bounds(None) == (None, None)
