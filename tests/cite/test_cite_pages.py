"""memcon.cite.pages: the printed page of an offset or a passage; pin pages checked against the document.

Real documents come from the session store (read only); the page-map rules are also checked on
small records built here, where the expected page is plain to see.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memcon.cite import Passage, check_page, document_pages, find_passage, page_at_offset, page_of_passage
from memcon.errors import InvalidValue, NotFound
from memcon.model.records import Document, Footnote, PageBreak
from memcon.store import open_store
from memcon.store.base import Store

D88 = "frus1961-63v05/d88"


def _doc(text: str, pages: tuple[PageBreak, ...]) -> Document:
    return Document(id="test/d1", volume_id="test", heading="Test", text=text, pages=pages)


TEXT = "1. Heading\n\nBefore the turn [Page 12] after the “turn” — and\nmore [Page 13] the end."
MARKED = _doc(TEXT, tuple(PageBreak(n, TEXT.index(f"[Page {n}]")) for n in ("12", "13")))
"""A document whose first page turn is printed in its text: what comes before is on page 11."""


def test_before_the_first_page_turn_is_the_page_before_it() -> None:
    assert page_at_offset(MARKED, 0) == "11"
    assert page_at_offset(MARKED, TEXT.index("[Page 12]")) == "12"
    assert page_at_offset(MARKED, TEXT.index("the end")) == "13"


def test_a_page_in_effect_where_the_document_begins_counts_from_offset_0() -> None:
    doc = _doc(TEXT, (PageBreak("385", 0, marker=False), PageBreak("386", TEXT.index("[Page 12]"))))
    assert page_at_offset(doc, 0) == "385"
    assert page_at_offset(doc, len(TEXT) - 1) == "386"


def test_no_page_before_a_roman_first_page() -> None:
    doc = _doc("x [Page xii] y", (PageBreak("xii", 2),))
    assert page_at_offset(doc, 0) is None and page_at_offset(doc, 3) == "xii"


def test_a_passage_is_found_across_markers_quotes_dashes_and_line_breaks() -> None:
    passage = find_passage(MARKED, 'after the "turn" - and more the END')
    assert TEXT[passage.start:passage.end] == "after the “turn” — and\nmore [Page 13] the end"
    assert passage.page == "12–13"
    assert page_of_passage(MARKED, "Before the  turn\n after") == "11–12"
    assert page_of_passage(MARKED, "more") == "12"


def test_the_text_before_the_footnotes() -> None:
    note = Footnote("1", "The turn is on the next page; see more.", TEXT.index("[Page 13]") + 10)
    doc = replace(MARKED, footnotes=(note,))
    at = note.text.index("see more")
    assert find_passage(doc, "see more") == Passage(start=at, end=at + 8, page="13", footnote=0)
    assert find_passage(doc, "the end").footnote is None  # also in the text: the text wins
    assert find_passage(replace(doc, text=TEXT.replace("more", "less")), "see more").page == "13"


def test_a_passage_that_is_not_there() -> None:
    with pytest.raises(NotFound, match="memcon quote"):
        find_passage(MARKED, "after the turn and before")
    with pytest.raises(InvalidValue):
        find_passage(MARKED, "  \n ")


def test_offsets() -> None:
    assert page_of_passage(MARKED, len(TEXT)) == "13"
    with pytest.raises(InvalidValue):
        page_of_passage(MARKED, len(TEXT) + 1)


def test_check_page() -> None:
    assert check_page(MARKED, "12") == "12"
    assert check_page(MARKED, "12-13") == "12–13" == check_page(MARKED, "12 – 13")
    assert check_page(MARKED, "13-13") == "13"
    with pytest.raises(InvalidValue, match="its pages are 12, 13"):
        check_page(MARKED, "11")


@given(st.integers(min_value=0, max_value=len(TEXT)))
def test_the_page_never_goes_back(offset: int) -> None:
    """Further into the text is never an earlier page."""
    pages = ["11", "12", "13"]
    here = page_at_offset(MARKED, offset)
    assert here in pages
    assert all(pages.index(page_at_offset(MARKED, o) or "") <= pages.index(here) for o in range(offset))


# ------------------------------------------------------------------ real documents
@pytest.fixture(scope="module")
def store(full_store: Path) -> Iterator[Store]:
    with open_store(full_store, create=False) as s:
        yield s


@pytest.mark.shared
def test_the_joke_about_interpreters_is_on_page_226(store: Store) -> None:
    """The issue's passage, as a reader types it (straight quotes, no page marker)."""
    document = store.get_document(D88)
    passage = find_passage(document, "natural love is better than love through interpreters")
    assert passage.page == "226"
    assert document.text[passage.start:passage.end] == "natural love is better than love through interpreters"


@pytest.mark.shared
def test_a_passage_over_a_page_turn_of_d88(store: Store) -> None:
    document = store.get_document(D88)
    assert page_of_passage(document, "how can officials at a lower level accomplish that task") == "226–227"


@pytest.mark.shared
def test_a_passage_of_a_footnote_is_on_the_page_of_its_anchor(store: Store) -> None:
    document = store.get_document(D88)
    passage = find_passage(document, "Franz Joseph Strauss, West German Defense Minister")
    assert passage.footnote is not None and document.footnotes[passage.footnote].n == "3"
    assert passage.page == "227" == page_of_passage(document, "West German Defense Minister")


@pytest.mark.shared
def test_pages_of_real_documents(store: Store) -> None:
    assert document_pages(store.get_document("frus1919Parisv01/d337"))[:3] == ("385", "386", "387")
    assert document_pages(store.get_document("wilson/114511")) == ()
    with pytest.raises(InvalidValue, match="no printed pages"):
        check_page(store.get_document("wilson/114511"), "1")
