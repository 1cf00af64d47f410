"""Web part ``meetings``: the meetings timeline and the statements finder.

- ``/meetings?person=&place=&from=&to=`` and ``/api/meetings``: meetings by date (an SVG timeline,
  each mark linking to its record; undated meetings listed apart, never placed on a guessed date)
  and as a list: date, place, participants by side, duration, record type, records.
- ``/statements?by=&to=&about=&from=&until=`` and ``/api/statements``: what a person said, to whom,
  about what, when — the semantics of ``memcon said`` — paged.

A bad date, an empty range or an ambiguous name is a 400 with a message; a name nobody bears, a 404.

DOCS: docs/web.md#people-meetings-and-statements
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from memcon.web._deps import MAX_LIMIT, TemplatesDep, WorkspaceDep
from memcon.web._people_queries import find_meetings, find_statements
from memcon.web._svg import meetings_timeline, person_url
from memcon.web.app import html
from memcon.web.people import meeting_json, page_json, person_summary_json, statement_json

router = APIRouter()

Text = Annotated[str | None, Query(max_length=200)]
DateParam = Annotated[str | None, Query(max_length=10, description="A year (1961), month (1961-06) or day (1961-06-04).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value else None


@router.get("/api/meetings", tags=["meetings"])
def api_meetings(ws: WorkspaceDep, person: Annotated[str | None, Query(max_length=200, description="A memcon: id or a name.")] = None,
                 place: Text = None, date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                 date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None,
                 offset: Offset = 0, limit: Limit = MAX_LIMIT) -> dict[str, Any]:
    """Meetings (attended by ``person``; at ``place``; from/to a year, month or day), oldest first,
    undated last; each with its participants by side, duration, record type and records."""
    views, who = find_meetings(ws.store, person=_blank(person), place=_blank(place),
                               date_from=_blank(date_from), date_to=_blank(date_to))
    shown = views[offset:offset + limit]
    return {
        "person": person_summary_json(who) if who else None, "place": _blank(place),
        "from": _blank(date_from), "to": _blank(date_to), "offset": offset, "limit": limit, "total": len(views),
        "next_offset": offset + limit if offset + limit < len(views) else None,
        "meetings": [meeting_json(v) for v in shown],
    }


@router.get("/meetings", response_class=HTMLResponse, include_in_schema=False)
def meetings_page(request: Request, ws: WorkspaceDep, templates: TemplatesDep, person: Text = None,
                  place: Text = None, date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                  date_to: Annotated[str | None, Query(alias="to", max_length=10)] = None) -> HTMLResponse:
    """The meetings timeline and list, filtered."""
    views, who = find_meetings(ws.store, person=_blank(person), place=_blank(place),
                               date_from=_blank(date_from), date_to=_blank(date_to))
    label = "Meetings by date" + (f" attended by {who.name}" if who else "")
    return html(templates, request, "meetings.html", {
        "meetings": [v for v in views if v.day], "undated": [v for v in views if not v.day], "who": who,
        "person": person or "", "place": place or "", "date_from": date_from or "", "date_to": date_to or "",
        "timeline": meetings_timeline(views, label=label), "person_url": person_url,
    })


@router.get("/api/statements", tags=["statements"])
def api_statements(ws: WorkspaceDep, by: Annotated[str | None, Query(max_length=200, description="The speaker: a name or a memcon: id.")] = None,
                   to: Annotated[str | None, Query(max_length=200, description="The addressee.")] = None,
                   about: Annotated[str | None, Query(max_length=200, description="Words the statement contains, as a phrase.")] = None,
                   date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                   until: Annotated[str | None, Query(max_length=10)] = None,
                   offset: Offset = 0, limit: Limit = 20) -> dict[str, Any]:
    """What a person said (``by``), to whom (``to``), about what (``about``), in documents dated
    ``from``–``until``: like ``memcon said``, oldest first, each with its document, date and page."""
    page, speaker, addressee = find_statements(
        ws.store, by=_blank(by), to=_blank(to), about=_blank(about), date_from=_blank(date_from),
        date_to=_blank(until), offset=offset, limit=limit,
    )
    return {
        "by": person_summary_json(speaker) if speaker else None,
        "to": person_summary_json(addressee) if addressee else None,
        "about": _blank(about), "from": _blank(date_from), "until": _blank(until),
        **page_json(page, [statement_json(s) for s in page.items]),
    }


@router.get("/statements", response_class=HTMLResponse, include_in_schema=False)
def statements_page(request: Request, ws: WorkspaceDep, templates: TemplatesDep, by: Text = None, to: Text = None,
                    about: Text = None, date_from: Annotated[str | None, Query(alias="from", max_length=10)] = None,
                    until: Annotated[str | None, Query(max_length=10)] = None, offset: Offset = 0,
                    limit: Limit = 20) -> HTMLResponse:
    """The statements finder: a form, and the statements found."""
    form = {"by": by or "", "to": to or "", "about": about or "", "from": date_from or "", "until": until or ""}
    page = speaker = addressee = None
    if _blank(by) or _blank(to):
        page, speaker, addressee = find_statements(
            ws.store, by=_blank(by), to=_blank(to), about=_blank(about), date_from=_blank(date_from),
            date_to=_blank(until), offset=offset, limit=limit,
        )
    return html(templates, request, "statements.html", {
        "form": form, "page": page, "speaker": speaker, "addressee": addressee, "person_url": person_url,
        "base": {k: v for k, v in form.items() if v},
    })
