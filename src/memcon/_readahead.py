"""Read input files ahead of the writer, in worker processes.

Ingest is a pipeline: parsing and rendering TEI is CPU work in Python, and
so is writing the store and feeding the index.  On a machine with two or more
cores, :class:`ReadAhead` runs the readers in worker processes, each sending
its files' records, in order, through a bounded queue (so memory stays flat
whatever the volume size), while the main process writes.  With ``workers=0``
the same messages are produced in-process, so both paths share one consumer.

Messages for each file, in order:

``("begin", path, volume, sha256, size, unit)``  then ``("docs", path, [Document, …])``…
then ``("end", path, warnings)``; or ``("unchanged", path, volume_id, size)``; or
``("error", path, MemconError)`` at any point (the file's documents already sent
must then be discarded by the consumer, which rolls back its transaction).
``unit`` is the reader's :attr:`~memcon.readers.ReaderSpec.unit`: ``volume`` (the file is a
whole volume, replaced as one) or ``document`` (one document of a collection).  Every
document has been through the enrich stage (:func:`memcon.enrich.enrich_document`).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
import time
import warnings
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from memcon.errors import EmptyInput, MemconError, ReadError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
from memcon.model.records import Document, Volume

BATCH = 64
"""Documents per message."""
QUEUE_DEPTH = 16
"""Messages a worker may have in flight before it waits for the writer."""

Message = tuple[Any, ...]


def file_messages(
    path: Path,
    *,
    format: str | None,
    known: Mapping[str, str],
    force: bool,
    sources: AbstractSet[str] = frozenset(),
) -> Iterator[Message]:
    """The messages for one file (see the module docstring); never raises a MemconError.

    What the reader warns about (a document without an id…) travels with the file's
    ``end`` message, so it is reported with the file, from whichever process read it.
    ``known`` maps volume ids to the digest of the file they were stored from; ``sources``
    holds the digests of the single-document files stored: both are skipped unless ``force``.
    """
    from memcon.enrich import enrich_document
    from memcon.ingest import file_sha256
    from memcon.readers import READERS, detect_format, read

    name = str(path)
    notes: list[str] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                if not path.is_file():
                    raise ReadError("no such file", path=name, hint="check the path; folders and globs are expanded")
                size = path.stat().st_size
                if size == 0:
                    raise EmptyInput("the file is empty", path=name, hint="re-download or re-export it")
                sha = file_sha256(path)
                chosen = format or detect_format(path)
                unit = READERS[chosen].unit if chosen in READERS else "volume"
                if unit == "document" and not force and sha in sources:
                    yield ("unchanged", name, None, size)
                    return
                records = iter(read(path, format=chosen, sha256=sha))
                volume = next(records, None)
                if not isinstance(volume, Volume):
                    raise EmptyInput("the reader found no volume header", path=name)
                if unit == "volume" and not force and known.get(volume.id) == sha:
                    yield ("unchanged", name, volume.id, size)
                    return
                yield ("begin", name, volume, sha, size, unit)
                batch: list[Document] = []
                for record in records:
                    if isinstance(record, Document):
                        batch.append(enrich_document(record))
                        if len(batch) >= BATCH:
                            yield ("docs", name, batch)
                            batch = []
                if batch:
                    yield ("docs", name, batch)
                notes.extend(str(w.message) for w in caught)
            except OSError as exc:
                err = ReadError(f"cannot read the file: {exc.strerror or exc}", path=name)
                raise err from exc
        yield ("end", name, tuple(notes))
    except MemconError as exc:
        yield ("error", name, exc)


PIPE_BYTES = 1 << 20
"""Capacity asked for the pipe under each queue (Linux; 64 KiB by default).  A batch of encoded
documents is ~0.5 MB: through a 64 KiB pipe the reader's feeder thread and the writer take turns
a dozen times per message; through 1 MiB, once (ingest of the 20 shared volumes ~5 % faster)."""


def _widen_pipe(q: Any) -> None:
    """Grow the pipe of queue ``q`` to :data:`PIPE_BYTES` where the platform allows it."""
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    writer = getattr(q, "_writer", None)  # the Connection the feeder thread writes to
    if setsize is None or writer is None:
        return
    try:
        fcntl.fcntl(writer.fileno(), setsize, PIPE_BYTES)
    except OSError:  # above /proc/sys/fs/pipe-max-size, or not a pipe: keep the default
        pass


def _watch_parent(parent: int) -> None:
    """Exit as soon as the writer process is gone: ``kill -9`` of the main process must not
    leave a reader behind, blocked on a pipe nobody reads (and holding the caller's stdout)."""
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(1)


def _worker(
    paths: Sequence[Path],
    out: Any,
    format: str | None,
    known: Mapping[str, str],
    force: bool,
    parent: int,
    sources: AbstractSet[str],
) -> None:  # pragma: no cover - runs in a child process; covered through ReadAhead's tests
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    for path in paths:
        try:
            for message in file_messages(path, format=format, known=known, force=force, sources=sources):
                out.put(message)
        except BaseException as exc:  # an unexpected bug: report it as this file's error
            err = ReadError(f"the reader failed unexpectedly: {type(exc).__name__}: {exc}", path=str(path))
            out.put(("error", str(path), err))
    out.put(("done",))


class ReadAhead:
    """Yields the messages of ``paths`` in order, read by ``workers`` processes (0: in-process)."""

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        format: str | None,
        known: Mapping[str, str],
        force: bool,
        workers: int,
        sources: AbstractSet[str] = frozenset(),
    ) -> None:
        self.paths = list(paths)
        self.format = format
        self.known = dict(known)
        self.sources = frozenset(sources)
        self.force = force
        self.workers = max(0, min(workers, len(self.paths)))
        self._procs: list[Any] = []
        self._queues: list[Any] = []

    def start(self) -> None:
        """Start the worker processes (call it before the index writer starts its threads)."""
        if self.workers == 0 or self._procs:
            return
        # fork is cheap, and safe here: the child only reads files and never touches the
        # store's connection or the index writer.  Where fork is missing, spawn.
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        if method == "fork":
            import memcon.readers  # noqa: F401 - imported once here, inherited by every forked reader
        ctx: Any = mp.get_context(method)
        shares = [self.paths[i :: self.workers] for i in range(self.workers)]
        for share in shares:
            q = ctx.Queue(maxsize=QUEUE_DEPTH)
            _widen_pipe(q)
            proc = ctx.Process(
                target=_worker, args=(share, q, self.format, self.known, self.force, os.getpid(), self.sources),
                daemon=True,
            )
            proc.start()
            self._procs.append(proc)
            self._queues.append(q)

    def __iter__(self) -> Iterator[Message]:
        if self.workers == 0:
            for path in self.paths:
                yield from file_messages(
                    path, format=self.format, known=self.known, force=self.force, sources=self.sources
                )
            return
        self.start()
        try:
            for i, path in enumerate(self.paths):
                yield from self._file(self._queues[i % self.workers], self._procs[i % self.workers], path)
        finally:
            self.close()

    def _file(self, q: Any, proc: Any, path: Path) -> Iterator[Message]:
        while True:
            try:
                message = q.get(timeout=1.0)
            except queue.Empty:
                if not proc.is_alive():
                    yield ("error", str(path), ReadError("the reader process died", path=str(path)))
                    return
                continue
            yield message
            if message[0] in ("end", "unchanged", "error"):
                return

    def close(self) -> None:
        for proc in self._procs:
            if proc.is_alive():
                proc.terminate()
            proc.join(timeout=5)
        for q in self._queues:
            q.close()
            q.cancel_join_thread()
        self._procs.clear()
        self._queues.clear()
