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
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import TracebackType
from typing import Self

from memcon.errors import NotFound, StoreError
from memcon.model.people import Attestation, Mention, Person
from memcon.model.records import Document, Volume
from memcon.model.speech import Meeting, Statement
from memcon.store._authority import MemoryAuthority
from memcon.store._codec import DocumentChecker, date_bounds
from memcon.store._memory_catalogue import MemoryCatalogue
from memcon.store.base import SourceRecord, StoreStats, VolumeSummary
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


class MemoryStore(MemoryCatalogue):
    """Volumes and documents kept in dictionaries; gone when the process ends."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._volumes: dict[str, _StoredVolume] | None = {}
        self._documents: dict[str, tuple[Document, int]] = {}
        self._records: dict[str, SourceRecord] = {}
        self._mentions: dict[str, tuple[Mention, ...]] = {}
        self._mention_state: dict[str, str] = {}
        self._meetings: dict[str, list[Meeting]] = {}
        self._attestations: dict[str, list[Attestation]] = {}
        self._statements: dict[str, tuple[Statement, ...]] = {}
        self._authority = MemoryAuthority()

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

    def replace_volume(
        self, volume: Volume, documents: Iterable[Document], *, absorbed: Mapping[str, str] | None = None
    ) -> int:
        """Collect ``documents`` and swap them in for the volume's old ones; nothing changes
        if iterating raises or a document is refused (see :class:`DocumentChecker`).
        ``absorbed``: see :meth:`memcon.store.base.Store.replace_volume`."""
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
                    self._mentions.pop(doc.id, None)
                    self._statements.pop(doc.id, None)
            self._mention_state.pop(volume.id, None)
            self._meetings.pop(volume.id, None)
            self._attestations.pop(volume.id, None)
            data[volume.id] = _StoredVolume(volume, docs, date_min, date_max)
            for i, doc in enumerate(docs):
                self._documents[doc.id] = (doc, i)
            self._absorb(dict(absorbed or {}))
        return len(docs)

    def _absorb(self, absorbed: Mapping[str, str]) -> None:
        for old, new in absorbed.items():
            if old == new:
                continue
            found = self._documents.get(old)
            if found is not None:
                self._remove(found[0])
            for source, rec in list(self._records.items()):
                if rec.document_id == old:
                    self._records[source] = replace(rec, document_id=new)

    def _remove(self, doc: Document) -> None:
        stored = self._data()[doc.volume_id]
        stored.documents = [d for d in stored.documents if d.id != doc.id]
        del self._documents[doc.id]
        self._refresh(doc.volume_id)

    def _refresh(self, volume_id: str) -> None:
        stored = self._data()[volume_id]
        stored.documents.sort(key=lambda d: d.seq)
        for i, d in enumerate(stored.documents):
            self._documents[d.id] = (d, i)
        self._mention_state.pop(volume_id, None)
        bounds = [date_bounds(d.date) for d in stored.documents]
        stored.date_min = min((lo for lo, _ in bounds if lo is not None), default=None)
        stored.date_max = max((hi for _, hi in bounds if hi is not None), default=None)
        stored.index_state.clear()

    def put_document(
        self, volume: Volume, document: Document, *, record: SourceRecord, absorbed: Collection[str] = ()
    ) -> Document:
        """Store one document of a single-document source; see :meth:`memcon.store.base.Store.put_document`."""
        with self._lock:
            data = self._data()
            if volume.id not in data:
                data[volume.id] = _StoredVolume(volume, [], None, None)
            existing = self._documents.get(document.id)
            self._absorb({old: document.id for old in absorbed})
            stored = data[volume.id]
            if existing is not None and existing[0].volume_id == volume.id:
                seq = existing[0].seq
                self._remove(existing[0])
            else:
                if existing is not None:
                    self._remove(existing[0])
                seq = max((d.seq for d in stored.documents), default=-1) + 1
            doc = replace(document, seq=seq, volume_id=volume.id)
            stored.documents.append(doc)
            self._documents[doc.id] = (doc, 0)
            self._refresh(volume.id)
            self._records[record.source] = record
            return doc

    def source_records(
        self, *, volume_id: str | None = None, document_id: str | None = None
    ) -> list[SourceRecord]:
        """The single-document sources kept (of one volume's or one document's ids, when given)."""
        with self._lock:
            records = sorted(self._records.values(), key=lambda r: (r.document_id, r.source))
        if document_id is not None:
            return sorted((r for r in records if r.document_id == document_id), key=lambda r: r.source)
        if volume_id is not None:
            return [r for r in records if r.document_id.startswith(volume_id + "/")]
        return records

    def source_digests(self) -> set[str]:
        """The sha256 of every single-document source kept."""
        with self._lock:
            return {r.sha256 for r in self._records.values()}

    def documents_numbered(self, n: str) -> list[str]:
        """Ids of the documents whose printed number is ``n``."""
        with self._lock:
            return sorted(doc_id for doc_id, (doc, _) in self._documents.items() if doc.n == n)

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
                persons=sum(1 for _ in self._authority.iterate()),
                mentions=sum(len(ms) for doc_id, ms in self._mentions.items() if doc_id in self._documents),
            )

    # -- the person authority (store/_authority.py) -------------------------------------------

    def replace_authority(self, persons: Iterable[Person], *, source: str, version: str) -> int:
        """Swap in a new person authority; nothing changes if iterating ``persons`` raises."""
        with self._lock:
            self._data()
            return self._authority.replace(persons, source=source, version=version)

    def get_person(self, person_id: str) -> Person:
        """The person with that memcon id; raises :class:`NotFound`."""
        with self._lock:
            return self._authority.get(person_id)

    def find_persons(self, name: str, *, limit: int = 20) -> list[Person]:
        """Persons named ``name``; see :meth:`memcon.store.base.Store.find_persons`."""
        with self._lock:
            return self._authority.find(name, limit=limit)

    def persons_with_key(self, key: str) -> list[Person]:
        """The persons holding a source key."""
        with self._lock:
            return self._authority.with_key(key)

    def iter_persons(self) -> Iterator[Person]:
        """Every person, by id."""
        with self._lock:
            return iter(list(self._authority.iterate()))

    # -- mentions ------------------------------------------------------------------------------

    def replace_mentions(
        self, volume_id: str, mentions: Iterable[tuple[str, Sequence[Mention]]], *, method: str
    ) -> int:
        """Replace the mentions of a volume's documents and mark the volume linked."""
        with self._lock:
            stored = self._volume(volume_id)
            found = {doc_id: tuple(ms) for doc_id, ms in mentions}
            for doc in stored.documents:
                self._mentions.pop(doc.id, None)
            self._mentions.update(found)
            self._mention_state[volume_id] = method
            return sum(len(ms) for ms in found.values())

    def mentions(self, document_id: str) -> tuple[Mention, ...]:
        """The mentions of persons in a document, in order."""
        with self._lock:
            return self._mentions.get(document_id, ())

    def unlinked_volumes(self, method: str) -> list[str]:
        """Volumes whose mentions are missing, or were made by another method or authority."""
        with self._lock:
            return sorted(v for v in self._data() if self._mention_state.get(v) != method)

    def replace_attestations(self, volume_id: str, attestations: Iterable[Attestation]) -> int:
        """Replace the offices a volume's documents attest."""
        with self._lock:
            self._volume(volume_id)
            self._attestations[volume_id] = list(attestations)
            return len(self._attestations[volume_id])

    def attestations(self, office: str | None = None) -> list[Attestation]:
        """The offices the stored documents attest (of ``office``), by office and date."""
        with self._lock:
            found = [a for atts in self._attestations.values() for a in atts if office is None or a.office == office]
        return sorted(found, key=lambda a: (a.office, a.side, a.date, a.document_id))

    def replace_meetings(self, volume_id: str, meetings: Iterable[Meeting]) -> int:
        """Replace the meetings recorded in a volume."""
        with self._lock:
            self._volume(volume_id)
            self._meetings[volume_id] = list(meetings)
            return len(self._meetings[volume_id])

    def meetings(
        self, *, person_id: str | None = None, date_from: str | None = None, date_to: str | None = None
    ) -> list[Meeting]:
        """Meetings (attended by ``person_id``, when given; within the ISO day bounds), oldest first."""
        with self._lock:
            found = []
            for vid, ms in self._meetings.items():
                if vid not in self._data():
                    continue
                for m in ms:
                    low, high = date_bounds(m.date)
                    if person_id is not None and all(a.person_id != person_id for a in m.attendees):
                        continue
                    if date_from is not None and (high is None or high < date_from):
                        continue
                    if date_to is not None and (low is None or low > date_to):
                        continue
                    found.append((low is None, low or "", m.id, m))
            return [m for *_, m in sorted(found, key=lambda t: t[:3])]

    def meeting_of(self, document_id: str) -> Meeting | None:
        """The meeting a document is a record of, or ``None``."""
        with self._lock:
            return next((m for ms in self._meetings.values() for m in ms if document_id in m.documents), None)

    def replace_statements(self, volume_id: str, statements: Iterable[tuple[str, Sequence[Statement]]]) -> int:
        """Replace the statements of a volume's documents."""
        with self._lock:
            stored = self._volume(volume_id)
            for doc in stored.documents:
                self._statements.pop(doc.id, None)
            found = {doc_id: tuple(ss) for doc_id, ss in statements}
            self._statements.update(found)
            return sum(len(ss) for ss in found.values())

    def statements(self, document_id: str) -> tuple[Statement, ...]:
        """The statements of a document, in order."""
        with self._lock:
            return self._statements.get(document_id, ()) if document_id in self._documents else ()

    def statements_by(
        self, *, speaker_id: str | None = None, addressee_id: str | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int | None = None, topic: str | None = None,
    ) -> list[tuple[str, Statement]]:
        """``(document id, statement)`` by a speaker (to an addressee, within ISO day bounds, with
        the topic key ``topic``), oldest first."""
        with self._lock:
            rows = []
            for doc_id, ss in self._statements.items():
                if doc_id not in self._documents:
                    continue
                doc = self._documents[doc_id][0]
                low, high = date_bounds(doc.date)
                if date_from is not None and (high is None or high < date_from):
                    continue
                if date_to is not None and (low is None or low > date_to):
                    continue
                for i, s in enumerate(ss):
                    if speaker_id is not None and s.speaker_id != speaker_id:
                        continue
                    if addressee_id is not None and s.addressee_id != addressee_id:
                        continue
                    if topic is not None and all(t.key != topic for t in s.topics):
                        continue
                    rows.append(((low is None, low or "", doc.volume_id, doc.seq, i), (doc_id, s)))
            found = [r for _, r in sorted(rows, key=lambda t: t[0])]
            return found if limit is None else found[:limit]

    def topic_key(self, words: str) -> str | None:
        """The key of a stored statement topic named ``words`` (its key, else its label in any case)."""
        with self._lock:
            topics = [t for ss in self._statements.values() for s in ss for t in s.topics]
        if any(t.key == words for t in topics):
            return words
        return next((t.key for t in topics if t.label.lower() == words.lower()), None)

    def reset_mention_state(self) -> None:
        """Mark every volume's mentions out of date (the authority's data changed)."""
        with self._lock:
            self._mention_state.clear()

    def documents_mentioning(self, person_id: str, *, limit: int | None = None) -> list[str]:
        """Ids of the documents that mention the person, oldest first."""
        with self._lock:
            ids = [d for d, ms in self._mentions.items() if d in self._documents
                   and any(m.person_id == person_id for m in ms)]
            def key(doc_id: str) -> tuple[bool, str, str]:
                low = date_bounds(self._documents[doc_id][0].date)[0]
                return (low is None, low or "", doc_id)
            ids.sort(key=key)
            return ids if limit is None else ids[:limit]

    def co_mentioned(self, person_id: str, *, limit: int = 10) -> list[tuple[str, int]]:
        """The persons most often mentioned in the same documents, with how many documents."""
        with self._lock:
            counts: dict[str, int] = {}
            for doc_id, ms in self._mentions.items():
                people = {m.person_id for m in ms if m.person_id}
                if person_id in people and doc_id in self._documents:
                    for other in people - {person_id}:
                        counts[other] = counts.get(other, 0) + 1
            return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

    def authority_source(self) -> str | None:
        """The folder the authority held was built from, or ``None``."""
        return self._authority.source

    def authority_version(self) -> str | None:
        """The algorithm that built the authority held, or ``None``."""
        return self._authority.version

    def close(self) -> None:
        """Forget everything.  Safe to call twice."""
        with self._lock:
            self._volumes = None
            self._documents = {}
            self._records = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
