"""SQL for the ``mentions`` and ``mention_state`` tables (split from :mod:`memcon.store.sqlite`).

DOCS: docs/database.md#mentions
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from memcon.model.people import Mention

MENTION_COLUMNS = (
    "document_id", "idx", "kind", "char_start", "char_end", "text", "person_id", "confidence", "method", "reason",
    "footnote_idx", "name",
)
_INSERT = f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({', '.join('?' * len(MENTION_COLUMNS))})"
_SELECT = ("SELECT kind, char_start, char_end, text, person_id, confidence, method, reason, footnote_idx, name "
           "FROM mentions")


def _row(document_id: str, idx: int, m: Mention) -> tuple[Any, ...]:
    return (document_id, idx, m.kind, m.start, m.end, m.text, m.person_id, m.confidence, m.method, m.reason,
            m.footnote, m.name)


def decode(row: Sequence[Any]) -> Mention:
    """A :class:`Mention` from a ``_SELECT`` row."""
    return Mention(start=row[1], end=row[2], text=row[3], person_id=row[4], confidence=row[5], method=row[6],
                   reason=row[7], footnote=row[8], kind=row[0], name=row[9])


def authority_built_at(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT built_at FROM authority_builds WHERE id = 1").fetchone()
    return None if row is None else str(row[0])


def replace(
    conn: sqlite3.Connection, volume_id: str, mentions: Iterable[tuple[str, Sequence[Mention]]], *, method: str,
    at: str,
) -> int:
    """Replace the mentions of the volume's documents; mark the volume linked.  Returns the count."""
    conn.execute("DELETE FROM mentions WHERE document_id IN (SELECT id FROM documents WHERE volume_id = ?)",
                 (volume_id,))
    count = 0
    for document_id, found in mentions:
        conn.executemany(_INSERT, [_row(document_id, i, m) for i, m in enumerate(found)])
        count += len(found)
    conn.execute(
        "INSERT OR REPLACE INTO mention_state (volume_id, method, authority_built_at, linked_at) VALUES (?, ?, ?, ?)",
        (volume_id, method, authority_built_at(conn), at),
    )
    return count


def for_document(conn: sqlite3.Connection, document_id: str) -> tuple[Mention, ...]:
    rows = conn.execute(f"{_SELECT} WHERE document_id = ? ORDER BY idx", (document_id,))
    return tuple(decode(r) for r in rows)


def unlinked(conn: sqlite3.Connection, method: str) -> list[str]:
    """Volumes whose mentions are missing or were made by another method."""
    rows = conn.execute(
        "SELECT v.id FROM volumes v LEFT JOIN mention_state s ON s.volume_id = v.id "
        "WHERE s.volume_id IS NULL OR s.method != ? ORDER BY v.id",
        (method,),
    )
    return [r[0] for r in rows]


def reset(conn: sqlite3.Connection) -> None:
    """Forget which volumes are linked: every volume will be linked again."""
    conn.execute("DELETE FROM mention_state")


def documents_mentioning(conn: sqlite3.Connection, person_id: str, limit: int | None) -> list[str]:
    rows = conn.execute(
        "SELECT m.document_id FROM mentions m JOIN documents d ON d.id = m.document_id WHERE m.person_id = ? "
        "GROUP BY m.document_id ORDER BY min(d.date_min) IS NULL, min(d.date_min), m.document_id"
        + ("" if limit is None else f" LIMIT {int(limit)}"),
        (person_id,),
    )
    return [r[0] for r in rows]


def co_mentioned(conn: sqlite3.Connection, person_id: str, limit: int) -> list[tuple[str, int]]:
    rows = conn.execute(
        "SELECT o.person_id, count(DISTINCT o.document_id) AS n FROM mentions m "
        "JOIN mentions o ON o.document_id = m.document_id AND o.person_id IS NOT NULL AND o.person_id != ? "
        "WHERE m.person_id = ? GROUP BY o.person_id ORDER BY n DESC, o.person_id LIMIT ?",
        (person_id, person_id, limit),
    )
    return [(r[0], int(r[1])) for r in rows]


__all__ = ["MENTION_COLUMNS", "co_mentioned", "decode", "documents_mentioning", "for_document", "replace",
           "reset", "unlinked"]
