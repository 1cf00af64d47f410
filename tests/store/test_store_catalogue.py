"""The Store contract for listings without texts (document_briefs, table_of_contents, referencing,
person_names, persons_by_keys, facet_rows), run against every implementation (the parametrised
``store`` fixture): the SQLite file and the memory store must answer alike."""

from __future__ import annotations

from dataclasses import replace

import pytest

from memcon.errors import NotFound
from memcon.model.people import Mention, Person
from memcon.model.records import Reference
from memcon.store.base import DocumentBrief, FacetRow, Store
from tests.store.store_factories import make_documents, make_volume

VOL = "frus1961-63v05"


def test_briefs_and_table_of_contents_agree_with_the_documents(store: Store) -> None:
    docs = make_documents(VOL, 3)
    store.replace_volume(make_volume(VOL), docs)
    toc = store.table_of_contents(VOL)
    assert [b.id for b in toc] == [d.id for d in docs]
    for brief, doc in zip(toc, docs, strict=True):
        assert brief == DocumentBrief(
            id=doc.id, volume_id=VOL, n=doc.n, heading=doc.heading, doc_type=doc.doc_type,
            date_text=doc.date.text if doc.date else None, date_min=brief.date_min, place=doc.place,
            chapter=tuple(doc.chapter), first_page=doc.first_page,
        )
        assert brief.date_min is None or brief.date_min[:4].isdigit()
    assert store.document_briefs([docs[2].id, "nowhere/d1", docs[0].id]) == {docs[0].id: toc[0], docs[2].id: toc[2]}
    assert store.document_briefs([]) == {}
    with pytest.raises(NotFound):
        store.table_of_contents("no-such-volume")


def test_referencing_lists_the_documents_that_point_at_one(store: Store) -> None:
    docs = make_documents(VOL, 3)
    target = docs[0].id
    pointing = replace(docs[2], references=(Reference("participants", "Listed in Document 1", target),
                                            Reference("see", "See Document 1", target)))
    store.replace_volume(make_volume(VOL), [docs[0], replace(docs[1], references=()), pointing])
    found = store.referencing(target)
    assert [(b.id, kind) for b, kind in found] == [(docs[2].id, "participants")]
    assert store.referencing(docs[1].id) == []


def test_person_names_keys_and_facet_rows(store: Store) -> None:
    docs = make_documents(VOL, 2)
    store.replace_volume(make_volume(VOL), docs)
    store.replace_authority(
        [Person("memcon:a", "Rusk, Dean", keys=("frus1961-63v05#p_RD1",)), Person("memcon:b", "Gromyko, Andrei")],
        source="/a", version="v1",
    )
    assert store.person_names(["memcon:b", "memcon:zz"]) == {"memcon:b": "Gromyko, Andrei"}
    assert store.persons_by_keys(["frus1961-63v05#p_RD1", "x#p_NONE"]) == {"frus1961-63v05#p_RD1": "memcon:a"}
    mention = Mention(0, 4, "Rusk", "memcon:a", 0.9, "memcon.linker.v1", "", None)
    store.replace_mentions(VOL, [(docs[1].id, [mention, replace(mention, start=9, end=13)])],
                           method="memcon.linker.v1")
    rows = {r.document_id: r for r in store.facet_rows()}
    assert rows[docs[1].id] == FacetRow(docs[1].id, VOL, docs[1].doc_type, docs[1].place or None, ("memcon:a",))
    assert rows[docs[0].id].persons == ()
