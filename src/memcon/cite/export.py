"""Citations of many documents at once: what ``memcon cite`` prints.

:func:`cite_documents` gives the citations of a list of stored documents, in a style (text,
one citation a paragraph) or as structured data (CSL-JSON, RIS, BibTeX);
:func:`search_document_ids` turns a full-text search into that list, so a whole search result
can be exported for Zotero.

DOCS: docs/cite.md#export-csl-json-ris-bibtex
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from memcon.cite.formats import FORMATS, serialise
from memcon.cite.items import csl_item
from memcon.cite.pages import find_passage
from memcon.cite.render import STYLES, render_item
from memcon.errors import InvalidValue
from memcon.search.base import FullTextIndex, SearchFilters
from memcon.store.base import Store

MAX_SEARCH_RESULTS = 1000
"""The most documents one ``--search`` exports (the search's own page-size limit)."""


def citation_items(
    store: Store,
    document_ids: Sequence[str],
    *,
    page: str | None = None,
    quote: str | None = None,
    accessed: datetime.date | None = None,
) -> list[dict[str, object]]:
    """The CSL-JSON items of ``document_ids`` (each once, in order).

    ``page`` (a printed page) or ``quote`` (a passage whose page is looked up, exactly after
    normalising whitespace and quotes) pins the citation of a single document.
    """
    ids = list(dict.fromkeys(document_ids))
    if not ids:
        raise InvalidValue("no document to cite", hint="give document ids, or --search QUERY")
    if page is not None and quote is not None:
        raise InvalidValue("give --page or --quote, not both")
    if (page is not None or quote is not None) and len(ids) > 1:
        raise InvalidValue("--page and --quote pin the citation of one document", hint="cite one id at a time")
    if quote is not None:
        document = store.get_document(ids[0])
        page = find_passage(document, quote).page
    return [csl_item(store, i, page=page, accessed=accessed) for i in ids]


def cite_documents(
    store: Store,
    document_ids: Sequence[str],
    *,
    page: str | None = None,
    quote: str | None = None,
    style: str = "chicago-note",
    format: str | None = None,
    accessed: datetime.date | None = None,
) -> str:
    """The citations of ``document_ids``: in ``style`` (one paragraph each) or, when ``format`` is
    given, as ``csl-json`` (validated against the CSL data schema), ``ris`` or ``bibtex``.

    Raises :class:`memcon.errors.NotFound` for an unknown id or a quote the document does not
    hold, :class:`memcon.errors.InvalidValue` for a bad style, format or page.

    DOCS: docs/cite.md
    """
    if format is None and style not in STYLES:
        raise InvalidValue(f"unknown citation style {style!r}", hint=f"use one of: {', '.join(STYLES)}")
    if format is not None and format not in FORMATS:
        raise InvalidValue(f"unknown citation format {format!r}", hint=f"use one of: {', '.join(FORMATS)}")
    items = citation_items(store, document_ids, page=page, quote=quote, accessed=accessed)
    if format is not None:
        return serialise(items, format=format)
    return "\n\n".join(render_item(item, style=style) for item in items) + "\n"


def search_document_ids(
    index: FullTextIndex, query: str, *, filters: SearchFilters | None = None, limit: int = 100
) -> list[str]:
    """The ids of the documents a search finds (best first, at most ``limit``), for export.

    DOCS: docs/cite.md#a-whole-search-result
    """
    from memcon.search import search

    if not 1 <= limit <= MAX_SEARCH_RESULTS:
        raise InvalidValue(f"--limit must be between 1 and {MAX_SEARCH_RESULTS}")
    results = search(index, query, filters=filters, limit=limit)
    return [hit.doc_id for hit in results.hits]
