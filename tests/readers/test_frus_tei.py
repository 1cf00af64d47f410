"""memcon.readers.frus_tei on small TEI fixtures written for these tests (tests/fixtures/tei/)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from memcon.errors import EmptyInput, MalformedInput, MemconError, ReadError, UnknownFormat, UnsafeInput
from memcon.model.records import Document, Volume
from memcon.readers.frus_tei import FORMAT, READER, VERSION, MissingIdWarning, read_frus_tei, sniff_frus_tei


@pytest.fixture(scope="module")
def mini_path(fixtures: Path) -> Path:
    return fixtures / "tei" / "mini-volume.xml"


@pytest.fixture(scope="module")
def mini(mini_path: Path) -> tuple[Volume, dict[str, Document]]:
    with pytest.warns(MissingIdWarning):
        records = list(read_frus_tei(mini_path))
    volume = records[0]
    assert isinstance(volume, Volume)
    docs = [r for r in records[1:] if isinstance(r, Document)]
    assert len(docs) == len(records) - 1
    return volume, {d.id.split("/", 1)[1]: d for d in docs}


def test_volume_comes_first_with_header_fields(mini: tuple[Volume, dict[str, Document]]) -> None:
    volume, _ = mini
    assert volume.id == "frusTestv01"
    assert volume.title == "Foreign Relations of the United States, Test Volume, Volume I"
    assert volume.series == "Foreign Relations of the United States"
    assert volume.subseries == "1961–1963"  # spelled 'subseries' in this fixture
    assert volume.volume_number == "Volume I"  # spelled 'volumenumber'
    assert volume.volume_title == "Test Matters"
    assert volume.editors == ("Jane Q. Editor",)  # the empty <editor/> and the general editor are dropped
    assert (volume.publisher, volume.pub_place, volume.pub_year) == (
        "United States Government Printing Office", "Washington", "1998")


def test_persons_and_terms_lists(mini: tuple[Volume, dict[str, Document]]) -> None:
    volume, _ = mini
    persons = {p.xml_id: p for p in volume.persons}
    assert persons["p_KNS1"].name == "Khrushchev, Nikita S."
    assert persons["p_KNS1"].description == "Chairman of the Council of Ministers of the Soviet Union"
    assert persons["p_RD1"].description == "Secretary of State"  # persName not wrapped in <hi>
    assert [(t.xml_id, t.term, t.description) for t in volume.terms] == [
        ("t_USSR1", "USSR", "Union of Soviet Socialist Republics")]


def test_provenance_on_every_record(mini_path: Path) -> None:
    digest = hashlib.sha256(mini_path.read_bytes()).hexdigest()
    with pytest.warns(MissingIdWarning):
        records = list(read_frus_tei(str(mini_path)))
    for record in records:
        provenance = record.provenance if isinstance(record, Volume) else record.provenance[0]
        assert provenance is not None
        assert (provenance.source, provenance.sha256) == (str(mini_path), digest)
        assert (provenance.reader, provenance.reader_version, provenance.format) == (READER, VERSION, FORMAT)
    assert records[1].provenance[0].line == 52  # type: ignore[union-attr]  # the line of <div xml:id="d1">


def test_given_digest_is_used_as_is(mini_path: Path) -> None:
    records = read_frus_tei(mini_path, sha256="abc123")
    volume = next(records)
    records.close()  # type: ignore[attr-defined]
    assert volume.provenance is not None and volume.provenance.sha256 == "abc123"


def test_documents_in_order_with_ids_numbers_and_chapters(mini: tuple[Volume, dict[str, Document]]) -> None:
    _, docs = mini
    assert list(docs) == ["d1", "d2", "d3", "d4", "d5", "ch2-doc1"]
    assert [d.seq for d in docs.values()] == [0, 1, 2, 3, 4, 5]
    assert [d.n for d in docs.values()] == ["1", "2", "3", "4", "5", None]
    assert docs["d1"].chapter == ("Part One", "The Vienna Meeting")
    assert docs["d5"].chapter == ("Part One", "Aftermath")
    assert all(d.volume_id == "frusTestv01" for d in docs.values())


def test_document_without_id_gets_a_stable_id_and_a_warning(mini_path: Path) -> None:
    with pytest.warns(MissingIdWarning, match="mini-volume.xml:140"):
        first = [r.id for r in read_frus_tei(mini_path)]
    with pytest.warns(MissingIdWarning):
        second = [r.id for r in read_frus_tei(mini_path)]
    assert first == second
    assert "frusTestv01/ch2-doc1" in first


def test_heading_drops_the_number_the_text_keeps_it(mini: tuple[Volume, dict[str, Document]]) -> None:
    _, docs = mini
    d1 = docs["d1"]
    assert d1.heading == "Memorandum of Conversation"
    assert d1.text.startswith("1. Memorandum of Conversation[1]\nVienna, June 4, 1961, 1:15 p.m..\n\nSUBJECT\n")
    assert docs["d3"].heading == "The Ambassador in Germany (Dowling) to the Secretary of State"


def test_empty_head_falls_back_to_document_n(mini: tuple[Volume, dict[str, Document]]) -> None:
    d4 = mini[1]["d4"]
    assert d4.heading == "Document 4"  # hsg's breadcrumb for a document with an empty <head/>
    assert d4.text == "Dear Mr. President:\n\nA letter without a heading or dateline."


def test_paragraphs_whitespace_and_inline_elements(mini: tuple[Volume, dict[str, Document]]) -> None:
    text = mini[1]["d1"].text
    assert "\n\nThe Chairman said that missiles are the [Page 2] God of War" in text
    assert "would wait.[2] He quoted natural love with emphasis.\n\nSecond paragraph" in text
    assert "  " not in text and "\t" not in text
    assert not any(line != line.strip() for line in text.split("\n"))


def test_missing_source_note_does_not_merge_documents(mini: tuple[Volume, dict[str, Document]]) -> None:
    _, docs = mini
    d2, d3 = docs["d2"], docs["d3"]
    assert d2.source_note is None and d2.footnotes == ()
    assert d2.text.endswith("Thompson\nLlewellyn E. Thompson")
    assert "File No. 762.00/6-861" not in d2.text
    assert d3.text.startswith("File No. 762.00/6-861\n\nThe Ambassador in Germany")


def test_page_map_first_entry_and_markers(mini: tuple[Volume, dict[str, Document]]) -> None:
    _, docs = mini
    d1, d2 = docs["d1"], docs["d2"]
    assert [(p.n, p.marker, p.offset) for p in d1.pages[:1]] == [("1", False, 0)]
    assert [(p.n, p.facs, p.xml_id) for p in d1.pages[1:]] == [("2", "0012", "pg_2")]
    assert d2.pages[0].n == "2" and not d2.pages[0].marker  # pg_2 turned inside d1
    assert [p.n for p in d2.pages if p.marker] == ["3", "4"]
    for doc in (d1, d2):
        for pb in doc.pages[1:]:
            assert doc.text.startswith(f"[Page {pb.n}]", pb.offset)
    assert d1.page_at(d1.text.index("God of War")) == "2"
    assert d1.page_at(d1.text.index("missiles")) == "1"


def test_pb_inside_list_and_table(mini: tuple[Volume, dict[str, Document]]) -> None:
    text = mini[1]["d2"].text
    assert "\n\n(1) First point.\n[Page 3] (2) Second point.\n\n" in text
    assert "Cost | Amount\nWheat and rye | 10 [Page 4] million" in text  # lb in a cell is a space


def test_footnotes_offsets_kinds_and_inline_notes(mini: tuple[Volume, dict[str, Document]]) -> None:
    _, docs = mini
    d1, d3 = docs["d1"], docs["d3"]
    assert [(f.n, f.kind, f.inline, f.xml_id) for f in d1.footnotes] == [
        ("1", "source", False, "d1fn1"), ("2", "footnote", False, "d1fn2")]
    assert d1.footnotes[0].text == "Source: Department of State, Central Files. Secret. Drafted by Rusk."
    assert d1.source_note == d1.footnotes[0].text
    for fn in d1.footnotes:
        assert d1.text.startswith(f"[{fn.n}]", fn.offset)
    inline = [f for f in d3.footnotes if f.inline]
    assert [f.text for f in inline] == ["File No. 762.00/6-861", "[Telegram—Extract]"]
    assert all(d3.text.startswith(f.text, f.offset) for f in inline)
    # a footnote on an inline note is anchored at its end, as printed
    assert "\n\n[Telegram—Extract][3]\n\nBonn, June 1961." in d3.text
    assert d3.source_note == "File No. 762.00/6-861\n[Telegram—Extract]"


def test_nested_document_is_an_attachment_of_its_parent(mini: tuple[Volume, dict[str, Document]]) -> None:
    d3 = mini[1]["d3"]
    (att,) = d3.attachments
    assert att.heading == "The German Foreign Office to the Embassy"
    assert att.place == "Bonn"
    assert att.date is not None and att.date.when == "1961-06-03"
    body = d3.text[att.start:att.end]
    assert body.startswith("The German Foreign Office to the Embassy\nBonn, June 3, 1961.")
    assert body.endswith("[Page 5] Enclosed text continues.")
    assert d3.text.endswith("Enclosed text continues.\n\nSent to Paris.")  # the postscript follows
    assert d3.place == "Bonn" and d3.date is not None and d3.date.not_before == "1961-06-01"


def test_dates_when_range_bounds_and_div_attributes(mini: tuple[Volume, dict[str, Document]]) -> None:
    _, docs = mini
    d1 = docs["d1"].date
    assert d1 is not None
    assert (d1.when, d1.precision, d1.timezone, d1.source) == ("1961-06-04T13:15:00Z", "minute", "Z", "dateline")
    assert d1.text == "June 4, 1961, 1:15 p.m."
    d2 = docs["d2"].date
    assert d2 is not None and (d2.start, d2.end, d2.uncertain, d2.precision) == (
        "1961-06-05", "1961-06-07", False, "day")
    d3 = docs["d3"].date
    assert d3 is not None and (d3.not_before, d3.not_after, d3.uncertain) == ("1961-06-01", "1961-06-10", True)
    assert (d3.sort_key, d3.sort_key_end) == ("1961-06-01", "1961-06-10")
    d4 = docs["d4"].date
    assert d4 is not None
    assert (d4.when, d4.precision, d4.timezone, d4.source) == ("1961-06-08", "day", "-04:00", "div-attribute")
    assert docs["d5"].date is None  # no machine-readable date: none is guessed


def test_place_subject_and_participants_with_sides(mini: tuple[Volume, dict[str, Document]]) -> None:
    d1 = mini[1]["d1"]
    assert d1.place == "Vienna"
    assert d1.subject == "Berlin and USSR Policy"
    assert [(p.text, p.side, p.person_ref) for p in d1.participants] == [
        ("The Secretary, Dean Rusk", "U.S. Side", "#p_RD1"),
        ("Mr. Akalovsky, interpreter", "U.S. Side", None),
        ("Chairman Khrushchev", "Soviet Side", "#p_KNS1"),
    ]
    assert mini[1]["d3"].place == "Bonn"  # "Bonn," without its comma


def test_annotations_in_text_and_in_footnotes(mini: tuple[Volume, dict[str, Document]]) -> None:
    d1 = mini[1]["d1"]
    for a in d1.annotations:
        base = d1.text if a.footnote is None else d1.footnotes[a.footnote].text
        assert base[a.start:a.end] == a.text
    kinds = {(a.kind, a.text, a.target, a.role, a.footnote) for a in d1.annotations}
    assert ("persName", "Rusk", "#p_RD1", None, 0) in kinds  # inside the source note
    assert ("ref", "vol. III, p. 817", "frus1919Parisv03#pg_817", None, 1) in kinds
    assert ("persName", "Mr. Khrushchev", "#p_KNS1", "from", None) in kinds
    assert ("gloss", "USSR", "#t_USSR1", None, None) in kinds
    assert ("quote", "natural love", None, None, None) in kinds
    assert ("placeName", "Vienna", None, None, None) in kinds
    assert ("date", "June 4, 1961, 1:15 p.m.", None, None, None) in kinds


def test_doc_types(mini: tuple[Volume, dict[str, Document]]) -> None:
    _, docs = mini
    assert {k: d.doc_type for k, d in docs.items()} == {
        "d1": "memorandum of conversation", "d2": "telegram", "d3": "telegram",  # "[Telegram—Extract]"
        "d4": "document", "d5": "editorial note", "ch2-doc1": "document",
    }


def test_gap_is_shown(mini: tuple[Volume, dict[str, Document]]) -> None:
    assert "a copy of a note.[...] Received." in mini[1]["d3"].text


def test_malformed_xml_names_file_and_line(fixtures: Path) -> None:
    path = fixtures / "tei" / "malformed.xml"
    records = read_frus_tei(path)
    with pytest.raises(MalformedInput) as caught:
        list(records)
    err = caught.value
    assert err.line == 19 and err.path == str(path)
    assert f"{path}:19: not well-formed XML at line 19:" in str(err)
    assert "memcon fetch frus frusBroken" in str(err)
    assert isinstance(err.__cause__, Exception)


def test_records_before_the_error_are_yielded(fixtures: Path) -> None:
    seen: list[str] = []
    with pytest.raises(MalformedInput):
        for record in read_frus_tei(fixtures / "tei" / "malformed.xml"):
            seen.append(record.id)
    assert seen == ["frusBroken", "frusBroken/d1"]


def test_not_tei_is_unknown_format(fixtures: Path) -> None:
    with pytest.raises(UnknownFormat, match="root element is <rss>"):
        list(read_frus_tei(fixtures / "tei" / "not-tei.xml"))


def test_tei_without_documents_is_empty_input(fixtures: Path) -> None:
    with pytest.raises(EmptyInput, match="no document"):
        list(read_frus_tei(fixtures / "tei" / "no-documents.xml"))


def test_empty_and_missing_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInput, match="empty"):
        list(read_frus_tei(empty))
    with pytest.raises(ReadError, match="cannot read"):
        list(read_frus_tei(tmp_path / "missing.xml"))


def test_entity_bomb_is_refused(fixtures: Path) -> None:
    with pytest.raises(UnsafeInput, match="entity"):
        list(read_frus_tei(fixtures / "tei" / "entity-bomb.xml"))


def test_external_entities_are_not_fetched(fixtures: Path) -> None:
    records = list(read_frus_tei(fixtures / "tei" / "external-entity.xml"))
    doc = records[1]
    assert isinstance(doc, Document)
    assert doc.text == "External entities\n\nBefore middle after."


def test_truncated_real_shaped_file(tmp_path: Path, mini_path: Path) -> None:
    data = mini_path.read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: data.index(b"<p>Second paragraph")])
    with pytest.raises(MemconError) as caught:
        list(read_frus_tei(cut))
    assert isinstance(caught.value, MalformedInput)


def test_volume_id_falls_back_to_idno_then_stem(tmp_path: Path, mini_path: Path) -> None:
    text = mini_path.read_text(encoding="utf-8").replace(' xml:id="frusTestv01"', "", 1)
    no_root_id = tmp_path / "renamed.xml"
    no_root_id.write_text(text, encoding="utf-8")
    with pytest.warns(MissingIdWarning):  # read to the end: the id-less document warns
        ids = [r.id for r in read_frus_tei(no_root_id)]
    assert ids[0] == "frusTestv01"
    bare = tmp_path / "frusStem.xml"
    bare.write_text(text.replace('<idno type="frus">frusTestv01</idno>', ""), encoding="utf-8")
    with pytest.warns(MissingIdWarning):
        ids = [r.id for r in read_frus_tei(bare)]
    assert ids[:2] == ["frusStem", "frusStem/d1"]


def test_sniff(mini_path: Path, fixtures: Path) -> None:
    assert sniff_frus_tei(mini_path.read_bytes()[:4096])
    assert sniff_frus_tei(b"\xef\xbb\xbf<?xml version='1.0'?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">")
    assert sniff_frus_tei('<TEI xmlns="http://www.tei-c.org/ns/1.0">'.encode("utf-16"))
    assert not sniff_frus_tei((fixtures / "tei" / "not-tei.xml").read_bytes())
    assert not sniff_frus_tei(b"%PDF-1.4 ...")


def test_path_objects_and_strings_read_the_same(tmp_path: Path, mini_path: Path) -> None:
    copy = tmp_path / "copy.xml"
    shutil.copy(mini_path, copy)
    with pytest.warns(MissingIdWarning):
        as_path = [r.id for r in read_frus_tei(copy)]
    with pytest.warns(MissingIdWarning):
        as_str = [r.id for r in read_frus_tei(str(copy))]
    assert as_path == as_str


def test_stopping_early_closes_the_file(mini_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    me = psutil.Process()

    def is_open() -> bool:
        return any(Path(f.path) == mini_path.resolve() for f in me.open_files())

    records = read_frus_tei(mini_path)
    next(records)
    next(records)
    assert is_open()
    records.close()  # type: ignore[attr-defined]
    assert not is_open()


def test_memory_does_not_grow_with_the_volume(tmp_path: Path) -> None:
    """Streaming: documents are freed once read, so a volume 10x longer needs no more memory."""
    psutil = pytest.importorskip("psutil")
    paragraph = "<p>" + " ".join(["The <persName>Secretary</persName> said <hi>nothing</hi> new."] * 20) + "</p>"
    body = "".join(
        f'<div type="document" xml:id="d{i}" n="{i}"><head>{i}. Telegram</head>'
        f'<pb n="{i}" xml:id="pg_{i}"/>{paragraph * 4}<note n="{i}">A note.</note></div>'
        for i in range(1, 4001)
    )
    path = tmp_path / "frusBig.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frusBig"><teiHeader><fileDesc><titleStmt>'
        '<title type="complete">Big</title></titleStmt></fileDesc></teiHeader><text><body>'
        f"{body}</body></text></TEI>",
        encoding="utf-8",
    )
    assert path.stat().st_size > 20_000_000
    me = psutil.Process()
    rss: dict[int, int] = {}
    count = 0
    for record in read_frus_tei(path):
        if isinstance(record, Document):
            count += 1
            if count in (400, 4000):
                rss[count] = me.memory_info().rss
    assert count == 4000
    # a tree of this file would take several hundred MB; streaming stays within a few MB
    assert rss[4000] - rss[400] < 25_000_000, rss


def test_text_before_the_first_page_break_stands_on_the_page_before_it() -> None:
    """The vol. V excerpt keeps page 1 of the volume and then d88, whose first break is page 226:
    the text before it is on page 225 (the pages between were cut from the excerpt), not page 1."""
    from tests._shared import require, shared_path

    path = require(shared_path() / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the vol. V excerpt")
    d88 = next(r for r in read_frus_tei(path) if isinstance(r, Document))
    assert [p.n for p in d88.pages] == ["225", "226", "227", "228"]
    assert d88.first_page == "225" and d88.page_at(0) == "225" and d88.pages[0].facs is None
    assert d88.page_at(d88.pages[1].offset) == "226"
