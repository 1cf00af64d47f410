"""The full-text index contract, independent of the engine behind it.

memcon's query syntax (:mod:`memcon.search.query`) is parsed once into a
:class:`~memcon.search.query.Node` tree; each engine compiles that tree into
its own query language, so the syntax and its meaning are the same whatever
the engine.  The index is derived data: the store is the record of truth and
``memcon reindex`` rebuilds the index from it.

DOCS: docs/search.md
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from memcon.model.records import Document

if TYPE_CHECKING:
    from memcon.search.query import Node


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Filters applied with the query: inclusive ISO date bounds, volume and type lists."""

    date_from: str | None = None
    date_to: str | None = None
    volumes: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    documents: frozenset[str] | None = None
    """Only these documents (``None``: no such filter) — e.g. those naming a person."""


@dataclass(frozen=True, slots=True)
class Snippet:
    """The passage around the query's first match; ``highlights`` are (start, end) in ``text``: the words
    of the matches inside the passage (docs/search.md#ranking-snippets-and-pages)."""

    text: str
    highlights: tuple[tuple[int, int], ...]
    offset: int | None = None
    """Where the snippet starts in ``Document.text`` (``None`` if it comes from a footnote)."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked result."""

    doc_id: str
    volume_id: str
    heading: str
    date: str | None
    doc_type: str
    score: float
    snippet: Snippet | None
    page: str | None
    """The printed page on which the query's first match begins (of its anchor, for a footnote)."""


@dataclass(frozen=True, slots=True)
class SearchResults:
    """A page of ranked results and the total count of matching documents."""

    query: str
    total: int
    hits: tuple[Hit, ...]
    engine: str
    offset: int = 0
    limit: int = 10


@dataclass(frozen=True, slots=True)
class Matching:
    """Every document matching a query and filters, unranked: ids and date bounds as numbers
    ``YYYYMMDD`` (0: undated), in one order — what facet counts are made of."""

    doc_ids: tuple[str, ...]
    date_min: tuple[int, ...]
    date_max: tuple[int, ...]


class FullTextIndex(Protocol):
    """A full-text index over documents' heading, text and footnotes."""

    name: str
    """Engine name and version, stored with what it produces (``"memcon.tantivy.v1"``)."""

    def add(self, documents: Iterable[Document]) -> int:
        """Queue documents for indexing (replacing any with the same id); return the count."""
        ...

    def delete_volume(self, volume_id: str) -> None:
        """Queue the removal of every document of a volume."""
        ...

    def commit(self) -> None:
        """Make queued changes durable and visible to searches."""
        ...

    def rollback(self) -> None:
        """Drop queued changes."""
        ...

    def search(
        self, query: Node, *, filters: SearchFilters | None = None, limit: int = 10, offset: int = 0, query_text: str = ""
    ) -> SearchResults:
        """Ranked documents matching ``query`` and ``filters``."""
        ...

    def matching(self, query: Node, *, filters: SearchFilters | None = None) -> Matching:
        """Every document matching ``query`` and ``filters`` (ids and dates only; no ranking)."""
        ...

    def count(self) -> int:
        """How many documents the index holds."""
        ...

    def close(self) -> None:
        """Release files and writers.  Safe to call twice."""
        ...
