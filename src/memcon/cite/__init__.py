"""memcon.cite: citations to the printed page, and structured export of citations.

* :func:`csl_item` — a stored document as a CSL-JSON item (:mod:`memcon.cite.items`);
* :func:`format_citation` — that item as a Chicago note, short note or bibliography entry, or
  an APA or MLA reference, rendered by citeproc-py with the official CSL styles
  (:mod:`memcon.cite.render`);
* :func:`page_of_passage` / :func:`find_passage` — the printed page of a passage or offset
  (:mod:`memcon.cite.pages`);
* :func:`cite_documents` — many documents (or a search result) as CSL-JSON validated
  against the CSL data schema, RIS or BibTeX (:mod:`memcon.cite.formats`, :mod:`memcon.cite.export`).

DOCS: docs/cite.md
"""

from __future__ import annotations

import datetime

from memcon.cite.export import citation_items, cite_documents, search_document_ids
from memcon.cite.formats import FORMATS, serialise, to_bibtex, to_ris, validate_csl
from memcon.cite.items import METHOD, csl_item, document_title, item_for, record_kind
from memcon.cite.pages import (
    Passage,
    check_page,
    document_pages,
    find_passage,
    page_at_offset,
    page_of_passage,
)
from memcon.cite.render import STYLE_FILES, STYLES, render_item
from memcon.store.base import Store

__all__ = [
    "FORMATS",
    "METHOD",
    "STYLES",
    "STYLE_FILES",
    "Passage",
    "check_page",
    "citation_items",
    "cite_documents",
    "csl_item",
    "document_pages",
    "document_title",
    "find_passage",
    "format_citation",
    "item_for",
    "page_at_offset",
    "page_of_passage",
    "record_kind",
    "render_item",
    "search_document_ids",
    "serialise",
    "to_bibtex",
    "to_ris",
    "validate_csl",
]


def format_citation(
    store: Store,
    document_id: str,
    *,
    page: str | None = None,
    style: str = "chicago-note",
    accessed: datetime.date | None = None,
) -> str:
    """The citation of a stored document in ``style`` (one of :data:`STYLES`), as plain text.

    ``page`` is the pin-cite (a printed page of the document, or a range of two);
    ``accessed`` the access date of a record that exists only on the web.

    Raises :class:`memcon.errors.NotFound` for an unknown id and
    :class:`memcon.errors.InvalidValue` for an unknown style or a page the document is not on.

    DOCS: docs/cite.md
    """
    if style not in STYLES:
        render_item({}, style=style)  # raises InvalidValue naming the styles
    return render_item(csl_item(store, document_id, page=page, accessed=accessed), style=style)
