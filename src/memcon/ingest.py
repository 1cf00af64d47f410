"""Ingest: files in, volumes and documents stored and indexed, a report out.

The library function behind ``memcon ingest``.  For each input file:

1. hash it (sha256) and detect its format (:func:`memcon.readers.detect_format`);
2. stream it through its reader: the reader yields the :class:`Volume`, then
   each :class:`Document`;
3. if the store already holds this volume from a file with the same digest,
   skip it (re-ingesting an unchanged file is a no-op);
4. otherwise replace the volume in the store in ONE transaction while feeding
   the same documents to the full-text index; the store commits the volume, the
   index commits every ``INDEX_COMMIT_SECONDS`` and at the end, and a volume is
   marked indexed only once the index has committed it.

Steps 1–3 run in reader processes (:mod:`memcon._readahead`) ahead of the
writer when there are several files and spare cores.

A file that fails (malformed XML, unknown format, empty…) is reported with its
file and line and the batch goes on; the failed volume's transaction is rolled
back, so nothing half-written is ever visible.  If the process dies between the
store's commit and the index's, the next ingest (or ``memcon reindex``) sees the
volume as unindexed and indexes it from the store; so does this ingest for
volumes whose uncommitted index changes a failed neighbour rolled back.

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

from memcon.authority.load import AuthorityReport
from memcon.dedup import Recogniser
from memcon.errors import MemconError, ReadError
from memcon.linking import LinkReport, link_volumes
from memcon.model.records import Document, Volume
from memcon.search.base import FullTextIndex
from memcon.store.base import Store

INPUT_SUFFIXES = (".xml", ".txt", ".md", ".markdown", ".json")
INDEX_COMMIT_SECONDS = 30.0
INDEX_COMMIT_DOCUMENTS = 5_000
"""The full-text index commits after this many seconds or documents since its last commit, whichever
comes first, and at the end.  Fewer commits are cheaper (each costs ~25 ms here); the document bound
keeps memory flat: tantivy holds state for every uncommitted document (measured: RSS flat at ~95 MB
over 140 volumes with a commit per volume, still growing at ~200 MB with one commit every 30 s)."""
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
    warnings: tuple[str, ...] = ()
    """What the reader noticed but could handle (e.g. a document without an id)."""
    document_id: str | None = None
    """For a single-document file: the id of the document it was stored as."""
    merged_into: str | None = None
    """For a single-document file recognised as a document already held: that document's id."""


@dataclass(frozen=True, slots=True)
class IngestReport:
    """The outcome of one ingest run, file by file, with totals."""

    files: tuple[FileOutcome, ...]
    seconds: float
    authority: tuple[AuthorityReport, ...] = ()
    """The authority folders ingested (HistoryAtState ``authority/`` or its subfolders)."""
    failed_authority: tuple[FileOutcome, ...] = ()
    linking: LinkReport | None = None
    """The persons linked in the volumes stored or changed (when the store holds the authority)."""
    reindexed: tuple[str, ...] = ()
    """Volumes an earlier run had left unindexed, indexed by this one before it started."""
    refreshed: tuple[str, ...] = ()
    """Volumes indexed again from the store at the end of this run (single documents added to
    them or merged into them, or index changes rolled back with a failed neighbour)."""

    @property
    def volumes(self) -> int:
        """Volume files ingested (a TEI volume)."""
        return sum(1 for f in self.files if f.status == "ingested" and f.document_id is None)

    @property
    def single_documents(self) -> int:
        """Single-document files ingested (a web page, a Wilson record, a text file)."""
        return sum(1 for f in self.files if f.status == "ingested" and f.document_id is not None)

    @property
    def merged(self) -> int:
        """Single-document files recognised as a document already held, and merged into it."""
        return sum(1 for f in self.files if f.status == "ingested" and f.merged_into is not None)

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
        return [f for f in self.files if f.status == "failed"] + list(self.failed_authority)


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


def split_authority(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str | os.PathLike[str]], list[Path]]:
    """Separate the folders of authority data (``../shared/authority`` or one of its sources,
    each read as a whole) from the other inputs."""
    from memcon.authority.load import is_authority_folder

    rest: list[str | os.PathLike[str]] = []
    folders: list[Path] = []
    for raw in paths:
        p = Path(os.fspath(raw))
        if p.is_dir() and is_authority_folder(p):
            folders.append(p)
        else:
            rest.append(raw)
    return rest, folders


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


def default_workers(files: int) -> int:
    """Reader processes for ``files`` files: none for a single file or a single core; otherwise
    one per core but the writer's, and at least two, since reading is the slower side (on 2 cores,
    2 readers ingest the 20 shared volumes ~8 % faster than 1: 2.9 s vs 3.15 s)."""
    cores = os.cpu_count() or 1
    if files < 2 or cores < 2:
        return 0
    return min(max(2, cores - 1), files)


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    store: Store,
    index: FullTextIndex,
    format: str | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
    workers: int | None = None,
    index_commit_seconds: float = INDEX_COMMIT_SECONDS,
    link: bool = True,
) -> IngestReport:
    """Ingest files into ``store`` and ``index``; see the module docstring.

    ``format`` forces a reader (``frus-tei``) instead of detecting it;
    ``force`` re-ingests files whose digest is unchanged; ``workers`` is the number
    of reader processes (default :func:`default_workers`; 0 reads in this process).
    The store commits each volume; the index commits every ``index_commit_seconds``
    and at the end, and each volume is marked indexed only once the index holds it.
    Authority folders build the person authority after the files; then, when the store
    holds an authority, the persons named in new or changed volumes are linked
    (:func:`memcon.linking.link_volumes`; ``link=False`` leaves that for ``memcon link``).
    """
    from memcon._readahead import ReadAhead

    started = time.perf_counter()
    paths, authority_folders = split_authority(paths)
    files = expand_paths(paths)
    known = {v.id: v.sha256 for v in store.volumes() if v.sha256}
    reader = ReadAhead(
        files,
        format=format,
        known=known,
        force=force,
        workers=default_workers(len(files)) if workers is None else workers,
        sources=store.source_digests(),
    )
    reader.start()
    reindexed = reindex(store=store, index=index)
    outcomes: list[FileOutcome] = []
    writer = _Writer(store=store, index=index, progress=progress, commit_seconds=index_commit_seconds)
    messages = iter(reader)
    try:
        for message in messages:
            outcome = writer.file(message, messages)
            outcomes.append(outcome)
            if progress:
                progress(Progress("file-end", outcome.path, outcome=outcome))
        writer.flush()
    finally:
        reader.close()
    # volumes that single documents changed, or whose index changes were rolled back with a
    # failed neighbour
    refreshed = reindex(store=store, index=index)
    authority, failed = _authority(authority_folders, store, new_volumes=any(
        o.status == "ingested" and o.document_id is None for o in outcomes))
    linking = link_volumes(store) if link else None
    return IngestReport(
        files=tuple(outcomes),
        seconds=time.perf_counter() - started,
        authority=authority,
        failed_authority=failed,
        linking=linking,
        reindexed=tuple(reindexed),
        refreshed=tuple(refreshed),
    )


def _authority(
    folders: Sequence[Path], store: Store, *, new_volumes: bool
) -> tuple[tuple[AuthorityReport, ...], tuple[FileOutcome, ...]]:
    """Build the person authority from ``folders`` (after this run's volumes, so their lists of
    persons are merged in); with no folder given, rebuild it from where it was last built when
    new volumes arrived (their persons lists join it)."""
    from memcon.authority.load import ingest_authority

    explicit = bool(folders)
    if not folders and new_volumes:
        source = store.authority_source()
        if source and Path(source).is_dir():
            folders = [Path(source)]
    reports: list[AuthorityReport] = []
    failed: list[FileOutcome] = []
    for folder in folders:
        started = time.perf_counter()
        try:
            reports.append(ingest_authority(folder, store))
            if explicit:  # new authority data: every document is linked again
                store.reset_mention_state()
        except MemconError as exc:
            failed.append(FileOutcome(str(folder), "failed", error=exc, seconds=time.perf_counter() - started))
    return tuple(reports), tuple(failed)


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


class _Writer:
    """Consumes the read-ahead messages: one store transaction per volume, batched index commits."""

    def __init__(
        self, *, store: Store, index: FullTextIndex, progress: ProgressCallback | None, commit_seconds: float
    ) -> None:
        self.store = store
        self.index = index
        self.progress = progress
        self.commit_seconds = commit_seconds
        self.pending: list[str] = []
        self.last_commit = time.perf_counter()
        self.uncommitted = 0
        self.recogniser = Recogniser(store, index)

    def file(self, first: tuple[object, ...], messages: Iterator[tuple[object, ...]]) -> FileOutcome:
        started = time.perf_counter()
        kind, name = first[0], str(first[1])
        if kind == "unchanged":
            volume_id = None if first[2] is None else str(first[2])
            return FileOutcome(name, "unchanged", volume_id, bytes=int(first[3]))  # type: ignore[call-overload]
        if kind == "error":
            return FileOutcome(name, "failed", error=first[2], seconds=time.perf_counter() - started)  # type: ignore[arg-type]
        assert kind == "begin", first
        volume, sha, size, unit = first[2], str(first[3]), int(first[4]), first[5]  # type: ignore[call-overload]
        assert isinstance(volume, Volume)
        if self.progress:
            self.progress(Progress("file-start", name, total_bytes=size))
        counts = _Counts()
        if unit == "document":
            return self._single(name, volume, sha, size, messages, counts, started)
        self.index.delete_volume(volume.id)
        absorbed: dict[str, str] = {}
        try:
            documents = self.recogniser.volume_documents(volume, self._documents(name, messages, counts), absorbed)
            written = self.store.replace_volume(volume, self._indexed(documents), absorbed=absorbed)
        except MemconError as exc:
            self._rollback_index()
            _drain(messages, counts)
            return FileOutcome(name, "failed", volume.id, error=exc, seconds=time.perf_counter() - started)
        except BaseException:
            self._rollback_index()
            raise
        self.recogniser.settle()
        self.pending.append(volume.id)
        self.uncommitted += written
        if (
            time.perf_counter() - self.last_commit >= self.commit_seconds
            or self.uncommitted >= INDEX_COMMIT_DOCUMENTS
        ):
            self.flush()
        return FileOutcome(
            name,
            "ingested",
            volume.id,
            documents=written,
            pages=len(counts.pages),
            footnotes=counts.footnotes,
            bytes=size,
            seconds=time.perf_counter() - started,
            warnings=counts.warnings,
        )

    def _single(
        self,
        name: str,
        volume: Volume,
        sha: str,
        size: int,
        messages: Iterator[tuple[object, ...]],
        counts: _Counts,
        started: float,
    ) -> FileOutcome:
        """A single-document file: each document stored on its own, recognised and merged
        with the document it is a copy of (:mod:`memcon.dedup`); the index picks up the
        volumes touched at the end of the run."""
        placed = []
        self.flush()  # the index must hold what this run stored before a copy is looked up in it
        try:
            for document in self._documents(name, messages, counts):
                fmt = document.provenance[0].format if document.provenance else "text"
                placed.append(self.recogniser.put(volume, document, source=name, sha256=sha, format=fmt))
        except MemconError as exc:
            _drain(messages, counts)
            return FileOutcome(name, "failed", volume.id, error=exc, seconds=time.perf_counter() - started)
        first = placed[0] if placed else None
        return FileOutcome(
            name,
            "ingested",
            first.document.volume_id if first else volume.id,
            documents=len(placed),
            pages=len(counts.pages),
            footnotes=counts.footnotes,
            bytes=size,
            seconds=time.perf_counter() - started,
            warnings=counts.warnings,
            document_id=first.document.id if first else None,
            merged_into=first.merged_into if first else None,
        )

    def _indexed(self, documents: Iterable[Document], chunk: int = 64) -> Iterator[Document]:
        """``documents``, fed to the index in chunks as they pass to the store."""
        buffer: list[Document] = []
        for document in documents:
            buffer.append(document)
            if len(buffer) >= chunk:
                self.index.add(buffer)
                yield from buffer
                buffer = []
        if buffer:
            self.index.add(buffer)
            yield from buffer

    def _documents(self, name: str, messages: Iterator[tuple[object, ...]], counts: _Counts) -> Iterator[Document]:
        """The documents of one file, as the reader process sent them."""
        for message in messages:
            kind = message[0]
            if kind == "end":
                counts.warnings = tuple(message[2])  # type: ignore[arg-type]
                counts.ended = True
                return
            if kind == "error":
                counts.ended = True
                raise message[2]  # type: ignore[misc]
            batch = message[2]
            assert kind == "docs" and isinstance(batch, list)
            for document in batch:
                counts.documents += 1
                counts.pages.update(p.n for p in document.pages)
                counts.footnotes += len(document.footnotes)
                if self.progress:
                    self.progress(Progress("document", name, documents=counts.documents))
                yield document
        raise ReadError("the reader stopped before the end of the file", path=name)

    def _rollback_index(self) -> None:
        """Drop the index's uncommitted changes: this volume's, and those of volumes stored since
        the last commit, which stay unmarked and are indexed again from the store."""
        self.index.rollback()
        self.pending.clear()
        self.uncommitted = 0

    def flush(self) -> None:
        """Commit the index and mark the volumes it now holds."""
        if self.pending:
            self.index.commit()
            for volume_id in self.pending:
                self.store.mark_indexed(volume_id, self.index.name)
            self.pending.clear()
        self.last_commit = time.perf_counter()
        self.uncommitted = 0


def _drain(messages: Iterator[tuple[object, ...]], counts: _Counts) -> None:
    """Skip what is left of a failed file's messages, so the next file starts clean."""
    if counts.ended:
        return
    for message in messages:
        if message[0] in ("end", "error"):
            return


@dataclass
class _Counts:
    documents: int = 0
    pages: set[str] = field(default_factory=set)
    footnotes: int = 0
    warnings: tuple[str, ...] = ()
    ended: bool = False
    """The file's ``end`` or ``error`` message has been consumed."""
