"""The enrich stage (references, participants placeholders, source notes), fingerprints, merging,
and the JSON form of records — on real documents where the shared data has them."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.enrich import enrich_document
from memcon.enrich.fingerprints import containment, fingerprint, same_document
from memcon.enrich.merge import merge_documents
from memcon.enrich.references import editorial_spans, references, split_placeholders
from memcon.model.records import Annotation, Document, Participant, Provenance
from memcon.model.serialize import from_json, to_json
from memcon.readers.frus_tei import read_frus_tei
from tests._shared import frus_volume_paths, require, shared_path
from tests.store.store_factories import make_document


def d88() -> Document:
    path = require(shared_path() / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the FRUS 1961-63 v05 excerpt")
    return next(r for r in read_frus_tei(path) if isinstance(r, Document))


def test_d88_enriched() -> None:
    doc = enrich_document(d88())
    assert doc.participants == ()
    (ref,) = doc.references
    assert ref.kind == "participants"
    assert ref.target == "frus1961-63v05/d84"
    assert ref.note == "Listed on Page 5"
    assert ref.offset is not None and doc.text[ref.offset:].startswith("[Here follows the same list")
    fields = doc.source_fields
    assert fields is not None
    assert (fields.archive, fields.collection) == ("Kennedy Library", "President's Office Files, USSR")
    assert (fields.classification, fields.handling) == ("Secret", ("Eyes Only",))
    assert fields.drafted_by == ("Akalovsky",)
    assert (fields.approved_by, fields.approved_date) == ("the White House", "1961-06-23")
    assert fields.meeting_place == "the Soviet Embassy"
    editorial = [a for a in doc.annotations if a.kind == "editorial"]
    assert [doc.text[a.start:a.end] for a in editorial] == [ref.text]
    assert enrich_document(doc) == doc  # idempotent


def test_references_resolve_pointers() -> None:
    text = "A [See Document 12.] B [For inclosure, see p. 481.] C [Here follows the list of Document 84.]"
    anns = (Annotation("ref", text.index("p. 481"), text.index("p. 481") + 6, "p. 481", "#pg_481"),
            Annotation("ref", text.index("Document 84"), text.index("Document 84") + 11, "Document 84",
                       "frus1961-63v06#d84"))
    refs = references(text, volume_id="frus1961-63v05", annotations=anns)
    assert [(r.kind, r.target) for r in refs] == [
        ("see", "frus1961-63v05/d12"),
        ("see", "#pg_481"),
        ("see", "frus1961-63v06/d84"),
    ]
    assert [r.target for r in references(text, volume_id=None)] == ["Document 12", "Document 84"]


def test_markers_are_not_editorial() -> None:
    text = "x [Page 226] y[12] z [Page [326]] [Omitted here is discussion of Laos.]"
    assert [text[s:e] for s, e in editorial_spans(text)] == ["[Omitted here is discussion of Laos.]"]


@pytest.mark.parametrize(
    ("entry", "placeholder"),
    [("Listed on Page 5", True), ("See Document 84", True), ("As listed in Document 12", True),
     ("The President", False), ("Foreign Minister Gromyko", False), ("Mr. Page, Secretary", False)],
)
def test_placeholders(entry: str, placeholder: bool) -> None:
    real, notes = split_placeholders([Participant(entry)])
    assert bool(notes) is placeholder and bool(real) is not placeholder


# -- fingerprints -----------------------------------------------------------------------------


def test_the_seed_web_page_is_d88() -> None:
    web = require(shared_path() / "corpus" / "seeds" / "frus1961-63v05-d88.web.txt", "the seed web page").read_text(encoding="utf-8")
    tei, page = fingerprint(d88().text), fingerprint(web)
    assert containment(tei, page) > 0.9
    assert same_document(tei, page)


def test_no_two_documents_of_the_same_number_look_alike() -> None:
    """Different documents with the same printed number (the candidates a copy is compared with)
    are never taken for one another, across five shared volumes of different eras."""
    paths = frus_volume_paths()[::4]
    if not paths:
        require(shared_path() / "corpus" / "frus", "the shared FRUS volumes")
    by_n: dict[str | None, list[frozenset[int]]] = defaultdict(list)
    for path in paths:
        for r in read_frus_tei(path):
            if isinstance(r, Document) and r.n:
                by_n[r.n].append(fingerprint(r.text))
    pairs = [(a, b) for group in by_n.values() for a, b in itertools.combinations(group, 2)]
    assert len(pairs) > 1000
    assert not [1 for a, b in pairs if same_document(a, b)]


_WORDS = st.lists(st.sampled_from("the President said that Soviet missiles were God of War today in Berlin "
                                  "and Khrushchev replied Laos".split()), min_size=8, max_size=20)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=3, max_size=8), st.integers(0, 2**16))
def test_fingerprint_ignores_markers_whitespace_and_typography(sentences: list[list[str]], seed: int) -> None:
    text = " ".join(" ".join(words) + "." for words in sentences)
    varied = text.replace("'", "’").replace(" ", "  ", seed % 3).replace("said", "said[3]", 1)
    varied = varied.replace(" the ", f" [Page {seed}] the ", 1).replace(". ", ".\n\n", seed % 2)
    assert fingerprint(varied) == fingerprint(text)


# -- merging ----------------------------------------------------------------------------------


def test_merge_prefers_tei_and_fills_gaps() -> None:
    tei = d88()
    web_prov = Provenance("d88.web.txt", "b" * 64, "memcon.hsg_page", "1", "hsg-page")
    web = replace(tei, id="hsg/123", text=re.sub(r"\[\d+\]", "", tei.text), date=None, place=None,
                  provenance=(web_prov,), summary="Lunch at the Soviet Embassy.", pages=())
    merged = merge_documents([web, tei])
    assert merged.id == tei.id and merged.text == tei.text and merged.pages == tei.pages
    assert merged.date == tei.date
    assert merged.summary == "Lunch at the Soviet Embassy."
    assert merged.provenance == (*tei.provenance, web_prov)
    assert merge_documents([tei]) is tei


# -- JSON form --------------------------------------------------------------------------------


def test_records_round_trip_through_json() -> None:
    for doc in (enrich_document(d88()), make_document("frus1961-63v05", 3)):
        assert from_json(to_json(doc), Document) == doc
    assert to_json(Participant("The President")) == '{"text":"The President"}'


def test_an_undated_record_takes_the_date_its_heading_gives() -> None:
    """Wilson's announcement of the armistice has no dateline; its heading closes with the date."""
    path = require(shared_path() / "corpus" / "frus" / "frus1919Parisv01.xml", "frus1919Parisv01")
    d1 = next(r for r in read_frus_tei(path) if isinstance(r, Document) and r.id == "frus1919Parisv01/d1")
    assert d1.date is None
    dated = enrich_document(d1)
    assert dated.date is not None and (dated.date.when, dated.date.source) == ("1918-11-11", "heading")
    assert enrich_document(dated) == dated  # idempotent
    received = replace(d1, heading="Mr. Geofroy to Mr. Seward.—Received May 27, 1864")
    assert enrich_document(received).date is None  # when it arrived is not when it was written
    written = replace(d1, date=None, heading="Report on the Inquiry, May 10, 1918")
    assert enrich_document(written).date.when == "1918-05-10"  # type: ignore[union-attr]
