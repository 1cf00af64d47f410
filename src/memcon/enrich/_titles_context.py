"""What the words around a title say about who it is: a name in apposition ("Mr. Wood, our
minister at Copenhagen", "the Minister in Denmark (Egan)"), a date the sentence states ("in the
year 1854 the President …"), an agency phrase that makes it the writer's own office ("I am
directed by the President"), and the document's heading (sender, addressee, the addressee's post).

Pure functions over text: :mod:`memcon.enrich.titles` weighs what they find against the authority.

DOCS: docs/benchmarks.md#title-labels
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from memcon.authority._names import country
from memcon.authority.titles import place_country

_MONTHS = ("January February March April May June July August September October November December").split()
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
_DATE_WORDS = (
    rf"(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+(?P<y1>1[789]\d\d|20\d\d)"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>1[789]\d\d|20\d\d)"
    rf"|(?:the\s+year\s+)?(?P<y3>1[789]\d\d)(?!\d|,\d)"
)
_DATE = re.compile(_DATE_WORDS)
_ABBREVIATIONS = frozenset("mr mrs dr st gen col no esq hon messrs sr jr lt capt adm rev vol ms m".split())


def _iso(m: re.Match[str]) -> str:
    if m.group("y1"):
        return f"{m.group('y1')}-{_MONTHS.index(m.group('m1')) + 1:02d}-{int(m.group('d1')):02d}"
    if m.group("y2"):
        return f"{m.group('y2')}-{_MONTHS.index(m.group('m2')) + 1:02d}-{int(m.group('d2')):02d}"
    return m.group("y3")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or paragraph line) around ``text[start:end]``."""
    left = start
    while left > 0:
        ch = text[left - 1]
        if ch == "\n" and left >= 2 and text[left - 2] == "\n":
            break
        if ch in "”\"’" and left >= 2 and text[left - 2] in ".!?" and left < len(text) and text[left].isspace():
            break
        if ch in ".!?" and left < len(text) and text[left].isspace():
            word = re.search(r"(\w+)$", text[max(0, left - 12) : left - 1])
            if not (word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1)):
                break
        left -= 1
    m = re.compile(r"(?<![A-Z])(?<!Mr)(?<!Mrs)(?<!Dr)(?<!St)[.!?](?=\s+[A-Z“\"\[(])|\n\s*\n").search(text, end)
    return left, (m.end() if m else len(text))


_AFTER_DATE = re.compile(
    r"(?:’s|'s)?(?:[\s,(]*(?:[a-z]+[\s,(]+){0,4}?(?:of|from|dated|on|in)\s+|\s*,\s*(?:in\s+)?|\s+)\(?"
    rf"(?:{_DATE_WORDS})"
)
_LEAD_DATE = re.compile(r"\s*(?:(?:Thus|So|Then|And|But|However|Again),?\s+)?(?:[Ii]n|[Oo]n)\s+")


def stated_date(text: str, start: int, end: int, *, before: str | None) -> tuple[str, str] | None:
    """A date the sentence binds to the title at ``text[start:end]``: right after it ("the
    Secretary's note of February 21, 1921", "the President of the United States, in the year
    1854", "by the President, April 7, 1869") or opening the sentence ("On the 24th of January,
    1894, the Secretary …", "Thus, in 1820, …").  Only a date earlier than ``before`` (the
    document's date, ISO) counts.  Returns ``(iso, words)``."""
    s0, s1 = sentence_span(text, start, end)
    tail = text[end:min(s1, end + 80)]
    found: re.Match[str] | None = _AFTER_DATE.match(tail)
    if found is None:
        opening = _LEAD_DATE.match(text, s0, start)
        if opening:
            m = _DATE.match(text, opening.end(), start)
            if m and re.match(r"^\s*,", text[m.end() : start]):
                found = m
    if found is None:
        return None
    iso = _iso(found)
    if before is not None and iso[:10] >= before[: len(iso)]:
        return None
    words = _DATE.search(found.group(0))
    return iso, (words.group(0) if words else found.group(0)).strip()


_AGENCY_BEFORE = re.compile(
    r"(?:(?:directed|instructed|authori[sz]ed|desired|requested|commanded|charged|ordered)\s+by"
    r"|(?:by\s+direction|in\s+the\s+name|on\s+behalf|by\s+order|by\s+command|by\s+authority)\s+of)\s+$"
)
_US_AFTER = re.compile(r"^\s+and\s+(?:of\s+)?the\s+(?:people|Government|Congress|Senate|nation)\s+of\s+the\s+United\s+States")


def agency(text: str, start: int, end: int) -> str | None:
    """The words that make the title the writer's own principal ("directed by the President",
    "in the name of the President"), or that tie it to the United States ("the President and
    the people of the United States"); ``None`` otherwise."""
    m = _AGENCY_BEFORE.search(text[max(0, start - 40) : start])
    if m:
        return m.group(0).strip() + " …"
    m = _US_AFTER.match(text[end : end + 80])
    return m.group(0).strip() if m else None


_THERE = re.compile(r"\s+(?:residing\s+|resident\s+|stationed\s+)?there\b")
_PLACE_WORD = re.compile(r"\b(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)")


def place_there(text: str, start: int, end: int) -> str | None:
    """The country "there" points at after a title ("conferring with our minister residing
    there" after "visited London"): the last place the sentence named before the title."""
    if not _THERE.match(text, end):
        return None
    s0, _ = sentence_span(text, start, end)
    last: str | None = None
    for m in _PLACE_WORD.finditer(text, s0, start):
        found = place_country(m.group(0))
        if found:
            last = found
    return last


REPUBLICS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "United States": (("1789", None),),
    "France": (("1792-09-22", "1804-05-18"), ("1848-02-24", "1852-12-02"), ("1870-09-04", "1940-07-10"),
               ("1944-08-25", None)),
    "Switzerland": (("1848", None),), "Liberia": (("1847", None),),
    "Mexico": (("1824", "1864-04-10"), ("1867-06-19", None)),
    "Guatemala": (("1839", None),), "Honduras": (("1838", None),), "El Salvador": (("1841", None),),
    "Nicaragua": (("1838", None),), "Costa Rica": (("1838", None),), "Panama": (("1903-11-03", None),),
    "Colombia": (("1819", None),), "Venezuela": (("1830", None),), "Ecuador": (("1830", None),),
    "Peru": (("1821", None),), "Bolivia": (("1825", None),), "Chile": (("1818", None),),
    "Argentina": (("1816", None),), "Uruguay": (("1830", None),), "Paraguay": (("1811", None),),
    "Brazil": (("1889-11-15", None),), "Haiti": (("1859-01-15", None),),
    "Dominican Republic": (("1844", "1861-03-18"), ("1865-07-11", None)), "Cuba": (("1902-05-20", None),),
    "Portugal": (("1910-10-05", None),), "China": (("1912-01-01", None),),
    "Germany": (("1919-08-11", "1945-05-08"), ("1949-05-23", None)),
    "Austria": (("1918-11-12", "1938-03-13"), ("1945-04-27", None)),
    "Finland": (("1919-07-17", None),), "Poland": (("1918-11-11", "1939-10-06"), ("1944", None)),
    "Czechoslovakia": (("1918-10-28", "1939-03-15"), ("1945", None)), "Turkey": (("1923-10-29", None),),
    "Spain": (("1873-02-11", "1874-12-29"), ("1931-04-14", "1939-04-01")), "Italy": (("1946-06-10", None),),
    "Greece": (("1924-03-25", "1935-11-03"), ("1973-06-01", None)), "Philippines": (("1935-11-15", None),),
    "India": (("1950-01-26", None),), "Israel": (("1948-05-14", None),), "Egypt": (("1953-06-18", None),),
    "South Korea": (("1948-08-15", None),), "Korea": (("1948-08-15", None),), "Indonesia": (("1945-08-18", None),),
}
"""When a country was a republic with a President as head of state (a record written there
then may mean its President by "the President"); a country not listed is not known to have been."""


def republic(country_name: str | None, on: str) -> bool:
    """Whether ``country_name`` had a President as head of state on ``on`` (ISO), per :data:`REPUBLICS`."""
    for start, end in REPUBLICS.get(country_name or "", ()):
        if start <= on[: len(start)] and (end is None or on[: len(end)] <= end):
            return True
    return False


# -- names next to a title ------------------------------------------------------------------

_HONORIFIC = r"(?:Mr|Mrs|Sir|Lord|Señor|Senor|Señora|General|Gen|Admiral|Count|Baron|Dr|M|Monsieur|Signor|Herr|Prince|Marquis|Earl)"
_NAME = (
    rf"(?:(?:{_HONORIFIC})\.?\s+)?(?:(?:[A-Z]\.\s?){{1,3}}|(?:(?:[A-Z][a-z]{{1,3}}\.|[A-Z][a-zà-ÿ’'\-]+)\s+){{1,3}})?"
    r"[A-Z][A-Za-zà-ÿÀ-Ý’'\-]+(?:\s+(?:[A-Z][a-zà-ÿ’'\-]+))?"
)
_PAREN = re.compile(rf"^\s*\((?P<n>{_NAME})\)")
_COMMA_AFTER = re.compile(rf"^,\s+(?P<n>{_NAME})(?P<next>,\s+and\b|,\s+[A-Z][a-z]+|[,.;:)]|\s*$|\s+(?:who|whom)\b)")
_BARE_AFTER = re.compile(
    rf"^\s+(?P<n>(?:{_HONORIFIC})\.?\s+[A-Z][\w’'\-]+|(?:[A-Z]\.\s?){{1,3}}\s*[A-Z][\w’'\-]+)"
)
_COLON_AFTER = re.compile(rf"^:\s+(?P<n>{_NAME})\.?\s*(?:\n|$)")
_BEFORE = re.compile(
    rf"(?:^|[\s(])(?P<n>{_NAME}),(?:\s*esq\.,)?\s+(?:(?:then|now|who\s+is|as|being|the\s+present)\s+)?$"
)
_SIGNATURE_BEFORE = re.compile(rf"(?P<n>{_NAME})\.\s+(?:\[[^\]]*\]\s+)?By\s+$")
_NOT_NAMES = frozenset(
    """The This That These Those There Then They When Where Which While What With After Before During
    Since Sir Madam Your His Her Their Our Its Washington London Paris Berlin Moscow Rome Vienna Legation
    Embassy Department Government President Secretary Ambassador Minister Chairman Premier Telegram
    January February March April May June July August September October November December Excellency
    Colonel Yesterday Today Tomorrow Thus Also However Mr Mr. Acting Under State United States On In At To
    By For From And But As If Of Upon According Between""".split()
)


@dataclass(frozen=True, slots=True)
class NameNear:
    """A name next to a title, and how it stands to it (``parenthesis``, ``apposition``,
    ``following``, ``signature``)."""

    name: str
    how: str
    strong: bool
    """Initials, forenames or an honorific with the surname: more than a bare surname."""


def _clean(name: str) -> str | None:
    words = name.split()
    while words and words[0].rstrip(".") in _NOT_NAMES and len(words) > 1 and words[0] not in {"Mr.", "Sir"}:
        words = words[1:]
    if not words or words[-1].rstrip(".,") in _NOT_NAMES or country(" ".join(words)):
        return None
    return " ".join(words)


def _strong(name: str) -> bool:
    words = name.split()
    return len(words) > 1


def names_near(text: str, start: int, end: int) -> list[NameNear]:
    """Names standing in apposition to the title at ``text[start:end]``, closest first: in
    parentheses after it ("the Minister in Denmark (Egan)"), after a comma ("the Secretary of
    State, L. Cass, under date …"; not a list: "the British Ambassador, Sir Richard Crawford, and
    Lord Eustace Percy"), right after with initials or an honorific ("the head of the Soviet
    government N. S. Khrushchev"), before it ("Mr. Wood, our minister at Copenhagen", "DAVIS,
    Acting Secretary"), after a colon that ends the line ("By the President of the Republic:
    JULES GREVY."), or the signature before "By the President:"."""
    out: list[NameNear] = []
    tail = text[end : end + 120]
    head = text[max(0, start - 120) : start]
    m = _PAREN.match(tail)
    if m:
        out.append(NameNear(m.group("n"), "parenthesis", True))
    m = _COMMA_AFTER.match(tail)
    if m and not m.group("next").startswith((", and", ", A", ", S", ", U", ", C", ", M")[:1]) and not re.match(
        r",\s+(?:and\b|[A-Z][a-z]+\s+(?:of|to|in)\b|(?:Acting\s+)?Secretary|Minister|Ambassador|President)",
        m.group("next") + tail[m.end() : m.end() + 30],
    ):
        out.append(NameNear(m.group("n"), "apposition", _strong(m.group("n"))))
    m = _BARE_AFTER.match(tail)
    if m:
        out.append(NameNear(m.group("n"), "following", True))
    m = _COLON_AFTER.match(tail)
    if m and not re.search(r"\b[Ff]or\s+$", head):  # "For the Secretary of State: William Phillips" signs for him
        # only a name that held the office counts (weak): "By the President: Hamilton Fish, Secretary of State"
        out.append(NameNear(m.group("n"), "colon", False))
    m = _SIGNATURE_BEFORE.search(head)
    if m:
        out.append(NameNear(m.group("n"), "signature", True))
    elif re.match(r"\s*(?:[,.;:()]|\n|$)", tail):  # "Mr. Wood, our minister at Copenhagen," — not
        m = _BEFORE.search(head)                   # "In reply to Mr. Khrushchev, the President said"
        if m:
            out.append(NameNear(m.group("n"), "apposition", _strong(m.group("n")) or m.group("n").isupper()))
    cleaned = []
    for near in out:
        name = _clean(near.name)
        if name:
            cleaned.append(NameNear(name, near.how, near.strong or _strong(name)))
    return cleaned


# -- the heading --------------------------------------------------------------------------------

_TO = re.compile(r"\s+to\s+(?:the\s+)?", re.I)


@dataclass(frozen=True, slots=True)
class Heading:
    """Sender and addressee as the heading words them ("The Secretary of State to the Minister in
    Denmark (Egan)"), the addressee's post (its country) and where the record was written."""

    sender: str | None
    addressee: str | None
    post: str | None
    written_in: str | None


def read_heading(heading: str, place: str | None) -> Heading:
    """``heading`` split at " to " into sender and addressee; the addressee's post is the country
    his title is in ("Ambassador in Great Britain (Page)" → United Kingdom); ``written_in`` the
    country of the dateline (``place``)."""
    text = re.sub(r"^\s*(?:No\.\s*\d+\.?\s*)?", "", heading or "")
    text = re.sub(r"\[[^\]]*\]", "", text).strip(" .")
    parts = _TO.split(text, maxsplit=1)
    sender = parts[0].strip() if len(parts) == 2 else None
    addressee = parts[1].strip() if len(parts) == 2 else None
    post = None
    if addressee:
        m = re.search(r"\b(?:in|at|to)\s+(?:the\s+)?([A-Z][\w.'’ -]+?)\s*(?:\(|$|,)", addressee)
        post = place_country(m.group(1)) if m else None
    return Heading(sender, addressee, post, place_country(place))


def is_addressee(heading: Heading, office_words: str) -> bool:
    """Whether the heading's addressee holds the office named by ``office_words`` ("Ambassador")."""
    return bool(heading.addressee and re.search(rf"\b{re.escape(office_words)}\b", heading.addressee, re.I))


__all__ = ["REPUBLICS", "Heading", "NameNear", "agency", "place_there", "republic", "is_addressee", "names_near", "read_heading", "sentence_span",
           "stated_date"]
