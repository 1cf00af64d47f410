"""The ``Store`` contract: what every storage backend (SQLite now, PostgreSQL later) must do.

The store is the record of truth.  The full-text index (:mod:`memcon.search`)
is derived from it and can always be rebuilt from it (``memcon reindex``).

Duties of an implementation:

* **One transaction per volume.**  :meth:`Store.replace_volume` writes a volume
  and all of its documents, replacing whatever that volume held before, and
  either commits all of it or nothing.  A reader that raises half-way through
  a volume, a ``KeyboardInterrupt`` or a ``kill -9`` leaves the store as it was
  before the call.
* **Idempotency by digest.**  :meth:`Store.source_digest` returns the sha256 of
  the source last ingested for a volume, so the caller can skip an unchanged
  file without reading it.
* **Round trip.**  :meth:`Store.get_document` returns a record equal to the one
  written (same text, offsets, footnotes, pages, annotations, provenance).
* **A single writer.**  Readers may be many; writes go through one connection.

DOCS: docs/architecture.md#store
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from memcon.model.people import Attestation, Mention, Person
from memcon.model.records import Document, Volume
from memcon.model.speech import Meeting, Statement


@dataclass(frozen=True, slots=True)
class StoreStats:
    """What a store holds."""

    volumes: int
    documents: int
    pages: int
    footnotes: int
    annotations: int
    sources: int
    schema_version: int
    path: str
    persons: int = 0
    """Persons of the authority (0 before it is loaded)."""
    mentions: int = 0
    """Mentions of persons linked in the documents (resolved or not)."""


@dataclass(frozen=True, slots=True)
class VolumeSummary:
    """A line per volume for listings: id, title, documents, date range."""

    id: str
    title: str
    documents: int
    date_min: str | None
    date_max: str | None
    sha256: str | None
    indexed: bool


@dataclass(frozen=True, slots=True)
class DocumentBrief:
    """A document's line in a listing (table of contents, links), without its text: ``chapter``
    is the path of chapter headings it sits in, ``first_page`` the printed page it begins on."""

    id: str
    volume_id: str
    n: str | None
    heading: str
    doc_type: str
    date_text: str | None
    date_min: str | None
    place: str | None
    chapter: tuple[str, ...] = ()
    first_page: str | None = None


@dataclass(frozen=True, slots=True)
class FacetRow:
    """What search facets count of one document: volume, type, dateline place, persons mentioned."""

    document_id: str
    volume_id: str
    doc_type: str
    place: str | None
    persons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """A single-document source (web page, Wilson record, text file) as its reader read it.

    ``document_id`` is the stored document it is part of now (its own id, or the id of
    the record it was recognised as); ``fingerprint`` its text's sentence hashes
    (:mod:`memcon.enrich.fingerprints`).
    """

    source: str
    sha256: str
    format: str
    document_id: str
    fingerprint: tuple[int, ...]
    record: Document


@runtime_checkable
class Store(Protocol):
    """A place to keep volumes and documents.  See the module docstring for the contract."""

    @property
    def location(self) -> str:
        """Where the store lives (a file path or a connection URL without password)."""
        ...

    def source_digest(self, volume_id: str) -> str | None:
        """The sha256 of the source file last ingested for ``volume_id``, or ``None``."""
        ...

    def replace_volume(
        self, volume: Volume, documents: Iterable[Document], *, absorbed: Mapping[str, str] | None = None
    ) -> int:
        """Write ``volume`` and ``documents`` in one transaction, replacing the volume's old
        documents; return how many documents were written.  Consumes ``documents`` lazily,
        so a streaming reader's memory stays flat; if iterating raises, nothing is written
        and the exception propagates.

        ``absorbed`` (read once ``documents`` is consumed: the caller may fill it while they
        stream) maps ids of documents stored elsewhere to the id of the document of this
        volume they turned out to be: in the same transaction those are deleted and their
        source records point to the new id."""
        ...

    def put_document(
        self, volume: Volume, document: Document, *, record: SourceRecord, absorbed: Collection[str] = ()
    ) -> Document:
        """Store one document from a single-document source, in one transaction: add
        ``volume`` if the store lacks it (an existing volume keeps its own metadata), replace
        the document stored under ``document.id`` (keeping its place in the volume; a new
        document goes last), delete the ``absorbed`` documents (stored under other ids, now
        known to be this one) and keep ``record``.  Returns the document as stored (with its
        ``seq``).  The volumes touched are left for the index to pick up again."""
        ...

    def source_records(
        self, *, volume_id: str | None = None, document_id: str | None = None
    ) -> list[SourceRecord]:
        """The single-document sources kept (for one volume's or one document's ids, when given)."""
        ...

    def source_digests(self) -> set[str]:
        """The sha256 of every single-document source kept (to skip unchanged files)."""
        ...

    def documents_numbered(self, n: str) -> list[str]:
        """Ids of the documents whose printed number is ``n`` (candidates for a copy of one)."""
        ...

    def mark_indexed(self, volume_id: str, index_name: str) -> None:
        """Record that the full-text index ``index_name`` holds the volume as stored now."""
        ...

    def unindexed_volumes(self, index_name: str) -> list[str]:
        """Volumes whose stored content the index ``index_name`` does not hold yet."""
        ...

    def get_volume(self, volume_id: str) -> Volume:
        """The volume with that id; raises :class:`memcon.errors.NotFound`."""
        ...

    def get_document(self, doc_id: str) -> Document:
        """The document with that id (``frus1919Parisv01/d337``); raises ``NotFound``."""
        ...

    def iter_documents(self, *, volume_id: str | None = None) -> Iterator[Document]:
        """Every document (of one volume, when given), in volume order."""
        ...

    def neighbours(self, doc_id: str) -> tuple[str | None, str | None]:
        """The ids of the previous and next documents in the same volume."""
        ...

    def volumes(self) -> list[VolumeSummary]:
        """A summary of every volume, ordered by id."""
        ...

    def stats(self) -> StoreStats:
        """Counts of what the store holds."""
        ...

    # -- the person authority (docs/authority.md) ------------------------------------------------

    def replace_authority(self, persons: Iterable[Person], *, source: str, version: str) -> int:
        """Replace the whole person authority with ``persons`` in one transaction (a rebuild
        replaces the previous one; if iterating raises, nothing changes); record ``source``
        (the folder loaded) and ``version`` (the merging algorithm); return the count written."""
        ...

    def get_person(self, person_id: str) -> Person:
        """The person with that memcon id, equal to the one written; raises ``NotFound``."""
        ...

    def find_persons(self, name: str, *, limit: int = 20) -> list[Person]:
        """Persons whose surname or any name variant is ``name`` (accents and case ignored;
        close spellings when nothing matches exactly), best attested first."""
        ...

    def persons_with_key(self, key: str) -> list[Person]:
        """The persons holding a source key (``frus1961-63v05#p_KNS1``, ``pocom:rusk-david-dean``)."""
        ...

    def iter_persons(self) -> Iterator[Person]:
        """Every person of the authority, by id."""
        ...

    def replace_mentions(
        self, volume_id: str, mentions: Iterable[tuple[str, Sequence[Mention]]], *, method: str
    ) -> int:
        """Replace the mentions of persons in a volume's documents (``(document id, mentions)``
        pairs) in one transaction, and mark the volume linked with ``method`` against the
        authority held now.  Returns how many mentions were written."""
        ...

    def mentions(self, document_id: str) -> tuple[Mention, ...]:
        """The mentions of persons in a document (its text and footnotes), in order."""
        ...

    def unlinked_volumes(self, method: str) -> list[str]:
        """Volumes whose mentions are missing or were made by another method (replacing a volume
        makes them missing; so does :meth:`reset_mention_state`)."""
        ...

    def replace_attestations(self, volume_id: str, attestations: Iterable[Attestation]) -> int:
        """Replace the offices a volume's documents attest (:mod:`memcon.enrich.attestations`),
        in one transaction; returns the count."""
        ...

    def attestations(self, office: str | None = None) -> list[Attestation]:
        """The offices the stored documents attest (of the comparable office key ``office``,
        when given), by office, government and date."""
        ...

    def replace_meetings(self, volume_id: str, meetings: Iterable[Meeting]) -> int:
        """Replace the meetings recorded in a volume's documents, in one transaction; returns the count."""
        ...

    def meetings(
        self, *, person_id: str | None = None, date_from: str | None = None, date_to: str | None = None
    ) -> list[Meeting]:
        """Meetings (attended by ``person_id``, when given; within the ISO day bounds), oldest first."""
        ...

    def meeting_of(self, document_id: str) -> Meeting | None:
        """The meeting a document is a record of, or ``None``."""
        ...

    def replace_statements(self, volume_id: str, statements: Iterable[tuple[str, Sequence[Statement]]]) -> int:
        """Replace the statements of a volume's documents (``(document id, statements)`` pairs) in
        one transaction; returns the count."""
        ...

    def statements(self, document_id: str) -> tuple[Statement, ...]:
        """The statements of a document, in order."""
        ...

    def statements_by(
        self, *, speaker_id: str | None = None, addressee_id: str | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int | None = None, topic: str | None = None,
    ) -> list[tuple[str, Statement]]:
        """``(document id, statement)`` pairs by a speaker (to an addressee; within ISO day bounds of
        their documents' dates; tagged with the topic whose key is ``topic``), oldest first, each
        with its ``topics``."""
        ...

    def topic_key(self, words: str) -> str | None:
        """The key of a stored statement topic whose key is ``words``, else whose label is ``words``
        in any case (``"ICC, International Control Commission"`` → ``term:icc``); ``None`` when no
        statement has it."""
        ...

    def reset_mention_state(self) -> None:
        """Mark every volume's mentions out of date: the authority's data changed (a rebuild
        that only adds new volumes' persons lists leaves the others' mentions standing)."""
        ...

    def documents_mentioning(self, person_id: str, *, limit: int | None = None) -> list[str]:
        """Ids of the documents that mention the person, oldest first."""
        ...

    def co_mentioned(self, person_id: str, *, limit: int = 10) -> list[tuple[str, int]]:
        """The persons most often mentioned in the same documents as ``person_id``, with the
        number of documents."""
        ...

    def document_briefs(self, ids: Collection[str]) -> dict[str, DocumentBrief]:
        """The brief lines of the documents ``ids`` that are stored (others are left out)."""
        ...

    def table_of_contents(self, volume_id: str) -> list[DocumentBrief]:
        """Every document of the volume, in volume order; raises :class:`NotFound`."""
        ...

    def referencing(self, document_id: str) -> list[tuple[DocumentBrief, str]]:
        """The documents whose references resolve to ``document_id``, with the reference's kind."""
        ...

    def person_names(self, ids: Collection[str]) -> dict[str, str]:
        """Preferred names of the persons ``ids`` the authority holds."""
        ...

    def persons_by_keys(self, keys: Collection[str]) -> dict[str, str]:
        """Source key → memcon person id, for the keys the authority holds."""
        ...

    def facet_rows(self) -> list[FacetRow]:
        """Every document's volume, type, place and mentioned persons (what facets count)."""
        ...

    def authority_source(self) -> str | None:
        """The folder the stored authority was last built from (rebuilt from there when new
        volumes bring their lists of persons), or ``None``."""
        ...

    def authority_version(self) -> str | None:
        """The algorithm that built the stored authority (``memcon.authority.v1``), or ``None``."""
        ...

    def close(self) -> None:
        """Release connections.  Safe to call twice."""
        ...
