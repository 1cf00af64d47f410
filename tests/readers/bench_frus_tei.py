"""Measure memcon.frus_tei on the shared FRUS volumes against raw lxml iterparse.

    .venv/bin/python tests/readers/bench_frus_tei.py [--repeat 3] [--profile]

Modes, each run in a fresh process so that its peak RSS is its own:

* ``parse``  — lxml iterparse over the file, nothing else (the floor);
* ``raw``    — iterparse, and the text of every top-level document collected with
  ``itertext()``, each document cleared after use (what "reading the text" costs at least);
* ``reader`` — :func:`memcon.readers.frus_tei.read_frus_tei`, every record built.

Not a test (no ``test_`` prefix): a tool for docs/benchmarks.md and the reader's report.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
SHARED = Path(os.environ.get("MEMCON_SHARED", Path(__file__).resolve().parents[3] / "shared"))


def volumes() -> list[Path]:
    return sorted((SHARED / "corpus" / "frus").glob("*.xml"))


def run_parse(paths: list[Path]) -> int:
    count = 0
    for path in paths:
        with open(path, "rb") as fh:
            for _event, el in etree.iterparse(fh, events=("end",), tag=TEI + "div", resolve_entities=False):
                count += el.get("type") == "document"
    return count


def run_raw(paths: list[Path]) -> int:
    count = 0
    for path in paths:
        with open(path, "rb") as fh:
            depth = 0
            for event, el in etree.iterparse(fh, events=("start", "end"), tag=TEI + "div", resolve_entities=False):
                if el.get("type") != "document":
                    continue
                if event == "start":
                    depth += 1
                    continue
                depth -= 1
                if depth == 0:
                    text = " ".join("".join(el.itertext()).split())
                    count += bool(text)
                    el.clear(keep_tail=True)
                    parent = el.getparent()
                    while el.getprevious() is not None and parent is not None:
                        del parent[0]
    return count


def run_reader(paths: list[Path]) -> int:
    from memcon.readers.frus_tei import read_frus_tei

    count = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in paths:
            for _record in read_frus_tei(path, sha256="-"):
                count += 1
    return count - len(paths)  # documents only


def print_types(paths: list[Path]) -> None:
    from collections import Counter

    from memcon.model.records import Document
    from memcon.readers.frus_tei import read_frus_tei

    counts: Counter[str] = Counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in paths:
            counts.update(r.doc_type for r in read_frus_tei(path, sha256="-") if isinstance(r, Document))
    total = sum(counts.values())
    for kind, n in counts.most_common():
        print(f"{kind:28} {n:6} {100 * n / total:5.1f}%")
    print(f"{'total':28} {total:6}")


MODES = {"parse": run_parse, "raw": run_raw, "reader": run_reader}


def child(mode: str, repeat: int) -> None:
    paths = volumes()
    best = cpu = float("inf")
    docs = 0
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        docs = MODES[mode](paths)
        best = min(best, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - started_cpu)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    size = sum(p.stat().st_size for p in paths)
    print(json.dumps({"mode": mode, "seconds": best, "cpu": cpu, "documents": docs, "bytes": size,
                      "peak_rss_mb": rss_kb / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mode", choices=sorted(MODES))
    parser.add_argument("--profile", action="store_true", help="cProfile the reader and print the top entries")
    parser.add_argument("--types", action="store_true", help="print the distribution of doc_type")
    args = parser.parse_args()
    if args.mode:
        child(args.mode, args.repeat)
        return
    if not volumes():
        sys.exit(f"no FRUS volumes under {SHARED}/corpus/frus (set MEMCON_SHARED)")
    if args.types:
        print_types(volumes())
        return
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("run_reader(volumes())", globals(), locals(), "/tmp/frus_tei.prof")
        pstats.Stats("/tmp/frus_tei.prof").sort_stats("tottime").print_stats(20)
        return
    results = {}
    for mode in ("parse", "raw", "reader"):
        out = subprocess.run([sys.executable, __file__, "--mode", mode, "--repeat", str(args.repeat)],
                             check=True, capture_output=True, text=True)
        results[mode] = json.loads(out.stdout)
    raw, raw_cpu = results["raw"]["seconds"], results["raw"]["cpu"]
    print(f"{'mode':8} {'wall s':>7} {'cpu s':>6} {'docs/s':>8} {'MB/s':>6} {'peak RSS MB':>12} "
          f"{'speed vs raw (wall, cpu)':>25}")
    for mode, r in results.items():
        mb = r["bytes"] / 1e6
        print(f"{mode:8} {r['seconds']:7.2f} {r['cpu']:6.2f} {r['documents'] / r['seconds']:8.0f} "
              f"{mb / r['seconds']:6.1f} {r['peak_rss_mb']:12.1f} "
              f"{raw / r['seconds']:15.2f}x {raw_cpu / r['cpu']:6.2f}x")
    print(f"{len(volumes())} volumes, {results['reader']['documents']} documents, "
          f"{results['reader']['bytes'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
