"""One record per document, whatever its sources (issue 3, item 5), through ``memcon.ingest``
into a real SQLite store and tantivy index.

The seed web page and the TEI excerpt of FRUS 1961–63 vol. V are the same document 88;
pages rendered from the shared TEI volumes in the history.state.gov form of the seed
(``tests/_hsg_pages.py``) stand for every other volume.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from memcon.ingest import ingest
from memcon.model.records import Document
from memcon.readers.frus_tei import read_frus_tei
from memcon.search import search
from memcon.workspace import open_workspace
from tests._hsg_pages import render_hsg_page
from tests._shared import frus_volume_paths, require, shared_path

D88 = "frus1961-63v05/d88"


def seed_page() -> Path:
    return require(shared_path() / "corpus" / "seeds" / "frus1961-63v05-d88.web.txt", "the seed web page")


def d88_tei() -> Path:
    return require(shared_path() / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the vol. V excerpt")


def run(db: Path, *paths: Path) -> list[str]:
    with open_workspace(db) as ws:
        report = ingest(list(paths), store=ws.store, index=ws.index, workers=0)
    assert not report.errors, [str(f.error) for f in report.errors]
    return [f.merged_into or "" for f in report.files]


def check_d88(db: Path) -> None:
    with open_workspace(db, create=False) as ws:
        docs = list(ws.store.iter_documents())
        assert [d.id for d in docs] == [D88]
        doc = docs[0]
        assert [p.format for p in doc.provenance] == ["frus-tei", "hsg-page"]
        assert doc.date is not None and doc.date.when == "1961-06-04"  # the TEI's date
        assert doc.source_fields is not None and doc.source_fields.approved_date == "1961-06-23"
        assert [r.target for r in doc.references] == ["frus1961-63v05/d84"]
        hits = search(ws.index, "Khrushchev lunch")
        assert [h.doc_id for h in hits.hits] == [D88]  # nothing appears twice
        assert ws.store.volumes()[0].indexed
        assert [r.document_id for r in ws.store.source_records()] == [D88]


def test_web_page_then_tei(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    assert run(db, seed_page()) == [""]
    run(db, d88_tei())
    check_d88(db)


def test_tei_then_web_page(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    run(db, d88_tei())
    assert run(db, seed_page()) == [D88]
    check_d88(db)


def test_a_copy_whose_name_says_nothing_is_recognised_by_its_text(tmp_path: Path) -> None:
    copy = tmp_path / "lunch in vienna.txt"
    shutil.copy(seed_page(), copy)
    db = tmp_path / "m.db"
    run(db, d88_tei())
    assert run(db, copy) == [D88]
    check_d88(db)


def test_a_copy_stored_before_its_volume_is_taken_in_by_it(tmp_path: Path) -> None:
    copy = tmp_path / "lunch in vienna.txt"
    shutil.copy(seed_page(), copy)
    db = tmp_path / "m.db"
    run(db, copy)
    with open_workspace(db, create=False) as ws:
        (alone,) = ws.store.iter_documents()
        assert alone.id.startswith("hsg/")
    run(db, d88_tei())
    check_d88(db)


def test_unchanged_copy_is_a_no_op_and_a_changed_one_replaces_its_reading(tmp_path: Path) -> None:
    copy = tmp_path / "frus1961-63v05-d88.web.txt"
    shutil.copy(seed_page(), copy)
    db = tmp_path / "m.db"
    run(db, d88_tei(), copy)
    with open_workspace(db) as ws:
        report = ingest([copy], store=ws.store, index=ws.index, workers=0)
    assert [f.status for f in report.files] == ["unchanged"]
    copy.write_text(copy.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run(db, copy)
    check_d88(db)


def _sample_documents(per_volume: int) -> list[tuple[Path, Document]]:
    paths = frus_volume_paths()
    if not paths:
        require(shared_path() / "corpus" / "frus", "the shared FRUS volumes")
    out = []
    for path in paths:
        docs = [r for r in read_frus_tei(path) if isinstance(r, Document) and r.n and len(r.text) > 400]
        out.extend((path, d) for d in random.Random(path.name).sample(docs, min(per_volume, len(docs))))
    return out


@pytest.mark.parametrize("tei_first", [True, False])
def test_every_shared_volume_with_web_copies(tmp_path: Path, tei_first: bool) -> None:
    """Three documents of each of the 20 shared volumes, copied as web pages with and without
    their id in the file name, ingested before or after their volume: one record each."""
    pages = tmp_path / "pages"
    pages.mkdir()
    samples = _sample_documents(3)
    for i, (_, doc) in enumerate(samples):
        volume, number = doc.id.split("/")
        if i % 2:  # the file named as the site names the document
            (pages / f"{volume}-{number}.web.txt").write_text(render_hsg_page(doc), encoding="utf-8")
        else:  # a name that says nothing: the copy includes the site's breadcrumb
            page = render_hsg_page(doc, volume_title=f"Foreign Relations of the United States, {volume}")
            (pages / f"copy {i}.txt").write_text(page, encoding="utf-8")
    volumes = sorted({p for p, _ in samples})
    copies = sorted(pages.iterdir())
    db = tmp_path / "m.db"
    if tei_first:
        run(db, *volumes)
        merged = run(db, *copies)
        assert all(merged), "every copy is recognised as its TEI document"
    else:
        run(db, *copies)
        run(db, *volumes)
    with open_workspace(db, create=False) as ws:
        stats = ws.store.stats()
        expected = sum(v.documents for v in ws.store.volumes() if v.id.startswith("frus"))
        assert stats.documents == expected  # no copy stored twice
        assert not [v for v in ws.store.volumes() if v.id in ("hsg", "text") and v.documents]
        for _, doc in samples:
            stored = ws.store.get_document(doc.id)
            assert [p.format for p in stored.provenance] == ["frus-tei", "hsg-page"], doc.id
            assert stored.text == doc.text
        assert ws.index.count() == stats.documents
