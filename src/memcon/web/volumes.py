"""Volume pages: ``/volumes`` (every volume with its counts and years), ``/volumes/{id}`` (title,
editors, publication; the table of contents by chapter with each document's date and first page;
the volume's lists of persons — linked to person pages when the authority knows them — and of
terms), and their JSON under ``/api/volumes``.

DOCS: docs/web.md#volumes
"""

from __future__ import annotations

import dataclasses

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from memcon.errors import NotFound
from memcon.model.records import Volume
from memcon.store.base import DocumentBrief, VolumeSummary
from memcon.web._deps import TemplatesDep, WorkspaceDep
from memcon.web._render import document_url, person_url, show_date

router = APIRouter()


def _summary_json(v: VolumeSummary) -> dict[str, object]:
    return {"id": v.id, "title": v.title, "documents": v.documents, "date_min": v.date_min,
            "date_max": v.date_max, "url": f"/volumes/{v.id}", "api": f"/api/volumes/{v.id}"}


@router.get("/api/volumes", tags=["volumes"])
def api_volumes(ws: WorkspaceDep) -> dict[str, object]:
    """Every volume: id, title, number of documents, date range."""
    volumes = ws.store.volumes()
    return {"total": len(volumes), "volumes": [_summary_json(v) for v in volumes]}


def _load(ws: WorkspaceDep, volume_id: str) -> tuple[Volume, list[DocumentBrief], dict[str, str]]:
    if not volume_id or len(volume_id) > 200 or "/" in volume_id:
        raise NotFound(f"no volume {volume_id[:80]!r}", hint="see the list at /volumes")
    volume = ws.store.get_volume(volume_id)
    toc = ws.store.table_of_contents(volume_id)
    linked = ws.store.persons_by_keys([f"{volume_id}#{p.xml_id}" for p in volume.persons])
    return volume, toc, {key.partition("#")[2]: pid for key, pid in linked.items()}


@router.get("/api/volumes/{volume_id}", tags=["volumes"])
def api_volume(ws: WorkspaceDep, volume_id: str) -> dict[str, object]:
    """A volume: its record (editors, publication, persons and terms lists) and its table of contents."""
    volume, toc, linked = _load(ws, volume_id)
    data = dataclasses.asdict(volume)
    for person in data["persons"]:
        pid = linked.get(person["xml_id"])
        person["person_id"] = pid
    data["documents"] = [
        {"id": e.id, "n": e.n, "heading": e.heading, "type": e.doc_type, "date": e.date_text,
         "date_min": e.date_min, "place": e.place, "chapter": list(e.chapter), "first_page": e.first_page,
         "url": document_url(e.id)}
        for e in toc
    ]
    return data


def _toc_rows(toc: list[DocumentBrief]) -> list[tuple[list[tuple[int, str]], DocumentBrief]]:
    """Each entry with the chapter headings that open before it (level, heading)."""
    rows = []
    previous: tuple[str, ...] = ()
    for entry in toc:
        same = 0
        while same < min(len(previous), len(entry.chapter)) and previous[same] == entry.chapter[same]:
            same += 1
        opened = [(level, entry.chapter[level]) for level in range(same, len(entry.chapter))]
        rows.append((opened, entry))
        previous = entry.chapter
    return rows


@router.get("/volumes", response_class=HTMLResponse, include_in_schema=False)
def volumes_page(http: Request, ws: WorkspaceDep, templates: TemplatesDep) -> HTMLResponse:
    """The list of volumes."""
    volumes = ws.store.volumes()
    context: dict[str, object] = {"volumes": volumes, "total": sum(v.documents for v in volumes)}
    response: HTMLResponse = templates.TemplateResponse(http, "volumes.html", context)
    return response


@router.get("/volumes/{volume_id}", response_class=HTMLResponse, include_in_schema=False)
def volume_page(http: Request, ws: WorkspaceDep, templates: TemplatesDep, volume_id: str) -> HTMLResponse:
    """One volume: its table of contents, persons and terms."""
    volume, toc, linked = _load(ws, volume_id)
    years = sorted(e.date_min[:4] for e in toc if e.date_min)
    context: dict[str, object] = {
        "volume": volume, "rows": _toc_rows(toc), "count": len(toc), "linked": linked,
        "years": (years[0], years[-1]) if years else None, "document_url": document_url,
        "person_url": person_url, "show_date": show_date,
    }
    response: HTMLResponse = templates.TemplateResponse(http, "volume.html", context)
    return response
