"""What every route needs: the open workspace of this thread, the templates, paging limits.

SQLite connections and tantivy searchers are not shared between threads, and FastAPI runs plain
(non-async) routes in a thread pool; so each worker thread opens the app's database once, read-only,
and keeps it (:func:`workspace`).  Routes are plain ``def`` functions for that reason.

DOCS: docs/web.md#architecture
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from memcon.workspace import Workspace, open_workspace

TEMPLATES_DIR = Path(__file__).with_name("templates")
STATIC_DIR = Path(__file__).with_name("static")
MAX_LIMIT = 100
"""The most results one page or API call returns; larger ``limit`` values are a 400."""


@dataclass(frozen=True)
class Settings:
    """How the app was started: its database, and the token that allows writes (None: read-only)."""

    db_path: Path
    token: str | None = None


class _PerThread(threading.local):
    workspace: Workspace | None = None
    db_path: Path | None = None


_local = _PerThread()


def settings(request: Request) -> Settings:
    """The app's :class:`Settings`."""
    value: Settings = request.app.state.settings
    return value


def workspace(request: Request) -> Workspace:
    """This thread's open workspace (store and index) of the app's database, opened on first use."""
    db_path = settings(request).db_path
    if _local.workspace is None or _local.db_path != db_path:
        if _local.workspace is not None:
            _local.workspace.close()
        _local.workspace = open_workspace(db_path, create=False)
        _local.db_path = db_path
    return _local.workspace


def templates(request: Request) -> Jinja2Templates:
    """The app's Jinja2 templates (autoescaping on for every template)."""
    value: Jinja2Templates = request.app.state.templates
    return value


WorkspaceDep = Annotated[Workspace, Depends(workspace)]
TemplatesDep = Annotated[Jinja2Templates, Depends(templates)]
