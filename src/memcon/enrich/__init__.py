"""memcon.enrich: what memcon adds to a record after a reader has read it.

Readers say what a source prints; enrichers derive structure from it, the same way
whatever the source form, so that a FRUS document read from TEI and the same document
copied from history.state.gov come out alike:

* :mod:`memcon.enrich.source_notes` — the source note parsed into archive, file,
  classification, drafter, approval, meeting place (:class:`SourceNote`);
* :mod:`memcon.enrich.references` — editorial insertions ("[Here follows …]") marked,
  the references they make to other documents resolved, and participant-list entries
  that are not participants ("Listed on Page 5") moved to the participants reference;
* :mod:`memcon.enrich.fingerprints` — the text fingerprint that recognises one document
  arriving from two sources;
* a record with no date at all takes the one date its own heading gives ("Announcement by
  President Wilson of the Signing of the Armistice, November 11, 1918"; "… conference held at
  Geneva, in Switzerland, on the 15th of July, 1872") — ``DocDate.source == "heading"``.

:func:`enrich_document` applies all but the fingerprints; ingest calls it on every document in the
reader processes.  It is idempotent: enriching an enriched record changes nothing.

DOCS: docs/architecture.md#enrich
"""

from __future__ import annotations

import re
from dataclasses import fields, replace
from functools import lru_cache
from typing import Any, cast

from memcon.enrich._heading_dates import heading_date
from memcon.enrich.references import editorial_annotations, references, split_placeholders
from memcon.enrich.source_notes import parse_source_note
from memcon.model.records import DocDate, Document, Reference

ENRICHER = "memcon.enrich.v2"
"""Name and version of what :func:`enrich_document` adds (source note v1, references v1, the
heading's date for an undated record)."""

_FRUS_VOLUME = re.compile(r"^frus[\w-]+$")
_FIELD_INDEX = {f.name: i for i, f in enumerate(fields(Document))}

_parse_note = lru_cache(maxsize=8192)(parse_source_note)
"""Source notes repeat ("[Translation.]", "Telegram"): 6,141 notes of the shared volumes are 4,156
distinct texts.  The parse is pure and its record frozen, so a cache is safe."""


def _evolve(document: Document, changes: dict[str, Any]) -> Document:
    """``dataclasses.replace`` for the ingest hot path: the record's values in one C call
    (``__reduce__``, :func:`memcon.model.records._fast_pickle`), the changed ones swapped in."""
    _, values = cast("tuple[type[Document], tuple[Any, ...]]", document.__reduce__())
    new = list(values)
    for name, value in changes.items():
        new[_FIELD_INDEX[name]] = value
    return Document(*new)


def _year(date: DocDate | None) -> int | None:
    key = date.sort_key if date else None
    if key and re.match(r"\d{4}", key):
        return int(key[:4])
    return None


def enrich_document(document: Document) -> Document:
    """``document`` with its source note parsed, editorial insertions annotated and the
    references they make resolved; unchanged fields are left as they are."""
    changes: dict[str, Any] = {}
    if document.date is None and document.heading:
        dated = heading_date(document.heading)
        if dated is not None:
            changes["date"] = dated
    if document.source_note and document.source_fields is None:
        changes["source_fields"] = _parse_note(document.source_note, year=_year(changes.get("date", document.date)))
    text = document.text
    if "[" in text:
        extra = editorial_annotations(text, document.annotations)
        if extra:
            changes["annotations"] = (*document.annotations, *extra)
    refs = list(document.references)
    if not refs and "[" in text:
        volume = document.volume_id if _FRUS_VOLUME.match(document.volume_id) else None
        refs = list(references(text, volume_id=volume, annotations=document.annotations))
    real, notes = split_placeholders(document.participants)
    if notes:
        changes["participants"] = real
        note = "; ".join(notes)
        for i, ref in enumerate(refs):
            if ref.kind == "participants" and ref.note is None:
                refs[i] = replace(ref, note=note)
                break
        else:
            refs.append(Reference("participants", note, None, None))
    if tuple(refs) != document.references:
        changes["references"] = tuple(refs)
    return _evolve(document, changes) if changes else document


__all__ = ["ENRICHER", "enrich_document"]
