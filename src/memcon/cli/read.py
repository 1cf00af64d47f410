"""``memcon show`` and ``memcon stats``: reading what the store holds."""

from __future__ import annotations

import dataclasses

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option


@click.command(name="show", context_settings=COMMAND_SETTINGS)
@click.argument("doc_id", metavar="ID")
@store_option
@click.option("--no-footnotes", is_flag=True, help="Leave the footnotes out.")
@click.option("--no-details", is_flag=True, help="Leave out what the record says besides its text.")
@json_option
@handle_errors
def show_cli(doc_id: str, db: str, no_footnotes: bool, no_details: bool, as_json: bool) -> None:
    """Show a document as history.state.gov renders it: heading, dateline, text with
    [Page N] markers and footnote numbers, then the footnotes; then what the record says
    besides (summary, languages, parsed source note, references, every source it was
    read from).

    Example:

        memcon show frus1919Parisv01/d337
        memcon show frus1919Parisv01/d337 --json
    """
    from memcon.model.render import render_details, render_document
    from memcon.workspace import open_workspace

    with open_workspace(db, create=False) as ws:
        doc = ws.store.get_document(doc_id)
        volume = ws.store.get_volume(doc.volume_id)
    if as_json:
        echo_json(dataclasses.asdict(doc))
        return
    console = Console(highlight=False)
    where = " › ".join((volume.title, *doc.chapter))
    console.print(f"{doc.id}  ·  {where}", style="dim", markup=False, soft_wrap=True)
    console.print(render_document(doc, footnotes=not no_footnotes), markup=False, soft_wrap=True)
    details = "" if no_details else render_details(doc)
    if details:
        console.print("")
        console.print(details, style="dim", markup=False, soft_wrap=True)


@click.command(name="stats", context_settings=COMMAND_SETTINGS)
@store_option
@json_option
@handle_errors
def stats_cli(db: str, as_json: bool) -> None:
    """What the database holds: volumes, documents, pages, footnotes.

    Example:

        memcon stats
        memcon stats --json
    """
    from memcon.workspace import open_workspace

    with open_workspace(db, create=False) as ws:
        stats = ws.store.stats()
        volumes = ws.store.volumes()
        indexed = ws.index.count()
    if as_json:
        data = dataclasses.asdict(stats)
        data["indexed_documents"] = indexed
        data["volume_list"] = [dataclasses.asdict(v) for v in volumes]
        echo_json(data)
        return
    console = Console(highlight=False)
    table = Table(title=f"memcon store {stats.path}", show_edge=False)
    table.add_column("volume")
    table.add_column("title", overflow="fold", max_width=60)
    table.add_column("documents", justify="right")
    table.add_column("dates")
    table.add_column("indexed")
    for v in volumes:
        dates = f"{v.date_min or '?'} – {v.date_max or '?'}" if (v.date_min or v.date_max) else ""
        table.add_row(Text(v.id), Text(v.title), f"{v.documents:,}", dates, "yes" if v.indexed else "no")
    console.print(table)
    console.print(
        f"{stats.volumes} volumes, {stats.documents:,} documents ({indexed:,} in the full-text index), "
        f"{stats.pages:,} page breaks, {stats.footnotes:,} footnotes, {stats.annotations:,} annotations; "
        f"schema v{stats.schema_version}",
        markup=False,
    )
