"""Search over real FRUS volumes read by the FRUS TEI reader (needs $MEMCON_SHARED)."""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from memcon.model.records import Document
from memcon.search import TantivyIndex, open_index, search

pytestmark = pytest.mark.shared

VOLUMES = ("frus1919Parisv01", "frus1918Russiav03")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@pytest.fixture(scope="module")
def real(
    frus_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TantivyIndex, dict[str, Document]]]:
    """Two real volumes, indexed; and their documents by id, to check hits against."""
    from memcon.readers.frus_tei import read_frus_tei

    documents: dict[str, Document] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for volume in VOLUMES:
            documents.update(
                (r.id, r) for r in read_frus_tei(frus_dir / f"{volume}.xml") if isinstance(r, Document)
            )
    index = open_index(tmp_path_factory.mktemp("real") / "memcon.db.index")
    index.add(documents.values())
    index.commit()
    yield index, documents
    index.close()


QUERIES = [
    ("armistice", {"armistice"}),
    ("Clemenceau", {"clemenceau"}),
    ('"League of Nations"', {"league", "of", "nations"}),
    ("NEAR(Wilson Clemenceau, 10)", {"wilson", "clemenceau"}),
    ("Bolshevik*", None),
    ("Vladivostok Japan", {"vladivostok", "japan"}),
    ("Chargé", {"charge"}),
]


def test_the_index_holds_every_document(real: tuple[TantivyIndex, dict[str, Document]]) -> None:
    index, documents = real
    assert index.count() == len(documents) > 800


@pytest.mark.parametrize(("query", "words"), QUERIES, ids=[q for q, _ in QUERIES])
def test_real_hits_point_at_the_right_text_and_page(
    real: tuple[TantivyIndex, dict[str, Document]], query: str, words: set[str] | None
) -> None:
    index, documents = real
    results = search(index, query, limit=10)
    assert results.total >= len(results.hits) > 0
    for hit in results.hits:
        doc = documents[hit.doc_id]
        assert (hit.volume_id, hit.heading, hit.doc_type) == (doc.volume_id, doc.heading, doc.doc_type)
        snippet = hit.snippet
        assert snippet is not None and snippet.highlights
        highlighted = {_fold(snippet.text[s:e]) for s, e in snippet.highlights}
        if words is not None:
            assert highlighted <= words, (hit.doc_id, highlighted)
        else:
            assert all(w.startswith("bolshevik") for w in highlighted)
        if snippet.offset is not None:
            # the snippet is the document's text at that offset, with non-ASCII text before it
            assert doc.text[snippet.offset : snippet.offset + len(snippet.text)] == snippet.text
            assert hit.page == doc.page_at(snippet.offset + snippet.highlights[0][0])
        else:
            # a footnote hit: the page of the footnote's anchor (or the first page for a heading hit)
            note = next((f for f in doc.footnotes if _fold(snippet.text[:40]) in _fold(f.text)), None)
            assert hit.page == (doc.page_at(note.offset) if note else doc.first_page)


def test_council_of_ten_is_found_in_a_footnote_and_cited_to_its_anchor_page(
    real: tuple[TantivyIndex, dict[str, Document]],
) -> None:
    index, documents = real
    results = search(index, '"Council of Ten"')
    assert "frus1919Parisv01/d337" in {h.doc_id for h in results.hits}
    hit = next(h for h in results.hits if h.doc_id == "frus1919Parisv01/d337")
    assert hit.snippet is not None and hit.snippet.offset is None  # only in footnote 29
    assert "Council of Ten" in hit.snippet.text
    # footnote 29 is anchored after the page turn to 386; the document begins on 385
    assert hit.page == "386" and documents[hit.doc_id].first_page == "385"


def test_filters_on_real_dates_and_volumes(real: tuple[TantivyIndex, dict[str, Document]]) -> None:
    from memcon.search import SearchFilters

    index, documents = real
    every = search(index, "the", limit=0).total
    paris = search(index, "the", filters=SearchFilters(volumes=("frus1919Parisv01",)), limit=0).total
    russia = search(index, "the", filters=SearchFilters(volumes=("frus1918Russiav03",)), limit=0).total
    assert paris + russia == every
    dated = search(
        index, "the", filters=SearchFilters(date_from="1918-11-11", date_to="1918-11-11"), limit=100
    )
    assert dated.total > 0
    for hit in dated.hits:
        date = documents[hit.doc_id].date
        assert (
            date is not None and (date.sort_key or "")[:10] <= "1918-11-11" <= (date.sort_key_end or "")[:10]
        )
