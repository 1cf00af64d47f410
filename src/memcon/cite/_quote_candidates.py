"""The few documents a quote may come from, asked of the tantivy index (never a scan of the store).

1. **Exact candidates**: every segment of the quote as a phrase (its words side by side, as the
   index analyses them) in the text or the footnotes of one document; ranked by BM25.
2. **Fuzzy candidates**, when no document holds every segment as a phrase: a disjunction of the
   quote's :data:`RARE_TERMS` rarest words (a word the index does not know at all, a likely typo,
   is looked for within one or two edits: :data:`FUZZY_MIN_LENGTH`), and of its pairs of adjacent
   words as phrases (boosted :data:`PAIR_BOOST`), so the documents holding the most of the quote's
   rare words, and its word pairs, come first.

Each candidate is read back from what the index stores (text, footnotes, page map, where each
footnote's anchor stands): no trip to the store.

DOCS: docs/quote.md#how-a-quote-is-matched
"""

from __future__ import annotations

import re

import tantivy

from memcon.errors import SearchError
from memcon.search._schema import StoredHit, from_tantivy
from memcon.search.base import FullTextIndex
from memcon.search.tantivy_index import TantivyIndex

FIELDS = ("text", "footnotes")
RARE_TERMS = 12
"""Words of the quote (the rarest in the index) searched for fuzzy candidates."""
MAX_PAIRS = 24
"""Pairs of adjacent words searched as phrases for fuzzy candidates."""
PAIR_BOOST = 1.5
FUZZY_MIN_LENGTH = 4
"""An unknown word shorter than this is not looked for at all (too many near words); up to 7
letters it is looked for within one edit, longer within two."""
_MARKERS = re.compile(r"\[Page [^\]\n]{1,24}\]|\[[^\W_]{1,3}\]")


def _tantivy(index: FullTextIndex) -> TantivyIndex:
    if not isinstance(index, TantivyIndex):
        raise SearchError(
            f"quote verification needs memcon's tantivy index, not {type(index).__name__}",
            hint="open the workspace with memcon.workspace.open_workspace",
        )
    return index


class Candidates:
    """Candidate documents of one quote, from one searcher of the index."""

    def __init__(self, index: FullTextIndex, segments: list[str]) -> None:
        tantivy_index = _tantivy(index)
        self._schema = tantivy_index.schema
        analyzer = tantivy_index.analyzer
        try:
            self._searcher = tantivy_index.searcher()
        except ValueError as exc:  # pragma: no cover - a broken index
            raise SearchError(f"{tantivy_index.path}: cannot search: {exc}") from exc
        self.tokens = [list(analyzer.analyze(_MARKERS.sub(" ", s))) for s in segments]

    def _sequence(self, tokens: list[str]) -> tantivy.Query:
        """The tokens side by side in the text or in the footnotes."""
        per_field = [
            tantivy.Query.term_query(self._schema, name, tokens[0]) if len(tokens) == 1
            else tantivy.Query.phrase_query(self._schema, name, list[str | tuple[int, str]](tokens))
            for name in FIELDS
        ]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in per_field])

    def exact(self, *, limit: int) -> list[StoredHit]:
        """Documents holding every segment as a phrase, best first."""
        parts = [self._sequence(t) for t in self.tokens if t]
        if not parts:
            return []
        return self._run(tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in parts]), limit)

    def fuzzy(self, *, limit: int) -> list[StoredHit]:
        """Documents holding most of the quote's rare words and word pairs, best first."""
        frequency: dict[str, int] = {}
        for tokens in self.tokens:
            for token in tokens:
                if token not in frequency:
                    frequency[token] = sum(self._searcher.doc_freq(name, token) for name in FIELDS)
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
        known = sorted((df, t) for t, df in frequency.items() if df > 0)
        for _, token in known[:RARE_TERMS]:
            for name in FIELDS:
                clauses.append((tantivy.Occur.Should, tantivy.Query.term_query(self._schema, name, token)))
        for token, df in frequency.items():
            if df == 0 and len(token) >= FUZZY_MIN_LENGTH and not token.isdigit():
                distance = 1 if len(token) <= 7 else 2
                for name in FIELDS:
                    clauses.append(
                        (tantivy.Occur.Should, tantivy.Query.fuzzy_term_query(self._schema, name, token, distance))
                    )
        pairs = [
            (a, b) for tokens in self.tokens for a, b in zip(tokens, tokens[1:], strict=False)
            if frequency.get(a) and frequency.get(b)
        ]
        for a, b in list(dict.fromkeys(pairs))[:MAX_PAIRS]:
            for name in FIELDS:
                phrase = tantivy.Query.phrase_query(self._schema, name, [a, b])  # two words side by side
                clauses.append((tantivy.Occur.Should, tantivy.Query.boost_query(phrase, PAIR_BOOST)))
        if not clauses:
            return []
        return self._run(tantivy.Query.boolean_query(clauses), limit)

    def _run(self, query: tantivy.Query, limit: int) -> list[StoredHit]:
        try:
            result = self._searcher.search(query, limit=limit)
            return [from_tantivy(self._searcher.doc(address)) for _, address in result.hits]
        except ValueError as exc:
            raise SearchError(f"quote search failed: {exc}", hint="rebuild the index with `memcon reindex`") from exc


__all__ = ["Candidates"]
