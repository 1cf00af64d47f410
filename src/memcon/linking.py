"""Link the persons named in the stored documents: the stage after the person authority.

For every volume whose mentions are missing or stale (a new or replaced volume, a rebuilt
authority, another linker version: :meth:`Store.unlinked_volumes`), each document goes
through:

* the name linker (:mod:`memcon.enrich.people`, ``memcon.linker.v1``): one automaton over the
  name forms of every person of the authority, compiled once per run, with the volume's own
  list of persons counted first for that volume, and the volume linked in two passes (a name
  left ambiguous in one document is settled by whom the volume's other documents name);
* the title resolver (:mod:`memcon.enrich.titles`): "the Secretary", "our Ambassador" …
  resolved by the document's date, side and place, or left unresolved with the reason — where
  the authority knows no holder, by the offices the stored documents attest
  (:mod:`memcon.enrich.attestations`: "Hon. E. M. Stanton, Secretary of War"), which are read
  from every volume of the run first, so that no volume's answers depend on the order;

and the volume's mentions are replaced in one transaction; then the meetings its conversation
records record (:mod:`memcon.enrich.meetings`) and who said what in each document
(:mod:`memcon.enrich.statements`).  Mentions are derived data, like the
full-text index: ``memcon link --all`` makes them again from the store.

DOCS: docs/linking.md
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from memcon._background import Background
from memcon.model.people import Mention
from memcon.model.records import Document, TermEntry
from memcon.model.speech import Meeting, Statement
from memcon.store.base import Store

if TYPE_CHECKING:
    from memcon.authority.lookup import Authority


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What :func:`link_volumes` did."""

    volumes: tuple[str, ...]
    documents: int
    mentions: int
    resolved: int
    """Mentions linked to a person (the others were found but left unresolved, with a reason)."""
    titles: int
    """Mentions that are titles ("the Secretary") rather than names."""
    seconds: float
    method: str
    meetings: int = 0
    """Meeting events found in the volumes' conversation records."""
    statements: int = 0
    """Statements attributed to speakers (:mod:`memcon.enrich.statements`)."""
    attestations: int = 0
    """Offices the volumes' documents attest (:mod:`memcon.enrich.attestations`)."""
    said_seconds: float = 0.0
    """What the meetings and statements added to the run's wall time: reading the meetings,
    handing each volume to the statement worker, waiting for it, writing what it found (with no
    worker: extracting the statements here)."""


def _title_mentions(authority: object, document: Document, participants: Sequence[str]) -> list[Mention]:
    from memcon.enrich.titles import RESOLVER, find_titles, resolve_title

    out: list[Mention] = []
    for found in find_titles(document.text):
        r = resolve_title(authority, document, found, participants=participants)  # type: ignore[arg-type]
        out.append(Mention(found.start, found.end, found.text, r.person_id, r.confidence, r.method or RESOLVER,
                           r.reason, None, "title", r.name if r.person_id is None else None))
    return out


def link_volumes(
    store: Store,
    *,
    volumes: Sequence[str] | None = None,
    all_volumes: bool = False,
    progress: Callable[[str, int], None] | None = None,
    workers: int | None = None,
) -> LinkReport:
    """Link the persons of the volumes given (default: those whose mentions are stale; every
    volume with ``all_volumes``).  Needs the person authority in the store; without it, no
    volume is linked and the report is empty.  ``workers``: processes that read who said what
    beside the linking (default 1 on a machine of two cores or more, else 0: read here); the
    results are the same."""
    from memcon.authority.lookup import Authority
    from memcon.enrich.people import METHOD, Linker, person_candidates

    started = time.perf_counter()
    if store.authority_version() is None:
        return LinkReport((), 0, 0, 0, 0, 0.0, METHOD)
    if volumes is None:
        volumes = [v.id for v in store.volumes()] if all_volumes else store.unlinked_volumes(METHOD)
    if not volumes:
        return LinkReport((), 0, 0, 0, 0, time.perf_counter() - started, METHOD)
    authority = Authority.from_store(store)
    attested = _attest(store, authority, volumes)
    linker = Linker(person_candidates(store.iter_persons()))
    documents = mentions = resolved = titles = meetings = statements = 0
    pending: dict[str, tuple[list[tuple[str, tuple[Mention, ...]]], list[Meeting]]] = {}
    recent: dict[str, tuple[Mention, ...]] = {}  # the mentions of volumes not yet written

    said_seconds = 0.0

    def write(volume_id: str, said: list[tuple[str, tuple[Statement, ...]]]) -> None:
        # a volume's mentions, meetings and statements are written together, when its statements
        # are back: an interrupted run never leaves a volume linked without its statements
        nonlocal meetings, statements, said_seconds
        found, met = pending.pop(volume_id)
        store.replace_mentions(volume_id, found, method=METHOD)
        t = time.perf_counter()
        meetings += store.replace_meetings(volume_id, met)
        statements += store.replace_statements(volume_id, said)
        said_seconds += time.perf_counter() - t
        for doc_id, _ in found:
            recent.pop(doc_id, None)
        if progress:
            progress(volume_id, len(found))

    # who said what in a volume is read in a second process while this one links the next volume
    if workers is None:
        workers = 1 if (os.cpu_count() or 1) > 1 else 0
    background: Background[str, list[tuple[str, tuple[Statement, ...]]]] = Background(
        said_in, tasks=len(volumes), workers=workers)
    with background:
        for volume_id in volumes:
            volume = store.get_volume(volume_id)
            listed = {p.id for entry in volume.persons for p in store.persons_with_key(f"{volume_id}#{entry.xml_id}")}
            volume_linker = linker.with_listed(listed)
            found: list[tuple[str, tuple[Mention, ...]]] = []
            docs = list(store.iter_documents(volume_id=volume_id))
            # a volume in two passes: a name left ambiguous in one document is settled by whom the
            # volume's other documents name
            for document, names in zip(docs, volume_linker.link_documents(docs), strict=True):
                people = sorted({m.person_id for m in names if m.person_id})
                spans = [(m.start, m.end) for m in names if m.footnote is None]
                extra = [t for t in _title_mentions(authority, document, people)
                         if not any(s < t.end and t.start < e for s, e in spans)]
                every = tuple(sorted((*names, *extra), key=lambda m: (m.footnote is not None, m.footnote or 0, m.start)))
                found.append((document.id, every))
                documents += 1
                mentions += len(every)
                resolved += sum(1 for m in every if m.person_id)
                titles += len(extra)
            by_doc = dict(found)
            recent.update(by_doc)
            t = time.perf_counter()
            pending[volume_id] = (found, _meetings(store, docs, recent))
            background.submit(volume_id, docs, by_doc, volume.terms)
            said_seconds += time.perf_counter() - t
            for done, said in background.ready():
                write(done, said)
        t = time.perf_counter()
        left = list(background.drain())  # waiting for the worker's last volumes
        said_seconds += time.perf_counter() - t
        for done, said in left:
            write(done, said)
    return LinkReport(tuple(volumes), documents, mentions, resolved, titles, time.perf_counter() - started, METHOD,
                      meetings, statements, attested, said_seconds)


def said_in(documents: Sequence[Document], mentions: dict[str, tuple[Mention, ...]],
            terms: Sequence[TermEntry]) -> list[tuple[str, tuple[Statement, ...]]]:
    """Who said what in each of a volume's documents, with the topics of each statement (pure)."""
    from memcon.enrich.statements import extract_statements
    from memcon.enrich.topics import tag_statements

    return [(d.id, tag_statements(d, extract_statements(d, mentions.get(d.id, ())), mentions.get(d.id, ()),
                                  terms=terms)) for d in documents]


def _attest(store: Store, authority: Authority, volumes: Sequence[str]) -> int:
    """Read the offices the volumes' documents attest, store them, and give the authority every
    stored volume's; returns how many the volumes gave."""
    from memcon.authority.attested import AttestedOffices
    from memcon.enrich.attestations import find_attestations

    count = 0
    for volume_id in volumes:
        found = [a for d in store.iter_documents(volume_id=volume_id) for a in find_attestations(d, authority)]
        count += store.replace_attestations(volume_id, found)
    authority.attested = AttestedOffices(store.attestations())
    return count


def _meetings(store: Store, documents: Sequence[Document], mentions: dict[str, tuple[Mention, ...]]) -> list[Meeting]:
    """The meetings the volume's conversation records record, records of one meeting grouped;
    a participants list printed with another document is taken from it when the store has it."""
    from memcon.enrich.meetings import extract_meeting, group_meetings
    from memcon.errors import NotFound

    found: list[Meeting] = []
    for document in documents:
        referenced = None
        referenced_mentions: tuple[Mention, ...] = ()
        ref = next((r for r in document.references if r.kind == "participants" and r.target), None)
        if ref is not None and ref.target:
            try:
                referenced = store.get_document(ref.target)
                referenced_mentions = mentions.get(ref.target) or store.mentions(ref.target)
            except NotFound:
                referenced = None
        meeting = extract_meeting(document, mentions.get(document.id, ()), referenced=referenced,
                                  referenced_mentions=referenced_mentions)
        if meeting is not None:
            found.append(meeting)
    return group_meetings(found)


def linked_text(document: Document, mentions: Sequence[Mention]) -> tuple[list[tuple[str, int | None]], list[str]]:
    """``document.text`` cut into pieces, each with the number (1, 2 …, in order of first
    mention) of the person its span names, ``0`` for a mention left unresolved, or ``None``
    for plain text; and the person ids in the order of their numbers — for ``memcon show --people``."""
    order: list[str] = []
    pieces: list[tuple[str, int | None]] = []
    position = 0
    for m in sorted((m for m in mentions if m.footnote is None), key=lambda m: (m.start, -m.end)):
        if m.start < position:
            continue
        if m.start > position:
            pieces.append((document.text[position:m.start], None))
        number = 0
        if m.person_id:
            if m.person_id not in order:
                order.append(m.person_id)
            number = order.index(m.person_id) + 1
        pieces.append((document.text[m.start:m.end], number))
        position = m.end
    if position < len(document.text):
        pieces.append((document.text[position:], None))
    return pieces, order


__all__ = ["LinkReport", "link_volumes", "linked_text", "said_in"]
