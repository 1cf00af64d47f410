"""An in-memory store honouring the :class:`memcon.store.base.Store` contract.

A real implementation, not a mock: tests of other stages can use it where a
database file would only slow them down, and it runs through the same contract
tests as :class:`memcon.store.sqlite.SQLiteStore` (``tests/store/``).
``replace_volume`` collects the volume's documents before swapping them in, so
unlike the SQLite store its memory grows with the volume.

DOCS: docs/database.md
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Self

from memcon.errors import NotFound, StoreError
from memcon.model.records import Document, Volume
from memcon.store._codec import DocumentChecker, date_bounds
from memcon.store.base import StoreStats, VolumeSummary
from memcon.store.migrations import SCHEMA_VERSION

STORE = "memcon.memory"
"""The backend's name."""


@dataclass
class _StoredVolume:
    volume: Volume
    documents: list[Document]
    date_min: str | None
    date_max: str | None
    index_state: dict[str, str | None] = field(default_factory=dict)


class MemoryStore:
    """Volumes and documents kept in dictionaries; gone when the process ends."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._volumes: dict[str, _StoredVolume] | None = {}
        self._documents: dict[str, tuple[Document, int]] = {}

    @property
    def location(self) -> str:
        """Always ``:memory:``."""
        return ":memory:"

    def _data(self) -> dict[str, _StoredVolume]:
        if self._volumes is None:
            raise StoreError(":memory:: the store is closed", hint="create a new MemoryStore")
        return self._volumes

    def source_digest(self, volume_id: str) -> str | None:
        """The sha256 of the source last ingested for ``volume_id``, or ``None``."""
        with self._lock:
            stored = self._data().get(volume_id)
        if stored is None or stored.volume.provenance is None:
            return None
        return stored.volume.provenance.sha256

    def replace_volume(self, volume: Volume, documents: Iterable[Document]) -> int:
        """Collect ``documents`` and swap them in for the volume's old ones; nothing changes
        if iterating raises or a document is refused (see :class:`DocumentChecker`)."""
        with self._lock:
            data = self._data()
            checker = DocumentChecker(volume.id)
            docs: list[Document] = []
            for doc in documents:
                checker.check(doc)
                owner = self._documents.get(doc.id)
                if owner is not None and owner[0].volume_id != volume.id:
                    raise StoreError(
                        f":memory:: document {doc.id!r} is already stored under volume {owner[0].volume_id!r}",
                        hint="a document id of this volume is already stored under another volume",
                    )
                docs.append(doc)
            docs.sort(key=lambda d: d.seq)
            bounds = [date_bounds(d.date) for d in docs]
            date_min = min((lo for lo, _ in bounds if lo is not None), default=None)
            date_max = max((hi for _, hi in bounds if hi is not None), default=None)
            old = data.pop(volume.id, None)
            if old is not None:
                for doc in old.documents:
                    del self._documents[doc.id]
            data[volume.id] = _StoredVolume(volume, docs, date_min, date_max)
            for i, doc in enumerate(docs):
                self._documents[doc.id] = (doc, i)
        return len(docs)

    def mark_indexed(self, volume_id: str, index_name: str) -> None:
        """Record that the index ``index_name`` holds the volume as stored now."""
        with self._lock:
            stored = self._volume(volume_id)
            stored.index_state[index_name] = self.source_digest(volume_id)

    def unindexed_volumes(self, index_name: str) -> list[str]:
        """Volumes whose stored content the index ``index_name`` does not hold, by id."""
        with self._lock:
            return sorted(
                vid
                for vid, stored in self._data().items()
                if index_name not in stored.index_state
                or stored.index_state[index_name] != self.source_digest(vid)
            )

    def _volume(self, volume_id: str) -> _StoredVolume:
        stored = self._data().get(volume_id)
        if stored is None:
            raise NotFound(
                f"no volume {volume_id!r} in :memory:",
                hint="`memcon stats` lists the volumes stored; `memcon ingest FILE` adds one",
            )
        return stored

    def get_volume(self, volume_id: str) -> Volume:
        """The volume with that id; raises :class:`NotFound`."""
        with self._lock:
            return self._volume(volume_id).volume

    def get_document(self, doc_id: str) -> Document:
        """The document with that id; raises :class:`NotFound`."""
        with self._lock:
            self._data()
            found = self._documents.get(doc_id)
        if found is None:
            raise NotFound(
                f"no document {doc_id!r} in :memory:",
                hint="find one with `memcon search QUERY`, list the volumes with `memcon stats`",
            )
        return found[0]

    def iter_documents(self, *, volume_id: str | None = None) -> Iterator[Document]:
        """Every document (of one volume, when given) in volume order, from a snapshot."""
        with self._lock:
            if volume_id is not None:
                snapshot = list(self._volume(volume_id).documents)
            else:
                snapshot = [d for vid in sorted(self._data()) for d in self._data()[vid].documents]
        return iter(snapshot)

    def neighbours(self, doc_id: str) -> tuple[str | None, str | None]:
        """The ids of the previous and next documents in the same volume."""
        with self._lock:
            doc = self.get_document(doc_id)
            docs = self._volume(doc.volume_id).documents
            i = self._documents[doc_id][1]
            return (docs[i - 1].id if i > 0 else None, docs[i + 1].id if i + 1 < len(docs) else None)

    def volumes(self) -> list[VolumeSummary]:
        """A summary of every volume, ordered by id."""
        with self._lock:
            out = []
            for vid in sorted(self._data()):
                stored = self._data()[vid]
                sha = self.source_digest(vid)
                out.append(
                    VolumeSummary(
                        id=vid,
                        title=stored.volume.title,
                        documents=len(stored.documents),
                        date_min=stored.date_min,
                        date_max=stored.date_max,
                        sha256=sha,
                        indexed=any(s == sha for s in stored.index_state.values()),
                    )
                )
            return out

    def stats(self) -> StoreStats:
        """Counts of what the store holds (``sources``: distinct source digests)."""
        with self._lock:
            data = self._data()
            docs = [d for stored in data.values() for d in stored.documents]
            shas = {s.volume.provenance.sha256 for s in data.values() if s.volume.provenance is not None}
            shas.update(p.sha256 for d in docs for p in d.provenance)
            return StoreStats(
                volumes=len(data),
                documents=len(docs),
                pages=sum(len(d.pages) for d in docs),
                footnotes=sum(len(d.footnotes) for d in docs),
                annotations=sum(len(d.annotations) for d in docs),
                sources=len(shas),
                schema_version=SCHEMA_VERSION,
                path=self.location,
            )

    def close(self) -> None:
        """Forget everything.  Safe to call twice."""
        with self._lock:
            self._volumes = None
            self._documents = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
