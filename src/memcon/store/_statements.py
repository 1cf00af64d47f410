"""SQL for the ``statements`` table (split from :mod:`memcon.store.sqlite`).

DOCS: docs/database.md#statements
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from memcon.model.speech import Statement

_COLUMNS = ("document_id", "idx", "char_start", "char_end", "kind", "verb", "speaker_text", "speaker_id",
            "addressee_text", "addressee_id", "confidence", "method", "reason")
_INSERT = f"INSERT INTO statements ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_SELECT = ("SELECT s.document_id, s.char_start, s.char_end, s.kind, s.verb, s.speaker_text, s.speaker_id, "
           "s.addressee_text, s.addressee_id, s.confidence, s.method, s.reason FROM statements s")


def _decode(row: Sequence[Any]) -> tuple[str, Statement]:
    return row[0], Statement(start=row[1], end=row[2], kind=row[3], verb=row[4], speaker_text=row[5],
                             speaker_id=row[6], addressee_text=row[7], addressee_id=row[8], confidence=row[9],
                             method=row[10], reason=row[11])


def replace(conn: sqlite3.Connection, volume_id: str, statements: Iterable[tuple[str, Sequence[Statement]]]) -> int:
    conn.execute("DELETE FROM statements WHERE document_id IN (SELECT id FROM documents WHERE volume_id = ?)",
                 (volume_id,))
    count = 0
    for document_id, found in statements:
        conn.executemany(_INSERT, [
            (document_id, i, s.start, s.end, s.kind, s.verb, s.speaker_text, s.speaker_id, s.addressee_text,
             s.addressee_id, s.confidence, s.method, s.reason) for i, s in enumerate(found)])
        count += len(found)
    return count


def for_document(conn: sqlite3.Connection, document_id: str) -> tuple[Statement, ...]:
    rows = conn.execute(f"{_SELECT} WHERE s.document_id = ? ORDER BY s.idx", (document_id,))
    return tuple(_decode(r)[1] for r in rows)


def select(
    conn: sqlite3.Connection, *, speaker_id: str | None, addressee_id: str | None, date_from: str | None,
    date_to: str | None, limit: int | None,
) -> list[tuple[str, Statement]]:
    where, params = [], []
    if speaker_id is not None:
        where.append("s.speaker_id = ?")
        params.append(speaker_id)
    if addressee_id is not None:
        where.append("s.addressee_id = ?")
        params.append(addressee_id)
    if date_from is not None:
        where.append("d.date_max >= ?")
        params.append(date_from)
    if date_to is not None:
        where.append("d.date_min <= ?")
        params.append(date_to)
    sql = (f"{_SELECT} JOIN documents d ON d.id = s.document_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY d.date_min IS NULL, d.date_min, d.volume_id, d.seq, s.idx"
           + ("" if limit is None else f" LIMIT {int(limit)}"))
    return [_decode(r) for r in conn.execute(sql, params)]


__all__ = ["for_document", "replace", "select"]
