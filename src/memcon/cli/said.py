"""``memcon said``: what a person said, to whom, about what, when — each with its document and page."""

from __future__ import annotations

import dataclasses
import re
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
@click.option("--about", "about", metavar="WORDS", help="Only statements containing these words (as a phrase).")
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
        memcon said --by Gromyko --to Kennedy --from 1962 --until 1962 --json
    """
    from memcon.model.dates import date_bound
    from memcon.store import open_store

    pattern = re.compile(r"\b" + r"\W+".join(map(re.escape, about.split())) + r"\b", re.I) if about else None
    with open_store(db, create=False) as store:
        speaker = _person(store, by, option="--by")
        addressee = _person(store, to, option="--to") if to else None
        rows = store.statements_by(
            speaker_id=speaker.id, addressee_id=addressee.id if addressee else None,
            date_from=date_bound(date_from) if date_from else None,
            date_to=date_bound(date_to, end=True) if date_to else None,
        )
        found = []
        for doc_id, statement in rows:
            document = store.get_document(doc_id)
            words = document.text[statement.start:statement.end]
            if pattern is not None and not pattern.search(words):
                continue
            where = pattern.search(words) if pattern else None
            page = document.page_at(statement.start + (where.start() if where else 0))
            date = document.date.when or document.date.text if document.date else None
            found.append((doc_id, date, page, statement, words))
            if len(found) >= limit:
                break
    if as_json:
        echo_json([{"document": d, "date": date, "page": p, "text": w, "statement": dataclasses.asdict(s)}
                   for d, date, p, s, w in found])
        return
    if not found:
        click.echo(f"no statements by {speaker.name}" + (f" about {about!r}" if about else ""))
        return
    for doc_id, date, page, statement, words in found:
        kind = " (quotation read out)" if statement.kind == "quotation" else ""
        to_whom = f" to {statement.addressee_text}" if statement.addressee_text else ""
        click.echo(f"{doc_id} · {date or 'undated'} · p. {page or '?'} · {statement.speaker_text} "
                   f"{statement.verb or 'said'}{to_whom}{kind}")
        click.echo("    " + " ".join(words.split())[:400])


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
