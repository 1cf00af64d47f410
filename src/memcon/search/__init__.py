"""Full-text search: memcon's query syntax, the tantivy index, and :func:`search`.

>>> from memcon.search import open_index, search        # doctest: +SKIP
>>> with open_index("memcon.db.index") as index:         # doctest: +SKIP
...     results = search(index, 'NEAR(Wilson Clemenceau, 10) -Lansing', limit=5)

DOCS: docs/search.md
"""

from __future__ import annotations

from memcon.search.base import FullTextIndex, Hit, Matching, SearchFilters, SearchResults, Snippet
from memcon.search.query import SYNTAX_HELP, Node, format_query, parse_query
from memcon.search.tantivy_index import ENGINE, TantivyIndex, open_index

__all__ = [
    "ENGINE",
    "SYNTAX_HELP",
    "FullTextIndex",
    "Hit",
    "Matching",
    "Node",
    "SearchFilters",
    "SearchResults",
    "Snippet",
    "TantivyIndex",
    "format_query",
    "open_index",
    "parse_query",
    "search",
]


def search(
    index: FullTextIndex,
    text: str,
    *,
    filters: SearchFilters | None = None,
    limit: int = 10,
    offset: int = 0,
) -> SearchResults:
    """Parse ``text`` (memcon's query syntax) and run it on ``index``.

    Raises :class:`memcon.errors.QuerySyntaxError` (with the position of the
    problem) if the query does not parse, :class:`memcon.errors.SearchError` if
    it cannot run.

    DOCS: docs/search.md
    """
    node = parse_query(text)
    return index.search(node, filters=filters, limit=limit, offset=offset, query_text=text)
