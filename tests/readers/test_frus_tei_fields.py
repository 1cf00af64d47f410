"""The field helpers of the FRUS TEI reader: ISO dates, div-attribute dates, headings, doc types."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from memcon.model.records import Document
from memcon.readers import _doc_types
from memcon.readers._tei_fields import dateline_date, div_attribute_date, heading, iso_precision
from memcon.readers.frus_tei import read_frus_tei

TEI_NS = 'xmlns="http://www.tei-c.org/ns/1.0"'


@pytest.mark.parametrize(
    ("value", "precision", "tz"),
    [
        ("1961", "year", None),
        ("1961-06", "month", None),
        ("1961-06-04", "day", None),
        ("1961-06-04T13", "hour", None),
        ("1961-06-04T13:15", "minute", None),
        ("1961-06-04T13:15:42", "second", None),
        ("1934-09-17T19:00:00", "minute", None),  # FRUS pads "7 p.m." to the second
        ("1962-10-18T17:00:00Z", "minute", "Z"),
        ("1863-11-19T00:00:00-05:00", "minute", "-05:00"),
        ("June 4, 1961", None, None),
    ],
)
def test_iso_precision_and_timezone(value: str, precision: str | None, tz: str | None) -> None:
    assert iso_precision(value) == (precision, tz)


def test_div_attribute_dates_say_no_more_than_the_bounds() -> None:
    day = div_attribute_date("1863-11-19T00:00:00-05:00", "1863-11-19T23:59:59-05:00", "")
    assert day is not None and (day.when, day.precision, day.timezone, day.uncertain) == (
        "1863-11-19", "day", "-05:00", False)
    month = div_attribute_date("1864-02-01T00:00:00", "1864-02-29T23:59:59", "")
    assert month is not None and (month.when, month.precision) == ("1864-02", "month")
    year = div_attribute_date("1864-01-01T00:00:00", "1864-12-31T23:59:59", "")
    assert year is not None and (year.when, year.precision) == ("1864", "year")
    span = div_attribute_date("1864-02-03T00:00:00", "1864-02-10T23:59:59", "early February")
    assert span is not None and (span.when, span.not_before, span.not_after, span.uncertain, span.text) == (
        None, "1864-02-03T00:00:00", "1864-02-10T23:59:59", True, "early February")
    assert span.source == "div-attribute"
    assert div_attribute_date(None, None, "") is None


def test_a_dateline_without_machine_date_keeps_only_its_text() -> None:
    el = etree.XML(f"<dateline {TEI_NS}><placeName>Paris</placeName>, <date>Tuesday</date>.</dateline>")
    date = dateline_date(el)
    assert date is not None and date.text == "Tuesday" and date.sort_key is None and date.precision is None
    assert dateline_date(etree.XML(f"<dateline {TEI_NS}>Paris.</dateline>")) is None


def test_heading_prefix_rule() -> None:
    def head(text: str) -> etree._Element:
        return etree.XML(f"<head {TEI_NS}>{text}</head>")

    assert heading(head("88. Memorandum of Conversation"), "88") == "Memorandum of Conversation"
    assert heading(head("No. 10.<lb/>Mr. Putnam to Mr. Frelinghuysen"), "10") == "Mr. Putnam to Mr. Frelinghuysen"
    assert heading(head("No. 332. Credentials of Prince Krom"), "339") == "No. 332. Credentials of Prince Krom"
    assert heading(head("88."), "88") == "88."  # nothing but the number: kept
    assert heading(head('Memorandum<note n="1">Source</note>'), None) == "Memorandum"


@pytest.mark.parametrize(
    ("title", "notes", "year", "kind"),
    [
        ("Memorandum of Conversation", (), None, "memorandum of conversation"),
        ("Memorandum by Mr. Eugene H. Dooman, of a Conversation With the Counselor", (), None,
         "memorandum of conversation"),
        ("Editorial Note", (), None, "editorial note"),
        ("Minutes of the Council of Ten", (), None, "minutes"),
        ("Record of the proceedings of the tribunal of arbitration at the third conference", (), None, "minutes"),
        ("Telegram From the Embassy in the Soviet Union to the Department of State", (), None, "telegram"),
        ("Circular Instruction to Diplomatic Officers", (), None, "circular"),
        ("Proclamation by the President", (), None, "proclamation"),
        ("Memorandum by the Secretary of State", (), None, "memorandum"),
        ("promemoria.", (), None, "memorandum"),
        ("note verbale.", (), None, "note"),
        ("Message of the President to Congress", (), None, "message"),
        ("Treaty Between the United States of America and Cuba, Signed at Washington", (), None, "treaty/agreement"),
        ("Report of the Subcommittee on Statistics", (), None, "report"),
        ("Affidavit of G. W. Robbins.", (), None, "affidavit"),
        ("Award of the arbitrator in the matter of the claims", (), None, "award"),
        ("Speech of M. Rouher, minister of state.", (), None, "speech"),
        ("The Ambassador in France (Sharp) to the Secretary of State", ("763.72/1: Telegram",), None, "telegram"),
        ("The Ambassador in Italy (Fletcher) to the Secretary of State", ("[Paraphrase]",), None, "telegram"),
        ("The Ambassador in France (Sharp) to the Secretary of State", ("763.72/1",), None, "despatch"),
        ("The Secretary of State to the Ambassador in France (Sharp)", (), None, "instruction"),
        ("The Secretary of State to the British Ambassador (Howard)", (), None, "note"),
        ("The Brazilian Ambassador (Gurgél do Amaral) to the Secretary of State", (), None, "note"),
        ("Mr. Seward to Mr. Adams.", (), 1861, "instruction"),
        ("Mr. Adams to Mr. Seward.", (), 1861, "despatch"),
        ("Mr. Tassara to Mr. Seward.", ("[Translation.]",), 1861, "note"),
        ("Mr. Olney to Baron von Thielmann.", (), 1897, "note"),
        ("Mr. Bayard to Mr. Olney.", (), 1897, "despatch"),  # Bayard: Ambassador in 1897, Secretary 1885-89
        ("Mr. Black (Secretary of State) to all the ministers of the United States.", (), 1861, "circular"),
        ("President Wilson to Senator Henry L. Myers", (), 1919, "letter"),
        ("Captain McKean to Commodore Mervine.", (), 1861, "letter"),
        ("[Untitled]", (), 1864, "document"),
    ],
)
def test_doc_types(title: str, notes: tuple[str, ...], year: int | None, kind: str) -> None:
    assert _doc_types.classify(title, notes=notes, year=year) == kind


def test_a_memorandum_with_participants_is_a_memcon() -> None:
    title = "Memorandum by the Assistant Secretary of State (Harrison)"
    assert _doc_types.classify(title) == "memorandum"
    assert _doc_types.classify(title, participants=True) == "memorandum of conversation"


def test_subtype_wins() -> None:
    assert _doc_types.classify("Telegram", subtype="editorial-note") == "editorial note"
    assert _doc_types.classify("Telegram", subtype="historical-document") == "telegram"


def test_pb_inside_a_footnote_is_marked_after_its_anchor(tmp_path: Path) -> None:
    path = tmp_path / "frusNotePage.xml"
    path.write_text(
        f'<TEI {TEI_NS} xml:id="frusNotePage"><teiHeader/><text><body><pb n="9"/>'
        '<div type="document" xml:id="d1" n="1"><head>Note across a page</head>'
        '<p>Text with a long note<note n="4">begins here <pb n="10" xml:id="pg_10"/>and ends here.</note> and '
        "more text.</p></div></body></text></TEI>",
        encoding="utf-8",
    )
    (doc,) = [r for r in read_frus_tei(path) if isinstance(r, Document)]
    assert "a long note[4] [Page 10] and more text." in doc.text
    assert [(p.n, p.marker) for p in doc.pages] == [("9", False), ("10", True)]
    assert doc.text.startswith("[Page 10]", doc.pages[1].offset)
    assert doc.footnotes[0].text == "begins here and ends here."
