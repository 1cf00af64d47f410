"""One pure function run in a second process while the caller goes on: the linking stage's
statement extraction runs beside the name linking of the next volume (2 cores, both busy).

:class:`Background` takes tasks in order and gives their results back in the same order:
:meth:`Background.ready` those done so far, without waiting; :meth:`Background.drain` all of
them.  The worker is forked (cheap, and safe here: it only runs the pure function on what it is
sent, never the store's connection or the index writer); where fork is missing, or when one
task or none is expected, or ``workers=0``, each task runs in the caller at submission and the
results are the same.  An error raised by the function is raised again by the call that gives
its result.

DOCS: docs/architecture.md#linking
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Generic, TypeVar

K = TypeVar("K")
R = TypeVar("R")


class Background(Generic[K, R]):
    """Run ``fn`` on each task in one worker process; results in submission order."""

    def __init__(self, fn: Callable[..., R], *, tasks: int, workers: int = 1) -> None:
        self.fn = fn
        self._pool: ProcessPoolExecutor | None = None
        if workers > 0 and tasks > 1 and "fork" in mp.get_all_start_methods():
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork"))
        self._queue: deque[tuple[K, Future[R] | None, R | None]] = deque()

    @property
    def parallel(self) -> bool:
        return self._pool is not None

    def submit(self, key: K, *args: Any) -> None:
        if self._pool is None:
            self._queue.append((key, None, self.fn(*args)))
        else:
            self._queue.append((key, self._pool.submit(self.fn, *args), None))

    def ready(self) -> Iterator[tuple[K, R]]:
        """The results done so far, in order (one not done holds back those after it)."""
        while self._queue and (self._queue[0][1] is None or self._queue[0][1].done()):
            yield self._next()

    def drain(self) -> Iterator[tuple[K, R]]:
        """Every result left, waiting for each."""
        while self._queue:
            yield self._next()

    def _next(self) -> tuple[K, R]:
        key, future, result = self._queue.popleft()
        return key, (future.result() if future is not None else result)  # type: ignore[return-value]

    def close(self) -> None:
        """Stop the worker; tasks not yet given back are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._queue.clear()

    def __enter__(self) -> Background[K, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["Background"]
