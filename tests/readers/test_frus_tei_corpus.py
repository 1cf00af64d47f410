"""memcon.readers.frus_tei on every real FRUS volume of the shared corpus.

Each invariant is checked against an independent count made with plain lxml XPath on
the same file.  Without the shared data these tests skip (and fail under CI).
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from memcon.model.records import Document, Volume
from memcon.readers._tei_fields import valid_iso
from memcon.readers.frus_tei import DateWarning, MissingIdWarning, read_frus_tei
from tests._shared import frus_volume_paths, require

NS = {"tei": "http://www.tei-c.org/ns/1.0", "frus": "http://history.state.gov/frus/ns/1.0"}
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
ALL_DOCS = etree.XPath("//tei:div[@type='document']", namespaces=NS)
TOP_DOCS = etree.XPath("//tei:div[@type='document'][not(ancestor::tei:div[@type='document'])]", namespaces=NS)
PBS = etree.XPath(".//tei:pb", namespaces=NS)
NOTES = etree.XPath(".//tei:note", namespaces=NS)  # notes nested in notes too (frus1894Nicaragua d61)
GAPS = etree.XPath("count(.//tei:gap)", namespaces=NS)
# enclosures: every frus:attachment, and a nested document div outside any (frus1861's
# frus:attachment > div[@type='document'] is one enclosure, not two); document order = outer first
UNITS = etree.XPath(".//frus:attachment | .//tei:div[@type='document'][not(ancestor::frus:attachment)]",
                    namespaces=NS)
OWN_WHEN = etree.XPath(".//tei:dateline//tei:date[@when or @from or @notBefore or @notAfter]"
                       "[not(ancestor::tei:note)]", namespaces=NS)

VOLUMES = [p.name for p in frus_volume_paths()] or ["(no shared FRUS volumes)"]


def read_all(path: Path) -> tuple[Volume, list[Document]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingIdWarning)
        warnings.simplefilter("ignore", DateWarning)  # tests/readers/test_frus_tei_quirks.py
        records = list(read_frus_tei(path))
    volume, docs = records[0], records[1:]
    assert isinstance(volume, Volume)
    assert all(isinstance(d, Document) for d in docs), "the Volume comes first, then only Documents"
    return volume, docs  # type: ignore[return-value]


def expected_chars(el: Any, *, top: bool = False) -> str:
    """Every character the document prints, whitespace dropped: all text except the bodies
    of anchored footnotes (rendered apart) and figure descriptions (not printed)."""
    parts: list[str] = []

    def walk(e: Any) -> None:
        if e.text:
            parts.append(e.text)
        for ch in e:
            if isinstance(ch.tag, str):
                anchored = ch.tag == TEI + "note" and ch.get("rend") != "inline" and bool(ch.get("n"))
                if not anchored and ch.tag != TEI + "figDesc":
                    walk(ch)
            if ch.tail:
                parts.append(ch.tail)

    if top:  # a footnote's own text: its content, its own anchored notes cut out
        el = etree.fromstring(etree.tostring(el, with_tail=False))
        el.tag = TEI + "div"
    walk(el)
    return re.sub(r"[\s|]+", "", "".join(parts))


def printed_chars(doc: Document, el: Any, start: int = 0, end: int | None = None) -> str:
    """The document's text (or its span ``start:end``) minus what the reader adds: [Page N],
    [N] anchors, [...], cell bars."""
    end = len(doc.text) if end is None else end
    cuts = dict((p.offset, len(f"[Page {p.n}]")) for p in doc.pages if p.marker and p.n)
    cuts.update((f.offset, len(f"[{f.n}]")) for f in doc.footnotes if not f.inline)
    text = doc.text[:end]
    for offset, length in sorted(cuts.items(), reverse=True):
        if start <= offset < end:
            text = text[:offset] + text[offset + length:]
    text = text[start:]
    text = text.replace("[...]", "", int(GAPS(el)))
    return re.sub(r"[\s|]+", "", text)


def printed_page(pb: Any) -> str:
    """A pb's printed number: n="[326]" → 326 (frus1864p4); empty → its pg_N id's N, else ""."""
    n = pb.get("n") or ""
    if re.fullmatch(r"\[[0-9IVXLCDMivxlcdm]+\]", n):
        return n[1:-1]
    if n in ("", "[]"):
        xml_id = pb.get(XML_ID) or ""
        return xml_id[3:] if re.fullmatch(r"pg_[0-9IVXLCDMivxlcdm]+", xml_id) else ""
    return n


def footnote_chars(text: str, note: Any) -> str:
    """A footnote's text minus what the reader adds: [...], the anchors of notes in it, bars."""
    text = text.replace("[...]", "", int(GAPS(note)))
    for inner in NOTES(note):
        if inner.get("n") and inner.get("rend") != "inline":
            text = text.replace(f"[{inner.get('n')}]", "", 1)
    return re.sub(r"[\s|]+", "", text)


def own_dated(unit: Any) -> bool:
    """Whether ``unit`` has a machine-dated dateline of its own (not an inner enclosure's)."""
    for date in OWN_WHEN(unit):
        owner = next((a for a in date.iterancestors() if a.tag == "{http://history.state.gov/frus/ns/1.0}attachment"
                      or (a.tag == TEI + "div" and a.get("type") == "document"
                          and a.getparent().tag != "{http://history.state.gov/frus/ns/1.0}attachment")), None)
        if owner is unit:
            return True
    return False


@pytest.mark.shared
@pytest.mark.parametrize("name", VOLUMES)
def test_volume_invariants(frus_dir: Path, name: str) -> None:
    path = require(frus_dir / name, f"FRUS volume {name}")
    tree = etree.parse(str(path))
    volume, docs = read_all(path)
    root_id = tree.getroot().get("{http://www.w3.org/XML/1998/namespace}id")
    assert volume.id == (root_id or path.stem)
    assert volume.title and volume.provenance is not None

    top = TOP_DOCS(tree)
    assert len(docs) == len(top), "one Document per top-level div[@type='document']"
    assert len(ALL_DOCS(tree)) >= len(docs)
    assert [d.seq for d in docs] == list(range(len(docs)))
    assert len({d.id for d in docs}) == len(docs)

    for doc, el in zip(docs, top, strict=True):
        where = f"{doc.id} (line {el.sourceline})"
        xml_id = el.get("{http://www.w3.org/XML/1998/namespace}id")
        if xml_id:
            assert doc.id == f"{volume.id}/{xml_id}", where
        assert doc.heading.strip() and doc.text.strip(), where
        assert "  " not in doc.text and "\t" not in doc.text, where
        assert all(line == line.strip() for line in doc.text.split("\n")), where

        # page map: one marker per pb inside the document, in order, at its [Page N]
        markers = [p for p in doc.pages if p.marker]
        assert [p.n for p in markers] == [printed_page(pb) for pb in PBS(el)], where
        assert [p.offset for p in markers] == sorted(p.offset for p in markers), where
        for p in markers:
            assert not p.n or doc.text.startswith(f"[Page {p.n}]", p.offset), where
        assert "[Page ]" not in doc.text and "[Page [" not in doc.text.replace("[Page [Map", ""), where
        assert all(not p.marker for p in doc.pages[: len(doc.pages) - len(markers)]), where

        # footnotes: one per note element, nested ones too, in document order, each anchored
        # (or printed) where it stands, its text its own
        notes = NOTES(el)
        assert len(doc.footnotes) == len(notes), where
        for fn, note in zip(doc.footnotes, notes, strict=True):
            assert (fn.n, fn.xml_id) == (note.get("n"), note.get(XML_ID)), where
            if fn.inline:
                assert doc.text.startswith(fn.text, fn.offset), where
            else:
                assert doc.text.startswith(f"[{fn.n}]", fn.offset), where
                assert footnote_chars(fn.text, note) == expected_chars(note, top=True), where

        for a in doc.annotations:
            base = doc.text if a.footnote is None else doc.footnotes[a.footnote].text
            assert base[a.start:a.end] == a.text and a.text.strip(), where
        # enclosures: one Attachment per unit, in document order, spanning exactly its text
        units = UNITS(el)
        assert len(doc.attachments) == len(units), where
        for att, unit in zip(doc.attachments, units, strict=True):
            at = f"{where}, enclosure at line {unit.sourceline}"
            assert 0 <= att.start < att.end <= len(doc.text) and att.heading, at
            assert printed_chars(doc, unit, att.start, att.end) == expected_chars(unit), at
            assert (att.date is not None) >= own_dated(unit), at

        # dates: every machine value a real day in 1700-2100, the document's and its enclosures'
        for date in [doc.date, *(a.date for a in doc.attachments)]:
            if date is not None:
                values = (date.when, date.start, date.end, date.not_before, date.not_after)
                assert all(valid_iso(v) for v in values if v), (where, date)

        # nothing lost, nothing merged: the text holds exactly the document's own characters
        assert printed_chars(doc, el) == expected_chars(el), where


@pytest.mark.shared
def test_paris_peace_conference_d337_pages_and_footnotes(frus_dir: Path) -> None:
    path = require(frus_dir / "frus1919Parisv01.xml", "frus1919Parisv01")
    _, docs = read_all(path)
    (d337,) = [d for d in docs if d.id == "frus1919Parisv01/d337"]
    assert d337.heading == "The Chargé in France (Bliss) to Mr. Henry White"
    found = re.findall(r"\[Page (\d+)\]", d337.text)
    assert len(found) == 21
    assert [int(n) for n in found] == sorted(int(n) for n in found)
    assert [p.n for p in d337.pages if p.marker] == found
    numbered = [f for f in d337.footnotes if not f.inline]
    assert [int(f.n or 0) for f in numbered] == sorted(int(f.n or 0) for f in numbered)
    assert [f.offset for f in numbered] == sorted(f.offset for f in numbered)
    assert d337.pages[0].n == "385" and not d337.pages[0].marker
    assert d337.source_note == "Henry White Papers"


@pytest.mark.shared
def test_vienna_memcon_d88(shared: Path) -> None:
    path = require(shared / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the d88 excerpt")
    volume, docs = read_all(path)
    assert volume.id == "frus1961-63v05"
    assert volume.subseries == "1961–1963" and volume.volume_number == "Volume V"
    persons = {p.xml_id: p for p in volume.persons}
    assert persons["p_KNS1"].name.startswith("Khrushchev")
    assert any(t.xml_id == "t_USSR1" for t in volume.terms)

    (d88,) = docs
    assert (d88.id, d88.heading, d88.n) == ("frus1961-63v05/d88", "Memorandum of Conversation", "88")
    assert d88.text.startswith("88. Memorandum of Conversation[1]\nVienna, June 4, 1961.\n")
    assert d88.doc_type == "memorandum of conversation"
    assert d88.place == "Vienna"
    assert d88.date is not None and (d88.date.when, d88.date.precision) == ("1961-06-04", "day")
    assert d88.subject == "Vienna Meeting Between The President and Chairman Khrushchev"
    assert [p.text for p in d88.participants] == ["Listed on Page 5"]
    assert [(f.n, f.kind) for f in d88.footnotes] == [("1", "source"), ("2", "footnote"), ("3", "footnote")]
    assert d88.source_note is not None and d88.source_note.startswith("Source: Kennedy Library")
    assert "missiles are the [Page 226] God of War" in d88.text
    assert "accomplish [Page 227] that task" in d88.text
    assert "why he had [Page 228] been anxious" in d88.text
    # before [Page 226] the text is on p. 225 (the excerpt cut the pages between its p. 1 and d88)
    assert [(p.n, p.marker) for p in d88.pages] == [("225", False), ("226", True), ("227", True), ("228", True)]
    assert d88.page_at(d88.text.index("God of War")) == "226"
    assert d88.page_at(d88.text.index("Lenin")) == "225"
    kinds = {(a.kind, a.target) for a in d88.annotations}
    assert ("persName", "#p_KNS1") in kinds and ("gloss", "#t_USSR1") in kinds
    assert ("ref", "#d84") in kinds
    assert ("persName", "#p_AAA1") in {(a.kind, a.target) for a in d88.annotations if a.footnote == 0}


@pytest.mark.shared
def test_frus1861_nested_documents_and_missing_id(frus_dir: Path) -> None:
    path = require(frus_dir / "frus1861.xml", "frus1861")
    with pytest.warns(MissingIdWarning, match="frus1861.xml:675"):
        records = list(read_frus_tei(path))
    docs = [r for r in records[1:] if isinstance(r, Document)]
    assert docs[0].id == "frus1861/message-of-the-president-doc1"  # Schedule A, in the front matter
    assert docs[0].heading == "Schedule A." and docs[0].seq == 0
    d3 = next(d for d in docs if d.id == "frus1861/d3")
    (att,) = d3.attachments
    assert att.heading.startswith("Convention upon the subject of the rights of belligerents")
    assert d3.text[att.start:].startswith("Convention upon the subject")
    assert sum(len(d.attachments) for d in docs) == 79
