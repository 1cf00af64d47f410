"""``memcon said``: what a person said, to whom, about what, when — each with its document and page."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from memcon.model.people import Person
    from memcon.store.base import Store

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option


@click.command(name="said", context_settings=COMMAND_SETTINGS)
@store_option
@click.option("--by", "by", metavar="NAME", required=True, help="The speaker (a name or a memcon: id).")
@click.option("--to", "to", metavar="NAME", help="Only what was said to this person.")
@click.option("--about", "about", metavar="TOPIC",
              help="Only statements about this topic (a name such as Berlin or a key such as place:berlin); "
                   "words that name no known topic are matched as a phrase.")
@click.option("--from", "date_from", metavar="DATE", help="Statements in documents dated on or after DATE.")
@click.option("--until", "date_to", metavar="DATE", help="Statements in documents dated on or before DATE.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True, help="Statements to show.")
@json_option
@handle_errors
def said_cli(db: str, by: str, to: str | None, about: str | None, date_from: str | None, date_to: str | None,
             limit: int, as_json: bool) -> None:
    """What a person said (reported, quoted, or in the first person of their own records), to
    whom, in which document, on which printed page — oldest first.  Quotations (a document
    read out) are marked as such.

    Example:

        memcon said --by Khrushchev --about Berlin
        memcon said --by Khrushchev --about "nuclear tests"
        memcon said --by Gromyko --to Kennedy --from 1962 --until 1962 --json
    """
    from memcon.enrich.topics import find_statements
    from memcon.model.dates import date_bound
    from memcon.store import open_store

    with open_store(db, create=False) as store:
        speaker = _person(store, by, option="--by")
        addressee = _person(store, to, option="--to") if to else None
        found = find_statements(
            store, speaker_id=speaker.id, addressee_id=addressee.id if addressee else None, about=about,
            date_from=date_bound(date_from) if date_from else None,
            date_to=date_bound(date_to, end=True) if date_to else None, limit=limit)
    if as_json:
        echo_json([{"document": f.document_id, "date": f.date, "page": f.page, "text": f.text, "matched": f.matched,
                    "statement": dataclasses.asdict(f.statement)} for f in found])
        return
    if not found:
        click.echo(f"no statements by {speaker.name}" + (f" about {about!r}" if about else ""))
        return
    for f in found:
        statement = f.statement
        kind = " (quotation read out)" if statement.kind == "quotation" else ""
        to_whom = f" to {statement.addressee_text}" if statement.addressee_text else ""
        click.echo(f"{f.document_id} · {f.date or 'undated'} · p. {f.page or '?'} · {statement.speaker_text} "
                   f"{statement.verb or 'said'}{to_whom}{kind}")
        click.echo("    " + " ".join(f.text.split())[:400])
        if statement.topics:
            click.echo("    topics: " + ", ".join(t.label for t in statement.topics[:12]))


def _person(store: Store, name: str, *, option: str) -> Person:
    """The person ``name`` designates among those who speak in the store's documents."""
    from memcon.errors import InvalidValue, NotFound

    if name.startswith("memcon:"):
        return store.get_person(name)
    matches = store.find_persons(name, limit=20)
    if not matches:
        raise NotFound(f"nobody named {name!r} in the person authority", hint="try `memcon person NAME`")
    speaking = [p for p in matches if store.statements_by(speaker_id=p.id, limit=1)
                or store.statements_by(addressee_id=p.id, limit=1)]
    chosen = speaking or matches[:1]
    if len(chosen) > 1:
        listed = "; ".join(f"{p.name} ({p.id})" for p in chosen)
        raise InvalidValue(f"{option} {name!r} names several persons in these records: {listed}",
                           hint="give the full name or the memcon: id")
    return chosen[0]
