"""What the people, meetings and statements pages show, as frozen records: one person with their
names, roles, documents, statements and companions; meetings filtered by person, place and dates;
statements with the semantics of ``memcon said``.  The page modules render these as HTML and JSON.

Person references are a memcon id (``memcon:hsg-107127``) or a name; a name resolves as the CLI
resolves it (``memcon said`` among the persons who speak, ``memcon meetings`` among those with
meetings); several candidates are an :class:`~memcon.errors.InvalidValue` (a 400), none a
:class:`~memcon.errors.NotFound` (a 404).  Dates are validated by
:func:`memcon.model.dates.date_bound`: a bad date is a 400 with a message.

DOCS: docs/web.md#people-meetings-and-statements
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, TypeVar

from memcon.errors import InvalidValue, NotFound
from memcon.model.dates import date_bound, day_bound
from memcon.model.people import Person, Role
from memcon.model.records import DocDate, Document
from memcon.model.speech import Meeting, Statement
from memcon.store.base import Store

T = TypeVar("T")

NETWORK_METHOD = "memcon.web.ego_network.v1"
"""How the network of a person is made: the persons most often named in the same documents
(``Store.co_mentioned``) joined with those met at the same meetings (``Store.meetings``)."""


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A document as a list shows it: id, heading, date (as printed and ISO), volume, link."""

    id: str
    heading: str
    date: str | None
    date_text: str | None
    volume_id: str
    doc_type: str
    subject: str | None = None

    @property
    def url(self) -> str:
        return f"/documents/{self.id}"


@dataclass(frozen=True, slots=True)
class StatementRef:
    """A statement with where to find it: its document, date, printed page and words."""

    document: DocumentRef
    page: str | None
    text: str
    statement: Statement

    @property
    def url(self) -> str:
        return self.document.url + (f"#page-{self.page}" if self.page else "")


@dataclass(frozen=True, slots=True)
class NameForm:
    """One form of a person's name with every source that prints it."""

    name: str
    sources: tuple[tuple[str, str | None], ...]
    """``(kind, source)`` pairs: ``("original", "frus1961-63v05/persons#p_KNS1")``."""


@dataclass(frozen=True, slots=True)
class Companion:
    """A person of the ego network: documents naming both, meetings attended together."""

    person_id: str
    name: str
    documents: int = 0
    meetings: int = 0

    @property
    def weight(self) -> int:
        return self.documents + self.meetings


@dataclass(frozen=True, slots=True)
class AttendeeView:
    """A meeting attendee as shown: the words of the record, the person when resolved."""

    text: str
    person_id: str | None
    name: str | None
    role: str


@dataclass(frozen=True, slots=True)
class MeetingView:
    """A meeting with its attendees grouped by side and its records' headings."""

    meeting: Meeting
    day: str | None
    """The earliest ISO day the meeting's date stands for; ``None`` when undated."""
    sides: tuple[tuple[str, tuple[AttendeeView, ...]], ...]
    documents: tuple[DocumentRef, ...]


@dataclass(frozen=True, slots=True)
class Paged(Generic[T]):
    """One page of a longer list: the items, where it starts, and how many there are in all."""

    items: tuple[T, ...]
    offset: int
    limit: int
    total: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


@dataclass(frozen=True, slots=True)
class PersonView:
    """Everything the person page shows."""

    person: Person
    names: tuple[NameForm, ...]
    roles: tuple[Role, ...]
    documents: Paged[DocumentRef]
    statements: Paged[StatementRef]
    meetings: tuple[MeetingView, ...]
    companions: tuple[Companion, ...]
    network_method: str = NETWORK_METHOD


# -- small helpers ------------------------------------------------------------------------------------


def date_text(date: DocDate | None) -> str | None:
    """How a date is shown: ISO when the record gives one, else its own words."""
    if date is None:
        return None
    return date.when or date.sort_key or date.text or None


def document_ref(document: Document) -> DocumentRef:
    """The list entry of ``document``."""
    return DocumentRef(
        id=document.id, heading=document.heading, date=day_bound(document.date.sort_key) if document.date else None,
        date_text=date_text(document.date), volume_id=document.volume_id, doc_type=document.doc_type,
        subject=document.subject,
    )


def bounds(date_from: str | None, date_to: str | None) -> tuple[str | None, str | None]:
    """ISO day bounds of a ``from``/``to`` filter (a year, month or day); raises InvalidValue."""
    low = date_bound(date_from) if date_from else None
    high = date_bound(date_to, end=True) if date_to else None
    if low and high and low > high:
        raise InvalidValue(f"the date range {date_from} – {date_to} is empty: 'from' is after 'to'",
                           hint="swap the two dates")
    return low, high


def _name_of(store: Store, person_id: str) -> str:
    try:
        return store.get_person(person_id).name
    except NotFound:
        return person_id


def resolve_person(store: Store, ref: str, *, option: str, among: str | None = None) -> Person:
    """The person ``ref`` designates: a ``memcon:`` id, or a name.  ``among``: ``speakers`` (as
    ``memcon said`` chooses) or ``meetings`` (as ``memcon meetings`` chooses) narrows a name's
    candidates to those with statements or meetings.  Several left: InvalidValue; none: NotFound."""
    ref = ref.strip()
    if not ref:
        raise InvalidValue(f"{option} is empty", hint="give a name or a memcon: id")
    if ref.startswith("memcon:"):
        return store.get_person(ref)
    matches = store.find_persons(ref, limit=20)
    if not matches:
        raise NotFound(f"nobody named {ref!r} in the person authority", hint="try the surname alone, or /people?q=")
    if among == "speakers":
        chosen = [p for p in matches if store.statements_by(speaker_id=p.id, limit=1)
                  or store.statements_by(addressee_id=p.id, limit=1)] or matches[:1]
    elif among == "meetings":
        chosen = [p for p in matches if store.meetings(person_id=p.id)]
        if not chosen:
            raise NotFound(f"no meeting of anyone named {ref!r}", hint="/people?q= shows who that is")
    else:
        chosen = matches[:1]
    if len(chosen) > 1:
        listed = "; ".join(f"{p.name} ({p.id})" for p in chosen)
        raise InvalidValue(f"{option} {ref!r} names several persons: {listed}", hint="give the full name or the memcon: id")
    return chosen[0]


def name_forms(person: Person) -> tuple[NameForm, ...]:
    """The person's name forms, the preferred first, each with its sources."""
    forms: dict[str, list[tuple[str, str | None]]] = {}
    for variant in person.names:
        forms.setdefault(variant.name, []).append((variant.kind, variant.source))
    return tuple(NameForm(name, tuple(sources)) for name, sources in forms.items())


def roles_by_date(person: Person) -> tuple[Role, ...]:
    """The person's roles, by start date (undated last)."""
    return tuple(sorted(person.roles, key=lambda r: (r.start is None, r.start or "", r.end or "")))


# -- statements: the semantics of `memcon said` ---------------------------------------------------------


def find_statements(
    store: Store, *, by: str | None = None, to: str | None = None, about: str | None = None,
    date_from: str | None = None, date_to: str | None = None, offset: int = 0, limit: int = 20,
) -> tuple[Paged[StatementRef], Person | None, Person | None]:
    """Statements by ``by`` (to ``to``; containing the phrase ``about``; in documents dated within
    ``date_from``–``date_to``), oldest first, as ``memcon said`` finds them; the page
    ``offset``/``limit`` of them with the total, and the speaker and addressee resolved."""
    if not by and not to:
        raise InvalidValue("say whose statements: 'by' (the speaker) or 'to' (the addressee)",
                           hint="/api/statements?by=Khrushchev&about=Berlin")
    low, high = bounds(date_from, date_to)
    speaker = resolve_person(store, by, option="by", among="speakers") if by else None
    addressee = resolve_person(store, to, option="to", among="speakers") if to else None
    words = about.split() if about else []
    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", re.I) if words else None
    rows = store.statements_by(speaker_id=speaker.id if speaker else None,
                               addressee_id=addressee.id if addressee else None, date_from=low, date_to=high)
    documents: dict[str, Document] = {}

    def document(doc_id: str) -> Document:
        return documents.get(doc_id) or documents.setdefault(doc_id, store.get_document(doc_id))

    found: list[StatementRef] = []
    if pattern is None:  # no words to look for: only the page shown needs its documents read
        for doc_id, statement in rows[offset:offset + limit]:
            doc = document(doc_id)
            found.append(StatementRef(document_ref(doc), doc.page_at(statement.start),
                                      doc.text[statement.start:statement.end], statement))
        return Paged(tuple(found), offset, limit, len(rows)), speaker, addressee
    total = 0
    for doc_id, statement in rows:
        doc = document(doc_id)
        text = doc.text[statement.start:statement.end]
        where = pattern.search(text)
        if where is None:
            continue
        total += 1
        if offset < total <= offset + limit:
            found.append(StatementRef(document_ref(doc), doc.page_at(statement.start + where.start()), text, statement))
    return Paged(tuple(found), offset, limit, total), speaker, addressee


# -- meetings ------------------------------------------------------------------------------------------


def meeting_view(store: Store, meeting: Meeting, *, names: dict[str, str]) -> MeetingView:
    """``meeting`` with its attendees grouped by side (``names`` caches person names)."""
    sides: dict[str, list[AttendeeView]] = {}
    for a in meeting.attendees:
        name = None
        if a.person_id:
            name = names.get(a.person_id) or names.setdefault(a.person_id, _name_of(store, a.person_id))
        sides.setdefault(a.side or "side not stated", []).append(AttendeeView(a.text, a.person_id, name, a.role))
    refs = []
    for doc_id in meeting.documents:
        try:
            refs.append(document_ref(store.get_document(doc_id)))
        except NotFound:
            continue
    day = day_bound(meeting.date.sort_key) if meeting.date else None
    return MeetingView(meeting, day, tuple((s, tuple(v)) for s, v in sides.items()), tuple(refs))


def find_meetings(
    store: Store, *, person: str | None = None, place: str | None = None,
    date_from: str | None = None, date_to: str | None = None,
) -> tuple[list[MeetingView], Person | None]:
    """Meetings attended by ``person`` (an id or a name), at a ``place`` (words of it, case
    ignored), within ``date_from``–``date_to`` (a year, month or day), oldest first; undated
    meetings come last and only when no date bound is given (a date is never guessed)."""
    low, high = bounds(date_from, date_to)
    who = resolve_person(store, person, option="person", among="meetings") if person else None
    found = store.meetings(person_id=who.id if who else None, date_from=low, date_to=high)
    if place:
        wanted = place.strip().casefold()
        found = [m for m in found if m.place and wanted in m.place.casefold()]
    names: dict[str, str] = {}
    views = [meeting_view(store, m, names=names) for m in found]
    views.sort(key=lambda v: (v.day is None, v.day or ""))
    return views, who


def most_met(store: Store, *, limit: int = 20) -> list[tuple[str, str, int]]:
    """``(person id, name, meetings)`` of the persons at the most recorded meetings, most first."""
    counts: dict[str, int] = {}
    for meeting in store.meetings():
        for person_id in {a.person_id for a in meeting.attendees if a.person_id}:
            counts[person_id] = counts.get(person_id, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [(pid, _name_of(store, pid), n) for pid, n in ranked]


# -- the person page --------------------------------------------------------------------------------------


def companions(store: Store, person: Person, meetings: list[MeetingView], *, limit: int = 12) -> tuple[Companion, ...]:
    """The people ``person`` appears with most: documents naming both, meetings attended together."""
    counts: dict[str, list[int]] = {}
    for other, n in store.co_mentioned(person.id, limit=limit):
        counts.setdefault(other, [0, 0])[0] = n
    for view in meetings:
        for attendee in {a.person_id for a in view.meeting.attendees if a.person_id and a.person_id != person.id}:
            counts.setdefault(attendee, [0, 0])[1] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))[:limit]
    return tuple(Companion(pid, _name_of(store, pid), docs, met) for pid, (docs, met) in ranked)


def person_view(
    store: Store, person_id: str, *, offset: int = 0, limit: int = 25, statements_offset: int = 0,
    statements_limit: int = 20,
) -> PersonView:
    """The person page of ``person_id``: names, roles, one page of the documents naming them, one
    page of their statements, their meetings and the people they appear with most."""
    person = store.get_person(person_id)
    ids = store.documents_mentioning(person.id)
    docs = tuple(document_ref(store.get_document(i)) for i in ids[offset:offset + limit])
    statements, _, _ = find_statements(store, by=person.id, offset=statements_offset, limit=statements_limit)
    meetings, _ = find_meetings(store, person=person.id) if store.meetings(person_id=person.id) else ([], None)
    return PersonView(
        person=person, names=name_forms(person), roles=roles_by_date(person),
        documents=Paged(docs, offset, limit, len(ids)), statements=statements, meetings=tuple(meetings),
        companions=companions(store, person, meetings),
    )
