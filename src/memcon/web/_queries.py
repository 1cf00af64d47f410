"""Read-only SQL the reader and volume pages need and the ``Store`` interface does not offer (yet):
which documents point at a document, a volume's table of contents without loading every text.

Each thread keeps one read-only connection per database (``?mode=ro``: nothing here can write).
The tables and columns are those of docs/database.md.

DOCS: docs/web.md#architecture
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from memcon.errors import StoreError


class _PerThread(threading.local):
    conns: dict[Path, sqlite3.Connection] | None = None


_local = _PerThread()


def _conn(db_path: Path) -> sqlite3.Connection:
    if _local.conns is None:
        _local.conns = {}
    conn = _local.conns.get(db_path)
    if conn is None:
        try:
            conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        except sqlite3.Error as exc:  # pragma: no cover - the app checked the file exists
            raise StoreError(f"cannot open {db_path} read-only: {exc}") from exc
        _local.conns[db_path] = conn
    return conn


@dataclass(frozen=True, slots=True)
class DocRef:
    """A document pointed at (or pointing): id, heading, printed number, date as printed."""

    id: str
    heading: str
    n: str | None
    date_text: str | None
    kind: str | None = None


def referenced_by(db_path: Path, doc_id: str) -> list[DocRef]:
    """The documents whose references resolve to ``doc_id``, in volume order."""
    rows = _conn(db_path).execute(
        "SELECT DISTINCT d.id, d.heading, d.n, d.date_text, r.kind, d.volume_id, d.seq "
        "FROM doc_references r JOIN documents d ON d.id = r.document_id "
        "WHERE r.target = ? AND r.document_id != ? ORDER BY d.volume_id, d.seq",
        (doc_id, doc_id),
    ).fetchall()
    return [DocRef(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def headings(db_path: Path, ids: list[str]) -> dict[str, DocRef]:
    """Heading, number and date of the documents ``ids`` that are stored."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = _conn(db_path).execute(
        f"SELECT id, heading, n, date_text FROM documents WHERE id IN ({marks})", ids
    ).fetchall()
    return {r[0]: DocRef(r[0], r[1], r[2], r[3]) for r in rows}


@dataclass(frozen=True, slots=True)
class TocEntry:
    """A line of a volume's table of contents."""

    id: str
    n: str | None
    heading: str
    doc_type: str
    date_text: str | None
    date_min: str | None
    place: str | None
    chapter: tuple[str, ...]
    first_page: str | None


def table_of_contents(db_path: Path, volume_id: str) -> list[TocEntry]:
    """Every document of a volume in order, with its chapter path and first printed page."""
    rows = _conn(db_path).execute(
        "SELECT d.id, d.n, d.heading, d.doc_type, d.date_text, d.date_min, d.place, d.chapter, "
        "(SELECT p.n FROM pages p WHERE p.document_id = d.id ORDER BY p.idx LIMIT 1) "
        "FROM documents d WHERE d.volume_id = ? ORDER BY d.seq",
        (volume_id,),
    ).fetchall()
    out = []
    for r in rows:
        try:
            chapter = tuple(str(c) for c in json.loads(r[7] or "[]"))
        except ValueError:
            chapter = ()
        out.append(TocEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], chapter, r[8]))
    return out


def person_names(db_path: Path, ids: list[str]) -> dict[str, str]:
    """The preferred names of the persons ``ids``."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(_conn(db_path).execute(f"SELECT id, name FROM persons WHERE id IN ({marks})", ids).fetchall())


def persons_by_keys(db_path: Path, keys: list[str]) -> dict[str, str]:
    """Source key (``frus1961-63v05#p_KNS1``) → memcon person id, for the keys the authority holds."""
    if not keys:
        return {}
    out: dict[str, str] = {}
    conn = _conn(db_path)
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for key, pid in conn.execute(
            f"SELECT key, min(person_id) FROM person_keys WHERE key IN ({marks}) GROUP BY key", chunk
        ):
            out[key] = pid
    return out
