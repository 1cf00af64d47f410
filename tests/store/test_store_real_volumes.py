"""Real FRUS volumes, read by the real reader, round-trip through the SQLite store unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from memcon.model.records import Document, Volume
from memcon.readers import read
from memcon.store import open_store


def read_volume(path: Path) -> tuple[Volume, list[Document]]:
    records = read(path)
    volume = next(records)
    assert isinstance(volume, Volume)
    docs = [r for r in records if isinstance(r, Document)]
    return volume, docs


@pytest.fixture(scope="module")
def real_volumes(shared: Path, frus_dir: Path) -> list[tuple[Volume, list[Document]]]:
    """The Vienna-summit excerpt (fully tagged, modern) and FRUS 1919 Paris v01 (name tags)."""
    excerpt = shared / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml"
    return [read_volume(excerpt), read_volume(frus_dir / "frus1919Parisv01.xml")]


@pytest.mark.shared
def test_real_volumes_round_trip(tmp_path: Path, real_volumes: list[tuple[Volume, list[Document]]]) -> None:
    with open_store(tmp_path / "memcon.db") as store:
        for volume, docs in real_volumes:
            assert store.replace_volume(volume, iter(docs)) == len(docs)
        for volume, docs in real_volumes:
            assert store.get_volume(volume.id) == volume
            assert store.source_digest(volume.id) == volume.provenance.sha256  # type: ignore[union-attr]
            assert list(store.iter_documents(volume_id=volume.id)) == docs
            for doc in docs[:50]:
                assert store.get_document(doc.id) == doc
            assert store.neighbours(docs[0].id)[0] is None and store.neighbours(docs[-1].id)[1] is None
        every = [d for _, docs in real_volumes for d in docs]
        stats = store.stats()
        assert stats.documents == len(every)
        assert stats.pages == sum(len(d.pages) for d in every)
        assert stats.footnotes == sum(len(d.footnotes) for d in every)
        assert stats.annotations == sum(len(d.annotations) for d in every)
        assert stats.sources == 2


@pytest.mark.shared
def test_the_vienna_memorandum_is_browsable(
    tmp_path: Path, real_volumes: list[tuple[Volume, list[Document]]]
) -> None:
    """Document 88 of FRUS 1961–63 v05 as a historian finds it in the tables."""
    import sqlite3

    volume, docs = real_volumes[0]
    with open_store(tmp_path / "memcon.db") as store:
        store.replace_volume(volume, docs)
    d88 = next(d for d in docs if d.id.endswith("/d88"))
    conn = sqlite3.connect(tmp_path / "memcon.db")
    date_min, n_pages = conn.execute(
        "SELECT date_min, (SELECT count(*) FROM pages WHERE document_id = documents.id) FROM documents WHERE id = ?",
        (d88.id,),
    ).fetchone()
    assert date_min == "1961-06-04"
    assert n_pages == len(d88.pages) >= 2
    tagged = conn.execute(
        "SELECT count(*) FROM annotations WHERE document_id = ? AND target = '#p_KNS1'", (d88.id,)
    ).fetchone()[0]
    assert tagged == sum(1 for a in d88.annotations if a.target == "#p_KNS1") > 0
    conn.close()
