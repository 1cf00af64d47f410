"""Web benchmark: latency of search pages (with facets) and document pages, and throughput under load.

Usage:  python benchmarks/web.py [--db DB] [--keep DIR] [--clients 20] [--seconds 30] [--port 0]

1. Serves the store with ``memcon serve`` in a subprocess on 127.0.0.1 (a real uvicorn server;
   with ``--db`` that database, else a fresh store of every shared input: the 20 FRUS volumes, the
   vol. V excerpt, the seeds and the authority, built with :func:`memcon.ingest.ingest_paths`).
2. Latency: after a few other pages (``WARM_UP``), GETs each search page ``/search?q=…`` of the 50
   real queries of ``benchmarks/data/web_queries.txt`` and each document page ``/documents/{id}``
   of the 50 real documents of ``benchmarks/data/web_documents.txt``, one at a time, each for the
   first time (no cache of the app has seen it: these give the figures of the last line), then
   once again (what the app's caches give); p50 and p95 of each.
3. Throughput: ``--clients`` threads, each with its own keep-alive connection, request those 100
   pages in turn for ``--seconds`` seconds; requests per second, and errors (a status other than
   200, or no answer within 30 s).

Ends with one line::

  search_p95_ms=… document_p95_ms=… rps=… errors=…

Targets (issue 6): search page p95 <= 150 ms, document page p95 <= 100 ms, 0 errors under load.
Only 127.0.0.1 is ever contacted; the load loop is bounded by ``--seconds``.

DOCS: docs/benchmarks.md#web--benchmarkswebpy
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _labels import build_store, shared_root  # noqa: E402

WARM_UP = ("/search?q=treaty", "/search?q=consul", "/documents/frus1861/d1", "/people?q=Seward")
"""Pages asked for before timing (not among the 50 queries and documents)."""
QUERIES = HERE / "data" / "web_queries.txt"
DOCUMENTS = HERE / "data" / "web_documents.txt"


def read_list(path: Path) -> list[str]:
    """The non-empty lines of ``path``."""
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ranked = sorted(values)
    return ranked[max(0, min(len(ranked) - 1, round(p / 100 * len(ranked) + 0.5) - 1))]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def server(db: Path, *, port: int) -> Iterator[str]:
    """``memcon serve --db DB`` on 127.0.0.1:PORT in a subprocess; yields its base URL."""
    port = port or _free_port()
    command = [sys.executable, "-c", "from memcon.cli.main import cli; cli()", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                sys.exit(f"web.py: the server stopped: {process.stderr.read().decode() if process.stderr else ''}")
            try:
                if httpx.get(url + "/api/volumes", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                sys.exit("web.py: the server did not answer within 60 s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def timed(client: httpx.Client, path: str) -> float:
    """Milliseconds to GET ``path`` (whole body read); exits if it is not a 200."""
    t0 = time.perf_counter()
    response = client.get(path)
    elapsed = (time.perf_counter() - t0) * 1000
    if response.status_code != 200:
        sys.exit(f"web.py: {path} answered {response.status_code}: {response.text[:300]}")
    return elapsed


def latency(url: str, paths: Sequence[str]) -> tuple[list[float], list[float]]:
    """The milliseconds of each page, one request at a time: on its first request (after the server
    answered a few other pages, so that its workspace is open), then again (what the app's caches,
    such as the facets', give a page asked for again)."""
    with httpx.Client(base_url=url, timeout=30) as client:
        for path in WARM_UP:
            timed(client, path)
        first = [timed(client, path) for path in paths]
        return first, [timed(client, path) for path in paths]


def load(url: str, paths: Sequence[str], *, clients: int, seconds: float) -> tuple[int, Counter[str], float]:
    """``clients`` threads GET ``paths`` in turn until ``seconds`` have passed: (answers, errors by
    kind — ``HTTP 500 /search?q=…`` or the exception's name — and the seconds elapsed)."""
    counts = [0] * clients
    errors: Counter[str] = Counter()
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def work(n: int) -> None:
        with httpx.Client(base_url=url, timeout=30) as client:
            i = n * 7
            while time.monotonic() < stop_at:
                path = paths[i % len(paths)]
                try:
                    status = client.get(path).status_code
                    problem = None if status == 200 else f"HTTP {status} {path}"
                except httpx.HTTPError as exc:
                    problem = f"{type(exc).__name__} {path}"
                counts[n] += 1
                if problem:
                    with lock:
                        errors[problem] += 1
                i += 1

    threads = [threading.Thread(target=work, args=(n,)) for n in range(clients)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts), errors, time.perf_counter() - t0


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing memcon database (default: build one of every shared input)")
    parser.add_argument("--keep", type=Path, help="build the store in DIR and keep it")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    args = parser.parse_args(argv)
    queries, documents = read_list(QUERIES), read_list(DOCUMENTS)
    search_paths = ["/search?q=" + quote(q) for q in queries]
    document_paths = ["/documents/" + quote(d, safe="/") for d in documents]
    with tempfile.TemporaryDirectory(prefix="memcon-web-bench-") as tmp:
        db = args.db
        if db is None:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            shared = shared_root()
            db = build_store(folder, [shared / "corpus" / "frus", shared / "corpus" / "frus-excerpts" /
                                      "frus1961-63v05-d88.xml", shared / "corpus" / "seeds", shared / "authority"],
                             script="web.py")
        with server(db, port=args.port) as url:
            search_ms, search_again = latency(url, search_paths)
            document_ms, document_again = latency(url, document_paths)
            mixed = [p for pair in zip(search_paths, document_paths, strict=True) for p in pair]
            answers, errors, elapsed = load(url, mixed, clients=args.clients, seconds=args.seconds)
    rps = answers / elapsed if elapsed else 0.0
    worst = sorted(zip(search_ms, queries, strict=True), reverse=True)[:3]
    print(f"asked again:    search p50 {percentile(search_again, 50):.1f} ms, p95 {percentile(search_again, 95):.1f} ms; "
          f"document p50 {percentile(document_again, 50):.1f} ms, p95 {percentile(document_again, 95):.1f} ms")
    print(f"search pages:   {len(search_ms)} queries, p50 {percentile(search_ms, 50):.1f} ms, "
          f"p95 {percentile(search_ms, 95):.1f} ms, max {max(search_ms):.1f} ms (slowest: "
          + ", ".join(f"{q!r} {ms:.0f} ms" for ms, q in worst) + ")")
    worst_docs = sorted(zip(document_ms, documents, strict=True), reverse=True)[:3]
    print(f"document pages: {len(document_ms)} documents, p50 {percentile(document_ms, 50):.1f} ms, "
          f"p95 {percentile(document_ms, 95):.1f} ms, max {max(document_ms):.1f} ms (slowest: "
          + ", ".join(f"{d} {ms:.0f} ms" for ms, d in worst_docs) + ")")
    print(f"load: {args.clients} clients for {elapsed:.1f} s: {answers:,} answers, {sum(errors.values())} errors, "
          f"{rps:.1f} req/s (machine: {os.cpu_count()} cores)")
    for problem, n in errors.most_common(10):
        print(f"  error x{n}: {problem}")
    print(f"search_p95_ms={percentile(search_ms, 95):.1f} document_p95_ms={percentile(document_ms, 95):.1f} "
          f"rps={rps:.1f} errors={sum(errors.values())}")


if __name__ == "__main__":
    main()
