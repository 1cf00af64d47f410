"""Offices as prose: persons-list descriptions parsed into dated roles, and titles reduced to a
comparable ``(office, place)`` key.

* :func:`parse_description` — ``"Ambassador to the Soviet Union until July 1962; thereafter
  Ambassador at Large"`` (a FRUS volume's persons list, 1961–1963) → two :class:`Role` s,
  ``…–1962-07`` and ``1962-07–1963``; dates the description does not print are the volume's
  years, and the role's ``note`` says so (``[bounded by the volume: 1961–1963]``);
* :func:`office_key` — ``"the Secretary"`` and ``"Secretary of State"`` → ``("secretary of
  state", None)``; ``"Soviet Ambassador to the United States"`` → ``("ambassador", "United
  States")`` with side ``"Soviet Union"``.  A small synonym table (:data:`SYNONYMS`) makes
  "Premier", "Chairman" and "Chairman of the Council of Ministers" one office.

DOCS: docs/authority.md#sources
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from memcon.authority._names import UNITED_STATES, country, fold
from memcon.model.people import Role

PARSER = "memcon.persons_list.v1"
"""Name and version of the description parser, stored in each parsed role's ``source``."""

VOLUME_BOUND = "bounded by the volume"
"""Marker in a role's ``note`` when a date was not printed and the volume's years stand in."""

_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|{_MONTH},?\s+\d{{4}}|\d{{4}}|{_MONTH}(?:\s+\d{{1,2}}(?!\d))?)"
_TAIL = re.compile(
    rf"(?:,\s*|\s+|^)(?:"
    rf"(?:from|since|after|beginning)\s+(?P<f>{DATE}),?(?:\s*(?:to|until|through|till|[-–])\s*(?P<t>{DATE}))?"
    rf"|(?:until|to|till|through)\s+(?P<u>{DATE})"
    rf"|(?:in\s+)?(?P<r1>{DATE})\s*[-–]\s*(?P<r2>{DATE}|\d{{2}})"
    rf"|(?:in\s+)?(?P<y>{DATE})"
    rf")\s*[.)]?\s*$"
)
_HEAD = re.compile(
    rf"^(?:(?:from|since|after|beginning)\s+(?P<f>{DATE})|until\s+(?P<u>{DATE})"
    rf"|(?P<d>{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})),\s+"
)
_TWO_TERMS = re.compile(
    rf"^(?P<t>.+?)\s+(?P<a>(?:from|since)\s+{DATE}\s+(?:until|to|through)\s+{DATE}),?\s+and\s+"
    rf"(?P<b>(?:from|since|after)\s+{DATE}(?:\s+(?:until|to|through)\s+{DATE})?)\.?$"
)
_TWO_RANGES = re.compile(r"^(?P<t>.+?),\s+(?P<a>\d{4}\s*[-–]\s*\d{2,4}),\s+(?P<b>\d{4}\s*[-–]\s*\d{2,4})\.?$")
_LEAD_WORDS = re.compile(r"^(?:and\s+|also\s+|then\s+|later\s+|subsequently\s+)+", re.I)
_THEREAFTER_END = re.compile(r",?\s+(?:thereafter|afterwards)\s*$", re.I)
_THEREAFTER = re.compile(r"^(?:and\s+)?(?:thereafter|afterwards|then|later|subsequently)\b[,:]?\s*", re.I)

_US_MARKERS = re.compile(
    r"Department of (?:State|Defense|the Treasury|Commerce|Agriculture|Justice|Labor|the Army|the Navy)"
    r"|United States|\bU\.\s?S\.(?!\s?S\.)|\bAmerican\b|President's|White House|Attorney General|Central Intelligence"
    r"|Joint Chiefs|National Security|Secretary of (?:State|Defense|the Treasury|Agriculture|Commerce|Labor"
    r"|the Interior|the Army|the Navy|the Air Force|War|Health)|Under Secretary|Assistant Secretary"
    r"|Ambassador (?:to|at Large|in)\b|Senator|Congressman|Arms Control and Disarmament|Information Agency"
    r"|International Development|Foreign Service|Vice President of the"
    r"|\b(?:Embassy|Legation|Consulate)(?: General)? (?:in|at)\b|Counselor (?:at|of Embassy)|\bDivision of\b"
)
_OF_COUNTRY = re.compile(r"\b(?:of|in|for)\s+(?:the\s+)?(?P<c>[A-Z][\w.'’ -]+?)\s*$")
_TO_PLACE = re.compile(r"\b(?:to|at|in)\s+(?:the\s+)?(?P<c>[A-Z][\w.'’ -]+?)\s*$")


def parse_date(text: str, *, year: str | None = None) -> str | None:
    """``"January 21, 1961"`` → ``1961-01-21``; ``"July 1962"`` → ``1962-07``; ``"1961"`` →
    ``1961``; a month without a year takes ``year`` (``None`` when there is none)."""
    words = re.findall(r"[A-Za-z]+|\d+", text)
    printed = next((w for w in reversed(words) if len(w) == 4 and w.isdigit()), None)
    year = printed or year
    if year is None:
        return None
    month = next((_MONTHS[w.lower()] for w in words if w.lower() in _MONTHS), None)
    day = next((w for w in words if w.isdigit() and len(w) <= 2), None)
    if month is None:
        return year
    if day is None:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{int(day):02d}"


def volume_years(volume_id: str) -> tuple[str, str] | None:
    """The years a FRUS volume covers, from its id: ``frus1961-63v05`` → ``("1961", "1963")``,
    ``frus1919Parisv01`` → ``("1919", "1919")``; ``None`` for another id."""
    m = re.match(r"^frus(\d{4})(?:-(\d{2,4}))?", volume_id)
    if m is None:
        return None
    first, last = m.group(1), m.group(2)
    if last is None:
        return first, first
    if len(last) == 2:
        last = first[:2] + last
    return first, last


@dataclass(frozen=True, slots=True)
class _Span:
    start: str | None
    end: str | None
    text: str


def _dates_of(segment: str, *, year: str | None = None) -> _Span:
    """Split the printed dates off a segment of a description (``year``: the volume's, for a
    month printed without one)."""
    text = segment.strip().rstrip(".;, ")
    text = re.sub(
        r"\s*\([^()]*\)$", "", text
    )  # "(1957–1962; 1966–1969)", "(died 1972)": not the role's dates
    start: str | None = None
    end: str | None = None
    head = _HEAD.match(text)
    if head:
        if head.group("f") or head.group("d"):  # "July 5, 1917, Russian Ambassador": from that day
            start = parse_date(head.group("f") or head.group("d"), year=year)
        if head.group("u"):
            end = parse_date(head.group("u"), year=year)
        text = text[head.end() :]
    tail = _TAIL.search(text)
    if tail and tail.start() > 0:
        g = tail.groupdict()
        if g["f"]:
            start = parse_date(g["f"], year=year)
            end = parse_date(g["t"], year=year) if g["t"] else end
        elif g["u"]:
            end = parse_date(g["u"], year=year)
        elif g["r1"]:
            r2 = g["r2"]
            end = parse_date(r2, year=year) if len(r2) > 2 else None
            start = parse_date(g["r1"], year=(end or year or "")[:4] or None)
            if len(r2) == 2 and start is not None:
                end = start[:2] + r2
        elif g["y"]:
            if text[tail.start()] != "," or not re.search(r"\d{4}", g["y"]):
                return _Span(start, end, text.strip().rstrip(",;: "))  # "arrested … in 1957": an event
            start = end = parse_date(g["y"], year=year)
        text = text[: tail.start()]
    return _Span(start, end, text.strip().rstrip(",;: "))


_INSTITUTION = re.compile(
    r"\b(?P<n>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:Embassy|Foreign Ministry|Ministry|Government|Delegation"
    r"|Communist Party|Council|State Committee|Committee|Academy|Army|Navy|Air Force|Intelligence|Mission"
    r"|Foreign Office|Cabinet|Parliament|Politburo|Presidium|Chief of State|Premier|Prime Minister"
    r"|Foreign Minister|Minister|Ambassador|Deputy|First Deputy|Chargé|Consul)"
)
_PLACE_PHRASE = re.compile(r"\b(?:to|at|in)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


def side_of(title: str) -> str | None:
    """The government an office described in ``title`` serves: a leading nationality
    ("Soviet Foreign Minister"), a country the office is *of* ("President of Cuba"), a
    nationality naming an institution ("Counselor of the Soviet Embassy"), the United States
    for US offices ("Ambassador to France", "Department of State"), or another nationality
    word outside the place the office is *to*; ``None`` when the words do not say."""
    words = title.split()
    for n in (2, 1):
        lead = country(" ".join(words[:n])) if len(words) > n else None
        if lead:
            return lead
    _, _, of_side = _split_office(fold(title))
    if of_side:
        return of_side
    for m in _INSTITUTION.finditer(title):
        words = m.group("n").split()
        found = country(m.group("n")) or country(words[0]) or country(words[-1])
        if found and found != UNITED_STATES:
            return found
    if _US_MARKERS.search(title):
        return UNITED_STATES
    for word in re.findall(r"[A-Z][a-z]+", _PLACE_PHRASE.sub(" ", title)):
        found = country(word)
        if found and word not in {"United", "States"}:
            return found
    return None


def parse_description(
    description: str,
    *,
    bounds: tuple[str, str] | None,
    source: str,
    default_side: str | None = None,
) -> tuple[Role, ...]:
    """The roles a persons-list description states, one per ``;``-separated part.

    ``bounds`` (the volume's first and last year) stand in for dates the part does not print,
    and the role's ``note`` then ends ``[bounded by the volume: 1961–1963]``; ``thereafter``
    starts where the previous part ended.  ``source`` is the entry's pointer
    (``frus1961-63v05/persons#p_KNS1``).  A cross-reference ("see Douglas-Home") states no role.
    """
    text = " ".join(description.split())
    if not text or re.match(r"^(?:see|See)\b", text):
        return ()
    roles: list[Role] = []
    previous_end: str | None = None
    for raw in (p for part in _parts(text) for p in _terms(part)):
        part = raw.strip()
        if not part:
            continue
        after_previous = bool(_THEREAFTER.match(part) or _THEREAFTER_END.search(part))
        part = _THEREAFTER_END.sub("", _LEAD_WORDS.sub("", _THEREAFTER.sub("", part))).strip()
        span = _dates_of(part, year=bounds[0] if bounds and bounds[0] == bounds[1] else None)
        title = span.text.strip(" ,")
        if len(title) < 3:
            continue
        start = span.start
        if start is None and after_previous and previous_end is not None:
            start = previous_end
        end = span.end
        bounded: list[str] = []
        if bounds is not None:
            if start is None:
                start = bounds[0]
                bounded.append("start")
            if end is None and not (span.start is not None and span.end is None and span.start == span.end):
                end = bounds[1]
                bounded.append("end")
        note = description
        if bounded and bounds is not None:
            years = bounds[0] if bounds[0] == bounds[1] else f"{bounds[0]}–{bounds[1]}"
            note = f"{description} [{VOLUME_BOUND}: {years}]"
        if roles and after_previous:
            title = _complete(title, roles[-1].title)
        side = side_of(title)
        if side is not None and side == place_of(title):  # "Ambassador to the United States": not US
            side = None
        side = side or (roles[-1].side if roles else None) or default_side
        roles.append(
            Role(
                title=title,
                start=start,
                end=end,
                source=source,
                organisation=place_of(title),
                side=side,
                note=note,
            )
        )
        previous_end = end if end is not None and "end" not in bounded else None
    return tuple(roles)


def _parts(text: str) -> list[str]:
    """The ``;``-separated parts of a description, not splitting inside parentheses."""
    parts: list[str] = []
    depth = 0
    current = ""
    for char in text:
        depth += (char == "(") - (char == ")")
        if char == ";" and depth <= 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return parts


def _terms(part: str) -> list[str]:
    """One office held twice, one part per term: "Prime Minister of the United Kingdom from
    January 1924 until November 1924 and from June 1929 until June 1935", "French Premier,
    1906–1909, 1917–1920"."""
    m = _TWO_TERMS.match(part.strip()) or _TWO_RANGES.match(part.strip())
    if m is None:
        return [part]
    sep = " " if m.re is _TWO_TERMS else ", "
    return [f"{m.group('t')}{sep}{m.group('a')}", f"{m.group('t')}{sep}{m.group('b')}"]


def _complete(title: str, previous: str) -> str:
    """A bare rank after "thereafter" that the office before it contains takes that office's
    body: "Deputy Director of the Office of Soviet Union Affairs …; thereafter Director" →
    "Director of the Office of Soviet Union Affairs …"; "Vice President of the United States …;
    thereafter President" → "President of the United States"."""
    if re.search(r"\b(?:of|to|for|in|at)\b|,", title) or len(title.split()) > 3:
        return title
    m = re.search(rf"\b{re.escape(title)}\b(?=,\s|\s+(?:of|for|to)\s)", previous, flags=re.I)
    if m is None:
        return title
    return title + previous[m.end() :]


EXACT_SOURCES = ("pocom:", "presidents:", "visits:")
TERM_SOURCES = ("pocom:", "presidents:")
"""Sources that give an office's whole term (a visit dates only the visit)."""


def precision(role: Role) -> int:
    """0: exact dates (POCOM, presidents, visits); 1: dates a persons list printed; 2: dates
    bounded by the volume's years."""
    if role.source.startswith(EXACT_SOURCES):
        return 0
    return 2 if role.note and VOLUME_BOUND in role.note else 1


# -- comparable offices ---------------------------------------------------------------------------

SYNONYMS: dict[str, str] = {
    "secretary": "secretary of state",
    "secretary of state of the united states": "secretary of state",
    "us secretary of state": "secretary of state",
    "premier": "chairman of the council of ministers",
    "chairman": "chairman of the council of ministers",
    "soviet premier": "chairman of the council of ministers",
    "head of government": "chairman of the council of ministers",
    "head of the government": "chairman of the council of ministers",
    "chairman of the council of ministers of the ussr": "chairman of the council of ministers",
    "chairman of the ussr council of ministers": "chairman of the council of ministers",
    "chairman of the soviet council of ministers": "chairman of the council of ministers",
    "prime minister": "chairman of the council of ministers",
    "minister of foreign affairs": "foreign minister",
    "minister for foreign affairs": "foreign minister",
    "foreign secretary": "foreign minister",
    "secretary of state for foreign affairs": "foreign minister",
    "minister of external affairs": "foreign minister",
    "ambassador extraordinary and plenipotentiary": "ambassador",
    "envoy extraordinary and minister plenipotentiary": "minister",
    "minister plenipotentiary": "minister",
    "under secretary": "under secretary of state",
    "undersecretary of state": "under secretary of state",
    "attorney general of the united states": "attorney general",
    "representative of the U.S.A. to the United Nations": "permanent representative to the united nations",
    "representative to the united nations": "permanent representative to the united nations",
    "permanent representative at the united nations": "permanent representative to the united nations",
    "permanent representative to the un": "permanent representative to the united nations",
    "ambassador to the united nations": "permanent representative to the united nations",
    "minister resident": "minister",
    "minister resident/consul general": "minister",
    "minister resident and consul general": "minister",
    "minister resident and extraordinary": "minister",
    "envoy extraordinary and minister plenipotentiary/consul general": "minister",
    "minister plenipotentiary and envoy extraordinary": "minister",
    "president of the council": "chairman of the council of ministers",
    "president of the council of ministers": "chairman of the council of ministers",
    "chief of government": "chairman of the council of ministers",
    "secretary of state ad interim": "acting secretary of state",
    "acting secretary": "acting secretary of state",
    "undersecretary of state for foreign affairs": "under secretary of state for foreign affairs",
    "under secretary for foreign affairs": "under secretary of state for foreign affairs",
    "chief executive": "president",
}
"""Folded title → the office it names (the other spellings of "Secretary of State", "Premier" …)."""

_PREP = re.compile(r"\s(to|in|at|of|for)\s+(?:the\s+)?")
_DROP = re.compile(r"^(?:our|their|his|her|mr|madame|madam|new)\s+")


CAPITALS: dict[str, str] = {
    "washington": UNITED_STATES, "moscow": "Soviet Union", "petrograd": "Russia", "st petersburg": "Russia",
    "saint petersburg": "Russia", "london": "United Kingdom", "paris": "France", "berlin": "Germany",
    "bonn": "Germany", "vienna": "Austria", "rome": "Italy", "madrid": "Spain", "lisbon": "Portugal",
    "brussels": "Belgium", "the hague": "Netherlands", "hague": "Netherlands", "copenhagen": "Denmark",
    "stockholm": "Sweden", "christiania": "Norway", "oslo": "Norway", "helsingfors": "Finland",
    "helsinki": "Finland", "bern": "Switzerland", "berne": "Switzerland", "athens": "Greece",
    "constantinople": "Turkey", "ankara": "Turkey", "angora": "Turkey", "teheran": "Iran", "tehran": "Iran",
    "cairo": "Egypt", "peking": "China", "pekin": "China", "peiping": "China", "nanking": "China",
    "tokyo": "Japan", "tokio": "Japan", "yedo": "Japan", "seoul": "Korea", "warsaw": "Poland",
    "prague": "Czechoslovakia", "budapest": "Hungary", "bucharest": "Romania", "sofia": "Bulgaria",
    "belgrade": "Yugoslavia", "mexico city": "Mexico", "managua": "Nicaragua", "guatemala": "Guatemala",
    "san salvador": "El Salvador", "tegucigalpa": "Honduras", "san jose": "Costa Rica", "panama": "Panama",
    "habana": "Cuba", "havana": "Cuba", "port au prince": "Haiti", "santo domingo": "Dominican Republic",
    "caracas": "Venezuela", "bogota": "Colombia", "quito": "Ecuador", "lima": "Peru", "la paz": "Bolivia",
    "santiago": "Chile", "buenos aires": "Argentina", "buenos ayres": "Argentina", "montevideo": "Uruguay",
    "asuncion": "Paraguay", "rio de janeiro": "Brazil", "petropolis": "Brazil", "ottawa": "Canada",
    "new delhi": "India", "karachi": "Pakistan", "monrovia": "Liberia", "addis ababa": "Ethiopia",
    "bangkok": "Thailand", "saigon": "South Vietnam", "hanoi": "North Vietnam", "djakarta": "Indonesia",
    "jakarta": "Indonesia", "manila": "Philippines", "canberra": "Australia", "havanna": "Cuba",
}
"""Folded capital → its country, for offices "at Copenhagen", "in Moscow" and records written there."""


def place_country(text: str | None) -> str | None:
    """The country a place names: a country or nationality (``"Denmark"``), a capital
    (``"Copenhagen"``), or the last part of a dateline (``"Legation of the United States,
    Managua"`` → Nicaragua); ``None`` when it names neither."""
    if not text:
        return None
    found = country(text) or CAPITALS.get(fold(text).removeprefix("the "))
    if found:
        return found
    last = text.rsplit(",", 1)[-1].strip()
    return country(last) or CAPITALS.get(fold(last).removeprefix("the ")) if last != text else None


def _split_office(key: str) -> tuple[str, str | None, str | None]:
    """A folded title cut at the last preposition followed by a country: ``(office, place,
    side)`` — a country the office is *to/in/at* is its place, one it is *of/for* its side;
    a capital is its country's place ("Ambassador at Washington")."""
    for m in reversed(list(_PREP.finditer(key))):
        found = country(key[m.end() :]) or (CAPITALS.get(key[m.end() :]) if m.group(1) != "of" else None)
        if found:
            office = key[: m.start()].strip()
            if m.group(1) in {"of", "for"}:
                return office, None, found
            return office, found, None
    return key, None, None


def place_of(title: str) -> str | None:
    """The country an office is to, in or at, when the title names one ("Ambassador to France")."""
    return _split_office(fold(title))[1]


def normalise_title(title: str) -> str:
    """A title folded for comparison: a comma read as "of" ("Chairman, Soviet Council of
    Ministers"), parentheses ("(Premier)") and "the" dropped, accents, case and punctuation
    ignored."""
    key = fold(re.sub(r"\s*\([^)]*\)", "", title).replace(", ", " of "))
    return " ".join(w for w in key.split() if w != "the")


@lru_cache(maxsize=100_000)
def office_key(title: str, *, organisation: str | None = None) -> tuple[str, str | None, str | None]:
    """``(office, place, side)`` of a title: the normalised office after synonyms, the country it
    is to (or in, at), and the government it serves when the title says (a leading nationality or
    a country it is *of*).  ``"Soviet Ambassador to the United States"`` → ``("ambassador",
    "United States", "Soviet Union")``; ``"the Secretary"`` → ``("secretary of state", None,
    None)``; ``"Chairman of the Council of Ministers of the Soviet Union"`` → ``("chairman of
    council of ministers", None, "Soviet Union")``.  ``organisation`` (a country, as POCOM gives
    a chief of mission's post) is the place when the title names no country."""
    key = normalise_title(title)
    while True:
        dropped = _DROP.sub("", key)
        if dropped == key:
            break
        key = dropped
    side: str | None = None
    words = key.split()
    for n in (3, 2, 1):
        if len(words) > n:
            lead = country(" ".join(words[:n]))
            if lead:
                side = lead
                key = " ".join(words[n:])
                break
    key = _SYNONYMS.get(key, key)
    office, place, of_side = _split_office(key)
    office = _SYNONYMS.get(office, office)
    side = side or of_side
    if place is None and of_side is None and organisation:
        place = country(organisation)
    return office, place, side


_SYNONYMS = {normalise_title(k): normalise_title(v) for k, v in SYNONYMS.items()}
