"""Names next to a title, found in the authority: "Mr. Wood, our minister at Copenhagen" is the
Wood who was the US minister in Denmark; "the Minister in Denmark (Egan)" the Egan who held it.

A name alone is rarely one person ("Wood", "Davis", "Kennedy"); the title it stands with narrows
it: the persons bearing the name are ranked by (1) holding the office on the date, (2) holding it
at another time, (3) — for a name given with forenames or initials only — being the one person of
that name alive at the date.  The first rank with exactly one person decides; a rank with several
leaves it undecided.

DOCS: docs/benchmarks.md#title-labels
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from memcon.authority._names import HONORIFICS, fold, name_forms, split_name
from memcon.authority.lookup import covers
from memcon.authority.titles import office_key, precision
from memcon.model.people import Person, Role

if TYPE_CHECKING:
    from memcon.authority.lookup import Authority


@dataclass(frozen=True, slots=True)
class Named:
    """A person a name stands for, the role that ties him to the title (if any) and how (``on
    the date``, ``at another time``, ``by name``)."""

    person: Person
    role: Role | None
    how: str


def _keys(name: str) -> tuple[str, str]:
    words = [w for w in name.replace("’", "'").split() if fold(w) not in HONORIFICS and fold(w) not in {"esq", "hon"}]
    surname, forenames = split_name(" ".join(words) or name)
    return fold(surname), fold(forenames)


def _variants(surname: str) -> list[str]:
    """Spellings of a transliterated surname: "Soheily" / "Soheili", "Bakhmeteff" / "Bakhmetev"."""
    out = [surname]
    if surname.endswith("y"):
        out.append(surname[:-1] + "i")
    if surname.endswith("i"):
        out.append(surname[:-1] + "y")
    return out


def _forenames_agree(person: Person, forenames: str) -> bool:
    if not forenames:
        return True
    given = [w for w in forenames.split() if w]
    for variant in (person.name, *(v.name for v in person.names)):
        _, theirs = split_name(variant)
        words = fold(theirs).split()
        if not words:
            continue
        if all(any(t == g or (len(g) == 1 and t.startswith(g)) or (len(t) == 1 and g.startswith(t))
                   or (len(g) > 2 and t.startswith(g)) for t in words) for g in given):
            return True
    return False


def persons_named(authority: Authority, name: str) -> list[Person]:
    """The persons of the authority whose name agrees with ``name`` (surname, and forenames or
    initials when given)."""
    surname, forenames = _keys(name)
    index = authority.surname_index()
    found: dict[str, Person] = {}
    words = fold(name).split()
    if len(words) == 2 and not any(len(w) == 1 for w in words) and fold(words[0]) not in HONORIFICS:
        for person in index.get(" ".join(words), ()):  # "Lloyd George", "Spring Rice": one surname
            if name_forms(person.name)[0] == " ".join(words):
                found.setdefault(person.id, person)
        if found:
            return list(found.values())
    for key in _variants(surname):
        for person in index.get(key, ()):
            found.setdefault(person.id, person)
        if found:
            break
    if not found and " " in surname:  # "Spring Rice" printed, "Rice" indexed
        for person in index.get(surname.split()[-1], ()):
            if name_forms(person.name)[0] == surname:
                found.setdefault(person.id, person)
    return [p for p in found.values() if _forenames_agree(p, forenames)]


ACTING = {"acting secretary of state": ("under secretary of state", "counselor", "assistant secretary of state")}
"""Offices that stand in for another: the Acting Secretary of State is the ranking officer
after the Secretary — the Under Secretary, before 1919 the Counselor, before 1909 the (one)
Assistant Secretary."""


def _roles_of(person: Person, office: tuple[str, str | None, str | None]) -> list[Role]:
    wanted, place, side = office
    allowed = {wanted, *ACTING.get(wanted, ())}
    out: list[Role] = []
    for role in person.roles:
        post = role.organisation if role.source.startswith("pocom:missions-countries") else None
        keys = [office_key(role.title, organisation=post)]
        keys.extend(office_key(part) for part in re.split(r",?\s+and\s+|;\s*", role.title) if len(part.split()) >= 3)
        for key, rplace, rside in keys:
            if key not in allowed:
                continue
            if place is not None and rplace not in (None, place):
                continue
            if side is not None and (role.side or rside) not in (None, side):
                continue
            out.append(role)
            break
    return out


def _alive(person: Person, on: str | None) -> bool:
    if on is None:
        return True
    year = int(on[:4])
    birth = int(person.birth[:4]) if person.birth and person.birth[:4].isdigit() else None
    death = int(person.death[:4]) if person.death and person.death[:4].isdigit() else None
    if birth is not None and birth > year - 18:
        return False
    if death is not None and death < year:
        return False
    years = [int(r.start[:4]) for r in person.roles if r.start and r.start[:4].isdigit()]
    years += [int(r.end[:4]) for r in person.roles if r.end and r.end[:4].isdigit()]
    return not years or min(years) - 40 <= year <= max(years) + 40


def _given(person: Person) -> tuple[str, str]:
    surname, natural = name_forms(person.name)
    words = natural.split()
    return surname, words[0] if len(words) > 1 else ""


def named_holder(
    authority: Authority, name: str, title: str, *, on: str | None, side: str | None, strong: bool
) -> tuple[list[Named], str]:
    """Who ``name`` is when it stands with ``title`` (see the module docstring): the deciding
    rank's persons (one: decided; several: undecided; none: the name is not in the authority),
    and why in a few words."""
    persons = persons_named(authority, name)
    if not persons:
        return [], f"{name!r} is not a person of the authority"
    office = office_key(title)
    if side is not None:
        office = (office[0], office[1], side)
    ranks: list[list[Named]] = [[], [], [], []]
    for person in persons:
        roles = _roles_of(person, office)
        dated = [r for r in roles if on is not None and covers(r, on)]
        earlier = [r for r in roles if on is None or not r.start or r.start[:10] <= on]
        if dated:
            ranks[0].append(Named(person, dated[0], "on the date"))
        elif earlier:  # "Mr. Marcy, then the Secretary of State": he may have died since
            ranks[1].append(Named(person, earlier[0], "at another time"))
        elif on is not None and _alive(person, on) and any(covers(r, on) and precision(r) < 2 for r in person.roles):
            ranks[2].append(Named(person, None, "holding another office then"))
        elif strong and _alive(person, on):
            ranks[3].append(Named(person, None, "by name"))
    for rank in ranks:
        exact = [n for n in rank if n.role is not None and precision(n.role) == 0]
        if len(exact) == 1 and len(rank) > 1 and all(_given(n.person) == _given(exact[0].person) for n in rank):
            return exact, ""  # one man under two records ("Hay, John" and POCOM's "Hay, John Milton")
        if rank:
            return rank, ""
    return [], f"no {name!r} of the authority held {title!r} or lived then"


__all__ = ["Named", "named_holder", "persons_named"]
