"""SQL for single-document sources: ``source_records``, ``put_document`` and absorbing a copy.

Split from :mod:`memcon.store.sqlite` to keep modules short; every function here runs
inside a transaction the caller opened.

DOCS: docs/database.md#source_records
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from typing import Any

from memcon.model.records import Document, Volume
from memcon.model.serialize import from_json, to_json
from memcon.store._codec import insert_sql, volume_row
from memcon.store.base import SourceRecord

SOURCE_RECORD_COLUMNS = ("source", "sha256", "format", "document_id", "fingerprint", "record", "ingested_at")
_UPSERT_RECORD = insert_sql("source_records", SOURCE_RECORD_COLUMNS).replace("INSERT", "INSERT OR REPLACE", 1)
_SELECT_RECORD = "SELECT source, sha256, format, document_id, fingerprint, record FROM source_records"


def decode_record(row: Sequence[Any]) -> SourceRecord:
    """A :class:`SourceRecord` from a ``_SELECT_RECORD`` row."""
    return SourceRecord(
        source=row[0],
        sha256=row[1],
        format=row[2],
        document_id=row[3],
        fingerprint=tuple(json.loads(row[4])),
        record=from_json(row[5], Document),
    )


def select_records(
    conn: sqlite3.Connection, *, volume_id: str | None, document_id: str | None
) -> list[SourceRecord]:
    """Source records, optionally of one volume's ids (``VOLUME/…``) or one document."""
    if document_id is not None:
        rows = conn.execute(f"{_SELECT_RECORD} WHERE document_id = ? ORDER BY source", (document_id,))
    elif volume_id is not None:
        prefix = volume_id + "/"
        rows = conn.execute(
            f"{_SELECT_RECORD} WHERE substr(document_id, 1, ?) = ? ORDER BY document_id, source",
            (len(prefix), prefix),
        )
    else:
        rows = conn.execute(f"{_SELECT_RECORD} ORDER BY document_id, source")
    return [decode_record(r) for r in rows]


def upsert_record(conn: sqlite3.Connection, record: SourceRecord, *, at: str) -> None:
    """Keep ``record`` (replacing what the same source file gave before)."""
    conn.execute(
        _UPSERT_RECORD,
        (
            record.source,
            record.sha256,
            record.format,
            record.document_id,
            json.dumps(list(record.fingerprint)),
            to_json(record.record),
            at,
        ),
    )


def absorb(conn: sqlite3.Connection, absorbed: Iterable[tuple[str, str]]) -> set[str]:
    """Delete each absorbed document and point its source records at the id it turned out
    to be; return the volumes touched (their index must be refreshed)."""
    touched: set[str] = set()
    for old, new in absorbed:
        if old == new:
            continue
        row = conn.execute("SELECT volume_id FROM documents WHERE id = ?", (old,)).fetchone()
        if row is not None:
            touched.add(row[0])
            conn.execute("DELETE FROM documents WHERE id = ?", (old,))
        conn.execute("UPDATE source_records SET document_id = ? WHERE document_id = ?", (new, old))
    for volume_id in touched:
        refresh_volume(conn, volume_id)
    return touched


def refresh_volume(conn: sqlite3.Connection, volume_id: str) -> None:
    """Recount a volume's documents and date range after single documents changed, and
    forget its index state (the index must pick the volume up again)."""
    count, low, high = conn.execute(
        "SELECT count(*), min(date_min), max(date_max) FROM documents WHERE volume_id = ?", (volume_id,)
    ).fetchone()
    conn.execute(
        "UPDATE volumes SET document_count = ?, date_min = ?, date_max = ? WHERE id = ?",
        (count, low, high, volume_id),
    )
    conn.execute("DELETE FROM index_state WHERE volume_id = ?", (volume_id,))
    conn.execute("DELETE FROM mention_state WHERE volume_id = ?", (volume_id,))


def place_document(
    conn: sqlite3.Connection, volume: Volume, document: Document, *, at: str, absorbed: Collection[str]
) -> Document:
    """Make room for ``document`` (see :meth:`memcon.store.base.Store.put_document`) and return
    it with the ``seq`` it is stored at; the caller then inserts its rows."""
    conn.execute(
        "INSERT OR IGNORE INTO volumes (id, title, series, subseries, volume_number, volume_title, editors, "
        "publisher, pub_place, pub_year, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        volume_row(volume, ingested_at=at),
    )
    row = conn.execute("SELECT volume_id, seq FROM documents WHERE id = ?", (document.id,)).fetchone()
    absorb(conn, ((old, document.id) for old in absorbed))
    if row is not None and row[0] == volume.id:
        seq = int(row[1])
        conn.execute("DELETE FROM documents WHERE id = ?", (document.id,))
    else:
        if row is not None:  # stored under another volume before: move it
            conn.execute("DELETE FROM documents WHERE id = ?", (document.id,))
            refresh_volume(conn, row[0])
        last = conn.execute("SELECT max(seq) FROM documents WHERE volume_id = ?", (volume.id,)).fetchone()[0]
        seq = 0 if last is None else int(last) + 1
    return replace(document, seq=seq, volume_id=volume.id)


__all__ = ["SOURCE_RECORD_COLUMNS", "absorb", "place_document", "refresh_volume", "select_records",
           "upsert_record"]
