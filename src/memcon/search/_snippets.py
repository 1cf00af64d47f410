"""Snippets and the page of a hit, from what the index stores (no trip to the store).

The snippet is the passage tantivy's ``SnippetGenerator`` judges best (the one
holding the most, and rarest, query words; the first such passage on ties),
highlighted.  tantivy reports byte offsets; they are turned into character
offsets here, so ``Snippet.offset`` is an offset into ``Document.text`` and
``Snippet.highlights`` are offsets into ``Snippet.text``.  The hit's page is
the page in effect at the first highlight (the page whose offset in the page
map is the greatest one not after it).  A hit only in the footnotes or the
heading gets its snippet from there, ``offset=None`` and the document's first
page.

DOCS: docs/search.md#snippets-and-pages
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import tantivy

from memcon.search._compile import Compiled
from memcon.search._schema import StoredHit
from memcon.search.base import Snippet

SNIPPET_CHARS = 200
"""Longest snippet, in characters (tantivy cuts at word boundaries)."""
FALLBACK_ORDER = ("text", "footnotes", "heading")


def page_at(pages: Sequence[tuple[str, int]], offset: int) -> str | None:
    """The page whose start offset is the greatest one ``<= offset`` (else the first page)."""
    page: str | None = pages[0][0] if pages else None
    for n, start in pages:
        if start > offset:
            break
        page = n
    return page


def _chars(data: bytes, byte_offset: int) -> int:
    """Characters in the first ``byte_offset`` bytes of UTF-8 ``data``."""
    return len(data[:byte_offset].decode("utf-8", errors="replace"))


class SnippetMaker:
    """Builds the snippet and page of each hit of one search (generators are made once per search)."""

    def __init__(
        self,
        searcher: tantivy.Searcher,
        schema: tantivy.Schema,
        analyzer: tantivy.TextAnalyzer,
        compiled: Compiled,
        *,
        max_chars: int = SNIPPET_CHARS,
    ) -> None:
        self._searcher = searcher
        self._schema = schema
        self._analyzer = analyzer
        self._compiled = compiled
        self._max_chars = max_chars
        self._generators: dict[tuple[str, frozenset[str]], tantivy.SnippetGenerator] = {}

    def _generator(self, field: str, words: frozenset[str]) -> tantivy.SnippetGenerator:
        key = (field, words)
        generator = self._generators.get(key)
        if generator is None:
            query = tantivy.Query.boolean_query(
                [
                    (tantivy.Occur.Should, tantivy.Query.term_query(self._schema, field, w))
                    for w in sorted(words)
                ]
            )
            generator = tantivy.SnippetGenerator.create(self._searcher, query, self._schema, field)
            generator.set_max_num_chars(self._max_chars)
            self._generators[key] = generator
        return generator

    def _words(self, field: str, content: str) -> frozenset[str]:
        """The words to highlight in ``content``: exact ones, and the document's words with a query prefix."""
        words = set(self._compiled.exact.get(field, ()))
        stems = self._compiled.prefixes.get(field)
        if stems:
            words.update(t for t in set(self._analyzer.analyze(content)) if t.startswith(tuple(stems)))
        return frozenset(words)

    def _snippet(self, field: str, content: str) -> tantivy.Snippet | None:
        words = self._words(field, content)
        if not words or not content:
            return None
        snippet = self._generator(field, words).snippet_from_doc(tantivy.Document(**{field: content}))
        return snippet if snippet.highlighted() else None

    def make(self, hit: StoredHit) -> tuple[Snippet | None, str | None]:
        """The snippet and page of ``hit``."""
        first_page = hit.pages[0][0] if hit.pages else None
        body = hit.body.decode("utf-8")
        found = self._snippet("text", body)
        if found is not None:
            fragment = found.fragment()
            frag_range = found.fragment_range()
            ascii_body = len(body) == len(hit.body)
            start = frag_range.start if ascii_body else _chars(hit.body, frag_range.start)
            highlights = _highlights(fragment, found.highlighted())
            page = page_at(hit.pages, start + highlights[0][0])
            return Snippet(fragment, highlights, offset=start), page
        for field, content in (("footnotes", hit.footnotes), ("heading", hit.heading)):
            found = self._snippet(field, content)
            if found is not None:
                return Snippet(
                    found.fragment(), _highlights(found.fragment(), found.highlighted())
                ), first_page
        lead = body[: self._max_chars]
        if len(body) > self._max_chars and " " in lead:
            lead = lead[: lead.rfind(" ")]
        return (Snippet(lead, (), offset=0) if lead else None), first_page


def _highlights(fragment: str, ranges: Iterable[tantivy.Range]) -> tuple[tuple[int, int], ...]:
    """tantivy's byte ranges in ``fragment`` as character ranges."""
    pairs = [(r.start, r.end) for r in ranges]
    if fragment.isascii():
        return tuple(pairs)
    data = fragment.encode("utf-8")
    return tuple((_chars(data, a), _chars(data, b)) for a, b in pairs)
