"""Names linked to persons: :class:`~memcon.model.people.Mention` records for every stretch of a
document's text (and of its footnotes) that names a person of the candidate set.

The candidates are pluggable (:mod:`memcon.enrich._candidates`): the volume's own list of
persons (``VOLUME#xml_id``), the person authority (memcon ids), or both merged.  A
:class:`Linker` compiles their name forms once — surname, forenames and initials ("N. S.
Khrushchev", "A.A. Gromyko"), inverted forms, upper case ("A. GROMYKO") — into one
Aho-Corasick automaton (pyahocorasick) searched over the text folded character for character
(accents, apostrophes), so offsets are the text's own.  Word boundaries are respected,
possessives ("Gromyko's") keep the name alone, "[Page N]" markers are not names, and English
words that are also surnames ("Page", "House", "White") count only where a name can stand.
Spelling variants ("Hillenbrandt", "Suhodrev") next to other names are found with rapidfuzz
against the candidates' surnames, with a strict threshold; Russian originals are read through
a transliteration (:func:`Linker.link_text`).

When several candidates share a name the linker narrows them, in order, by: the name form
(a full name is one person), a conflicting forename before a surname ("Charles Jones"), the
honorific ("Mrs." keeps only women, "Mr." is no US President), the title next to the name
("President Johnson" vs "Mr. Johnson", "The Ambassador in Japan (Morris)"), the document's own
other mentions ("William P. Bundy … Bundy"), the volume's persons list, the document's date
(life dates, roles held that day, persons lists of the years) and place, and only when
decisive frequency (in the volume's other documents with :meth:`Linker.link_documents`, then
shared persons lists, then the authority's sources).  Still ambiguous, the mention is kept with
``person_id=None`` and says why — never a guess.  Every mention carries a one-line reason.

The editors' own ``persName`` tags (``Document.annotations``) are the answer key: the linker
never reads them.

DOCS: docs/linking.md
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick
from rapidfuzz import fuzz, process

from memcon.enrich._candidates import Candidate, merge_candidates, person_candidates, volume_candidates
from memcon.enrich._names import (
    COMMON_WORDS,
    CYRILLIC,
    NOT_SURNAMES,
    RUSSIAN_ENDINGS,
    TITLES,
    fold,
    fold_key,
    name_forms,
    transliterate,
)
from memcon.enrich._resolve import Context, Hit, resolve
from memcon.model.people import Mention
from memcon.model.records import Document

LINKER = "memcon.linker"
VERSION = "1"
METHOD = f"{LINKER}.v{VERSION}"
"""Stored as every mention's ``method``."""

FUZZY_THRESHOLD = 90.0
"""rapidfuzz ``ratio`` (0–100) a capitalised word must reach against a candidate surname to be
read as a spelling variant of it ("Hillenbrandt" ~ "Hillenbrand": 95.7)."""

_BLOCK = frozenset("-")
_WORD_REST = re.compile(r"\w+")
_CAP_WORD = re.compile(r"\b[A-Z][a-z]{4,}\b")
_LISTED_AFTER = re.compile(r"(?:'s)?(?:,\s*|\s+and\s+|\s+[-–—]\s+|;\s*|\s+or\s+)(?P<w>[A-Z][a-z]{4,})\b")
_LISTED_BEFORE = re.compile(r"\b(?P<w>[A-Z][a-z]{4,})(?:,\s*|\s+and\s+|\s+[-–—]\s+|;\s*|\s+or\s+)$")
_FUZZY_WINDOW = 40
_NOT_NAMES = frozenset(
    """the this that these those there then they their when where which while what with would
    after before during since soviet american british french german russian chinese cuban
    president secretary ambassador minister chairman government department embassy general
    january february march april june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday washington moscow london paris berlin
    vienna geneva union states united nations council committee congress senate house""".split()
)


_NOT_FORENAMES = COMMON_WORDS | NOT_SURNAMES | {"north", "south", "east", "west", "new", "old", "upper", "lower"}


@dataclass(frozen=True, slots=True)
class _Key:
    length: int
    options: tuple[tuple[int, str], ...]
    upper: bool
    common: bool


class Linker:
    """A compiled candidate set: build once (per volume, or once for the authority), link
    any number of documents.

    ``fuzzy`` turns on spelling variants (rapidfuzz, :data:`FUZZY_THRESHOLD`)."""

    def __init__(self, candidates: Iterable[Candidate], *, fuzzy: bool = True) -> None:
        self.candidates: tuple[Candidate, ...] = tuple(candidates)
        self.fuzzy = fuzzy
        table: dict[str, dict[tuple[int, str], None]] = {}
        self.forenames: set[str] = set()
        self._surnames: dict[tuple[str, int], list[tuple[str, int]]] = {}
        self._fuzzy_cache: dict[str, tuple[str, int, float] | None] = {}
        for idx, cand in enumerate(self.candidates):
            for parts in cand.parts:
                for form, kind in name_forms(parts):
                    for variant in {fold(form), fold(form).upper()}:
                        table.setdefault(variant, {})[(idx, kind)] = None
                self.forenames.update(fold_key(w) for w in parts.forenames
                                      if len(w.rstrip(".")) > 1 and fold_key(w) not in _NOT_FORENAMES)
                sur = fold(parts.surname)
                if len(sur) >= 5 and " " not in sur:
                    bucket = self._surnames.setdefault((sur[0].upper(), len(sur)), [])
                    if (sur, idx) not in bucket:
                        bucket.append((sur, idx))
        self._automaton = ahocorasick.Automaton()
        for key, options in table.items():
            kinds = tuple(options)
            self._automaton.add_word(key, _Key(
                len(key), kinds, key.isupper() and len(key) > 1,
                all(k == "surname" for _, k in kinds) and key.lower() in COMMON_WORDS,
            ))
        self.empty = not table
        if table:
            self._automaton.make_automaton()
        self.listed: frozenset[int] = frozenset(i for i, c in enumerate(self.candidates) if c.listed)
        self._index: dict[str, int] = {c.id: i for i, c in enumerate(self.candidates)}

    def with_listed(self, ids: Iterable[str]) -> Linker:
        """This linker (its automaton shared, nothing rebuilt) with the persons whose ids are
        given counted as the volume's persons list: one authority-wide linker, reused for
        each volume."""
        wanted = set(ids)
        other = self._copy()
        other.listed = frozenset(i for i, c in enumerate(self.candidates) if c.id in wanted)
        return other

    def _copy(self) -> Linker:
        other = object.__new__(Linker)
        for name in ("candidates", "fuzzy", "forenames", "_surnames", "_fuzzy_cache", "_automaton", "empty",
                     "listed", "_index"):
            setattr(other, name, getattr(self, name))
        return other

    def link_documents(self, documents: Iterable[Document]) -> list[tuple[Mention, ...]]:
        """The mentions of several documents of one volume (or one batch), in two passes: the
        second re-reads the documents where a name stayed ambiguous, now knowing how often
        each person was named unambiguously in the others (frequency, the last step: a person
        named at least three times as often as the next, and at least three times)."""
        found = [(Context.of(d), self._hits(_texts_of(d))) for d in documents]
        first = [self._resolve(hits, ctx) for ctx, hits in found]
        counts = Counter(m.person_id for ms in first for m in ms if m.person_id and m.confidence >= 0.8)
        if not counts or not any(m.person_id is None for ms in first for m in ms):
            return first
        prior = {self._index[pid]: n for pid, n in counts.items() if pid in self._index}
        return [self._resolve(hits, ctx, prior=prior) if any(m.person_id is None for m in ms) else ms
                for (ctx, hits), ms in zip(found, first, strict=True)]

    # -- public -------------------------------------------------------------------------------

    def link(self, document: Document) -> tuple[Mention, ...]:
        """The mentions in ``document.text`` and in each footnote (``footnote=`` its index),
        in text order, footnotes after the text.  ``document.annotations`` is never read."""
        return self._resolve(self._hits(_texts_of(document)), Context.of(document))

    def link_text(
        self, text: str, *, date: str | None = None, place: str | None = None, footnote: int | None = None
    ) -> tuple[Mention, ...]:
        """The mentions in any ``text`` (a transcript, a summary): offsets into ``text``.
        A text in Cyrillic is searched through a transliteration, Russian case endings
        allowed ("Громыко", "Хрущева")."""
        return self._resolve(self._hits([(footnote, text)]), Context(date=date, place=place))

    # -- scanning -----------------------------------------------------------------------------

    def _resolve(
        self, all_hits: list[tuple[int | None, str, list[Hit]]], ctx: Context, *, prior: dict[int, int] | None = None
    ) -> tuple[Mention, ...]:
        return resolve(all_hits, self.candidates, ctx, method=METHOD, forenames=self.forenames, listed=self.listed,
                       prior=prior)

    def _hits(self, texts: Sequence[tuple[int | None, str]]) -> list[tuple[int | None, str, list[Hit]]]:
        all_hits: list[tuple[int | None, str, list[Hit]]] = []
        if self.empty:
            return all_hits
        for footnote, text in texts:
            if not text:
                continue
            if not text.isascii() and CYRILLIC.search(text):
                latin, back = transliterate(text)
                hits = self._scan(latin, russian=True)
                hits = [Hit(back[h.start], back[h.end - 1] + 1, h.options, h.title, h.fuzzy) for h in hits]
            else:
                hits = self._scan(fold(text))
            all_hits.append((footnote, text, hits))
        return all_hits

    def _scan(self, folded: str, *, russian: bool = False) -> list[Hit]:
        n = len(folded)
        found: list[tuple[int, int, _Key]] = []
        for last, key in self._automaton.iter(folded):
            end = last + 1
            start = end - key.length
            before = folded[start - 1] if start else " "
            if before.isalnum() or before in _BLOCK:
                continue
            if before == "[" and folded.startswith("Page ", start):
                continue  # "[Page 226]": the page marker, not Ambassador Page
            if end < n:
                after = folded[end]
                if after.isalnum() and folded[end - 1] != ".":
                    if not russian:
                        continue
                    tail = _WORD_REST.match(folded, end)
                    if tail is None or tail.group().lower() not in RUSSIAN_ENDINGS:
                        continue
                    end = tail.end()  # "Хрущевым": the name with its case ending
                elif after in _BLOCK:
                    continue
            if key.common and not _common_word_is_name(folded, start, end, key.upper):
                continue
            if _INSTITUTION.match(folded, end):
                continue  # "Kennedy Library", "Marshall Plan": named after a person, not the person
            found.append((start, end, key))
        found.sort(key=lambda t: (t[0], t[0] - t[1]))
        hits: list[Hit] = []
        last_end = -1
        for start, end, key in found:
            if start < last_end:
                continue
            hits.append(Hit(start, end, key.options, _title_before(folded, start)))
            last_end = end
        if self.fuzzy and hits and not russian:
            hits = self._fuzzy(folded, hits)
        elif self.fuzzy and russian:
            hits = self._fuzzy(folded, hits, anywhere=True)
        return hits

    def _fuzzy(self, folded: str, hits: list[Hit], *, anywhere: bool = False) -> list[Hit]:
        """Capitalised words listed next to names found ("Rusk, Thompson, Hillenbrandt and
        Akalovsky": separated by a comma, "and", a dash or a semicolon) that spell a
        candidate's surname differently; in a transliterated text, every capitalised word."""
        starts = [h.start for h in hits]
        ends = [h.end for h in hits]
        spots: list[re.Match[str]] = []
        if anywhere:
            spots.extend(_CAP_WORD.finditer(folded))
        else:
            for h in hits:
                after = _LISTED_AFTER.match(folded, h.end)
                if after:
                    spots.append(after)
                before = _LISTED_BEFORE.search(folded, max(0, h.start - _FUZZY_WINDOW), h.start)
                if before:
                    spots.append(before)
        extra: dict[int, Hit] = {}
        for m in spots:
            word = m.group("w") if "w" in m.re.groupindex else m.group()
            s, e = (m.start("w"), m.end("w")) if "w" in m.re.groupindex else m.span()
            k = bisect_right(starts, s) - 1
            if s in extra or (k >= 0 and ends[k] > s) or (k + 1 < len(starts) and starts[k + 1] < e):
                continue
            low = word.lower()
            if low in _NOT_NAMES or low in COMMON_WORDS or low in NOT_SURNAMES or low[:-1] in NOT_SURNAMES:
                continue
            match = self._fuzzy_match(word)
            if match is None:
                continue
            surname, idx, score = match
            extra[s] = Hit(s, e, ((idx, "surname"),), _title_before(folded, s), (surname, score))
        if not extra:
            return hits
        return sorted([*hits, *extra.values()], key=lambda h: h.start)

    def _fuzzy_match(self, word: str) -> tuple[str, int, float] | None:
        if word in self._fuzzy_cache:
            return self._fuzzy_cache[word]
        best: tuple[str, int, float] | None = None
        for length in range(len(word) - 2, len(word) + 3):
            bucket = self._surnames.get((word[0], length))
            if not bucket:
                continue
            got = process.extractOne(word, [s for s, _ in bucket], scorer=fuzz.ratio,
                                     score_cutoff=FUZZY_THRESHOLD)
            if got is not None and (best is None or got[1] > best[2]):
                surname = got[0]
                if word == surname or word in (surname + "s", surname + "es"):
                    continue  # "the Kennedys": a family, not the person
                best = (surname, bucket[got[2]][1], float(got[1]))
        self._fuzzy_cache[word] = best
        return best


def _texts_of(document: Document) -> list[tuple[int | None, str]]:
    texts: list[tuple[int | None, str]] = [(None, document.text)]
    texts.extend((i, note.text) for i, note in enumerate(document.footnotes))
    return texts


def _common_word_is_name(folded: str, start: int, end: int, upper: bool) -> bool:
    """Whether an English word that is also a surname ("Page", "House") stands as a name here."""
    if upper:
        return False
    after = folded[end:end + 3]
    if re.match(r"\s?\d", after):
        return False  # "Page 5"
    window = folded[max(0, start - 30):start]
    prev = re.search(r"(^|.)\s*\b([A-Za-z]+)\.?[ \t]+$", window)
    if prev and fold_key(prev.group(2)) in TITLES:
        return True  # "Colonel House of this action", "Mr. Root"
    if re.match(r" [A-Z]", after) or re.match(r" of\b", folded[end:end + 4]):
        return False  # "White House", "House of Commons"
    head = folded[max(0, start - 4):start].lower()
    if head.endswith(("the ", " a ", "an ", "our ", " of ")):
        return False
    if prev and prev.group(2)[0].isupper() and prev.group(2) not in _LEADS \
            and prev.group(1) not in (".", "!", "?", "\n", ":", "", "["):
        return False  # "International Law": part of a longer capitalised phrase
    line_start = folded.rfind("\n", 0, start) + 1
    prefix = folded[line_start:start].rstrip()
    if not prefix or prefix in ("[From", "From"):  # a signature ("Page"), "[From House.]", a sentence
        line_end = folded.find("\n", end)
        rest = folded[end:line_end if line_end >= 0 else len(folded)].strip()
        return rest in ("", ".", "'s", ".]") or folded[end:end + 2] == "'s" or bool(_REPORTING.match(folded, end))
    last = re.search(r"(\w+)\.$", prefix)
    if prefix[-1] in ".!?:" and not (last and (fold_key(last.group(1)) in TITLES or last.group(1) == "St"
                                              or re.fullmatch(r"[A-Z]", last.group(1)))):
        return folded[end:end + 2] == "'s" or bool(_REPORTING.match(folded, end))
    return True


_LEADS = frozenset({"Dear", "My", "From", "To", "For", "By", "With", "And", "Of", "Tell", "Ask", "Advise",
                    "Inform", "Please", "Thank", "See", "Cable", "Wire"})
_INSTITUTION = re.compile(
    r"(?:'s)? (?:Library|Center|Centre|Foundation|Institute|Doctrine|Plan|Round|Line|Act|"
    r"Memorial|Prize|University|College|School|Hall|Street|Avenue|Square|Airport|Administration)\b"
)
_REPORTING = re.compile(
    r" (?:said|says|thinks|thought|reports|reported|told|tells|has|had|was|is|will|would|believes|states|"
    r"stated|asked|informed|replied|agreed|arrived|left|called|suggested|wishes|wants|writes|wrote|cables|"
    r"telegraphs|telegraphed|cabled|expects|hopes|feels|considers|proposes|proposed|desires|leaves|sails)\b"
)
_TITLE_TOKEN = re.compile(r"(?:[A-Z][\w'-]*|of|the|for|in|at|to)\.?,?")
_ABBREVIATIONS = frozenset("Mr Mrs Dr Gen Col Adm Capt Lt Maj Gov Sen Rev St Messrs Mme M".split())


def _title_before(folded: str, start: int) -> str | None:
    """The capitalised words just before a name on its line ("Foreign Minister", "The
    Ambassador in Great Britain (" → "The Ambassador in Great Britain"), not across the end of
    a sentence ("the Secretary. Later (Bundy)" → "Later"), or ``None``."""
    seg = folded[max(0, start - 80):start]
    if seg.endswith("("):
        seg = seg[:-1].rstrip() + " "
    if not seg or seg[-1] not in " \t":
        return None
    line = seg[seg.rfind("\n") + 1:].split()
    taken: list[str] = []
    for token in reversed(line[-7:]):
        opened = token[:1] in "(“\"'["
        token = token.lstrip("(“\"'[")
        if not _TITLE_TOKEN.fullmatch(token):
            break
        core = token.rstrip(",")
        if core[-1:] in ".!?" and core[:-1] not in _ABBREVIATIONS and len(core) > 2:
            break  # the end of the sentence before
        taken.append(token)
        if opened:
            break  # "(Mrs. Wilson’s Secretary)": the phrase starts inside the parenthesis
    return " ".join(reversed(taken)) or None


def link_document(
    document: Document,
    candidates: Linker | Iterable[Candidate],
    *,
    fuzzy: bool = True,
) -> tuple[Mention, ...]:
    """The mentions of persons in ``document`` (text and footnotes), each with ``person_id``
    (a candidate's id, or ``None`` when ambiguous), ``confidence``, ``method``
    (:data:`METHOD`) and a one-line ``reason``.

    ``candidates`` is a :class:`Linker` (compile once, link many documents) or candidates
    (:func:`volume_candidates`, :func:`person_candidates`, :func:`merge_candidates`).
    Never reads ``document.annotations``."""
    linker = candidates if isinstance(candidates, Linker) else Linker(candidates, fuzzy=fuzzy)
    return linker.link(document)


__all__ = [
    "FUZZY_THRESHOLD", "LINKER", "METHOD", "VERSION", "Candidate", "Linker", "link_document",
    "merge_candidates", "person_candidates", "volume_candidates",
]
