"""The document reader: ``/documents/{id}`` (HTML) and ``/api/documents/{id}`` (JSON).

The page shows what history.state.gov shows — heading, dateline, the text with ``[Page N]``
anchors (``#page-226``) and footnotes — and what it does not: participants by side, names linked
to person pages with a hover card (who, office on the document's date), speaker turns, a "cite
this" box for the document and each of its pages, provenance (every source read, with its
digest), previous/next, and the documents it points at or that point at it.

Ids are looked up in the store, never opened as files: ``/documents/../../etc/passwd`` is simply
an unknown id (404).

DOCS: docs/web.md#the-document-reader
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from memcon.authority.lookup import covers, office_label
from memcon.errors import NotFound
from memcon.model.dates import day_bound
from memcon.model.people import Mention, Person
from memcon.model.records import Document, Footnote, Volume
from memcon.model.render import language_name
from memcon.model.speech import Attendee, Meeting, Statement
from memcon.store.base import DocumentBrief, Store
from memcon.web._citations import Citation, citations_of
from memcon.web._deps import TemplatesDep, WorkspaceDep
from memcon.web._render import (
    PersonCard,
    document_url,
    footnote_html,
    footnote_id,
    page_anchor,
    person_url,
    render_text,
    sanitize_html,
    show_date,
)

router = APIRouter()

MAX_ID = 300


def _check_id(doc_id: str) -> None:
    if not doc_id or len(doc_id) > MAX_ID or ".." in doc_id.split("/") or "\x00" in doc_id:
        raise NotFound(f"no document {doc_id[:80]!r}", hint="search for it, or browse /volumes")


def _office_on(person: Person, day: str | None) -> str | None:
    if not day:
        return None
    held = next((r for r in person.roles if covers(r, day)), None)
    return office_label(held) if held else None


def person_cards(store: Store, ids: set[str], day: str | None) -> dict[str, PersonCard]:
    """Name and office on ``day`` of each person of ``ids`` (unknown ids are left out)."""
    cards: dict[str, PersonCard] = {}
    for pid in sorted(ids):
        try:
            person = store.get_person(pid)
        except NotFound:
            continue
        cards[pid] = PersonCard(person.name, _office_on(person, day))
    return cards


def _split_head(html: Markup) -> tuple[Markup, Markup, Markup]:
    """The first paragraph's first line (the heading), its other lines (the dateline), the rest."""
    text = str(html)
    if not text.startswith("<p>"):
        return Markup(""), Markup(""), html
    end = text.find("</p>")
    first, rest = text[3:end], text[end + 4:]
    heading, _, dateline = first.partition("<br>\n")
    return Markup(heading), Markup(dateline), Markup(rest)


@dataclasses.dataclass(frozen=True)
class Reading:
    """Everything the reader page shows of one document."""

    doc: Document
    volume: Volume
    mentions: tuple[Mention, ...]
    statements: tuple[Statement, ...]
    cards: dict[str, PersonCard]
    previous: DocumentBrief | None
    next: DocumentBrief | None
    references: list[tuple[Any, DocumentBrief | None]]
    referenced_by: list[DocumentBrief]
    citations: list[Citation]
    sources: list[Any]
    meeting: Meeting | None = None


def read_document(ws: WorkspaceDep, doc_id: str) -> Reading:
    """Load a document and what its page shows; raises ``NotFound`` for an unknown id."""
    _check_id(doc_id)
    store = ws.store
    doc = store.get_document(doc_id)
    volume = store.get_volume(doc.volume_id)
    mentions = store.mentions(doc_id)
    statements = store.statements(doc_id)
    meeting = store.meeting_of(doc_id)
    ids = {m.person_id for m in mentions if m.person_id} | {s.speaker_id for s in statements if s.speaker_id}
    ids |= {a.person_id for a in meeting.attendees if a.person_id} if meeting else set()
    day = day_bound(doc.date.sort_key) if doc.date else None
    cards = person_cards(store, ids, day)
    prev_id, next_id = store.neighbours(doc_id)
    targets = [r.target for r in doc.references if r.target]
    known = store.document_briefs([i for i in (prev_id, next_id, *targets) if i])
    refs = [(r, known.get(r.target) if r.target else None) for r in doc.references]
    return Reading(
        doc=doc, volume=volume, mentions=mentions, statements=statements, cards=cards,
        previous=known.get(prev_id) if prev_id else None, next=known.get(next_id) if next_id else None,
        references=refs, referenced_by=[brief for brief, _kind in store.referencing(doc_id)],
        citations=citations_of(store, doc, volume), sources=store.source_records(document_id=doc_id),
        meeting=meeting,
    )


def _sides(doc: Document) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = {}
    for p in doc.participants:
        groups.setdefault(p.side or "", []).append(p.text)
    return list(groups.items())


def _attendees(meeting: Meeting | None) -> list[tuple[str, list[Attendee]]]:
    groups: dict[str, list[Attendee]] = {}
    for a in meeting.attendees if meeting else ():
        groups.setdefault(a.side or "", []).append(a)
    return sorted(groups.items(), key=lambda kv: kv[0] == "")


def _footnotes(r: Reading) -> list[tuple[Footnote, Markup]]:
    """The listed footnotes (the source note first), each as HTML with the persons it names linked."""
    by_note: dict[int, list[Mention]] = {}
    for m in r.mentions:
        if m.footnote is not None:
            by_note.setdefault(m.footnote, []).append(m)
    listed = [(i, fn) for i, fn in enumerate(r.doc.footnotes) if not fn.inline and fn.n]
    listed.sort(key=lambda pair: pair[1].kind != "source")
    return [(fn, footnote_html(fn.text, mentions=by_note.get(i, ()), cards=r.cards)) for i, fn in listed]


def reading_json(r: Reading) -> dict[str, object]:
    """The JSON of ``/api/documents/{id}``: the record, its mentions, statements, citations, links."""
    doc = r.doc
    data: dict[str, object] = dataclasses.asdict(doc)
    data["url"] = document_url(doc.id)
    data["source_url"] = doc.url
    data["volume_title"] = r.volume.title
    data["mentions"] = [dataclasses.asdict(m) for m in r.mentions]
    data["statements"] = [dataclasses.asdict(s) for s in r.statements]
    data["persons"] = {pid: {"name": c.name, "office": c.office, "url": person_url(pid)} for pid, c in r.cards.items()}
    data["previous"] = r.previous.id if r.previous else None
    data["next"] = r.next.id if r.next else None
    data["referenced_by"] = [d.id for d in r.referenced_by]
    data["citations"] = [dataclasses.asdict(c) for c in r.citations]
    data["sources"] = [{"source": s.source, "sha256": s.sha256, "format": s.format} for s in r.sources]
    data["meeting"] = dataclasses.asdict(r.meeting) if r.meeting else None
    return data


@router.get("/api/documents/{doc_id:path}", tags=["documents"])
def api_document(ws: WorkspaceDep, doc_id: str) -> dict[str, object]:
    """A document: text, pages, footnotes, participants, mentions of persons, statements by speaker,
    citations (the document and each page), provenance, previous/next and references both ways."""
    return reading_json(read_document(ws, doc_id))


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
def document_page(http: Request, ws: WorkspaceDep, templates: TemplatesDep, doc_id: str) -> HTMLResponse:
    """The reader page of one document."""
    r = read_document(ws, doc_id)
    doc = r.doc
    speaker_names = {pid: c.name for pid, c in r.cards.items()}
    body = render_text(doc, mentions=r.mentions, statements=r.statements, cards=r.cards, speaker_names=speaker_names)
    heading, dateline, rest = _split_head(body)
    named = Counter(m.person_id for m in r.mentions if m.person_id)
    speakers = Counter(s.speaker_id for s in r.statements if s.speaker_id)
    context: dict[str, object] = {
        "r": r, "doc": doc, "heading_html": heading, "dateline_html": dateline, "body_html": rest,
        "footnotes": _footnotes(r), "footnote_id": footnote_id, "sides": _sides(doc), "attendees": _attendees(r.meeting),
        "named": [(pid, r.cards[pid], n) for pid, n in named.most_common() if pid in r.cards],
        "speakers": [(pid, r.cards[pid], n) for pid, n in speakers.most_common() if pid in r.cards],
        "show_date": show_date, "document_url": document_url, "person_url": person_url,
        "page_anchor": page_anchor, "sanitize_html": sanitize_html, "language_name": language_name,
        "pages": [p.n for p in doc.pages],
    }
    response: HTMLResponse = templates.TemplateResponse(http, "document.html", context)
    return response
