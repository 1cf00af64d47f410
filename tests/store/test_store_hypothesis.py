"""Hypothesis: any document the model can hold comes back equal from every store."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memcon.model.records import (
    Annotation,
    Attachment,
    DocDate,
    Document,
    Footnote,
    PageBreak,
    Participant,
    Provenance,
    Volume,
)
from memcon.store.base import Store

VOL = "hyp"
texts = st.text(max_size=300)
maybe = st.none() | texts
offsets = st.integers(min_value=-(2**40), max_value=2**62)
iso = st.none() | st.from_regex(r"\A-?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?)?)?\Z")
dates = st.none() | st.builds(
    DocDate,
    text=texts,
    when=iso,
    start=iso,
    end=iso,
    not_before=iso,
    not_after=iso,
    precision=st.none() | st.sampled_from(["year", "month", "day", "hour", "minute", "second"]),
    uncertain=st.booleans(),
    timezone=maybe,
    source=texts,
)
provenances = st.builds(
    Provenance,
    source=texts,
    sha256=texts,
    reader=texts,
    reader_version=texts,
    format=texts,
    line=st.none() | offsets,
)


def tuples(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(strategy, max_size=4).map(tuple)


documents = st.builds(
    Document,
    id=st.just(f"{VOL}/d1"),
    volume_id=st.just(VOL),
    heading=texts,
    text=st.text(max_size=3000),
    n=maybe,
    doc_type=texts,
    place=maybe,
    date=dates,
    subject=maybe,
    source_note=maybe,
    footnotes=tuples(
        st.builds(
            Footnote, n=maybe, text=texts, offset=offsets, kind=texts, inline=st.booleans(), xml_id=maybe
        )
    ),
    participants=tuples(st.builds(Participant, text=texts, side=maybe, person_ref=maybe)),
    chapter=tuples(texts),
    pages=tuples(
        st.builds(PageBreak, n=texts, offset=offsets, facs=maybe, xml_id=maybe, marker=st.booleans())
    ),
    annotations=tuples(
        st.builds(
            Annotation,
            kind=texts,
            start=offsets,
            end=offsets,
            text=texts,
            target=maybe,
            role=maybe,
            footnote=st.none() | st.integers(0, 50),
        )
    ),
    attachments=tuples(
        st.builds(Attachment, heading=texts, start=offsets, end=offsets, date=dates, place=maybe)
    ),
    language=texts,
    provenance=tuples(provenances),
    seq=offsets,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents, volume_provenance=st.none() | provenances, editors=tuples(texts))
def test_any_document_round_trips(
    store: Store, doc: Document, volume_provenance: Provenance | None, editors: tuple[str, ...]
) -> None:
    volume = Volume(id=VOL, title="Hypothesis", editors=editors, provenance=volume_provenance)
    assert store.replace_volume(volume, [doc]) == 1
    assert store.get_document(doc.id) == doc
    assert list(store.iter_documents(volume_id=VOL)) == [doc]
    assert store.get_volume(VOL) == volume
