"""``memcon show`` and ``memcon stats``: reading what the store holds."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from memcon.model.people import Mention, Person
    from memcon.model.records import Document
    from memcon.model.speech import Statement

from memcon.cli._options import COMMAND_SETTINGS, echo_json, handle_errors, json_option, store_option


@click.command(name="show", context_settings=COMMAND_SETTINGS)
@click.argument("doc_id", metavar="ID")
@store_option
@click.option("--no-footnotes", is_flag=True, help="Leave the footnotes out.")
@click.option("--no-details", is_flag=True, help="Leave out what the record says besides its text.")
@click.option("--people", is_flag=True, help="Mark the persons named in the text, and list who they are and why.")
@click.option("--speakers", is_flag=True, help="Mark each statement with its speaker (who said what).")
@json_option
@handle_errors
def show_cli(
    doc_id: str, db: str, no_footnotes: bool, no_details: bool, people: bool, speakers: bool, as_json: bool
) -> None:
    """Show a document as history.state.gov renders it: heading, dateline, text with
    [Page N] markers and footnote numbers, then the footnotes; then what the record says
    besides (summary, languages, parsed source note, references, every source it was
    read from).

    With --people every name and title linked to a person is marked with the person's number
    (⟨1⟩, ⟨2⟩ …; ⟨?⟩ when found but not resolved), and the persons are listed after the text
    with the reason of each link.  With --speakers each statement is marked with its speaker
    (⟪Khrushchev, Nikita Sergeyevich — said⟫).

    Example:

        memcon show frus1919Parisv01/d337
        memcon show frus1919Parisv01/d337 --json
        memcon show frus1961-63v05/d88 --people
        memcon show wilson/114511 --speakers
    """
    from memcon.model.render import render_details, render_document
    from memcon.workspace import open_workspace

    with open_workspace(db, create=False) as ws:
        doc = ws.store.get_document(doc_id)
        volume = ws.store.get_volume(doc.volume_id)
        mentions = ws.store.mentions(doc_id) if people else ()
        persons = {m.person_id: ws.store.get_person(m.person_id) for m in mentions if m.person_id}
        statements = ws.store.statements(doc_id) if speakers else ()
        speaker_names = {s.speaker_id: ws.store.get_person(s.speaker_id).name for s in statements if s.speaker_id}
    if as_json:
        data = dataclasses.asdict(doc)
        if people:
            data["mentions"] = [dataclasses.asdict(m) for m in mentions]
            data["persons"] = {pid: p.name for pid, p in persons.items()}
        if speakers:
            data["statements"] = [dataclasses.asdict(s) for s in statements]
        echo_json(data)
        return
    if speakers:
        _show_speakers(doc, volume.title, statements, speaker_names)
        return
    if people:
        _show_people(doc, volume.title, mentions, persons)
        return
    console = Console(highlight=False)
    where = " › ".join((volume.title, *doc.chapter))
    console.print(f"{doc.id}  ·  {where}", style="dim", markup=False, soft_wrap=True)
    console.print(render_document(doc, footnotes=not no_footnotes), markup=False, soft_wrap=True)
    details = "" if no_details else render_details(doc)
    if details:
        console.print("")
        console.print(details, style="dim", markup=False, soft_wrap=True)


def _show_people(doc: Document, volume_title: str, mentions: Sequence[Mention], persons: dict[str, Person]) -> None:
    """The text with each linked span marked ⟨n⟩, then who n is, how often and why."""
    from memcon.linking import linked_text

    console = Console(highlight=False)
    console.print(f"{doc.id}  ·  {' › '.join((volume_title, *doc.chapter))}", style="dim", markup=False,
                  soft_wrap=True)
    if not mentions:
        console.print(doc.text, markup=False, soft_wrap=True)
        console.print("\nno persons linked in this document (is the authority loaded? `memcon link`)", style="dim")
        return
    pieces, order = linked_text(doc, mentions)
    text = Text()
    for piece, number in pieces:
        if number is None:
            text.append(piece)
        else:
            text.append(piece, style="bold" if number else "italic")
            text.append(f"⟨{number or '?'}⟩", style="cyan" if number else "yellow")
    console.print(text, soft_wrap=True)
    console.print("")
    for n, pid in enumerate(order, start=1):
        linked = [m for m in mentions if m.person_id == pid]
        console.print(f"⟨{n}⟩ {persons[pid].name} ({pid}) — {len(linked)} mention(s); {linked[0].reason}",
                      markup=False, soft_wrap=True)
    unresolved = [m for m in mentions if m.person_id is None and m.footnote is None]
    for m in unresolved:
        console.print(f"⟨?⟩ {m.text!r} at {m.start}: {m.reason}", style="dim", markup=False, soft_wrap=True)


def _show_speakers(doc: Document, volume_title: str, statements: Sequence[Statement], names: dict[str, str]) -> None:
    """The text with a marker where each statement begins: who speaks, and how the record says so."""
    console = Console(highlight=False)
    console.print(f"{doc.id}  ·  {' › '.join((volume_title, *doc.chapter))}", style="dim", markup=False,
                  soft_wrap=True)
    text = Text()
    position = 0
    for s in sorted(statements, key=lambda s: s.start):
        if s.start < position:
            continue
        text.append(doc.text[position:s.start])
        who = names.get(s.speaker_id, "") if s.speaker_id else f"{s.speaker_text} (?)"
        label = f"quotation read by {who}" if s.kind == "quotation" else f"{who} — {s.verb or s.kind}"
        text.append(f"⟪{label}⟫ ", style="cyan" if s.speaker_id else "yellow")
        text.append(doc.text[s.start:s.end])
        position = s.end
    text.append(doc.text[position:])
    console.print(text, soft_wrap=True)
    if not statements:
        console.print("\nno statements found in this document (`memcon link` finds them)", style="dim")


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
        + (f"{stats.persons:,} persons in the authority, {stats.mentions:,} mentions of them; " if stats.persons else "")
        + f"schema v{stats.schema_version}",
        markup=False,
    )
