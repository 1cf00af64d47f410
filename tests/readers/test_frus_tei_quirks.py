"""memcon.readers.frus_tei on the corpus quirks a QA review found (tests/fixtures/tei/enclosures.xml)
and on the real documents where they occur (skipped without the shared volumes)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from memcon.model.records import Document
from memcon.readers.frus_tei import read_frus_tei
from tests._shared import require


def read_docs(path: Path) -> dict[str, Document]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return {r.id.split("/", 1)[1]: r for r in read_frus_tei(path) if isinstance(r, Document)}


@pytest.fixture(scope="module")
def quirks(fixtures: Path) -> dict[str, Document]:
    return read_docs(fixtures / "tei" / "enclosures.xml")


def test_every_enclosure_is_an_attachment(quirks: dict[str, Document]) -> None:
    d1 = quirks["d1"]
    found = [(a.heading, a.date.when if a.date else None, a.place) for a in d1.attachments]
    assert found == [
        ("Plan of the Conversations", "1919-01-05", None),
        ("[Enclosure]", None, None),  # no head: its inline source note
        ("Enclosure", "1894-05-28", "Legation of the United States, Managua"),  # neither
        ("Convention upon neutral rights", None, None),  # frus:attachment > div: one enclosure
        ("A nested paper", None, None),  # a nested document outside any frus:attachment
    ]
    spans = [d1.text[a.start:a.end] for a in d1.attachments]
    assert spans[0].startswith("[Enclosure—Translation]\n\nPlan of the Conversations\nJanuary 5, 1919.")
    assert spans[0].endswith("observations.") and spans[1].endswith("observations.")
    assert spans[1].startswith("[Enclosure]\n\nInner")
    assert spans[2] == "Legation of the United States, Managua, May 28, 1894.\n\nNo heading here."
    assert spans[3] == "Convention upon neutral rights\n\nArticles."
    assert spans[4] == "A nested paper\n\nOutside any attachment."
    assert d1.date is not None and d1.date.when == "1919-01-12" and d1.place == "Paris"  # its own, not theirs


@pytest.mark.shared
def test_paris_d337_enclosure(frus_dir: Path) -> None:
    docs = read_docs(require(frus_dir / "frus1919Parisv01.xml", "frus1919Parisv01"))
    d337 = docs["d337"]
    first = d337.attachments[0]
    assert first.heading == "Plan of the Preliminary Conversations Between the Allied Ministers"
    assert first.date is not None and first.date.when == "1919-01-05"
    assert d337.text[first.start:].startswith("[Enclosure—Translation][29]\n\nPlan of the Preliminary")
    assert d337.page_at(first.start) == "386"


def test_a_note_in_a_note_is_a_footnote_of_its_own(quirks: dict[str, Document]) -> None:
    d2 = quirks["d2"]
    assert [(f.n, f.xml_id, f.inline) for f in d2.footnotes] == [
        (None, None, True), ("*", "d2fn1", False), ("1", "d2fn2", False), ("a", "d2fn3", False)]
    inline, star, one, a = d2.footnotes
    assert inline.text == "[Inclosure 2 in No. 61.[*]—Translation.]"  # its nested note not appended
    assert star.text == "See inclosure in No. 73." and d2.text.startswith("[*]", star.offset)
    assert one.text == "A footnote with[a] inside." and d2.text.startswith("[1]", one.offset)
    assert a.text == "a note" and a.offset == one.offset  # in a footnote's text: placed by its anchor
    refs = [(x.text, x.target, x.footnote) for x in d2.annotations if x.kind == "ref"]
    assert refs == [("No. 73", "#d73", 1)]


@pytest.mark.shared
def test_nicaragua_d61_nested_footnote(frus_dir: Path) -> None:
    d61 = read_docs(require(frus_dir / "frus1894Nicaragua.xml", "frus1894Nicaragua"))["d61"]
    star = next(f for f in d61.footnotes if f.n == "*")
    assert star.text == "See inclosure in No. 73." and not star.inline
    assert d61.text[star.offset - len("[Inclosure 2 in No. 61."):].startswith("[Inclosure 2 in No. 61.[*]—Translation.]")
    assert all("See inclosure" not in f.text for f in d61.footnotes if f is not star)
    assert any(a.kind == "ref" and a.target == "#d73" for a in d61.annotations)
