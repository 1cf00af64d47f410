"""Titles resolved to persons by date and side: "the Secretary" on 1961-06-04 in a US record is
Dean Rusk; "Mr. President" in Gromyko's cable is Kennedy; "the Head of the Soviet government"
is Khrushchev.

A title mention (:func:`find_titles`) names an office, not a person.  To resolve it
(:func:`resolve_title`):

1. the **date** is the document's (a memorandum is dated by its conversation);
2. the **side** is whose record it is — a FRUS document is a US record, a Wilson Center record
   translated from Russian a Soviet one (:func:`document_side`); "our Ambassador" is of the
   record's side, "the Soviet Ambassador" names its side; a bare office that the record's side
   does not have at that date (a Soviet record's "Mr. President") is the counterpart's;
3. the office's **holders on that date** come from the authority (POCOM principal officers
   and chiefs of mission, the presidents' terms, roles parsed from persons lists and remarks:
   :class:`memcon.authority.lookup.Authority`);
4. one holder: resolved, with a one-line reason naming the role, its dates and its source;
   several or none: **unresolved**, with the reason — never a guess dressed as a fact.
   A holder who is also a participant of the document breaks a tie.

The office table (:data:`OFFICES`) is declarative: a pattern for the words, the office's
title as the authority knows it, and whose side it is.

DOCS: docs/architecture.md#people
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from memcon.model.people import Person, Role
from memcon.model.records import Document

if TYPE_CHECKING:
    from memcon.authority.lookup import Authority

RESOLVER = "memcon.titles.v1"

US = "United States"

_COUNTRY_ADJECTIVES: dict[str, str] = {
    "American": US, "United States": US, "U.S.": US, "US": US,
    "Soviet": "Soviet Union", "Russian": "Russia", "British": "United Kingdom", "French": "France",
    "German": "Germany", "Japanese": "Japan", "Chinese": "China", "Italian": "Italy",
    "Spanish": "Spain", "Mexican": "Mexico", "Cuban": "Cuba", "Polish": "Poland",
    "Austrian": "Austria", "Belgian": "Belgium", "Dutch": "Netherlands", "Netherland": "Netherlands",
    "Swedish": "Sweden", "Norwegian": "Norway", "Danish": "Denmark", "Turkish": "Turkey",
    "Brazilian": "Brazil", "Argentine": "Argentina", "Chilean": "Chile", "Peruvian": "Peru",
    "Canadian": "Canada", "Indian": "India", "Israeli": "Israel", "Egyptian": "Egypt",
}
_ADJECTIVE = "|".join(re.escape(a) for a in sorted(_COUNTRY_ADJECTIVES, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Office:
    """A kind of title: the words that name it and the office they stand for."""

    key: str
    pattern: str
    title: str
    """The office's title as the authority's roles word it (matched by the authority's
    normalised title comparison)."""
    own_side: bool = True
    """Whether a bare mention ("the Ambassador") is first of the record's own side."""


OFFICES: tuple[Office, ...] = (
    Office("president", r"(?:[Tt]he|Mr\.|Mr|Madam) President(?! of [Tt]he (?:Council|Conference|Republic))", "President"),
    Office("president-of-council", r"[Tt]he President of the Council(?: of Ministers)?",
           "President of the Council of Ministers", own_side=False),
    Office("secretary-of-state", r"[Tt]he Secretary(?: of State)?(?! (?:of|General)\b)", "Secretary of State"),
    Office("acting-secretary", r"[Tt]he Acting Secretary(?: of State)?", "Acting Secretary of State"),
    Office("under-secretary", r"[Tt]he Under ?Secretary(?: of State)?(?! (?:of|for)\b)", "Under Secretary of State"),
    Office("attorney-general", r"[Tt]he Attorney General", "Attorney General"),
    Office("chairman", r"[Tt]he Chairman(?! of [Tt]he (?:Joint|Committee|Board|Commission)\b)",
           "Chairman of [Tt]he Council of Ministers"),
    Office("head-of-government", r"[Tt]he Head of [Tt]he (?:(?P<adj>" + _ADJECTIVE + r") )?[Gg]overnment",
           "Chairman of [Tt]he Council of Ministers"),
    Office("prime-minister", r"[Tt]he (?:(?P<adj>" + _ADJECTIVE + r") )?Prime Minister", "Prime Minister"),
    Office("premier", r"[Tt]he (?:(?P<adj>" + _ADJECTIVE + r") )?Premier", "Chairman of [Tt]he Council of Ministers"),
    Office("foreign-minister", r"[Tt]he (?:(?P<adj>" + _ADJECTIVE + r") )?(?:Foreign Minister|Minister (?:of|for) "
           r"Foreign Affairs)", "Minister of Foreign Affairs"),
    Office("ambassador", r"(?:[Tt]he|[Oo]ur|Mr\.|Mr) (?:(?P<adj>" + _ADJECTIVE + r") )?Ambassador", "Ambassador"),
    Office("minister", r"(?:[Oo]ur|[Tt]he (?P<adj>" + _ADJECTIVE + r")) Minister(?! (?:of|for)\b)", "Minister"),
)
"""The titles memcon resolves, most specific first."""

def _pattern(i: int, office: Office) -> str:
    return f"(?P<o{i}>\\b{office.pattern.replace('(?P<adj>', f'(?P<a{i}>')})"


_FIND = re.compile("|".join(_pattern(i, o) for i, o in enumerate(OFFICES)))


@dataclass(frozen=True, slots=True)
class TitleMention:
    """A title found in a text: where, the words, the office, and the side its words name."""

    start: int
    end: int
    text: str
    office: Office
    side: str | None
    """The side the words name ("the Soviet Ambassador"), ``own`` for "our …", else ``None``."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a title stands for, how sure memcon is, and why (one line); ``person_id`` is
    ``None`` when it stays unresolved."""

    person_id: str | None
    name: str | None
    confidence: float
    reason: str
    method: str = RESOLVER


def find_titles(text: str) -> Iterator[TitleMention]:
    """Every title mention of :data:`OFFICES` in ``text``, in order."""
    for m in _FIND.finditer(text):
        index = int(next(k for k, v in m.groupdict().items() if v is not None and k.startswith("o"))[1:])
        office = OFFICES[index]
        adjective = m.group(f"a{index}") if f"a{index}" in m.re.groupindex else None
        side = _COUNTRY_ADJECTIVES.get(adjective) if adjective else None
        if side is None and m.group(0).lower().startswith("our "):
            side = "own"
        yield TitleMention(m.start(), m.end(), m.group(0), office, side)


_SOVIET_ARCHIVES = re.compile(r"\b(?:AVP RF|RGANI|APRF|RGASPI|Russian Federation)\b")
_CHINESE_ARCHIVES = re.compile(r"\bChin(?:a|ese)\b")
_LANGUAGE_SIDES = {"ru": "Soviet Union", "zh": "China", "de": "Germany", "pl": "Poland", "cs": "Czechoslovakia",
                   "hu": "Hungary", "ro": "Romania", "bg": "Bulgaria", "fr": "France", "ja": "Japan"}


def document_side(document: Document) -> str | None:
    """Whose record ``document`` is: a FRUS document (TEI or a web copy) is a US record; a
    Wilson Center record is its archive's or its original language's country."""
    formats = {p.format for p in document.provenance}
    if formats & {"frus-tei", "hsg-page"} or document.volume_id.startswith("frus"):
        return US
    if document.archive and _SOVIET_ARCHIVES.search(document.archive):
        return "Soviet Union"
    if document.archive and _CHINESE_ARCHIVES.search(document.archive):
        return "China"
    if document.original_language:
        return _LANGUAGE_SIDES.get(document.original_language)
    return None


def _date(document: Document) -> str | None:
    key = document.date.sort_key if document.date else None
    return key[:10] if key else None


def _describe(person: Person, role: Role) -> str:
    span = f"{role.start or '?'} – {role.end or 'open'}"
    where = f", {role.organisation}" if role.organisation else ""
    return f"{person.name}: {role.title}{where} {span} ({role.source})"


def resolve_title(
    authority: Authority,
    document: Document,
    mention: TitleMention,
    *,
    participants: Sequence[str] = (),
) -> Resolution:
    """Resolve ``mention`` of ``document`` to a person (see the module docstring).

    ``participants`` are memcon person ids of the document's participants, when known: a
    holder among them breaks a tie.
    """
    on = _date(document)
    if on is None:
        return Resolution(None, None, 0.0, "the document has no date: the office's holder cannot be told")
    own = document_side(document)
    side = own if mention.side == "own" else mention.side
    sides: list[str | None]
    if side is not None:
        sides = [side]
    elif own is None:
        sides = [None]
    else:
        sides = [own, None] if mention.office.own_side else [None]
    for candidate_side in sides:
        holders = authority.holders(mention.office.title, on=on, side=candidate_side)
        if candidate_side is None and own is not None and side is None:
            holders = [(p, r) for p, r in holders if r.side != own]  # the counterpart's office
        if not holders:
            continue
        people = {p.id: (p, r) for p, r in holders}
        if len(people) > 1 and participants:
            present = {pid: pr for pid, pr in people.items() if pid in participants}
            if len(present) == 1:
                people = present
        if len(people) == 1:
            person, role = next(iter(people.values()))
            confidence = 0.95 if candidate_side == own or mention.side else 0.85
            return Resolution(person.id, person.name, confidence, f"{_describe(person, role)}; on {on}")
        names = "; ".join(sorted(p.name for p, _ in people.values()))
        return Resolution(None, None, 0.0, f"{len(people)} holders of {mention.office.title!r} on {on}: {names}")
    where = f" ({side or own})" if (side or own) else ""
    return Resolution(None, None, 0.0, f"no holder of {mention.office.title!r}{where} on {on} in the authority")


__all__ = ["OFFICES", "RESOLVER", "Office", "Resolution", "TitleMention", "document_side", "find_titles",
           "resolve_title"]
