"""Records ⇄ rows: how :mod:`memcon.model.records` map onto the tables of the SQLite store.

One place holds the column lists, so the SQL that writes a table and the code
that reads it back cannot drift apart.  Encoding is on the ingest hot path:
rows are plain tuples appended to per-table lists and written with
``executemany``.  Decoding returns records equal (``==``) to those written.

DOCS: docs/database.md
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, cast

from memcon.errors import StoreError
from memcon.model.dates import date_bounds
from memcon.model.records import (
    AlternateText,
    Annotation,
    Attachment,
    DatePrecision,
    DocDate,
    Document,
    Footnote,
    PageBreak,
    Participant,
    PersonEntry,
    Provenance,
    Reference,
    Tag,
    TermEntry,
    Volume,
)
from memcon.model.serialize import from_json, to_json
from memcon.store._codec_notes import SOURCE_NOTE_COLUMNS, decode_source_note, source_note_row

Row = tuple[Any, ...]

DATE_COLUMNS = (
    "date_text",
    "date_when",
    "date_start",
    "date_end",
    "date_not_before",
    "date_not_after",
    "date_precision",
    "date_uncertain",
    "date_timezone",
    "date_source",
)
VOLUME_COLUMNS = (
    "id",
    "title",
    "series",
    "subseries",
    "volume_number",
    "volume_title",
    "editors",
    "publisher",
    "pub_place",
    "pub_year",
    "ingested_at",
)
PERSON_COLUMNS = ("volume_id", "idx", "xml_id", "name", "description")
TERM_COLUMNS = ("volume_id", "idx", "xml_id", "term", "description")
DOCUMENT_COLUMNS = (
    "id",
    "volume_id",
    "seq",
    "n",
    "heading",
    "doc_type",
    "place",
    "subject",
    "language",
    "chapter",
    *DATE_COLUMNS,
    "date_min",
    "date_max",
    "source_note",
    "text",
)
FOOTNOTE_COLUMNS = ("document_id", "idx", "n", "kind", "inline", "char_offset", "xml_id", "text")
PAGE_COLUMNS = ("document_id", "idx", "n", "char_offset", "facs", "xml_id", "marker")
ANNOTATION_COLUMNS = (
    "document_id",
    "idx",
    "kind",
    "char_start",
    "char_end",
    "text",
    "target",
    "role",
    "footnote_idx",
)
PARTICIPANT_COLUMNS = ("document_id", "idx", "text", "side", "person_ref")
ATTACHMENT_COLUMNS = ("document_id", "idx", "heading", "char_start", "char_end", "place", *DATE_COLUMNS)
PROVENANCE_COLUMNS = (
    "volume_id",
    "document_id",
    "idx",
    "source",
    "sha256",
    "reader",
    "reader_version",
    "format",
    "line",
    "ingested_at",
)

REFERENCE_COLUMNS = ("document_id", "idx", "kind", "text", "target", "char_offset", "note")
TEXT_COLUMNS = ("document_id", "idx", "language", "kind", "title", "source", "text")
TAG_COLUMNS = ("document_id", "idx", "kind", "value", "ident")
DETAIL_COLUMNS = (
    "document_id",
    "summary",
    "original_language",
    "authors",
    "archive",
    "url",
    "credits",
    "signed_by",
    "signed_date",
)

CHILD_TABLES: dict[str, tuple[str, ...]] = {
    "footnotes": FOOTNOTE_COLUMNS,
    "pages": PAGE_COLUMNS,
    "annotations": ANNOTATION_COLUMNS,
    "participants": PARTICIPANT_COLUMNS,
    "attachments": ATTACHMENT_COLUMNS,
    "doc_references": REFERENCE_COLUMNS,
    "texts": TEXT_COLUMNS,
    "tags": TAG_COLUMNS,
}
"""Tables holding one row per element of a Document tuple field, keyed by (document_id, idx)."""

DETAIL_TABLES: dict[str, tuple[str, ...]] = {
    "document_details": DETAIL_COLUMNS,
    "source_notes": SOURCE_NOTE_COLUMNS,
}
"""Tables holding at most one row per document (keyed by document_id), only when it has the fields."""

ROW_TABLES: dict[str, tuple[str, ...]] = {**CHILD_TABLES, **DETAIL_TABLES}
"""Every table a document's rows go to besides ``documents`` and ``provenance``."""

_NO_DATE: Row = (None,) * len(DATE_COLUMNS)
_EMPTY_JSON = "[]"


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, …)``."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


# -- dates: bounds come from memcon.model.dates, shared with the full-text index ------------


def _date_values(date: DocDate | None) -> Row:
    if date is None:
        return _NO_DATE
    return (
        date.text,
        date.when,
        date.start,
        date.end,
        date.not_before,
        date.not_after,
        date.precision,
        int(date.uncertain),
        date.timezone,
        date.source,
    )


def _decode_date(values: Sequence[Any]) -> DocDate | None:
    # date_text is a str in every DocDate, so NULL means "no date" unambiguously.
    if values[0] is None:
        return None
    return DocDate(
        text=values[0],
        when=values[1],
        start=values[2],
        end=values[3],
        not_before=values[4],
        not_after=values[5],
        precision=cast("DatePrecision | None", values[6]),
        uncertain=bool(values[7]),
        timezone=values[8],
        source=values[9],
    )


# -- encoding ------------------------------------------------------------------------------------


_ENCODE_JSON = json.JSONEncoder(ensure_ascii=False).encode
"""``json.dumps(…, ensure_ascii=False)`` without building an encoder per call (ingest hot path)."""


def _json_list(items: tuple[str, ...]) -> str:
    return _ENCODE_JSON(list(items)) if items else _EMPTY_JSON


def volume_row(volume: Volume, *, ingested_at: str) -> Row:
    """The ``volumes`` row of ``volume`` (counts and date range are filled in after its documents)."""
    return (
        volume.id,
        volume.title,
        volume.series,
        volume.subseries,
        volume.volume_number,
        volume.volume_title,
        _json_list(volume.editors),
        volume.publisher,
        volume.pub_place,
        volume.pub_year,
        ingested_at,
    )


def person_rows(volume: Volume) -> list[Row]:
    """The ``volume_persons`` rows of ``volume``."""
    return [(volume.id, i, p.xml_id, p.name, p.description) for i, p in enumerate(volume.persons)]


def term_rows(volume: Volume) -> list[Row]:
    """The ``volume_terms`` rows of ``volume``."""
    return [(volume.id, i, t.xml_id, t.term, t.description) for i, t in enumerate(volume.terms)]


def provenance_row(volume_id: str, document_id: str | None, idx: int, p: Provenance, ingested_at: str) -> Row:
    """One ``provenance`` row."""
    return (
        volume_id,
        document_id,
        idx,
        p.source,
        p.sha256,
        p.reader,
        p.reader_version,
        p.format,
        p.line,
        ingested_at,
    )


def _tuple(value: str) -> tuple[Any, ...]:
    return () if value == _EMPTY_JSON else tuple(json.loads(value))


class RowBatch:
    """Rows of a run of documents, table by table, ready for ``executemany``."""

    __slots__ = ("children", "count", "date_max", "date_min", "documents", "ingested_at", "provenance")

    def __init__(self, *, ingested_at: str) -> None:
        self.ingested_at = ingested_at
        self.documents: list[Row] = []
        self.children: dict[str, list[Row]] = {table: [] for table in ROW_TABLES}
        self.provenance: list[Row] = []
        self.date_min: str | None = None
        self.date_max: str | None = None
        self.count = 0

    def __len__(self) -> int:
        return len(self.documents)

    def add(self, doc: Document) -> None:
        """Encode ``doc`` into rows and track the volume's date range."""
        did = doc.id
        lo, hi = date_bounds(doc.date)
        if lo is not None and (self.date_min is None or lo < self.date_min):
            self.date_min = lo
        if hi is not None and (self.date_max is None or hi > self.date_max):
            self.date_max = hi
        self.documents.append(
            (
                did,
                doc.volume_id,
                doc.seq,
                doc.n,
                doc.heading,
                doc.doc_type,
                doc.place,
                doc.subject,
                doc.language,
                _json_list(doc.chapter),
                *_date_values(doc.date),
                lo,
                hi,
                doc.source_note,
                doc.text,
            )
        )
        children = self.children
        if doc.footnotes:
            children["footnotes"].extend(
                (did, i, f.n, f.kind, int(f.inline), f.offset, f.xml_id, f.text)
                for i, f in enumerate(doc.footnotes)
            )
        if doc.pages:
            children["pages"].extend(
                (did, i, p.n, p.offset, p.facs, p.xml_id, int(p.marker)) for i, p in enumerate(doc.pages)
            )
        if doc.annotations:
            children["annotations"].extend(
                (did, i, a.kind, a.start, a.end, a.text, a.target, a.role, a.footnote)
                for i, a in enumerate(doc.annotations)
            )
        if doc.participants:
            children["participants"].extend(
                (did, i, p.text, p.side, p.person_ref) for i, p in enumerate(doc.participants)
            )
        if doc.attachments:
            children["attachments"].extend(
                (did, i, a.heading, a.start, a.end, a.place, *_date_values(a.date))
                for i, a in enumerate(doc.attachments)
            )
        if doc.references:
            children["doc_references"].extend(
                (did, i, r.kind, r.text, r.target, r.offset, r.note) for i, r in enumerate(doc.references)
            )
        if doc.texts:
            children["texts"].extend(
                (did, i, t.language, t.kind, t.title, t.source, t.text) for i, t in enumerate(doc.texts)
            )
        if doc.tags:
            children["tags"].extend((did, i, t.kind, t.value, t.ident) for i, t in enumerate(doc.tags))
        if doc.source_fields is not None:
            children["source_notes"].append(source_note_row(did, doc.source_fields, doc.source_note))
        if (
            doc.summary is not None
            or doc.original_language is not None
            or doc.authors
            or doc.archive is not None
            or doc.url is not None
            or doc.credits is not None
            or doc.signed_by is not None
            or doc.signed_date is not None
        ):
            children["document_details"].append(
                (
                    did,
                    doc.summary,
                    doc.original_language,
                    _json_list(doc.authors),
                    doc.archive,
                    doc.url,
                    doc.credits,
                    doc.signed_by,
                    None if doc.signed_date is None else to_json(doc.signed_date),
                )
            )
        if doc.provenance:
            at = self.ingested_at
            self.provenance.extend(
                provenance_row(doc.volume_id, did, i, p, at) for i, p in enumerate(doc.provenance)
            )
        self.count += 1

    def take(self) -> list[tuple[str, list[Row]]]:
        """``(table, rows)`` of the documents added since the last call, in an order that
        satisfies the foreign keys; the batch starts afresh (count and date range stay)."""
        out = [("documents", self.documents)]
        out.extend((table, self.children[table]) for table in ROW_TABLES)
        out.append(("provenance", self.provenance))
        self.documents = []
        self.children = {table: [] for table in ROW_TABLES}
        self.provenance = []
        return out


class DocumentChecker:
    """Refuses documents that would corrupt a volume: wrong volume, repeated id or ``seq``.

    Shared by every store so they reject the same input with the same message.
    """

    __slots__ = ("ids", "seqs", "volume_id")

    def __init__(self, volume_id: str) -> None:
        self.volume_id = volume_id
        self.ids: set[str] = set()
        self.seqs: dict[int, str] = {}

    def check(self, doc: Document) -> None:
        """Raise :class:`StoreError` if ``doc`` cannot be stored in this volume."""
        if doc.volume_id != self.volume_id:
            raise StoreError(
                f"document {doc.id!r} belongs to volume {doc.volume_id!r}, not {self.volume_id!r}",
                hint="a reader must yield only the documents of the volume it read",
            )
        if doc.id in self.ids:
            raise StoreError(
                f"document {doc.id!r} appears twice in volume {self.volume_id!r}",
                hint="document ids must be unique; check the source for a repeated xml:id",
            )
        other = self.seqs.get(doc.seq)
        if other is not None:
            raise StoreError(
                f"documents {other!r} and {doc.id!r} of volume {self.volume_id!r} have the same seq {doc.seq}",
                hint="number documents in volume order (Document.seq = 0, 1, 2 …)",
            )
        self.ids.add(doc.id)
        self.seqs[doc.seq] = doc.id


# -- decoding ------------------------------------------------------------------------------------

VOLUME_SELECT = ", ".join(VOLUME_COLUMNS[:-1])
DOCUMENT_SELECT = ", ".join(DOCUMENT_COLUMNS)
_DOC_DATE = slice(10, 10 + len(DATE_COLUMNS))
_DOC_SOURCE_NOTE = 10 + len(DATE_COLUMNS) + 2


def decode_provenance(row: Sequence[Any]) -> Provenance:
    """A :class:`Provenance` from ``source, sha256, reader, reader_version, format, line``."""
    return Provenance(
        source=row[0], sha256=row[1], reader=row[2], reader_version=row[3], format=row[4], line=row[5]
    )


def decode_volume(
    row: Sequence[Any],
    persons: Sequence[Sequence[Any]],
    terms: Sequence[Sequence[Any]],
    provenance: Sequence[Any] | None,
) -> Volume:
    """A :class:`Volume` from its row (``VOLUME_SELECT``), person and term rows
    (``xml_id, name|term, description``) and its provenance row, if any."""
    return Volume(
        id=row[0],
        title=row[1],
        series=row[2],
        subseries=row[3],
        volume_number=row[4],
        volume_title=row[5],
        editors=tuple(json.loads(row[6])),
        publisher=row[7],
        pub_place=row[8],
        pub_year=row[9],
        persons=tuple(PersonEntry(xml_id=p[0], name=p[1], description=p[2]) for p in persons),
        terms=tuple(TermEntry(xml_id=t[0], term=t[1], description=t[2]) for t in terms),
        provenance=decode_provenance(provenance) if provenance is not None else None,
    )


def decode_document(
    row: Sequence[Any], children: dict[str, list[Row]], provenance: Sequence[Row]
) -> Document:
    """A :class:`Document` from its row (``DOCUMENT_SELECT``), its child rows by table
    (columns as in ``CHILD_TABLES``, missing tables meaning none) and its provenance
    rows (``document_id, source, sha256, reader, reader_version, format, line``)."""
    chapter = row[9]
    source_note = row[_DOC_SOURCE_NOTE]
    details = children.get("document_details")
    detail = details[0] if details else None
    notes = children.get("source_notes")
    return Document(
        id=row[0],
        volume_id=row[1],
        seq=row[2],
        n=row[3],
        heading=row[4],
        doc_type=row[5],
        place=row[6],
        subject=row[7],
        language=row[8],
        chapter=() if chapter == _EMPTY_JSON else tuple(json.loads(chapter)),
        date=_decode_date(row[_DOC_DATE]),
        source_note=source_note,
        text=row[_DOC_SOURCE_NOTE + 1],
        footnotes=tuple(
            Footnote(n=r[2], kind=r[3], inline=bool(r[4]), offset=r[5], xml_id=r[6], text=r[7])
            for r in children.get("footnotes", ())
        ),
        pages=tuple(
            PageBreak(n=r[2], offset=r[3], facs=r[4], xml_id=r[5], marker=bool(r[6]))
            for r in children.get("pages", ())
        ),
        annotations=tuple(
            Annotation(kind=r[2], start=r[3], end=r[4], text=r[5], target=r[6], role=r[7], footnote=r[8])
            for r in children.get("annotations", ())
        ),
        participants=tuple(
            Participant(text=r[2], side=r[3], person_ref=r[4]) for r in children.get("participants", ())
        ),
        attachments=tuple(
            Attachment(heading=r[2], start=r[3], end=r[4], place=r[5], date=_decode_date(r[6:]))
            for r in children.get("attachments", ())
        ),
        provenance=tuple(decode_provenance(r[1:]) for r in provenance),
        references=tuple(
            Reference(kind=r[2], text=r[3], target=r[4], offset=r[5], note=r[6])
            for r in children.get("doc_references", ())
        ),
        texts=tuple(
            AlternateText(language=r[2], kind=r[3], title=r[4], source=r[5], text=r[6])
            for r in children.get("texts", ())
        ),
        tags=tuple(Tag(kind=r[2], value=r[3], ident=r[4]) for r in children.get("tags", ())),
        source_fields=decode_source_note(notes[0], source_note) if notes else None,
        summary=detail[1] if detail else None,
        original_language=detail[2] if detail else None,
        authors=_tuple(detail[3]) if detail else (),
        archive=detail[4] if detail else None,
        url=detail[5] if detail else None,
        credits=detail[6] if detail else None,
        signed_by=detail[7] if detail else None,
        signed_date=from_json(detail[8], DocDate) if detail and detail[8] is not None else None,
    )
