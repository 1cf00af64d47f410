"""Speed of who said what: what extracting statements and meetings adds to `memcon ingest`.

Usage:  python benchmarks/said.py [--keep DIR]

Issue 5, item 6: extracting statements and meetings for every document of the shared volumes
runs inside `memcon ingest` (its linking stage) and adds no more than the time the ingest itself
takes.  In one fresh store ($MEMCON_SHARED, default ../shared):

1. ingest   — `ingest_paths` of every volume in corpus/frus into the empty store (no authority
              yet, so nothing is linked): the ingest itself (readers, store, full-text index),
              wall time;
2. link     — `ingest_paths` of authority/, which builds the person authority and links every
              volume; its report says how long the linking took and what the meetings and
              statements added to it (`LinkReport.said_seconds`: reading the meetings, handing
              each volume to the statement worker and waiting for it, writing what it found);
3. alone    — `memcon.linking.said_in` over every volume in this process (mentions read
              beforehand): the extraction's own speed, in documents/s.

Prints a table and one summary line:
  said_added_s=… ingest_s=… ratio=… link_s=… alone_s=… docs_s=… statements=… meetings=…
Target (issue 5): said_added_s <= ingest_s (ratio <= 1).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", help="build the store in this folder and keep it")
    args = ap.parse_args()
    shared = Path(os.environ.get("MEMCON_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    volumes = sorted((shared / "corpus" / "frus").glob("*.xml"))
    authority = shared / "authority"
    if not volumes or not authority.is_dir():
        sys.exit(f"no volumes or authority under {shared}: set MEMCON_SHARED")
    warnings.simplefilter("ignore")  # the readers' warnings about odd dates are not measured here

    from memcon.ingest import ingest_paths
    from memcon.linking import said_in
    from memcon.store import open_store

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="memcon-said-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "said.db"
    t = time.perf_counter()
    report = ingest_paths(volumes, store_path=db)  # no authority yet: nothing is linked
    ingest_s = time.perf_counter() - t
    documents = sum(o.documents for o in report.files)
    report = ingest_paths([authority], store_path=db)
    linking = report.linking
    assert linking is not None and linking.volumes, "the authority linked no volume"

    with open_store(db, create=False) as store:
        work = []
        for summary in store.volumes():
            volume = store.get_volume(summary.id)
            docs = list(store.iter_documents(volume_id=summary.id))
            work.append((docs, {d.id: store.mentions(d.id) for d in docs}, volume.terms))
    t = time.perf_counter()
    alone = sum(len(st) for docs, mentions, terms in work for _, st in said_in(docs, mentions, terms))
    alone_s = time.perf_counter() - t

    print(f"machine: {platform.node() or 'unknown'} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"input: {len(volumes)} volumes, {documents:,} documents; store in {folder}")
    print(f"{'phase':<44} {'seconds':>8}")
    print(f"{'ingest itself (no linking)':<44} {ingest_s:8.2f}")
    print(f"{'linking (names, titles, meetings, statements)':<44} {linking.seconds:8.2f}")
    print(f"{'  of which meetings and statements added':<44} {linking.said_seconds:8.2f}")
    print(f"{'statements alone, one process':<44} {alone_s:8.2f}  ({documents / alone_s:,.0f} documents/s, "
          f"{alone:,} statements)")
    if not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"said_added_s={linking.said_seconds:.2f} ingest_s={ingest_s:.2f} "
          f"ratio={linking.said_seconds / ingest_s:.2f} link_s={linking.seconds:.2f} alone_s={alone_s:.2f} "
          f"docs_s={documents / alone_s:.0f} statements={linking.statements} meetings={linking.meetings}")


if __name__ == "__main__":
    main()
