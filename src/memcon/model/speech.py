"""The records of who said what: statements attributed to speakers, and the meetings they were made at.

A :class:`Statement` is a span of a document's text that reports (or quotes) what one speaker
said; offsets are into ``Document.text`` like every offset of the record model, so a statement
can always be cited to its printed page (``Document.page_at``).  The speaker is a person of the
authority when memcon could resolve it (``speaker_id``), and always the words of the record that
name or designate the speaker (``speaker_text``: "Mr. Khrushchev", "the President", "I").

DOCS: docs/architecture.md#people
"""

from __future__ import annotations

from dataclasses import dataclass

from memcon.model.records import DocDate, _fast_pickle

StatementKind = str
"""``reported`` ("Mr. Khrushchev said that …"), ``continuation`` ("He said …", keeping the last
speaker), ``direct`` (quoted words of the speaker), ``first-person`` ("I said …": the record's
author), ``point`` (a numbered point of minutes), ``quotation`` (a document read out: not the
speaker's own words)."""


TopicKind = str
"""``country``, ``place`` (a city or region), ``organisation``, ``subject`` (a diplomatic subject of
the curated vocabulary), ``term`` (an entry of the volume's list of terms), ``person`` (a person
the linker found inside the statement)."""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Topic:
    """Something a statement is about: a place, an organisation, a subject or a person it mentions
    (:mod:`memcon.enrich.topics`)."""

    kind: TopicKind
    key: str
    """Stable and searchable: ``place:berlin``, ``country:cuba``, ``subject:nuclear-tests``,
    ``organisation:united-nations``, ``term:icc``, or a person's memcon id."""
    label: str
    """How a reader names it: "Berlin", "Cuba", "nuclear tests", "ICC, International Control Commission"."""
    start: int = -1
    """Where the statement first mentions it (an offset into ``Document.text``: its page)."""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Statement:
    """What one speaker said, as the record reports it."""

    start: int
    end: int
    speaker_text: str
    """The words that name or designate the speaker, as printed ("Mr. Khrushchev", "He", "I")."""
    speaker_id: str | None
    """The speaker's memcon person id, or ``None`` when unresolved (never a guess)."""
    kind: StatementKind
    verb: str | None = None
    """The speech verb as printed, lower-cased: said, observed, replied, asked, interjected …"""
    addressee_text: str | None = None
    addressee_id: str | None = None
    confidence: float = 0.0
    method: str = ""
    """The extractor's name and version (``memcon.statements.v1``)."""
    reason: str = ""
    """One line a historian can check: how the speaker was found."""
    topics: tuple[Topic, ...] = ()
    """What the statement mentions (``memcon.topics.v1``), in order of first mention."""


@dataclass(frozen=True, slots=True)
class Said:
    """One statement found by :func:`memcon.enrich.topics.find_statements`: with its document,
    date, printed page (where the topic or phrase asked about stands, else where it begins) and
    words."""

    document_id: str
    date: str | None
    page: str | None
    statement: Statement
    text: str
    matched: str | None = None
    """How ``about`` matched: ``topic <key>``, ``phrase``, or ``None`` when not asked."""





@_fast_pickle
@dataclass(frozen=True, slots=True)
class Attendee:
    """Someone at a meeting: as the record names them, resolved when memcon could, their side
    (the government they spoke for) and their part (``participant``, ``interpreter``,
    ``note-taker``)."""

    text: str
    person_id: str | None = None
    side: str | None = None
    role: str = "participant"
    source: str = ""
    """Where the record says so: ``participants list``, ``present sentence``, ``heading``, ``Document 84`` …"""


@_fast_pickle
@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting event: when, where, who by side, how long — from one or several records of it."""

    id: str
    documents: tuple[str, ...]
    date: DocDate | None
    place: str | None
    attendees: tuple[Attendee, ...] = ()
    duration_minutes: int | None = None
    record_type: str | None = None
    drafters: tuple[str, ...] = ()
    method: str = ""
    reasons: tuple[str, ...] = ()
    """One line per field memcon filled, saying from which words ("place: source note 'The meeting
    was held at the Soviet Embassy' + dateline 'Vienna'")."""


__all__ = ["Attendee", "Meeting", "Said", "Statement", "StatementKind", "Topic", "TopicKind"]
