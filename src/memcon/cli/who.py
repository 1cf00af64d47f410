"""``memcon who``: who held an office on a day — "the Secretary" on 1961-06-04 is Dean Rusk.

DOCS: docs/cli.md#memcon-who
"""

from __future__ import annotations

import click

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option
from memcon.errors import InvalidValue, NotFound


@click.command(name="who", context_settings=COMMAND_SETTINGS)
@click.argument("title")
@click.option("--date", "on", required=True, help="The day, ISO: 1961-06-04 (a year or month: its first day).")
@click.option("--side", default="US", show_default=True,
              help="Whose record the title is read in (a country or nationality: US, Soviet, British …); "
                   "'any' for every government.")
@click.option("--place", default=None, help="Where the record was written (a city or country: Vienna, Managua).")
@store_option
@json_option
@handle_errors
def who_cli(title: str, on: str, side: str, place: str | None, db: str, as_json: bool) -> None:
    """Resolve TITLE ("the Secretary", "the President", "the Soviet Ambassador", "our minister at
    Copenhagen", "the Prime Minister") to the person who held it on --date, with the reason: the
    role, its dates and its source.  When several held it, every holder is listed and none chosen.

    The side is the record's (a US record by default): "the President" is the US President, "our
    Ambassador" a US ambassador; an office the side does not have ("the Prime Minister" in a US
    record) is another country's — the --place's.  Written in a republic (--place Managua), "the
    President" is the host's: unresolved when the authority does not know him.

    Example:

    \b
        memcon who "the Secretary" --date 1961-06-04
        memcon who "the Chairman" --date 1962-10-26 --side Soviet
        memcon who "the Prime Minister" --date 1930-01-19 --place London --json
    """
    from memcon.authority.lookup import Authority, describe
    from memcon.enrich.titles import who
    from memcon.store import open_store

    day = on.strip()
    if not day[:4].isdigit():
        raise InvalidValue(f"not an ISO date: {on!r}", hint="write dates as 1961-06-04")
    with open_store(db, create=False) as store:
        if store.authority_version() is None:
            raise NotFound(f"{db} holds no person authority", hint="load it with `memcon ingest ../shared/authority`")
        authority = Authority.from_store(store)
    result, holders = who(authority, title, on=day, side=None if side.lower() == "any" else side, place=place)
    if as_json:
        echo_json({
            "title": title, "date": day, "side": side, "place": place,
            "person_id": result.person_id, "name": result.name, "confidence": result.confidence,
            "reason": result.reason, "method": result.method,
            "holders": [{"person_id": p.id, "name": p.name, "role": describe(r)} for p, r in holders],
        })
        return
    if result.person_id is not None:
        click.echo(f"{result.name}  ({result.person_id}, confidence {result.confidence:.2f})")
        click.echo(f"  {result.reason}")
        return
    if result.name is not None:  # a name the documents give, not a person of the authority
        click.echo(f"{result.name}  (not in the authority, confidence {result.confidence:.2f})")
        click.echo(f"  {result.reason}")
        return
    click.echo(f"unresolved: {result.reason}")
    for person, role in holders:
        click.echo(f"  {person.name} — {describe(role)}  ({person.id})")
