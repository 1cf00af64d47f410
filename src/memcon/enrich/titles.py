"""Titles resolved to persons by date, side and place: "the Secretary" on 1961-06-04 in a US
record is Dean Rusk; "Mr. President" in Gromyko's cable is Kennedy; "the Head of the Soviet
government" is Khrushchev; "our minister at Copenhagen" in 1864 is Bradford R. Wood.

:func:`find_titles` finds the title mentions (:class:`TitleMention`: the office, the side its
words name — "Soviet", "our", "of the United States" —, the place — "in Denmark", "at Rome" —,
and any other qualifier — "of War", "of the Treasury").  :func:`resolve_title` weighs, in order:

1. **a name in apposition** ("Mr. Wood, our minister", "the Minister in Denmark (Egan)",
   "By the President of the Republic: JULES GREVY"): the person of the authority bearing that
   name who holds the office (on the date, else at another time); a name the authority does not
   know leaves the title unresolved — the text says who it is, so no holder is put in his place;
2. **the date**: the document's, or one the sentence binds to the title ("in the year 1854",
   "the Secretary's note of February 21, 1921");
3. **the side**: the words' ("Soviet", "our", "of Nicaragua"); an agency phrase ("directed by
   the President") makes it the record's own; an office the record's side does not have (a
   Prime Minister in a US record, a President in a Soviet one) is the other country's — the
   country the record was written in, else the addressee's post;
4. **the document**: a person the document names with the same title ("President Zelaya",
   "Ambassador Bakhmeteff") that is not the addressee; the heading's sender holding it;
5. **the holders on that date** (:meth:`memcon.authority.lookup.Authority.holders`); a record
   written abroad also asks the host country's; a holder among the participants or named in the
   heading breaks a tie.

One person: resolved, with a confidence and a one-line reason naming the role, its dates and its
source.  Several or none: **unresolved** (``person_id=None``) with the reason — never a guess.

DOCS: docs/benchmarks.md#title-labels
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from memcon.model.people import Person, Role
from memcon.model.records import Document

if TYPE_CHECKING:
    from memcon.authority.lookup import Authority

RESOLVER = "memcon.titles"
VERSION = "2"
METHOD = f"{RESOLVER}.v{VERSION}"

US = "United States"


@dataclass(frozen=True, slots=True)
class Office:
    """A kind of title: the office the words stand for, as the authority words it."""

    key: str
    title: str
    us: bool = True
    """Whether the United States government has this office (a bare "Prime Minister" in a US
    record is another country's)."""
    word: str = ""
    """The word that names a holder in running text ("President Zelaya", "Ambassador Bakhmeteff")."""


OFFICES: dict[str, Office] = {o.key: o for o in (
    Office("president", "President", word="President"),
    Office("secretary-of-state", "Secretary of State", word="Secretary"),
    Office("secretary", "Secretary"),
    Office("acting-secretary", "Acting Secretary of State", word="Acting Secretary"),
    Office("under-secretary", "Under Secretary of State", word="Under Secretary"),
    Office("attorney-general", "Attorney General", word="Attorney General"),
    Office("chairman", "Chairman of the Council of Ministers", us=False, word="Chairman"),
    Office("head-of-government", "Chairman of the Council of Ministers", us=False, word="Premier"),
    Office("prime-minister", "Prime Minister", us=False, word="Prime Minister"),
    Office("foreign-minister", "Foreign Minister", us=False, word="Foreign Minister"),
    Office("ambassador", "Ambassador", word="Ambassador"),
    Office("minister", "Minister", word="Minister"),
)}
"""The offices memcon resolves."""

def _adjectives() -> str:
    from memcon.authority._names import _COUNTRY_WORDS

    words = {"U.S.", "U. S.", "US", "USSR", "UK"}
    for key in _COUNTRY_WORDS:
        if key.replace(" ", "").isalpha() and len(key) > 3:
            words.add(" ".join(w.capitalize() for w in key.split()))
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_ADJ = _adjectives()
_ART = r"(?:[Tt]he|[Oo]ur|Mr\.|Mr|Madam|[Hh]is\s+Excellency\s+the)"
_OF = (r"(?:the[ \t]+)?(?:U\.\s?S\.|[A-Z][\w’'-]*)"
       r"(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?|(?:de|da|do|del|la|los|las|di)[ \t]+)?[A-Z][\w’'-]*){0,5}")
_CORE = (
    r"(?P<core>President(?:\s+of\s+the\s+Council(?:\s+of\s+Ministers)?)?|Acting\s+Secretary|Under\s?[Ss]ecretary"
    r"|Secretary|Attorney\s+General|Chairman|[Hh]ead\s+of\s+the\s+(?:(?P<gadj>[A-Z][a-z]+)\s+)?[Gg]overnment"
    r"|Prime\s+Minister|Premier|Foreign\s+(?:Minister|Secretary)|Minister\s+(?:of|for)\s+Foreign\s+Affairs"
    r"|Ambassador|[Mm]inister)"
)
_FIND = re.compile(
    rf"(?:\b(?P<art>{_ART})\s+)?(?:(?P<adj>{_ADJ})\s+)?{_CORE}\b"
    r"(?P<qual>(?:\s+(?:[Pp]lenipotentiary|[Rr]esident|[Ee]xtraordinary|of\s+State))*)"
    rf"(?:\s+(?:\[Page\s+\w+\]\s+)?(?P<prep>of|for|in|at|to)\s+(?:\[Page\s+\w+\]\s+)?(?P<obj>{_OF}))?"
)
_FOLLOWED_BY_NAME = re.compile(r"^\s+(?:[A-Z][a-z]+|[A-Z]\.)")
_NOT_GOVERNMENT = re.compile(
    r"^(?:the\s+)?(?:Conference|Commission|Senate|Board|Assembly|Court|Tribunal|Congress|Committee|Society|Bank"
    r"|Company|Chamber|Association|University|League|Council\s+of\s+the\s+League|Legation|Embassy|Delegation"
    r"|American\s+Delegation|Exports|War\s+Trade|Mixed|Joint|Executive)"
)
_DEPARTMENTS = re.compile(r"^(?:the\s+)?(War|Treasury|Navy|Agriculture|Interior|Commerce|Labor|Defense|Justice|Air Force|Army)\b")


@dataclass(frozen=True, slots=True)
class TitleMention:
    """A title found in a text: where, the words, the office, and what its words say."""

    start: int
    end: int
    text: str
    office: Office
    side: str | None
    """The government the words name ("the Soviet Ambassador", "the President of Nicaragua"),
    ``own`` for "our …", else ``None``."""
    place: str | None = None
    """The country the office is in, at or to ("our minister at Copenhagen" → Denmark)."""
    query: str | None = None
    """The office as asked of the authority when the words narrow it ("Secretary of War",
    "Chairman of the War Trade Board"); else ``office.title``."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a title stands for, how sure memcon is, and why (one line); ``person_id`` is
    ``None`` when it stays unresolved."""

    person_id: str | None
    name: str | None
    confidence: float
    reason: str
    method: str = METHOD


def _country(words: str | None) -> str | None:
    from memcon.authority.titles import place_country

    return place_country(words) if words else None


def _office_of(core: str) -> Office:
    core = " ".join(core.split())
    low = core.lower()
    if low.startswith("president of the council"):
        return OFFICES["head-of-government"]
    if low.startswith("head of"):
        return OFFICES["head-of-government"]
    table = {"president": "president", "acting secretary": "acting-secretary", "under secretary": "under-secretary",
             "undersecretary": "under-secretary", "secretary": "secretary-of-state", "attorney general":
             "attorney-general", "chairman": "chairman", "prime minister": "prime-minister", "premier": "prime-minister",
             "foreign minister": "foreign-minister", "foreign secretary": "foreign-minister",
             "minister of foreign affairs": "foreign-minister", "minister for foreign affairs": "foreign-minister",
             "ambassador": "ambassador", "minister": "minister"}
    return OFFICES[table[low]]


def find_titles(text: str) -> Iterator[TitleMention]:
    """Every title mention in ``text``, in order: "the President", "Mr. President", "the US
    President", "President of the Republic of Cuba", "our minister at Copenhagen", "the Minister
    in Denmark", "the Secretary of War", "the head of the Soviet government", "US Ambassador in
    Moscow" …  A title followed by a name ("President Kennedy") is a name, not a title mention."""
    yield from _titles_of(text)


@lru_cache(maxsize=32)
def _titles_of(text: str) -> tuple[TitleMention, ...]:
    """:func:`find_titles`, kept for the last texts (the resolver reads a document's other
    mentions of the same office)."""
    return tuple(_scan(text))


_CORE_WORD = re.compile(r"\b(?:President|Secretary|Undersecretary|Chairman|[Hh]ead|Premier|Minister|minister|Ambassador"
                        r"|Attorney)\b")


def find_offices(text: str) -> Iterator[TitleMention]:
    """Every phrase naming an office, with or without an article, a name after it or not:
    besides :func:`find_titles`' mentions, "E. M. Stanton, Secretary of War", "Foreign Secretary
    Eden", "President of the French Republic" — for reading who held an office
    (:mod:`memcon.enrich.attestations`), never for resolving."""
    yield from _scan(text, bare=True)


def _scan(text: str, *, bare: bool = False) -> Iterator[TitleMention]:
    pos = 0
    while True:
        core = _CORE_WORD.search(text, pos)
        if core is None:
            return
        # the article and nationality stand at most a few words before the office's word
        m = _FIND.search(text, max(pos, core.start() - 48), core.end() + 60)
        if m is None or m.start("core") > core.start():
            pos = core.end()
            continue
        m = _FIND.search(text, m.start())
        if m is None:
            return
        pos = m.start("core") + 1
        found = _mention(text, m, bare=bare)
        if found is not None:
            pos = max(pos, found.end)
            yield found


def _mention(text: str, m: re.Match[str], *, bare: bool = False) -> TitleMention | None:
    """The title mention the match ``m`` of :data:`_FIND` stands for, or ``None``; ``bare``
    keeps office phrases without article and those before a name (:func:`find_offices`)."""
    if True:
        core = m.group("core")
        art, adj = m.group("art"), m.group("adj")
        side_adj = _country(adj) if adj else None
        if re.search(r"(?:Vice|Assistant|Deputy|Acting|Under|Executive|Private|First|Second|Third|Honorary)[ \t]*$",
                     text[max(0, m.start("core") - 12) : m.start("core")]) and not core.startswith(("Acting", "Under")):
            return None  # "Vice President", "Assistant Secretary", "First Secretary": other offices
        if art is None and adj is None and not bare and not _bare_ok(text, m, core):
            return None
        end = m.end()
        prep, obj = m.group("prep"), m.group("obj")
        if core.lower() == "minister" and art is None and adj is None and not (bare and core == "Minister"):
            return None
        if core == "minister" and not (art and art.lower() == "our"):
            return None
        if (not bare and _FOLLOWED_BY_NAME.match(text[m.end("core") : m.end("core") + 4]) and not m.group("qual")
                and not prep and (art is None or art.startswith(("M", "m"))) and adj is None):
            return None  # "President Kennedy", "Ambassador Thompson": the name linker's
        office = _office_of(core)
        side: str | None = side_adj or (_country(m.group("gadj")) if m.group("gadj") else None)
        if art and art.lower() == "our":
            side = side or "own"
        place: str | None = None
        query: str | None = None
        dept = _OFFICE_OF.search(text[max(0, m.start() - 90) : m.start()]) if core == "Secretary" else None
        if dept and not prep:  # "Treasury Department, Office of the Secretary"
            name = dept.group(1) or dept.group(2)
            query = f"Secretary of {'the ' if name in {'Treasury', 'Navy', 'Interior', 'Army'} else ''}{name}"
            office = OFFICES["secretary"]
        if prep and obj:
            whole = obj.strip()
            obj, target = _longest_country(whole)
            rest = whole[len(obj):].split()
            if rest and rest[0].rstrip(".") not in {"Mr", "Mrs", "Sir", "Lord", "His", "Dr", "Señor", "M"}:
                obj, target = whole, None  # "the Chairman of the American Delegation": not of a country
            mission = office.key in {"ambassador", "minister"}
            if target:
                end = m.start("obj") + len(obj)
            if prep in {"in", "at", "to"}:
                if target and mission:
                    place = target
                else:  # "the Secretary of State in Paris": where he is, not whose he is
                    end = m.start("prep") - 1
            elif obj.startswith("State"):
                rest = re.match(r"State(?:\s+of\s+the\s+United\s+States(?:\s+of\s+America)?)?", obj)
                end = m.start("obj") + (rest.end() if rest else 5)
                if rest and "United States" in rest.group(0):
                    side = US
            elif target and office.key != "minister":
                side = target
            elif re.match(r"(?:the\s+)?Republic\b", obj):
                rest = re.match(r"(?:the\s+)?Republic(?:\s+of\s+(?P<c>[A-Z][\w ]+?))?(?=$|\s+(?:[a-z]|$))", obj)
                country = _country(rest.group("c")) if rest and rest.group("c") else None
                side = country or "republic"
                end = m.start("obj") + (rest.end() if rest else len(obj))
            elif office.key in {"secretary-of-state", "acting-secretary", "under-secretary", "minister"} \
                    and _DEPARTMENTS.match(obj):
                dept = _DEPARTMENTS.match(obj)
                assert dept is not None
                query = f"{' '.join(core.split())} of {dept.group(1)}"  # "Acting Secretary of the Treasury"
                office = OFFICES["secretary"] if office.key != "minister" else office
                end = m.start("obj") + dept.end()
            elif prep == "for" and obj.startswith("Foreign Affairs"):
                end = m.start("obj") + len("Foreign Affairs")
                query = f"{office.title} for Foreign Affairs"
                if office.key == "secretary-of-state":  # the British Foreign Secretary
                    office, query = OFFICES["foreign-minister"], None
            else:  # an office of some body ("President of the Conference"): asked as worded
                query = f"{' '.join(core.split())} {prep} {obj}"
                if office.key in {"secretary-of-state", "acting-secretary"}:
                    office = OFFICES["secretary"]
        start = m.start()
        return TitleMention(start, end, text[start:end].rstrip(), office, side, place, query)
    return None


_OFFICE_OF = re.compile(r"(?:\b(Treasury|War|Navy|Interior|Agriculture|Commerce|Labor|Justice) Department"
                        r"|Department of (?:the )?(Treasury|War|Navy|Interior|Agriculture|Commerce|Labor|Justice))"
                        r"[^\[\]]{0,30}Office of\s*$")


def _longest_country(obj: str) -> tuple[str, str | None]:
    """``obj`` cut to its longest opening words that name a country ("Moscow Mr" → "Moscow"), with
    that country; else ``obj`` whole and ``None``."""
    words = obj.split()
    for n in range(len(words), 0, -1):
        found = _country(" ".join(words[:n]))
        if found:
            return " ".join(words[:n]), found
    return obj, None


def _bare_ok(text: str, m: re.Match[str], core: str) -> bool:
    """A title without article or adjective counts where it cannot be a name's first word:
    "President of the Council wishes", "DAVIS, Acting Secretary.", "I thanked President for"."""
    after = text[m.end("core") : m.end("core") + 3]
    before = text[max(0, m.start() - 12) : m.start()]
    if core.startswith("President of the Council") or (core == "President" and m.group("prep") == "of"):
        return True
    if re.search(r"[A-Za-z]\.?,\s*$", before) and " " in core.strip():
        return True  # "DAVIS, Acting Secretary", "A. Soheily, Under Secretary of State for Foreign Affairs"
    word = re.search(r"\b([a-z]+)\s+$", before)
    return (core == "President" and bool(re.match(r"^\s+[a-z]", after)) and word is not None
            and word.group(1) not in _NOT_BEFORE_BARE)


_NOT_BEFORE_BARE = frozenset("first new former late next future acting vice honorary temporary provisional a an "
                             "every any each no whose".split())
"""Words before a bare "President" that make it a description, not a title ("the first President")."""


# -- the record's side --------------------------------------------------------------------------

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


def describe_holder(person: Person, role: Role) -> str:
    """``Rusk, David Dean: Secretary of State 1961-01-21 – 1969-01-20 (POCOM)``."""
    from memcon.authority.lookup import describe

    return f"{person.name}: {describe(role)}"


def resolve_title(
    authority: Authority, document: Document, mention: TitleMention, *, participants: Sequence[str] = ()
) -> Resolution:
    """Resolve ``mention`` of ``document`` to a person (see the module docstring).

    ``participants`` are memcon person ids of the document's participants, when known: a holder
    among them breaks a tie."""
    from memcon.enrich import _titles_resolve

    return _titles_resolve.resolve_title(authority, document, mention, participants=participants)


def resolve_office(
    authority: Authority, title: str, *, on: str, side: str | None = None, place: str | None = None,
    prefer: Sequence[str] = (),
) -> tuple[Resolution, list[tuple[Person, Role]]]:
    """Who held ``title`` on the day ``on`` (ISO) for the government ``side`` (a country or
    nationality; ``None``: any), in or to the country ``place``; ``prefer`` (person ids) breaks a
    tie.  Returns the resolution and every holder found, best first (``memcon who``)."""
    from memcon.enrich import _titles_resolve

    return _titles_resolve.resolve_office(authority, title, on=on, side=side, place=place, prefer=prefer)

def who(
    authority: Authority, title: str, *, on: str, side: str | None = US, place: str | None = None
) -> tuple[Resolution, list[tuple[Person, Role]]]:
    """``memcon who``: resolve ``title`` as a record of ``side`` (a country or nationality;
    ``None``: any government) written at ``place`` (a city or country) would, on the day ``on``.
    The words' own side ("the Soviet Ambassador", "of Nicaragua") comes first; "our" is
    ``side``'s; an office ``side`` does not have is ``place``'s country's; written abroad, "the
    President" is the host's when the authority knows one.  Returns the resolution and the
    holders it weighed."""
    from memcon.enrich._titles_context import republic
    from memcon.enrich._titles_resolve import HOST_OFFICES

    own = _country(side) or side if side else None
    mention = next((m for m in find_titles(title) if m.start <= 4), None)
    host = _country(place) if place else None
    if mention is None:
        return resolve_office(authority, title, on=on, side=own)
    query = mention.query or mention.office.title
    words_side = own if mention.side == "own" else (host if mention.side == "republic" else mention.side)
    if words_side is not None or mention.place is not None:
        place_to = mention.place
        if place_to is None and mention.office.key in {"ambassador", "minister"} and mention.query is None:
            # a foreign envoy is accredited to the record's side; "our" envoy to the place's country
            place_to = own if words_side != own else (host if host != own else None)
        return resolve_office(authority, query, on=on, side=words_side or own, place=place_to)
    if not mention.office.us and own == US:
        if host is None or host == US:
            result, holders = resolve_office(authority, query, on=on)
            return result, holders
        return resolve_office(authority, query, on=on, side=host)
    if host is not None and host != own and mention.office.key in HOST_OFFICES:
        foreign, holders = resolve_office(authority, query, on=on, side=host)
        if foreign.person_id is not None:
            return Resolution(foreign.person_id, foreign.name, min(foreign.confidence, 0.8),
                              f"written in {host}: {foreign.reason}"), holders
        if mention.office.key != "president" or republic(host, on):
            return Resolution(None, None, 0.0, f"written in {host}: {title!r} may be {host}'s; "
                              f"{foreign.reason}"), holders
    result, holders = resolve_office(authority, query, on=on, side=own)
    if result.person_id is None and not holders and own not in (None, US) and mention.office.key == "president":
        counterpart, found = resolve_office(authority, query, on=on, side=US)  # a Soviet record's "Mr. President"
        if counterpart.person_id is not None:
            return Resolution(counterpart.person_id, counterpart.name, min(counterpart.confidence, 0.8),
                              f"{own} has no President then: its counterpart's; {counterpart.reason}"), found
    return result, holders


__all__ = ["METHOD", "OFFICES", "RESOLVER", "VERSION", "Office", "Resolution", "TitleMention", "describe_holder",
           "document_side", "find_offices", "find_titles", "resolve_office", "resolve_title", "who"]
