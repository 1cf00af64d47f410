"""The demo's last step: serve the web app over the demo database and print its address.

``serve_demo(db, out)`` runs uvicorn on 127.0.0.1 (``$MEMCON_PORT``, default 8000; another free
port when that one is taken) until Ctrl-C.  With ``check=True`` it starts the server in a thread,
loads the search page and a document page through HTTP, prints what it got, and stops: the
smoke test CI runs.

DOCS: docs/web.md#make-demo
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from rich.console import Console
from rich.text import Text

if TYPE_CHECKING:
    import uvicorn

HOST = "127.0.0.1"


def _port() -> int:
    """``$MEMCON_PORT`` (default 8000) when it is free, else a free port the system picks."""
    wanted = int(os.environ.get("MEMCON_PORT") or 8000)
    for port in (wanted, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            chosen: int = sock.getsockname()[1]
            return chosen
    raise OSError("no free port on 127.0.0.1")


def serve_demo(db: Path, out: Console, *, check: bool, document: str, query: str) -> int:
    """Serve the app over ``db``; return the exit status.  See the module docstring."""
    import uvicorn

    from memcon.web.app import create_app

    port = _port()
    url = f"http://{HOST}:{port}/"
    server = uvicorn.Server(uvicorn.Config(create_app(db), host=HOST, port=port, log_level="warning"))
    if not check:
        out.print(Text.assemble("memcon is serving the demo at ", (url, "bold green"), "  (Ctrl-C to stop)"))
        server.run()
        return 0
    return _check(server, out, url=url, document=document, query=query)


def _check(server: uvicorn.Server, out: Console, *, url: str, document: str, query: str) -> int:
    import httpx

    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            out.print(Text(f"the web app did not start at {url}", style="bold red"))
            return 1
        time.sleep(0.05)
    status = 0
    try:
        with httpx.Client(base_url=url, timeout=30) as client:
            for label, path in (
                ("search page", f"/search?q={quote(query)}"),
                ("document page", f"/documents/{document}"),
                ("API search", f"/api/search?q={quote(query)}"),
            ):
                response = client.get(path)
                ok = response.status_code == 200 and (label != "search page" or document in response.text)
                style = "green" if ok else "bold red"
                out.print(Text.assemble(f"  {label:<14} ", (str(response.status_code), style), f"  {url.rstrip('/')}{path}"))
                if not ok:
                    status = 1
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    out.print(f"served {url} (checked, stopped; `make demo` without MEMCON_DEMO_SERVE=check keeps serving)", markup=False)
    return status
