"""``memcon search``."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option
from memcon.search.base import Hit, SearchFilters, SearchResults

if TYPE_CHECKING:
    from memcon.store.base import Store
from memcon.search.query import SYNTAX_HELP

_HELP_SYNTAX = "\b\n" + SYNTAX_HELP


@click.command(name="search", epilog=_HELP_SYNTAX, context_settings=COMMAND_SETTINGS)
@click.argument("query")
@store_option
@click.option("--from", "date_from", metavar="DATE", help="Documents dated on or after DATE (1919, 1919-06, 1919-06-28).")
@click.option("--to", "date_to", metavar="DATE", help="Documents dated on or before DATE.")
@click.option("--volume", "volumes", multiple=True, metavar="ID", help="Only this volume (repeatable).")
@click.option("--type", "doc_types", multiple=True, metavar="TYPE", help="Only this document type (repeatable), e.g. telegram.")
@click.option("--person", "persons", multiple=True, metavar="NAME",
              help="Only documents naming this person (a name or a memcon: id; repeatable: all of them).")
@click.option("--limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="Results per page.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Skip this many results.")
@json_option
@handle_errors
def search_cli(
    query: str,
    db: str,
    date_from: str | None,
    date_to: str | None,
    volumes: tuple[str, ...],
    doc_types: tuple[str, ...],
    persons: tuple[str, ...],
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Search the full text (headings, text, footnotes); ranked, with the printed page of each hit.

    A malformed query gets a message pointing at the problem and exit status 2.

    Example:

        memcon search '"Council of Ten"'
        memcon search 'Wilson AND (Clemenceau OR Lloyd)' --from 1919-01 --to 1919-06 --limit 5
        memcon search 'NEAR(armistice Foch, 5)' --volume frus1919Parisv01 --json
        memcon search Berlin --person Khrushchev --person Rusk
    """
    from memcon.model.dates import date_bound
    from memcon.search import search
    from memcon.search.query import parse_query
    from memcon.workspace import open_workspace

    parse_query(query)  # report a syntax error before touching the database
    filters = SearchFilters(
        date_from=date_bound(date_from) if date_from else None,
        date_to=date_bound(date_to, end=True) if date_to else None,
        volumes=volumes,
        doc_types=tuple(t.lower() for t in doc_types),
    )
    with open_workspace(db, create=False) as ws:
        if persons:
            filters = dataclasses.replace(filters, documents=_documents_naming(ws.store, persons))
        results = search(ws.index, query, filters=filters, limit=limit, offset=offset)
    if as_json:
        echo_json(results_json(results))
    else:
        print_results(results)


def _documents_naming(store: Store, names: tuple[str, ...]) -> frozenset[str]:
    """The documents that name every one of the persons ``names`` designate.  A name several
    persons bear designates the one of them these documents name; if they name several of
    them, the name is refused with the candidates."""
    from memcon.errors import InvalidValue, NotFound

    if store.authority_version() is None:
        raise NotFound("--person needs the person authority", hint="load it with `memcon ingest ../shared/authority`")
    found: frozenset[str] | None = None
    for name in names:
        if name.startswith("memcon:"):
            docs = frozenset(store.documents_mentioning(store.get_person(name).id))
        else:
            matches = store.find_persons(name, limit=20)
            if not matches:
                raise NotFound(f"nobody named {name!r} in the person authority", hint="try `memcon person NAME`")
            named = [(p, frozenset(store.documents_mentioning(p.id))) for p in matches]
            present = [(p, d) for p, d in named if d] or named[:1]
            if len(present) > 1:
                listed = "; ".join(f"{p.name} ({p.id}, {len(d)} documents)" for p, d in present)
                raise InvalidValue(f"--person {name!r} names several persons in these documents: {listed}",
                                   hint="give the full name or the memcon: id")
            docs = present[0][1]
        found = docs if found is None else found & docs
    return found or frozenset()


def results_json(results: SearchResults) -> dict[str, object]:
    """The JSON form of a page of results (shared with the HTTP API)."""
    return {
        "query": results.query,
        "total": results.total,
        "offset": results.offset,
        "limit": results.limit,
        "engine": results.engine,
        "hits": [_hit_json(h) for h in results.hits],
    }


def _hit_json(hit: Hit) -> dict[str, object]:
    return {
        "id": hit.doc_id,
        "volume": hit.volume_id,
        "title": hit.heading,
        "date": hit.date,
        "type": hit.doc_type,
        "page": hit.page,
        "score": round(hit.score, 4),
        "snippet": None
        if hit.snippet is None
        else {"text": hit.snippet.text, "highlights": [list(h) for h in hit.snippet.highlights]},
    }


_TIME = re.compile(r"^(\d\d:\d\d)(:\d\d(?:\.\d+)?)?(.*)$")


def _show_date(iso: str | None) -> str:
    """``1918-11-20T14:00:00`` → ``1918-11-20 14:00``; a range ``a/b`` → ``a – b``."""
    if not iso:
        return "undated"
    parts = []
    for part in iso.split("/"):
        day, _, time = part.partition("T")
        if time:
            m = _TIME.match(time)
            if m:
                time = m.group(1) + (m.group(2) if m.group(2) not in (None, ":00") else "") + m.group(3)
            day = f"{day} {time}"
        parts.append(day)
    return " – ".join(parts)


def print_results(results: SearchResults) -> None:
    console = Console(highlight=False)
    if not results.total:
        console.print(f"No document matches {results.query}", markup=False)
        return
    first, last = results.offset + 1, results.offset + len(results.hits)
    console.print(
        Text.assemble(
            (f"{results.total:,}", "bold"),
            f" document{'s' if results.total != 1 else ''} match ",
            (results.query, "bold"),
            f"  (showing {first}–{last})" if results.hits else "",
        )
    )
    for rank, hit in enumerate(results.hits, start=first):
        meta = " · ".join(x for x in (_show_date(hit.date), f"p. {hit.page}" if hit.page else "", hit.doc_type) if x)
        console.print()
        console.print(Text.assemble((f"{rank:>3}. ", "dim"), (hit.doc_id, "bold cyan"), ("  " + meta, "dim")))
        console.print(Padding(Text(hit.heading, style="bold"), (0, 0, 0, 5)))
        if hit.snippet is not None:
            snippet = Text(hit.snippet.text.replace("\n", " "))
            for start, end in hit.snippet.highlights:
                snippet.stylize("bold yellow", start, end)
            console.print(Padding(snippet, (0, 0, 0, 5)))
