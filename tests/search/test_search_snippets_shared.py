"""Snippets and pages of every benchmark query on the shared FRUS volumes (needs $MEMCON_SHARED).

Checked independently of the matcher (its own tokeniser, NFKD folding): the snippet is the
document's text at its offset (or a footnote's, or the heading), the page is the page where the
first highlighted word stands (of the footnote's anchor for a footnote), every highlighted word is
a positive word of the query, and for phrase and NEAR queries the highlighted words really form
the phrase (side by side, in order) or a NEAR match (within the distance).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from memcon.model.records import Document
from memcon.search import Hit, SearchFilters, parse_query, search
from memcon.search.query import And, Field, Near, Node, Not, Or, Phrase, Term
from memcon.store import open_store
from tests._shared import ROOT

pytestmark = pytest.mark.shared

QUERY_FILE = ROOT / "benchmarks" / "data" / "search_queries.txt"
_WORD = re.compile(r"[^\W_]+")
_PAGE = re.compile(r"\[Page [^\]\n]{1,24}\]")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words_of(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(text)]


def load_queries() -> list[tuple[str, str, SearchFilters | None]]:
    keys = {"from": "date_from", "to": "date_to", "volume": "volumes", "type": "doc_types"}
    out = []
    for line in QUERY_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, text, extra = (part.strip() for part in (line.split("|", 2) + [""])[:3])
        pairs = dict(item.split("=", 1) for item in extra.split())
        args: dict[str, object] = {
            keys[k]: tuple(v.split(",")) if k in ("volume", "type") else v for k, v in pairs.items()
        }
        out.append((category, text, SearchFilters(**args) if args else None))  # type: ignore[arg-type]
    return out


QUERIES = load_queries()


@dataclass(frozen=True)
class Part:
    """A positive part of a query: words (each maybe a stem), and the NEAR distance or None."""

    words: tuple[tuple[str, bool], ...]
    distance: int | None


def parts(node: Node) -> Iterator[Part]:
    if isinstance(node, Term):
        ws = words_of(node.text)
        yield Part(tuple((w, node.prefix and i == len(ws) - 1) for i, w in enumerate(ws)), None)
    elif isinstance(node, Phrase):
        ws = [w for word in node.words for w in words_of(word)]
        yield Part(tuple((w, False) for w in ws), node.slop or None)
    elif isinstance(node, Near):
        items = [
            (w, t.prefix and i == len(words_of(t.text)) - 1)
            for t in node.terms
            for i, w in enumerate(words_of(t.text))
        ]
        yield Part(tuple(items), node.distance)
    elif isinstance(node, Field):
        yield from parts(node.node)
    elif isinstance(node, (And, Or)):
        for child in node.children:
            yield from parts(child)
    elif isinstance(node, Not):
        return


def fits(word: str, item: tuple[str, bool]) -> bool:
    return word.startswith(item[0]) if item[1] else word == item[0]


def satisfied(part: Part, positions: list[int], tokens: list[str], highlighted: set[int]) -> bool:
    """Whether highlighted words at ``positions`` form a match of ``part``."""
    k = len(part.words)
    if part.distance is None:
        return any(
            all(
                p + i in highlighted and p + i < len(tokens) and fits(tokens[p + i], part.words[i])
                for i in range(k)
            )
            for p in positions
        )
    for chosen in itertools.permutations(sorted(highlighted), k):
        if not set(positions) & set(chosen):
            continue
        if all(fits(tokens[p], item) for p, item in zip(chosen, part.words, strict=True)):
            if max(chosen) - min(chosen) + 1 - k <= part.distance:
                return True
    return False


@pytest.fixture(scope="module")
def shared_index(store_with_shared_volumes: Path) -> Iterator[tuple[object, object]]:
    from memcon.search import open_index

    index = open_index(
        store_with_shared_volumes.with_name(store_with_shared_volumes.name + ".index"), create=False
    )
    store = open_store(store_with_shared_volumes, create=False)
    yield index, store
    index.close()
    store.close()


def footnotes_field(doc: Document) -> tuple[str, list[tuple[int, int]]]:
    """The footnotes as the index stores them, and (start, anchor offset) of each."""
    parts_, starts, position = [], [], 0
    for note in doc.footnotes:
        if note.inline:
            continue
        text = _PAGE.sub(" ", note.text)
        starts.append((position, note.offset))
        parts_.append(text)
        position += len(text) + 2
    return "\n\n".join(parts_), starts


def check_hit(hit: Hit, doc: Document, node: Node) -> None:
    snippet = hit.snippet
    assert snippet is not None and snippet.highlights, hit.doc_id
    assert len(snippet.text) <= 200
    shown = snippet.text
    if snippet.offset is not None:
        assert doc.text[snippet.offset : snippet.offset + len(shown)] == shown
        assert hit.page == doc.page_at(snippet.offset + snippet.highlights[0][0])
        anchors = {f.n for f in doc.footnotes if f.n and not f.inline}
        shown = _PAGE.sub(lambda m: " " * len(m.group()), shown)
        shown = re.sub(
            r"\[([^\[\]\n]+)\]", lambda m: " " * len(m.group()) if m.group(1) in anchors else m.group(), shown
        )
    else:
        notes, starts = footnotes_field(doc)
        where = notes.find(shown)
        if where >= 0:
            first = where + snippet.highlights[0][0]
            anchor = [a for s, a in starts if s <= first][-1]
            assert hit.page == doc.page_at(anchor)
        else:
            assert shown in doc.heading and hit.page == doc.first_page
    # the highlights are whole words of the snippet and positive words of the query
    spans = [(m.start(), m.end()) for m in _WORD.finditer(shown)]
    tokens = [fold(shown[a:b]) for a, b in spans]
    index_of = {span: i for i, span in enumerate(spans)}
    highlighted = {index_of[h] for h in snippet.highlights}
    assert len(highlighted) == len(snippet.highlights), (hit.doc_id, snippet)
    query_parts = list(parts(node))
    for i in highlighted:
        assert any(fits(tokens[i], item) for part in query_parts for item in part.words), (
            hit.doc_id,
            tokens[i],
        )
    # every highlighted word belongs to a match of a part of the query that is wholly highlighted
    for i in highlighted:
        assert any(
            satisfied(
                part,
                [i - j for j in range(len(part.words))] if part.distance is None else [i],
                tokens,
                highlighted,
            )
            for part in query_parts
        ), (hit.doc_id, tokens[i], snippet.text)


@pytest.mark.parametrize(("category", "query", "filters"), QUERIES, ids=[q for _, q, _ in QUERIES])
def test_every_hit_shows_a_real_match_and_its_page(
    shared_index: tuple[object, object], category: str, query: str, filters: SearchFilters | None
) -> None:
    index, store = shared_index
    results = search(index, query, filters=filters, limit=10)  # type: ignore[arg-type]
    assert results.hits, query
    node = parse_query(query)
    for hit in results.hits:
        check_hit(hit, store.get_document(hit.doc_id), node)  # type: ignore[attr-defined]
