"""The Store contract for single-document sources (put_document, source_records, absorbing a copy),
run against every implementation (the parametrised ``store`` fixture)."""

from __future__ import annotations

from dataclasses import replace

from memcon.model.records import Document, Provenance, Volume
from memcon.store.base import SourceRecord, Store
from tests.store.store_factories import make_documents, make_volume

VOL = "frus1961-63v05"


def web_copy(doc: Document, *, source: str = "d1.web.txt", doc_id: str | None = None) -> Document:
    prov = Provenance(source, "a" * 64, "memcon.hsg_page", "1", "hsg-page")
    return replace(doc, id=doc_id or doc.id, volume_id=(doc_id or doc.id).split("/")[0], provenance=(prov,),
                   summary=None)


def record_of(doc: Document, *, source: str, document_id: str | None = None, sha: str = "a" * 64) -> SourceRecord:
    return SourceRecord(source, sha, doc.provenance[0].format, document_id or doc.id, (1, 2, 3), doc)


def test_put_document_adds_a_volume_and_appends(store: Store) -> None:
    wilson = Volume(id="wilson", title="Wilson Center Digital Archive")
    docs = [replace(d, id=f"wilson/{i}", volume_id="wilson", seq=99) for i, d in enumerate(make_documents("x", 2))]
    first = store.put_document(wilson, docs[0], record=record_of(docs[0], source="a.json"))
    second = store.put_document(wilson, docs[1], record=record_of(docs[1], source="b.json", sha="b" * 64))
    assert (first.seq, second.seq) == (0, 1)
    assert store.get_document("wilson/1") == second
    assert [d.id for d in store.iter_documents(volume_id="wilson")] == ["wilson/0", "wilson/1"]
    assert store.get_volume("wilson").title == "Wilson Center Digital Archive"
    summary = {v.id: v for v in store.volumes()}["wilson"]
    assert summary.documents == 2
    assert store.source_digests() == {"a" * 64, "b" * 64}
    assert [r.source for r in store.source_records()] == ["a.json", "b.json"]
    assert store.source_records(document_id="wilson/1")[0].record == docs[1]


def test_put_document_replaces_in_place_and_keeps_the_volume_metadata(store: Store) -> None:
    volume = make_volume(VOL)
    docs = make_documents(VOL, 3)
    store.replace_volume(volume, docs)
    store.mark_indexed(VOL, "idx")
    merged = replace(docs[1], provenance=(*docs[1].provenance, web_copy(docs[1]).provenance[0]))
    stored = store.put_document(Volume(id=VOL, title=VOL), merged, record=record_of(web_copy(docs[1]), source="w"))
    assert stored.seq == 1
    assert store.get_document(docs[1].id) == merged
    assert store.neighbours(docs[1].id) == (docs[0].id, docs[2].id)
    assert store.get_volume(VOL) == volume  # the stub title did not overwrite the TEI volume
    assert store.unindexed_volumes("idx") == [VOL]  # the index must pick the change up


def test_put_document_absorbs_a_copy_stored_under_another_id(store: Store) -> None:
    docs = make_documents(VOL, 2)
    store.replace_volume(make_volume(VOL), docs)
    copy = web_copy(docs[0], doc_id="hsg/abc")
    store.put_document(Volume(id="hsg", title="hsg"), copy, record=record_of(copy, source="copy.txt"))
    assert store.get_document("hsg/abc").id == "hsg/abc"
    merged = replace(docs[0], provenance=(*docs[0].provenance, copy.provenance[0]))
    store.put_document(make_volume(VOL), merged, record=record_of(copy, source="copy.txt", document_id=docs[0].id),
                       absorbed=["hsg/abc"])
    assert [d.id for d in store.iter_documents(volume_id="hsg")] == []
    assert [r.document_id for r in store.source_records()] == [docs[0].id]
    assert store.get_document(docs[0].id).provenance == merged.provenance


def test_replace_volume_absorbs_in_its_transaction(store: Store) -> None:
    docs = make_documents(VOL, 2)
    copy = web_copy(docs[1], doc_id="hsg/xyz")
    store.put_document(Volume(id="hsg", title="hsg"), copy, record=record_of(copy, source="copy.txt"))
    absorbed: dict[str, str] = {}

    def stream() -> object:
        yield docs[0]
        absorbed["hsg/xyz"] = docs[1].id  # filled while streaming, read after
        yield docs[1]

    store.replace_volume(make_volume(VOL), stream(), absorbed=absorbed)  # type: ignore[arg-type]
    assert store.stats().documents == 2
    assert store.source_records(volume_id=VOL)[0].document_id == docs[1].id
    assert store.source_records(volume_id="hsg") == []


def test_documents_numbered(store: Store) -> None:
    store.replace_volume(make_volume(VOL), make_documents(VOL, 3))
    store.replace_volume(make_volume("frus1919Parisv01"), make_documents("frus1919Parisv01", 2))
    assert store.documents_numbered("2") == ["frus1919Parisv01/d2", f"{VOL}/d2"]
    assert store.documents_numbered("99") == []
