"""SQL for the ``meetings`` tables (split from :mod:`memcon.store.sqlite`).

DOCS: docs/database.md#meetings
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from memcon.model.dates import date_bounds
from memcon.model.records import DocDate
from memcon.model.serialize import from_json, to_json
from memcon.model.speech import Attendee, Meeting

_SELECT = "SELECT id, date, place, duration_minutes, record_type, drafters, method, reasons FROM meetings"


def replace(conn: sqlite3.Connection, volume_id: str, meetings: Iterable[Meeting]) -> int:
    """Replace the meetings of a volume; returns how many were written."""
    conn.execute("DELETE FROM meetings WHERE volume_id = ?", (volume_id,))
    count = 0
    for m in meetings:
        low, high = date_bounds(m.date)
        conn.execute(
            "INSERT INTO meetings (id, volume_id, date, date_text, date_min, date_max, place, duration_minutes, "
            "record_type, drafters, method, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (m.id, volume_id, to_json(m.date) if m.date else None, m.date.text if m.date else None, low, high,
             m.place, m.duration_minutes, m.record_type, json.dumps(list(m.drafters), ensure_ascii=False), m.method,
             json.dumps(list(m.reasons), ensure_ascii=False)),
        )
        conn.executemany("INSERT INTO meeting_documents (meeting_id, idx, document_id) VALUES (?, ?, ?)",
                         [(m.id, i, d) for i, d in enumerate(m.documents)])
        conn.executemany(
            "INSERT INTO meeting_attendees (meeting_id, idx, text, person_id, side, role, source) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(m.id, i, a.text, a.person_id, a.side, a.role, a.source) for i, a in enumerate(m.attendees)],
        )
        count += 1
    return count


def _decode(conn: sqlite3.Connection, row: Sequence[Any]) -> Meeting:
    docs = tuple(r[0] for r in conn.execute(
        "SELECT document_id FROM meeting_documents WHERE meeting_id = ? ORDER BY idx", (row[0],)))
    attendees = tuple(Attendee(r[0], r[1], r[2], r[3], r[4]) for r in conn.execute(
        "SELECT text, person_id, side, role, source FROM meeting_attendees WHERE meeting_id = ? ORDER BY idx",
        (row[0],)))
    date = from_json(row[1], DocDate) if row[1] is not None else None
    return Meeting(id=row[0], documents=docs, date=date, place=row[2], attendees=attendees, duration_minutes=row[3],
                   record_type=row[4], drafters=tuple(json.loads(row[5])), method=row[6],
                   reasons=tuple(json.loads(row[7])))


def with_person(conn: sqlite3.Connection, person_id: str | None, *, date_from: str | None,
                date_to: str | None) -> list[Meeting]:
    """Meetings (attended by ``person_id``, when given) within the dates, oldest first."""
    where, params = [], []
    if person_id is not None:
        where.append("id IN (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?)")
        params.append(person_id)
    if date_from is not None:
        where.append("date_max >= ?")
        params.append(date_from)
    if date_to is not None:
        where.append("date_min <= ?")
        params.append(date_to)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY date_min IS NULL, date_min, id"
    return [_decode(conn, r) for r in conn.execute(sql, params).fetchall()]


def for_document(conn: sqlite3.Connection, document_id: str) -> Meeting | None:
    row = conn.execute(_SELECT + " WHERE id IN (SELECT meeting_id FROM meeting_documents WHERE document_id = ?)",
                       (document_id,)).fetchone()
    return None if row is None else _decode(conn, row)


__all__ = ["for_document", "replace", "with_person"]
