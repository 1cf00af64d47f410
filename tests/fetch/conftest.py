"""Fixtures for the fetch tests: a real local HTTP server (see :mod:`_frus_server`)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from ._frus_server import FrusServer, make_handler


@pytest.fixture
def frus_server(frus_dir: Path) -> Iterator[FrusServer]:
    """A real HTTP server on a free port of 127.0.0.1 serving the shared FRUS volumes."""
    state = FrusServer(url="", root=frus_dir)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def no_frus_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see a developer's MEMCON_FRUS_URL (or XDG cache) unless they set it."""
    monkeypatch.delenv("MEMCON_FRUS_URL", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
