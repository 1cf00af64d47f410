"""The web app under test: a real uvicorn server on 127.0.0.1 over a real SQLite store.

``live_server`` serves the session's ``full_store`` (every shared input) read-only; ``client`` is an
``httpx.Client`` pointed at it.  ``serve(db)`` starts another server over any database a test built.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from memcon.web.app import create_app


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_server(db: Path, *, token: str | None = None) -> Iterator[str]:
    """Serve the app over ``db`` in a background thread; yields its base URL, stops it on exit."""
    port = _free_port()
    config = uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the memcon web app did not start on port {port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(full_store: Path) -> Iterator[str]:
    """Base URL of the app serving every shared input (read-only)."""
    with running_server(full_store) as url:
        yield url


@pytest.fixture(scope="session")
def client(live_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server, timeout=30) as http:
        yield http


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[[Path], str]]:
    """``serve(db)`` → base URL of another server over ``db`` (stopped at the end of the session)."""
    stack: list[object] = []

    def start(db: Path) -> str:
        manager = running_server(db)
        url = manager.__enter__()
        stack.append(manager)
        return url

    yield start
    for manager in reversed(stack):
        manager.__exit__(None, None, None)  # type: ignore[attr-defined]
