"""``memcon meetings``: a timeline of the meetings the conversation records record."""

from __future__ import annotations

import dataclasses

import click

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option


@click.command(name="meetings", context_settings=COMMAND_SETTINGS)
@store_option
@click.option("--with", "with_", metavar="NAME", help="Only meetings this person attended (a name or a memcon: id).")
@click.option("--from", "date_from", metavar="DATE", help="Meetings on or after DATE (1961, 1961-06, 1961-06-04).")
@click.option("--to", "date_to", metavar="DATE", help="Meetings on or before DATE.")
@json_option
@handle_errors
def meetings_cli(db: str, with_: str | None, date_from: str | None, date_to: str | None, as_json: bool) -> None:
    """A timeline of meetings: date, place, who by side, how long, and the records of each.
    A meeting's fields come from its records (participants lists, "There were present"
    sentences, the source note); a date the records do not give is left unknown.

    Example:

        memcon meetings --with Gromyko
        memcon meetings --with "Khrushchev, Nikita Sergeyevich" --from 1961 --to 1962 --json
    """
    from memcon.errors import InvalidValue, NotFound
    from memcon.model.dates import date_bound
    from memcon.store import open_store

    with open_store(db, create=False) as store:
        person_id = None
        if with_:
            if with_.startswith("memcon:"):
                person_id = store.get_person(with_).id
            else:
                matches = store.find_persons(with_, limit=20)
                present = [p for p in matches if store.meetings(person_id=p.id)]
                if not present:
                    raise NotFound(f"no meeting of anyone named {with_!r}",
                                   hint="`memcon person NAME` shows who that is; `memcon link` finds meetings")
                if len(present) > 1:
                    listed = "; ".join(f"{p.name} ({p.id})" for p in present)
                    raise InvalidValue(f"--with {with_!r} names several persons with meetings: {listed}",
                                       hint="give the full name or the memcon: id")
                person_id = present[0].id
        found = store.meetings(
            person_id=person_id,
            date_from=date_bound(date_from) if date_from else None,
            date_to=date_bound(date_to, end=True) if date_to else None,
        )
        names = {a.person_id: store.get_person(a.person_id).name for m in found for a in m.attendees if a.person_id}
    if as_json:
        echo_json([dataclasses.asdict(m) for m in found])
        return
    if not found:
        click.echo("no meetings")
        return
    for m in found:
        when = m.date.when or m.date.text if m.date else "date unknown"
        how_long = f" · {m.duration_minutes // 60} h {m.duration_minutes % 60:02d} min" if m.duration_minutes else ""
        click.echo(f"{when} · {m.place or 'place unknown'}{how_long} · {', '.join(m.documents)}")
        sides: dict[str, list[str]] = {}
        for a in m.attendees:
            label = names.get(a.person_id, a.text) if a.person_id else f"{a.text} (?)"
            if a.role != "participant":
                label += f" ({a.role})"
            sides.setdefault(a.side or "side not stated", []).append(label)
        for side, people in sides.items():
            click.echo(f"    {side}: {'; '.join(people)}")
