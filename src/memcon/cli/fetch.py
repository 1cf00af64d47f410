"""``memcon fetch``: obtain source files (FRUS volumes, Wilson Center records) from a mirror,
the cache or the web.

Thin: each command parses its options and calls one library function
(:func:`memcon.fetch.fetch_frus_volumes`, :func:`memcon.fetch.wilson.fetch_wilson_records`).
The main CLI adds the group with ``cli.add_command(fetch_group)``.

DOCS: docs/fetch.md
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from memcon.cli._options import COMMAND_SETTINGS
from memcon.fetch.frus import FetchResult, fetch_frus_volumes
from memcon.fetch.wilson import WilsonFetchResult, fetch_wilson_records

_DIR = click.Path(file_okay=False, dir_okay=True, path_type=Path)


@click.group("fetch", context_settings=COMMAND_SETTINGS)
def fetch_group() -> None:
    """Obtain source files: FRUS TEI volumes and Wilson Center records from a mirror folder,
    the cache or the web.

    Example:

        memcon fetch frus frus1919Parisv01 frus1861

        memcon fetch wilson 114511 --dest wilson
    """


@fetch_group.command("frus", context_settings=COMMAND_SETTINGS)
@click.argument("volume_ids", nargs=-1, required=True, metavar="VOLUME_ID...")
@click.option(
    "--cache",
    "cache_dir",
    type=_DIR,
    default=None,
    help="Cache folder (volumes go under frus/).  [default: $MEMCON_CACHE or ~/.cache/memcon]",
)
@click.option(
    "--mirror",
    type=_DIR,
    default=None,
    help="Folder of <id>.xml files to use instead of the network.  [default: $MEMCON_MIRROR]",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds to wait for the server at each step.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Further attempts after a failed download.",
)
def fetch_frus_cli(
    volume_ids: tuple[str, ...],
    cache_dir: Path | None,
    mirror: Path | None,
    timeout: float,
    retries: int,
) -> None:
    """Obtain FRUS volumes by id and print where each one is.

    Each VOLUME_ID (as in https://history.state.gov/historicaldocuments, e.g.
    frus1961-63v05) is taken from the mirror if one is set, else from the
    cache, else downloaded from HistoryAtState/frus on GitHub
    ($MEMCON_FRUS_URL overrides the address).  Exit status 1 if any failed.

    Example:

        memcon fetch frus frus1919Parisv01 frus1861

        MEMCON_MIRROR=../shared/corpus/frus memcon fetch frus frus1861
    """
    out = Console(soft_wrap=True, highlight=False)
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    results = fetch_frus_volumes(
        volume_ids,
        cache_dir=cache_dir,
        mirror=mirror,
        timeout=timeout,
        retries=retries,
        progress=lambda result: _print_result(result, out=out, err=err),
    )
    failed = sum(1 for result in results if not result.ok)
    if failed:
        err.print(Text(f"{failed} of {len(results)} volumes failed; see docs/fetch.md", style="red"))
        sys.exit(1)


def _print_result(result: FetchResult, *, out: Console, err: Console) -> None:
    if result.error is None:
        line = Text.assemble(
            (result.volume_id, "bold"), "  ", (result.source, "green"), "  ", str(result.path)
        )
        out.print(line)
        return
    err.print(
        Text.assemble(
            (result.volume_id, "bold"), "  ", ("failed", "bold red"), "  ", (str(result.error), "red")
        )
    )


@fetch_group.command("wilson", context_settings=COMMAND_SETTINGS)
@click.argument("record_ids", nargs=-1, required=True, metavar="RECORD_ID...")
@click.option(
    "--dest",
    type=_DIR,
    default=Path("."),
    show_default=True,
    help="Folder to write each record to, as <id>.json with its texts inlined.",
)
@click.option(
    "--cache",
    "cache_dir",
    type=_DIR,
    default=None,
    help="Cache folder (records and texts go under wilson/).  [default: $MEMCON_CACHE or ~/.cache/memcon]",
)
@click.option(
    "--mirror",
    type=_DIR,
    default=None,
    help="Folder of <id>.json records (or a copy of the site) to use instead of the network.  "
    "[default: $MEMCON_MIRROR]",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    help="Seconds to wait for the server at each step.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=3,
    show_default=True,
    help="Further attempts after a failed download.",
)
def fetch_wilson_cli(
    record_ids: tuple[str, ...],
    dest: Path,
    cache_dir: Path | None,
    mirror: Path | None,
    timeout: float,
    retries: int,
) -> None:
    """Obtain Wilson Center Digital Archive records by id and write each to DEST/<id>.json.

    Each RECORD_ID is the number at the end of a record's address
    (https://digitalarchive.wilsoncenter.org/document/114511), or that address.  The
    record's API JSON is taken from the mirror if one is set, else from the cache, else
    downloaded ($MEMCON_WILSON_URL overrides the archive's address), with the HTML of its
    translations and transcripts put inline; `memcon ingest` reads the file.  Exit status
    1 if any failed.

    Example:

        memcon fetch wilson 114511 --dest wilson

        MEMCON_MIRROR=~/wilson-mirror memcon fetch wilson 114511 121894 --dest wilson
    """
    out = Console(soft_wrap=True, highlight=False)
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    results = fetch_wilson_records(
        record_ids,
        dest=dest,
        cache_dir=cache_dir,
        mirror=mirror,
        timeout=timeout,
        retries=retries,
        progress=lambda result: _print_wilson(result, out=out, err=err),
    )
    failed = sum(1 for result in results if not result.ok)
    if failed:
        err.print(Text(f"{failed} of {len(results)} records failed; see docs/fetch.md", style="red"))
        sys.exit(1)


def _print_wilson(result: WilsonFetchResult, *, out: Console, err: Console) -> None:
    if result.error is None:
        texts = f"{result.texts} text{'s' if result.texts != 1 else ''}"
        out.print(Text.assemble(
            (result.record_id, "bold"), "  ", (result.source, "green"), "  ", str(result.path), "  ", texts
        ))
        return
    err.print(Text.assemble(
        (result.record_id, "bold"), "  ", ("failed", "bold red"), "  ", (str(result.error), "red")
    ))
