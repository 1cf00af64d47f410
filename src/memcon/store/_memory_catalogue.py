"""The listings of :class:`memcon.store.memory.MemoryStore` (twin of ``_catalogue.py``): tables of
contents, brief lines, documents pointing at one, person names and keys, facet rows.

DOCS: docs/database.md
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Mapping
from typing import Any

from memcon.model.dates import date_bounds
from memcon.model.people import Mention
from memcon.model.records import Document
from memcon.store.base import DocumentBrief, FacetRow


def brief(document: Document) -> DocumentBrief:
    """A document's line in a listing."""
    return DocumentBrief(
        id=document.id, volume_id=document.volume_id, n=document.n, heading=document.heading,
        doc_type=document.doc_type, date_text=document.date.text if document.date else None,
        date_min=date_bounds(document.date)[0], place=document.place,
        chapter=tuple(document.chapter), first_page=document.first_page,
    )


class MemoryCatalogue:
    """Needs the memory store's lock, documents, mentions, authority and volume data."""

    _lock: threading.RLock
    _documents: dict[str, tuple[Document, int]]
    _mentions: dict[str, tuple[Mention, ...]]
    _authority: Any

    def _data(self) -> Mapping[str, Any]:  # pragma: no cover - the store's
        raise NotImplementedError

    def _volume(self, volume_id: str) -> Any:  # pragma: no cover - the store's
        raise NotImplementedError

    def document_briefs(self, ids: Collection[str]) -> dict[str, DocumentBrief]:
        """See :meth:`memcon.store.base.Store.document_briefs`."""
        with self._lock:
            self._data()
            return {i: brief(self._documents[i][0]) for i in ids if i in self._documents}

    def table_of_contents(self, volume_id: str) -> list[DocumentBrief]:
        """See :meth:`memcon.store.base.Store.table_of_contents`."""
        with self._lock:
            return [brief(d) for d in self._volume(volume_id).documents]

    def referencing(self, document_id: str) -> list[tuple[DocumentBrief, str]]:
        """See :meth:`memcon.store.base.Store.referencing`."""
        with self._lock:
            data = self._data()
            out = []
            for volume_id in sorted(data):
                for doc in data[volume_id].documents:
                    kinds = sorted(r.kind for r in doc.references if r.target == document_id)
                    if kinds and doc.id != document_id:
                        out.append((brief(doc), kinds[0]))
            return out

    def person_names(self, ids: Collection[str]) -> dict[str, str]:
        """See :meth:`memcon.store.base.Store.person_names`."""
        with self._lock:
            out = {}
            for person in self._authority.iterate():
                if person.id in ids:
                    out[person.id] = person.name
            return out

    def persons_by_keys(self, keys: Collection[str]) -> dict[str, str]:
        """See :meth:`memcon.store.base.Store.persons_by_keys`."""
        with self._lock:
            out = {}
            for key in keys:
                found = sorted(p.id for p in self._authority.with_key(key))
                if found:
                    out[key] = found[0]
            return out

    def facet_rows(self) -> list[FacetRow]:
        """See :meth:`memcon.store.base.Store.facet_rows`."""
        with self._lock:
            self._data()
            rows = []
            for doc_id in sorted(self._documents):
                doc = self._documents[doc_id][0]
                persons = sorted({m.person_id for m in self._mentions.get(doc_id, ()) if m.person_id})
                rows.append(FacetRow(doc_id, doc.volume_id, doc.doc_type, doc.place or None, tuple(persons)))
            return rows
