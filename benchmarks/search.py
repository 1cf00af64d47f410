"""Search benchmark: latency of 50 real queries, top 10 with snippets and pages.

Usage:  python benchmarks/search.py [--work DIR] [--target-docs N] [--repeat R]
                                     [--skip-large] [--skip-cli] [--queries FILE]

Two corpora, both cached under ``--work`` (default ``.cache/bench/``) and reused
when present and complete:

* shared — every volume in $MEMCON_SHARED/corpus/frus (MEMCON_SHARED defaults to
  ../shared), ingested with :func:`memcon.ingest.ingest_paths` into
  ``WORK/shared/memcon.db`` and its index ``memcon.db.index/``;
* large  — the same documents, read with :func:`memcon.readers.frus_tei.read_frus_tei`
  and replicated to about ``--target-docs`` (300,000, the size of the whole FRUS
  series): copy k >= 1 of volume V is volume ``V-rK`` with document ids
  ``V-rK/dN``.  Indexed straight into ``WORK/large-N/memcon.db.index/`` beside
  an empty store, so that ``memcon search --db`` can open it (search reads
  only the index).  Building it takes a while the first time.

Measured for each corpus, with the queries of ``benchmarks/data/search_queries.txt``
(words, phrases, boolean, NEAR, prefix, date and volume filters, common words):

* in-process — :func:`memcon.search.search` (parse, search, fetch the 10 stored
  documents, snippets and pages), in a fresh Python process per corpus: one
  warm-up pass (reported as "1st", it includes opening the index's files), then
  ``--repeat`` timed passes; the peak RSS of that process is reported;
* cli — ``memcon search --db DB --json QUERY``, one subprocess per query, one
  pass: process start, imports, opening store and index, search, JSON.  The
  start-up alone (``memcon --version``) is reported beside it.

Prints a table and one summary line.  Targets (issue): in-process p95 <= 10 ms
on the shared corpus and <= 50 ms at ~300,000 documents.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from memcon.model.records import Document

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "data" / "search_queries.txt"
FILTER_KEYS = {"from": "date_from", "to": "date_to", "volume": "volumes", "type": "doc_types"}


@dataclasses.dataclass(frozen=True)
class BenchQuery:
    category: str
    text: str
    filters: dict[str, str]

    def label(self) -> str:
        extra = " ".join(f"{k}={v}" for k, v in self.filters.items())
        return f"{self.text}  [{extra}]" if extra else self.text


def load_queries(path: Path) -> list[BenchQuery]:
    """``category | query | key=value …`` per line; ``#`` starts a comment line."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        category, text, filters = (part.strip() for part in (line.split("|", 2) + ["", ""])[:3])
        pairs = dict(item.split("=", 1) for item in filters.split())
        unknown = set(pairs) - set(FILTER_KEYS)
        if unknown:
            raise SystemExit(f"{path}: unknown filter {sorted(unknown)} in {line!r}")
        out.append(BenchQuery(category, text, pairs))
    return out


def shared_files() -> list[Path]:
    shared = Path(os.environ.get("MEMCON_SHARED", HERE.parents[1] / "shared"))
    files = sorted((shared / "corpus" / "frus").glob("*.xml"))
    if not files:
        raise SystemExit(f"no FRUS volumes under {shared}/corpus/frus (set MEMCON_SHARED)")
    return files


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def du_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def segments(index_path: Path) -> int:
    return len(json.loads((index_path / "meta.json").read_text())["segments"])


# -- building ----------------------------------------------------------------------------------


@dataclasses.dataclass
class Corpus:
    name: str
    db: Path
    index: Path
    docs: int
    build_s: float
    note: str = ""


def build_shared(work: Path, files: list[Path]) -> Corpus:
    """The shared corpus through the real pipeline (ingest is a no-op for unchanged files)."""
    from memcon.errors import IndexOutOfStep
    from memcon.ingest import ingest_paths, reindex
    from memcon.search import open_index
    from memcon.store import open_store

    db = work / "shared" / "memcon.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    index_path = db.with_name(db.name + ".index")
    try:
        open_index(index_path).close()
    except IndexOutOfStep:  # an index from an older memcon: it is a cache, rebuild it
        shutil.rmtree(index_path)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the reader's notes on corpus quirks
        report = ingest_paths([str(f) for f in files], store_path=db, progress=False)
    for f in report.files:
        if f.status == "failed":
            log(f"  ingest failed: {f.path}: {f.error}")
    with open_store(db) as store, open_index(index_path) as index:
        documents = store.stats().documents
        if index.count() != documents:
            log(f"  index holds {index.count()} documents, store {documents}: reindexing")
            reindex(store=store, index=index, all_volumes=True)
        count = index.count()
    note = f"{report.volumes} volumes ingested" if report.volumes else "cached"
    return Corpus("shared", db, index_path, count, time.perf_counter() - started, note)


def _manifest(files: list[Path], copies: int) -> dict[str, object]:
    from memcon.readers.frus_tei import READER, VERSION
    from memcon.search.tantivy_index import index_signature

    return {
        "index": index_signature(),
        "reader": f"{READER}.v{VERSION}",
        "copies": copies,
        "files": [[f.name, f.stat().st_size] for f in files],
    }


def _replica(document: Document, k: int) -> Document:
    """Copy ``k`` of ``document``: volume ``V-rK``, id ``V-rK/dN``."""
    volume = f"{document.volume_id}-r{k}"
    return dataclasses.replace(document, id=f"{volume}/{document.id.split('/', 1)[1]}", volume_id=volume)


def build_large(work: Path, files: list[Path], target: int, shared_docs: int) -> Corpus:
    """The shared documents replicated to about ``target`` documents, cached under ``work``."""
    from memcon.model.records import Document
    from memcon.readers.frus_tei import read_frus_tei
    from memcon.search import open_index
    from memcon.store import open_store

    copies = max(1, round(target / max(shared_docs, 1)))
    folder = work / f"large-{target}"
    index_path = folder / "memcon.db.index"
    manifest_path = folder / "bench.json"
    manifest = _manifest(files, copies)
    if manifest_path.exists() and index_path.exists():
        saved = json.loads(manifest_path.read_text())
        if saved.get("manifest") == manifest:
            with open_index(index_path, create=False) as index:
                if index.count() == saved["docs"]:
                    return Corpus(
                        "large", folder / "memcon.db", index_path, saved["docs"], saved["build_s"], "cached"
                    )
    log(f"building the large corpus: {copies} copies of the shared documents (this takes a while)")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    open_store(folder / "memcon.db").close()  # an empty store: `memcon search --db` opens it
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        documents = [r for f in files for r in read_frus_tei(f) if isinstance(r, Document)]
    with open_index(index_path) as index:
        for k in range(copies):
            index.add(documents if k == 0 else (_replica(d, k) for d in documents))
            index.commit()
            if k % 4 == 3 or k == copies - 1:
                log(f"  {k + 1}/{copies} copies, {time.perf_counter() - started:.0f} s")
        count = index.count()
    build_s = round(time.perf_counter() - started, 1)
    manifest_path.write_text(json.dumps({"manifest": manifest, "docs": count, "build_s": build_s}, indent=1))
    return Corpus("large", folder / "memcon.db", index_path, count, build_s, "built")


# -- measuring ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Stats:
    n: int
    p50: float
    p95: float
    max: float
    mean: float

    @classmethod
    def of(cls, values: list[float]) -> Stats:
        if not values:
            return cls(0, 0.0, 0.0, 0.0, 0.0)
        ordered = sorted(values)
        p95 = statistics.quantiles(ordered, n=100, method="inclusive")[94] if len(ordered) > 1 else ordered[0]
        return cls(len(ordered), statistics.median(ordered), p95, ordered[-1], statistics.fmean(ordered))


@dataclasses.dataclass
class CliRun:
    stats: Stats
    start_up_ms: float
    problems: list[str]


@dataclasses.dataclass
class Measured:
    stats: Stats
    first: Stats
    categories: dict[str, Stats]
    slowest: list[tuple[str, float, int]]
    totals: dict[str, int]
    peak_rss_mb: float
    cli: CliRun | None = None


def _filters(query: BenchQuery) -> object:
    from memcon.search import SearchFilters

    args: dict[str, object] = {}
    for key, value in query.filters.items():
        name = FILTER_KEYS[key]
        args[name] = tuple(value.split(",")) if name in ("volumes", "doc_types") else value
    return SearchFilters(**args)  # type: ignore[arg-type]


def run_in_process(index_path: Path, queries: list[BenchQuery], repeat: int) -> Measured:
    from memcon.search import open_index, search

    per_query: dict[str, list[float]] = {q.label(): [] for q in queries}
    totals: dict[str, int] = {}
    first: list[float] = []
    with open_index(index_path, create=False) as index:
        for rnd in range(repeat + 1):
            for q in queries:
                filters = _filters(q)
                t0 = time.perf_counter()
                results = search(index, q.text, filters=filters, limit=10)  # type: ignore[arg-type]
                elapsed = (time.perf_counter() - t0) * 1000
                if rnd == 0:
                    first.append(elapsed)
                    totals[q.label()] = results.total
                else:
                    per_query[q.label()].append(elapsed)
    by_category: dict[str, list[float]] = {}
    for q in queries:
        by_category.setdefault(q.category, []).extend(per_query[q.label()])
    slowest = sorted(per_query.items(), key=lambda kv: -statistics.median(kv[1]))[:5]
    return Measured(
        stats=Stats.of([t for ts in per_query.values() for t in ts]),
        first=Stats.of(first),
        categories={c: Stats.of(ts) for c, ts in by_category.items()},
        slowest=[(label, statistics.median(ts), totals[label]) for label, ts in slowest],
        totals=totals,
        peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    )


def measure_in_subprocess(index_path: Path, queries_path: Path, repeat: int) -> Measured:
    """:func:`run_in_process` in a fresh interpreter, so that its first pass and RSS are its own."""
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--measure",
            str(index_path),
            "--queries",
            str(queries_path),
            "--repeat",
            str(repeat),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(done.stdout)
    return Measured(
        stats=Stats(**data["stats"]),
        first=Stats(**data["first"]),
        categories={c: Stats(**v) for c, v in data["categories"].items()},
        slowest=[(label, ms, total) for label, ms, total in data["slowest"]],
        totals=data["totals"],
        peak_rss_mb=data["peak_rss_mb"],
    )


def _memcon_command() -> list[str]:
    script = Path(sys.executable).parent / "memcon"
    return [str(script)] if script.exists() else [sys.executable, "-m", "memcon.cli.main"]


def run_cli(db: Path, queries: list[BenchQuery], totals: dict[str, int]) -> CliRun:
    """One ``memcon search --db DB --json`` subprocess per query; totals checked against in-process."""
    command = _memcon_command()
    env = {k: v for k, v in os.environ.items() if k != "MEMCON_DB"}
    start_up = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([*command, "--version"], check=True, capture_output=True, env=env)
        start_up.append((time.perf_counter() - t0) * 1000)
    times: list[float] = []
    problems: list[str] = []
    for q in queries:
        args = [*command, "search", "--db", str(db), "--json", "--limit", "10"]
        for key, value in q.filters.items():
            for part in value.split(",") if key in ("volume", "type") else [value]:
                args += [f"--{key}", part]
        t0 = time.perf_counter()
        done = subprocess.run([*args, "--", q.text], check=False, capture_output=True, text=True, env=env)
        times.append((time.perf_counter() - t0) * 1000)
        if done.returncode != 0:
            problems.append(f"{q.label()}: exit {done.returncode}: {done.stderr.strip()[:200]}")
        elif (total := json.loads(done.stdout)["total"]) != totals[q.label()]:
            problems.append(f"{q.label()}: cli total {total} != in-process {totals[q.label()]}")
    return CliRun(Stats.of(times), statistics.median(start_up), problems)


# -- report ------------------------------------------------------------------------------------


def _row(name: str, docs: int, s: Stats) -> str:
    return f"{name:<26} {docs:>9,} {s.n:>5} {s.p50:>8.2f} {s.p95:>8.2f} {s.max:>8.2f} {s.mean:>8.2f}"


def report(
    corpora: list[Corpus], results: dict[str, Measured], queries: list[BenchQuery], repeat: int
) -> bool:
    """Print the table, the details and the summary line; return whether the targets are met."""
    print()
    print(
        f"memcon search benchmark, {time.strftime('%Y-%m-%d')}, {platform.platform()}, "
        f"{os.cpu_count()} cores, python {platform.python_version()}"
    )
    print(
        f"{len(queries)} queries, top 10 with snippets and pages; in-process: {repeat} passes after a warm-up"
    )
    print()
    header = f"{'corpus / mode':<26} {'docs':>9} {'runs':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'mean ms':>8}"
    print(header)
    print("-" * len(header))
    for corpus in corpora:
        m = results[corpus.name]
        print(_row(f"{corpus.name} in-process", corpus.docs, m.stats))
        print(_row(f"{corpus.name} in-process 1st", corpus.docs, m.first))
        if m.cli is not None:
            print(_row(f"{corpus.name} cli", corpus.docs, m.cli.stats))
    print()
    for corpus in corpora:
        m = results[corpus.name]
        print(
            f"{corpus.name}: index {du_mb(corpus.index):,.0f} MB in {segments(corpus.index)} segments, "
            f"built in {corpus.build_s:.0f} s ({corpus.note}); peak RSS while searching {m.peak_rss_mb:.0f} MB"
        )
        print("  p95 ms by kind: " + ", ".join(f"{c} {s.p95:.1f}" for c, s in m.categories.items()))
        print("  slowest (median ms, matching documents):")
        for label, ms, total in m.slowest:
            print(f"    {ms:7.2f}  {total:>8,}  {label}")
        if m.cli is not None:
            print(f"  cli start-up alone (memcon --version): {m.cli.start_up_ms:.0f} ms")
            for problem in m.cli.problems:
                print(f"  cli problem: {problem}")
    print()
    parts = []
    for corpus in corpora:
        s = results[corpus.name].stats
        parts.append(
            f"{corpus.name}_docs={corpus.docs} p50_ms={s.p50:.2f} p95_ms={s.p95:.2f} max_ms={s.max:.2f}"
        )
        cli = results[corpus.name].cli
        if cli is not None:
            parts.append(
                f"{corpus.name}_cli_p50_ms={cli.stats.p50:.0f} {corpus.name}_cli_p95_ms={cli.stats.p95:.0f}"
            )
    print("search " + " ".join(parts))
    ok = results["shared"].stats.p95 <= 10 and ("large" not in results or results["large"].stats.p95 <= 50)
    print(f"targets (in-process p95 <= 10 ms shared, <= 50 ms at ~300k): {'met' if ok else 'NOT met'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--work", type=Path, default=Path(".cache/bench"), help="cache folder (.cache/bench)")
    parser.add_argument("--target-docs", type=int, default=300_000, help="size of the large corpus")
    parser.add_argument("--repeat", type=int, default=5, help="timed in-process passes over the queries")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--skip-large", action="store_true", help="only the shared corpus")
    parser.add_argument("--skip-cli", action="store_true", help="no subprocess measurements")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: one in-process run
    args = parser.parse_args(argv)

    queries = load_queries(args.queries)
    if args.measure:
        print(json.dumps(dataclasses.asdict(run_in_process(args.measure, queries, args.repeat))))
        return 0
    files = shared_files()
    work = args.work.resolve()
    log(f"{len(queries)} queries, {len(files)} volumes, work folder {work}")
    corpora = [build_shared(work, files)]
    log(f"shared corpus: {corpora[0].docs} documents ({corpora[0].note})")
    if not args.skip_large:
        corpora.append(build_large(work, files, args.target_docs, corpora[0].docs))
        log(f"large corpus: {corpora[1].docs} documents ({corpora[1].note})")
    results: dict[str, Measured] = {}
    for corpus in corpora:
        log(f"measuring {corpus.name} in-process …")
        measured = measure_in_subprocess(corpus.index, args.queries, args.repeat)
        if not args.skip_cli:
            log(f"measuring {corpus.name} through the CLI …")
            measured.cli = run_cli(corpus.db, queries, measured.totals)
        results[corpus.name] = measured
    report(corpora, results, queries, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
