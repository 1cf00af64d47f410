"""Listings without texts: a volume's table of contents, a document's brief line, the documents
that point at one, names of persons by id or source key, and the rows search facets count
(a mixin of :class:`memcon.store.sqlite.SQLiteStore`; the memory store's twin is
``_memory_catalogue.py``).

DOCS: docs/database.md
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import AbstractContextManager
from typing import Any

from memcon.errors import NotFound
from memcon.store.base import DocumentBrief, FacetRow

_CHUNK = 500
_BRIEF = (
    "SELECT d.id, d.volume_id, d.n, d.heading, d.doc_type, d.date_text, d.date_min, d.place, d.chapter, "
    "(SELECT p.n FROM pages p WHERE p.document_id = d.id ORDER BY p.idx LIMIT 1) FROM documents d"
)


def _chapter(raw: str | None) -> tuple[str, ...]:
    try:
        return tuple(str(c) for c in json.loads(raw or "[]"))
    except ValueError:
        return ()


def _brief(row: tuple[Any, ...]) -> DocumentBrief:
    return DocumentBrief(id=row[0], volume_id=row[1], n=row[2], heading=row[3], doc_type=row[4],
                         date_text=row[5], date_min=row[6], place=row[7], chapter=_chapter(row[8]),
                         first_page=row[9])


def _chunks(values: Collection[str]) -> Iterator[list[str]]:
    ordered = list(dict.fromkeys(values))
    for i in range(0, len(ordered), _CHUNK):
        yield ordered[i : i + _CHUNK]


class CatalogueQueries:
    """The listings of :class:`~memcon.store.sqlite.SQLiteStore`; it needs the store's
    ``_sql(action)`` connection context and its ``_location``."""

    _location: str

    def _sql(self, action: str) -> AbstractContextManager[sqlite3.Connection]:  # pragma: no cover - the store's
        raise NotImplementedError

    def document_briefs(self, ids: Collection[str]) -> dict[str, DocumentBrief]:
        """The brief lines of the documents ``ids`` that are stored (others are left out)."""
        out: dict[str, DocumentBrief] = {}
        with self._sql("cannot list documents") as conn:
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                out.update((r[0], _brief(r)) for r in conn.execute(f"{_BRIEF} WHERE d.id IN ({marks})", chunk))
        return out

    def table_of_contents(self, volume_id: str) -> list[DocumentBrief]:
        """Every document of the volume in volume order; raises :class:`NotFound`."""
        with self._sql("cannot list a volume") as conn:
            if conn.execute("SELECT 1 FROM volumes WHERE id = ?", (volume_id,)).fetchone() is None:
                raise NotFound(f"no volume {volume_id!r} in {self._location}",
                               hint="list the volumes with `memcon stats`")
            rows = conn.execute(f"{_BRIEF} WHERE d.volume_id = ? ORDER BY d.seq", (volume_id,)).fetchall()
        return [_brief(r) for r in rows]

    def referencing(self, document_id: str) -> list[tuple[DocumentBrief, str]]:
        """The documents whose references resolve to ``document_id``, each with the reference's
        kind (``participants``, ``see``), in volume order."""
        with self._sql("cannot list references") as conn:
            rows = conn.execute(
                f"{_BRIEF} JOIN (SELECT document_id, min(kind) AS kind FROM doc_references "
                "WHERE target = ? AND document_id != ? GROUP BY document_id) r ON r.document_id = d.id "
                "ORDER BY d.volume_id, d.seq",
                (document_id, document_id),
            ).fetchall()
            kinds = dict(conn.execute(
                "SELECT document_id, min(kind) FROM doc_references WHERE target = ? GROUP BY document_id",
                (document_id,),
            ).fetchall())
        return [(_brief(r), str(kinds.get(r[0], ""))) for r in rows]

    def person_names(self, ids: Collection[str]) -> dict[str, str]:
        """Preferred names of the persons ``ids`` the authority holds."""
        out: dict[str, str] = {}
        with self._sql("cannot read persons") as conn:
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                out.update(conn.execute(f"SELECT id, name FROM persons WHERE id IN ({marks})", chunk).fetchall())
        return out

    def persons_by_keys(self, keys: Collection[str]) -> dict[str, str]:
        """Source key (``frus1961-63v05#p_KNS1``) → memcon person id, for the keys the authority
        holds (a key two persons share maps to the first id)."""
        out: dict[str, str] = {}
        with self._sql("cannot read person keys") as conn:
            for chunk in _chunks(keys):
                marks = ",".join("?" * len(chunk))
                out.update(conn.execute(
                    f"SELECT key, min(person_id) FROM person_keys WHERE key IN ({marks}) GROUP BY key", chunk
                ).fetchall())
        return out

    def facet_rows(self) -> list[FacetRow]:
        """Every document's volume, type, dateline place and the persons its mentions resolve to."""
        with self._sql("cannot read the catalogue") as conn:
            persons: dict[str, list[str]] = {}
            for doc_id, person_id in conn.execute(
                "SELECT DISTINCT document_id, person_id FROM mentions WHERE person_id IS NOT NULL "
                "ORDER BY document_id, person_id"
            ):
                persons.setdefault(doc_id, []).append(person_id)
            rows = conn.execute("SELECT id, volume_id, doc_type, place FROM documents ORDER BY id").fetchall()
        return [FacetRow(d, v, t, p or None, tuple(persons.get(d, ()))) for d, v, t, p in rows]
