"""Measure loading, merging and looking up the full shared authority:
``python tests/authority/bench_authority.py [AUTHORITY_FOLDER]``.

Builds a fresh SQLite store in a temporary folder holding d88's volume (its list of 110
persons) and the authority, then prints the time and memory of ``ingest_authority``, of
``Authority.from_store``, of ``holders`` and of ``find_persons``.
"""

from __future__ import annotations

import gc
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script: `tests` importable

from memcon.authority.load import ingest_authority  # noqa: E402
from memcon.authority.lookup import Authority  # noqa: E402
from memcon.model.records import Document, Volume  # noqa: E402
from memcon.readers.frus_tei import read_frus_tei  # noqa: E402
from memcon.store import SQLiteStore  # noqa: E402
from tests._shared import shared_path  # noqa: E402


def rss_mb() -> int:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) // 1024


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_path() / "authority"
    excerpt = shared_path() / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml"
    with tempfile.TemporaryDirectory() as tmp, SQLiteStore(Path(tmp) / "memcon.db") as store:
        records = read_frus_tei(str(excerpt))
        volume = next(records)
        assert isinstance(volume, Volume)
        store.replace_volume(volume, [r for r in records if isinstance(r, Document)])
        before = rss_mb()
        started = time.perf_counter()
        report = ingest_authority(folder, store)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"ingest_authority: {time.perf_counter() - started:.1f} s, RSS {before} → peak {peak} MB")
        print(f"  {report}")
        print(f"  database: {(Path(tmp) / 'memcon.db').stat().st_size / 2**20:.0f} MB")
        gc.collect()
        before = rss_mb()
        started = time.perf_counter()
        authority = Authority.from_store(store)
        seconds = time.perf_counter() - started
        gc.collect()
        print(f"Authority.from_store: {seconds:.1f} s, +{rss_mb() - before} MB RSS, {len(authority)} persons")
        days = ["1961-06-04", "1962-10-20", "1955-01-01", "1975-05-05"] * 250
        started = time.perf_counter()
        for day in days:
            authority.holders("the Secretary", on=day, side="United States")
        print(f"holders: {(time.perf_counter() - started) / len(days) * 1000:.2f} ms per call")
        names = ["Khrushchev", "Rusk", "Johnson", "Sukhodrev", "Suhodrev"] * 20
        started = time.perf_counter()
        for name in names:
            store.find_persons(name)
        print(f"find_persons: {(time.perf_counter() - started) / len(names) * 1000:.1f} ms per call")


if __name__ == "__main__":
    main()
