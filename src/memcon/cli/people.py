"""``memcon person``: who someone is, under which names, in which offices and when."""

from __future__ import annotations

import dataclasses

import click
from rich.console import Console
from rich.text import Text

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option
from memcon.errors import NotFound
from memcon.store.base import Store

_SOURCES_SHOWN = 3
_DOCUMENTS_SHOWN = 8
"""Document ids printed per person (all of them with --json)."""


def _name(store: Store, person_id: str) -> str:
    try:
        return store.get_person(person_id).name
    except NotFound:
        return person_id


@click.command(name="person", context_settings=COMMAND_SETTINGS)
@click.argument("name")
@store_option
@click.option("--limit", type=click.IntRange(1, 100), default=5, show_default=True, help="Persons to show.")
@json_option
@handle_errors
def person_cli(name: str, db: str, limit: int, as_json: bool) -> None:
    """Show the persons NAME matches in the person authority: every form of their name and
    where it was found, their offices over time (title, country, dates, source).  A surname,
    a full name in either order, any spelling variant; accents and case do not matter.

    Load the authority first with `memcon ingest ../shared/authority`.

    Example:

        memcon person Khrushchev
        memcon person "Dean Rusk" --json
        memcon person Bundy --limit 2
    """
    from memcon.authority.lookup import office_label
    from memcon.authority.report import person_report
    from memcon.authority.titles import precision
    from memcon.store import open_store

    with open_store(db, create=False) as store:
        if store.authority_version() is None:
            raise NotFound(
                f"{db} holds no person authority",
                hint="load it with `memcon ingest ../shared/authority`",
            )
        reports = person_report(store, name, limit=limit)
        known = {pid: _name(store, pid) for r in reports for pid, _ in (r.named_with or ())}
    if as_json:
        echo_json([dataclasses.asdict(r) for r in reports])
        return
    if not reports:
        raise NotFound(f"nobody named {name!r} in the person authority", hint="try the surname alone")
    console = Console(highlight=False)
    for report in reports:
        p = report.person
        life = f"  {p.birth or '?'}–{p.death or ''}" if p.birth or p.death else ""
        console.print(Text(f"{p.name}{life}", style="bold"), Text(f"  {p.id}", style="dim"))
        names: dict[str, list[str]] = {}
        for variant in p.names:
            names.setdefault(variant.name, []).append(f"{variant.kind}: {variant.source or '-'}")
        console.print("  names:", markup=False)
        for form, where in names.items():
            more = f" (+{len(where) - _SOURCES_SHOWN} more)" if len(where) > _SOURCES_SHOWN else ""
            console.print(
                f"    {form} — {'; '.join(where[:_SOURCES_SHOWN])}{more}", markup=False, soft_wrap=True
            )
        if p.roles:
            console.print("  roles:", markup=False)
        for role in p.roles:
            bounded = " (dates: the volume's years)" if precision(role) == 2 else ""
            dates = f"{role.start or '?'} – {role.end or ''}".rstrip()
            side = f" [{role.side}]" if role.side else ""
            console.print(
                f"    {dates:<25} {office_label(role)}{side}{bounded} — {role.source}",
                markup=False,
                soft_wrap=True,
            )
        if report.documents is None:
            console.print(f"  documents naming them: not linked yet; source keys: {len(p.keys)}", markup=False)
        else:
            shown = ", ".join(report.documents[:_DOCUMENTS_SHOWN])
            more = f" … (+{len(report.documents) - _DOCUMENTS_SHOWN})" if len(report.documents) > _DOCUMENTS_SHOWN else ""
            console.print(f"  documents naming them: {len(report.documents)}{': ' if shown else ''}{shown}{more}",
                          markup=False, soft_wrap=True)
            if report.named_with:
                companions = "; ".join(f"{known.get(pid, pid)} ({n})" for pid, n in report.named_with)
                console.print(f"  most often named with: {companions}", markup=False, soft_wrap=True)
        console.print("")


@click.command(name="link", context_settings=COMMAND_SETTINGS)
@store_option
@click.option("--all", "all_volumes", is_flag=True, help="Link every volume again, not only those out of date.")
@json_option
@handle_errors
def link_cli(db: str, all_volumes: bool, as_json: bool) -> None:
    """Link the persons named in the stored documents to the person authority: names
    ("Gromyko", "Mr. Rusk", "A.A. GROMYKO") and titles ("the Secretary", "our Ambassador",
    resolved by date and side).  `memcon ingest` does it for new volumes when the authority
    is loaded; run this after upgrading memcon, or with --all to start afresh.

    Example:

        memcon link
        memcon link --all --json
    """
    from memcon.linking import link_volumes
    from memcon.store import open_store

    with open_store(db, create=False) as store:
        if store.authority_version() is None:
            raise NotFound(f"{db} holds no person authority", hint="load it with `memcon ingest ../shared/authority`")
        report = link_volumes(store, all_volumes=all_volumes)
    if as_json:
        echo_json(dataclasses.asdict(report))
        return
    click.echo(
        f"linked {len(report.volumes)} volume(s), {report.documents:,} documents: {report.mentions:,} mentions "
        f"({report.resolved:,} resolved, {report.titles:,} titles), {report.meetings:,} meetings, "
        f"{report.statements:,} statements in {report.seconds:.1f} s ({report.method}; meetings and statements "
        f"added {report.said_seconds:.1f} s)"
    )
