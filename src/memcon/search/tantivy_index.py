"""The full-text index on tantivy: :class:`TantivyIndex`, engine ``memcon.tantivy.v1``.

The index is derived data in a folder beside the SQLite store
(``memcon.db.index/``); ``memcon reindex`` rebuilds it.  It holds what a hit
needs (heading, date, type, stored text for the snippet, the page map), so a
search never touches the store.  A marker file ``memcon-index.json`` names the
engine, schema and analyzer versions; an index written by another version is
reported as :class:`~memcon.errors.IndexOutOfStep` rather than misread.

One writer per index (tantivy holds a lock file); it is opened lazily on the
first ``add``/``delete_volume``, so searching never takes the lock.  Readers
see the latest commit, of this process or another, at every search.

>>> idx = open_index(tmp / "memcon.db.index")            # doctest: +SKIP
>>> idx.add(documents); idx.commit()                       # doctest: +SKIP
>>> search(idx, '"Council of Ten" Wilson', limit=5)      # doctest: +SKIP

DOCS: docs/search.md#the-index
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Self

import tantivy

from memcon.errors import IndexOutOfStep, InvalidValue, SearchError
from memcon.model.dates import date_bound
from memcon.model.records import Document
from memcon.search._compile import Compiled, compile_query
from memcon.search._schema import (
    ANALYZER,
    ANALYZER_VERSION,
    SCHEMA_VERSION,
    build_analyzer,
    build_schema,
    from_tantivy,
    to_tantivy,
)
from memcon.search._snippets import SnippetMaker
from memcon.search.base import Hit, Matching, SearchFilters, SearchResults
from memcon.search.query import Node, format_query

ENGINE = "memcon.tantivy.v1"
VERSION = "1"
MARKER = "memcon-index.json"
HEAP_BYTES = 50_000_000
"""Indexing memory budget of the writer (split between its threads): tantivy flushes a segment when
it is used up, so it bounds the memory an ingest holds whatever the number of volumes."""
THREADS = 1
"""Indexing threads of the writer.  One: during ingest the reader process takes the other
core of a two-core machine, and a second indexing thread cost ~15 % more CPU for the same
work (shared corpus: 1.17–1.29 s against 1.32–1.36 s CPU) without making ingest faster."""
MAX_LIMIT = 1000
_REINDEX = "rebuild it from the store with `memcon reindex`"
_IDS: dict[tuple[str, int, int, int], dict[tuple[int, int], str]] = {}
"""Per index folder and generation: document address → id (shared by every open instance)."""
_IDS_LOCK = threading.Lock()


def _threads() -> int:
    return max(1, min(THREADS, os.cpu_count() or 1))


def index_signature() -> dict[str, object]:
    """What the marker file of an index written by this memcon holds (engine, schema, analyzer)."""
    return {"engine": ENGINE, "schema": SCHEMA_VERSION, "analyzer": f"{ANALYZER}.v{ANALYZER_VERSION}"}


class TantivyIndex:
    """A :class:`~memcon.search.base.FullTextIndex` on tantivy.  Open with :func:`open_index`."""

    name = ENGINE

    def __init__(self, path: Path, index: tantivy.Index, *, heap_bytes: int, num_threads: int) -> None:
        self.path = path
        self._index = index
        self._schema = index.schema
        self._analyzer = build_analyzer()
        self._heap_bytes = heap_bytes
        self._num_threads = num_threads
        self._writer: tantivy.IndexWriter | None = None
        self._closed = False

    # -- writing ---------------------------------------------------------------------------

    def _get_writer(self) -> tantivy.IndexWriter:
        if self._closed:
            raise SearchError(f"{self.path}: the index is closed")
        if self._writer is None:
            try:
                self._writer = self._index.writer(self._heap_bytes, self._num_threads)
            except ValueError as exc:
                if "LockBusy" in str(exc):
                    raise SearchError(
                        f"{self.path}: another memcon process is writing to this index",
                        hint="wait for it to finish (ingest or reindex), then try again",
                    ) from exc
                raise SearchError(f"{self.path}: cannot open the index for writing: {exc}") from exc
        return self._writer

    def add(self, documents: Iterable[Document]) -> int:
        """Queue ``documents`` (replacing any with the same id); return how many were queued."""
        writer = self._get_writer()
        count = 0
        try:
            for document in documents:
                writer.delete_documents_by_term("doc_id", document.id)
                writer.add_document(to_tantivy(document, self._schema))
                count += 1
        except ValueError as exc:
            raise SearchError(f"{self.path}: cannot index a document: {exc}") from exc
        return count

    def delete_volume(self, volume_id: str) -> None:
        """Queue the removal of every document of ``volume_id``."""
        writer = self._get_writer()
        try:
            writer.delete_documents_by_term("volume_id", volume_id)
        except ValueError as exc:
            raise SearchError(f"{self.path}: cannot delete volume {volume_id}: {exc}") from exc

    def commit(self) -> None:
        """Make queued changes durable and visible to searches."""
        if self._writer is None:
            return
        try:
            self._writer.commit()
            self._index.reload()
        except ValueError as exc:
            raise SearchError(f"{self.path}: commit failed: {exc}", hint=_REINDEX) from exc

    def rollback(self) -> None:
        """Drop queued changes (back to the last commit)."""
        if self._writer is not None:
            try:
                self._writer.rollback()
            except ValueError as exc:
                raise SearchError(f"{self.path}: rollback failed: {exc}") from exc

    # -- reading ---------------------------------------------------------------------------

    def _searcher(self) -> tantivy.Searcher:
        """A searcher on the latest commit, including other processes' (a reload costs ~30 µs)."""
        if self._closed:
            raise SearchError(f"{self.path}: the index is closed")
        self._index.reload()
        return self._index.searcher()

    @property
    def schema(self) -> tantivy.Schema:
        """The index's tantivy schema (for code that builds tantivy queries of its own)."""
        return self._schema

    @property
    def analyzer(self) -> tantivy.TextAnalyzer:
        """The analyzer the text fields were indexed with."""
        return self._analyzer

    def searcher(self) -> tantivy.Searcher:
        """A tantivy searcher on the latest commit."""
        return self._searcher()

    def count(self) -> int:
        """How many documents the index holds (committed)."""
        return int(self._searcher().num_docs)

    def _query(
        self, query: Node, clauses: list[tuple[tantivy.Occur, tantivy.Query]], searcher: tantivy.Searcher
    ) -> tuple[Compiled, tantivy.Query]:
        """The compiled query and the tantivy query that also applies the filter ``clauses``."""
        compiled = compile_query(query, self._schema, self._analyzer, searcher=searcher)
        if not clauses:
            return compiled, compiled.query
        return compiled, tantivy.Query.boolean_query([(tantivy.Occur.Must, compiled.query), *clauses])

    def matching(self, query: Node, *, filters: SearchFilters | None = None) -> Matching:
        """Every document matching ``query`` and ``filters``: ids and date bounds from the index's
        fast fields, no stored text read (the facets of a search are counted over these)."""
        clauses = self._filter_clauses(filters) if filters is not None else []
        try:
            searcher = self._searcher()
            _, full = self._query(query, clauses, searcher)
            result = searcher.search(full, limit=max(1, int(searcher.num_docs)), count=False)
            addresses = [address for _, address in result.hits]
            ids = self._ids_by_address(searcher)
            lows = searcher.fast_field_values("date_min", addresses) if addresses else []
            highs = searcher.fast_field_values("date_max", addresses) if addresses else []
        except ValueError as exc:
            raise SearchError(f"{self.path}: search failed: {exc}", hint=_REINDEX) from exc
        return Matching(
            tuple(ids[(a.segment_ord, a.doc)] for a in addresses),
            tuple(int(v or 0) for v in lows),
            tuple(int(v or 0) for v in highs),
        )

    def _ids_by_address(self, searcher: tantivy.Searcher) -> dict[tuple[int, int], str]:
        """Document address → id for this generation of the index, read once per generation."""
        meta = self.path / "meta.json"
        stamp = meta.stat().st_mtime_ns if meta.exists() else 0
        key = (str(self.path.resolve()), stamp, int(searcher.num_docs), int(searcher.num_segments))
        with _IDS_LOCK:
            found = _IDS.get(key)
            if found is None:
                every = searcher.search(tantivy.Query.all_query(), limit=max(1, int(searcher.num_docs)), count=False)
                found = {(a.segment_ord, a.doc): str(searcher.doc(a)["doc_id"][0]) for _, a in every.hits}
                for stale in [k for k in _IDS if k[0] == key[0]]:
                    del _IDS[stale]
                _IDS[key] = found
            return found

    def _filter_clauses(self, filters: SearchFilters) -> list[tuple[tantivy.Occur, tantivy.Query]]:
        clauses: list[tantivy.Query] = []
        schema = self._schema
        if filters.volumes:
            clauses.append(tantivy.Query.term_set_query(schema, "volume_id", list(filters.volumes)))
        if filters.doc_types:
            clauses.append(tantivy.Query.term_set_query(schema, "doc_type", list(filters.doc_types)))
        if filters.documents is not None:
            # an empty set matches nothing: a term no document id can be
            clauses.append(tantivy.Query.term_set_query(schema, "doc_id", sorted(filters.documents) or [" "]))
        for bound, field, end in (
            (filters.date_from, "date_max", False),
            (filters.date_to, "date_min", True),
        ):
            if bound is None:
                continue
            try:  # a filter is what a user typed: strict, unlike a document's date, which widens
                day = int(date_bound(bound, end=end).replace("-", ""))
            except InvalidValue as exc:
                raise SearchError(
                    f"date filter {bound!r} is not an ISO date", hint="write 1919, 1919-06 or 1919-06-28"
                ) from exc
            lower, upper = (day, None) if not end else (None, day)
            clauses.append(tantivy.Query.range_query(schema, field, tantivy.FieldType.Integer, lower, upper))
        return [(tantivy.Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in clauses]

    def search(
        self,
        query: Node,
        *,
        filters: SearchFilters | None = None,
        limit: int = 10,
        offset: int = 0,
        query_text: str = "",
    ) -> SearchResults:
        """Documents matching ``query`` and ``filters``, ranked by BM25, ``limit`` from ``offset``.

        ``total`` is the exact number of matching documents.  A date filter keeps
        documents whose date range overlaps the filter's and drops undated ones.
        """
        if not 0 <= limit <= MAX_LIMIT or offset < 0:
            raise SearchError(f"limit must be 0 to {MAX_LIMIT} and offset >= 0 (got {limit}, {offset})")
        clauses = self._filter_clauses(filters) if filters is not None else []
        try:
            searcher = self._searcher()
            compiled, full = self._query(query, clauses, searcher)
            result = searcher.search(full, limit=max(limit, 1), count=True, offset=offset)
            maker = SnippetMaker(searcher, self._schema, self._analyzer, query, compiled)
            scored = [
                (float(score), from_tantivy(searcher.doc(address))) for score, address in result.hits[:limit]
            ]
            hits = [
                Hit(
                    doc_id=stored.doc_id,
                    volume_id=stored.volume_id,
                    heading=stored.heading,
                    date=stored.date,
                    doc_type=stored.doc_type,
                    score=score,
                    snippet=snippet,
                    page=page,
                )
                for (score, stored), (snippet, page) in zip(
                    scored, maker.make_all([stored for _, stored in scored]), strict=True
                )
            ]
        except ValueError as exc:
            raise SearchError(f"{self.path}: search failed: {exc}", hint=_REINDEX) from exc
        return SearchResults(
            query=query_text or format_query(query),
            total=int(getattr(result, "count", 0) or 0),
            hits=tuple(hits),
            engine=ENGINE,
            offset=offset,
            limit=limit,
        )

    # -- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        """Drop uncommitted changes, release the writer lock.  Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        writer, self._writer = self._writer, None
        if writer is not None:
            try:
                writer.rollback()
                writer.wait_merging_threads()
            except ValueError:  # pragma: no cover - nothing left to save
                pass

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"TantivyIndex({str(self.path)!r})"


def open_index(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    heap_bytes: int = HEAP_BYTES,
    num_threads: int | None = None,
) -> TantivyIndex:
    """Open the index in folder ``path``, creating it if missing and ``create``.

    Raises :class:`~memcon.errors.IndexOutOfStep` if it is missing (``create=False``),
    was written by another engine or schema version, or cannot be read.

    DOCS: docs/search.md#the-index
    """
    folder = Path(path)
    marker = folder / MARKER
    exists = (folder / "meta.json").exists()
    if not exists and not create:
        raise IndexOutOfStep(f"{folder}: no full-text index here", hint="run `memcon reindex` to build it")
    if exists:
        try:
            found = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexOutOfStep(
                f"{folder}: not a memcon index (no readable {MARKER})", hint=_REINDEX
            ) from exc
        if found != index_signature():
            raise IndexOutOfStep(
                f"{folder}: index written by {found.get('engine')} schema {found.get('schema')}, "
                f"this memcon uses {ENGINE} schema {SCHEMA_VERSION}",
                hint=_REINDEX,
            )
    elif folder.exists() and any(p.name != MARKER for p in folder.iterdir()):
        raise IndexOutOfStep(
            f"{folder}: folder holds files but no index", hint="remove it, then run `memcon reindex`"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(build_schema(), path=str(folder), reuse=True)
        index.register_tokenizer(ANALYZER, build_analyzer())
        index.config_reader("manual")
        if not exists:
            marker.write_text(json.dumps(index_signature()), encoding="utf-8")
    except (ValueError, OSError) as exc:
        raise IndexOutOfStep(f"{folder}: cannot open the full-text index: {exc}", hint=_REINDEX) from exc
    return TantivyIndex(folder, index, heap_bytes=heap_bytes, num_threads=num_threads or _threads())
