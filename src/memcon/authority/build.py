"""Identity merging: the records of every source → one :class:`Person` per human being, with a
stable memcon id.  Algorithm ``memcon.authority.v1`` (:data:`AUTHORITY`), stored with the data.

1. **By shared keys.**  Each loader's record carries the identifiers it knows
   (``hsg:107127``, ``pocom:rusk-david-dean``, ``president:kennedy-john-f``,
   ``visit:russia/premier-khrushchev``, ``frus1961-63v05#p_KNS1``); HistoryAtState ``people/``
   records carry the keys of POCOM, the presidents list, the visits list and every persons-list
   entry they were built from.  Records sharing a key are one person — except that a person
   never holds two different ``hsg:``, ``pocom:`` or ``president:`` ids: two different people
   of the same name stay apart even when a stray key links them (the key stays with the
   first).
2. **Presidents and POCOM** with the same HistoryAtState slug (``jefferson-thomas``) and the
   same birth year are one person.
3. **Volume persons lists by name and dates.**  An entry of an ingested volume that no
   ``people/`` record claims is matched on its name: the same surname (or, for surnames of six
   letters or more, a spelling within rapidfuzz ratio 90: "Hillenbrandt"/"Hillenbrand"),
   compatible forenames (the first forename spelled out the same, or all initials agreeing),
   alive in the volume's years when birth and death are known — and only when exactly one
   person fits.  Otherwise the entry stays a person of its own.

**Ids.**  ``memcon:`` + the person's strongest key, by rank ``hsg`` > ``pocom`` >
``president`` > ``visit`` > a volume entry, made id-safe: ``memcon:hsg-107127``,
``memcon:pocom-rusk-david-dean``, ``memcon:frus1961-63v05-p_KNS1``.  Source ids do not change
between rebuilds, so memcon ids do not either (a volume-only person who later turns up in
``people/`` takes that record's id).

DOCS: docs/authority.md#merging
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from memcon.authority._names import fold, name_forms, split_name, surname_keys
from memcon.authority.titles import precision, volume_years
from memcon.model.people import NameVariant, Person, Role

AUTHORITY = "memcon.authority"
VERSION = "1"
ALGORITHM = f"{AUTHORITY}.v{VERSION}"
"""Name and version of the merging algorithm, stored with the authority it built."""

_RANK = ("hsg:", "pocom:", "president:", "visit:")
_EXCLUSIVE = ("hsg:", "pocom:", "president:")
VOLUME_RANK = len(_RANK)
"""The rank of a volume's persons-list key (the weakest anchor)."""
_PARENS = re.compile(r"\([^)]*\)")
_VOLUME_KEY = re.compile(r"^(?P<vol>[^#:]+)#(?P<id>.+)$")


def rank(key: str) -> int:
    """How strong a key is as a person's anchor (lower is stronger)."""
    for i, prefix in enumerate(_RANK):
        if key.startswith(prefix):
            return i
    return len(_RANK)


def memcon_id(key: str) -> str:
    """The memcon id a person anchored by ``key`` gets: ``hsg:107127`` → ``memcon:hsg-107127``."""
    safe = re.sub(r"[^\w.-]+", "-", key.replace(":", "-", 1)).strip("-")
    return f"memcon:{safe}"


@dataclass
class _Group:
    fragments: list[Person] = field(default_factory=list)
    exclusive: dict[str, str] = field(default_factory=dict)  # prefix → the one id of that kind

    def accepts(self, fragment_exclusive: dict[str, str]) -> bool:
        return all(self.exclusive.get(p, k) == k for p, k in fragment_exclusive.items())


def _exclusive(person: Person) -> dict[str, str]:
    found: dict[str, str] = {}
    for key in person.keys:
        for prefix in _EXCLUSIVE:
            if key.startswith(prefix):
                found.setdefault(prefix, key)
    return found


class Merger:
    """Collects records, merges them by keys, then by name for volume entries (see the module)."""

    def __init__(self) -> None:
        self._groups: list[_Group] = []
        self._owner: dict[str, int] = {}
        self._surnames: dict[str, set[int]] = {}

    def add(self, person: Person) -> None:
        """Merge ``person`` with the group owning one of its keys (the first that accepts it)."""
        excl = _exclusive(person)
        target: int | None = None
        for key in person.keys:
            owner = self._owner.get(key)
            if owner is not None and self._groups[owner].accepts(excl):
                target = owner
                break
        if target is None:
            self._groups.append(_Group())
            target = len(self._groups) - 1
        group = self._groups[target]
        group.fragments.append(person)
        for prefix, key in excl.items():
            group.exclusive.setdefault(prefix, key)
        for key in person.keys:
            self._owner.setdefault(key, target)
        self._index(person, target)

    def _index(self, person: Person, group: int) -> None:
        for variant in person.names:
            for key in surname_keys(name_forms(variant.name)[0]):
                self._surnames.setdefault(key, set()).add(group)

    def knows(self, key: str) -> bool:
        """Whether some record already carries ``key``."""
        return key in self._owner

    def persons(self) -> list[Person]:
        """The merged persons, by id."""
        merged = [_assemble(g.fragments) for g in self._groups if g.fragments]
        merged.sort(key=lambda p: p.id)
        return merged

    def match_by_name(self, entry: Person, *, bounds: tuple[str, str] | None) -> bool:
        """Merge a volume entry nobody claims into the one person its name and dates fit;
        ``False`` (and nothing merged) when none or several fit."""
        surname, forenames = split_name(entry.name)
        sur = fold(surname)
        if not sur:
            return False
        candidates: set[int] = set()
        for key in surname_keys(sur):
            candidates |= self._surnames.get(key, set())
        if not candidates and len(sur) >= 6:
            for known, _score, _ in process.extract(
                sur, list(self._surnames), scorer=fuzz.ratio, score_cutoff=90, limit=None
            ):
                candidates |= self._surnames[known]
        fits = [i for i in sorted(candidates) if self._fits(self._groups[i], forenames, bounds)]
        if len(fits) != 1:
            return False
        group = self._groups[fits[0]]
        group.fragments.append(entry)
        for key in entry.keys:
            self._owner.setdefault(key, fits[0])
        self._index(entry, fits[0])
        return True

    @staticmethod
    def _fits(group: _Group, forenames: str, bounds: tuple[str, str] | None) -> bool:
        births = [p.birth for p in group.fragments if p.birth and p.birth[:4].isdigit()]
        deaths = [p.death for p in group.fragments if p.death and p.death[:4].isdigit()]
        if bounds is not None:
            if births and int(births[0][:4]) > int(bounds[1]) - 15:
                return False
            if deaths and int(deaths[0][:4]) < int(bounds[0]):
                return False
        return any(
            forenames_agree(forenames, split_name(v.name)[1]) for p in group.fragments for v in p.names
        )


def forenames_agree(a: str, b: str) -> bool:
    """Whether two forename strings can name the same person: the first forename spelled out
    alike ("Nikita S." / "Nikita Sergeyevich"), or, when either first forename is an initial,
    as many forenames on both sides with every initial agreeing ("N. S." / "Nikita
    Sergeyevich", but not "Willing" / "W. Baldwin").  An empty side agrees with nothing."""
    ta = [t for t in fold(_PARENS.sub(" ", a)).split() if t not in _NOT_FORENAMES]
    tb = [t for t in fold(_PARENS.sub(" ", b)).split() if t not in _NOT_FORENAMES]
    if not ta or not tb:
        return False
    if len(ta[0]) > 1 and len(tb[0]) > 1:
        if ta[0] != tb[0]:
            return False
        return all(x[0] == y[0] for x, y in zip(ta[1:], tb[1:], strict=False))
    return len(ta) == len(tb) and all(x[0] == y[0] for x, y in zip(ta, tb, strict=True))


_NOT_FORENAMES = frozenset(
    {
        "jr",
        "sr",
        "ii",
        "iii",
        "sir",
        "dr",
        "mr",
        "mrs",
        "gen",
        "maj",
        "col",
        "lieut",
        "lt",
        "capt",
        "adm",
        "admiral",
        "general",
        "count",
        "baron",
        "prince",
        "von",
        "de",
    }
)


def _priority(person: Person) -> int:
    return rank(person.id)


def _assemble(fragments: list[Person]) -> Person:
    ordered = sorted(fragments, key=_priority)
    keys = list(dict.fromkeys(k for p in ordered for k in p.keys))
    anchor = min(keys, key=lambda k: (rank(k), k))
    names: dict[tuple[str, str, str | None], NameVariant] = {}
    for p in ordered:
        for v in p.names:
            names.setdefault((v.name, v.kind, v.source), v)
    roles: dict[tuple[str, str | None, str | None, str | None], Role] = {}
    every = sorted((r for p in ordered for r in p.roles), key=precision)  # stable: exact sources win
    for r in every:
        roles.setdefault((r.title, r.start, r.end, r.side), r)
    return Person(
        id=memcon_id(anchor),
        name=ordered[0].name,
        names=tuple(names.values()),
        roles=tuple(sorted(roles.values(), key=lambda r: (r.start or "", r.end or "", r.title))),
        birth=next((p.birth for p in ordered if p.birth), None),
        death=next((p.death for p in ordered if p.death), None),
        remarks=tuple(dict.fromkeys(r for p in ordered for r in p.remarks)),
        keys=(anchor, *sorted(k for k in keys if k != anchor)),
    )


def build_authority(sources: Iterable[Person], volumes: Iterable[Person] = ()) -> list[Person]:
    """Merge the records of the authority sources (``people/``, POCOM, presidents, visits, in
    any order) and then the persons-list entries of ingested volumes; return the persons by id.
    See the module docstring for the rules."""
    records = sorted(sources, key=_priority)  # people/ first: its links decide
    merger = Merger()
    pocom_births = {p.keys[0]: p.birth for p in records if p.id.startswith("pocom:")}
    for person in records:
        if person.id.startswith("president:"):
            twin = "pocom:" + person.id.split(":", 1)[1]
            if twin in pocom_births and pocom_births[twin] == person.birth:
                person = Person(
                    id=person.id,
                    name=person.name,
                    names=person.names,
                    roles=person.roles,
                    birth=person.birth,
                    death=person.death,
                    remarks=person.remarks,
                    keys=(*person.keys, twin),
                )
        merger.add(person)
    for entry in volumes:
        if any(merger.knows(k) for k in entry.keys):
            merger.add(entry)
            continue
        m = _VOLUME_KEY.match(entry.keys[0]) if entry.keys else None
        bounds = volume_years(m.group("vol")) if m else None
        if not merger.match_by_name(entry, bounds=bounds):
            merger.add(entry)
    return merger.persons()
