"""A real HTTP server on 127.0.0.1 that serves the shared FRUS volumes and misbehaves on request.

Routes (``{id}`` is a volume id; the body is ``<frus_dir>/{id}.xml``):

* ``/ok/{id}.xml``        the file, with Content-Length (404 if there is no such file)
* ``/gzip/{id}.xml``      the file gzip-compressed, ``Content-Encoding: gzip``
* ``/404/{id}.xml``       always 404
* ``/truncated/{id}.xml`` Content-Length of the whole file, half the bytes, then the connection closes
* ``/slow/{id}.xml``      sleeps :data:`SLOW_SECONDS` before answering
* ``/flaky/{id}.xml``     503 on the first request for a path, the file afterwards

``server.hits`` counts requests per path; ``server.agents`` keeps the User-Agents seen.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

SLOW_SECONDS = 1.5


@dataclass
class FrusServer:
    """The running server: its address, what it serves and what it saw."""

    url: str
    root: Path
    hits: Counter[str] = field(default_factory=Counter)
    agents: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def base(self, route: str) -> str:
        """A base URL template for ``route`` (``ok``, ``404``, ``truncated`` ...)."""
        return f"{self.url}/{route}/{{id}}.xml"

    @property
    def total_hits(self) -> int:
        return sum(self.hits.values())


def make_handler(server: FrusServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with server.lock:
                server.hits[self.path] += 1
                count = server.hits[self.path]
                server.agents.append(self.headers.get("User-Agent", ""))
            parts = self.path.strip("/").split("/")
            if len(parts) != 2 or not parts[1].endswith(".xml"):
                return self._status(404)
            route, name = parts
            source = server.root / name
            try:
                if route == "404" or not source.is_file():
                    return self._status(404)
                if route == "slow":
                    time.sleep(SLOW_SECONDS)
                if route == "flaky" and count == 1:
                    return self._status(503)
                body = source.read_bytes()
                if route == "gzip":
                    return self._send(gzip.compress(body), extra={"Content-Encoding": "gzip"})
                if route == "truncated":
                    return self._send(body[: len(body) // 2], length=len(body))
                if route in ("ok", "slow", "flaky"):
                    return self._send(body)
                return self._status(404)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (time-out test): nothing to answer

        def _status(self, code: int) -> None:
            body = f"status {code}\n".encode()
            self.send_response(code)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _send(
            self, body: bytes, *, length: int | None = None, extra: dict[str, str] | None = None
        ) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body) if length is None else length))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()
            self.close_connection = True

    return Handler
