"""``memcon cite``: a citation to the page, or the citations of many documents as CSL-JSON, RIS, BibTeX."""

from __future__ import annotations

import datetime

import click

from memcon.cli._options import COMMAND_SETTINGS, handle_errors, store_option

_STYLES = ("chicago-note", "chicago-short", "chicago-bib", "apa", "mla")
_FORMATS = ("csl-json", "ris", "bibtex")


def _accessed(_: click.Context, __: click.Parameter, value: str | None) -> datetime.date | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date: write YYYY-MM-DD") from exc


@click.command(name="cite", context_settings=COMMAND_SETTINGS)
@click.argument("ids", nargs=-1, metavar="[ID]...")
@store_option
@click.option("--page", metavar="N", help="Pin-cite this printed page of the document (or a range, 226-227).")
@click.option("--quote", metavar="TEXT",
              help="Pin-cite the page of this passage of the document (exact words; whitespace and quotes are "
                   "normalised). For a passage that may be misquoted, use `memcon quote`.")
@click.option("--style", type=click.Choice(_STYLES), default="chicago-note", show_default=True,
              help="Citation style (official CSL styles, rendered by citeproc-py).")
@click.option("--format", "format_", type=click.Choice(_FORMATS),
              help="Write structured citations instead of text: CSL-JSON (validated; Zotero imports it), RIS or BibTeX.")
@click.option("--accessed", metavar="YYYY-MM-DD", callback=_accessed,
              help="Access date of records that exist only on the web (Wilson Center).  [default: today]")
@click.option("--search", "query", metavar="QUERY", help="Cite every document this search finds (memcon search syntax).")
@click.option("--from", "date_from", metavar="DATE", help="With --search: documents dated on or after DATE.")
@click.option("--to", "date_to", metavar="DATE", help="With --search: documents dated on or before DATE.")
@click.option("--volume", "volumes", multiple=True, metavar="ID", help="With --search: only this volume (repeatable).")
@click.option("--type", "doc_types", multiple=True, metavar="TYPE", help="With --search: only this document type.")
@click.option("--limit", type=click.IntRange(1, 1000), default=100, show_default=True,
              help="With --search: cite at most this many documents (best first).")
@handle_errors
def cite_cli(
    ids: tuple[str, ...],
    db: str,
    page: str | None,
    quote: str | None,
    style: str,
    format_: str | None,
    accessed: datetime.date | None,
    query: str | None,
    date_from: str | None,
    date_to: str | None,
    volumes: tuple[str, ...],
    doc_types: tuple[str, ...],
    limit: int,
) -> None:
    """Cite documents to the printed page: a Chicago note (full or short), a Chicago
    bibliography entry, an APA or MLA reference — or, with --format, structured citations of
    one document, many, or a whole search result for Zotero, EndNote or BibTeX.

    Example:

        memcon cite frus1961-63v05/d88 --page 226
        memcon cite frus1961-63v05/d88 --quote "natural love is better than love through interpreters"
        memcon cite frus1919Parisv01/d337 --style chicago-short --page 386
        memcon cite wilson/114511 --format csl-json > gromyko.json
        memcon cite --search '"Council of Ten"' --volume frus1919Parisv01 --format bibtex
    """
    from memcon.cite.export import cite_documents, search_document_ids
    from memcon.errors import InvalidValue
    from memcon.model.dates import date_bound
    from memcon.search.base import SearchFilters
    from memcon.workspace import open_workspace

    if query is not None and ids:
        raise InvalidValue("give document ids or --search, not both")
    if query is None and (date_from or date_to or volumes or doc_types):
        raise InvalidValue("--from, --to, --volume and --type filter a --search", hint="add --search QUERY")
    with open_workspace(db, create=False) as ws:
        if query is not None:
            filters = SearchFilters(
                date_from=date_bound(date_from) if date_from else None,
                date_to=date_bound(date_to, end=True) if date_to else None,
                volumes=volumes, doc_types=tuple(t.lower() for t in doc_types))
            ids = tuple(search_document_ids(ws.index, query, filters=filters, limit=limit))
            if not ids:
                raise click.ClickException(f"the search {query!r} finds no document to cite")
        text = cite_documents(ws.store, ids, page=page, quote=quote, style=style, format=format_,
                              accessed=accessed or datetime.date.today())
    click.echo(text, nl=False)
