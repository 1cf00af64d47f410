"""Snippets and the page of a hit, from what the index stores (no trip to the store).

The snippet comes from the first of text, footnotes and heading that matches
the query on its own (a query whose words match in different fields, e.g. one
in the heading and one in the text, takes the first field with a highlighted
word).  It is the passage tantivy's ``SnippetGenerator`` judges best (the one
holding the most, and rarest, query words; the first such passage on ties),
highlighted.  tantivy reports byte offsets; they are turned into character
offsets here, so ``Snippet.offset`` is an offset into ``Document.text`` and
``Snippet.highlights`` are offsets into ``Snippet.text``.  The hit's page is
the page in effect at the first highlight (the page whose offset in the page
map is the greatest one not after it).  A hit only in the footnotes gets its
snippet from there, ``offset=None``, and the page on which that footnote's
anchor stands (a footnote is printed at the foot of that page); a hit only in
the heading gets the document's first page.

DOCS: docs/search.md#snippets-and-pages
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import tantivy

from memcon.search._compile import Compiled, compile_query
from memcon.search._schema import StoredHit
from memcon.search.base import Snippet
from memcon.search.query import Node

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
    """Builds the snippet and page of each hit of one search."""

    def __init__(
        self,
        searcher: tantivy.Searcher,
        schema: tantivy.Schema,
        analyzer: tantivy.TextAnalyzer,
        node: Node,
        compiled: Compiled,
        *,
        max_chars: int = SNIPPET_CHARS,
    ) -> None:
        self._searcher = searcher
        self._schema = schema
        self._analyzer = analyzer
        self._node = node
        self._compiled = compiled
        self._max_chars = max_chars
        self._generators: dict[tuple[str, frozenset[str]], tantivy.SnippetGenerator] = {}

    def make_all(self, hits: Sequence[StoredHit]) -> list[tuple[Snippet | None, str | None]]:
        """The snippet and page of each of ``hits``, in order."""
        pending = [h for h in hits if h.body or h.footnotes or h.heading]
        alone: dict[str, str] = {}  # doc_id -> the first field that matches on its own
        for field in FALLBACK_ORDER:
            if not pending:
                break
            matched = self._matching_alone(field, [h.doc_id for h in pending])
            alone.update((doc_id, field) for doc_id in matched)
            pending = [h for h in pending if h.doc_id not in matched]
        return [self._make_one(hit, alone.get(hit.doc_id)) for hit in hits]

    def _matching_alone(self, field: str, doc_ids: Sequence[str]) -> set[str]:
        """Which of ``doc_ids`` match the query in ``field`` alone (one small search)."""
        query = compile_query(
            self._node, self._schema, self._analyzer, fields=(field,), searcher=self._searcher
        ).query
        ids = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self._schema, "doc_id", i)) for i in doc_ids]
        )
        both = tantivy.Query.boolean_query([(tantivy.Occur.Must, ids), (tantivy.Occur.Must, query)])
        found = self._searcher.search(both, limit=len(doc_ids), count=False).hits
        return {str(self._searcher.doc(address).get_first("doc_id")) for _, address in found}

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

    def _make_one(self, hit: StoredHit, alone: str | None) -> tuple[Snippet | None, str | None]:
        body = hit.body.decode("utf-8")
        contents = {"text": body, "footnotes": hit.footnotes, "heading": hit.heading}
        if alone is not None:
            found = self._snippet(alone, contents[alone])
            if found is not None:
                return self._make(hit, body, alone, found)
        for field in FALLBACK_ORDER:  # words matched across fields: the first with a highlight
            found = self._snippet(field, contents[field])
            if found is not None:
                return self._make(hit, body, field, found)
        lead = body[: self._max_chars]
        if len(body) > self._max_chars and " " in lead:
            lead = lead[: lead.rfind(" ")]
        return (Snippet(lead, (), offset=0) if lead else None), _first_page(hit)

    def _make(
        self, hit: StoredHit, body: str, field: str, found: tantivy.Snippet
    ) -> tuple[Snippet, str | None]:
        fragment = found.fragment()
        highlights = _highlights(fragment, found.highlighted())
        if field == "footnotes":
            start = _chars(hit.footnotes.encode("utf-8"), found.fragment_range().start)
            return Snippet(fragment, highlights), _footnote_page(hit, start + min(a for a, _ in highlights))
        if field != "text":
            return Snippet(fragment, highlights), _first_page(hit)
        frag_start = found.fragment_range().start
        start = frag_start if len(body) == len(hit.body) else _chars(hit.body, frag_start)
        first = min(a for a, _ in highlights)
        return Snippet(fragment, highlights, offset=start), page_at(hit.pages, start + first)


def _footnote_page(hit: StoredHit, position: int) -> str | None:
    """The page of the anchor of the footnote holding character ``position`` of ``hit.footnotes``."""
    anchor: int | None = None
    for start, offset in hit.notes:
        if start > position:
            break
        anchor = offset
    return _first_page(hit) if anchor is None else page_at(hit.pages, anchor)


def _first_page(hit: StoredHit) -> str | None:
    return hit.pages[0][0] if hit.pages else None


def _highlights(fragment: str, ranges: Iterable[tantivy.Range]) -> tuple[tuple[int, int], ...]:
    """tantivy's byte ranges in ``fragment`` as character ranges."""
    pairs = sorted((r.start, r.end) for r in ranges)
    if fragment.isascii():
        return tuple(pairs)
    data = fragment.encode("utf-8")
    return tuple((_chars(data, a), _chars(data, b)) for a, b in pairs)
