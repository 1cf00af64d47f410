"""memcon.readers.frus_tei on the corpus quirks a QA review found (tests/fixtures/tei/enclosures.xml)
and on the real documents where they occur (skipped without the shared volumes)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from memcon.model.records import Document
from memcon.readers import _doc_types, _tei_fields
from memcon.readers.frus_tei import DateWarning, read_frus_tei
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


def test_impossible_or_contradicted_dates_give_way_to_the_print(fixtures: Path) -> None:
    path = fixtures / "tei" / "enclosures.xml"
    with pytest.warns(DateWarning) as caught:
        docs = {r.id.split("/", 1)[1]: r for r in read_frus_tei(path) if isinstance(r, Document)}
    messages = [str(w.message) for w in caught if w.category is DateWarning]
    assert len(messages) == 3
    assert messages[0].startswith(f"{path}:53: frusQuirks/d3: ") and "'0201-07-04'" in messages[0]
    assert "'1863-02-05' contradicts the printed year" in messages[1] and "1864-02-05" in messages[1]
    assert "no date kept" in messages[2]
    d3, d4, d5 = (docs[k].date for k in ("d3", "d4", "d5"))
    assert d3 is not None and (d3.when, d3.precision, d3.source) == ("1870-07-04", "day", "dateline-text")
    assert d4 is not None and (d4.when, d4.text, d4.source) == ("1864-02-05", "February 5, 1864", "dateline-text")
    assert d5 is not None and d5.sort_key is None and d5.text == "July —, 1870"  # no day printed: no guess


@pytest.mark.parametrize(("value", "valid"), [
    ("1864-02-05", True), ("1918-02-14T12:00:00", True), ("1961-06-04T13:15:00Z", True), ("1919", True),
    ("0201-07-04", False), ("1670-11-01", False), ("--11-14", False), ("1864-02-30", False), ("1864-13", False),
])
def test_valid_iso(value: str, valid: bool) -> None:
    assert _tei_fields.valid_iso(value) is valid


@pytest.mark.parametrize(("text", "iso"), [
    ("February 5, 1864", "1864-02-05"), ("11 o’clock Monday night, October 31, 1870.", "1870-10-31"),
    ("5 February 1864", "1864-02-05"), ("Sept. 21, 1870. (Received Oct. 12, 1870.)", "1870-09-21"),
    ("July —, 1870. (Received July 21, 1870.)", None), ("June 5–17, 1864.", None), ("June 26, p. m.", None),
    ("June 1, 1864, and June 2, 1864", None),
])
def test_printed_date(text: str, iso: str | None) -> None:
    assert _tei_fields.printed_date(text) == iso


@pytest.mark.shared
@pytest.mark.parametrize(("volume", "doc", "when"), [
    ("frus1870", "d56", None), ("frus1870", "d159", "1870-10-31"), ("frus1864p3", "d512", None),
    ("frus1872p2v2", "d8", "1864-02-05"), ("frus1872p2v2", "d30", "1864-06-15"),
])
def test_real_impossible_dates(frus_dir: Path, volume: str, doc: str, when: str | None) -> None:
    path = require(frus_dir / f"{volume}.xml", volume)
    with pytest.warns(DateWarning) as caught:
        docs = {r.id: r for r in read_frus_tei(path) if isinstance(r, Document)}
    date = docs[f"{volume}/{doc}"].date
    assert date is not None and date.when == when and date.text
    assert any(f"{volume}/{doc}: " in str(w.message) for w in caught)
    years = [d.date.sort_key[:4] for d in docs.values() if d.date and d.date.sort_key and d.date.sort_key[0] != "-"]
    assert all("1700" <= y <= "2100" for y in years)


@pytest.mark.parametrize(("heading", "year", "place", "kind"), [
    ("Mr. Seward to Mr. Geofroy", 1864, None, "note"),  # a foreign envoy named without a title
    ("Mr. Mercier to Mr. Seward", 1864, "Legation of France to the United States, Washington", "note"),
    ("Mr. Sherman to Mr. Dupuy de Lôme.", 1897, None, "note"),
    ("Mr. Wu to Mr. Hay.", 1901, None, "note"),
    ("No. 52. Mr. Cheng Tsao Ju to Mr. Frelinghuysen.", 1884, "Chinese Legation, Washington", "note"),
    ("Mr. Adam to Mr. Sherman.", 1897, "British Embassy, Manchester, Mass", "note"),  # by the dateline place
    ("Mr. Harvey to Mr. Seward.", 1864, "Legation of this United States, Lisbon", "despatch"),
    ("No. 321. Mr. Davis to Mr. Halderman.", 1884, None, "instruction"),  # John Davis, 1882-85
    ("Mr. Hunter to Mr. Dayton", 1864, None, "instruction"),  # William Hunter, Chief Clerk
    ("The Liberian Secretary of State (Barclay) to the American Minister (Hood)", 1925, None, "note"),
    ("The Canadian Secretary of State for External Affairs (Mackenzie King) to the American Minister", 1930,
     None, "note"),
    ("The Secretary of State to the Diplomatic Agent and Consul General at Tangier (Blake)", 1925, None,
     "instruction"),
    ("The Diplomatic Agent and Consul General at Tangier (Blake) to the Secretary of State", 1925, None,
     "despatch"),
    ("Mr. John H. Williams, on Special Mission to Certain South American Countries, to the Secretary of State",
     1934, None, "despatch"),
    ("[730] *Mr Edgecombe, consul, to Mr. Fish, Secretary of State.", 1872, None, "despatch"),
    ("Mr. Seward to all the ministers of the United States.", 1861, None, "circular"),  # still circular
    ("Mr. Seward to Mr. Adams.", 1861, None, "instruction"),
])
def test_doc_type_quirks(heading: str, year: int, place: str | None, kind: str) -> None:
    assert _doc_types.classify(heading, year=year, place=place) == kind


@pytest.mark.shared
def test_notes_with_foreign_envoys_in_the_real_volumes(frus_dir: Path) -> None:
    docs = read_docs(require(frus_dir / "frus1897.xml", "frus1897"))
    lome = [d.doc_type for d in docs.values() if "Dupuy de Lôme" in d.heading and " to " in d.heading]
    assert len(lome) >= 40 and set(lome) == {"note"}
    from_legations = [d for d in docs.values() if d.place and _doc_types.FOREIGN_PLACE.search(d.place)]
    assert from_legations and all(d.doc_type != "despatch" for d in from_legations)


def test_bracketed_and_empty_page_numbers(quirks: dict[str, Document]) -> None:
    d1, d5 = quirks["d1"], quirks["d5"]
    (two,) = [p for p in d1.pages if p.marker]
    assert (two.n, two.xml_id) == ("2", "pg_2") and "Inner [Page 2] observations." in d1.text
    assert "[Page [" not in d1.text
    # n="" with id pg_7: page 7; n="" without an id: recorded where it stands, nothing shown
    assert [(p.n, p.xml_id) for p in d5.pages if p.marker] == [("7", "pg_7"), ("", None)]
    assert "day.[Page 7] After an empty page number.End." in d5.text and "[Page ]" not in d5.text
    assert d5.page_at(len(d5.text) - 1) == ""


@pytest.mark.shared
def test_bracketed_page_numbers_in_frus1864p4(frus_dir: Path) -> None:
    docs = read_docs(require(frus_dir / "frus1864p4.xml", "frus1864p4"))
    assert not any("[Page [" in d.text or "[Page ]" in d.text for d in docs.values())
    assert "326" in [p.n for d in docs.values() for p in d.pages]
