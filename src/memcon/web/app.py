"""The FastAPI application: :func:`create_app` over one memcon database.

Read-only by default: no route writes unless the app was created with a ``token`` (and then only
requests that present it).  Errors are JSON with a message under ``/api`` and an HTML page elsewhere;
a bad query, date or limit is a 400 with a message, an unknown id a 404, never a 500.

DOCS: docs/web.md
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from memcon import __version__
from memcon.errors import MemconError, NotFound, StoreError
from memcon.web._deps import STATIC_DIR, TEMPLATES_DIR, Settings, Workspaces

PARTS = (
    "memcon.web.search_pages",
    "memcon.web.documents",
    "memcon.web.volumes",
    "memcon.web.people",
    "memcon.web.meetings",
)
"""The modules that make up the site; each exposes ``router`` (its pages and its ``/api`` routes)."""


def create_app(db_path: str | Path, *, token: str | None = None) -> FastAPI:
    """The web app over the memcon database at ``db_path`` (which must exist: run ``memcon ingest``).

    ``token``: allows writing routes for requests that send ``Authorization: Bearer <token>``;
    without it the app is read-only.
    """
    path = Path(db_path)
    if not path.exists():
        raise StoreError(
            f"no memcon database at {path}",
            hint="run `memcon ingest PATH…` first, or point --db / MEMCON_DB at an existing database",
        )
    workspaces = Workspaces(path)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        from memcon.web._facets import catalogue

        catalogue(workspaces.get())  # the first search should not pay for reading the catalogue
        yield
        workspaces.close()

    app = FastAPI(
        lifespan=lifespan,
        title="memcon",
        version=__version__,
        description="Diplomatic conversation records: search, read, people, meetings, citations.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.settings = Settings(db_path=path, token=token)
    app.state.workspaces = workspaces
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    app.state.templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")
    for name in PARTS:
        app.include_router(importlib.import_module(name).router)
    _install_error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str, hint: str | None = None) -> Response:
    if _wants_json(request):
        body: dict[str, object] = {"error": {"status": status, "message": message}}
        if hint:
            body["error"]["hint"] = hint  # type: ignore[index]
        return JSONResponse(body, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "message": message, "hint": hint},
        status_code=status,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, exc.message, exc.hint)

    @app.exception_handler(MemconError)
    async def bad_request(request: Request, exc: MemconError) -> Response:
        return _error(request, 400, exc.message, exc.hint)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err.get('loc', ()) if p not in ('query', 'path'))}: {err.get('msg')}"
            for err in exc.errors()
        )
        return _error(request, 400, f"invalid request: {problems}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))


def html(templates: Jinja2Templates, request: Request, name: str, context: dict[str, object]) -> HTMLResponse:
    """Render template ``name`` with ``context`` (helper for the page modules)."""
    response: HTMLResponse = templates.TemplateResponse(request, name, context)
    return response
