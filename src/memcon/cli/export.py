"""``memcon export``: documents, persons, mentions, statements or meetings as JSON Lines, CSV or
Parquet, for pandas, R or DuckDB; or the metadata (and a searchable copy) for Datasette."""

from __future__ import annotations

import click

from memcon.cli._options import COMMAND_SETTINGS, handle_errors, store_option

WHAT = ("documents", "persons", "mentions", "statements", "meetings", "datasette")


@click.command(name="export", context_settings=COMMAND_SETTINGS)
@click.argument("query", required=False)
@store_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True, help="File format (Parquet needs --output FILE).")
@click.option("--what", type=click.Choice(WHAT), default="documents", show_default=True,
              help="Which rows; datasette: metadata.json for Datasette into the folder --output.")
@click.option("--from", "date_from", metavar="DATE", help="Documents dated on or after DATE (1919, 1919-06, 1919-06-28).")
@click.option("--to", "date_to", metavar="DATE", help="Documents dated on or before DATE.")
@click.option("--volume", "volumes", multiple=True, metavar="ID", help="Only this volume (repeatable).")
@click.option("--type", "doc_types", multiple=True, metavar="TYPE", help="Only this document type (repeatable).")
@click.option("--output", "-o", default="-", show_default=True, metavar="FILE",
              help="Write here (atomically: the file appears when complete); - is standard output.")
@click.option("--fts", is_flag=True,
              help="With --what datasette: also a copy of the database with a full-text table (never the original).")
@handle_errors
def export_cli(query: str | None, db: str, fmt: str, what: str, date_from: str | None, date_to: str | None,
               volumes: tuple[str, ...], doc_types: tuple[str, ...], output: str, fts: bool) -> None:
    """Export rows for analysis in pandas, R or DuckDB: one flat schema per kind (docs/export.md),
    streamed, written atomically.  QUERY (memcon's search syntax) and the filters choose the
    documents; mentions, statements and meetings are those of the chosen documents, persons
    those they mention.  A summary goes to standard error.

    Example:

        memcon export --format parquet --what statements --output statements.parquet
        memcon export Berlin --from 1961 --to 1962 --what mentions --format csv -o berlin.csv
        memcon export --volume frus1919Parisv01 --format jsonl | head -1
        memcon export --what datasette --output browse/ --fts
    """
    from memcon.model.dates import date_bound
    from memcon.search.base import SearchFilters

    if what == "datasette":
        from memcon.store.datasette_metadata import write_datasette
        from memcon.workspace import resolve_db_path

        if output == "-":
            raise click.UsageError("--what datasette writes into a folder: give --output DIR")
        written = write_datasette(resolve_db_path(db), output, fts=fts)
        copy = f" and {written.database} ({written.fts_rows:,} documents searchable)" if written.database else ""
        click.echo(f"wrote {written.metadata} ({written.tables} tables described){copy}", err=True)
        return
    if fts:
        raise click.UsageError("--fts goes with --what datasette")
    from memcon.export import export
    from memcon.workspace import open_workspace

    filters = SearchFilters(
        date_from=date_bound(date_from) if date_from else None,
        date_to=date_bound(date_to, end=True) if date_to else None,
        volumes=volumes,
        doc_types=tuple(t.lower() for t in doc_types),
    )
    with open_workspace(db, create=False) as ws:
        report = export(ws, what=what, format=fmt, output=output, query=query, filters=filters)
    where = report.path or "standard output"
    click.echo(f"wrote {report.rows:,} {what} ({len(report.columns)} columns, {fmt}) to {where}", err=True)
