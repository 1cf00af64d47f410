"""Ingest benchmark: memcon ingest vs the raw speed of lxml on the same files.

Usage:  python benchmarks/ingest.py [VOLUME.xml | FOLDER …] [--repeat N] [--replicate K]

Default input: every volume in $MEMCON_SHARED/corpus/frus (MEMCON_SHARED
defaults to ../shared).  Each phase runs in its own subprocess so that its peak
RSS (ru_maxrss) is its own:

* raw    — lxml.etree.iterparse over each file, collecting all text and clearing
           elements as it goes: the practical limit for any TEI ingest;
* read   — the reader alone (memcon.readers.read), records built and dropped;
* ingest — memcon.ingest.ingest_paths into a fresh SQLite store + tantivy index,
           with the RSS sampled after every volume (it must not grow with the
           number of volumes).

``--replicate K`` ingests K copies of the input (each copy's volume id suffixed
``-rN``), to show that memory does not grow with the number of volumes.

Prints a table and one summary line:
  ingest_mb_s=… raw_mb_s=… ratio=… docs_s=… peak_rss_mb=…
Targets (issue 2): ratio >= 0.5, peak RSS <= 400 MB and flat across volumes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _files(args: list[str]) -> list[Path]:
    if not args:
        shared = Path(os.environ.get("MEMCON_SHARED", Path(__file__).resolve().parents[2] / "shared"))
        args = [str(shared / "corpus" / "frus")]
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.glob("*.xml")) if p.is_dir() else [p])
    return out


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_raw(files: list[Path]) -> dict[str, object]:
    from lxml import etree

    started = time.perf_counter()
    chars = 0
    for f in files:
        parts: list[str] = []
        for _, el in etree.iterparse(str(f), events=("end",), resolve_entities=False, no_network=True):
            if el.text:
                parts.append(el.text)
            if el.tail:
                parts.append(el.tail)
            el.clear(keep_tail=False)
        chars += sum(len(p) for p in parts)
    return {"seconds": time.perf_counter() - started, "chars": chars, "peak_rss_mb": _peak_mb()}


def phase_read(files: list[Path]) -> dict[str, object]:
    import warnings

    from memcon.readers import read

    started = time.perf_counter()
    documents = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for f in files:
            documents += sum(1 for _ in read(f)) - 1
    return {"seconds": time.perf_counter() - started, "documents": documents, "peak_rss_mb": _peak_mb()}


def phase_ingest(files: list[Path]) -> dict[str, object]:
    from memcon.ingest import Progress, ingest_paths

    rss: list[float] = []

    def on_progress(event: Progress) -> None:
        if event.event == "file-end":
            rss.append(round(_rss_mb(), 1))

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        report = ingest_paths(files, store_path=Path(tmp) / "bench.db", progress=on_progress)
        seconds = time.perf_counter() - started
        db_mb = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file()) / 1e6
    return {
        "seconds": seconds,
        "documents": report.documents,
        "volumes": report.volumes,
        "errors": [str(e.error) for e in report.errors],
        "rss_after_each_volume_mb": rss,
        "peak_rss_mb": _peak_mb(),
        "store_and_index_mb": round(db_mb, 1),
    }


def _replicate(files: list[Path], copies: int, folder: Path) -> list[Path]:
    """``copies`` copies of each file, the TEI root's xml:id suffixed ``-rN`` in copies 2…"""
    out: list[Path] = []
    for n in range(1, copies + 1):
        for f in files:
            data = f.read_bytes()
            if n > 1:
                vid = f.stem.encode()
                data = data.replace(b'xml:id="' + vid + b'"', b'xml:id="' + vid + b"-r%d" % n + b'"', 1)
            dest = folder / f"{f.stem}-r{n}.xml"
            dest.write_bytes(data)
            out.append(dest)
    return out


def _run_phase(name: str, files: list[Path]) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--phase", name, *map(str, files)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--phase", choices=["raw", "read", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=1, help="Run each phase N times and keep the best.")
    parser.add_argument("--replicate", type=int, default=1, help="Ingest K copies of the input volumes.")
    args = parser.parse_args()
    files = _files(args.paths)
    if args.replicate > 1 and not args.phase:
        tmp = Path(tempfile.mkdtemp(prefix="memcon-bench-"))
        files = _replicate(files, args.replicate, tmp)
    if args.phase:
        phases = {"raw": phase_raw, "read": phase_read, "ingest": phase_ingest}
        result = phases[args.phase](files)
        print(json.dumps(result))
        return
    if not files:
        sys.exit("no input volumes: set MEMCON_SHARED or pass files")
    mb = sum(f.stat().st_size for f in files) / 1e6
    raw = min((_run_phase("raw", files) for _ in range(args.repeat)), key=lambda r: r["seconds"])  # type: ignore[arg-type,return-value]
    rd = min((_run_phase("read", files) for _ in range(args.repeat)), key=lambda r: r["seconds"])  # type: ignore[arg-type,return-value]
    ing = min((_run_phase("ingest", files) for _ in range(args.repeat)), key=lambda r: r["seconds"])  # type: ignore[arg-type,return-value]
    raw_s, ing_s = float(raw["seconds"]), float(ing["seconds"])  # type: ignore[arg-type]
    docs = int(ing["documents"])  # type: ignore[call-overload]
    print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"input: {len(files)} volumes, {mb:.1f} MB, {docs:,} documents")
    print(f"{'phase':<8}{'seconds':>9}{'MB/s':>9}{'docs/s':>9}{'peak RSS MB':>13}")
    print(f"{'raw':<8}{raw_s:>9.2f}{mb / raw_s:>9.1f}{'':>9}{float(raw['peak_rss_mb']):>13.0f}")  # type: ignore[arg-type]
    rd_s = float(rd["seconds"])  # type: ignore[arg-type]
    print(f"{'read':<8}{rd_s:>9.2f}{mb / rd_s:>9.1f}{docs / rd_s:>9.0f}{float(rd['peak_rss_mb']):>13.0f}")  # type: ignore[arg-type]
    print(f"{'ingest':<8}{ing_s:>9.2f}{mb / ing_s:>9.1f}{docs / ing_s:>9.0f}{float(ing['peak_rss_mb']):>13.0f}")  # type: ignore[arg-type]
    print(f"RSS after each volume (MB): {ing['rss_after_each_volume_mb']}")
    print(f"store + index on disk: {ing['store_and_index_mb']} MB; errors: {len(ing['errors'])}")  # type: ignore[arg-type]
    for e in ing["errors"]:  # type: ignore[attr-defined]
        print("  error:", e)
    print(
        f"ingest_mb_s={mb / ing_s:.2f} raw_mb_s={mb / raw_s:.2f} ratio={raw_s / ing_s:.2f} "
        f"docs_s={docs / ing_s:.0f} peak_rss_mb={float(ing['peak_rss_mb']):.0f}"  # type: ignore[arg-type]
    )


if __name__ == "__main__":
    main()
