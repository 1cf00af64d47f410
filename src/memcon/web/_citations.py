"""The "cite this" box of the reader: a citation of the document and of each of its printed pages.

The citations are memcon's own (:mod:`memcon.cite`: a CSL item rendered by citeproc-py in the
Chicago note style).  Rendering costs ~20 ms a citation, and a long document has twenty pages, so
the citations are made from one rendering whose pin-cite is a placeholder, then filled with each
page or left out for the whole document (``memcon.web.cite_pages.v1``); for the first document of
each volume that is checked against real renderings, and the volume's citations are rendered one
by one when the check fails.  Citations are cached
per document (the app is read-only).  If the citation module cannot cite a record, a plain
citation is written here instead (``memcon.web.cite.v1``), so the box is never empty.

DOCS: docs/web.md#the-document-reader
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from memcon.cite import METHOD as CITE_METHOD
from memcon.cite import csl_item, render_item
from memcon.errors import MemconError, NotFound
from memcon.model.records import Document, Volume
from memcon.store.base import Store

FALLBACK = "memcon.web.cite.v1"
PAGES_METHOD = "memcon.web.cite_pages.v1"
STYLE = "chicago-note"
_PLACEHOLDER = "999999991"
_CACHE_SIZE = 512


@dataclass(frozen=True, slots=True)
class Citation:
    """The citation of a document (``page`` None) or of one printed page, and who wrote it."""

    page: str | None
    text: str
    method: str
    style: str = STYLE


_cache: OrderedDict[tuple[str, str], list[Citation]] = OrderedDict()
_trusted: dict[str, bool] = {}
_lock = threading.Lock()


def _fallback(doc: Document, volume: Volume, page: str | None) -> str:
    if doc.volume_id.startswith("frus"):
        parts = [volume.title]
        if volume.pub_year:
            parts[0] += f" ({volume.pub_place + ': ' if volume.pub_place else ''}{volume.pub_year})"
        if doc.n:
            parts.append(f"Document {doc.n}")
        parts.append(doc.heading.rstrip("."))
        if page:
            parts.append(f"p. {page}")
        return ", ".join(parts) + "."
    who = "; ".join(doc.authors)
    bits = [b for b in (who, f"“{doc.heading.rstrip('.')}”", doc.date.text if doc.date else None, doc.archive,
                        volume.title, doc.url) if b]
    return ", ".join(bits) + "."


def _real(store: Store, doc: Document, pages: list[str]) -> list[Citation]:
    return [Citation(p, render_item(csl_item(store, doc.id, page=p), style=STYLE), CITE_METHOD)
            for p in [None, *pages]]


def _cited(store: Store, doc: Document, pages: list[str]) -> list[Citation]:
    """Rendered once with a placeholder pin-cite; the first document of each volume checks that the
    placeholder's citation, filled or without the pin-cite, is what a real rendering gives."""
    if not pages:
        return _real(store, doc, pages)
    item = csl_item(store, doc.id, page=pages[0])
    template = render_item({**item, "page": _PLACEHOLDER, "locator": _PLACEHOLDER}, style=STYLE)
    bare = ", " + _PLACEHOLDER
    with _lock:
        trusted = _trusted.get(doc.volume_id)
    if trusted is None:
        real = _real(store, doc, pages[:1])
        trusted = (template.count(_PLACEHOLDER) == 1 and template.count(bare) == 1
                   and template.replace(bare, "") == real[0].text
                   and template.replace(_PLACEHOLDER, pages[0]) == real[1].text)
        with _lock:
            _trusted[doc.volume_id] = trusted
    if not trusted:
        return _real(store, doc, pages)
    method = f"{CITE_METHOD}+{PAGES_METHOD}"
    return [Citation(None, template.replace(bare, ""), method),
            *(Citation(p, template.replace(_PLACEHOLDER, p), method) for p in pages)]


def citations_of(store: Store, doc: Document, volume: Volume) -> list[Citation]:
    """The citation of ``doc`` and of each of its printed pages (cached per document)."""
    key = (store.location, doc.id)
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            return cached
    pages = list(dict.fromkeys(p.n for p in doc.pages))
    try:
        found = _cited(store, doc, pages)
    except NotFound:
        raise
    except MemconError:
        found = [Citation(p, _fallback(doc, volume, p), FALLBACK) for p in [None, *pages]]
    with _lock:
        _cache[key] = found
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return found
