"""One record from several readings of the same document (pure; no I/O).

When a document arrives from two sources — FRUS TEI and a page copied from
history.state.gov, a Wilson record saved as a page and fetched as JSON — memcon
keeps one record with every provenance.  :func:`merge_documents` builds it:

* the *base* is the reading from the most structured source (:data:`FORMAT_RANK`:
  TEI first); its text and everything that points into its text (footnotes, pages,
  annotations, attachments, the heading, participants) come from it alone, so every
  offset stays true;
* any other field the base lacks (a summary, an archive, a URL, an original-language
  transcript, a date …) is taken from the next reading that has it;
* provenance is the union of all readings', base first.

DOCS: docs/architecture.md#one-record-per-document
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from typing import Any

from memcon.model.records import Document, Provenance

MERGER = "memcon.merge.v1"

FORMAT_RANK: dict[str, int] = {
    "frus-tei": 0,
    "wilson-json": 1,
    "hsg-page": 2,
    "wilson-page": 3,
    "text": 9,
}
"""Which reading wins: lower is more structured.  Formats not listed rank after ``text``."""

_FROM_BASE = frozenset(
    {"id", "volume_id", "seq", "text", "heading", "n", "footnotes", "pages", "annotations", "attachments",
     "participants", "chapter", "provenance", "source_note", "source_fields", "references", "language"}
)
"""Fields that belong to the base's text (offsets, rendering) or are decided by it."""

_UNSET: dict[str, Any] = {"doc_type": "document"}
"""Field values that mean "not known" besides ``None`` and ``()``."""


def rank(document: Document) -> tuple[int, str]:
    """Sort key of a reading: the best rank among its provenances, then its id."""
    formats = [FORMAT_RANK.get(p.format, 10) for p in document.provenance] or [10]
    return min(formats), document.id


def _empty(name: str, value: Any) -> bool:
    return value is None or value == () or value == "" or _UNSET.get(name, object()) == value


def merge_documents(readings: Sequence[Document]) -> Document:
    """One record of the same document read from several sources (see the module docstring).

    The result keeps the base's ``id``, ``volume_id`` and ``seq``; callers store it under them.
    """
    if not readings:
        raise ValueError("merge_documents needs at least one reading")
    ordered = sorted(readings, key=rank)
    base = ordered[0]
    if len(ordered) == 1:
        return base
    changes: dict[str, Any] = {}
    for f in fields(Document):
        name = f.name
        if name in _FROM_BASE or not _empty(name, getattr(base, name)):
            continue
        for other in ordered[1:]:
            value = getattr(other, name)
            if not _empty(name, value):
                changes[name] = value
                break
    if not base.references:
        for other in ordered[1:]:
            if other.references:
                # they point into the other reading's text: keep what they say, not where
                changes["references"] = tuple(replace(r, offset=None) for r in other.references)
                break
    if base.source_note is None:
        for other in ordered[1:]:
            if other.source_note is not None:
                changes["source_note"] = other.source_note
                changes["source_fields"] = other.source_fields
                break
    seen: set[Provenance] = set()
    provenance: list[Provenance] = []
    for reading in ordered:
        for p in reading.provenance:
            if p not in seen:
                seen.add(p)
                provenance.append(p)
    changes["provenance"] = tuple(provenance)
    return replace(base, **changes)


__all__ = ["FORMAT_RANK", "MERGER", "merge_documents", "rank"]
