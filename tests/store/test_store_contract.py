"""The Store contract (memcon/store/base.py), run against every implementation.

Every test takes the parametrised ``store`` fixture (tests/store/conftest.py):
a real SQLite file in tmp_path, and the MemoryStore.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from memcon.errors import NotFound, StoreError
from memcon.model.records import Document
from memcon.store.base import Store
from tests.store.store_factories import make_document, make_documents, make_volume, provenance, unset_fields

VOL = "frus1961-63v05"
OTHER = "frus1919Parisv01"


class Boom(Exception):
    """Raised by a reader half-way through a volume."""


def failing(docs: list[Document], *, after: int, exc: BaseException) -> Iterator[Document]:
    for i, doc in enumerate(docs):
        if i == after:
            raise exc
        yield doc


def snapshot(store: Store) -> tuple[object, ...]:
    return (store.stats(), store.volumes(), list(store.iter_documents()))


def test_the_factory_populates_every_field() -> None:
    doc = make_document(VOL, 1)
    assert unset_fields(doc) == []
    assert doc.date is not None and unset_fields(doc.date) == ["when"]  # a range: start/end instead
    assert unset_fields(make_volume(VOL)) == []
    assert any(a.footnote is not None for a in doc.annotations)
    assert any(not p.marker for p in doc.pages) and any(p.marker for p in doc.pages)


def test_implements_the_protocol(store: Store) -> None:
    assert isinstance(store, Store)


def test_document_round_trip_is_equal(store: Store) -> None:
    docs = make_documents(VOL, 3)
    assert store.replace_volume(make_volume(VOL), docs) == 3
    for doc in docs:
        back = store.get_document(doc.id)
        assert back == doc
        assert isinstance(back.footnotes, tuple) and isinstance(back.chapter, tuple)
        assert back.date == doc.date and back.attachments[0].date == doc.attachments[0].date
        assert back.provenance == doc.provenance


def test_volume_round_trip_is_equal(store: Store) -> None:
    volume = make_volume(VOL)
    store.replace_volume(volume, [])
    back = store.get_volume(VOL)
    assert back == volume
    assert back.persons[0].xml_id == "p_KNS1" and back.editors == volume.editors


def test_a_volume_without_optional_fields_round_trips(store: Store) -> None:
    bare_volume = make_volume(VOL).__class__(id=VOL, title="Bare")
    bare = Document(id=f"{VOL}/d1", volume_id=VOL, heading="", text="")
    store.replace_volume(bare_volume, [bare])
    assert store.get_volume(VOL) == bare_volume
    assert store.get_document(bare.id) == bare
    assert store.source_digest(VOL) is None


def test_iter_documents_in_volume_order(store: Store) -> None:
    docs = make_documents(VOL, 4)
    # The reader may yield in any order; the store orders by seq.
    store.replace_volume(make_volume(VOL), [docs[2], docs[0], docs[3], docs[1]])
    store.replace_volume(make_volume(OTHER), make_documents(OTHER, 2))
    assert list(store.iter_documents(volume_id=VOL)) == docs
    every = list(store.iter_documents())
    assert [d.id for d in every] == [f"{OTHER}/d1", f"{OTHER}/d2"] + [d.id for d in docs]
    assert every[2:] == docs


def test_iter_documents_of_an_unknown_volume_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="nosuchvolume"):
        store.iter_documents(volume_id="nosuchvolume")


def test_replacing_with_fewer_documents_removes_the_old_ones(store: Store) -> None:
    store.replace_volume(make_volume(VOL), make_documents(VOL, 5))
    assert store.stats().documents == 5
    new = make_documents(VOL, 2, version="b")
    assert store.replace_volume(make_volume(VOL, version="b"), new) == 2
    stats = store.stats()
    assert (stats.documents, stats.footnotes, stats.pages) == (2, 10, 4)
    assert list(store.iter_documents(volume_id=VOL)) == new
    with pytest.raises(NotFound):
        store.get_document(f"{VOL}/d5")
    assert store.get_document(f"{VOL}/d1").heading.endswith("(b)")


def test_replacing_one_volume_leaves_the_others(store: Store) -> None:
    others = make_documents(OTHER, 3)
    store.replace_volume(make_volume(OTHER), others)
    store.replace_volume(make_volume(VOL), make_documents(VOL, 3))
    store.replace_volume(make_volume(VOL, version="b"), make_documents(VOL, 1, version="b"))
    assert list(store.iter_documents(volume_id=OTHER)) == others


@pytest.mark.parametrize("exc", [Boom("reader failed"), KeyboardInterrupt()], ids=["exception", "ctrl-c"])
def test_a_failure_half_way_leaves_the_store_as_it_was(store: Store, exc: BaseException) -> None:
    old = make_documents(VOL, 4)
    store.replace_volume(make_volume(VOL), old)
    store.mark_indexed(VOL, "memcon.test.v1")
    before = snapshot(store)
    new = make_documents(VOL, 6, version="b")
    with pytest.raises(type(exc)):
        store.replace_volume(make_volume(VOL, version="b"), failing(new, after=3, exc=exc))
    assert snapshot(store) == before
    assert store.get_document(f"{VOL}/d1") == old[0]
    assert store.source_digest(VOL) == provenance(VOL).sha256
    assert store.unindexed_volumes("memcon.test.v1") == []
    # The store still works after the rollback.
    assert store.replace_volume(make_volume(VOL, version="b"), new) == 6


def test_a_failure_in_a_new_volume_leaves_no_trace(store: Store) -> None:
    with pytest.raises(Boom):
        store.replace_volume(make_volume(VOL), failing(make_documents(VOL, 3), after=2, exc=Boom()))
    assert store.volumes() == []
    assert store.stats().documents == 0
    with pytest.raises(NotFound):
        store.get_volume(VOL)


def test_documents_are_consumed_lazily(store: Store) -> None:
    seen: list[int] = []

    def reader() -> Iterator[Document]:
        for doc in make_documents(VOL, 3):
            seen.append(doc.seq)
            yield doc

    gen = reader()
    assert seen == []
    store.replace_volume(make_volume(VOL), gen)
    assert seen == [0, 1, 2]


@pytest.mark.parametrize(
    "bad, message",
    [
        (make_document(OTHER, 9), "belongs to volume"),
        (make_document(VOL, 0), "appears twice"),
        (
            make_document(VOL, 1).__class__(id=f"{VOL}/dX", volume_id=VOL, heading="", text="", seq=1),
            "same seq",
        ),
    ],
    ids=["other-volume", "repeated-id", "repeated-seq"],
)
def test_documents_that_would_corrupt_a_volume_are_refused(store: Store, bad: Document, message: str) -> None:
    store.replace_volume(make_volume(VOL), make_documents(VOL, 1))
    before = snapshot(store)
    with pytest.raises(StoreError, match=message):
        store.replace_volume(make_volume(VOL, version="b"), [*make_documents(VOL, 2, version="b"), bad])
    assert snapshot(store) == before


def test_a_document_id_of_another_volume_is_refused(store: Store) -> None:
    store.replace_volume(make_volume(OTHER), make_documents(OTHER, 1))
    stolen = make_document(OTHER, 0).__class__(id=f"{OTHER}/d1", volume_id=VOL, heading="h", text="t")
    with pytest.raises(StoreError, match="another volume"):
        store.replace_volume(make_volume(VOL), [stolen])
    assert [v.id for v in store.volumes()] == [OTHER]


def test_source_digest_follows_the_last_ingest(store: Store) -> None:
    assert store.source_digest(VOL) is None
    store.replace_volume(make_volume(VOL), make_documents(VOL, 1))
    assert store.source_digest(VOL) == provenance(VOL).sha256
    store.replace_volume(make_volume(VOL, version="b"), make_documents(VOL, 1))
    assert store.source_digest(VOL) == provenance(VOL, version="b").sha256


def test_index_state_is_reset_when_a_volume_is_replaced(store: Store) -> None:
    name = "memcon.tantivy.v1"
    store.replace_volume(make_volume(VOL), make_documents(VOL, 2))
    store.replace_volume(make_volume(OTHER), make_documents(OTHER, 2))
    assert store.unindexed_volumes(name) == [OTHER, VOL]
    store.mark_indexed(VOL, name)
    assert store.unindexed_volumes(name) == [OTHER]
    assert store.unindexed_volumes("memcon.other.v2") == [OTHER, VOL]
    assert {v.id: v.indexed for v in store.volumes()} == {OTHER: False, VOL: True}
    store.mark_indexed(VOL, name)  # idempotent
    assert store.unindexed_volumes(name) == [OTHER]
    store.replace_volume(make_volume(VOL, version="b"), make_documents(VOL, 2, version="b"))
    assert store.unindexed_volumes(name) == [OTHER, VOL]
    assert {v.id: v.indexed for v in store.volumes()} == {OTHER: False, VOL: False}


def test_mark_indexed_on_an_unknown_volume_raises_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="memcon stats"):
        store.mark_indexed("nosuchvolume", "memcon.tantivy.v1")


def test_neighbours(store: Store) -> None:
    store.replace_volume(make_volume(VOL), make_documents(VOL, 3))
    store.replace_volume(make_volume(OTHER), make_documents(OTHER, 2))
    assert store.neighbours(f"{VOL}/d1") == (None, f"{VOL}/d2")
    assert store.neighbours(f"{VOL}/d2") == (f"{VOL}/d1", f"{VOL}/d3")
    assert store.neighbours(f"{VOL}/d3") == (f"{VOL}/d2", None)
    assert store.neighbours(f"{OTHER}/d1") == (None, f"{OTHER}/d2")


def test_neighbours_skip_gaps_in_seq(store: Store) -> None:
    docs = [make_document(VOL, 0), make_document(VOL, 5), make_document(VOL, 9)]
    store.replace_volume(make_volume(VOL), docs)
    assert store.neighbours(docs[1].id) == (docs[0].id, docs[2].id)


def test_unknown_ids_raise_not_found_with_what_to_do(store: Store) -> None:
    store.replace_volume(make_volume(VOL), make_documents(VOL, 2))
    with pytest.raises(NotFound) as info:
        store.get_document(f"{VOL}/d999")
    assert info.value.code == "E202" and isinstance(info.value, StoreError)
    assert f"{VOL}/d999" in str(info.value) and "memcon search" in str(info.value)
    with pytest.raises(NotFound, match="memcon stats"):
        store.get_document("d88")
    with pytest.raises(NotFound, match="memcon stats"):
        store.get_volume("frus1999")
    with pytest.raises(NotFound):
        store.neighbours("frus1999/d1")


def test_volumes_summarise_each_volume(store: Store) -> None:
    store.replace_volume(make_volume(VOL), make_documents(VOL, 3))
    store.replace_volume(make_volume(OTHER), [])
    summaries = store.volumes()
    assert [v.id for v in summaries] == [OTHER, VOL]
    empty, full = summaries
    assert (empty.documents, empty.date_min, empty.date_max) == (0, None, None)
    assert full.title == make_volume(VOL).title and full.documents == 3
    # Documents run 1961-06-04T12:45 … 1961-06-07 (start/end of their DocDate ranges).
    assert (full.date_min, full.date_max) == ("1961-06-04", "1961-06-07")
    assert full.sha256 == provenance(VOL).sha256 and full.indexed is False


def test_stats_count_what_is_stored(store: Store) -> None:
    empty = store.stats()
    assert (empty.volumes, empty.documents, empty.pages, empty.sources) == (0, 0, 0, 0)
    store.replace_volume(make_volume(VOL), make_documents(VOL, 3))
    store.replace_volume(make_volume(OTHER), make_documents(OTHER, 2, footnotes=2, annotations=4))
    stats = store.stats()
    assert (stats.volumes, stats.documents, stats.pages) == (2, 5, 10)
    assert (stats.footnotes, stats.annotations) == (3 * 5 + 2 * 2, 3 * 10 + 2 * 4)
    assert stats.sources == 2  # two source files
    assert stats.path == store.location
    assert stats.schema_version >= 2


def test_close_twice_and_use_after_close(store: Store) -> None:
    store.replace_volume(make_volume(VOL), make_documents(VOL, 1))
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.stats()
