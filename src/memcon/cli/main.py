"""The ``memcon`` command: one click group, one verb per command.

Each command parses its options and calls one library function; the logic
lives in the library (``memcon.ingest``, ``memcon.search``, the store).

DOCS: docs/cli.md
"""

from __future__ import annotations

import click

from memcon import __version__
from memcon.cli._options import COMMAND_SETTINGS
from memcon.cli.ingest import ingest_cli, reindex_cli
from memcon.cli.read import show_cli, stats_cli
from memcon.cli.search import search_cli


@click.group(context_settings=COMMAND_SETTINGS)
@click.version_option(__version__, prog_name="memcon")
def cli() -> None:
    """memcon: diplomatic conversation records as a searchable, citable knowledge base.

    Ingest FRUS TEI volumes into one SQLite file, then search and read them.

    Example:

        memcon ingest ../shared/corpus/frus
        memcon search '"Council of Ten"'
        memcon show frus1919Parisv01/d337
    """


cli.add_command(ingest_cli)
cli.add_command(reindex_cli)
cli.add_command(search_cli)
cli.add_command(show_cli)
cli.add_command(stats_cli)

try:  # the fetch commands live in their own module
    from memcon.cli.fetch import fetch_group
except ImportError:  # pragma: no cover - only while the module is being written
    pass
else:
    cli.add_command(fetch_group)


if __name__ == "__main__":  # pragma: no cover
    cli()
