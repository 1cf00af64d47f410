"""The tantivy index: what queries match, ranking, filters, paging, snippets, pages, life cycle."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from memcon.errors import IndexOutOfStep, QuerySyntaxError, SearchError
from memcon.search import ENGINE, SearchFilters, SearchResults, TantivyIndex, open_index, search
from memcon.search.tantivy_index import MARKER

from ._documents import ARMISTICE, D337, MEMO, TELEGRAM, UNDATED, make_document


def found(index: TantivyIndex, query: str, **filters: object) -> set[str]:
    results = search(index, query, filters=SearchFilters(**filters) if filters else None, limit=100)  # type: ignore[arg-type]
    assert results.total == len(results.hits)
    return {h.doc_id for h in results.hits}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


# -- what matches ------------------------------------------------------------------------------


def test_words_are_anded_and_a_phrase_needs_the_words_side_by_side(corpus_index: TantivyIndex) -> None:
    assert found(corpus_index, "Council Ten") == {D337.id}  # both words in footnote 29
    assert found(corpus_index, '"Council of Ten"') == {D337.id}
    assert found(corpus_index, '"Supreme Council"') == {D337.id}
    assert found(corpus_index, '"Council Supreme"') == set()
    assert found(corpus_index, "Lansing armistice") == set()  # never in one document
    assert found(corpus_index, "Lansing") == {MEMO.id, TELEGRAM.id}


def test_and_or_not(corpus_index: TantivyIndex) -> None:
    assert found(corpus_index, "Lansing AND Clemenceau") == {MEMO.id}
    assert found(corpus_index, "armistice OR Treasury") == {ARMISTICE.id, UNDATED.id, TELEGRAM.id}
    assert found(corpus_index, "armistice NOT Russia") == {ARMISTICE.id}
    assert found(corpus_index, "armistice -Russia") == {ARMISTICE.id}
    assert found(corpus_index, "(armistice OR Treasury) -Lansing") == {ARMISTICE.id, UNDATED.id}
    assert found(corpus_index, 'Clemenceau -"League of Nations"') == {D337.id}
    # NOT binds tighter than AND, AND tighter than OR
    assert found(corpus_index, "Lansing Clemenceau OR proclamation") == {MEMO.id, ARMISTICE.id}


def test_terms_of_one_query_may_match_in_different_fields(corpus_index: TantivyIndex) -> None:
    # "Proclamation" is only in the heading of ARMISTICE, "democracy" only in its text
    assert found(corpus_index, "proclamation democracy") == {ARMISTICE.id}


def test_field_restriction(corpus_index: TantivyIndex) -> None:
    assert found(corpus_index, "telegram") == {TELEGRAM.id}  # "[Telegram]" in the text
    assert found(corpus_index, "heading:telegram") == set()
    assert found(corpus_index, "heading:Ambassador") == {TELEGRAM.id}
    assert found(corpus_index, "Tardieu") == {D337.id}
    assert found(corpus_index, "text:Tardieu") == set()  # only in the footnote
    assert found(corpus_index, "footnotes:Tardieu") == {D337.id}
    assert found(corpus_index, 'footnotes:"Council of Ten"') == {D337.id}


def test_case_and_accents_are_ignored_both_ways(corpus_index: TantivyIndex) -> None:
    assert found(corpus_index, "CHARGE") == {D337.id}  # the text has "Chargé"
    assert found(corpus_index, "chargé") == {D337.id}
    assert found(corpus_index, "clémenceau") == {D337.id, MEMO.id}  # the text has "Clemenceau"
    assert found(corpus_index, "andre") == {D337.id}  # footnote: "André"


def test_prefix(corpus_index: TantivyIndex) -> None:
    assert found(corpus_index, "armist*") == {ARMISTICE.id, UNDATED.id}
    assert found(corpus_index, "Clém*") == {D337.id, MEMO.id}
    assert found(corpus_index, "heading:Memor*") == {MEMO.id, UNDATED.id}
    assert found(corpus_index, "armistx*") == set()


def test_page_markers_and_footnote_anchors_are_not_words(corpus_index: TantivyIndex) -> None:
    assert found(corpus_index, "page") == set()
    assert found(corpus_index, "386") == set()  # only in "[Page 386]"
    # a phrase runs across a page turn: "…he had ever received. [Page 161] It was pointed out…"
    assert found(corpus_index, '"ever received It was pointed"') == {MEMO.id}
    # and across a footnote anchor: "…Between the Allied Ministers[1]\n\nJanuary 5…"
    assert found(corpus_index, '"Allied Ministers January"') == {D337.id}


def test_words_the_analyzer_splits_are_phrases(index: TantivyIndex) -> None:
    index.add(
        [
            make_document("v/d1", "A", "The U.S. Government and the so-called Soviet."),
            make_document("v/d2", "B", "U and S were soviet and called so."),
        ]
    )
    index.commit()
    assert found(index, "U.S.") == {"v/d1"}
    assert found(index, "so-called") == {"v/d1"}
    assert found(index, "U.S.-Sov*") == set()
    assert found(index, "U.S. Gov*") == {"v/d1"}


def _distance_index(index: TantivyIndex) -> None:
    filler = ["the", "peace", "conference", "met", "again", "today", "in", "Paris"]
    docs = []
    for gap in range(6):
        words = " ".join(filler[:gap])
        docs.append(make_document(f"v/d{gap}", "Minutes", f"Wilson {words} Clemenceau".replace("  ", " ")))
        docs.append(make_document(f"r/d{gap}", "Minutes", f"Clemenceau {words} Wilson".replace("  ", " ")))
    index.add(docs)
    index.commit()


def test_near_counts_the_words_between_in_either_order(index: TantivyIndex) -> None:
    _distance_index(index)
    for n in range(5):
        expected = {f"{v}/d{gap}" for v in "vr" for gap in range(n + 1)}
        assert found(index, f"NEAR(Wilson Clemenceau, {n})") == expected, n
        assert found(index, f"NEAR(Clemenceau Wilson, {n})") == expected, n
        if n:
            assert found(index, f'"Wilson Clemenceau"~{n}') == expected, n
    assert found(index, "NEAR(Wilson Clemenceau)") == {f"{v}/d{gap}" for v in "vr" for gap in range(6)}
    assert found(index, '"Wilson Clemenceau"') == {"v/d0"}
    assert found(index, "NEAR(Wil* Clem*, 1)") == {"v/d0", "v/d1", "r/d0", "r/d1"}


def test_near_with_three_words_any_order(index: TantivyIndex) -> None:
    index.add(
        [
            make_document("v/d1", "A", "Foch said that Wilson and Clemenceau agreed."),
            make_document(
                "v/d2", "B", "Clemenceau agreed. " + "Nothing more was said today. " * 5 + "Foch, Wilson"
            ),
        ]
    )
    index.commit()
    assert found(index, "NEAR(Wilson Clemenceau Foch, 5)") == {"v/d1"}
    assert found(index, "NEAR(Clemenceau Foch Wilson, 5)") == {"v/d1"}
    assert found(index, "NEAR(Wilson Clemenceau Foch, 1)") == set()


# -- ranking -----------------------------------------------------------------------------------


def test_a_word_in_the_heading_ranks_above_the_same_word_in_the_text(index: TantivyIndex) -> None:
    body = "The conference discussed the question of reparations at length during the afternoon."
    index.add(
        [
            make_document("v/d1", "Memorandum of Conversation", body + " Rhineland."),
            make_document("v/d2", "The Rhineland", body + " Memorandum."),
        ]
    )
    index.commit()
    results = search(index, "Rhineland")
    assert [h.doc_id for h in results.hits] == ["v/d2", "v/d1"]
    assert results.hits[0].score > results.hits[1].score > 0


# -- filters -----------------------------------------------------------------------------------


def test_date_filters_are_inclusive_and_drop_undated_documents(corpus_index: TantivyIndex) -> None:
    every = found(corpus_index, "the")
    assert UNDATED.id in every
    assert found(corpus_index, "the", date_from="1919-01-09", date_to="1919-01-09") == {D337.id}
    assert found(corpus_index, "the", date_from="1919-01-10") == set()
    assert found(corpus_index, "the", date_to="1918-11-11") == {ARMISTICE.id, TELEGRAM.id}
    assert found(corpus_index, "the", date_from="1918-11-12", date_to="1918-12-31") == {MEMO.id}
    assert found(corpus_index, "the", date_from="1918") == {D337.id, MEMO.id, ARMISTICE.id}
    assert found(corpus_index, "the", date_from="1900") == every - {UNDATED.id}
    assert found(corpus_index, "the", date_to="1918-12") == {MEMO.id, ARMISTICE.id, TELEGRAM.id}


def test_a_year_only_date_overlaps_a_filter_inside_that_year(index: TantivyIndex) -> None:
    doc = make_document("v/d1", "Note", "A note on the armistice.")
    from dataclasses import replace

    from memcon.model.records import DocDate

    index.add([replace(doc, date=DocDate(text="1919", when="1919", precision="year"))])
    index.commit()
    assert found(index, "armistice", date_from="1919-06-01", date_to="1919-06-30") == {"v/d1"}
    assert found(index, "armistice", date_from="1920-01-01") == set()


def test_a_bad_date_filter_is_a_search_error(corpus_index: TantivyIndex) -> None:
    with pytest.raises(SearchError, match="not an ISO date"):
        found(corpus_index, "the", date_from="June 1919")
    with pytest.raises(SearchError, match="not an ISO date"):
        found(corpus_index, "the", date_to="1919-13")


def test_volume_and_type_filters(corpus_index: TantivyIndex) -> None:
    assert found(corpus_index, "the", volumes=("frus1918Russiav03",)) == {TELEGRAM.id, UNDATED.id}
    assert found(corpus_index, "the", volumes=("frus1918Russiav03", "frus1919Parisv01")) == found(
        corpus_index, "the"
    )
    assert found(corpus_index, "the", doc_types=("telegram",)) == {TELEGRAM.id}
    assert found(corpus_index, "the", doc_types=("telegram", "proclamation")) == {TELEGRAM.id, ARMISTICE.id}
    assert found(corpus_index, "the", volumes=("frus1919Parisv01",), doc_types=("telegram",)) == set()
    assert found(corpus_index, "the", volumes=("nope",)) == set()


def test_filters_do_not_change_scores(corpus_index: TantivyIndex) -> None:
    plain = {h.doc_id: h.score for h in search(corpus_index, "Lansing").hits}
    filtered = search(corpus_index, "Lansing", filters=SearchFilters(volumes=("frus1918Russiav03",)))
    assert [(h.doc_id, h.score) for h in filtered.hits] == [(TELEGRAM.id, plain[TELEGRAM.id])]


# -- paging ------------------------------------------------------------------------------------


def test_paging_and_exact_total(index: TantivyIndex) -> None:
    index.add(
        make_document(f"v/d{i}", f"Despatch {i}", "The treaty was discussed. " * (1 + i % 7))
        for i in range(37)
    )
    index.commit()
    first = search(index, "treaty", limit=10)
    assert first.total == 37 and len(first.hits) == 10
    seen: list[str] = []
    for offset in range(0, 40, 10):
        page = search(index, "treaty", limit=10, offset=offset)
        assert page.total == 37 and page.offset == offset and page.limit == 10
        seen += [h.doc_id for h in page.hits]
    assert len(seen) == 37 and len(set(seen)) == 37
    scores = [h.score for h in first.hits]
    assert scores == sorted(scores, reverse=True)
    assert search(index, "treaty", limit=10, offset=100).hits == ()
    counted = search(index, "treaty", limit=0)
    assert counted.total == 37 and counted.hits == ()


def test_bad_limits_are_search_errors(corpus_index: TantivyIndex) -> None:
    with pytest.raises(SearchError):
        search(corpus_index, "the", limit=-1)
    with pytest.raises(SearchError):
        search(corpus_index, "the", limit=10_000)
    with pytest.raises(SearchError):
        search(corpus_index, "the", offset=-5)


# -- hits, snippets, pages ---------------------------------------------------------------------


def test_a_hit_carries_what_a_result_list_shows(corpus_index: TantivyIndex) -> None:
    results = search(corpus_index, "Treasury")
    assert isinstance(results, SearchResults)
    assert results.engine == ENGINE == corpus_index.name == "memcon.tantivy.v1"
    assert results.query == "Treasury"
    (hit,) = results.hits
    assert (hit.doc_id, hit.volume_id, hit.heading, hit.date, hit.doc_type) == (
        TELEGRAM.id,
        "frus1918Russiav03",
        TELEGRAM.heading,
        "1917-04-03",
        "telegram",
    )
    assert search(corpus_index, "armistice Credit").hits[0].date is None


@pytest.mark.parametrize(
    "query", ["Versailles", '"Supreme Council"', "prelim*", "chargé", "NEAR(meeting Versailles, 8)", "Bliss"]
)
def test_snippet_highlights_align_with_snippet_and_document(corpus_index: TantivyIndex, query: str) -> None:
    (hit,) = [h for h in search(corpus_index, query).hits if h.doc_id == D337.id]
    snippet = hit.snippet
    assert snippet is not None and snippet.highlights and snippet.offset is not None
    assert len(snippet.text) <= 200
    # the snippet is the document text at its offset (offsets are characters, not bytes:
    # "Chargé" and "Enclosure—Translation" come before most hits)
    assert D337.text[snippet.offset : snippet.offset + len(snippet.text)] == snippet.text
    for start, end in snippet.highlights:
        word = fold(snippet.text[start:end])
        assert word and word.isalnum()
    words = {fold(snippet.text[s:e]) for s, e in snippet.highlights}
    assert words & {"versailles", "supreme", "council", "preliminary", "charge", "meeting", "bliss"}


def test_page_of_the_hit_is_the_page_in_effect_at_the_first_highlight(corpus_index: TantivyIndex) -> None:
    before = search(corpus_index, "herewith").hits[0]  # before "[Page 386]"
    after = search(corpus_index, "Versailles").hits[0]  # after it
    assert (before.page, after.page) == ("385", "386")
    for hit in (before, after):
        assert hit.snippet is not None and hit.snippet.offset is not None
        first = hit.snippet.offset + hit.snippet.highlights[0][0]
        assert hit.page == D337.page_at(first)
    memo = search(corpus_index, '"political reserve"').hits[0]
    assert memo.page == "161" and MEMO.page_at(MEMO.text.index("political")) == "161"
    assert search(corpus_index, "Deputies").hits[0].page == "160"


def test_a_hit_only_in_the_footnotes_is_snippeted_from_them(corpus_index: TantivyIndex) -> None:
    (hit,) = search(corpus_index, "Tardieu").hits
    assert hit.snippet is not None
    assert hit.snippet.offset is None
    assert "Tardieu" in hit.snippet.text
    assert {hit.snippet.text[s:e] for s, e in hit.snippet.highlights} == {"Tardieu"}
    # The footnote is printed at the foot of the page of its anchor, not the document's first page.
    note = next(f for f in D337.footnotes if "Tardieu" in f.text)
    assert hit.page == D337.page_at(note.offset) != D337.first_page


def test_a_hit_only_in_the_heading_is_snippeted_from_it(index: TantivyIndex) -> None:
    index.add([make_document("v/d1", "Telegram from Bucharest", "Nothing here [Page 2] but this.")])
    index.commit()
    (hit,) = search(index, "Bucharest").hits
    assert hit.snippet is not None and hit.snippet.offset is None
    assert hit.snippet.text == "Telegram from Bucharest"
    assert hit.snippet.highlights == ((14, 23),)
    assert hit.page == "1"


def test_excluded_words_are_not_highlighted(corpus_index: TantivyIndex) -> None:
    (hit,) = search(corpus_index, "Lansing -Treasury").hits
    assert hit.snippet is not None
    assert {fold(hit.snippet.text[s:e]) for s, e in hit.snippet.highlights} == {"lansing"}


# -- writing and life cycle --------------------------------------------------------------------


def test_adding_the_same_id_replaces_the_document(index: TantivyIndex) -> None:
    index.add([TELEGRAM])
    index.commit()
    from dataclasses import replace

    index.add([replace(TELEGRAM, text=TELEGRAM.text.replace("Treasury", "Commerce"))])
    index.commit()
    assert index.count() == 1
    assert found(index, "Treasury") == set()
    assert found(index, "Commerce") == {TELEGRAM.id}


def test_delete_volume_then_add_again_leaves_no_duplicates(
    corpus_index: TantivyIndex, index: TantivyIndex
) -> None:
    paris = [D337, MEMO, ARMISTICE]
    index.add(paris + [TELEGRAM, UNDATED])
    index.commit()
    assert index.count() == 5
    index.delete_volume("frus1919Parisv01")
    index.add(paris)
    index.commit()
    assert index.count() == 5
    results = search(index, "the", limit=100)
    assert sorted(h.doc_id for h in results.hits) == sorted(d.id for d in paris + [TELEGRAM, UNDATED])
    index.delete_volume("frus1919Parisv01")
    index.commit()
    assert index.count() == 2
    assert found(index, "Clemenceau") == set()


def test_rollback_drops_queued_documents(index: TantivyIndex) -> None:
    index.add([TELEGRAM])
    index.commit()
    index.add([D337, MEMO])
    index.delete_volume("frus1918Russiav03")
    index.rollback()
    index.commit()
    assert index.count() == 1
    assert found(index, "Treasury") == {TELEGRAM.id}
    assert found(index, "Versailles") == set()
    index.add([D337])  # the writer still works after a rollback
    index.commit()
    assert index.count() == 2


def test_uncommitted_documents_are_not_searchable_and_close_drops_them(tmp_path: Path) -> None:
    path = tmp_path / "memcon.db.index"
    index = open_index(path)
    index.add([TELEGRAM])
    assert index.count() == 0 and found(index, "Treasury") == set()
    index.close()
    index.close()  # safe twice
    with open_index(path, create=False) as again:
        assert again.count() == 0


def test_reopening_an_index_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "memcon.db.index"
    with open_index(path) as index:
        index.add([D337, MEMO, TELEGRAM])
        index.commit()
    assert json.loads((path / MARKER).read_text())["engine"] == ENGINE
    with open_index(path, create=False) as index:
        assert index.count() == 3
        (hit,) = search(index, "Versailles").hits
        assert hit.page == "386" and hit.snippet is not None
        index.add([ARMISTICE])  # and it can be written again
        index.commit()
        assert index.count() == 4


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "memcon.db.index"
    with open_index(path) as first, open_index(path) as second:
        first.add([TELEGRAM])
        with pytest.raises(SearchError, match="another memcon process is writing"):
            second.add([D337])
        first.commit()
        # readers are never locked out, and see the other writer's commits
        assert found(second, "Treasury") == {TELEGRAM.id}


def test_open_without_create_needs_an_index(tmp_path: Path) -> None:
    with pytest.raises(IndexOutOfStep, match="no full-text index"):
        open_index(tmp_path / "missing.index", create=False)
    assert not (tmp_path / "missing.index").exists()


def test_an_index_of_another_version_is_out_of_step(tmp_path: Path) -> None:
    path = tmp_path / "memcon.db.index"
    open_index(path).close()
    (path / MARKER).write_text(json.dumps({"engine": "memcon.tantivy.v0", "schema": 0}))
    with pytest.raises(IndexOutOfStep, match="memcon.tantivy.v0") as info:
        open_index(path)
    assert "memcon reindex" in str(info.value)
    (path / MARKER).unlink()
    with pytest.raises(IndexOutOfStep, match="not a memcon index"):
        open_index(path)


def test_a_folder_of_other_files_is_not_taken_for_an_index(tmp_path: Path) -> None:
    path = tmp_path / "memcon.db.index"
    path.mkdir()
    (path / "notes.txt").write_text("mine")
    with pytest.raises(IndexOutOfStep, match="holds files but no index"):
        open_index(path)
    assert (path / "notes.txt").read_text() == "mine"


def test_a_closed_index_refuses_work(tmp_path: Path) -> None:
    index = open_index(tmp_path / "memcon.db.index")
    index.close()
    with pytest.raises(SearchError, match="closed"):
        search(index, "armistice")
    with pytest.raises(SearchError, match="closed"):
        index.add([TELEGRAM])


def test_search_reports_syntax_errors_before_searching(corpus_index: TantivyIndex) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        search(corpus_index, "Wilson AND (House")
    assert info.value.position == 11


def test_matching_lists_every_hit_with_its_dates_unranked(corpus_index: TantivyIndex) -> None:
    """What facets are counted over: the same documents as the ranked search, however many."""
    from memcon.search import parse_query

    for query, filters in (("the", SearchFilters()), ("Wilson", SearchFilters(date_from="1919-01-01"))):
        found = corpus_index.matching(parse_query(query), filters=filters)
        ranked = corpus_index.search(parse_query(query), filters=filters, limit=100)
        assert set(found.doc_ids) == {h.doc_id for h in ranked.hits} and len(found.doc_ids) == ranked.total
        assert len(found.date_min) == len(found.date_max) == len(found.doc_ids)
        for doc_id, low, high in zip(found.doc_ids, found.date_min, found.date_max, strict=True):
            hit = next(h for h in ranked.hits if h.doc_id == doc_id)
            assert (low == 0) == (hit.date is None) and low <= high
