"""The person authority, mentions and meetings of :class:`memcon.store.sqlite.SQLiteStore`
(a mixin split from :mod:`memcon.store.sqlite` to keep modules short; the SQL is in
``_authority.py``, ``_mentions.py`` and ``_meetings.py``).

DOCS: docs/database.md
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime

from memcon.model.people import Attestation, Mention, Person
from memcon.model.speech import Meeting, Statement
from memcon.store import _attestations, _authority, _meetings, _mentions, _statements


def _utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class PeopleTables:
    """What :class:`~memcon.store.sqlite.SQLiteStore` stores about people; it needs the store's
    ``_sql(action)`` connection context and its ``_location``."""

    _location: str

    def _sql(self, action: str) -> AbstractContextManager[sqlite3.Connection]:  # pragma: no cover - the store's
        raise NotImplementedError

    @contextmanager
    def _transaction(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE`` … ``COMMIT``), rolled back on any error."""
        with self._sql(action) as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    # -- the person authority (SQL in store/_authority.py) ------------------------------------

    def replace_authority(self, persons: Iterable[Person], *, source: str, version: str) -> int:
        """Replace the person authority in one transaction; see :meth:`memcon.store.base.Store.replace_authority`."""
        with self._sql("writing the person authority") as conn:
            return _authority.replace_authority(conn, persons, source=source, version=version)

    def get_person(self, person_id: str) -> Person:
        """The person with that memcon id; raises :class:`NotFound`."""
        with self._sql(f"reading person {person_id!r}") as conn:
            return _authority.get_person(conn, person_id, location=self._location)

    def find_persons(self, name: str, *, limit: int = 20) -> list[Person]:
        """Persons named ``name``; see :meth:`memcon.store.base.Store.find_persons`."""
        with self._sql("finding persons") as conn:
            return _authority.find_persons(conn, name, limit=limit)

    def persons_with_key(self, key: str) -> list[Person]:
        """The persons holding a source key."""
        with self._sql("finding persons by key") as conn:
            return _authority.persons_with_key(conn, key)

    def iter_persons(self) -> Iterator[Person]:
        """Every person, by id (read in one go under the lock, then yielded)."""
        with self._sql("reading the person authority") as conn:
            persons = list(_authority.iter_persons(conn))
        return iter(persons)

    # -- mentions ------------------------------------------------------------------------------

    def replace_mentions(
        self, volume_id: str, mentions: Iterable[tuple[str, Sequence[Mention]]], *, method: str
    ) -> int:
        """Replace the mentions of a volume's documents in one transaction and mark the volume
        linked with ``method`` against the authority stored now; returns how many were written."""
        with self._transaction(f"writing the mentions of {volume_id!r}") as conn:
            return _mentions.replace(conn, volume_id, mentions, method=method, at=_utcnow())

    def replace_attestations(self, volume_id: str, attestations: Iterable[Attestation]) -> int:
        """Replace the offices a volume's documents attest, in one transaction; returns the count."""
        with self._transaction(f"writing the attestations of {volume_id!r}") as conn:
            return _attestations.replace(conn, volume_id, attestations)

    def attestations(self, office: str | None = None) -> list[Attestation]:
        """The offices the stored documents attest (of the comparable office key ``office``)."""
        with self._sql("reading the attestations") as conn:
            return list(_attestations.select(conn, office))

    def replace_meetings(self, volume_id: str, meetings: Iterable[Meeting]) -> int:
        """Replace the meetings recorded in a volume, in one transaction; returns the count."""
        with self._transaction(f"writing the meetings of {volume_id!r}") as conn:
            return _meetings.replace(conn, volume_id, meetings)

    def meetings(
        self, *, person_id: str | None = None, date_from: str | None = None, date_to: str | None = None
    ) -> list[Meeting]:
        """Meetings (attended by ``person_id``, when given; within the ISO day bounds), oldest first."""
        with self._sql("reading meetings") as conn:
            return _meetings.with_person(conn, person_id, date_from=date_from, date_to=date_to)

    def meeting_of(self, document_id: str) -> Meeting | None:
        """The meeting a document is a record of, or ``None``."""
        with self._sql("reading a meeting") as conn:
            return _meetings.for_document(conn, document_id)

    def reset_mention_state(self) -> None:
        """Mark every volume's mentions out of date (the authority's data changed)."""
        with self._sql("resetting the mention state") as conn:
            _mentions.reset(conn)

    def mentions(self, document_id: str) -> tuple[Mention, ...]:
        """The mentions of persons in a document (its text and footnotes), in order."""
        with self._sql(f"reading the mentions of {document_id!r}") as conn:
            return _mentions.for_document(conn, document_id)

    def unlinked_volumes(self, method: str) -> list[str]:
        """Volumes whose mentions are missing, or were made by another method or authority."""
        with self._sql("reading the mention state") as conn:
            return _mentions.unlinked(conn, method)

    def documents_mentioning(self, person_id: str, *, limit: int | None = None) -> list[str]:
        """Ids of the documents that mention the person, oldest first."""
        with self._sql("finding the documents of a person") as conn:
            return _mentions.documents_mentioning(conn, person_id, limit)

    def co_mentioned(self, person_id: str, *, limit: int = 10) -> list[tuple[str, int]]:
        """The persons most often mentioned in the same documents, with how many documents."""
        with self._sql("finding the companions of a person") as conn:
            return _mentions.co_mentioned(conn, person_id, limit)

    def authority_source(self) -> str | None:
        """The folder the stored authority was last built from, or ``None``."""
        with self._sql("reading the authority source") as conn:
            return _authority.authority_source(conn)

    def authority_version(self) -> str | None:
        """The algorithm that built the stored authority, or ``None``."""
        with self._sql("reading the authority version") as conn:
            return _authority.authority_version(conn)

    # -- statements ------------------------------------------------------------------------------

    def replace_statements(self, volume_id: str, statements: Iterable[tuple[str, Sequence[Statement]]]) -> int:
        """Replace the statements of a volume's documents in one transaction; returns the count."""
        with self._transaction(f"writing the statements of {volume_id!r}") as conn:
            return _statements.replace(conn, volume_id, statements)

    def statements(self, document_id: str) -> tuple[Statement, ...]:
        """The statements of a document, in order."""
        with self._sql(f"reading the statements of {document_id!r}") as conn:
            return _statements.for_document(conn, document_id)

    def statements_by(
        self, *, speaker_id: str | None = None, addressee_id: str | None = None, date_from: str | None = None,
        date_to: str | None = None, limit: int | None = None, topic: str | None = None,
    ) -> list[tuple[str, Statement]]:
        """``(document id, statement)`` by a speaker (to an addressee, within ISO day bounds, tagged
        with the topic key ``topic``), oldest first."""
        with self._sql("finding statements") as conn:
            return _statements.select(conn, speaker_id=speaker_id, addressee_id=addressee_id, date_from=date_from,
                                      date_to=date_to, limit=limit, topic=topic)

    def topic_key(self, words: str) -> str | None:
        """The key of a stored statement topic whose key is ``words`` or whose label is ``words``
        (any case), or ``None``."""
        with self._sql("finding a topic") as conn:
            return _statements.topic_key(conn, words)

