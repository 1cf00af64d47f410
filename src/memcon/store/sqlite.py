"""The SQLite store of record: one file (``memcon.db``) that a historian can open in Datasette.

:class:`SQLiteStore` implements :class:`memcon.store.base.Store`:

* the schema is created and upgraded by numbered migrations on open
  (:mod:`memcon.store.migrations`, ``PRAGMA user_version``);
* WAL journal, ``synchronous=NORMAL``, foreign keys on, a busy timeout;
* writes go through one connection, guarded by a lock, one transaction per
  volume (``BEGIN IMMEDIATE`` … ``COMMIT``); rows are batched into
  ``executemany`` as the reader yields documents, so memory stays flat;
* :meth:`SQLiteStore.iter_documents` streams from a read-only connection of
  its own, merging the child tables in document order (no query per document).

``sqlite3`` errors are translated into :class:`memcon.errors.StoreError` naming
the database file.

DOCS: docs/database.md
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from memcon.errors import NotFound, StoreError
from memcon.model.records import Document, Volume
from memcon.store._catalogue import CatalogueQueries
from memcon.store._codec import (
    CHILD_TABLES,
    DOCUMENT_COLUMNS,
    DOCUMENT_SELECT,
    PERSON_COLUMNS,
    PROVENANCE_COLUMNS,
    ROW_TABLES,
    TERM_COLUMNS,
    VOLUME_COLUMNS,
    VOLUME_SELECT,
    DocumentChecker,
    Row,
    RowBatch,
    decode_document,
    decode_volume,
    insert_sql,
    person_rows,
    provenance_row,
    term_rows,
    volume_row,
)
from memcon.store._sources import absorb, place_document, refresh_volume, select_records, upsert_record
from memcon.store._sqlite_people import PeopleTables
from memcon.store._stream import Group, stream_statements
from memcon.store.base import SourceRecord, StoreStats, VolumeSummary
from memcon.store.migrations import check_database, migrate

STORE = "memcon.sqlite"
"""The backend's name, as stored with what it produces."""

BATCH_SIZE = 256
"""Documents encoded before their rows are written with ``executemany``."""

_PROVENANCE_SELECT = "source, sha256, reader, reader_version, format, line"
_INSERT_VOLUME = insert_sql("volumes", VOLUME_COLUMNS)
_INSERT_PERSON = insert_sql("volume_persons", PERSON_COLUMNS)
_INSERT_TERM = insert_sql("volume_terms", TERM_COLUMNS)
_INSERT_PROVENANCE = insert_sql("provenance", PROVENANCE_COLUMNS)
_VOLUME_SHA = "(SELECT p.sha256 FROM provenance p WHERE p.volume_id = v.id AND p.document_id IS NULL)"
_HINTS = (
    ("database is locked", "another memcon process is writing to it; wait for it to finish and retry"),
    ("not a database", "the file is not a SQLite database; point --db (or MEMCON_DB) at a memcon database"),
    ("readonly", "the file or its folder is read-only; copy it somewhere writable or use another --db"),
    ("unable to open", "check that the folder exists and is writable, or use another --db"),
    ("disk is full", "free some disk space and retry"),
    ("documents.id", "a document id of this volume is already stored under another volume"),
)


def _utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SQLiteStore(PeopleTables, CatalogueQueries):
    """The store of record in one SQLite file.  See :class:`memcon.store.base.Store`.

    ``create=False`` refuses to create a missing file (raises :class:`StoreError`
    saying to run ``memcon ingest``); ``busy_timeout`` is how many seconds to wait
    for another writer.  Usable as a context manager.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        busy_timeout: float = 10.0,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self._path = Path(path)
        self._location = str(self._path)
        self._busy_timeout = busy_timeout
        self._batch_size = max(1, batch_size)
        self._lock = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._writing: str | None = None
        if self._location == ":memory:" or self._location.startswith("file:"):
            raise StoreError(
                f"SQLiteStore needs a file path, not {self._location!r}",
                hint="for a store in memory use memcon.store.MemoryStore",
            )
        if not self._path.exists():
            if not create:
                raise StoreError(
                    f"no memcon database at {self._location}",
                    hint="run `memcon ingest PATH…` first, or point --db / MEMCON_DB at an existing database",
                )
            if not self._path.parent.is_dir():
                raise StoreError(
                    f"cannot create {self._location}: the folder {self._path.parent} does not exist",
                    hint="create the folder first, or choose another --db",
                )
        conn: sqlite3.Connection | None = None
        try:
            conn = self._connect(self._location, uri=False)
            check_database(conn, path=self._location)  # before anything is written to the file
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(
                    f"{self._location}: cannot switch the database to WAL journal mode (got {mode!r})",
                    hint="put the database on a local file system",
                )
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA cache_size = -32768")
            self._version = migrate(conn, path=self._location)
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise self._error("cannot open the database", exc) from exc
        except BaseException:
            if conn is not None:
                conn.close()
            raise
        self._conn = conn
        self._insert = {table: insert_sql(table, columns) for table, columns in ROW_TABLES.items()}
        self._insert["documents"] = insert_sql("documents", DOCUMENT_COLUMNS)
        self._insert["provenance"] = _INSERT_PROVENANCE

    # -- connections and errors --------------------------------------------------------------

    def _connect(self, target: str, *, uri: bool) -> sqlite3.Connection:
        conn = sqlite3.connect(
            target, uri=uri, isolation_level=None, check_same_thread=False, timeout=self._busy_timeout
        )
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout * 1000)}")
        return conn

    def _error(self, action: str, exc: sqlite3.Error) -> StoreError:
        message = str(exc)
        hint = next((h for key, h in _HINTS if key in message), None)
        return StoreError(f"{self._location}: {action}: {message}", hint=hint)

    @contextmanager
    def _sql(self, action: str) -> Iterator[sqlite3.Connection]:
        """The writer connection, under the lock, with sqlite3 errors translated."""
        with self._lock:
            if self._conn is None:
                raise StoreError(
                    f"{self._location}: the store is closed", hint="open it again with open_store()"
                )
            if self._writing is not None:
                raise StoreError(
                    f"{self._location}: {action}: not possible while volume {self._writing!r} is being written",
                    hint="the documents given to replace_volume() must not use the same store",
                )
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise self._error(action, exc) from exc

    @property
    def location(self) -> str:
        """The database file's path."""
        return self._location

    @property
    def path(self) -> Path:
        """The database file's path."""
        return self._path

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return self._version

    # -- writing -------------------------------------------------------------------------------

    def source_digest(self, volume_id: str) -> str | None:
        """The sha256 of the source file last ingested for ``volume_id``, or ``None``."""
        with self._sql("reading a source digest") as conn:
            row = conn.execute(
                "SELECT sha256 FROM provenance WHERE volume_id = ? AND document_id IS NULL", (volume_id,)
            ).fetchone()
        return None if row is None else str(row[0])

    def replace_volume(
        self, volume: Volume, documents: Iterable[Document], *, absorbed: Mapping[str, str] | None = None
    ) -> int:
        """Write ``volume`` and ``documents`` in one transaction, replacing what the volume held
        (its documents, persons, terms, provenance and index state); return the count written.
        ``absorbed``: see :meth:`memcon.store.base.Store.replace_volume`.

        ``documents`` is consumed lazily and written in batches.  Whatever is raised while
        iterating or writing rolls the transaction back and propagates (``sqlite3`` errors
        as :class:`StoreError`); a document of another volume, or a repeated id or ``seq``,
        raises :class:`StoreError`.
        """
        at = _utcnow()
        checker = DocumentChecker(volume.id)
        batch = RowBatch(ingested_at=at)
        with self._sql(f"writing volume {volume.id!r}") as conn:
            self._writing = volume.id
            try:
                conn.execute("BEGIN IMMEDIATE")
                # ON DELETE CASCADE removes the old documents, their rows and the index state.
                conn.execute("DELETE FROM volumes WHERE id = ?", (volume.id,))
                conn.execute(_INSERT_VOLUME, volume_row(volume, ingested_at=at))
                conn.executemany(_INSERT_PERSON, person_rows(volume))
                conn.executemany(_INSERT_TERM, term_rows(volume))
                if volume.provenance is not None:
                    conn.execute(
                        _INSERT_PROVENANCE, provenance_row(volume.id, None, 0, volume.provenance, at)
                    )
                for doc in documents:
                    checker.check(doc)
                    batch.add(doc)
                    if len(batch) >= self._batch_size:
                        self._insert_rows(conn, batch.take())
                self._insert_rows(conn, batch.take())
                conn.execute(
                    "UPDATE volumes SET document_count = ?, date_min = ?, date_max = ? WHERE id = ?",
                    (batch.count, batch.date_min, batch.date_max, volume.id),
                )
                if absorbed:
                    absorb(conn, absorbed.items())
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    try:
                        conn.execute("ROLLBACK")
                    except sqlite3.Error as rollback_exc:  # pragma: no cover - SQLite rolled back itself
                        exc.add_note(f"rollback also failed: {rollback_exc}")
                raise
            finally:
                self._writing = None
        return batch.count

    def put_document(
        self, volume: Volume, document: Document, *, record: SourceRecord, absorbed: Collection[str] = ()
    ) -> Document:
        """Store one document of a single-document source; see :meth:`memcon.store.base.Store.put_document`."""
        at = _utcnow()
        with self._sql(f"writing document {document.id!r}") as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
                stored = place_document(conn, volume, document, at=at, absorbed=absorbed)
                batch = RowBatch(ingested_at=at)
                batch.add(stored)
                self._insert_rows(conn, batch.take())
                upsert_record(conn, record, at=at)
                refresh_volume(conn, volume.id)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        return stored

    def source_records(
        self, *, volume_id: str | None = None, document_id: str | None = None
    ) -> list[SourceRecord]:
        """The single-document sources kept (of one volume's or one document's ids, when given)."""
        with self._sql("reading source records") as conn:
            return select_records(conn, volume_id=volume_id, document_id=document_id)

    def source_digests(self) -> set[str]:
        """The sha256 of every single-document source kept."""
        with self._sql("reading source digests") as conn:
            return {r[0] for r in conn.execute("SELECT sha256 FROM source_records")}

    def documents_numbered(self, n: str) -> list[str]:
        """Ids of the documents whose printed number is ``n``."""
        with self._sql("finding documents by number") as conn:
            return [r[0] for r in conn.execute("SELECT id FROM documents WHERE n = ? ORDER BY id", (n,))]

    def _insert_rows(self, conn: sqlite3.Connection, tables: list[tuple[str, list[Row]]]) -> None:
        for table, rows in tables:
            if rows:
                conn.executemany(self._insert[table], rows)

    def mark_indexed(self, volume_id: str, index_name: str) -> None:
        """Record that the full-text index ``index_name`` holds the volume as stored now."""
        with self._sql("recording the index state") as conn:
            if conn.execute("SELECT 1 FROM volumes WHERE id = ?", (volume_id,)).fetchone() is None:
                raise self._volume_not_found(volume_id)
            conn.execute(
                "INSERT OR REPLACE INTO index_state (volume_id, index_name, sha256, indexed_at) "
                f"SELECT v.id, ?, {_VOLUME_SHA}, ? FROM volumes v WHERE v.id = ?",
                (index_name, _utcnow(), volume_id),
            )

    def unindexed_volumes(self, index_name: str) -> list[str]:
        """Ids of the volumes whose stored content the index ``index_name`` does not hold, by id."""
        with self._sql("reading the index state") as conn:
            rows = conn.execute(
                "SELECT v.id FROM volumes v LEFT JOIN index_state s "
                "ON s.volume_id = v.id AND s.index_name = ? "
                f"WHERE s.volume_id IS NULL OR s.sha256 IS NOT {_VOLUME_SHA} ORDER BY v.id",
                (index_name,),
            ).fetchall()
        return [r[0] for r in rows]

    # -- reading -------------------------------------------------------------------------------

    def get_volume(self, volume_id: str) -> Volume:
        """The volume with that id, persons, terms and provenance included; raises :class:`NotFound`."""
        with self._sql(f"reading volume {volume_id!r}") as conn:
            row = conn.execute(f"SELECT {VOLUME_SELECT} FROM volumes WHERE id = ?", (volume_id,)).fetchone()
            if row is None:
                raise self._volume_not_found(volume_id)
            persons = conn.execute(
                "SELECT xml_id, name, description FROM volume_persons WHERE volume_id = ? ORDER BY idx",
                (volume_id,),
            ).fetchall()
            terms = conn.execute(
                "SELECT xml_id, term, description FROM volume_terms WHERE volume_id = ? ORDER BY idx",
                (volume_id,),
            ).fetchall()
            prov = conn.execute(
                f"SELECT {_PROVENANCE_SELECT} FROM provenance WHERE volume_id = ? AND document_id IS NULL",
                (volume_id,),
            ).fetchone()
        return decode_volume(row, persons, terms, prov)

    def get_document(self, doc_id: str) -> Document:
        """The document with that id (``frus1919Parisv01/d337``), equal to the one written;
        raises :class:`NotFound`."""
        with self._sql(f"reading document {doc_id!r}") as conn:
            row = conn.execute(f"SELECT {DOCUMENT_SELECT} FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise self._document_not_found(conn, doc_id)
            children: dict[str, list[Row]] = {
                table: conn.execute(
                    f"SELECT {', '.join(columns)} FROM {table} WHERE document_id = ?"
                    + (" ORDER BY idx" if table in CHILD_TABLES else ""),
                    (doc_id,),
                ).fetchall()
                for table, columns in ROW_TABLES.items()
            }
            prov = conn.execute(
                f"SELECT document_id, {_PROVENANCE_SELECT} FROM provenance WHERE document_id = ? ORDER BY idx",
                (doc_id,),
            ).fetchall()
        return decode_document(row, children, prov)

    def iter_documents(self, *, volume_id: str | None = None) -> Iterator[Document]:
        """Every document (of one volume, when given) in volume order, streamed from a
        consistent snapshot.  Raises :class:`NotFound` at once for an unknown volume."""
        if volume_id is not None:
            with self._sql("listing documents") as conn:
                if conn.execute("SELECT 1 FROM volumes WHERE id = ?", (volume_id,)).fetchone() is None:
                    raise self._volume_not_found(volume_id)
        return self._stream(volume_id)

    def _stream(self, volume_id: str | None) -> Iterator[Document]:
        params = (volume_id,) if volume_id is not None else ()
        try:
            conn = self._connect(self._path.resolve().as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error as exc:
            raise self._error("cannot open a reader", exc) from exc
        try:
            conn.execute("BEGIN")
            docs_sql, children_sql, prov_sql = stream_statements(by_volume=volume_id is not None)
            docs = conn.execute(docs_sql, params)
            groups = {table: Group(conn.execute(sql, params)) for table, sql in children_sql.items()}
            prov = Group(conn.execute(prov_sql, params))
            for row in docs:
                doc_id = row[0]
                children = {table: group.take(doc_id) for table, group in groups.items()}
                yield decode_document(row, children, prov.take(doc_id))
        except sqlite3.Error as exc:
            raise self._error("reading documents", exc) from exc
        finally:
            conn.close()

    def neighbours(self, doc_id: str) -> tuple[str | None, str | None]:
        """The ids of the previous and next documents in the same volume (``None`` at either end)."""
        with self._sql(f"reading the neighbours of {doc_id!r}") as conn:
            row = conn.execute("SELECT volume_id, seq FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is None:
                raise self._document_not_found(conn, doc_id)
            prev = conn.execute(
                "SELECT id FROM documents WHERE volume_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1", row
            ).fetchone()
            nxt = conn.execute(
                "SELECT id FROM documents WHERE volume_id = ? AND seq > ? ORDER BY seq LIMIT 1", row
            ).fetchone()
        return (prev[0] if prev else None, nxt[0] if nxt else None)

    def volumes(self) -> list[VolumeSummary]:
        """A summary of every volume, ordered by id; ``indexed`` if some index holds it as stored."""
        with self._sql("listing volumes") as conn:
            rows = conn.execute(
                f"SELECT v.id, v.title, v.document_count, v.date_min, v.date_max, {_VOLUME_SHA} AS sha, "
                "EXISTS (SELECT 1 FROM index_state s WHERE s.volume_id = v.id "
                f"AND s.sha256 IS {_VOLUME_SHA}) FROM volumes v ORDER BY v.id"
            ).fetchall()
        return [VolumeSummary(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6])) for r in rows]

    def stats(self) -> StoreStats:
        """Counts of volumes, documents, page rows, footnotes, annotations and distinct source files."""
        with self._sql("counting records") as conn:

            def count(sql: str) -> int:
                return int(conn.execute(sql).fetchone()[0])

            return StoreStats(
                volumes=count("SELECT count(*) FROM volumes"),
                documents=count("SELECT count(*) FROM documents"),
                pages=count("SELECT count(*) FROM pages"),
                footnotes=count("SELECT count(*) FROM footnotes"),
                annotations=count("SELECT count(*) FROM annotations"),
                sources=count("SELECT count(DISTINCT sha256) FROM provenance"),
                schema_version=self._version,
                path=self._location,
                persons=count("SELECT count(*) FROM persons"),
                mentions=count("SELECT count(*) FROM mentions"),
            )

    # -- not found -------------------------------------------------------------------------------

    def _volume_not_found(self, volume_id: str) -> NotFound:
        return NotFound(
            f"no volume {volume_id!r} in {self._location}",
            hint="`memcon stats` lists the volumes stored; `memcon ingest FILE` adds one",
        )

    def _document_not_found(self, conn: sqlite3.Connection, doc_id: str) -> NotFound:
        volume_id = doc_id.split("/", 1)[0]
        row = conn.execute("SELECT document_count FROM volumes WHERE id = ?", (volume_id,)).fetchone()
        if row is not None and "/" in doc_id:
            hint = f"volume {volume_id} holds {row[0]} documents; find one with `memcon search QUERY`"
        else:
            hint = (
                "ids look like frus1919Parisv01/d337; find one with `memcon search QUERY`, "
                "list the volumes with `memcon stats`"
            )
        return NotFound(f"no document {doc_id!r} in {self._location}", hint=hint)

    # -- lifetime --------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the writer connection (checkpointing the WAL).  Safe to call twice."""
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is not None:
                try:
                    conn.execute("PRAGMA optimize")
                except sqlite3.Error:  # pragma: no cover - optimisation only
                    pass
                conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self._location!r})"
