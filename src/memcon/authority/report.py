"""What ``memcon person NAME`` shows: the matching persons with every name variant and its
source, their roles over time, and — once the linker stores mentions — the documents naming
them and the people most often named with them.

The last two are **hooks**, not fakes: :func:`documents_naming` and :func:`named_with` ask the
store for ``documents_mentioning(person_id)`` and ``co_mentioned(person_id, limit=)``, which
the mention linker (issue 4, item 2) adds to the store; until then they return ``None`` and the
command says "not linked yet".

DOCS: docs/authority.md#memcon-person
"""

from __future__ import annotations

from dataclasses import dataclass

from memcon.model.people import Person
from memcon.store.base import Store


@dataclass(frozen=True, slots=True)
class PersonReport:
    """One person as ``memcon person`` shows it."""

    person: Person
    documents: tuple[str, ...] | None = None
    """Ids of the documents naming the person, oldest first; ``None`` until mentions are linked."""
    named_with: tuple[tuple[str, int], ...] | None = None
    """``(person id, documents in common)``, most frequent first; ``None`` until mentions are linked."""


def is_linked(store: Store) -> bool:
    """Whether mentions have been linked in the store at all (some volume is up to date)."""
    from memcon.enrich.people import METHOD

    volumes = store.volumes()
    return bool(volumes) and len(store.unlinked_volumes(METHOD)) < len(volumes)


def documents_naming(store: Store, person: Person, *, linked: bool = True) -> tuple[str, ...] | None:
    """The documents naming ``person``, oldest first; ``None`` before mentions are linked."""
    return tuple(store.documents_mentioning(person.id)) if linked else None


def named_with(
    store: Store, person: Person, *, limit: int = 10, linked: bool = True
) -> tuple[tuple[str, int], ...] | None:
    """The people most often named in the same documents as ``person``, with the number of
    documents; ``None`` before mentions are linked."""
    return tuple(store.co_mentioned(person.id, limit=limit)) if linked else None


def person_report(store: Store, name: str, *, limit: int = 5) -> list[PersonReport]:
    """The persons ``name`` matches (:meth:`memcon.store.base.Store.find_persons`), best
    attested first, each with its documents and companions when the store links mentions."""
    linked = is_linked(store)
    return [
        PersonReport(person, documents_naming(store, person, linked=linked),
                     named_with(store, person, linked=linked))
        for person in store.find_persons(name, limit=limit)
    ]
