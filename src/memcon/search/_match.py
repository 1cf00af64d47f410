"""Where a query matches in one field of a hit: the words of its matches, as character offsets.

The index says *which* documents match; this module finds *where*, so that the
snippet shows the passage that satisfies the query and the hit is cited to the
page where that passage begins (docs/search.md#ranking-snippets-and-pages).

A query is reduced to its positive **leaves** (never a word under ``NOT``), each
with the fields it may match in:

* a word (``Term``): one word equal to it, or starting with it for ``stem*``; a
  word the analyser splits (``U.S.``) is the phrase of its parts;
* a phrase: its words at consecutive positions, in order;
* ``NEAR(…, N)`` and ``"…"~N``: every word at its own position, all of them in a
  span holding at most N other words, in any order (what docs/search.md promises
  and what :mod:`memcon.search._compile` asks tantivy for);
* ``AND`` / ``OR``: the leaves of their positive children.

A field's text is tokenised as the index's analyser does (tantivy's ``simple``
tokenizer: runs of letters and digits; lower case; ASCII folding; words of 40
bytes or more dropped but still taking a position), with ``[Page N]`` markers
and footnote anchors blanked out beforehand (same length, so offsets stay
offsets into ``Document.text``).  Only the words that can belong to a leaf are
looked at: one regular expression finds them (a word equal to a query word, a
word starting with a stem, or any word holding a non-ASCII letter, which is
then folded by the analyser itself), and positions between them are counted
with a second one, in C.  A word that the analyser would split differently
from Python's ``str.isalnum`` runs (letters Unicode calls alphabetic but Python
does not, such as some combining vowel signs) can make the matcher miss a
match tantivy found; the caller then falls back to tantivy's snippet.

DOCS: docs/search.md#ranking-snippets-and-pages
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import tantivy

from memcon.search._schema import MAX_TOKEN_BYTES, TEXT_FIELDS
from memcon.search.query import And, Field, Near, Node, Not, Or, Phrase, Term

MATCHER = "memcon.first_match.v1"
"""Name and version of the algorithm that places snippets and pages (docs/search.md)."""

_WORD = re.compile(r"[^\W_]+")
"""A word as tantivy's simple tokenizer sees it: a run of letters and digits."""

Item = tuple[str, bool]
"""A query word, folded, and whether it is a prefix (``stem*``)."""


@dataclass(frozen=True, slots=True)
class Leaf:
    """A positive part of a query that matches at a place: ``distance`` None means the items at
    consecutive positions in order (a word or a phrase), a number means all of them within that many
    other words, in any order (NEAR)."""

    items: tuple[Item, ...]
    distance: int | None
    fields: frozenset[str]

    @property
    def span(self) -> int:
        """The most positions a match can cover."""
        return len(self.items) + (self.distance or 0)


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a field: character offsets, position (word count from the field's start), folded form."""

    start: int
    end: int
    position: int
    fold: str


@dataclass(frozen=True, slots=True)
class Match:
    """The words of one match of a leaf, in position order."""

    words: tuple[Word, ...]

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    @property
    def first(self) -> int:
        return self.words[0].position


def leaves(node: Node, analyzer: tantivy.TextAnalyzer) -> list[Leaf]:
    """The positive leaves of ``node`` (as :mod:`memcon.search._compile` reads them)."""
    out: list[Leaf] = []
    _collect(node, analyzer, frozenset(TEXT_FIELDS), out)
    return out


def _term_items(term: Term, analyzer: tantivy.TextAnalyzer) -> list[Item]:
    tokens = list(analyzer.analyze(term.text))
    return [(t, term.prefix and i == len(tokens) - 1) for i, t in enumerate(tokens)]


def _collect(node: Node, analyzer: tantivy.TextAnalyzer, fields: frozenset[str], out: list[Leaf]) -> None:
    if not fields:
        return
    if isinstance(node, Term):
        items = _term_items(node, analyzer)
        if items:
            out.append(Leaf(tuple(items), None, fields))
    elif isinstance(node, Phrase):
        if node.slop:
            _collect(Near(tuple(Term(w) for w in node.words), node.slop), analyzer, fields, out)
            return
        tokens = [t for w in node.words for t in analyzer.analyze(w)]
        if tokens:
            out.append(Leaf(tuple((t, False) for t in tokens), None, fields))
    elif isinstance(node, Near):
        items = [item for term in node.terms for item in _term_items(term, analyzer)]
        if len(items) == 1:
            out.append(Leaf(tuple(items), None, fields))
        elif items:
            # more than _compile.MAX_PERMUTED items are one ordered sloppy phrase in the index; any order
            # here finds a superset, so a document the index matched still has its match found
            out.append(Leaf(tuple(items), node.distance, fields))
    elif isinstance(node, Field):
        _collect(node.node, analyzer, fields & {node.name}, out)
    elif isinstance(node, (And, Or)):
        for child in node.children:
            _collect(child, analyzer, fields, out)
    elif isinstance(node, Not):
        return
    else:  # pragma: no cover - the tree has no other node
        raise TypeError(f"not a query node: {node!r}")


def _matches(item: Item, fold: str) -> bool:
    token, prefix = item
    return fold.startswith(token) if prefix else fold == token


class FieldMatcher:
    """Finds the matches of some leaves in texts of one field (build once per query and field)."""

    def __init__(self, leaves: Sequence[Leaf], analyzer: tantivy.TextAnalyzer) -> None:
        self.leaves = tuple(leaves)
        self._analyzer = analyzer
        exact = sorted({t for leaf in self.leaves for t, p in leaf.items if not p}, key=len, reverse=True)
        stems = sorted({t for leaf in self.leaves for t, p in leaf.items if p}, key=len, reverse=True)
        self._exact = frozenset(exact)
        self._stems = tuple(stems)
        branches = []
        if exact:
            branches.append("(?:" + "|".join(re.escape(t) for t in exact) + r")(?![^\W_])")
        if stems:
            branches.append("(?:" + "|".join(re.escape(t) for t in stems) + r")[^\W_]*")
        branches.append(r"[a-zA-Z0-9]*+[^\W_\x00-\x7f][^\W_]*")  # any word with a non-ASCII letter
        self._candidates = re.compile(r"(?<![^\W_])(?:" + "|".join(branches) + ")", re.IGNORECASE)
        self._positions = any(len(leaf.items) > 1 for leaf in self.leaves)
        self._span = max((leaf.span for leaf in self.leaves), default=1)
        self._fold = lru_cache(maxsize=4096)(self._fold_uncached)

    def _fold_uncached(self, word: str) -> str | None:
        tokens = list(self._analyzer.analyze(word))
        return tokens[0] if len(tokens) == 1 else None

    def _wanted(self, fold: str) -> bool:
        return fold in self._exact or fold.startswith(self._stems)

    def words(self, text: str, start: int = 0, stop: int | None = None) -> Iterator[Word]:
        """The words of ``text[start:stop]`` that can belong to a match, in order, with their
        positions (counted from ``start``)."""
        position = -1
        last_end = start
        count = self._positions
        limit = len(text) if stop is None else stop
        for m in self._candidates.finditer(text, start):
            if m.end() > limit:
                return
            word = m.group()
            if word.isascii():
                fold: str | None = word.lower() if len(word) < MAX_TOKEN_BYTES else None
            else:
                fold = self._fold(word)
            if fold is None or not self._wanted(fold):
                continue
            begin = m.start()
            position += 1 + (len(_WORD.findall(text, last_end, begin)) if count else 0)
            last_end = m.end()
            yield Word(begin, last_end, position, fold)

    def _scan(self, text: str, start: int, stop: int | None) -> Iterator[tuple[Word, list[Match]]]:
        """Each word of ``text[start:stop]`` that can belong to a match, and the matches ending at it
        (for a NEAR, the tightest one)."""
        recent: deque[Word] = deque()
        for word in self.words(text, start, stop):
            recent.append(word)
            while recent[0].position <= word.position - self._span:
                recent.popleft()
            found = [m for m in (_ending_at(leaf, recent, word) for leaf in self.leaves) if m is not None]
            yield word, found

    def first(self, text: str) -> Match | None:
        """The match that begins first (the earlier-ending on ties); ``None`` if there is none."""
        best: Match | None = None
        for word, found in self._scan(text, 0, None):
            if best is not None and word.position >= best.first + self._span - 1:
                break  # a match beginning before ``best`` would have ended by now
            for match in found:
                if best is None or (match.first, match.words[-1].position) < (
                    best.first,
                    best.words[-1].position,
                ):
                    best = match
        return best

    def within(self, text: str, start: int, stop: int) -> list[Match]:
        """Every match lying wholly in ``text[start:stop]``."""
        return [m for _, found in self._scan(text, start, stop) for m in found]


def _ending_at(leaf: Leaf, recent: deque[Word], last: Word) -> Match | None:
    """The match of ``leaf`` whose last word is ``last`` (the tightest), among ``recent`` words."""
    items = leaf.items
    if leaf.distance is None:
        if not _matches(items[-1], last.fold):
            return None
        if len(items) == 1:
            return Match((last,))
        by_position = {w.position: w for w in recent}
        words = []
        for i, item in enumerate(items):
            w = by_position.get(last.position - (len(items) - 1 - i))
            if w is None or not _matches(item, w.fold):
                return None
            words.append(w)
        return Match(tuple(words))
    lowest = last.position - leaf.span + 1
    pool = [w for w in recent if w.position >= lowest and w is not last]
    pool.reverse()  # latest first: the first complete assignment found is the tightest
    for i, item in enumerate(items):
        if not _matches(item, last.fold):
            continue
        rest = items[:i] + items[i + 1 :]
        for floor_index in range(len(pool)):
            chosen = _assign(rest, pool[: floor_index + 1])
            if chosen is not None:
                return Match(tuple(sorted((*chosen, last), key=lambda w: w.position)))
    return None


def _assign(items: Sequence[Item], pool: Sequence[Word]) -> list[Word] | None:
    """Distinct words of ``pool`` for each of ``items`` (backtracking; a handful of each)."""
    if not items:
        return []
    item, rest = items[0], items[1:]
    for i, w in enumerate(pool):
        if _matches(item, w.fold):
            others = _assign(rest, [*pool[:i], *pool[i + 1 :]])
            if others is not None:
                return [w, *others]
    return None
