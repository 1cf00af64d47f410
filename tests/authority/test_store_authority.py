"""The authority part of the Store contract (memcon/store/base.py), run against every
implementation: a real SQLite file in tmp_path and the MemoryStore."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from memcon.errors import NotFound
from memcon.model.people import NameVariant, Person, Role
from memcon.store.base import Store

ROLE = Role(
    "Secretary of State",
    "1961-01-21",
    "1969-01-20",
    "pocom:positions-principals/secretary#secr-1961-rusk",
    "Department of State",
    "United States",
    "appointed 1961-01-21",
)


def persons() -> list[Person]:
    return [
        Person(
            id="memcon:hsg-111738",
            name="Rusk, David Dean",
            names=(
                NameVariant("Rusk, David Dean", "preferred", "hsg:111738"),
                NameVariant("Rusk, Dean", "original", "frus1961-63v05/persons#p_RD1"),
                NameVariant("Dean Rusk", "pocom", "pocom:people/rusk-david-dean"),
            ),
            roles=(ROLE,),
            birth="1909",
            death="1994",
            remarks=("Secretary of State",),
            keys=("hsg:111738", "pocom:rusk-david-dean", "frus1961-63v05#p_RD1"),
        ),
        Person(
            id="memcon:hsg-102839",
            name="Dorticós Torrado, Osvaldo",
            names=(NameVariant("Dorticós Torrado, Osvaldo", "preferred", "hsg:102839"),),
            keys=("hsg:102839",),
        ),
        Person(
            id="memcon:hsg-113161",
            name="Sukhodrev, Viktor M.",
            names=(
                NameVariant("Sukhodrev, Viktor M.", "preferred", "hsg:113161"),
                NameVariant("Sukhodrev, Victor M.", "original", "frus1961-63v05/persons#p_SVM1"),
            ),
            roles=(
                Role(
                    "interpreter, Soviet Foreign Ministry",
                    "1961",
                    "1963",
                    "frus1961-63v05/persons#p_SVM1",
                    side="Soviet Union",
                    note="interpreter, Soviet Foreign Ministry [bounded by the volume: 1961–1963]",
                ),
            ),
            keys=("hsg:113161", "frus1961-63v05#p_SVM1"),
        ),
    ]


def test_round_trip_is_equal(store: Store) -> None:
    assert store.authority_version() is None
    assert store.replace_authority(persons(), source="tests", version="memcon.authority.v1") == 3
    assert store.authority_version() == "memcon.authority.v1"
    assert store.authority_source() == "tests"
    for person in persons():
        assert store.get_person(person.id) == person
    assert list(store.iter_persons()) == sorted(persons(), key=lambda p: p.id)


def test_unknown_person_is_not_found(store: Store) -> None:
    store.replace_authority(persons(), source="tests", version="v")
    with pytest.raises(NotFound, match="memcon:nobody"):
        store.get_person("memcon:nobody")


@pytest.mark.parametrize(
    "query,expected",
    [
        ("Rusk", ["memcon:hsg-111738"]),
        ("rusk", ["memcon:hsg-111738"]),
        ("Dean Rusk", ["memcon:hsg-111738"]),
        ("Rusk, Dean", ["memcon:hsg-111738"]),
        ("D. Rusk", ["memcon:hsg-111738"]),
        ("Dorticos", ["memcon:hsg-102839"]),  # accents ignored; first word of a compound surname
        ("DORTICÓS TORRADO", ["memcon:hsg-102839"]),
        ("Sukhodrev", ["memcon:hsg-113161"]),
        ("Suhodrev", ["memcon:hsg-113161"]),  # a spelling variant, when nothing matches exactly
        ("William Rusk", []),  # forenames must agree
        ("Gromyko", []),
    ],
)
def test_find_persons(store: Store, query: str, expected: list[str]) -> None:
    store.replace_authority(persons(), source="tests", version="v")
    assert [p.id for p in store.find_persons(query)] == expected


def test_find_persons_limit(store: Store) -> None:
    many = [
        Person(
            id=f"memcon:x{i}",
            name=f"Jones, Person{i}",
            keys=tuple(f"k{i}-{j}" for j in range(i)),
            names=(NameVariant(f"Jones, Person{i}", "preferred", None),),
        )
        for i in range(30)
    ]
    store.replace_authority(many, source="tests", version="v")
    found = store.find_persons("Jones", limit=5)
    assert [p.id for p in found] == ["memcon:x29", "memcon:x28", "memcon:x27", "memcon:x26", "memcon:x25"]
    assert len(store.find_persons("Jones")) == 20


def test_persons_with_key(store: Store) -> None:
    store.replace_authority(persons(), source="tests", version="v")
    assert [p.id for p in store.persons_with_key("frus1961-63v05#p_RD1")] == ["memcon:hsg-111738"]
    assert [p.id for p in store.persons_with_key("pocom:rusk-david-dean")] == ["memcon:hsg-111738"]
    assert store.persons_with_key("frus1961-63v05#p_XX9") == []


def test_a_rebuild_replaces_the_previous_authority(store: Store) -> None:
    store.replace_authority(persons(), source="tests", version="v1")
    store.replace_authority(persons()[1:], source="tests", version="v2")
    assert store.authority_version() == "v2"
    assert [p.id for p in store.iter_persons()] == ["memcon:hsg-102839", "memcon:hsg-113161"]
    assert store.find_persons("Rusk") == [] and store.persons_with_key("pocom:rusk-david-dean") == []


class Boom(Exception):
    pass


def failing() -> Iterator[Person]:
    yield persons()[0]
    raise Boom


def test_a_failed_rebuild_leaves_the_authority_as_it_was(store: Store) -> None:
    store.replace_authority(persons(), source="tests", version="v1")
    with pytest.raises(Boom):
        store.replace_authority(failing(), source="tests", version="v2")
    assert store.authority_version() == "v1"
    assert len(list(store.iter_persons())) == 3


def test_volumes_and_the_authority_live_side_by_side(store: Store) -> None:
    from tests.store.store_factories import make_documents, make_volume

    store.replace_volume(make_volume("frus1961-63v05"), make_documents("frus1961-63v05", 2))
    store.replace_authority(persons(), source="tests", version="v")
    store.replace_volume(make_volume("frus1961-63v05", version="b"), make_documents("frus1961-63v05", 1))
    assert store.stats().documents == 1
    assert len(list(store.iter_persons())) == 3
