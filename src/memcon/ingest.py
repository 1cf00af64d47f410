"""Ingest: files in, volumes and documents stored and indexed, a report out.

The library function behind ``memcon ingest``.  For each input file:

1. hash it (sha256) and detect its format (:func:`memcon.readers.detect_format`);
2. stream it through its reader: the reader yields the :class:`Volume`, then
   each :class:`Document`;
3. if the store already holds this volume from a file with the same digest,
   skip it (re-ingesting an unchanged file is a no-op);
4. otherwise replace the volume in the store in ONE transaction while feeding
   the same documents to the full-text index; commit the store, then the index,
   then record that the index holds the volume.

A file that fails (malformed XML, unknown format, empty…) is reported with its
file and line and the batch goes on; the failed volume's transaction is rolled
back, so nothing half-written is ever visible.  If the process dies between the
store's commit and the index's, the next ingest (or ``memcon reindex``) sees the
volume as unindexed and indexes it from the store.

DOCS: docs/ingest.md
"""

from __future__ import annotations

import glob
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from memcon.errors import EmptyInput, MemconError, ReadError
from memcon.model.records import Document, Volume
from memcon.search.base import FullTextIndex
from memcon.store.base import Store

INPUT_SUFFIXES = (".xml",)
"""Files picked up when a folder is given (a file named explicitly is always tried)."""


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What happened to one input file."""

    path: str
    status: str
    """``ingested``, ``unchanged`` or ``failed``."""
    volume_id: str | None = None
    documents: int = 0
    pages: int = 0
    footnotes: int = 0
    bytes: int = 0
    seconds: float = 0.0
    error: MemconError | None = None


@dataclass(frozen=True, slots=True)
class IngestReport:
    """The outcome of one ingest run, file by file, with totals."""

    files: tuple[FileOutcome, ...]
    seconds: float
    reindexed: tuple[str, ...] = ()

    @property
    def volumes(self) -> int:
        return sum(1 for f in self.files if f.status == "ingested")

    @property
    def unchanged(self) -> int:
        return sum(1 for f in self.files if f.status == "unchanged")

    @property
    def documents(self) -> int:
        return sum(f.documents for f in self.files)

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)

    @property
    def footnotes(self) -> int:
        return sum(f.footnotes for f in self.files)

    @property
    def bytes(self) -> int:
        return sum(f.bytes for f in self.files if f.status == "ingested")

    @property
    def errors(self) -> list[FileOutcome]:
        return [f for f in self.files if f.status == "failed"]


@dataclass(frozen=True, slots=True)
class Progress:
    """Passed to the ``progress`` callback: after each document, and when a file starts or ends."""

    event: str
    """``file-start``, ``document``, ``file-end``."""
    path: str
    total_bytes: int = 0
    documents: int = 0
    outcome: FileOutcome | None = None


ProgressCallback = Callable[[Progress], None]


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named, files under folders (recursively, ``*.xml``), and glob patterns, in order,
    without duplicates.  A path that matches nothing is kept, so the ingest reports it."""
    seen: set[Path] = set()
    result: list[Path] = []

    def add(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            result.append(p)

    for raw in paths:
        text = os.fspath(raw)
        p = Path(text)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in INPUT_SUFFIXES:
                    add(child)
        elif not p.exists() and glob.has_magic(text):
            for match in sorted(glob.glob(text, recursive=True)):
                mp = Path(match)
                if mp.is_file():
                    add(mp)
        else:
            add(p)
    return result


def file_sha256(path: Path) -> str:
    """The sha256 of a file, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def ingest_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    store_path: str | os.PathLike[str] | None = None,
    format: str | None = None,
    force: bool = False,
    progress: ProgressCallback | bool | None = None,
) -> IngestReport:
    """Open the workspace at ``store_path`` (default ``./memcon.db`` or ``$MEMCON_DB``) and
    ingest ``paths`` into it.  See :func:`ingest` for the rest.

    ``progress=True`` draws a Rich progress bar on stderr; a callable receives
    :class:`Progress` events instead.
    """
    from memcon.workspace import open_workspace

    callback: ProgressCallback | None
    if progress is True:
        from memcon.cli._progress import IngestProgressBar

        with IngestProgressBar() as bar, open_workspace(store_path) as ws:
            return ingest(paths, store=ws.store, index=ws.index, format=format, force=force, progress=bar)
    callback = progress if callable(progress) else None
    with open_workspace(store_path) as ws:
        return ingest(paths, store=ws.store, index=ws.index, format=format, force=force, progress=callback)


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    store: Store,
    index: FullTextIndex,
    format: str | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest files into ``store`` and ``index``; see the module docstring.

    ``format`` forces a reader (``frus-tei``) instead of detecting it;
    ``force`` re-ingests files whose digest is unchanged.
    """
    started = time.perf_counter()
    reindexed = tuple(reindex(store=store, index=index))
    outcomes: list[FileOutcome] = []
    for path in expand_paths(paths):
        outcome = _ingest_file(path, store=store, index=index, format=format, force=force, progress=progress)
        outcomes.append(outcome)
        if progress:
            progress(Progress("file-end", str(path), outcome=outcome))
    return IngestReport(files=tuple(outcomes), seconds=time.perf_counter() - started, reindexed=reindexed)


def reindex(*, store: Store, index: FullTextIndex, all_volumes: bool = False) -> list[str]:
    """Index, from the store, every volume the index does not hold yet (or every volume
    with ``all_volumes``); return their ids."""
    if all_volumes:
        volume_ids = [v.id for v in store.volumes()]
    else:
        volume_ids = store.unindexed_volumes(index.name)
    for volume_id in volume_ids:
        index.delete_volume(volume_id)
        index.add(store.iter_documents(volume_id=volume_id))
        index.commit()
        store.mark_indexed(volume_id, index.name)
    return volume_ids


def _ingest_file(
    path: Path,
    *,
    store: Store,
    index: FullTextIndex,
    format: str | None,
    force: bool,
    progress: ProgressCallback | None,
) -> FileOutcome:
    from memcon.readers import read

    started = time.perf_counter()
    name = str(path)
    try:
        if not path.is_file():
            raise ReadError("no such file", path=name, hint="check the path; folders and globs are expanded")
        size = path.stat().st_size
        if size == 0:
            raise EmptyInput("the file is empty", path=name, hint="re-download or re-export it")
        if progress:
            progress(Progress("file-start", name, total_bytes=size))
        sha = file_sha256(path)
        records = iter(read(path, format=format, sha256=sha))
        volume = next(records, None)
        if not isinstance(volume, Volume):
            raise EmptyInput("the reader found no volume header", path=name)
        if not force and store.source_digest(volume.id) == sha:
            return FileOutcome(name, "unchanged", volume.id, bytes=size, seconds=time.perf_counter() - started)
        counts = _Counts()
        index.delete_volume(volume.id)
        try:
            written = store.replace_volume(volume, _tee(records, index=index, counts=counts, progress=progress, path=name))
        except BaseException:
            index.rollback()
            raise
        index.commit()
        store.mark_indexed(volume.id, index.name)
        return FileOutcome(
            name,
            "ingested",
            volume.id,
            documents=written,
            pages=len(counts.pages),
            footnotes=counts.footnotes,
            bytes=size,
            seconds=time.perf_counter() - started,
        )
    except MemconError as exc:
        return FileOutcome(name, "failed", error=exc, seconds=time.perf_counter() - started)
    except OSError as exc:
        err = ReadError(f"cannot read the file: {exc.strerror or exc}", path=name)
        err.__cause__ = exc
        return FileOutcome(name, "failed", error=err, seconds=time.perf_counter() - started)


@dataclass
class _Counts:
    documents: int = 0
    pages: set[str] = field(default_factory=set)
    footnotes: int = 0
    batch: list[Document] = field(default_factory=list)


_INDEX_BATCH = 64


def _tee(
    records: Iterator[Volume | Document],
    *,
    index: FullTextIndex,
    counts: _Counts,
    progress: ProgressCallback | None,
    path: str,
) -> Iterator[Document]:
    """Yield the reader's documents to the store while feeding them to the index."""
    for record in records:
        if not isinstance(record, Document):
            continue
        counts.documents += 1
        counts.pages.update(p.n for p in record.pages)
        counts.footnotes += len(record.footnotes)
        counts.batch.append(record)
        if len(counts.batch) >= _INDEX_BATCH:
            index.add(counts.batch)
            counts.batch = []
        if progress:
            progress(Progress("document", path, documents=counts.documents))
        yield record
    if counts.batch:
        index.add(counts.batch)
        counts.batch = []
