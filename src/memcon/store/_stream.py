"""The queries behind :meth:`memcon.store.sqlite.SQLiteStore.iter_documents` (split from
:mod:`memcon.store.sqlite` to keep modules short): documents and each table of their rows,
all in volume order, merged without a query per document.

DOCS: docs/database.md
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from memcon.store._codec import CHILD_TABLES, DETAIL_TABLES, DOCUMENT_COLUMNS, Row

_PROVENANCE_SELECT = "source, sha256, reader, reader_version, format, line"


def stream_statements(*, by_volume: bool) -> tuple[str, dict[str, str], str]:
    """The queries behind :meth:`SQLiteStore.iter_documents`: documents, each child table, and
    document provenance, all in the same order (volume, seq), so they merge without sorting.
    ``CROSS JOIN`` keeps ``documents`` the outer loop whatever the statistics say."""
    where = "WHERE d.volume_id = ?" if by_volume else ""
    order = "ORDER BY d.volume_id, d.seq"
    docs = f"SELECT {', '.join('d.' + c for c in DOCUMENT_COLUMNS)} FROM documents d {where} {order}"
    children = {
        table: f"SELECT {', '.join('c.' + c for c in cols)} FROM documents d "
        f"CROSS JOIN {table} c ON c.document_id = d.id {where} {order}, c.idx"
        for table, cols in CHILD_TABLES.items()
    }
    children.update(
        {
            table: f"SELECT {', '.join('c.' + c for c in cols)} FROM documents d "
            f"CROSS JOIN {table} c ON c.document_id = d.id {where} {order}"
            for table, cols in DETAIL_TABLES.items()
        }
    )
    prov = (
        f"SELECT p.document_id, {', '.join('p.' + c for c in _PROVENANCE_SELECT.split(', '))} "
        f"FROM documents d CROSS JOIN provenance p ON p.document_id = d.id {where} {order}, p.idx"
    )
    return docs, children, prov


class Group:
    """Rows of one child query, handed out document by document (both ordered alike)."""

    __slots__ = ("_next", "_rows")

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._rows: Iterator[Row] = iter(cursor)
        self._next: Row | None = next(self._rows, None)

    def take(self, doc_id: str) -> list[Row]:
        out: list[Row] = []
        row = self._next
        while row is not None and row[0] == doc_id:
            out.append(row)
            row = next(self._rows, None)
        self._next = row
        return out


__all__ = ["Group", "stream_statements"]
