"""The authority in memory, for the name linker and the title resolver: who held an office on a
day, which persons bear a surname, which person a volume's persons-list entry is.

>>> authority = Authority.from_store(store)                                    # doctest: +SKIP
>>> [p.name for p, _ in authority.holders("the Secretary", on="1961-06-04", side="US")]  # doctest: +SKIP
['Rusk, David Dean']

**Matching offices.**  A title is reduced to ``(office, place, side)`` by
:func:`memcon.authority.titles.office_key` (synonyms: "the Secretary" is "Secretary of
State"; "Premier", "Chairman", "Prime Minister" and "Chairman of the Council of Ministers" are
one office; "Ambassador Extraordinary and Plenipotentiary" is "Ambassador").  A role matches
when its office is the same, its place is the one asked ("Ambassador to the Soviet Union"), its
side is the one asked (``side=`` or a nationality in the title: "Soviet Ambassador") and its
dates cover the day (a year or a month covers all its days).  Titles joined by "and" are
matched one by one.

**Which sources win.**  Each role has a precision (:func:`memcon.authority.titles.precision`):
``0`` exact dates from POCOM, the presidents list or a visit; ``1`` dates a persons list printed;
``2`` dates bounded by the volume's years, or one part of a title joined by "and".  A person's
imprecise role of an office is ignored when POCOM or the presidents list give that person that
office; coarse dates give way to finer ones of the same person and office (:func:`_holds`).
Holders come best first: precision, then how many of the person's roles say so on the day, then
the narrower term.

DOCS: docs/authority.md#lookup
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from memcon.authority._names import country, name_forms, surname_keys
from memcon.authority.attested import AttestedOffices
from memcon.authority.titles import TERM_SOURCES, office_key, precision
from memcon.authority.volume_persons import entry_key
from memcon.errors import InvalidValue, NotFound
from memcon.model.people import Person, Role
from memcon.store.base import Store

_SOURCE_LABELS = (("pocom:", "POCOM"), ("presidents:", "presidents list"), ("visits:", "visits list"))
_ISO_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
_CONJUNCTS = re.compile(r",?\s+and\s+|;\s*")


def office_label(role: Role) -> str:
    """The role's title with its post when the title does not name it: "Ambassador
    Extraordinary and Plenipotentiary, Soviet Union"."""
    where = role.organisation if role.organisation and role.organisation not in role.title else None
    return f"{role.title}, {where}" if where and where != "Department of State" else role.title


def describe(role: Role) -> str:
    """One line a historian can check: ``Secretary of State 1961-01-21 – 1969-01-20 (POCOM)``."""
    label = next((name for prefix, name in _SOURCE_LABELS if role.source.startswith(prefix)), role.source)
    dates = f"{role.start or '?'} – {role.end or ''}".rstrip()
    if precision(role) == 2:
        label += ", dates bounded by the volume"
    return f"{office_label(role)} {dates} ({label})"


def _low(date: str) -> str:
    return (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10] if len(date) == 7 else date[:10]


def _high(date: str) -> str:
    return (date + "-12-31")[:10] if len(date) == 4 else (date + "-31")[:10] if len(date) == 7 else date[:10]


def covers(role: Role, on: str) -> bool:
    """Whether the role's dates include the day ``on`` (ISO); open ends are open."""
    if role.start and _low(role.start) > on:
        return False
    return not (role.end and _high(role.end) < on)


@dataclass(frozen=True, slots=True)
class _Office:
    person: Person
    role: Role
    place: str | None
    side: str | None
    precision: int
    term: bool
    """The source gives the whole term (POCOM, presidents): it overrides persons lists."""
    whole: bool
    """The role's whole title is this office (not one part of "X and Y")."""


def _offices(role: Role) -> dict[tuple[str, str | None, str | None], bool]:
    """The ``(office, place, side)`` keys a role answers to, each with whether it is the whole
    title (``True``) or one part of a title joined by "and" ("First Secretary … and Chairman of
    the Council of Ministers, 1953–1964": the dates need not be this office's)."""
    # POCOM's chiefs of mission name their post's country apart from the title
    post = role.organisation if role.source.startswith("pocom:missions-countries") else None
    keys = {office_key(role.title, organisation=post): True}
    parts = [p for p in _CONJUNCTS.split(role.title) if len(p.split()) >= 3]
    if len(parts) > 1:
        for part in parts:
            keys.setdefault(office_key(part), False)
    return keys


class Authority:
    """Every person of the authority, indexed for lookups.  Build it once per process
    (:meth:`from_store`) and share it: it only reads."""

    def __init__(self, persons: Iterable[Person]) -> None:
        self._persons: dict[str, Person] = {}
        self._keys: dict[str, Person] = {}
        self._surnames: dict[str, list[Person]] = {}
        self._offices: dict[str, list[_Office]] = {}
        self._exact: dict[str, dict[str, set[tuple[str | None, str | None]]]] = {}
        self._answers: dict[tuple[str, str, str | None], list[tuple[Person, Role]]] = {}
        self.attested = AttestedOffices()
        """Offices the stored documents attest (:mod:`memcon.authority.attested`): asked where
        no person of the authority held the office on the day."""
        for person in persons:
            self._add(person)

    @classmethod
    def from_store(cls, store: Store) -> Authority:
        """The authority stored in ``store`` (empty when none was ingested), with the offices
        its documents attest."""
        authority = cls(store.iter_persons())
        authority.attested = AttestedOffices(store.attestations())
        return authority

    def _add(self, person: Person) -> None:
        self._persons[person.id] = person
        for key in person.keys:
            self._keys.setdefault(key, person)
        seen: set[str] = set()
        for variant in person.names:
            for key in surname_keys(name_forms(variant.name)[0]):
                if key and key not in seen:
                    seen.add(key)
                    self._surnames.setdefault(key, []).append(person)
        for role in person.roles:
            for (office, place, side), whole in _offices(role).items():
                rank = precision(role) if whole else max(precision(role), 2)
                term = role.source.startswith(TERM_SOURCES)
                entry = _Office(person, role, place, role.side or side, rank, term, whole)
                self._offices.setdefault(office, []).append(entry)

    def __len__(self) -> int:
        return len(self._persons)

    def person(self, person_id: str) -> Person:
        """The person with that memcon id; raises :class:`NotFound`."""
        try:
            return self._persons[person_id]
        except KeyError:
            raise NotFound(
                f"no person {person_id!r} in the authority", hint="find one with `memcon person NAME`"
            ) from None

    def persons_with_key(self, key: str) -> Person | None:
        """The person holding a source key (``pocom:rusk-david-dean``), or ``None``."""
        return self._keys.get(key)

    def volume_person(self, volume_id: str, xml_id: str) -> Person | None:
        """The person a volume's persons-list entry is (``"frus1961-63v05", "p_KNS1"``), or ``None``."""
        return self._keys.get(entry_key(volume_id, xml_id.lstrip("#")))

    def surname_index(self) -> Mapping[str, list[Person]]:
        """Folded surname (``"khrushchev"``, ``"de gaulle"`` and ``"gaulle"``) → the persons who
        bear it under some name variant.  Do not modify."""
        return self._surnames

    def holders(self, title_pattern: str, *, on: str, side: str | None = None) -> list[tuple[Person, Role]]:
        """Who held an office matching ``title_pattern`` on the day ``on`` (ISO), for the
        government ``side`` when given (``"United States"``, ``"US"``, ``"Soviet"`` …): one
        ``(person, role)`` per person, best first (see the module docstring)."""
        day = on.strip()
        if not _ISO_DAY.match(day):
            raise InvalidValue(f"not an ISO date: {on!r}", hint="write dates as 1961-06-04")
        day = _low(day)
        asked = (title_pattern, day, side)
        if asked in self._answers:
            return list(self._answers[asked])
        office, place, title_side = office_key(title_pattern)
        wanted = (country(side) or side) if side else title_side
        exact_offices = self._exact_offices(office)
        candidates: dict[str, list[_Office]] = {}
        for entry in self._offices.get(office, ()):
            if place is not None and entry.place != place:
                continue
            if wanted is not None and entry.side != wanted:
                continue
            candidates.setdefault(entry.person.id, []).append(entry)
        found = [e for entries in candidates.values() for e in entries if _holds(e, entries, day)]
        best: dict[str, _Office] = {}
        support: dict[str, int] = {}
        for entry in found:
            if entry.precision > 0 and (entry.place, entry.side) in exact_offices.get(entry.person.id, set()):
                continue  # an exact source says when this person held this office
            if entry.precision > 0 and place is None and exact_offices.get(entry.person.id):
                if any(s == entry.side for _, s in exact_offices[entry.person.id]):
                    continue
            support[entry.person.id] = support.get(entry.person.id, 0) + entry.whole
            current = best.get(entry.person.id)
            if current is None or _order(entry, 0) < _order(current, 0):
                best[entry.person.id] = entry
        ranked = sorted(_same_man_dropped(list(best.values())), key=lambda e: _order(e, support[e.person.id]))
        answer = [(e.person, e.role) for e in ranked]
        if len(self._answers) < 50_000:
            self._answers[asked] = answer
        return list(answer)

    def _exact_offices(self, office: str) -> dict[str, set[tuple[str | None, str | None]]]:
        """Person id → the (place, side) of each term an exact source (POCOM, presidents) gives
        them in ``office``; computed once per office."""
        if office not in self._exact:
            exact: dict[str, set[tuple[str | None, str | None]]] = {}
            for entry in self._offices.get(office, ()):
                if entry.term:
                    exact.setdefault(entry.person.id, set()).add((entry.place, entry.side))
            self._exact[office] = exact
        return self._exact[office]


def _given(person: Person) -> tuple[str, str]:
    surname, natural = name_forms(person.name)
    words = natural.split()
    return surname, words[0] if len(words) > 1 else ""


def _same_man_dropped(entries: list[_Office]) -> list[_Office]:
    """Drop a persons-list holder who is an exact source's holder under a second record: same
    surname and first forename ("Hay, John" of a 1945 persons list beside POCOM's "Hay, John
    Milton", Secretary of State 1898–1905, whom ``people/`` keeps as two records)."""
    exact = {_given(e.person) for e in entries if e.precision == 0}
    if not exact:
        return entries
    return [e for e in entries if e.precision == 0 or _given(e.person) not in exact]


_BOUNDS = re.compile(r"\[bounded by the volume: (\d{4})(?:–(\d{4}))?\]")


def _printed(date: str | None, role: Role, *, end: bool) -> bool:
    """Whether ``date`` was printed, not the volume's year standing in for it."""
    if not date:
        return False
    m = _BOUNDS.search(role.note or "")
    if m is None:
        return True
    bound = (m.group(2) or m.group(1)) if end else m.group(1)
    return date != bound


def _holds(entry: _Office, same_office: list[_Office], day: str) -> bool:
    """Whether ``entry`` covers ``day``, giving way to finer dates of the same office of the same
    person: a year- or month-only bound in the day's year, or a bound the volume's years stand
    for, yields to a printed date — "1962–1986" (a later volume) or "1961–1963" (the volume's
    years) do not make Dobrynin ambassador in January 1962: d88 says from March 1962."""
    if not covers(entry.role, day):
        return False
    role = entry.role
    start, end = role.start or "", role.end or ""
    start_printed, end_printed = _printed(role.start, role, end=False), _printed(role.end, role, end=True)
    for other in same_office:
        if other is entry or other.role.source.startswith("visits:"):  # a visit dates the visit, not the term
            continue
        finer_start = other.role.start or ""
        if _printed(other.role.start, other.role, end=False) and day < _low(finer_start):
            if len(start) < len(finer_start) and start == finer_start[: len(start)]:
                return False
            if not start_printed and (not end or finer_start <= _high(end)) and finer_start >= start:
                return False
        finer_end = other.role.end or ""
        if _printed(other.role.end, other.role, end=True) and day > _high(finer_end):
            if len(end) < len(finer_end) and end == finer_end[: len(end)]:
                return False
            if not end_printed and (not start or finer_end >= start) and finer_end <= (end or "9999"):
                return False
    return True


def _order(entry: _Office, support: int) -> tuple[int, int, str, str]:
    """Best first: exact sources, then more roles saying so (volumes), then the narrower term."""
    start = _low(entry.role.start) if entry.role.start else "0000-00-00"
    end = _high(entry.role.end) if entry.role.end else "9999-12-31"
    span = f"{int(end[:4]) - int(start[:4]):05d}"
    return entry.precision, -support, span, entry.person.id
