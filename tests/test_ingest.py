"""memcon.ingest on real FRUS volumes: counts, idempotency, replacement, bad files, atomicity."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from lxml import etree

from memcon.errors import EmptyInput, MalformedInput, ReadError
from memcon.ingest import expand_paths, ingest_paths
from memcon.workspace import open_workspace

TEI = "{http://www.tei-c.org/ns/1.0}"
SMALL = ("frus1873p2v3.xml", "frus1902app1.xml")


def _top_level_documents(path: Path) -> int:
    tree = etree.parse(str(path))
    return int(
        tree.xpath(
            "count(//tei:div[@type='document'][not(ancestor::tei:div[@type='document'])])",
            namespaces={"tei": TEI[1:-1]},
        )
    )


@pytest.fixture
def small_volumes(frus_dir: Path, tmp_path: Path) -> list[Path]:
    out = []
    for name in SMALL:
        dest = tmp_path / "in" / name
        dest.parent.mkdir(exist_ok=True)
        shutil.copy(frus_dir / name, dest)
        out.append(dest)
    return out


def test_ingest_counts_match_the_tei(small_volumes: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    report = ingest_paths(small_volumes, store_path=db)
    assert not report.errors
    assert report.volumes == 2
    expected = sum(_top_level_documents(p) for p in small_volumes)
    assert report.documents == expected
    with open_workspace(db) as ws:
        assert ws.store.stats().documents == expected
        assert ws.index.count() == expected
        assert ws.store.unindexed_volumes(ws.index.name) == []


def test_reingest_unchanged_is_a_no_op(small_volumes: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    ingest_paths(small_volumes, store_path=db)
    again = ingest_paths(small_volumes, store_path=db)
    assert again.volumes == 0 and again.unchanged == 2 and again.documents == 0
    with open_workspace(db) as ws:
        assert ws.index.count() == ws.store.stats().documents


def test_changed_file_replaces_its_documents(small_volumes: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    ingest_paths(small_volumes, store_path=db)
    path = small_volumes[0]
    tree = etree.parse(str(path))
    docs = tree.xpath("//tei:div[@type='document'][not(ancestor::tei:div[@type='document'])]", namespaces={"tei": TEI[1:-1]})
    removed = docs[-1]
    removed.getparent().remove(removed)
    tree.write(str(path), encoding="utf-8", xml_declaration=True)
    report = ingest_paths([path], store_path=db)
    assert report.volumes == 1
    expected = sum(_top_level_documents(p) for p in small_volumes)
    with open_workspace(db) as ws:
        assert ws.store.stats().documents == expected
        assert ws.index.count() == expected  # no stale copy in the index


def test_bad_files_are_reported_and_the_batch_goes_on(small_volumes: list[Path], tmp_path: Path) -> None:
    truncated = tmp_path / "in" / "frus1919truncated.xml"
    truncated.write_bytes(small_volumes[0].read_bytes()[:200_000])
    empty = tmp_path / "in" / "empty.xml"
    empty.write_bytes(b"")
    report = ingest_paths([truncated, empty, *small_volumes, tmp_path / "missing.xml"], store_path=tmp_path / "m.db")
    assert report.volumes == 2
    failed = {Path(f.path).name: f.error for f in report.errors}
    assert set(failed) == {"frus1919truncated.xml", "empty.xml", "missing.xml"}
    err = failed["frus1919truncated.xml"]
    assert isinstance(err, MalformedInput)
    assert err.line and err.line > 1 and "frus1919truncated.xml" in str(err)
    assert isinstance(failed["empty.xml"], EmptyInput)
    assert isinstance(failed["missing.xml"], ReadError)


def test_a_failed_volume_leaves_nothing_half_written(small_volumes: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    ingest_paths([small_volumes[0]], store_path=db)
    # Same volume id, body broken after several documents: the old content must survive intact.
    good = small_volumes[0].read_bytes()
    broken = tmp_path / "in" / "broken.xml"
    cut = good.index(b'<div type="document"', len(good) // 2)
    broken.write_bytes(good[:cut] + b"<p>unclosed")
    with open_workspace(db) as ws:
        before = ws.store.stats().documents
    report = ingest_paths([broken], store_path=db)
    assert len(report.errors) == 1
    with open_workspace(db) as ws:
        assert ws.store.stats().documents == before
        assert ws.index.count() == before


def test_killed_ingest_leaves_the_store_consistent(frus_dir: Path, tmp_path: Path) -> None:
    """kill -9 in the middle of a volume: after restart the store holds only whole volumes."""
    db = tmp_path / "m.db"
    script = textwrap.dedent(
        f"""
        import os, signal
        from memcon.ingest import ingest_paths
        seen = 0
        def cb(ev):
            global seen
            if ev.event == "document":
                seen += 1
                if seen == 300:
                    os.kill(os.getpid(), signal.SIGKILL)
        ingest_paths([{str(frus_dir / 'frus1873p2v3.xml')!r}, {str(frus_dir / 'frus1919Parisv01.xml')!r}],
                     store_path={str(db)!r}, progress=cb)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -9
    con = sqlite3.connect(db)
    volumes = {r[0] for r in con.execute("select distinct volume_id from documents")}
    con.close()
    assert volumes == {"frus1873p2v3"}
    report = ingest_paths([frus_dir / "frus1919Parisv01.xml"], store_path=db)
    assert report.volumes == 1 and not report.errors
    with open_workspace(db) as ws:
        assert ws.index.count() == ws.store.stats().documents


def test_expand_paths_folders_globs_and_duplicates(frus_dir: Path) -> None:
    paths = expand_paths([frus_dir, str(frus_dir / "frus1919*.xml"), frus_dir / "frus1861.xml"])
    names = [p.name for p in paths]
    assert len(names) == len(set(names)) == len(list(frus_dir.glob("*.xml")))


@pytest.mark.parametrize("workers", [0, 1])
def test_reader_warnings_travel_with_the_file(frus_dir: Path, tmp_path: Path, workers: int) -> None:
    """frus1861's front matter holds a document without an xml:id: reported, not lost, from either process."""
    from memcon.ingest import ingest

    with open_workspace(tmp_path / "m.db") as ws:
        report = ingest(
            [frus_dir / "frus1861.xml", frus_dir / "frus1873p2v3.xml"], store=ws.store, index=ws.index, workers=workers
        )
    first, second = report.files
    assert any("no xml:id" in w and "frus1861.xml:675" in w for w in first.warnings), first.warnings
    assert second.warnings == ()
    assert first.status == second.status == "ingested"


def test_reader_pipes_are_widened(small_volumes: list[Path]) -> None:
    """The queues' pipes are grown to PIPE_BYTES (Linux), so a batch crosses in one write."""
    fcntl = pytest.importorskip("fcntl")
    if not hasattr(fcntl, "F_GETPIPE_SZ"):
        pytest.skip("no F_GETPIPE_SZ on this platform")
    from memcon._readahead import PIPE_BYTES, ReadAhead

    reader = ReadAhead(small_volumes, format=None, known={}, force=False, workers=2)
    reader.start()
    try:
        sizes = [fcntl.fcntl(q._writer.fileno(), fcntl.F_GETPIPE_SZ) for q in reader._queues]
    finally:
        reader.close()
    assert sizes == [PIPE_BYTES, PIPE_BYTES]
