"""One record per document, whatever its sources: recognise copies and merge them while ingesting.

Two ways a document arrives twice:

* a **single-document source** (a page copied from history.state.gov, a Wilson record,
  a text file) of a document the store already holds — from TEI, or from another single
  source — is recognised (:meth:`Recogniser.match`) and merged into it
  (:func:`memcon.enrich.merge.merge_documents`: the most structured reading wins, the
  others fill its gaps, every provenance is kept);
* a **TEI volume** arrives after copies of its documents were stored: each document of
  the volume takes in the copies stored under its id or recognised by fingerprint
  (:meth:`Recogniser.volume_documents`), in the volume's own transaction.

Recognition: the same id (a copy whose file name or URL names ``frus1961-63v05/d88``);
otherwise a stored document with the same printed number whose text has the same
sentences (:mod:`memcon.enrich.fingerprints`); otherwise another single source with the
same sentences.  Every source's own reading is kept in the store (``source_records``),
so a merged record can be rebuilt when any source changes, and nothing ingested is lost.

DOCS: docs/architecture.md#one-record-per-document
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from memcon.enrich.fingerprints import fingerprint, same_document
from memcon.enrich.merge import merge_documents
from memcon.errors import NotFound
from memcon.model.records import Document, Volume
from memcon.store.base import SourceRecord, Store

UNPLACED_VOLUMES = frozenset({"hsg", "text"})
"""Volumes of single documents whose real place memcon could not tell (a copied page
whose file name does not say its volume): a TEI volume may still claim them."""

MAX_CANDIDATES = 5_000
"""Documents of the same printed number compared, at most, with a new copy."""


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a single-document source went: the document as stored, and whether it was
    recognised as a document already held (``merged_into`` its id)."""

    document: Document
    merged_into: str | None


def _normal_heading(text: str) -> str:
    return " ".join(text.casefold().split())


class Recogniser:
    """Matches and merges documents during one ingest run (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._unplaced: list[SourceRecord] | None = None

    # -- single-document sources ---------------------------------------------------------------

    def put(self, volume: Volume, document: Document, *, source: str, sha256: str, format: str) -> Placed:
        """Store ``document`` read from the single-document file ``source``, merged with the
        stored document it is a copy of, if any."""
        fp = fingerprint(document.text)
        match = self.match(document, fp)
        record = SourceRecord(source, sha256, format, match or document.id, tuple(sorted(fp)), document)
        if match is None:
            stored = self.store.put_document(volume, document, record=record)
            self._remember(record)
            return Placed(stored, None)
        existing = self.store.get_document(match)
        # this source's earlier reading (a changed file) no longer counts
        kept = replace(existing, provenance=tuple(p for p in existing.provenance if p.source != source))
        merged = merge_documents([kept, document])
        home = self.store.get_volume(existing.volume_id)
        absorbed = [document.id] if document.id != merged.id else []
        stored = self.store.put_document(home, merged, record=record, absorbed=absorbed)
        self._repoint(document.id, merged.id)
        self._remember(record)
        return Placed(stored, merged.id if kept.provenance else None)

    def match(self, document: Document, fp: frozenset[int] | None = None) -> str | None:
        """The id of the stored document ``document`` is a copy of, or ``None``."""
        fp = fingerprint(document.text) if fp is None else fp
        try:
            self.store.get_document(document.id)
            return document.id
        except NotFound:
            pass
        if document.n:
            ids = self.store.documents_numbered(document.n)[:MAX_CANDIDATES]
            heading = _normal_heading(document.heading)
            candidates = [self.store.get_document(i) for i in ids]
            candidates.sort(key=lambda d: _normal_heading(d.heading) != heading)
            for candidate in candidates:
                if candidate.id != document.id and same_document(fp, fingerprint(candidate.text)):
                    return candidate.id
        for record in self._records():
            if record.document_id != document.id and same_document(fp, record.fingerprint):
                return record.document_id
        return None

    def _records(self) -> list[SourceRecord]:
        if self._unplaced is None:
            self._unplaced = self.store.source_records()
        return self._unplaced

    def _remember(self, record: SourceRecord) -> None:
        records = self._records()
        records[:] = [r for r in records if r.source != record.source]
        records.append(record)

    def _repoint(self, old: str, new: str) -> None:
        records = self._records()
        for i, r in enumerate(records):
            if r.document_id == old:
                records[i] = replace(r, document_id=new)

    # -- TEI volumes ---------------------------------------------------------------------------

    def volume_documents(
        self, volume: Volume, documents: Iterable[Document], absorbed: dict[str, str]
    ) -> Iterator[Document]:
        """``documents`` of ``volume`` merged with the stored copies of each, then the copies
        stored in this volume that none of them turned out to be (so none is lost when the
        volume is replaced).  Fills ``absorbed`` with copies stored elsewhere that were taken in.

        The store is read now, not while the result is consumed (the store is then busy
        writing the volume)."""
        by_id: dict[str, list[SourceRecord]] = defaultdict(list)
        for record in self.store.source_records(volume_id=volume.id):
            by_id[record.document_id].append(record)
        unplaced = [r for r in self._records() if r.document_id.split("/", 1)[0] in UNPLACED_VOLUMES]
        if not by_id and not unplaced:
            return iter(documents)
        self._unplaced = None  # source records get re-pointed: read them again when needed
        return self._merged(volume, documents, by_id, unplaced, absorbed)

    @staticmethod
    def _merged(
        volume: Volume,
        documents: Iterable[Document],
        by_id: dict[str, list[SourceRecord]],
        unplaced: list[SourceRecord],
        absorbed: dict[str, str],
    ) -> Iterator[Document]:
        last_seq = -1
        for doc in documents:
            last_seq = max(last_seq, doc.seq)
            readings = [doc, *(r.record for r in by_id.pop(doc.id, ()))]
            if unplaced:
                fp: frozenset[int] | None = None
                for record in list(unplaced):
                    if record.record.n is not None and record.record.n != doc.n:
                        continue
                    fp = fingerprint(doc.text) if fp is None else fp
                    if same_document(fp, record.fingerprint):
                        readings.append(record.record)
                        absorbed[record.document_id] = doc.id
                        unplaced.remove(record)
            yield merge_documents(readings) if len(readings) > 1 else doc
        for doc_id in sorted(by_id):
            last_seq += 1
            merged = merge_documents([r.record for r in by_id[doc_id]])
            yield replace(merged, id=doc_id, volume_id=volume.id, seq=last_seq)


__all__ = ["MAX_CANDIDATES", "Placed", "Recogniser", "UNPLACED_VOLUMES"]
