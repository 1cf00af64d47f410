"""Snippets and pages placed at the query's first match (search/_match.py, search/_snippets.py)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.search import Hit, TantivyIndex, search
from memcon.search._match import FieldMatcher, Leaf
from memcon.search._schema import build_analyzer
from memcon.search._snippets import window

from ._documents import make_document

FILLER = "The delegates of France and of Italy spoke of the question of the Adriatic at some length. "


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def marked(hit: Hit) -> list[str]:
    """The highlighted words of a hit, as they stand in the snippet."""
    assert hit.snippet is not None
    return [hit.snippet.text[s:e] for s, e in hit.snippet.highlights]


def only_hit(index: TantivyIndex, query: str) -> Hit:
    (hit,) = search(index, query).hits
    return hit


@pytest.fixture
def indexed(index: TantivyIndex) -> TantivyIndex:
    """An index of typed-in documents built for the cases below."""
    index.add(
        [
            # "of" everywhere, the phrase once, far from the start
            make_document(
                "v/d1", "Minutes", FILLER * 4 + "It was referred to the Council of Ten for decision."
            ),
            # Wilson alone early, Clemenceau alone later, both together only at the end
            make_document(
                "v/d2",
                "Notes",
                "President Wilson arrived on Saturday. "
                + FILLER * 3
                + "M. Clemenceau was absent. "
                + FILLER * 3
                + "After lunch Wilson and Clemenceau talked alone.",
            ),
            # a lone "Council" before the page turn, the phrase after it
            make_document(
                "v/d3",
                "Memorandum",
                "The Council adjourned. "
                + FILLER
                + "[Page 12] "
                + FILLER
                + "The Supreme Council of Versailles met.",
                first_page="11",
            ),
            # a phrase running across a page turn begins on the earlier page
            make_document("v/d4", "Letter", FILLER + "the Bureau of [Page 8] Standards", first_page="7"),
            make_document(
                "v/d5",
                "Telegram",
                "The Armistices were signed; the army moved. The armistice holds. Clémenceau agreed.",
            ),
            make_document(
                "v/d6", "Despatch", "Reply of CLEMENCEAU to the Straße memorandum on Łódź and Øresund."
            ),
            # a phrase only in a footnote anchored after the page turn
            make_document(
                "v/d7",
                "Report",
                "Opening words. [Page 41] Closing words.[1]",
                first_page="40",
                footnotes=("See the Treaty of London, Apr. 26, 1915.",),
            ),
            make_document(
                "v/d8", "Wilson to Lansing", "Lansing and Wilson discussed the Fiume question with Orlando."
            ),
        ]
    )
    index.commit()
    return index


def test_a_phrase_is_highlighted_as_a_unit_without_stray_words(indexed: TantivyIndex) -> None:
    # defect fixed: every "of" of the passage used to be highlighted one by one
    hit = only_hit(indexed, '"Council of Ten"')
    assert marked(hit) == ["Council", "of", "Ten"]
    assert hit.snippet is not None and "Council of Ten" in hit.snippet.text
    s, e = hit.snippet.highlights[0][0], hit.snippet.highlights[-1][1]
    assert hit.snippet.text[s:e] == "Council of Ten"


def test_near_shows_both_words_of_the_match(indexed: TantivyIndex) -> None:
    # defect fixed: the passage shown could hold a lone Wilson or a lone Clemenceau
    hit = only_hit(indexed, "NEAR(Wilson Clemenceau, 5)")
    assert marked(hit) == ["Wilson", "Clemenceau"]
    assert hit.snippet is not None and hit.snippet.text.endswith("Wilson and Clemenceau talked alone.")
    # a plain AND shows the first occurrence and every query word of the passage
    hit = only_hit(indexed, "Wilson Clemenceau")
    assert hit.snippet is not None and hit.snippet.offset == 0 and marked(hit)[0] == "Wilson"


def test_the_page_is_where_the_phrase_begins_not_where_a_lone_word_stands(indexed: TantivyIndex) -> None:
    hit = only_hit(indexed, '"Supreme Council"')
    assert hit.page == "12"  # defect fixed: was 11, the page of the lone "Council" before [Page 12]
    assert marked(hit) == ["Supreme", "Council"]
    # a phrase that runs across the page turn is cited to the page where it begins
    hit = only_hit(indexed, '"Bureau of Standards"')
    assert hit.page == "7" and marked(hit) == ["Bureau", "of", "Standards"]
    assert hit.snippet is not None and "[Page 8]" in hit.snippet.text


def test_prefix_highlights_the_words_starting_with_the_stem(indexed: TantivyIndex) -> None:
    assert marked(only_hit(indexed, "armist*")) == ["Armistices", "armistice"]  # not "army"


@pytest.mark.parametrize(
    ("query", "doc_id", "words"),
    [
        ("clemenceau", "v/d5", ["Clémenceau"]),
        ("Clémenceau", "v/d5", ["Clémenceau"]),
        ("Clémenceau", "v/d6", ["CLEMENCEAU"]),
        ("strasse", "v/d6", ["Straße"]),
        ("lodz OR oresund", "v/d6", ["Łódź", "Øresund"]),
        ('"reply of clémenceau"', "v/d6", ["Reply", "of", "CLEMENCEAU"]),
    ],
)
def test_accents_and_case_are_folded_as_the_index_folds_them(
    indexed: TantivyIndex, query: str, doc_id: str, words: list[str]
) -> None:
    (hit,) = [h for h in search(indexed, query).hits if h.doc_id == doc_id]
    assert marked(hit) == words


def test_a_match_in_a_footnote_is_cited_to_its_anchor_page(indexed: TantivyIndex) -> None:
    hit = only_hit(indexed, '"Treaty of London"')
    assert hit.snippet is not None and hit.snippet.offset is None
    assert marked(hit) == ["Treaty", "of", "London"]
    assert hit.page == "41"


def test_words_under_not_are_never_highlighted(indexed: TantivyIndex) -> None:
    # Orlando is excluded from the heading only: the word of the text is a positive word
    hit = only_hit(indexed, "Orlando -heading:Orlando")
    assert marked(hit) == ["Orlando"]
    # Lansing stands in the passage, but only under NOT; Orlando is a positive word of the query
    hit = only_hit(indexed, "Fiume OR (Orlando -Lansing)")
    assert marked(hit) == ["Fiume", "Orlando"]
    hit = only_hit(indexed, "Fiume OR (Orlando -Lansing -Wilson)")
    assert marked(hit) == ["Fiume", "Orlando"]
    hit = only_hit(indexed, 'Fiume -"Lansing and Orlando"')
    assert [fold(w) for w in marked(hit)] == ["fiume"]


def test_every_positive_word_of_the_passage_is_highlighted_for_plain_terms(indexed: TantivyIndex) -> None:
    hit = only_hit(indexed, "(Lansing OR Wilson OR Orlando) Fiume")
    assert hit.snippet is not None and hit.snippet.offset == 0
    assert marked(hit) == ["Lansing", "Wilson", "Fiume", "Orlando"]


def test_the_window_holds_the_match_and_cuts_at_word_boundaries() -> None:
    text = ("alpha beta gamma " * 30) + "the MATCH is here " + ("delta epsilon " * 30)
    first = text.index("MATCH")
    start, end = window(text, first, first + 5, 200)
    assert start <= first and first + 5 <= end and end - start <= 200
    assert text[start - 1] == " " and text[end] == " "
    assert first - start < 200 // 2  # more room after the match than before
    # a match longer than the window: its beginning
    start, end = window(text, 0, len(text), 200)
    assert start == 0 and end <= 200 and text[end] == " "


WORDS = ["Clémenceau", "Straße", "Łódź", "Øresund", "ÆTHER", "ﬁnance", "naïve", "Nguyễn", "wilson", "1919"]
GLUE = [" ", "-", "’", ".", ", ", "\n\n", "_", "[1]", "—"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE)), min_size=1, max_size=12))
def test_the_matcher_tokenises_as_the_index_analyser(parts: list[tuple[str, str]]) -> None:
    analyzer = build_analyzer()
    text = "".join(w + g for w, g in parts)
    tokens = list(analyzer.analyze(text))
    leaves = [Leaf(((t, False),), None, frozenset({"text"})) for t in set(tokens)]
    words = list(FieldMatcher(leaves, analyzer).words(text))
    assert [w.fold for w in words] == tokens
    assert [w.position for w in words] == list(range(len(tokens)))
    assert [list(analyzer.analyze(text[w.start : w.end])) for w in words] == [[t] for t in tokens]
