"""The persons a mention can be linked to: :class:`Candidate` records, from a volume's list of
persons (``VOLUME#xml_id``) or from the person authority (``memcon:…`` ids), merged.

DOCS: docs/linking.md#candidates
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from memcon.enrich._names import NameParts, fold, parse_name
from memcon.model.people import Person, Role
from memcon.model.records import Volume

_VOLUME_KEY = re.compile(r"^(frus[\w-]+)#")
NOT_MILITARY = re.compile(
    r"\b(?:consul|consulate|secretary|attorney|solicitor|postmaster|inspector|director|governor|accounting|surgeon)"
    r"[ -]general\b|\bgeneral (?:counsel|assembly|agreement|services|accounting|manager|electric|motors)\b"
)
"""Offices that hold the word "general" without being a general's: taken out of a profile, so
that "General Poole" is not the Consul General."""


def _profile(text: str) -> str:
    return NOT_MILITARY.sub(" ", fold(text).lower())
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One person a name may stand for, with what the linker weighs.

    ``id`` is what a :class:`~memcon.model.people.Mention` records as ``person_id``: a memcon
    person id, or ``VOLUME#xml_id`` for a persons-list entry the authority does not know.
    ``listed`` is true for the persons list of the volume being linked (the strongest
    evidence); ``profile`` the offices and remarks, folded to lower case, that titles next to
    a name are checked against; ``volumes`` the FRUS volumes whose persons lists name the
    person; ``weight`` how many sources know the person (the frequency of last resort).
    """

    id: str
    name: str
    parts: tuple[NameParts, ...]
    profile: str = ""
    roles: tuple[Role, ...] = ()
    birth: int | None = None
    death: int | None = None
    listed: bool = False
    volumes: frozenset[str] = frozenset()
    weight: int = 1
    source: str = "volume"

    def alive(self, year: int) -> bool:
        """Could the person be named as acting in ``year`` (born 16+ years before, not dead)?"""
        if self.birth is not None and self.birth > year - 16:
            return False
        return self.death is None or self.death >= year

    def role_on(self, day: str) -> Role | None:
        """A role whose dates (as far as given) hold ``day`` (ISO), if any."""
        for role in self.roles:
            start, end = role.start, role.end
            if start and day[: len(start)] < start:
                continue
            if end and day[: len(end)] > end:
                continue
            if start or end:
                return role
        return None


def _year(text: str | None) -> int | None:
    m = _YEAR.search(text or "")
    return int(m.group()) if m else None


def volume_candidates(volume: Volume, *, listed: bool = True) -> tuple[Candidate, ...]:
    """The volume's persons list as candidates, ``id`` = ``VOLUME#xml_id``.  A cross
    reference ("Home" — "see Douglas-Home") becomes a second name of the entry it points to."""
    out: list[Candidate] = []
    aliases: list[tuple[str, NameParts]] = []
    for entry in volume.persons:
        parts = parse_name(entry.name, entry.description)
        if not parts:
            continue
        if parts[0].see:
            aliases.append((parts[0].see, parts[0]))
            continue
        out.append(Candidate(
            id=f"{volume.id}#{entry.xml_id}", name=entry.name, parts=tuple(parts),
            profile=_profile(f"{entry.name} {entry.description}"), listed=listed,
            volumes=frozenset({volume.id}), source="volume",
        ))
    for target, alias in aliases:
        key = fold(target).lower()
        for i, cand in enumerate(out):
            if any(fold(p.surname).lower() == key for p in cand.parts):
                out[i] = replace(cand, parts=(*cand.parts, NameParts(alias.surname)))
                break
    return tuple(out)


def person_candidates(persons: Iterable[Person]) -> tuple[Candidate, ...]:
    """Authority persons as candidates: every name variant, roles, remarks, life dates, and the
    volumes whose persons lists name them (from their ``keys``)."""
    out: list[Candidate] = []
    for person in persons:
        parts: list[NameParts] = []
        variants = list(dict.fromkeys((person.name, *(v.name for v in person.names))))
        if any(len(v.split()) > 1 for v in variants):
            # "George", "Wilhelm": a one-word variant of a person known by fuller names would
            # make every "George" in a text his
            variants = [v for v in variants if len(v.split()) > 1]
        for variant in variants:
            for p in parse_name(variant):
                if p not in parts and not p.see:
                    parts.append(p)
        surnames = {p.surname for p in parts if p.forenames or len(p.surname.split()) > 1}
        if surnames:
            # "King George" gives a bare "George": kept only when it is the surname of a fuller
            # form ("Premier Khrushchev" → "Khrushchev, Nikita"), not for "George V"
            parts = [p for p in parts if p.forenames or len(p.surname.split()) > 1 or p.surname in surnames]
        if not parts:
            continue
        volumes = frozenset(m.group(1) for k in person.keys if (m := _VOLUME_KEY.match(k)))
        profile = " ".join((person.name, *person.remarks, *(r.title for r in person.roles)))
        out.append(Candidate(
            id=person.id, name=person.name, parts=tuple(parts), profile=_profile(profile),
            roles=person.roles, birth=_year(person.birth), death=_year(person.death),
            volumes=volumes, weight=max(1, len(person.keys)), source="authority",
        ))
    return tuple(out)


def merge_candidates(
    listed: Iterable[Candidate],
    authority: Iterable[Candidate],
    *,
    key_to_id: Mapping[str, str] | None = None,
) -> tuple[Candidate, ...]:
    """The volume's list and the authority as one candidate set.

    ``key_to_id`` maps a persons-list key (``frus1961-63v05#p_KNS1``) to the authority's
    person id (the store's ``persons_with_key``); when omitted, the authority candidates'
    own ``keys`` are not known here, so a listed entry is matched to the authority person
    whose id the mapping gives or kept under its ``VOLUME#xml_id``.  A listed entry that the
    authority knows takes the memcon id and the authority's names, roles and life dates, and
    stays ``listed``."""
    by_id = {c.id: c for c in authority}
    mapping = dict(key_to_id or {})
    out: list[Candidate] = []
    taken: set[str] = set()
    for cand in listed:
        pid = mapping.get(cand.id)
        known = by_id.get(pid) if pid else None
        if known is None:
            out.append(cand)
            continue
        taken.add(known.id)
        parts = tuple(dict.fromkeys((*cand.parts, *known.parts)))
        out.append(replace(
            known, parts=parts, profile=f"{cand.profile} {known.profile}", listed=True,
            volumes=known.volumes | cand.volumes,
        ))
    out.extend(c for c in by_id.values() if c.id not in taken)
    return tuple(out)


__all__ = ["NOT_MILITARY", "Candidate", "merge_candidates", "person_candidates", "volume_candidates"]
