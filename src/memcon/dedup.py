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
sentences (:mod:`memcon.enrich.fingerprints`); otherwise, when the copy has no number (the
site prints none for old volumes), the documents the full-text index finds for a few of the
copy's sentences, checked the same way; otherwise another single source with the same
sentences.  Every source's own reading is kept in the store (``source_records``),
so a merged record can be rebuilt when any source changes, and nothing ingested is lost.

DOCS: docs/architecture.md#one-record-per-document
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from memcon.enrich.fingerprints import containment, fingerprint, same_document
from memcon.enrich.merge import merge_documents
from memcon.errors import MemconError, NotFound
from memcon.model.records import Document, Volume
from memcon.search.base import FullTextIndex
from memcon.store.base import SourceRecord, Store

UNPLACED_VOLUMES = frozenset({"hsg", "text"})
"""Volumes of single documents whose real place memcon could not tell (a copied page
whose file name does not say its volume): a TEI volume may still claim them."""

MAX_CANDIDATES = 5_000
"""Documents of the same printed number compared, at most, with a new copy."""

CERTAIN = 0.95
"""Containment from which a copy is merged into a document of a volume while the volume is
written; below it (a reprint of the same letter may follow in the volume) the best match is
merged once the volume is stored (:meth:`Recogniser.settle`)."""

PROBES = 3
"""Sentences of a copy looked up in the full-text index when the copy has no printed number."""
PROBE_WORDS = 8
"""Words of each probe, searched as a phrase."""

_WORD = re.compile(r"[^\W_]+")
_MARKERS = re.compile(r"\[Page [^\]\n]*\]*\]|\[\d+\]")


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

    def __init__(self, store: Store, index: FullTextIndex | None = None) -> None:
        self.store = store
        self.index = index
        self._unplaced: list[SourceRecord] | None = None
        self._later: dict[str, tuple[float, str, SourceRecord]] = {}
        """Copies whose best match in a volume being written was not certain enough to merge
        on the fly: source → (containment, document id, record); see :meth:`settle`."""

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
        ids = self.store.documents_numbered(document.n)[:MAX_CANDIDATES] if document.n else []
        best = self._best(document, fp, ids)
        if (best is None or best[0] < CERTAIN) and self.index is not None:
            # no number, or the number's documents are not quite it (a number printed inside
            # the heading, a reprint): ask the full-text index for the copy's sentences
            probed = self._best(document, fp, [i for i in self._probe(document) if i not in ids])
            if probed is not None and (best is None or probed > best):
                best = probed
        if best is not None:
            return best[2]
        for record in self._records():
            if record.document_id != document.id and same_document(fp, record.fingerprint):
                return record.document_id
        return None

    def _best(
        self, document: Document, fp: frozenset[int], ids: list[str]
    ) -> tuple[float, bool, str] | None:
        """The candidate whose text is most the copy's (the same letter may be printed twice in
        a volume: the closer reprint wins, then the one whose heading is the copy's)."""
        heading = _normal_heading(document.heading)
        scored: list[tuple[float, bool, str]] = []
        for candidate_id in ids:
            if candidate_id == document.id:
                continue
            candidate = self.store.get_document(candidate_id)
            other = fingerprint(candidate.text)
            if same_document(fp, other):
                scored.append((containment(fp, other), _normal_heading(candidate.heading) == heading, candidate_id))
        return max(scored) if scored else None

    def _probe(self, document: Document) -> list[str]:
        """Ids the full-text index finds for the middle words of the copy's longest sentences."""
        from memcon.search.query import Phrase

        assert self.index is not None
        sentences = re.split(r"(?<=[.!?])\s+", _MARKERS.sub(" ", document.text))
        words = sorted((_WORD.findall(s) for s in sentences), key=len, reverse=True)[:PROBES]
        found: list[str] = []
        for run in words:
            if len(run) < PROBE_WORDS:
                break
            middle = (len(run) - PROBE_WORDS) // 2
            phrase = Phrase(tuple(w.lower() for w in run[middle : middle + PROBE_WORDS]))
            try:
                hits = self.index.search(phrase, filters=None, limit=5, offset=0, query_text="")
            except MemconError:
                continue
            found.extend(h.doc_id for h in hits.hits if h.doc_id not in found and h.doc_id != document.id)
        return found

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
        return self._merged(volume, documents, by_id, unplaced, absorbed, self._later)

    @staticmethod
    def _merged(
        volume: Volume,
        documents: Iterable[Document],
        by_id: dict[str, list[SourceRecord]],
        unplaced: list[SourceRecord],
        absorbed: dict[str, str],
        later: dict[str, tuple[float, str, SourceRecord]],
    ) -> Iterator[Document]:
        last_seq = -1
        for doc in documents:
            last_seq = max(last_seq, doc.seq)
            readings = [doc, *(r.record for r in by_id.pop(doc.id, ()))]
            if unplaced:
                fp: frozenset[int] | None = None
                for record in list(unplaced):
                    # every document is compared, whatever its number: a copy may show a number
                    # printed inside the heading ("1. Sir Edward Thornton to Mr. Fish")
                    fp = fingerprint(doc.text) if fp is None else fp
                    if not same_document(fp, record.fingerprint):
                        continue
                    score = containment(fp, record.fingerprint)
                    if score >= CERTAIN:
                        readings.append(record.record)
                        absorbed[record.document_id] = doc.id
                        unplaced.remove(record)
                        later.pop(record.source, None)
                    elif score > later.get(record.source, (0.0, "", record))[0]:
                        later[record.source] = (score, doc.id, record)  # a closer reprint may follow
            yield merge_documents(readings) if len(readings) > 1 else doc
        for doc_id in sorted(by_id):
            last_seq += 1
            merged = merge_documents([r.record for r in by_id[doc_id]])
            yield replace(merged, id=doc_id, volume_id=volume.id, seq=last_seq)


    def settle(self) -> list[str]:
        """Merge the copies a volume just written matched less than certainly into their best
        match, each in a transaction of its own (until then they stayed documents of their own,
        so nothing is lost if this is interrupted).  Returns the ids merged into."""
        done: list[str] = []
        pending, self._later = self._later, {}
        for _score, doc_id, record in pending.values():
            existing = self.store.get_document(doc_id)
            merged = merge_documents([existing, record.record])
            home = self.store.get_volume(existing.volume_id)
            placed = replace(record, document_id=merged.id)
            self.store.put_document(home, merged, record=placed, absorbed=[record.document_id])
            done.append(merged.id)
        self._unplaced = None
        return done


__all__ = ["CERTAIN", "MAX_CANDIDATES", "Placed", "Recogniser", "UNPLACED_VOLUMES"]
