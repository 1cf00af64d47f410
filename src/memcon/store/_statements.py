"""SQL for the ``statements`` and ``statement_topics`` tables (split from :mod:`memcon.store.sqlite`).

DOCS: docs/database.md#statements
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from memcon.model.speech import Statement, Topic

_COLUMNS = ("document_id", "idx", "char_start", "char_end", "kind", "verb", "speaker_text", "speaker_id",
            "addressee_text", "addressee_id", "confidence", "method", "reason")
_INSERT = f"INSERT INTO statements ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_SELECT = ("SELECT s.document_id, s.char_start, s.char_end, s.kind, s.verb, s.speaker_text, s.speaker_id, "
           "s.addressee_text, s.addressee_id, s.confidence, s.method, s.reason, s.idx FROM statements s")


def _decode(row: Sequence[Any]) -> tuple[str, Statement]:
    return row[0], Statement(start=row[1], end=row[2], kind=row[3], verb=row[4], speaker_text=row[5],
                             speaker_id=row[6], addressee_text=row[7], addressee_id=row[8], confidence=row[9],
                             method=row[10], reason=row[11])


_TOPICS = ("INSERT INTO statement_topics (document_id, idx, n, kind, key, label, char_start) "
           "VALUES (?, ?, ?, ?, ?, ?, ?)")


def _with_topics(conn: sqlite3.Connection, rows: list[tuple[str, int, Statement]]) -> list[tuple[str, Statement]]:
    """The statements of ``rows`` (document id, idx, statement) with their topics read back."""
    if not rows:
        return []
    topics: dict[tuple[str, int], list[Topic]] = {}
    docs = sorted({d for d, _, _ in rows})
    for i in range(0, len(docs), 500):
        part = docs[i:i + 500]
        for r in conn.execute(f"SELECT document_id, idx, kind, key, label, char_start FROM statement_topics "
                              f"WHERE document_id IN ({', '.join('?' * len(part))}) ORDER BY document_id, idx, n",
                              part):
            topics.setdefault((r[0], r[1]), []).append(Topic(r[2], r[3], r[4], r[5]))
    return [(d, st if (d, i) not in topics else _replace_topics(st, topics[(d, i)])) for d, i, st in rows]


def _replace_topics(st: Statement, topics: list[Topic]) -> Statement:
    return dataclasses.replace(st, topics=tuple(topics))


def replace(conn: sqlite3.Connection, volume_id: str, statements: Iterable[tuple[str, Sequence[Statement]]]) -> int:
    conn.execute("DELETE FROM statements WHERE document_id IN (SELECT id FROM documents WHERE volume_id = ?)",
                 (volume_id,))
    count = 0
    for document_id, found in statements:
        conn.executemany(_INSERT, [
            (document_id, i, s.start, s.end, s.kind, s.verb, s.speaker_text, s.speaker_id, s.addressee_text,
             s.addressee_id, s.confidence, s.method, s.reason) for i, s in enumerate(found)])
        conn.executemany(_TOPICS, [(document_id, i, n, t.kind, t.key, t.label, t.start)
                                   for i, s in enumerate(found) for n, t in enumerate(s.topics)])
        count += len(found)
    return count


def for_document(conn: sqlite3.Connection, document_id: str) -> tuple[Statement, ...]:
    rows = conn.execute(f"{_SELECT} WHERE s.document_id = ? ORDER BY s.idx", (document_id,))
    return tuple(st for _, st in _with_topics(conn, [(document_id, r[-1], _decode(r)[1]) for r in rows]))


def select(
    conn: sqlite3.Connection, *, speaker_id: str | None, addressee_id: str | None, date_from: str | None,
    date_to: str | None, limit: int | None, topic: str | None = None,
) -> list[tuple[str, Statement]]:
    where: list[str] = []
    params: list[Any] = []
    if topic is not None:
        where.append("EXISTS (SELECT 1 FROM statement_topics t WHERE t.document_id = s.document_id "
                     "AND t.idx = s.idx AND t.key = ?)")
        params.append(topic)
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
    return _with_topics(conn, [(r[0], r[-1], _decode(r)[1]) for r in conn.execute(sql, params)])


def topic_key(conn: sqlite3.Connection, words: str) -> str | None:
    """The key of a stored topic whose key is ``words`` or whose label is ``words`` (any case)."""
    row = conn.execute("SELECT key FROM statement_topics WHERE key = ? LIMIT 1", (words,)).fetchone()
    if row is None:
        row = conn.execute("SELECT key FROM statement_topics WHERE label = ? COLLATE NOCASE LIMIT 1",
                           (words,)).fetchone()
    return None if row is None else str(row[0])


__all__ = ["for_document", "replace", "select", "topic_key"]
