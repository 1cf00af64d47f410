"""Snippets and the page of a hit, from what the index stores (no trip to the store).

The snippet comes from the first of text, footnotes and heading that matches
the query on its own (a query whose words match in different fields, e.g. one
in the heading and one in the text, takes the first field holding a match of
one of its positive parts).  In that field, :mod:`memcon.search._match` finds
the query's **first match** (the one that begins first): a phrase's words side
by side, a NEAR's words within the distance, a word (or a word starting with a
stem) for plain terms.  The snippet is a passage of at most
:data:`SNIPPET_CHARS` characters around it, cut at word boundaries, holding the
whole match whenever it fits; exactly the words of the matches that lie wholly
inside the passage are highlighted (for plain terms, every occurrence of a
positive term).  The hit's page is the page on which the match begins (the page
whose offset in the page map is the greatest one not after its first character);
a match in the footnotes is cited to the page of that footnote's anchor (a
footnote is printed at the foot of that page), ``offset=None``; a match in the
heading gets the document's first page, ``offset=None``.

If the matcher finds no match where the index found one (a word tantivy
tokenises differently from Python, see :mod:`memcon.search._match`), the
snippet falls back to tantivy's ``SnippetGenerator``: the passage holding the
most, and rarest, query words, every query word highlighted, the page at the
first highlight.

DOCS: docs/search.md#ranking-snippets-and-pages
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import tantivy

from memcon.search._compile import Compiled, compile_query
from memcon.search._match import FieldMatcher, Match, leaves
from memcon.search._schema import _BRACKETED, _PAGE_MARKER, StoredHit
from memcon.search.base import Snippet
from memcon.search.query import Node

SNIPPET_CHARS = 200
"""Longest snippet, in characters (cut at word boundaries)."""
FALLBACK_ORDER = ("text", "footnotes", "heading")
LEAD = 3
"""Of the room a match leaves in the snippet, 1/LEAD goes before it (up to a line break)."""
_PARTIAL_MARKER = re.compile(r"[^\s\[\]]*\]\s*")


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
        self._leaves = leaves(node, analyzer)
        self._matchers: dict[str, FieldMatcher | None] = {}
        self.fallbacks = 0
        """How many hits of this search got tantivy's snippet because the matcher found nothing."""

    def _matcher(self, field: str) -> FieldMatcher | None:
        if field not in self._matchers:
            mine = [leaf for leaf in self._leaves if field in leaf.fields]
            self._matchers[field] = FieldMatcher(mine, self._analyzer) if mine else None
        return self._matchers[field]

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
        order = FALLBACK_ORDER if alone is None else (alone, *(f for f in FALLBACK_ORDER if f != alone))
        for field in order:
            matcher = self._matcher(field)
            if matcher is None or not contents[field]:
                continue
            searchable = _searchable_body(body, hit) if field == "text" else contents[field]
            placed = _place(matcher, searchable, contents[field], self._max_chars)
            if placed is not None:
                snippet, begins = placed
                if field == "text":
                    return snippet, page_at(hit.pages, begins)
                bare = Snippet(snippet.text, snippet.highlights)
                return bare, (_footnote_page(hit, begins) if field == "footnotes" else _first_page(hit))
        self.fallbacks += 1
        return self._tantivy_one(hit, body, contents, alone)

    def _tantivy_one(
        self, hit: StoredHit, body: str, contents: dict[str, str], alone: str | None
    ) -> tuple[Snippet | None, str | None]:
        """tantivy's best passage, every query word highlighted: when the matcher found nothing."""
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


def _searchable_body(body: str, hit: StoredHit) -> str:
    """``body`` with ``[Page N]`` markers and footnote anchors blanked out as the index blanks them
    (see ``_schema._document_text``), but with spaces of the same length, so offsets stay put."""
    if "[" not in body:
        return body
    text = _PAGE_MARKER.sub(_blank, body) if "[Page " in body else body
    numbers = set()
    for _, anchor in hit.notes:
        found = _BRACKETED.match(body, anchor)
        if found is not None:
            numbers.add(found.group(1))
    if numbers:
        text = _BRACKETED.sub(lambda m: _blank(m) if m.group(1) in numbers else m.group(0), text)
    return text


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


def _place(
    matcher: FieldMatcher, searchable: str, original: str, max_chars: int
) -> tuple[Snippet, int] | None:
    """The snippet of ``original`` around the first match in ``searchable`` (the same text with
    markers blanked), and where that match begins; ``None`` without a match."""
    best = matcher.first(searchable)
    if best is None:
        return None
    start, end = window(original, best.start, best.end, max_chars)
    inside = matcher.within(searchable, start, end)
    if best.end > end:  # a match longer than the snippet: its words that fit
        inside.append(Match(tuple(w for w in best.words if w.end <= end)))
    marked: set[tuple[int, int]] = set()
    for match in inside:
        marked.update((w.start - start, w.end - start) for w in match.words)
    return Snippet(original[start:end], tuple(sorted(marked)), offset=start), best.start


def window(text: str, first: int, last: int, max_chars: int) -> tuple[int, int]:
    """A passage of at most ``max_chars`` characters of ``text`` holding ``text[first:last]`` if it
    fits (else its beginning), cut at white space: 1/LEAD of the room before the match (not
    across a line break), the rest after."""
    if last - first >= max_chars:
        start = first
    else:
        start = max(0, first - (max_chars - (last - first)) // LEAD)
        if start > 0:
            line = text.rfind("\n", start, first)
            if line >= 0:
                start = line + 1
            elif not text[start - 1].isspace():
                space = next((i for i in range(start, first) if text[i].isspace()), first)
                start = min(space + 1, first)
            partial = _PARTIAL_MARKER.match(text, start, first)  # "386] …" of a cut "[Page 386]"
            if partial is not None:
                start = partial.end()
    end = min(len(text), start + max_chars)
    if end < len(text) and not text[end].isspace():
        floor = last if last <= end else start + 1
        cut = max(text.rfind(" ", floor, end), text.rfind("\n", floor, end))
        if cut > start:
            end = cut
        elif last <= end:
            end = last
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


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
