"""The records that flow between memcon's stages.

Every record is a frozen dataclass: readers produce them, enrichers return new
ones, the store persists them, search and the CLI read them back.  Nothing
between two stages is a loose dict.

Offsets (``start``, ``end``, ``offset``) are character offsets into
``Document.text``, the document rendered as history.state.gov renders it:

    88. Memorandum of Conversation[1]
    Vienna, June 4, 1961.

    During lunch the following points of interest emerged:

    ... missiles are the [Page 226] God of War today ...

Paragraphs are separated by a blank line; a page turn inside the document is
rendered ``[Page N]`` where the ``<pb/>`` stands; a footnote anchor is rendered
``[N]`` where the ``<note/>`` stands (inline source notes are printed as a
line of their own).  The footnotes themselves are not part of ``text``: they
are ``Document.footnotes`` and a renderer lists them after the text
(:func:`memcon.model.render.render_document`).

DOCS: docs/architecture.md#records
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

T = TypeVar("T")

_TRAILING_MARKERS = re.compile(r"(?:\s*\[Page [^\]\n]*\]*\])+\s*$")
"""``[Page N]`` markers (``N`` may itself hold brackets: ``[Page [326]]``) at the very end of a text."""


def _fast_pickle(cls: type[T]) -> type[T]:
    """Pickle a frozen slotted record as ``cls(*values)``.

    Records cross process boundaries during ingest (reader processes → writer); the
    default ``__setstate__`` of frozen slotted dataclasses costs several times more.
    """
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    get: Callable[[Any], Any] = operator.attrgetter(*names)
    single = len(names) == 1

    def __reduce__(self: Any) -> tuple[type[T], tuple[Any, ...]]:
        values = get(self)
        return cls, ((values,) if single else values)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign,assignment]
    return cls

DatePrecision = Literal["year", "month", "day", "hour", "minute", "second"]
"""How much of an ISO date or datetime the source actually states."""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class DocDate:
    """When a document happened, with the precision and uncertainty the source gives.

    ``when`` is an ISO 8601 date or datetime (``1961-06-04``, ``1961-06-04T13:15``,
    ``1962-10-18T17:00:00Z``).  For a range, ``start``/``end`` hold TEI's
    ``from``/``to``; for an uncertain date, ``not_before``/``not_after``.
    ``sort_key`` is the earliest ISO date the record can stand for (used for
    ordering and date filters); ``sort_key_end`` the latest.
    A memorandum of conversation is dated by the conversation, not by its drafting.
    """

    text: str
    when: str | None = None
    start: str | None = None
    end: str | None = None
    not_before: str | None = None
    not_after: str | None = None
    precision: DatePrecision | None = None
    uncertain: bool = False
    timezone: str | None = None
    source: str = "dateline"
    """Where the date was read: ``dateline`` (its machine-readable attributes), ``dateline-text``
    (the printed date, when the attributes were impossible or contradicted it), ``div-attribute``
    (``frus:doc-dateTime-min/max``), ``heading``, ``text``."""

    @property
    def sort_key(self) -> str | None:
        return self.when or self.start or self.not_before or self.not_after

    @property
    def sort_key_end(self) -> str | None:
        return self.when or self.end or self.not_after or self.not_before or self.start


@_fast_pickle
@dataclass(frozen=True, slots=True)
class PageBreak:
    """A printed page that begins at ``offset`` in ``Document.text``.

    The first entry of a document's page map has ``marker=False``: it is the
    page in effect where the document begins (set by a ``<pb/>`` before the
    document), not a page turn rendered in the text.
    """

    n: str
    offset: int
    facs: str | None = None
    xml_id: str | None = None
    marker: bool = True


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Footnote:
    """A note of the document: number, text and where its anchor stands.

    ``kind`` is ``source`` for the source note (TEI ``type="source"``) and
    ``footnote`` otherwise.  ``inline`` notes (TEI ``rend="inline"``) are printed
    in the text itself, as the book does, and have no anchor number.
    """

    n: str | None
    text: str
    offset: int
    kind: str = "footnote"
    inline: bool = False
    xml_id: str | None = None


AnnotationKind = Literal[
    "persName", "placeName", "orgName", "gloss", "ref", "term", "date", "quote", "editorial", "omission"
]
"""``editorial``: a bracketed insertion of the editors ("[Here follows …]", "[1 paragraph (4 lines)
not declassified]"); ``omission``: a passage the record marks as left out ("/ ... /", "[…]")."""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Annotation:
    """An editors' tag kept as a span of ``Document.text`` (or of a footnote).

    ``target`` is the tag's pointer as given (``#p_KNS1``, ``#t_USSR1``,
    ``frus1919Parisv03#pg_817``, ``#d84``); ``role`` its ``type`` attribute
    (``from``/``to`` on a persName in a heading).  ``footnote`` is the index of
    the footnote the span lies in, or ``None`` for the text itself; offsets
    are then relative to that footnote's text.
    """

    kind: str
    start: int
    end: int
    text: str
    target: str | None = None
    role: str | None = None
    footnote: int | None = None


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Participant:
    """One entry of a document's participant list, as printed."""

    text: str
    side: str | None = None
    person_ref: str | None = None


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Attachment:
    """A document quoted inside another (``frus:attachment``, nested ``div``).

    It stays part of its parent's text (as history.state.gov shows it);
    ``start``/``end`` delimit it there.
    """

    heading: str
    start: int
    end: int
    date: DocDate | None = None
    place: str | None = None


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record came from: the file, its digest, and the reader that read it."""

    source: str
    sha256: str
    reader: str
    reader_version: str
    format: str
    line: int | None = None


@_fast_pickle
@dataclass(frozen=True, slots=True)
class PersonEntry:
    """An entry in a volume's list of persons (``div[@xml:id='persons']``)."""

    xml_id: str
    name: str
    description: str


@_fast_pickle
@dataclass(frozen=True, slots=True)
class TermEntry:
    """An entry in a volume's list of terms and abbreviations."""

    xml_id: str
    term: str
    description: str


@_fast_pickle
@dataclass(frozen=True, slots=True)
class SourceNote:
    """A parsed source note (:func:`memcon.enrich.source_notes.parse_source_note`).

    Every segment of ``text`` is in one field or verbatim in ``other``; ``parts`` lists
    ``(field, segment)`` in note order, so a value can always be traced back to the words
    it came from (field ``prefix`` holds a leading "Source:").  ``parser`` names the
    algorithm and its version.
    """

    text: str
    archive: str | None = None
    collection: str | None = None
    file_numbers: tuple[str, ...] = ()
    classification: str | None = None
    handling: tuple[str, ...] = ()
    drafted_by: tuple[str, ...] = ()
    approved_by: str | None = None
    approved_on: str | None = None
    """As printed ("June 23")."""
    approved_date: str | None = None
    """``approved_on`` as an ISO date, the year taken from the note or the document ("1961-06-23")."""
    meeting_place: str | None = None
    translation: bool = False
    paraphrase: bool = False
    telegram: bool = False
    serial: str | None = None
    enclosure: tuple[str, ...] = ()
    received: str | None = None
    labels: tuple[str, ...] = ()
    other: tuple[str, ...] = ()
    parts: tuple[tuple[str, str], ...] = ()
    parser: str = "memcon.source_note.v1"


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Reference:
    """A pointer the record itself prints to another document.

    ``kind`` says what the pointer stands for: ``participants`` (the list of participants
    is printed with the target: "[Here follows the same list of participants as printed at
    the end of Document 84.]"), ``see`` (any other editorial pointer).  ``target`` is a
    memcon document id when it can be resolved (``frus1961-63v05/d84``), else the pointer as
    printed (``#d84``, ``Document 84``).  ``offset`` is where ``text`` stands in
    ``Document.text`` (``None`` when it is not part of the text); ``note`` keeps what the
    record says in the reference's place ("Listed on Page 5").
    """

    kind: str
    text: str
    target: str | None = None
    offset: int | None = None
    note: str | None = None


@_fast_pickle
@dataclass(frozen=True, slots=True)
class AlternateText:
    """The document in another language or another form: an original-language transcript
    next to the translation that is ``Document.text``, or a second translation.

    ``language`` is an ISO 639-1 code (``ru``, ``zh``, ``en``) or, when the source names a
    language memcon does not know, the name as given.  ``kind`` is ``transcript`` (the
    original's text) or ``translation``.
    """

    language: str
    text: str
    kind: str = "transcript"
    title: str | None = None
    source: str | None = None
    """Where this text came from (a URL or file), when not the document's own provenance."""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Tag:
    """A catalogue entry attached to a record by its archive: ``kind`` is ``collection``,
    ``subject``, ``coverage`` (a place or region), ``repository``, ``contributor`` …;
    ``ident`` the archive's own id for it, when given."""

    kind: str
    value: str
    ident: str | None = None


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Volume:
    """A FRUS volume (or, for other sources, the collection a document belongs to)."""

    id: str
    title: str
    series: str | None = None
    subseries: str | None = None
    volume_number: str | None = None
    volume_title: str | None = None
    editors: tuple[str, ...] = ()
    publisher: str | None = None
    pub_place: str | None = None
    pub_year: str | None = None
    persons: tuple[PersonEntry, ...] = ()
    terms: tuple[TermEntry, ...] = ()
    provenance: Provenance | None = None


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Document:
    """One document: a memorandum of conversation, telegram, despatch, minutes, note ...

    ``id`` is ``VOLUME/dN`` for FRUS (``frus1919Parisv01/d337``).
    ``chapter`` is the path of headings of the chapters and compilations the
    document sits in, outermost first.
    """

    id: str
    volume_id: str
    heading: str
    text: str
    n: str | None = None
    doc_type: str = "document"
    place: str | None = None
    date: DocDate | None = None
    subject: str | None = None
    source_note: str | None = None
    footnotes: tuple[Footnote, ...] = ()
    participants: tuple[Participant, ...] = ()
    chapter: tuple[str, ...] = ()
    pages: tuple[PageBreak, ...] = ()
    annotations: tuple[Annotation, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    language: str = "en"
    """Language of ``text`` (ISO 639-1)."""
    provenance: tuple[Provenance, ...] = field(default_factory=tuple)
    seq: int = 0
    """Position of the document in its volume (0-based), for previous/next."""
    source_fields: SourceNote | None = None
    """``source_note`` parsed into archive, file, classification, drafter … (enrich stage)."""
    summary: str | None = None
    """An archive's or editor's summary of the document (Wilson Center "Summary")."""
    original_language: str | None = None
    """Language the document was written in, when ``text`` is a translation (``ru``)."""
    authors: tuple[str, ...] = ()
    """Who wrote or signed the document, as the catalogue names them ("A. A. Gromyko")."""
    archive: str | None = None
    """The archive holding the original ("Archive of Foreign Policy, Russian Federation (AVP RF)")."""
    url: str | None = None
    """The record's canonical address on the web."""
    credits: str | None = None
    """Who made the record available (translation, funding)."""
    signed_by: str | None = None
    """The signature as printed at the end ("A. GROMYKO")."""
    signed_date: DocDate | None = None
    """The date printed with the signature, when it differs from ``date`` (a cable sent two
    days after the conversation it reports)."""
    references: tuple[Reference, ...] = ()
    texts: tuple[AlternateText, ...] = ()
    """The document in other languages or forms (an original-language transcript)."""
    tags: tuple[Tag, ...] = ()

    def page_at(self, offset: int) -> str | None:
        """The printed page on which character ``offset`` of ``text`` stands."""
        page: str | None = None
        for pb in self.pages:
            if pb.offset > offset:
                break
            page = pb.n
        return page

    @property
    def first_page(self) -> str | None:
        return self.pages[0].n if self.pages else None

    @property
    def last_page(self) -> str | None:
        """The page on which the document's text ends.

        A ``<pb/>`` that closes a document with no text after it (366 documents of the
        shared volumes end so) starts the *next* document's page: it is rendered, as
        history.state.gov does, but does not extend this document's page range.
        """
        if not self.pages:
            return None
        end = len(_TRAILING_MARKERS.sub("", self.text))
        return self.page_at(max(0, end - 1))
