"""Web part ``people``: the person pages and the persons API.

- ``/people?q=NAME``: the persons a name matches (``Store.find_persons``); ``/api/persons?q=``.
- ``/people/{person_id}``: one person: name variants with their sources, roles on a timeline
  (SVG), the documents naming them (paged), their statements (paged, each linked to its printed
  page), their meetings on a timeline, and the people they appear with most (an SVG network with a
  table of the same counts); ``/api/persons/{person_id}`` gives the same as JSON.

DOCS: docs/web.md#people-meetings-and-statements
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from memcon.errors import InvalidValue
from memcon.model.people import Person
from memcon.web._deps import MAX_LIMIT, TemplatesDep, WorkspaceDep
from memcon.web._people_queries import (
    DocumentRef,
    MeetingView,
    Paged,
    PersonView,
    StatementRef,
    most_met,
    person_view,
    roles_by_date,
)
from memcon.web._svg import ego_network, meetings_timeline, person_url, roles_timeline
from memcon.web.app import html

router = APIRouter()

Offset = Annotated[int, Query(ge=0, le=1_000_000, description="How many items to skip.")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Items per page (at most {MAX_LIMIT}).")]


def _query(q: str | None) -> str:
    if q is None or not q.strip():
        raise InvalidValue("give a name to look for: ?q=Khrushchev", hint="a surname, or a full name in either order")
    if len(q) > 200:
        raise InvalidValue("the name is too long (at most 200 characters)")
    return q.strip()


# -- JSON shapes ------------------------------------------------------------------------------------------


def document_json(ref: DocumentRef) -> dict[str, Any]:
    """A document entry of a list, as the API gives it."""
    return {"id": ref.id, "heading": ref.heading, "subject": ref.subject, "date": ref.date,
            "date_text": ref.date_text, "volume_id": ref.volume_id, "doc_type": ref.doc_type, "url": ref.url}


def statement_json(ref: StatementRef) -> dict[str, Any]:
    """A statement with its document, date, page and words, as the API gives it (like ``memcon said --json``)."""
    return {"document": ref.document.id, "date": ref.document.date, "page": ref.page, "url": ref.url,
            "text": ref.text, "statement": dataclasses.asdict(ref.statement)}


def meeting_json(view: MeetingView) -> dict[str, Any]:
    """A meeting with its participants by side and its records, as the API gives it."""
    m = view.meeting
    return {
        "id": m.id, "date": dataclasses.asdict(m.date) if m.date else None, "day": view.day, "place": m.place,
        "duration_minutes": m.duration_minutes, "record_type": m.record_type, "drafters": list(m.drafters),
        "sides": {side: [{"text": a.text, "person_id": a.person_id, "name": a.name, "role": a.role} for a in people]
                  for side, people in view.sides},
        "documents": [document_json(d) for d in view.documents], "method": m.method, "reasons": list(m.reasons),
    }


def page_json(page: Paged[Any], items: list[dict[str, Any]]) -> dict[str, Any]:
    """A page of a list: its items with offset, limit, total and the next offset (``None`` at the end)."""
    return {"offset": page.offset, "limit": page.limit, "total": page.total, "next_offset": page.next_offset,
            "items": items}


def person_summary_json(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "birth": person.birth, "death": person.death,
            "url": person_url(person.id)}


def person_json(view: PersonView) -> dict[str, Any]:
    """Everything the person page shows, as JSON."""
    p = view.person
    return {
        **person_summary_json(p),
        "names": [{"name": f.name, "sources": [{"kind": k, "source": s} for k, s in f.sources]} for f in view.names],
        "roles": [dataclasses.asdict(r) for r in view.roles],
        "documents": page_json(view.documents, [document_json(d) for d in view.documents.items]),
        "statements": page_json(view.statements, [statement_json(s) for s in view.statements.items]),
        "meetings": [meeting_json(m) for m in view.meetings],
        "network": {"method": view.network_method,
                    "people": [{"person_id": c.person_id, "name": c.name, "documents": c.documents,
                                "meetings": c.meetings, "url": person_url(c.person_id)} for c in view.companions]},
    }


# -- routes --------------------------------------------------------------------------------------------------


@router.get("/api/persons", tags=["persons"])
def api_find_persons(ws: WorkspaceDep, q: Annotated[str | None, Query(description="A name.")] = None,
                     limit: Limit = 20) -> dict[str, Any]:
    """The persons a name matches (surname or any variant; accents and case ignored), best attested first."""
    name = _query(q)
    found = ws.store.find_persons(name, limit=limit)
    return {"q": name, "persons": [
        {**person_summary_json(p), "roles": [dataclasses.asdict(r) for r in roles_by_date(p)[:5]],
         "documents": len(ws.store.documents_mentioning(p.id))} for p in found]}


@router.get("/api/persons/{person_id:path}", tags=["persons"])
def api_person(ws: WorkspaceDep, person_id: str, offset: Offset = 0, limit: Limit = 25,
               statements_offset: Offset = 0, statements_limit: Limit = 20) -> dict[str, Any]:
    """One person: names with sources, roles, documents naming them (paged), statements (paged),
    meetings, and the people they appear with most."""
    view = person_view(ws.store, person_id, offset=offset, limit=limit, statements_offset=statements_offset,
                       statements_limit=statements_limit)
    return person_json(view)


@router.get("/people", response_class=HTMLResponse, include_in_schema=False)
def people_page(request: Request, ws: WorkspaceDep, templates: TemplatesDep,
                q: Annotated[str | None, Query(max_length=200)] = None) -> HTMLResponse:
    """Find a person by name."""
    found: list[tuple[Person, int]] = []
    if q and q.strip():
        found = [(p, len(ws.store.documents_mentioning(p.id))) for p in ws.store.find_persons(q.strip(), limit=50)]
    return html(templates, request, "people.html", {
        "q": q or "", "found": found, "person_url": person_url, "roles_by_date": roles_by_date,
        "at_meetings": [] if found else most_met(ws.store, limit=20),
    })


@router.get("/people/{person_id:path}", response_class=HTMLResponse, include_in_schema=False)
def person_page(request: Request, ws: WorkspaceDep, templates: TemplatesDep, person_id: str, offset: Offset = 0,
                limit: Limit = 25, statements_offset: Offset = 0, statements_limit: Limit = 20) -> HTMLResponse:
    """One person's page."""
    view = person_view(ws.store, person_id, offset=offset, limit=limit, statements_offset=statements_offset,
                       statements_limit=statements_limit)
    name = view.person.name
    return html(templates, request, "person.html", {
        "view": view, "person_url": person_url,
        "roles_svg": roles_timeline(view.roles, label=f"Offices of {name} over time"),
        "network_svg": ego_network(view.person.id, name, view.companions,
                                   label=f"The people {name} appears with most"),
        "meetings_svg": meetings_timeline(view.meetings, label=f"Meetings {name} attended, by date"),
        "undated": [m for m in view.meetings if m.day is None],
    })
