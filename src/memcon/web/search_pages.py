"""Search with facets: the page (``/``, ``/search``) and the API (``/api/search``).

The query syntax and its meaning are those of ``memcon search`` (:func:`memcon.search.search`,
:data:`memcon.search.SYNTAX_HELP`).  Every state of the page is in its query string (``q``,
``from``, ``to``, ``volume``, ``type``, ``person``, ``place``, ``page``, ``limit``), so a URL can
be shared and gives the same page.  Facets count the whole result set (:mod:`memcon.web._facets`).

A malformed query, date, page or limit is a 400 with a message: on the page as a visible error
next to the form, in the API as JSON.

DOCS: docs/web.md#search
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from memcon.errors import InvalidValue, MemconError, NotFound
from memcon.model.dates import date_bound
from memcon.search import SYNTAX_HELP, search
from memcon.search.base import Hit, SearchFilters, SearchResults
from memcon.store.base import Store
from memcon.web._deps import MAX_LIMIT, TemplatesDep, WorkspaceDep
from memcon.web._facets import Bucket, Catalogue, Facets, catalogue, compute_facets, restrict
from memcon.web._render import document_url, person_url, show_date, snippet_html

router = APIRouter()

DEFAULT_LIMIT = 20
MAX_PAGE = 10_000

QText = Annotated[str, Query(max_length=2000, description="The query, in memcon's syntax (see SYNTAX_HELP).")]
QDate = Annotated[str | None, Query(description="Dated on or after (1919, 1919-06, 1919-06-28).")]
QList = Annotated[list[str] | None, Query()]
QInt = Annotated[int | None, Query()]


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A search as the URL states it, validated."""

    q: str
    date_from: str | None = None
    date_to: str | None = None
    volumes: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    place: str | None = None
    page: int = 1
    limit: int = DEFAULT_LIMIT

    def params(self, **changes: object) -> list[tuple[str, str]]:
        """The query string pairs of this search with ``changes`` (a filter change goes back to page 1)."""
        values: dict[str, object] = {
            "q": self.q, "from": self.date_from, "to": self.date_to, "volume": self.volumes,
            "type": self.types, "person": self.persons, "place": self.place, "page": self.page,
            "limit": self.limit,
        }
        if any(k != "page" for k in changes):
            values["page"] = 1
        values.update(changes)
        pairs: list[tuple[str, str]] = []
        for key, value in values.items():
            if value is None or value == "" or value == ():
                continue
            if key == "page" and value == 1 or key == "limit" and value == DEFAULT_LIMIT:
                continue
            if isinstance(value, tuple | list):
                pairs.extend((key, str(v)) for v in value)
            else:
                pairs.append((key, str(value)))
        return pairs

    def url(self, base: str = "/search", /, **changes: object) -> str:
        """This search's URL with ``changes``."""
        return base + "?" + urlencode(self.params(**changes))

    def adding(self, key: str, value: str) -> str:
        """The URL narrowed by one more ``volume``, ``type`` or ``person`` (or a ``place``)."""
        if key == "place":
            return self.url(place=value)
        current: tuple[str, ...] = getattr(self, _LISTS[key])
        changes: dict[str, object] = {key: current if value in current else (*current, value)}
        return self.url(**changes)

    def removing(self, key: str, value: str | None = None) -> str:
        """The URL without the filter ``key`` (one value of a list filter when ``value`` is given)."""
        if key in _LISTS:
            current: tuple[str, ...] = getattr(self, _LISTS[key])
            kept: dict[str, object] = {key: tuple(v for v in current if v != value)}
            return self.url(**kept)
        cleared: dict[str, object] = {key: None}
        return self.url(**cleared)


_LISTS = {"volume": "volumes", "type": "types", "person": "persons"}


def _date(value: str | None, name: str, *, end: bool) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return date_bound(value, end=end)
    except InvalidValue as exc:
        raise InvalidValue(f"{name}={value!r}: {exc.message}", hint=exc.hint) from exc


def parse_request(
    q: str, *, date_from: str | None, date_to: str | None, volumes: list[str] | None, types: list[str] | None,
    persons: list[str] | None, place: str | None, page: int | None, limit: int | None,
) -> SearchRequest:
    """Validate the URL's values; raises :class:`InvalidValue` (a 400) with what to write instead."""
    if page is not None and not 1 <= page <= MAX_PAGE:
        raise InvalidValue(f"page={page}: pages are numbered from 1 to {MAX_PAGE}", hint="use page=1")
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise InvalidValue(f"limit={limit}: at most {MAX_LIMIT} results per page", hint=f"use limit=1 to {MAX_LIMIT}")
    low, high = _date(date_from, "from", end=False), _date(date_to, "to", end=True)
    if low and high and low > high:
        raise InvalidValue(f"from={date_from} is after to={date_to}", hint="swap them")
    return SearchRequest(
        q=q.strip(),
        date_from=date_from.strip() if low and date_from else None,
        date_to=date_to.strip() if high and date_to else None,
        volumes=tuple(v for v in volumes or () if v),
        types=tuple(t.lower() for t in types or () if t),
        persons=tuple(p for p in persons or () if p),
        place=place or None,
        page=page or 1,
        limit=limit or DEFAULT_LIMIT,
    )


def _person_ids(store: Store, cat: Catalogue, values: tuple[str, ...]) -> tuple[str, ...]:
    """Memcon ids for the ``person`` values, as ``memcon search --person`` resolves them: an id
    stays; a name is the one person bearing it whom the documents name (refused with the
    candidates when the documents name several)."""
    ids = []
    for value in values:
        if value.startswith("memcon:"):
            ids.append(store.get_person(value).id)
            continue
        matches = store.find_persons(value, limit=20)
        if not matches:
            raise NotFound(f"nobody named {value!r} in the person authority", hint="give a memcon: id")
        present = [p for p in matches if cat.documents_of_person(p.id)] or matches[:1]
        if len(present) > 1:
            listed = "; ".join(f"{p.name} ({p.id}, {len(cat.documents_of_person(p.id))} documents)" for p in present)
            raise InvalidValue(f"person={value!r} names several persons in these documents: {listed}",
                               hint="give the full name or the memcon: id")
        ids.append(present[0].id)
    return tuple(ids)


@dataclass(frozen=True, slots=True)
class SearchOutcome:
    """One executed search: the request, the page of hits, the facets over all results."""

    request: SearchRequest
    results: SearchResults
    facets: Facets
    person_ids: tuple[str, ...]


def run_search(ws: WorkspaceDep, request: SearchRequest) -> SearchOutcome:
    """Run ``request`` on the workspace: the page of hits and the facets, with the same filters."""
    index = ws.index
    cat = catalogue(ws)
    person_ids = _person_ids(ws.store, cat, request.persons)
    filters = SearchFilters(
        date_from=_date(request.date_from, "from", end=False),
        date_to=_date(request.date_to, "to", end=True),
        volumes=request.volumes,
        doc_types=request.types,
    )
    filters = restrict(filters, cat, persons=person_ids, place=request.place)
    offset = (request.page - 1) * request.limit
    results = search(index, request.q, filters=filters, limit=request.limit, offset=offset)
    facets = compute_facets(ws, request.q, filters)
    return SearchOutcome(request, results, facets, person_ids)


def _hit_json(hit: Hit, titles: dict[str, str]) -> dict[str, object]:
    return {
        "id": hit.doc_id,
        "volume": hit.volume_id,
        "volume_title": titles.get(hit.volume_id),
        "title": hit.heading,
        "date": hit.date,
        "type": hit.doc_type,
        "page": hit.page,
        "url": document_url(hit.doc_id, page=hit.page),
        "score": round(hit.score, 4),
        "snippet": None if hit.snippet is None
        else {"text": hit.snippet.text, "highlights": [list(h) for h in hit.snippet.highlights]},
    }


def _buckets_json(buckets: tuple[Bucket, ...]) -> list[dict[str, object]]:
    return [{"value": b.value, "label": b.label, "count": b.count} for b in buckets]


def outcome_json(outcome: SearchOutcome, titles: dict[str, str]) -> dict[str, object]:
    """The JSON of ``/api/search``."""
    r, req, f = outcome.results, outcome.request, outcome.facets
    return {
        "query": r.query,
        "total": r.total,
        "page": req.page,
        "pages": max(1, math.ceil(r.total / req.limit)),
        "offset": r.offset,
        "limit": r.limit,
        "engine": r.engine,
        "filters": {"from": req.date_from, "to": req.date_to, "volume": list(req.volumes), "type": list(req.types),
                    "person": list(outcome.person_ids), "place": req.place},
        "hits": [_hit_json(h, titles) for h in r.hits],
        "facets": {
            "method": f.method,
            "dates": {"by": f.dates_by, "undated": f.undated,
                      "buckets": [{"value": b.value, "label": b.label, "count": b.count, "from": b.date_from,
                                   "to": b.date_to} for b in f.dates]},
            "volumes": _buckets_json(f.volumes),
            "types": _buckets_json(f.types),
            "persons": _buckets_json(f.persons),
            "places": _buckets_json(f.places),
        },
        "next": req.url("/api/search", page=req.page + 1) if r.offset + len(r.hits) < r.total else None,
        "prev": req.url("/api/search", page=req.page - 1) if req.page > 1 else None,
    }


@router.get("/api/search", tags=["search"])
def api_search(
    ws: WorkspaceDep,
    q: QText,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    volume: QList = None,
    type: QList = None,  # noqa: A002 - the URL's name
    person: QList = None,
    place: str | None = None,
    page: QInt = None,
    limit: QInt = None,
) -> dict[str, object]:
    """Search: ranked hits (with snippet and printed page) and facets counted over every result.

    Same query syntax and filters as `memcon search`; `person` is a memcon id or a name (repeat: all
    of them); `page` from 1, `limit` up to 100.  A malformed query is a 400 with the parser's message.
    """
    request = parse_request(q, date_from=date_from, date_to=date_to, volumes=volume, types=type,
                            persons=person, place=place, page=page, limit=limit)
    outcome = run_search(ws, request)
    return outcome_json(outcome, catalogue(ws).volume_titles)


def _page_links(request: SearchRequest, total: int) -> list[tuple[int, str | None]]:
    """Numbered page links around the current page (``None`` URL: the current page; 0: a gap)."""
    pages = max(1, math.ceil(total / request.limit))
    wanted = sorted({1, pages, *range(max(1, request.page - 2), min(pages, request.page + 2) + 1)})
    links: list[tuple[int, str | None]] = []
    previous = 0
    for n in wanted:
        if n - previous > 1:
            links.append((0, None))
        links.append((n, None if n == request.page else request.url(page=n)))
        previous = n
    return links


def _search_page(ws: WorkspaceDep, templates: TemplatesDep, http: Request, values: dict[str, object]) -> HTMLResponse:
    context: dict[str, object] = {
        "syntax_help": SYNTAX_HELP, "error": None, "hint": None, "outcome": None, "req": None,
        "show_date": show_date, "snippet_html": snippet_html, "document_url": document_url,
        "person_url": person_url, "titles": {}, "person_names": {}, "page_links": [],
        "q": values.get("q") or "", "max_bar": 1,
    }
    status = 200
    try:
        req = parse_request(**values)  # type: ignore[arg-type]
        context["req"] = req
        if req.q:
            outcome = run_search(ws, req)
            cat = catalogue(ws)
            context.update(
                outcome=outcome, titles=cat.volume_titles,
                person_names={pid: cat.person_names.get(pid, pid) for pid in outcome.person_ids},
                page_links=_page_links(req, outcome.results.total),
                max_bar=max((b.count for b in outcome.facets.dates), default=1) or 1,
            )
    except NotFound as exc:
        context.update(error=exc.message, hint=exc.hint)
        status = 404
    except MemconError as exc:
        context.update(error=exc.message, hint=exc.hint)
        status = 400
    response: HTMLResponse = templates.TemplateResponse(http, "search.html", context, status_code=status)
    return response


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_page(
    http: Request,
    ws: WorkspaceDep,
    templates: TemplatesDep,
    q: Annotated[str, Query(max_length=2000)] = "",
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    volume: QList = None,
    type: QList = None,  # noqa: A002 - the URL's name
    person: QList = None,
    place: str | None = None,
    page: QInt = None,
    limit: QInt = None,
) -> HTMLResponse:
    """The search page: the form, the hits of the current page, the facets, paging."""
    values: dict[str, object] = dict(q=q, date_from=date_from, date_to=date_to, volumes=volume, types=type,
                                     persons=person, place=place, page=page, limit=limit)
    return _search_page(ws, templates, http, values)
