"""The records of the person authority: persons, their names, their roles over time, and the
mentions of them in documents.

A :class:`Person` has one stable memcon id whatever the sources that know it (HistoryAtState
``people/``, POCOM, the presidents list, foreign leaders' visits, the persons lists of FRUS
volumes, whose ``p_KNS1`` ids are unique only within a volume).  Every name variant and every
role keeps the source it came from, so a historian can always ask "says who?".

Dates are ISO strings (``1961-01-21``; a year alone, ``1958``, when that is all the source
gives); ``end=None`` means "open" (still in office, or not stated).

DOCS: docs/architecture.md#people
"""

from __future__ import annotations

from dataclasses import dataclass

from memcon.model.records import _fast_pickle


@_fast_pickle
@dataclass(frozen=True, slots=True)
class NameVariant:
    """A form of a person's name, and where it was found.

    ``kind``: ``preferred`` (the authority's form), ``alternate``, ``original`` (as a FRUS
    persons list printed it), ``pocom``, ``visits``, ``presidents``, ``volume`` (a persons list
    of an ingested volume).  ``source`` is a pointer such as
    ``frus1961-63v05/persons#p_KNS1``, ``pocom:people/k/khrushchev-nikita.xml``.
    """

    name: str
    kind: str
    source: str | None = None


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Role:
    """An office a person held from ``start`` to ``end``.

    ``title`` as the source words it ("Secretary of State", "Ambassador to the Soviet Union",
    "Chairman of the Council of Ministers"); ``organisation`` the body or country it belongs
    to; ``side`` the government the holder served, as a country name ("United States",
    "Soviet Union") — what "our Ambassador" or "the Soviet Ambassador" is resolved by.
    ``source`` says where the role was read (POCOM file, persons-list entry …).
    """

    title: str
    start: str | None
    end: str | None
    source: str
    organisation: str | None = None
    side: str | None = None
    note: str | None = None
    """The source's own words when the role was parsed from prose (a persons-list description)."""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Person:
    """One person of the authority."""

    id: str
    """Stable memcon id, ``memcon:…`` (see ``authority`` for how identities are merged)."""
    name: str
    """The preferred form, "Surname, Forenames" as the authority writes it."""
    names: tuple[NameVariant, ...] = ()
    roles: tuple[Role, ...] = ()
    birth: str | None = None
    death: str | None = None
    remarks: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    """Every source identifier merged into this person: ``hsg:103362``, ``pocom:rusk-dean``,
    ``frus1961-63v05#p_RD1`` (a volume's persons-list id)."""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of a document's text (or of one of its footnotes) that names or designates a person.

    ``method`` names the algorithm and version that made the link (``memcon.linker.v1``,
    ``memcon.titles.v1``); ``confidence`` is in 0–1; ``reason`` is one line a historian can
    check ("Secretary of State 1961-01-21 – 1969-01-20 (POCOM)").  ``person_id`` is ``None``
    when the mention was found but could not be resolved: never a guess dressed as a fact.
    """

    start: int
    end: int
    text: str
    person_id: str | None
    confidence: float
    method: str
    reason: str = ""
    footnote: int | None = None
    kind: str = "name"
    """``name`` ("Gromyko", "Mr. Rusk") or ``title`` ("the Secretary", "our Ambassador")."""
    name: str | None = None
    """For a title the authority holds no person for, the name the resolver tied it to ("The
    Italian Ambassador" → "De Martino", named so in the document or attested by another)."""


@dataclass(frozen=True, slots=True)
class Attestation:
    """A document's words saying who held an office on its date: "Hon. E. M. Stanton, Secretary
    of War" (1864-03-09), "The Salvadoran Minister for Foreign Affairs (Araujo)" (1934-10-25).

    ``office``, ``place`` and ``side`` are the comparable office key
    (:func:`memcon.authority.titles.office_key`) and the government served, as a country name;
    ``name`` the holder as the text names him; ``person_id`` the authority's person when the
    name is one person of it, else ``None``; ``start``/``end`` the words in ``Document.text``;
    ``method`` the algorithm that read them (``memcon.attested.v1``); ``footnote`` the index of
    the footnote the words stand in (an editors' identification), ``None`` for the text."""

    document_id: str
    date: str
    office: str
    place: str | None
    side: str
    name: str
    person_id: str | None
    text: str
    start: int
    end: int
    method: str
    footnote: int | None = None


__all__ = ["Attestation", "Mention", "NameVariant", "Person", "Role"]
