"""The ``memcon`` command: one click group, one verb per command.

Each command parses its options and calls one library function; the logic
lives in the library (``memcon.ingest``, ``memcon.search``, the store).

DOCS: docs/cli.md
"""

from __future__ import annotations

import importlib

import click

from memcon import __version__
from memcon.cli._options import COMMAND_SETTINGS

COMMANDS: dict[str, str] = {
    "ingest": "memcon.cli.ingest:ingest_cli",
    "reindex": "memcon.cli.ingest:reindex_cli",
    "search": "memcon.cli.search:search_cli",
    "show": "memcon.cli.read:show_cli",
    "stats": "memcon.cli.read:stats_cli",
    "fetch": "memcon.cli.fetch:fetch_group",
    "person": "memcon.cli.people:person_cli",
    "link": "memcon.cli.people:link_cli",
    "meetings": "memcon.cli.meetings:meetings_cli",
    "said": "memcon.cli.said:said_cli",
    "who": "memcon.cli.who:who_cli",
    "serve": "memcon.cli.serve:serve_cli",
    "cite": "memcon.cli.cite:cite_cli",
    "quote": "memcon.cli.quote:quote_cli",
    "export": "memcon.cli.export:export_cli",
}
"""Command name → ``module:attribute``.  A command's module (and what it needs: the store, the
index, the HTTP client…) is imported only when that command runs, so ``memcon search`` does not
pay for importing the downloader: start-up is part of every command's latency."""


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def __init__(self, *args: object, lazy: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = dict(lazy)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module, _, attribute = self.lazy[cmd_name].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings=COMMAND_SETTINGS)
@click.version_option(__version__, prog_name="memcon")
def cli() -> None:
    """memcon: diplomatic conversation records as a searchable, citable knowledge base.

    Ingest FRUS TEI volumes into one SQLite file, then search and read them.

    Example:

        memcon ingest ../shared/corpus/frus
        memcon search '"Council of Ten"'
        memcon show frus1919Parisv01/d337
    """


if __name__ == "__main__":  # pragma: no cover
    cli()
