"""Compile a :mod:`memcon.search.query` tree into tantivy queries (engine ``memcon.tantivy.v1``).

What each node means here (docs/search.md#what-a-query-matches):

* ``Term`` — the word, analysed like the indexed text (lower case, accents
  folded); a word the analyser splits (``U.S.``, ``so-called``) is the phrase of
  its parts.  Searched in heading (boosted ×2), text and footnotes.
* ``Term(prefix=True)`` — every indexed word starting with the stem (exact, no
  expansion limit: the set of those words, or a regex over the term dictionary
  when there are more than :data:`MAX_EXPANSION`); all score alike.
* ``Phrase`` — the words side by side in this order, in one field.
* ``Near(terms, N)`` and ``Phrase(words, slop=N)`` — for two words: both in one
  field with at most N other words between them, in either order (exact: the
  union of tantivy's sloppy phrase in both orders).  For three or four words:
  the union of the sloppy phrases of every order, i.e. approximately "all words
  within a span of N other words"; tantivy's matcher is greedy, so rare
  arrangements with repeated words can be missed.
* ``And`` / ``Or`` / ``Not`` — boolean; a ``Not`` inside an ``And`` excludes, a
  lone ``Not`` means "every document except".  Terms of one ``And`` may match in
  different fields (``Wilson armistice``: Wilson in the heading, armistice in
  the text).
* ``Field`` — the node searched in that field only.

Besides the query, the compiler collects the words to highlight per field
(never those under a ``Not``).

DOCS: docs/search.md#what-a-query-matches
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import tantivy

from memcon.search._schema import TEXT_FIELDS
from memcon.search.query import And, Field, Near, Node, Not, Or, Phrase, Term

BOOSTS = {"heading": 2.0}
"""Score multipliers per field (a word in the heading counts double)."""
MAX_EXPANSION = 64
"""A prefix standing for at most this many indexed words is searched as those words OR-ed
(ranked by BM25 like typed words, cheap to build); a broader one as a regex over the term
dictionary (every match scores alike; ~0.7 ms to build).  Both are exact."""
MAX_PERMUTED = 4
"""NEAR with more words than this (after analysis) falls back to one sloppy phrase in the order given."""


@dataclass(frozen=True, slots=True)
class Compiled:
    """A compiled query and the words to highlight per field (``prefixes`` are stems)."""

    query: tantivy.Query
    exact: dict[str, frozenset[str]] = field(default_factory=dict)
    prefixes: dict[str, frozenset[str]] = field(default_factory=dict)


def _regex_literal(token: str) -> str:
    return "".join(c if c.isalnum() else "\\" + c for c in token)


class _Compiler:
    def __init__(
        self, schema: tantivy.Schema, analyzer: tantivy.TextAnalyzer, searcher: tantivy.Searcher | None
    ) -> None:
        self.schema = schema
        self.analyzer = analyzer
        self.searcher = searcher
        self.exact: dict[str, set[str]] = {}
        self.prefixes: dict[str, set[str]] = {}

    def analyze(self, text: str) -> list[str]:
        return list(self.analyzer.analyze(text))

    def remember(
        self, fields: Sequence[str], tokens: Sequence[str], prefix: str | None, positive: bool
    ) -> None:
        if not positive:
            return
        for name in fields:
            self.exact.setdefault(name, set()).update(tokens)
            if prefix:
                self.prefixes.setdefault(name, set()).add(prefix)

    def across(self, fields: Sequence[str], build: Callable[[str], tantivy.Query]) -> tantivy.Query:
        """``build`` in each field, boosted, any of them."""
        parts = []
        for name in fields:
            q = build(name)
            boost = BOOSTS.get(name)
            parts.append(tantivy.Query.boost_query(q, boost) if boost else q)
        if len(parts) == 1:
            return parts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in parts])

    def sequence(
        self, name: str, items: Sequence[tuple[str, bool]], slop: int, positive: bool = True
    ) -> tantivy.Query:
        """Tokens (with prefix flags) as a term, a phrase or a sloppy phrase in field ``name``."""
        if len(items) == 1:
            token, prefix = items[0]
            if prefix:
                return self.prefix(name, token, positive)
            return tantivy.Query.term_query(self.schema, name, token)
        if any(prefix for _, prefix in items):
            patterns: list[str | tuple[int, str]] = [
                _regex_literal(t) + (".*" if p else "") for t, p in items
            ]
            return tantivy.Query.regex_phrase_query(self.schema, name, patterns, slop)
        return tantivy.Query.phrase_query(self.schema, name, [t for t, _ in items], slop)

    def prefix(self, name: str, stem: str, positive: bool) -> tantivy.Query:
        """Every word of field ``name`` starting with ``stem``."""
        if self.searcher is not None:
            words = [w for w, _ in self.searcher.terms_with_prefix(name, stem, limit=MAX_EXPANSION + 1)]
            if len(words) <= MAX_EXPANSION:
                self.remember((name,), words, None, positive)
                if not words:
                    return tantivy.Query.empty_query()
                return tantivy.Query.boolean_query(
                    [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, name, w)) for w in words]
                )
        self.remember((name,), (), stem, positive)
        return tantivy.Query.regex_query(self.schema, name, _regex_literal(stem) + ".*")

    def term_items(self, term: Term) -> list[tuple[str, bool]]:
        tokens = self.analyze(term.text)
        return [(t, term.prefix and i == len(tokens) - 1) for i, t in enumerate(tokens)]

    def near(self, items: list[tuple[str, bool]], distance: int, fields: Sequence[str]) -> tantivy.Query:
        if not items:
            return tantivy.Query.empty_query()
        if len(items) == 1 or len(items) > MAX_PERMUTED:
            return self.across(fields, lambda name: self.sequence(name, items, distance))
        orders = list(dict.fromkeys(itertools.permutations(items)))

        def build(name: str) -> tantivy.Query:
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, self.sequence(name, list(order), distance)) for order in orders]
            )

        return self.across(fields, build)

    def compile(self, node: Node, fields: Sequence[str], positive: bool) -> tantivy.Query:
        if isinstance(node, Term):
            items = self.term_items(node)
            if not items:
                return tantivy.Query.empty_query()
            stem = items[-1][0] if node.prefix and len(items) > 1 else None  # else: see prefix()
            self.remember(fields, [t for t, p in items if not p], stem, positive)
            return self.across(fields, lambda name: self.sequence(name, items, 0, positive))
        if isinstance(node, Phrase):
            if node.slop:
                return self.compile(Near(tuple(Term(w) for w in node.words), node.slop), fields, positive)
            tokens = [t for w in node.words for t in self.analyze(w)]
            if not tokens:
                return tantivy.Query.empty_query()
            self.remember(fields, tokens, None, positive)
            return self.across(fields, lambda name: self.sequence(name, [(t, False) for t in tokens], 0))
        if isinstance(node, Near):
            items = [item for term in node.terms for item in self.term_items(term)]
            for term in node.terms:
                term_items = self.term_items(term)
                stem = term_items[-1][0] if term.prefix and term_items else None
                self.remember(fields, [t for t, p in term_items if not p], stem, positive)
            return self.near(items, node.distance, fields)
        if isinstance(node, Field):
            inside = tuple(name for name in fields if name == node.name)
            return self.compile(node.node, inside, positive) if inside else tantivy.Query.empty_query()
        if isinstance(node, Not):
            return tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Must, tantivy.Query.all_query()),
                    (tantivy.Occur.MustNot, self.compile(node.child, fields, False)),
                ]
            )
        if isinstance(node, And):
            clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
            for child in node.children:
                if isinstance(child, Not):
                    clauses.append((tantivy.Occur.MustNot, self.compile(child.child, fields, False)))
                else:
                    clauses.append((tantivy.Occur.Must, self.compile(child, fields, positive)))
            if not any(occur == tantivy.Occur.Must for occur, _ in clauses):
                clauses.insert(0, (tantivy.Occur.Must, tantivy.Query.all_query()))
            return tantivy.Query.boolean_query(clauses)
        if isinstance(node, Or):
            return tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, self.compile(c, fields, positive)) for c in node.children]
            )
        raise TypeError(f"not a query node: {node!r}")


def compile_query(
    node: Node,
    schema: tantivy.Schema,
    analyzer: tantivy.TextAnalyzer,
    *,
    fields: tuple[str, ...] = TEXT_FIELDS,
    searcher: tantivy.Searcher | None = None,
) -> Compiled:
    """The tantivy query for ``node`` over ``fields`` (heading, text and footnotes), and what to
    highlight.  With one field, it tells whether that field alone holds a match.  ``searcher``
    (the one the query will run on) lets a prefix be expanded to the words it stands for."""
    compiler = _Compiler(schema, analyzer, searcher)
    query = compiler.compile(node, fields, True)
    return Compiled(
        query=query,
        exact={k: frozenset(v) for k, v in compiler.exact.items()},
        prefixes={k: frozenset(v) for k, v in compiler.prefixes.items()},
    )
