"""``memcon ingest`` and ``memcon reindex``."""

from __future__ import annotations

import dataclasses
import sys

import click
from rich.console import Console
from rich.table import Table

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option
from memcon.ingest import IngestReport, ingest_paths


@click.command(name="ingest", context_settings=COMMAND_SETTINGS)
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option(
    "--format",
    "fmt",
    default=None,
    help="Force a reader instead of detecting it: frus-tei, hsg-page, wilson-page, wilson-json, text.",
)
@click.option("--force", is_flag=True, help="Re-ingest files even when their digest is unchanged.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@json_option
@handle_errors
def ingest_cli(paths: tuple[str, ...], db: str, fmt: str | None, force: bool, progress: bool | None, as_json: bool) -> None:
    """Ingest files, folders or globs into the database: FRUS TEI volumes, pages
    copied from history.state.gov, Wilson Center records (saved page or API JSON),
    plain text and Markdown; the format of each file is detected (--format forces one).
    A folder of HistoryAtState authority data (authority/ or people/, pocom/,
    travels/, visits/) builds the person authority.

    One transaction per volume: an interrupted ingest never leaves half a
    volume.  An unchanged file (same sha256) is skipped.  A copy of a document
    already held is recognised and merged into it, keeping both sources.  A bad
    file gets one line naming the file and the line; the others still ingest,
    and the exit status is 1.

    Example:

        memcon ingest ../shared/corpus/frus
        memcon ingest 'volumes/frus1919*.xml' --db paris.db
        memcon ingest frus1961-63v05-d88.web.txt wilson-114511.txt
        memcon ingest ../shared/authority
    """
    show_bar = sys.stderr.isatty() if progress is None else progress
    report = ingest_paths(paths, store_path=db, format=fmt, force=force, progress=show_bar)
    if as_json:
        echo_json(_report_json(report))
    else:
        _print_report(report)
    if report.errors:
        sys.exit(1)


@click.command(name="reindex", context_settings=COMMAND_SETTINGS)
@store_option
@handle_errors
def reindex_cli(db: str) -> None:
    """Rebuild the full-text index from the database (the store of record).

    Example:

        memcon reindex --db memcon.db
    """
    from memcon.workspace import open_workspace

    with open_workspace(db, create=False, rebuild_index=True) as ws:
        volumes = len(ws.store.volumes())
        documents = ws.index.count()
    click.echo(f"reindexed {volumes} volumes, {documents:,} documents")


def _report_json(report: IngestReport) -> dict[str, object]:
    return {
        "volumes": report.volumes,
        "single_documents": report.single_documents,
        "merged": report.merged,
        "unchanged": report.unchanged,
        "documents": report.documents,
        "pages": report.pages,
        "footnotes": report.footnotes,
        "errors": len(report.errors),
        "seconds": round(report.seconds, 3),
        "authority": [dataclasses.asdict(a) for a in report.authority],
        "linking": None if report.linking is None else dataclasses.asdict(report.linking),
        "files": [
            {
                "path": f.path,
                "status": f.status,
                "volume": f.volume_id,
                "document": f.document_id,
                "merged_into": f.merged_into,
                "documents": f.documents,
                "pages": f.pages,
                "footnotes": f.footnotes,
                "seconds": round(f.seconds, 3),
                "error": str(f.error) if f.error else None,
                "warnings": list(f.warnings),
            }
            for f in report.files
        ],
    }


def _print_report(report: IngestReport) -> None:
    out = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    for outcome in report.files:
        for warning in outcome.warnings:
            err.print("warning: " + warning, markup=False, style="yellow", soft_wrap=True)
    for failed in report.errors:
        err.print("error: " + str(failed.error), markup=False, style="red", soft_wrap=True)
    rate = report.documents / report.seconds if report.seconds > 0 else 0.0
    table = Table(title="memcon ingest", title_justify="left", show_header=False, box=None, padding=(0, 2))
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("volumes ingested", f"{report.volumes:,}"),
        ("single documents ingested", f"{report.single_documents:,}"),
        ("  of which copies merged", f"{report.merged:,}"),
        ("files unchanged (skipped)", f"{report.unchanged:,}"),
        ("documents", f"{report.documents:,}"),
        ("printed pages", f"{report.pages:,}"),
        ("footnotes", f"{report.footnotes:,}"),
        ("errors", f"{len(report.errors):,}"),
        ("seconds", f"{report.seconds:.1f}"),
        ("documents/s", f"{rate:,.0f}"),
    ]
    for what, count in rows:
        table.add_row(what, count, style="red" if what == "errors" and report.errors else None)
    out.print(table)
    for auth in report.authority:
        out.print(
            f"person authority from {auth.source}: {auth.persons:,} persons, {auth.names:,} names, "
            f"{auth.roles:,} roles ({auth.version}); {auth.volume_entries_linked:,} of {auth.volume_entries:,} "
            f"persons-list entries of the stored volumes joined to it; {auth.seconds:.1f} s",
            markup=False, soft_wrap=True,
        )
    if report.linking is not None and report.linking.volumes:
        ln = report.linking
        out.print(
            f"persons linked in {len(ln.volumes)} volume(s): {ln.mentions:,} mentions ({ln.resolved:,} resolved, "
            f"{ln.titles:,} titles), {ln.meetings:,} meetings, {ln.statements:,} statements in {ln.seconds:.1f} s "
            f"(meetings and statements added {ln.said_seconds:.1f} s)",
            markup=False, soft_wrap=True,
        )
    for outcome in report.files:
        if outcome.merged_into:
            out.print(f"{outcome.path}: the same document as {outcome.merged_into}; stored once, with both sources",
                      markup=False, soft_wrap=True)
    if report.reindexed:
        out.print(f"indexed {len(report.reindexed)} volume(s) left unindexed by an earlier run")
