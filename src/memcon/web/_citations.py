"""The "cite this" box of the reader: a citation of the document and of each of its printed pages.

When the citation module (:func:`memcon.cite.format_citation`) is available it writes them;
until then (and whenever it cannot cite a record) a plain citation in the Chicago manner is written
here from the volume and the document (``memcon.web.cite.v1``), so the box is never empty.

DOCS: docs/web.md#the-document-reader
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from memcon.errors import MemconError
from memcon.model.records import Document, Volume
from memcon.store.base import Store

FALLBACK = "memcon.web.cite.v1"
STYLE = "chicago-fullnote-bibliography"


@dataclass(frozen=True, slots=True)
class Citation:
    """The citation of a document (``page`` None) or of one printed page, and who wrote it."""

    page: str | None
    text: str
    method: str


def _formatter() -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("memcon.cite")
    except ImportError:  # pragma: no cover - the package exists
        return None
    found = getattr(module, "format_citation", None)
    return found if callable(found) else None


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


def citations_of(store: Store, doc: Document, volume: Volume) -> list[Citation]:
    """The citation of ``doc`` and of each of its printed pages."""
    pages: list[str | None] = [None, *dict.fromkeys(p.n for p in doc.pages)]
    formatter = _formatter()
    out = []
    for page in pages:
        text, method = None, FALLBACK
        if formatter is not None:
            try:
                result = formatter(store, doc.id, page=page, style=STYLE)
                text = getattr(result, "text", None) or (result if isinstance(result, str) else None)
                method = str(getattr(result, "method", "memcon.cite"))
            except (MemconError, TypeError, ValueError):
                text = None
        if not text:
            text, method = _fallback(doc, volume, page), FALLBACK
        out.append(Citation(page, text, method))
    return out
