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

from memcon.enrich._candidates import Candidate
from memcon.enrich._names import FEMALE_TITLES, TITLES, fold_key
from memcon.model.people import Mention
from memcon.model.records import Document

_DROP = "not a name here"
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
    "general": ("general", "gen."),
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


def _by_title(ids: list[int], cands: Sequence[Candidate], words: list[str], ctx: Context) -> list[int]:
    if not words:
        return ids
    scores: list[tuple[int, int]] = []
    for i in ids:
        profile = cands[i].profile
        role = cands[i].role_on(ctx.date) if ctx.date else None
        text = f"{profile} {role.title.lower()}" if role else profile
        score = sum(1 for w in words if any(s in text for s in _SYNONYMS.get(w, (w,))))
        scores.append((score, i))
    best = max(s for s, _ in scores)
    return [i for s, i in scores if s == best] if best else ids


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
    staged: list[tuple[int | None, str, Hit, list[int], str, float]] = []
    evidence: dict[int, str] = {}
    counts: dict[int, int] = {}
    for footnote, text, hits in all_hits:
        for hit in hits:
            ids, reason, conf = _first_pass(hit, text, cands, ctx, year, forenames, listed)
            staged.append((footnote, text, hit, ids, reason, conf))
            if len(ids) == 1 and hit.fuzzy is None:
                evidence.setdefault(ids[0], text[hit.start:hit.end])
                counts[ids[0]] = counts.get(ids[0], 0) + 1
    volumes: set[str] = set()
    for i in evidence:
        volumes |= cands[i].volumes
    out: list[Mention] = []
    for footnote, text, hit, ids, reason, conf in staged:
        if len(ids) > 1:
            ids, reason, conf = _second_pass(ids, cands, evidence, counts, volumes, reason, listed, prior or {})
        if reason is _DROP:
            continue
        span = text[hit.start:hit.end]
        pid = cands[ids[0]].id if len(ids) == 1 else None
        out.append(Mention(hit.start, hit.end, span, pid, conf if pid else 0.0, method, reason, footnote))
    return tuple(out)


def _first_pass(
    hit: Hit, text: str, cands: Sequence[Candidate], ctx: Context, year: int | None, forenames: set[str],
    listed: frozenset[int],
) -> tuple[list[int], str, float]:
    span = text[hit.start:hit.end]
    if hit.fuzzy is not None:
        surname, score = hit.fuzzy
        ids = [hit.options[0][0]]
        if ids[0] not in listed and (year is None or not _era(cands[ids[0]], year)):
            return [], _DROP, 0.0
        return ids, f"spelling variant of '{surname}' (similarity {score:.0f}): {_name(cands[ids[0]])}", 0.7
    full = [i for i, k in hit.options if k != "surname"]
    ids = list(dict.fromkeys(full or [i for i, _ in hit.options]))
    how = "full name" if full else "surname"
    words, honorific = _title_words(hit.title)
    if full and all(k == "initials" for i, k in hit.options if i in full) and \
            re.search(r"\b[A-Z]\.\s*$", text[max(0, hit.start - 4):hit.start]):
        # "J. P. Morgan" is not "P. Morgan": an initial more than the form has
        if not any(i in listed for i in full):
            return [], _DROP, 0.0
        return [], f"'{text[max(0, hit.start - 3):hit.end].strip()}': initials of no candidate", 0.0
    if not full and re.match(r"\s+[A-Z]\.\s*[A-Z]", text[hit.end:hit.end + 8]):
        return [], _DROP, 0.0  # "Robert H. Lord": a forename, not the surname Robert
    if not full and (listed or year is not None):
        # a surname alone of a person outside the volume's list (the authority's thousands)
        # counts only next to a title, or for a person of the document's years
        keep = [i for i in ids if i in listed or words or honorific
                or (year is not None and _era(cands[i], year))
                or (year is None and len(hit.options) == 1)]
        if not keep:
            return [], _DROP, 0.0
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
                    return [], _DROP, 0.0  # "West Berlin": not a person of the list at all
                return [], f"'{given} {span}': no candidate of that forename", 0.0
            ids = keep
    if honorific in FEMALE_TITLES:
        keep = [i for i in ids if _WOMAN.search(cands[i].profile)]
        if not keep:
            return [], f"'{hit.title} {span}': no woman of that name among the candidates", 0.0
        ids = keep
    elif honorific in _MALE and len(ids) > 1:
        ids = _narrow(ids, [i for i in ids if not _NOT_MISTER.search(cands[i].profile)])
    steps: list[str] = []
    if len(ids) > 1 and words:
        before = len(ids)
        ids = _by_title(ids, cands, words, ctx)
        if len(ids) < before:
            steps.append(f"title '{hit.title}'")
    if len(ids) > 1:
        in_list = [i for i in ids if i in listed]
        if in_list and len(in_list) < len(ids):
            ids = in_list
            steps.append("in the volume's persons list")
    if len(ids) > 1 and year is not None:
        alive = [i for i in ids if cands[i].alive(year)]
        if alive and len(alive) < len(ids):
            ids = alive
            steps.append(f"living in {year}")
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
    if len(ids) == 1:
        cand = cands[ids[0]]
        if not steps:
            where = "the volume's persons list" if ids[0] in listed else "the candidates"
            return ids, f"{how} '{span}': only {cand.name} in {where}", 0.95 if full or ids[0] in listed else 0.85
        return ids, f"{how} '{span}': {cand.name} ({'; '.join(steps)})", 0.85 if full else 0.8
    return ids, f"{how} '{span}'" + (f" ({'; '.join(steps)})" if steps else ""), 0.0


def _second_pass(
    ids: list[int], cands: Sequence[Candidate], evidence: dict[int, str], counts: dict[int, int],
    volumes: set[str], reason: str, listed: frozenset[int], prior: dict[int, int],
) -> tuple[list[int], str, float]:
    named = [i for i in ids if i in evidence]
    if len(named) == 1:
        return named, f"{reason}: {cands[named[0]].name}, named as '{evidence[named[0]]}' in this document", 0.85
    if named:
        ids = named
        ranked = sorted(((counts.get(i, 0), i) for i in named), reverse=True)
        if ranked[0][0] >= 2 * ranked[1][0]:
            i = ranked[0][1]
            return [i], (f"{reason}: {cands[i].name}, named unambiguously {ranked[0][0]} times in this "
                         f"document ({cands[ranked[1][1]].name}: {ranked[1][0]})"), 0.7
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
    if len(weights) > 1 and weights[0][0] >= 3 * weights[1][0] and weights[0][0] >= 3:
        i = weights[0][1]
        return [i], f"{reason}: {cands[i].name}, the most frequent ({weights[0][0]} sources vs {weights[1][0]})", 0.6
    names = ", ".join(cands[i].name for i in ids[:3]) + (" …" if len(ids) > 3 else "")
    return ids, f"{reason}: ambiguous between {len(ids)} persons ({names})", 0.0


__all__ = ["Context", "Hit", "resolve"]
