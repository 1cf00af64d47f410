"""Quote-verification benchmark: latency and honesty of ``memcon quote`` over real passages.

Usage:  python benchmarks/quote.py [--db DB] [--keep DIR] [--repeat N] [-v] [PASSAGES.jsonl]

Each line of ``benchmarks/data/quotes.jsonl`` (see docs/benchmarks.md, "Quotes") is a passage::

  {"kind": "typos", "quote": "…", "doc": "frus1930v01/d29", "pages": ["31"], "found": true}

* ``found: true`` — a real sentence of the shared volumes (drawn at random, unique in the corpus),
  as is (``exact``, ``page-turn``: over a page turn, both pages expected) or altered as quotes get
  altered: ``typos`` (1–3 letters swapped, dropped, doubled or replaced), ``ellipsis`` (words
  removed and marked ``…``, ``...``, ``. . .`` or ``[...]``), ``curly-quotes`` (quoted in curly
  quotes, apostrophes and dashes typographic), ``line-breaks`` (a break every seven words, a long
  word hyphenated over one).  It must be found in ``doc`` at ``pages``.
* ``found: false`` — not in the corpus: a real sentence with one word changed for another
  (``word-changed``), with ``not``/``never`` added (``word-added``), or the halves of two
  sentences of different documents joined (``spliced``).  It must not be found.

For each passage :func:`memcon.cite.quotes.verify_quote` runs (with the citation, as
``memcon quote`` does) and its wall time and CPU time are taken; the script prints p50/p95/max
latency (and the CPU time's p50/p95, which a busy machine does not inflate), the
found-rate of the altered passages (found in the right document at the right pages), the
false-found rate of the passages not in the corpus, and ends with one line::

  quote_p95_ms=… passages=… found=… false_found=…

(``found`` and ``false_found`` as fractions).  Target (issue 7): p95 <= 200 ms.

Without ``--db`` it builds a fresh store in a temporary folder (or ``--keep DIR``) holding every
shared input: the 20 FRUS volumes, the vol. V excerpt, the seeds and the authority.
MEMCON_SHARED defaults to ../shared beside the clone.

DOCS: docs/benchmarks.md#quotes--benchmarksquotepy
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _labels import build_store, read_labels, shared_root  # noqa: E402

PASSAGES = HERE / "data" / "quotes.jsonl"


def inputs() -> list[Path]:
    """Every shared input, as the test suite's ``full_store`` holds them."""
    root = shared_root()
    return [
        root / "corpus" / "frus",
        root / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml",
        root / "corpus" / "seeds",
        root / "authority",
    ]


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def judge(passage: dict[str, Any], result: Any) -> str:
    """``right``, ``wrong-place`` (found elsewhere), ``missed`` (in the corpus, not found),
    ``false-found`` or ``rejected`` (not in the corpus, not found)."""
    if not passage["found"]:
        return "false-found" if result.found else "rejected"
    if not result.found:
        return "missed"
    match = result.match
    right = match.document_id == passage["doc"] and list(match.pages) == list(passage["pages"])
    return "right" if right else "wrong-place"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("passages", nargs="?", type=Path, default=PASSAGES, help="JSON Lines (default: %(default)s)")
    ap.add_argument("--db", type=Path, help="an existing memcon database (default: build a fresh one)")
    ap.add_argument("--keep", type=Path, help="build the fresh store in this folder and keep it")
    ap.add_argument("--repeat", type=int, default=1, help="time each passage N times (keep the median)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every passage's outcome")
    args = ap.parse_args(argv)

    passages = [raw for _, raw in read_labels([args.passages], keys=("kind", "quote", "doc", "pages", "found"))]
    from memcon.cite.quotes import METHOD, verify_quote
    from memcon.workspace import open_workspace

    with tempfile.TemporaryDirectory(prefix="memcon-quote-") as tmp:
        db = args.db
        if db is None:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            db = build_store(folder, inputs(), script="quote.py")
        with open_workspace(db, create=False) as ws:
            verify_quote(ws, "warm up the index and the citation styles")
            times: list[float] = []
            cpu: list[float] = []
            outcomes: list[tuple[dict[str, Any], str, Any]] = []
            for passage in passages:
                runs, cpu_runs = [], []
                for _ in range(max(1, args.repeat)):
                    t0, c0 = time.perf_counter(), time.process_time()
                    result = verify_quote(ws, passage["quote"])
                    runs.append((time.perf_counter() - t0) * 1000)
                    cpu_runs.append((time.process_time() - c0) * 1000)
                times.append(statistics.median(runs))
                cpu.append(statistics.median(cpu_runs))
                outcomes.append((passage, judge(passage, result), result))

    by_kind: dict[str, Counter[str]] = {}
    for passage, verdict, _ in outcomes:
        by_kind.setdefault(passage["kind"], Counter())[verdict] += 1
    print(f"\n{len(passages)} passages from {args.passages} — {METHOD}")
    for kind, counts in by_kind.items():
        print(f"  {kind:<14} " + ", ".join(f"{v} {n}" for v, n in sorted(counts.items())))
    for passage, verdict, result in outcomes:
        if args.verbose or verdict not in ("right", "rejected"):
            best = result.match or (result.candidates[0] if result.candidates else None)
            where = f"{best.document_id} p. {best.page} sim {best.similarity:.3f} changes {best.changes}" if best else "-"
            print(f"  [{verdict}] {passage['kind']}: {passage['quote'][:70]!r} → {where} (expected {passage['doc']} {passage['pages']})")
    in_corpus = [v for p, v, _ in outcomes if p["found"]]
    altered = [v for p, v, _ in outcomes if p["found"] and p["kind"] not in ("exact", "page-turn")]
    absent = [v for p, v, _ in outcomes if not p["found"]]
    found = sum(v == "right" for v in altered) / len(altered) if altered else 0.0
    false_found = sum(v == "false-found" for v in absent) / len(absent) if absent else 0.0
    print(f"latency: p50 {percentile(times, 50):.1f} ms, p95 {percentile(times, 95):.1f} ms, max {max(times):.1f} ms "
          f"(CPU time: p50 {percentile(cpu, 50):.1f} ms, p95 {percentile(cpu, 95):.1f} ms — on a loaded machine "
          "the wall time is the CPU time plus the wait for a core)")
    print(f"in the corpus: {sum(v == 'right' for v in in_corpus)} of {len(in_corpus)} found at the right document and pages "
          f"(altered: {sum(v == 'right' for v in altered)} of {len(altered)}); "
          f"not in the corpus: {sum(v == 'false-found' for v in absent)} of {len(absent)} found")
    print(f"quote_p95_ms={percentile(times, 95):.1f} passages={len(passages)} found={found:.2f} false_found={false_found:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
