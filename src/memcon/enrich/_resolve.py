"""Disambiguation for the mention linker: which candidate a found name stands for, or none.

Each step narrows the candidates of a name only when at least one remains; the first step
that leaves one person gives the mention its reason and confidence.

DOCS: docs/linking.md#disambiguation
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from memcon.enrich._candidates import NOT_MILITARY, Candidate
from memcon.enrich._names import FEMALE_TITLES, TITLES, fold_key
from memcon.model.people import Mention, Role
from memcon.model.records import Document

_DROP = "not a name here"
_RULERS = frozenset({"czar", "tsar", "emperor", "empress", "king", "queen", "kaiser", "pope", "sultan", "shah",
                     "prince", "princess", "archduke", "emir"})
_NOT_GIVEN = frozenset(
    """later then when after before yesterday today tomorrow meanwhile however also both whereupon
    thereupon perhaps accordingly furthermore moreover since while although though unless until if
    as but and so thus hence therefore nevertheless again finally first next""".split()
)
NATIONS = frozenset(
    """american british french german italian russian soviet japanese chinese spanish swedish danish
    norwegian dutch belgian greek turkish polish cuban mexican brazilian austrian hungarian serbian
    rumanian romanian czech czechoslovak us u s""".split()
)
_GIVEN = re.compile(r"[A-Z][a-z]+|[A-Z]\.")
_VOLUME_YEARS = re.compile(r"^frus(\d{4})(?:-(\d{2,4}))?")
_STOP = frozenset({"the", "of", "for", "in", "at", "to", "and", "a", "an", "his", "her"})
_MALE = frozenset({"mr", "m", "messrs", "herr", "monsieur", "signor", "senor", "mm"})
_NOT_MISTER = re.compile(r"\b(?:vice )?president of the united states")
_WOMAN = re.compile(r"\b(?:mrs|miss|madame|mme|wife|widow|daughter|queen|princess|lady|sister)\b")
# Title words the profile may spell otherwise ("Premier" is the Chairman of the Council of Ministers).
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "premier": ("premier", "chairman of the council of ministers", "prime minister", "president of the council"),
    "chairman": ("chairman", "premier"),
    "prime": ("prime", "premier", "president of the council"),
    "foreign": ("foreign", "secretary of state for foreign affairs", "commissar for foreign affairs"),
    "gen": ("general", "gen."),
    "general": ("general", "gen.", "commanding", "army"),
    "col": ("colonel", "col."),
    "colonel": ("colonel", "col."),
    "adm": ("admiral", "adm."),
    "admiral": ("admiral", "adm."),
    "britain": ("britain", "united kingdom", "british", "england"),
    "russia": ("russia", "soviet", "russian"),
    "soviet": ("soviet", "russia", "ussr"),
    "england": ("england", "britain", "united kingdom", "british"),
}
_GENERIC_TITLES = frozenset({"mr", "mrs", "miss", "ms", "m", "mm", "messrs", "dr", "herr", "monsieur",
                             "sir", "comrade", "signor", "senor", "mme", "madame", "mlle", "excellency"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A name found at ``start``–``end`` with the candidates its form stands for
    (``(candidate index, form kind)``), the capitalised words before it, and for a spelling
    variant ``(surname, score)``."""

    start: int
    end: int
    options: tuple[tuple[int, str], ...]
    title: str | None = None
    fuzzy: tuple[str, float] | None = None


@dataclass(frozen=True, slots=True)
class Context:
    """What the document says about itself that disambiguation uses."""

    date: str | None = None
    place: str | None = None
    volume_id: str | None = None

    @classmethod
    def of(cls, document: Document) -> Context:
        date = document.date.sort_key if document.date else None
        if document.signed_date and not date:
            date = document.signed_date.sort_key
        return cls(date=date, place=document.place, volume_id=document.volume_id)

    @property
    def year(self) -> int | None:
        """The document's year, else the first year of its FRUS volume (``frus1961-63v05``)."""
        if self.date and self.date[:4].isdigit():
            return int(self.date[:4])
        span = _volume_years(self.volume_id) if self.volume_id else None
        return span[0] if span else None


def _title_words(title: str | None) -> tuple[list[str], str | None]:
    """The significant words of the capitalised phrase before a name, from its first title
    word on, and the honorific (``mr``, ``mrs`` …) it ends with, if any."""
    if not title:
        return [], None
    words = [fold_key(w) for w in re.findall(r"[\w'-]+\.?", title)]
    first = next((i for i in range(len(words) - 1, -1, -1) if words[i] in TITLES), None)
    # the title nearest the name: "The Secretary to President (Wilson)" → "President"; a
    # title phrase of two words ("Foreign Minister") keeps both
    while first is not None and first > 0 and (words[first - 1] in TITLES or words[first - 1] in NATIONS):
        first -= 1
    if first is None:
        return [], None
    words = [w for w in words[first:] if w not in _STOP]
    honorific = words[-1] if words and words[-1] in _GENERIC_TITLES | FEMALE_TITLES else None
    return [w for w in words if w not in _GENERIC_TITLES], honorific


def _forename_run(title: str | None) -> list[str]:
    """The forenames or initials right before a surname ("Walter H." of "Walter H. Lippmann"),
    not the end of a title phrase ("Secretary of State (Wilson)")."""
    if not title:
        return []
    tokens = title.split()
    run: list[str] = []
    while tokens and len(run) < 3 and _GIVEN.fullmatch(tokens[-1]):
        run.insert(0, tokens.pop())
    if tokens and (fold_key(tokens[-1]) in TITLES or tokens[-1] in _STOP):
        return []
    return [w for w in run if fold_key(w) not in TITLES and fold_key(w) not in _NOT_GIVEN]


def _narrow(ids: list[int], keep: list[int]) -> list[int]:
    return keep if keep else ids


def _by_title(
    ids: list[int], cands: Sequence[Candidate], words: list[str], ctx: Context, listed: frozenset[int]
) -> list[int]:
    """The candidates whose offices fit the title words best: a role held on the document's
    date counts twice a mention in the profile ("President Johnson" in 1965: Lyndon B.
    Johnson, President 1963–1969, not U. Alexis Johnson, whose remarks name a President)."""
    if not words:
        return ids
    scores: list[tuple[int, int]] = []
    for i in ids:
        cand = cands[i]
        profile = cand.profile  # "consul general" and the like already taken out (_candidates)
        held = _held(cand, ctx.date) if ctx.date else ""
        score = 0
        for w in words:
            alts = _SYNONYMS.get(w, (w,))
            if held and any(a in held for a in alts):
                score += 2
            elif any(a in profile for a in alts):
                score += 1
        if score and i in listed:
            score += 2  # the volume's own list first: its entry and the authority's may be one person twice
        scores.append((score, i))
    best = max(s for s, _ in scores)
    return [i for s, i in scores if s == best] if best else ids


_HELD: dict[tuple[str, str], str] = {}


def _held(cand: Candidate, day: str) -> str:
    """The titles of the roles ``cand`` holds on ``day``, lower case (cached)."""
    key = (cand.id, day)
    got = _HELD.get(key)
    if got is None:
        if len(_HELD) > 200_000:
            _HELD.clear()
        got = _HELD[key] = NOT_MILITARY.sub(" ", " ".join(r.title.lower() for r in _roles_on(cand, day)))
    return got


def _roles_on(cand: Candidate, day: str) -> list[Role]:
    out = []
    for role in cand.roles:
        start, end = role.start, role.end
        if (start or end) and not (start and day[: len(start)] < start) and not (end and day[: len(end)] > end):
            out.append(role)
    return out


@lru_cache(maxsize=65536)
def _volume_years(volume: str) -> tuple[int, int] | None:
    m = _VOLUME_YEARS.match(volume)
    if not m:
        return None
    first = int(m.group(1))
    last = m.group(2)
    if last is None:
        return first, first
    end = int(last) if len(last) == 4 else int(str(first)[:2] + last)
    return first, end


@lru_cache(maxsize=65536)
def _era_of(volumes: frozenset[str], year: int) -> bool:
    for volume in volumes:
        span = _volume_years(volume)
        if span and span[0] - 3 <= year <= span[1] + 3:
            return True
    return False


def _era(cand: Candidate, year: int) -> bool:
    """Is the person in the persons list of a volume within 3 years of ``year``?"""
    return _era_of(cand.volumes, year)


KNOWN_WITHIN = 15
"""A person whom the authority dates only by roles more than this many years from a document's
year is not linked from a bare surname in it (see :func:`_known_then`)."""


def _active(cand: Candidate, year: int) -> bool:
    """Whether the person held a dated role within a year of ``year``, or is in the persons list of
    a volume within 3 years of it."""
    if _era(cand, year):
        return True
    for r in cand.roles:
        start = int(r.start[:4]) if r.start and r.start[:4].isdigit() else None
        end = int(r.end[:4]) if r.end and r.end[:4].isdigit() else start
        if start is not None and start - 1 <= year <= (end if end is not None else start) + 1:
            return True
    return False


def _known_then(cand: Candidate, year: int, *, undated: bool = True) -> bool:
    """Whether anything places the person near ``year``: a persons list of a volume of those
    years; else a known birth making him 20 or older and not dead (nor over 85) then; else dated
    roles within :data:`KNOWN_WITHIN` years.  A person with no dates at all is not ruled out
    (``undated`` says what to answer for him)."""
    if _era(cand, year):
        return True
    if cand.birth is not None:
        return cand.birth + 20 <= year <= (cand.death if cand.death is not None else cand.birth + 85)
    years = [int(d[:4]) for r in cand.roles for d in (r.start, r.end) if d and d[:4].isdigit()]
    if not years:
        return undated and (cand.death is None or year <= cand.death)
    return min(years) - KNOWN_WITHIN <= year <= max(years) + KNOWN_WITHIN


def _name(cand: Candidate) -> str:
    return cand.name


def resolve(
    all_hits: Sequence[tuple[int | None, str, list[Hit]]],
    cands: Sequence[Candidate],
    ctx: Context,
    *,
    method: str,
    forenames: set[str],
    listed: frozenset[int] = frozenset(),
    prior: dict[int, int] | None = None,
) -> tuple[Mention, ...]:
    """Mentions for the hits of a document's texts (``(footnote, text, hits)``); ``prior``
    counts how often each candidate was named unambiguously in the other documents of the
    batch (:meth:`Linker.link_documents`)."""
    year = ctx.year
    staged: list[tuple[int | None, str, Hit, _Pass]] = []
    counts: dict[int, int] = {}
    evidence: dict[int, str] = {}
    for footnote, text, hits in all_hits:
        for hit in hits:
            got = _first_pass(hit, text, cands, ctx, year, forenames, listed)
            staged.append((footnote, text, hit, got))
            if got.strong is not None:
                # named by a full name, a forename, or a title that leaves one person
                counts[got.strong] = counts.get(got.strong, 0) + 1
                evidence.setdefault(got.strong, text[hit.start:hit.end])
    volumes: set[str] = set()
    for i in evidence:
        volumes |= cands[i].volumes
    out: list[Mention] = []
    for footnote, text, hit, got in staged:
        ids, reason, conf = got.ids, got.reason, got.confidence
        if reason is _DROP:
            continue
        if got.strong is None and len(got.broad) > 1:
            # the other mentions of the document first: "William P. Bundy … Bundy", "President
            # Kennedy … Robert Kennedy … Kennedy"
            named = sorted(((counts[i], i) for i in got.broad if i in counts), reverse=True)
            if named and (len(named) == 1 or named[0][0] >= 2 * named[1][0]):
                i = named[0][1]
                tail = (f"named as '{evidence[i]}' in this document" if len(named) == 1 else
                        f"identified {named[0][0]} times in this document ({cands[named[1][1]].name}: {named[1][0]})")
                ids, reason, conf = [i], f"{got.how} '{text[hit.start:hit.end]}': {cands[i].name}, {tail}", 0.85
        if len(ids) > 1:
            ids, reason, conf = _second_pass(ids, cands, volumes, reason, listed, prior or {})
        span = text[hit.start:hit.end]
        pid = cands[ids[0]].id if len(ids) == 1 else None
        out.append(Mention(hit.start, hit.end, span, pid, conf if pid else 0.0, method, reason, footnote))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Pass:
    ids: list[int]
    reason: str
    confidence: float
    how: str = "surname"
    broad: tuple[int, ...] = ()
    """The candidates the name's form, forenames and honorific leave."""
    strong: int | None = None
    """The person, when the form, forenames, honorific or title alone leave one."""


def _first_pass(
    hit: Hit, text: str, cands: Sequence[Candidate], ctx: Context, year: int | None, forenames: set[str],
    listed: frozenset[int],
) -> _Pass:
    span = text[hit.start:hit.end]
    if hit.fuzzy is not None:
        surname, score = hit.fuzzy
        ids = [hit.options[0][0]]
        if ids[0] not in listed and (year is None or not _era(cands[ids[0]], year)):
            return _Pass([], _DROP, 0.0)
        return _Pass(ids, f"spelling variant of '{surname}' (similarity {score:.0f}): {_name(cands[ids[0]])}", 0.7)
    full = [i for i, k in hit.options if k != "surname"]
    ids = list(dict.fromkeys(full or [i for i, _ in hit.options]))
    how = "full name" if full else "surname"
    words, honorific = _title_words(hit.title)
    if full and all(k == "initials" for i, k in hit.options if i in full) and \
            re.search(r"\b[A-Z]\.\s*$", text[max(0, hit.start - 4):hit.start]):
        # "J. P. Morgan" is not "P. Morgan": an initial more than the form has
        if not any(i in listed for i in full):
            return _Pass([], _DROP, 0.0)
        return _Pass([], f"'{text[max(0, hit.start - 3):hit.end].strip()}': initials of no candidate", 0.0)
    if not full and not any(i in listed for i in ids) and fold_key(span) in forenames \
            and re.match(r" [A-Z][a-z]", text[hit.end:hit.end + 3]):
        return _Pass([], _DROP, 0.0)  # "Victor Emanuel": a forename before another name, not a surname
    if not full and re.match(r"\s+[A-Z]\.\s*[A-Z]", text[hit.end:hit.end + 8]):
        return _Pass([], _DROP, 0.0)  # "Robert H. Lord": a forename, not the surname Robert
    if not full and (listed or year is not None):
        # a surname alone of a person outside the volume's list (the authority's thousands)
        # counts only next to a title, or for a person of the document's years
        keep = [i for i in ids if i in listed or words or honorific
                or (year is not None and _era(cands[i], year))
                or (year is None and len(hit.options) == 1)]
        if not keep:
            return _Pass([], _DROP, 0.0)
        ids = keep
    if not full:
        given_words = _forename_run(hit.title) if text[hit.start - 1:hit.start] in (" ", "\t") else []
        if given_words and (fold_key(given_words[-1]) in forenames or given_words[-1].endswith(".")):
            given = " ".join(given_words)

            def agrees(f: str, g: str) -> bool:
                return fold_key(f) == fold_key(g) or (g.endswith(".") and f[:1] == g[:1])

            keep = [i for i in ids if any(
                any(agrees(f, g) for f in p.forenames for g in given_words) for p in cands[i].parts)]
            if not keep:
                if not any(i in listed for i in ids):
                    return _Pass([], _DROP, 0.0)  # "West Berlin": not a person of the list at all
                return _Pass([], f"'{given} {span}': no candidate of that forename", 0.0)
            ids = keep
    if honorific in FEMALE_TITLES:
        keep = [i for i in ids if _WOMAN.search(cands[i].profile)]
        if not keep:
            return _Pass([], f"'{hit.title} {span}': no woman of that name among the candidates", 0.0)
        ids = keep
    elif honorific in _MALE and len(ids) > 1:
        ids = _narrow(ids, [i for i in ids if not _NOT_MISTER.search(cands[i].profile)])
    if words and words[0] in _RULERS and not any(i in listed for i in ids) and \
            not any(any(w in cands[i].profile for w in words) for i in ids):
        return _Pass([], f"'{hit.title} {span}': no {words[0]} of that name among the candidates", 0.0)
    broad = tuple(ids)
    steps: list[str] = []
    if len(ids) > 1 and words:
        before = len(ids)
        ids = _by_title(ids, cands, words, ctx, listed)
        if len(ids) < before:
            steps.append(f"title '{hit.title}'")
    strong = ids[0] if len(ids) == 1 else None
    if len(ids) > 1:  # the volume's persons list, as its editors identified the persons
        in_list = [i for i in ids if i in listed]
        if in_list and len(in_list) < len(ids):
            ids = in_list
            steps.append("in the volume's persons list")
    if len(ids) > 1 and year is not None:
        alive = [i for i in ids if cands[i].alive(year)]
        if alive and len(alive) < len(ids):
            ids = alive
            steps.append(f"living in {year}")
        if not full:  # a surname, titled or not: only persons something places in those years
            known = [i for i in ids if i in listed or _known_then(cands[i], year)]
            if not known:
                # "Señor Fernandez" in 1884 is neither the Costa Rican president of 1968 nor the
                # Fernandez of 1920: both are known only from other years
                return _Pass([], f"{how} '{span}': {len(ids)} persons of that name, each known only from "
                                 f"other years", 0.0, how, tuple(ids), None)
            if len(known) < len(ids):
                if not any(i in listed or _known_then(cands[i], year, undated=False) for i in known):
                    # the others are known only from other years, these not at all: nothing to go on
                    return _Pass([], f"{how} '{span}': of {len(ids)} persons of that name, those known at all "
                                     f"are known only from other years", 0.0, how, tuple(ids), None)
                active = [i for i in known if i in listed or _active(cands[i], year)]
                if not active:
                    # several bear the name; the others are known only from other years, and these
                    # only from some years away: in an open world that is a namesake as likely
                    # ("Mr. Pacheco" of 1864 is not Romualdo Pacheco, minister in the 1890s)
                    return _Pass([], f"{how} '{span}': {len(ids)} persons of that name, none in office or in a "
                                     f"persons list in {year}", 0.0, how, tuple(ids), None)
                ids = known
                steps.append(f"none known only from other years ({year})")
            active = [i for i in ids if i in listed or _active(cands[i], year)]
            if active and len(active) < len(ids):
                # only what places him there that year narrows: a role held then, a persons list of
                # those years — not roles some years away, which the authority's open world cannot
                # tell from a namesake it does not hold
                ids = active
                steps.append(f"in office or listed in {year}")
        if len(ids) > 1 and ctx.date and words:
            holding = [i for i in ids if cands[i].role_on(ctx.date)]
            if holding and len(holding) < len(ids):
                ids = holding
                steps.append(f"in office on {ctx.date}")
        if len(ids) > 1:
            era = [i for i in ids if _era(cands[i], year)]
            if era and len(era) < len(ids):
                ids = era
                steps.append(f"in persons lists of volumes near {year}")
    if len(ids) > 1 and ctx.place:
        place = fold_key(ctx.place)
        here = [i for i in ids if place and place in cands[i].profile]
        if here and len(here) < len(ids):
            ids = here
            steps.append(f"place {ctx.place}")
    if len(ids) == 1 and not full and year is not None and ids[0] not in listed \
            and not _known_then(cands[ids[0]], year):
        # "Dr. Lozano" in 1934 is not the Lozano Díaz who was Honduras's head of state in 1955
        return _Pass([], f"{how} '{span}': {cands[ids[0]].name} is known only from other years", 0.0, how,
                     broad, None)
    if len(ids) == 1:
        cand = cands[ids[0]]
        if not steps:
            where = "the volume's persons list" if ids[0] in listed else "the candidates"
            conf = 0.95 if full or ids[0] in listed else 0.85
            return _Pass(ids, f"{how} '{span}': only {cand.name} in {where}", conf, how, broad, strong)
        return _Pass(ids, f"{how} '{span}': {cand.name} ({'; '.join(steps)})", 0.85 if full else 0.8, how, broad,
                     strong)
    return _Pass(ids, f"{how} '{span}'" + (f" ({'; '.join(steps)})" if steps else ""), 0.0, how, broad, strong)


def _second_pass(
    ids: list[int], cands: Sequence[Candidate], volumes: set[str], reason: str, listed: frozenset[int],
    prior: dict[int, int],
) -> tuple[list[int], str, float]:
    if prior:
        seen = sorted(((prior.get(i, 0), i) for i in ids), reverse=True)
        if seen[0][0] >= 3 and seen[0][0] >= 3 * seen[1][0]:
            i = seen[0][1]
            return [i], (f"{reason}: {cands[i].name}, named {seen[0][0]} times in the other documents "
                         f"of the volume ({cands[seen[1][1]].name}: {seen[1][0]})"), 0.6
    others = [i for i in ids if cands[i].volumes]
    # two persons of the volume's own list stay apart: the lists they share elsewhere say
    # nothing about which one this document means (Newton D. vs Ray Stannard Baker in 1919)
    if volumes and others and sum(1 for i in ids if i in listed) < 2:
        shared = sorted(((len(cands[i].volumes & volumes), i) for i in others), reverse=True)
        if shared[0][0] > 0 and (len(shared) == 1 or shared[0][0] > shared[1][0]):
            i = shared[0][1]
            return [i], f"{reason}: {cands[i].name}, in {shared[0][0]} persons lists with the others named here", 0.7
    weights = sorted(((cands[i].weight, i) for i in ids), reverse=True)
    if len(weights) > 1 and weights[0][0] >= 3 * weights[1][0] and weights[0][0] >= 3 \
            and sum(1 for i in ids if i in listed) < 2:
        i = weights[0][1]
        return [i], f"{reason}: {cands[i].name}, the most frequent ({weights[0][0]} sources vs {weights[1][0]})", 0.6
    names = ", ".join(cands[i].name for i in ids[:3]) + (" …" if len(ids) > 3 else "")
    return ids, f"{reason}: ambiguous between {len(ids)} persons ({names})", 0.0


__all__ = ["Context", "Hit", "resolve"]
