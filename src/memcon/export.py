"""Bulk export for analysis in pandas, R or DuckDB: :func:`export` writes JSON Lines, CSV or Parquet.

One flat, documented schema per kind of row (:data:`SCHEMAS`; docs/export.md lists every column):

* ``documents`` — one row per document (its text, date bounds, pages, footnotes …);
* ``persons`` — one row per person of the authority (names, roles, source keys);
* ``mentions`` — one row per mention of a person in a document, with its printed page;
* ``statements`` — one row per statement (who said what), with its words and printed page;
* ``meetings`` — one row per meeting (date, place, records, attendees).

Rows are streamed from the store (never all in memory: Parquet is written in record batches of
``batch_size`` rows) and the file is written atomically (a temporary file beside it, renamed when
complete), so an interrupted export leaves no half-written file.  List columns are lists in
JSON Lines and Parquet (``list<string>``) and JSON arrays (as text) in CSV.

The same filters as ``memcon search`` choose the documents (a query through the full-text index,
dates, volumes, types); mentions, statements and meetings are those of the chosen documents,
persons those they mention.  ``--what datasette`` is :mod:`memcon.store.datasette_metadata`.

>>> with open_workspace("memcon.db", create=False) as ws:                       # doctest: +SKIP
...     export(ws, what="statements", format="parquet", output="statements.parquet")

DOCS: docs/export.md
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from memcon.errors import InvalidValue
from memcon.model.dates import day_bound, iso_display
from memcon.model.records import DocDate, Document
from memcon.search.base import SearchFilters

if TYPE_CHECKING:
    from memcon.store.base import Store
    from memcon.workspace import Workspace

FORMATS = ("jsonl", "csv", "parquet")
KINDS = ("documents", "persons", "mentions", "statements", "meetings")
BATCH_SIZE = 1000
"""Rows per Parquet record batch (and per write of the other formats)."""

Column = tuple[str, str]
"""(name, type): ``str``, ``int``, ``float``, ``bool`` or ``list`` (of strings)."""

SCHEMAS: dict[str, tuple[Column, ...]] = {
    "documents": (
        ("id", "str"), ("volume_id", "str"), ("seq", "int"), ("n", "str"), ("heading", "str"),
        ("doc_type", "str"), ("date", "str"), ("date_text", "str"), ("date_min", "str"), ("date_max", "str"),
        ("place", "str"), ("subject", "str"), ("language", "str"), ("chapter", "list"), ("pages", "list"),
        ("first_page", "str"), ("last_page", "str"), ("source_note", "str"), ("footnotes", "list"),
        ("authors", "list"), ("archive", "str"), ("url", "str"), ("text", "str"),
    ),
    "persons": (
        ("id", "str"), ("name", "str"), ("birth", "str"), ("death", "str"), ("names", "list"),
        ("roles", "list"), ("keys", "list"), ("remarks", "list"),
    ),
    "mentions": (
        ("document_id", "str"), ("idx", "int"), ("page", "str"), ("footnote", "int"), ("start", "int"),
        ("end", "int"), ("text", "str"), ("kind", "str"), ("person_id", "str"), ("person_name", "str"),
        ("confidence", "float"), ("method", "str"), ("reason", "str"),
    ),
    "statements": (
        ("document_id", "str"), ("idx", "int"), ("date", "str"), ("page", "str"), ("start", "int"),
        ("end", "int"), ("kind", "str"), ("speaker_text", "str"), ("speaker_id", "str"), ("speaker_name", "str"),
        ("verb", "str"), ("addressee_text", "str"), ("addressee_id", "str"), ("addressee_name", "str"),
        ("confidence", "float"), ("method", "str"), ("reason", "str"), ("topics", "list"), ("topic_keys", "list"),
        ("text", "str"),
    ),
    "meetings": (
        ("id", "str"), ("date", "str"), ("date_text", "str"), ("date_min", "str"), ("date_max", "str"),
        ("place", "str"), ("documents", "list"), ("attendees", "list"), ("attendee_ids", "list"),
        ("sides", "list"), ("duration_minutes", "int"), ("record_type", "str"), ("drafters", "list"),
        ("method", "str"),
    ),
}

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ExportReport:
    """What :func:`export` wrote."""

    what: str
    format: str
    rows: int
    columns: tuple[str, ...]
    path: str | None
    """The file written, or ``None`` for standard output."""


def export(
    workspace: Workspace,
    *,
    what: str = "documents",
    format: str = "jsonl",
    output: str | os.PathLike[str] | None = None,
    query: str | None = None,
    filters: SearchFilters | None = None,
    batch_size: int = BATCH_SIZE,
) -> ExportReport:
    """Write the rows of ``what`` (one of :data:`KINDS`) in ``format`` (one of :data:`FORMATS`) to
    ``output`` (a path; ``None`` or ``"-"``: standard output, not for Parquet), for the documents
    matching ``query`` (memcon's search syntax) and ``filters`` (all documents when neither).

    Raises :class:`~memcon.errors.InvalidValue` for an unknown kind or format, and
    :class:`~memcon.errors.QuerySyntaxError` for a malformed query.

    DOCS: docs/export.md
    """
    if what not in SCHEMAS:
        raise InvalidValue(f"cannot export {what!r}", hint=f"--what is one of {', '.join(KINDS)} (or datasette)")
    if format not in FORMATS:
        raise InvalidValue(f"unknown export format {format!r}", hint=f"--format is one of {', '.join(FORMATS)}")
    to_stdout = output is None or str(output) == "-"
    if format == "parquet" and to_stdout:
        raise InvalidValue("Parquet is written to a file, not to standard output", hint="give --output FILE")
    if batch_size < 1:
        raise InvalidValue(f"batch size must be at least 1 (got {batch_size})")
    chosen = _chosen_documents(workspace, query, filters)
    rows = ROWS[what](workspace.store, chosen)
    schema = SCHEMAS[what]
    writer = WRITERS[format]
    if to_stdout:
        count = writer(rows, schema, sys.stdout.buffer, batch_size)
        sys.stdout.flush()
        return ExportReport(what, format, count, tuple(c for c, _ in schema), None)
    path = Path(output)  # type: ignore[arg-type]
    with _atomic(path) as fh:
        count = writer(rows, schema, fh, batch_size)
    return ExportReport(what, format, count, tuple(c for c, _ in schema), str(path))


@contextlib.contextmanager
def _atomic(path: Path) -> Iterator[IO[bytes]]:
    """A binary file that becomes ``path`` only once written to the end."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp's 0600 is no mode for a data file
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# -- which documents -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Chosen:
    """The documents chosen: ``ids`` (``None``: every document) within ``volumes`` (empty: all)."""

    ids: frozenset[str] | None
    volumes: tuple[str, ...]
    filters: SearchFilters | None

    def documents(self, store: Store) -> Iterator[Document]:
        """The chosen documents, in volume order, streamed."""
        volumes = self.volumes or tuple(v.id for v in store.volumes())
        if self.ids is not None:
            volumes = tuple(v for v in volumes if any(i.startswith(v + "/") for i in self.ids))
        for volume in volumes:
            for document in store.iter_documents(volume_id=volume):
                if self.ids is not None and document.id not in self.ids:
                    continue
                if self.filters is not None and not _passes(document, self.filters):
                    continue
                yield document

    @property
    def everything(self) -> bool:
        return self.ids is None and not self.volumes and (self.filters is None or self.filters == SearchFilters())


def _chosen_documents(workspace: Workspace, query: str | None, filters: SearchFilters | None) -> _Chosen:
    if not query:
        return _Chosen(None, tuple(filters.volumes) if filters else (), filters)
    from memcon.search import search
    from memcon.search.tantivy_index import MAX_LIMIT

    ids: set[str] = set()
    offset = 0
    while True:
        page = search(workspace.index, query, filters=filters, limit=MAX_LIMIT, offset=offset)
        ids.update(hit.doc_id for hit in page.hits)
        offset += len(page.hits)
        if not page.hits or offset >= page.total:
            break
    return _Chosen(frozenset(ids), tuple(filters.volumes) if filters else (), None)


def _passes(document: Document, filters: SearchFilters) -> bool:
    """``document`` meets the filters as the index applies them (a date filter drops undated ones)."""
    if filters.volumes and document.volume_id not in filters.volumes:
        return False
    if filters.doc_types and document.doc_type not in filters.doc_types:
        return False
    if filters.documents is not None and document.id not in filters.documents:
        return False
    if filters.date_from or filters.date_to:
        low, high = _bounds(document.date)
        if low is None or high is None:
            return False
        if filters.date_from and high < filters.date_from:
            return False
        if filters.date_to and low > filters.date_to:
            return False
    return True


def _bounds(date: DocDate | None) -> tuple[str | None, str | None]:
    if date is None:
        return None, None
    return day_bound(date.sort_key), day_bound(date.sort_key_end, end=True)



# -- rows ------------------------------------------------------------------------------------


def _document_rows(store: Store, chosen: _Chosen) -> Iterator[Row]:
    for d in chosen.documents(store):
        low, high = _bounds(d.date)
        yield {
            "id": d.id, "volume_id": d.volume_id, "seq": d.seq, "n": d.n, "heading": d.heading,
            "doc_type": d.doc_type, "date": iso_display(d.date), "date_text": d.date.text if d.date else None,
            "date_min": low, "date_max": high, "place": d.place, "subject": d.subject, "language": d.language,
            "chapter": list(d.chapter), "pages": [p.n for p in d.pages], "first_page": d.first_page,
            "last_page": d.last_page, "source_note": d.source_note,
            "footnotes": [f"{f.n}. {f.text}" if f.n else f.text for f in d.footnotes],
            "authors": list(d.authors), "archive": d.archive, "url": d.url, "text": d.text,
        }


class _Names:
    """Person names by id, looked up once each."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._names: dict[str, str | None] = {}

    def __call__(self, person_id: str | None) -> str | None:
        if person_id is None:
            return None
        if person_id not in self._names:
            from memcon.errors import NotFound

            try:
                self._names[person_id] = self._store.get_person(person_id).name
            except NotFound:
                self._names[person_id] = None
        return self._names[person_id]


def _mention_rows(store: Store, chosen: _Chosen) -> Iterator[Row]:
    name = _Names(store)
    for d in chosen.documents(store):
        for i, m in enumerate(store.mentions(d.id)):
            at = d.footnotes[m.footnote].offset if m.footnote is not None and m.footnote < len(d.footnotes) else m.start
            yield {
                "document_id": d.id, "idx": i, "page": d.page_at(at), "footnote": m.footnote, "start": m.start,
                "end": m.end, "text": m.text, "kind": m.kind, "person_id": m.person_id,
                "person_name": name(m.person_id), "confidence": m.confidence, "method": m.method, "reason": m.reason,
            }


def _statement_rows(store: Store, chosen: _Chosen) -> Iterator[Row]:
    name = _Names(store)
    for d in chosen.documents(store):
        for i, s in enumerate(store.statements(d.id)):
            yield {
                "document_id": d.id, "idx": i, "date": iso_display(d.date), "page": d.page_at(s.start),
                "start": s.start, "end": s.end, "kind": s.kind, "speaker_text": s.speaker_text,
                "speaker_id": s.speaker_id, "speaker_name": name(s.speaker_id), "verb": s.verb,
                "addressee_text": s.addressee_text, "addressee_id": s.addressee_id,
                "addressee_name": name(s.addressee_id), "confidence": s.confidence, "method": s.method,
                "reason": s.reason, "topics": [t.label for t in s.topics], "topic_keys": [t.key for t in s.topics],
                "text": d.text[s.start:s.end],
            }


def _meeting_rows(store: Store, chosen: _Chosen) -> Iterator[Row]:
    keep: frozenset[str] | None = None
    if not chosen.everything:
        keep = frozenset(d.id for d in chosen.documents(store))
    for m in store.meetings():
        if keep is not None and not keep.intersection(m.documents):
            continue
        low, high = _bounds(m.date)
        yield {
            "id": m.id, "date": iso_display(m.date), "date_text": m.date.text if m.date else None,
            "date_min": low, "date_max": high, "place": m.place, "documents": list(m.documents),
            "attendees": [a.text for a in m.attendees], "attendee_ids": [a.person_id or "" for a in m.attendees],
            "sides": [a.side or "" for a in m.attendees], "duration_minutes": m.duration_minutes,
            "record_type": m.record_type, "drafters": list(m.drafters), "method": m.method,
        }


def _person_rows(store: Store, chosen: _Chosen) -> Iterator[Row]:
    keep: set[str] | None = None
    if not chosen.everything:
        keep = set()
        for d in chosen.documents(store):
            keep.update(m.person_id for m in store.mentions(d.id) if m.person_id)
    for p in store.iter_persons():
        if keep is not None and p.id not in keep:
            continue
        yield {
            "id": p.id, "name": p.name, "birth": p.birth, "death": p.death,
            "names": [n.name for n in p.names],
            "roles": [_role(r.title, r.organisation, r.start, r.end) for r in p.roles],
            "keys": list(p.keys), "remarks": list(p.remarks),
        }


def _role(title: str, organisation: str | None, start: str | None, end: str | None) -> str:
    where = f", {organisation}" if organisation and organisation not in title else ""
    return f"{title}{where} ({start or '?'} – {end or ''})".replace("– )", "–)")


ROWS: dict[str, Callable[[Store, _Chosen], Iterator[Row]]] = {
    "documents": _document_rows,
    "persons": _person_rows,
    "mentions": _mention_rows,
    "statements": _statement_rows,
    "meetings": _meeting_rows,
}


# -- writers ---------------------------------------------------------------------------------


def _write_jsonl(rows: Iterable[Row], schema: tuple[Column, ...], fh: IO[bytes], batch_size: int) -> int:
    count = 0
    out = io.TextIOWrapper(fh, encoding="utf-8", newline="\n", write_through=True)
    try:
        for row in rows:
            out.write(json.dumps({c: row[c] for c, _ in schema}, ensure_ascii=False))
            out.write("\n")
            count += 1
    finally:
        out.detach()
    return count


def _write_csv(rows: Iterable[Row], schema: tuple[Column, ...], fh: IO[bytes], batch_size: int) -> int:
    count = 0
    out = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
    try:
        writer = csv.writer(out)
        writer.writerow([c for c, _ in schema])
        for row in rows:
            writer.writerow([
                json.dumps(row[c], ensure_ascii=False) if kind == "list" else "" if row[c] is None else row[c]
                for c, kind in schema
            ])
            count += 1
    finally:
        out.detach()
    return count


def arrow_schema(what: str) -> Any:
    """The pyarrow schema of ``what``'s rows (strings, int64, float64, bool, list<string>)."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    return pa.schema([(c, types[kind]) for c, kind in SCHEMAS[what]])


def _write_parquet(rows: Iterable[Row], schema: tuple[Column, ...], fh: IO[bytes], batch_size: int) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    what = next(k for k, v in SCHEMAS.items() if v is schema)
    arrow = arrow_schema(what)
    count = 0
    with pq.ParquetWriter(fh, arrow, compression="zstd") as writer:
        batch: list[Row] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= batch_size:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=arrow))
                count += len(batch)
                batch = []
        if batch or count == 0:
            writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=arrow))
            count += len(batch)
    return count


WRITERS: dict[str, Callable[[Iterable[Row], tuple[Column, ...], IO[bytes], int], int]] = {
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "parquet": _write_parquet,
}

__all__ = ["BATCH_SIZE", "FORMATS", "KINDS", "SCHEMAS", "ExportReport", "arrow_schema", "export"]
