"""A real HTTP server on 127.0.0.1 in the shape of the Digital Archive, misbehaving on request.

It serves the files under ``root`` by their site path (``/srv/record/900101.json``,
``/transcripts/81002.html``) below a route prefix that says how to answer:

* ``/ok/…``        the file, with Content-Length (404 if there is no such file)
* ``/truncated/…`` Content-Length of the whole file, half the bytes, then the connection closes
* ``/slow/…``      sleeps :data:`SLOW_SECONDS` before answering
* ``/flaky/…``     503 on the first request for a path, the file afterwards

``server.override`` maps a site path to a route, so one resource can misbehave while the
others are served normally (``override["/transcripts/81002.html"] = "truncated"``).
``server.hits`` counts requests per full path.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SLOW_SECONDS = 1.5
ROUTES = ("ok", "truncated", "slow", "flaky")


@dataclass
class WilsonServer:
    """The running server: its address, what it serves and what it saw."""

    url: str
    root: Path
    hits: Counter[str] = field(default_factory=Counter)
    override: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def base(self, route: str = "ok") -> str:
        """The archive's base URL for ``route``: records at ``<base>/srv/record/<id>.json``."""
        return f"{self.url}/{route}"

    @property
    def total_hits(self) -> int:
        return sum(self.hits.values())


def _handler(server: WilsonServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with server.lock:
                server.hits[self.path] += 1
                count = server.hits[self.path]
            route, _, site_path = self.path.lstrip("/").partition("/")
            site_path = "/" + site_path
            route = server.override.get(site_path, route)
            source = server.root / site_path.lstrip("/")
            try:
                if route not in ROUTES or ".." in site_path or not source.is_file():
                    return self._send(404, b"not found\n")
                if route == "slow":
                    time.sleep(SLOW_SECONDS)
                if route == "flaky" and count == 1:
                    return self._send(503, b"try again\n")
                body = source.read_bytes()
                if route == "truncated":
                    return self._send(200, body[: len(body) // 2], length=len(body))
                return self._send(200, body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (time-out test)

        def _send(self, status: int, body: bytes, *, length: int | None = None) -> None:
            self.send_response(status)
            kind = "application/json" if self.path.endswith(".json") else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True

    return Handler


@contextmanager
def serve(root: Path) -> Iterator[WilsonServer]:
    """Run a :class:`WilsonServer` for ``root`` on a free port of 127.0.0.1 in a thread."""
    state = WilsonServer(url="", root=root)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
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
