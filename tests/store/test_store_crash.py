"""Nothing half-written: a writer killed with SIGKILL in the middle of a volume leaves the old volume."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from memcon.store import open_store
from tests.store.store_factories import make_documents, make_volume

VOL = "frus1961-63v05"
HERE = Path(__file__).resolve().parent

# Runs in a child process: replace the volume with version "b", killing itself at document 520,
# after two batches of 256 documents have been written inside the open transaction.  A tiny page
# cache makes SQLite spill those uncommitted pages into the WAL file before the kill.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    sys.path.insert(0, {here!r})
    from store_factories import make_documents, make_volume
    from memcon.store import open_store

    store = open_store({db!r})
    store._conn.execute("PRAGMA cache_size = 20")

    def documents():
        for doc in make_documents({vol!r}, 600, version="b", text_chars=2000):
            if doc.seq == 520:
                sys.stdout.write("killing\\n")
                sys.stdout.flush()
                os.kill(os.getpid(), signal.SIGKILL)
            yield doc

    store.replace_volume(make_volume({vol!r}, version="b"), documents())
    sys.stdout.write("not killed\\n")
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_half_way_leaves_the_previous_volume(db_path: Path) -> None:
    old = make_documents(VOL, 5)
    with open_store(db_path) as store:
        store.replace_volume(make_volume(VOL), old)
        store.mark_indexed(VOL, "memcon.tantivy.v1")
        before = store.stats()
    script = CHILD.format(here=str(HERE), db=str(db_path), vol=VOL)
    proc = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert proc.stdout == "killing\n"
    # The killed writer left uncommitted pages behind in the WAL.
    assert Path(str(db_path) + "-wal").stat().st_size > 256 * 2000
    with open_store(db_path) as store:
        assert store.stats() == before
        assert list(store.iter_documents(volume_id=VOL)) == old
        assert store.get_volume(VOL) == make_volume(VOL)
        assert store.source_digest(VOL) == make_volume(VOL).provenance.sha256  # type: ignore[union-attr]
        assert store.unindexed_volumes("memcon.tantivy.v1") == []
        # No document of the new version is visible, and the store takes writes again.
        assert all(d.heading.endswith("(a)") for d in store.iter_documents())
        assert store.replace_volume(make_volume(VOL, version="b"), make_documents(VOL, 2, version="b")) == 2
    assert os.path.getsize(db_path) > 0
