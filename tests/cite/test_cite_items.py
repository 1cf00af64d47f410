"""memcon.cite.items on records built here (a Wilson record with a translator, titles, names, dates)
and on a plain-text file read by the real reader; every item is checked against the CSL schema."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from memcon.cite import csl_item, document_title, format_citation, item_for, record_kind, validate_csl
from memcon.cite.items import name_parts
from memcon.model.records import DocDate, Document, PageBreak, Provenance, Volume

WILSON = Volume(id="wilson", title="Wilson Center Digital Archive", publisher="Wilson Center")


def _provenance(fmt: str) -> tuple[Provenance, ...]:
    return (Provenance(source="x", sha256="0" * 64, reader="r", reader_version="1", format=fmt),)


def test_a_wilson_record_with_its_translators() -> None:
    record = Document(
        id="wilson/1", volume_id="wilson", heading="Record of Conversation", text="…",
        date=DocDate(text="June 4, 1961", when="1961-06-04", precision="day"), authors=("N. S. Khrushchev",),
        archive="Archive of the President, Russian Federation (APRF)", url="https://digitalarchive.wilsoncenter.org/document/1",
        credits="Translated for CWIHP by Gary Goldberg and Sergey Radchenko. Funded by the Leon Levy Foundation.",
        provenance=_provenance("wilson-page"),
    )
    item = item_for(record, WILSON, accessed=datetime.date(2026, 12, 2))
    validate_csl([item])
    assert item["translator"] == [{"family": "Goldberg", "given": "Gary"}, {"family": "Radchenko", "given": "Sergey"}]
    assert item["author"] == [{"family": "Khrushchev", "given": "N. S."}]
    assert item["issued"] == {"date-parts": [[1961, 6, 4]]}
    assert "publisher" not in item  # "Wilson Center" is already in the archive's name


def test_a_wilson_record_without_a_translator_gets_none_invented() -> None:
    record = Document(id="wilson/2", volume_id="wilson", heading="Cable", text="…",
                      credits="This document was made possible with support from Leon Levy Foundation",
                      provenance=_provenance("wilson-page"))
    item = item_for(record, WILSON)
    assert "translator" not in item and "issued" not in item and "accessed" not in item and "author" not in item
    assert record_kind(record) == "wilson"


@pytest.mark.parametrize(("heading", "place", "date", "title"), [
    ("88. Memorandum of Conversation[1]", "Vienna", "June 4, 1961.", "Memorandum of Conversation, Vienna, June 4, 1961"),
    ("Mr. Seward to Mr. Adams.", "Washington", "May 21, 1861.", "Mr. Seward to Mr. Adams, Washington, May 21, 1861"),
    ("The Ambassador (Page) to the Secretary of State", "London", "July 3, 1917, 1 p.m.",
     "The Ambassador (Page) to the Secretary of State, London, July 3, 1917, 1 p.m."),
    ("Vienna, June 4, 1961", "Vienna", "June 4, 1961", "Vienna, June 4, 1961"),
    ("Editorial Note", None, None, "Editorial Note"),
])
def test_document_titles(heading: str, place: str | None, date: str | None, title: str) -> None:
    doc = Document(id="v/d1", volume_id="v", heading=heading, text="", place=place,
                   date=DocDate(text=date) if date else None)
    assert document_title(doc) == title


@pytest.mark.parametrize(("name", "parts"), [
    ("Charles S. Sampson", {"family": "Sampson", "given": "Charles S."}),
    ("Llewellyn E. Thompson, Jr.", {"family": "Thompson", "given": "Llewellyn E.", "suffix": "Jr."}),
    ("Sampson, Charles S.", {"family": "Sampson", "given": "Charles S."}),
    ("Khrushchev", {"literal": "Khrushchev"}),
])
def test_names(name: str, parts: dict[str, str]) -> None:
    assert name_parts(name) == parts


def test_dates_to_the_precision_given() -> None:
    volume = Volume(id="v", title="A Collection")
    month = Document(id="v/1", volume_id="v", heading="H", text="", date=DocDate(text="June 1961", when="1961-06"))
    span = Document(id="v/2", volume_id="v", heading="H", text="",
                    date=DocDate(text="June 3–4, 1961", start="1961-06-03", end="1961-06-04"))
    undated = Document(id="v/3", volume_id="v", heading="H", text="", date=DocDate(text="Undated"))
    assert item_for(month, volume)["issued"] == {"date-parts": [[1961, 6]]}
    assert item_for(span, volume)["issued"] == {"date-parts": [[1961, 6, 3], [1961, 6, 4]]}
    assert item_for(undated, volume)["issued"] == {"literal": "Undated"}
    validate_csl([item_for(d, volume) for d in (month, span, undated)])


def test_a_frus_record_pin_page_range() -> None:
    volume = Volume(id="frusX", title="T", series="Foreign Relations of the United States", subseries="1961–1963",
                    volume_number="Volume V", volume_title="Soviet Union", pub_year="1998")
    text = "Heading [Page 12] a [Page 13] b"
    doc = Document(id="frusX/d1", volume_id="frusX", heading="Heading", text=text, n="1",
                   pages=(PageBreak("11", 0, marker=False), PageBreak("12", 8), PageBreak("13", 19)),
                   provenance=_provenance("frus-tei"))
    item = item_for(doc, volume, page="12-13")
    assert (item["page"], item["locator"], item["volume"], item["issued"]) == ("12–13", "12–13", "V", {"date-parts": [[1998]]})
    assert item_for(doc, volume)["page"] == "11–13"
    assert item["URL"] == "https://history.state.gov/historicaldocuments/frusX/d1"


def test_a_plain_text_file(tmp_path: Path) -> None:
    """A file read by the plain-text reader: its title, date and pages; memcon's own bin for loose
    files ("Plain-text documents") is no publication and is left out."""
    from memcon.ingest import ingest_paths
    from memcon.store import open_store

    source = tmp_path / "notes.txt"
    source.write_text("Notes of a talk with Gromyko\nWashington, October 18, 1962\n\n[Page 5]\nGromyko spoke.\n\n"
                      "[Page 6]\nKennedy answered.\n", encoding="utf-8")
    db = tmp_path / "t.db"
    assert not ingest_paths([source], store_path=db).errors
    with open_store(db, create=False) as store:
        (doc,) = store.iter_documents()
        item = csl_item(store, doc.id, page="6")
        validate_csl([item])
        assert item["type"] == "document" and "container-title" not in item
        assert item["title"] == "Notes of a talk with Gromyko, Washington, October 18, 1962"
        assert item["issued"] == {"date-parts": [[1962, 10, 18]]}
        assert format_citation(store, doc.id, page="6") == (
            "“Notes of a Talk with Gromyko, Washington, October 18, 1962,” October 18, 1962, 6.")


def test_the_translators_in_a_chicago_note() -> None:
    from memcon.cite import render_item

    record = Document(id="wilson/1", volume_id="wilson", heading="Record of Conversation", text="…",
                      date=DocDate(text="June 4, 1961", when="1961-06-04"), authors=("N. S. Khrushchev",),
                      archive="Archive of the President, Russian Federation (APRF)",
                      url="https://digitalarchive.wilsoncenter.org/document/1",
                      credits="Translated by Mark H. Doctoroff.", provenance=_provenance("wilson-page"))
    assert render_item(item_for(record, WILSON), style="chicago-note") == (
        "N. S. Khrushchev, “Record of Conversation,” trans. Mark H. Doctoroff, June 4, 1961, Archive of the "
        "President, Russian Federation (APRF), Wilson Center Digital Archive, "
        "https://digitalarchive.wilsoncenter.org/document/1.")
