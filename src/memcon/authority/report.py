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

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from memcon.model.people import Person
from memcon.store.base import Store


@dataclass(frozen=True, slots=True)
class PersonReport:
    """One person as ``memcon person`` shows it."""

    person: Person
    documents: tuple[str, ...] | None = None
    """Ids of the documents naming the person; ``None`` until mentions are linked."""
    named_with: tuple[tuple[str, int], ...] | None = None
    """``(person id, documents in common)``, most frequent first; ``None`` until mentions are linked."""


def _store_hook(store: Store, name: str) -> Callable[..., Any] | None:
    hook = getattr(store, name, None)
    return hook if callable(hook) else None


def documents_naming(store: Store, person: Person) -> tuple[str, ...] | None:
    """HOOK for the mention linker: the documents naming ``person``, from the store's
    ``documents_mentioning(person_id)`` when it has one; ``None`` before that."""
    hook = _store_hook(store, "documents_mentioning")
    return None if hook is None else tuple(hook(person.id))


def named_with(store: Store, person: Person, *, limit: int = 10) -> tuple[tuple[str, int], ...] | None:
    """HOOK for the mention linker: the people most often named in the same documents as
    ``person``, from the store's ``co_mentioned(person_id, limit=)``; ``None`` before that."""
    hook = _store_hook(store, "co_mentioned")
    return None if hook is None else tuple((str(p), int(n)) for p, n in hook(person.id, limit=limit))


def person_report(store: Store, name: str, *, limit: int = 5) -> list[PersonReport]:
    """The persons ``name`` matches (:meth:`memcon.store.base.Store.find_persons`), best
    attested first, each with its documents and companions when the store links mentions."""
    return [
        PersonReport(person, documents_naming(store, person), named_with(store, person))
        for person in store.find_persons(name, limit=limit)
    ]
