"""What every route needs: the open workspace of this thread, the templates, paging limits.

SQLite connections and tantivy searchers are not shared between threads, and FastAPI runs plain
(non-async) routes in a thread pool; so each worker thread opens the app's database once, read-only,
and keeps it (:func:`workspace`, :class:`Workspaces`); the app closes them all when it shuts down.  Routes are plain ``def`` functions for that reason.

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


class Workspaces:
    """The workspaces an app has opened, one per worker thread; :meth:`close` closes them all
    (the app's shutdown), so no connection outlives the server."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Workspace] = []

    def get(self) -> Workspace:
        """This thread's workspace, opened (read-only) on first use."""
        found: Workspace | None = getattr(self._local, "workspace", None)
        if found is None:
            found = open_workspace(self.db_path, create=False)
            self._local.workspace = found
            with self._lock:
                self._opened.append(found)
        return found

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for each in opened:
            each.close()
        self._local = threading.local()


def settings(request: Request) -> Settings:
    """The app's :class:`Settings`."""
    value: Settings = request.app.state.settings
    return value


def workspace(request: Request) -> Workspace:
    """This thread's open workspace (store and index) of the app's database, opened on first use."""
    workspaces: Workspaces = request.app.state.workspaces
    return workspaces.get()


def templates(request: Request) -> Jinja2Templates:
    """The app's Jinja2 templates (autoescaping on for every template)."""
    value: Jinja2Templates = request.app.state.templates
    return value


WorkspaceDep = Annotated[Workspace, Depends(workspace)]
TemplatesDep = Annotated[Jinja2Templates, Depends(templates)]
