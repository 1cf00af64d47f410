"""Tests for memcon.enrich.source_notes (the FRUS source-note parser)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memcon.enrich.source_notes import PARSER, SourceNote, approved_date, parse_source_note
from memcon.model.records import Document
from memcon.readers.frus_tei import read_frus_tei
from tests._shared import frus_volume_paths, shared_path

D88 = (
    "Source: Kennedy Library, President's Office Files, USSR. Secret; Eyes Only. Drafted by "
    "Akalovsky and approved by the White House on June 23. The meeting was held at the Soviet Embassy."
)


def _words(text: str) -> str:
    return re.sub(r"\W", "", text)


def assert_covers(note: SourceNote) -> None:
    """Every segment is in one field or in ``other``, and together they hold every word of the note."""
    assert _words("".join(segment for _, segment in note.parts)) == _words(note.text)
    assert note.other == tuple(segment for field, segment in note.parts if field == "other")


def test_d88_modern_note() -> None:
    note = parse_source_note(D88, year=1961)
    assert note.archive == "Kennedy Library"
    assert note.collection == "President's Office Files, USSR"
    assert note.classification == "Secret"
    assert note.handling == ("Eyes Only",)
    assert note.drafted_by == ("Akalovsky",)
    assert note.approved_by == "the White House"
    assert note.approved_on == "June 23"
    assert note.meeting_place == "the Soviet Embassy"
    assert note.other == ()
    assert not (note.translation or note.paraphrase or note.telegram)
    assert note.parser == PARSER == "memcon.source_note.v1"
    assert approved_date(note, year=1961) == "1961-06-23"
    assert_covers(note)


def test_approved_date_edge_cases() -> None:
    assert approved_date(parse_source_note("Approved by S on June 31."), year=1961) is None
    assert approved_date(parse_source_note("Approved in S on Sept 3, 1962."), year=1961) == "1962-09-03"
    assert approved_date(parse_source_note("No. 109.]"), year=1864) is None


def test_unknown_sentences_are_kept_verbatim() -> None:
    note = parse_source_note("THE ALABAMA. Secret. Speech of Count Rechberg.")
    assert note.classification == "Secret"
    assert note.other == ("THE ALABAMA.", "Speech of Count Rechberg.")
    assert_covers(note)


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    note = parse_source_note("Drafted by S. S. Smith and Mr. Jones. Confidential.")
    assert note.drafted_by == ("S. S. Smith", "Mr. Jones")
    assert note.classification == "Confidential"
    assert note.other == ()


# Real notes from the shared volumes, typed in as quotes (document id in the comment).
REAL: list[tuple[str, dict[str, Any]]] = [
    ("[Translation.]", {"translation": True}),  # frus1861/d329
    ("[Extract.]", {"labels": ("Extract",)}),  # frus1861/d60
    (
        "[From the London Times, April 30, 1861.]",
        {"labels": ("From the London Times, April 30, 1861",)},
    ),  # frus1861/d44
    ("No. 109]", {"serial": "No. 109"}),  # frus1864p4/d93
    ("No. 545.]", {"serial": "No. 545"}),  # frus1864p3/d300
    ("[By telegraph.]", {"telegram": True}),  # frus1864p3/d730
    (
        "[Extract from the Paris Moniteur—Translation.]",
        {"translation": True, "labels": ("Extract from the Paris Moniteur",)},
    ),  # frus1864p3/d24
    (
        "[Telegram.—Received July 19, 1870.]",
        {"telegram": True, "received": "Received July 19, 1870"},
    ),  # frus1870/d50
    (
        "[Telegram.—Received 9.30 a. m. July 16, 1870.]",
        {"telegram": True, "received": "Received 9.30 a. m. July 16, 1870"},
    ),  # frus1870/d49
    ("[290] [*Inclosure.]", {"enclosure": ("Inclosure",)}),  # frus1872p2v2/d4
    (
        "[Inclosure 1 in No. 20.—Translation.]",
        {"enclosure": ("Inclosure 1 in No. 20",), "translation": True},
    ),  # frus1882/d32 (inclosure 3 analogue)
    (
        "[lnclosure 2 in No. 23.—Translation.]",
        {"enclosure": ("lnclosure 2 in No. 23",), "translation": True},
    ),  # frus1882/d33 (OCR "l")
    (
        "[Inclosure 1 to inclosure 1 in No. 938.—Translation.]",
        {"enclosure": ("Inclosure 1 to inclosure 1 in No. 938",)},
    ),  # frus1884/d466
    ("[Inclosure 1 in No. 704.—Private.]", {"handling": ("Private",)}),  # frus1884/d145
    (
        "[Inclosure in No. 121—Cablegram—Translation.]",
        {"telegram": True, "translation": True},
    ),  # frus1894Nicaragua/d121
    (
        "[Inclosure 2 in No. 1268.—Telegram.]",
        {"telegram": True, "enclosure": ("Inclosure 2 in No. 1268",)},
    ),  # frus1897/d609
    ("[Inclosure 2.—Confidential.]", {"classification": "Confidential"}),  # frus1897/d235
    ("[Telegram.—Paraphrase.]", {"telegram": True, "paraphrase": True}),  # frus1901/d61
    (
        "[Private and confidential.]",
        {"classification": "Confidential", "handling": ("Private",)},
    ),  # frus1901/d187
    ("File No. 600.119/356a", {"file_numbers": ("600.119/356a",)}),  # frus1917Supp02v02/d71
    ("File No. 654.119/84, 90", {"file_numbers": ("654.119/84, 90",)}),  # frus1917Supp02v02/d303
    ("War Trade Board Files", {"collection": "War Trade Board Files"}),  # frus1917Supp02v02/d73
    ("File No. 861.77/343", {"file_numbers": ("861.77/343",)}),  # frus1918Russiav03/d347
    ("[Enclosure—Paraphrase]", {"paraphrase": True, "enclosure": ("Enclosure",)}),  # frus1918Russiav03/d73
    ("763.72119/3346", {"file_numbers": ("763.72119/3346",), "telegram": False}),  # frus1919Parisv01/d286
    (
        "Paris Peace Conf. 183.9 Uruguay/1: Telegram",
        {"collection": "Paris Peace Conf.", "file_numbers": ("183.9 Uruguay/1",), "telegram": True},
    ),  # frus1919Parisv01/d239
    ("Henry White Papers", {"collection": "Henry White Papers"}),  # frus1919Parisv01/d337
    (
        "Woodrow Wilson Papers: Telegram",
        {"collection": "Woodrow Wilson Papers", "telegram": True},
    ),  # frus1919Parisv01/d91
    ("Inquiry Document No. 893", {"collection": "Inquiry Document No. 893"}),  # frus1919Parisv01
    ("837.014P/371a: Telegram", {"file_numbers": ("837.014P/371a",), "telegram": True}),  # frus1925v02/d3
    (
        "[Enclosure—Memorandum—Translation]",
        {"labels": ("Memorandum",), "translation": True},
    ),  # frus1925v02/d419
    (
        "811.111 Firms—Sovkino: Telegram",
        {"file_numbers": ("811.111 Firms—Sovkino",), "telegram": True},
    ),  # frus1925v02/d567
    ("860h. 51/573", {"file_numbers": ("860h. 51/573",)}),  # frus1925v02/d603
    (
        "863.51 Relief Credits/252: Telegram",
        {"file_numbers": ("863.51 Relief Credits/252",), "telegram": True},
    ),  # frus1930v01/d405
    ("[Paraphrase]", {"paraphrase": True, "telegram": False}),  # frus1930v01/d114
    (
        "710.G Commercial Agreement/32: Circular telegram",
        {"file_numbers": ("710.G Commercial Agreement/32",), "telegram": True},
    ),  # frus1934v04/d32
    ("832.51/850–Telegram", {"file_numbers": ("832.51/850",), "telegram": True}),  # frus1934v04/d681
    (
        "Executive Agreement Series No. 64",
        {"collection": "Executive Agreement Series No. 64"},
    ),  # frus1934v04/d698
    (
        "740.0011 Mutual Guarantee (Mediterranean)/51: Telegram (part air)",
        {"file_numbers": ("740.0011 Mutual Guarantee (Mediterranean)/51",), "telegram": True},
    ),  # frus1936v03/d146
    ("123 EN 3/435", {"file_numbers": ("123 EN 3/435",)}),  # frus1936v03/d70
]


@pytest.mark.parametrize(("text", "expected"), REAL, ids=[t for t, _ in REAL])
def test_real_notes(text: str, expected: dict[str, Any]) -> None:
    note = parse_source_note(text)
    for field, value in expected.items():
        assert getattr(note, field) == value, field
    assert note.other == ()
    assert_covers(note)


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_is_covered(text: str) -> None:
    note = parse_source_note(text, year=1900)
    assert note.text == text
    assert_covers(note)
    approved_date(note, year=1900)


_SENTENCE = st.sampled_from(
    [
        "Secret",
        "Eyes Only",
        "Drafted by A. B. Jones",
        "Translation",
        "No. 12",
        "763.72/1234",
        "Odd words",
        "Mr. X",
    ]
)


@given(st.lists(_SENTENCE, min_size=1, max_size=6), st.sampled_from([". ", "; ", ".—"]))
def test_sentences_of_known_shapes_are_covered(sentences: list[str], sep: str) -> None:
    note = parse_source_note(sep.join(sentences) + ".")
    assert_covers(note)


def _year(doc: Document) -> int | None:
    key = doc.date.sort_key if doc.date else None
    return int(key[:4]) if key and key[:4].isdigit() else None


def test_every_shared_source_note(frus_dir: Path) -> None:
    paths = frus_volume_paths()
    d88 = shared_path() / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml"
    if d88.exists():
        paths.append(d88)
    seen = understood = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the reader's date warnings are not this test's business
        for path in paths:
            for item in read_frus_tei(path):
                if not isinstance(item, Document):
                    continue
                for footnote in item.footnotes:
                    if footnote.kind != "source":
                        continue
                    year = _year(item)
                    note = parse_source_note(footnote.text, year=year)
                    assert_covers(note)
                    seen += 1
                    understood += not note.other
    assert seen > 1000
    assert understood / seen > 0.99, f"{understood}/{seen}"
