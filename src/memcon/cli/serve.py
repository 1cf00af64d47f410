"""``memcon serve``: the web app and JSON API over one database (uvicorn).

DOCS: docs/web.md
"""

from __future__ import annotations

import os

import click

from memcon.cli._options import COMMAND_SETTINGS, handle_errors, store_option


@click.command("serve", context_settings=COMMAND_SETTINGS)
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--token",
    envvar="MEMCON_WRITE_TOKEN",
    default=None,
    help="Allow writing routes for requests bearing this token (env MEMCON_WRITE_TOKEN); read-only without.",
)
@handle_errors
def serve_cli(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the web app (search, reader, people, meetings) and the JSON API under /api.

    Read-only unless a write token is configured.  Stop with Ctrl-C.  Pages, URLs and the API:
    docs/web.md.

    Example:

    \b
        memcon serve --db memcon.db --port 8000
        memcon serve --host 0.0.0.0 --port 8080    # reachable from other machines
    """
    import uvicorn

    from memcon.web.app import create_app
    from memcon.workspace import resolve_db_path

    path = resolve_db_path(db)
    app = create_app(path, token=token)
    click.echo(f"memcon: serving {os.fspath(path)} at http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
