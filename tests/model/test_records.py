"""Record helpers: the page of an offset, a document's page range."""

from __future__ import annotations

from memcon.model.records import Document, PageBreak


def _doc(text: str, pages: tuple[PageBreak, ...]) -> Document:
    return Document(id="v/d1", volume_id="v", heading="H", text=text, pages=pages)


def test_page_at_and_range() -> None:
    text = "Heading\n\nOne [Page 12] two [Page 13] three."
    doc = _doc(text, (PageBreak("11", 0, marker=False), PageBreak("12", text.index("[Page 12]")), PageBreak("13", text.index("[Page 13]"))))
    assert doc.page_at(0) == "11"
    assert doc.page_at(text.index("two")) == "12"
    assert doc.page_at(text.index("three")) == "13"
    assert (doc.first_page, doc.last_page) == ("11", "13")


def test_a_page_break_that_closes_the_document_does_not_extend_its_range() -> None:
    text = "Heading\n\nAll on one page.\n\n[Page 12]"
    doc = _doc(text, (PageBreak("11", 0, marker=False), PageBreak("12", text.index("[Page 12]"))))
    assert doc.last_page == "11"


def test_a_document_without_pages() -> None:
    assert _doc("x", ()).last_page is None and _doc("x", ()).first_page is None


def test_several_closing_page_breaks_and_bracketed_page_numbers() -> None:
    text = "Heading\n\nText.\n\n[Page [12]]\n\n[Page 13]"
    doc = _doc(text, (PageBreak("11", 0, marker=False), PageBreak("[12]", text.index("[Page [12]]")), PageBreak("13", text.index("[Page 13]"))))
    assert doc.last_page == "11"
