"""Loading the authority data into the store: detect the folder, read every source, merge with
the persons lists of the volumes already stored, write.

* :func:`is_authority_folder` — ``../shared/authority`` or any of its subfolders
  (``people/``, ``pocom/``, ``travels/``, ``visits/``), recognised by their layout;
* :func:`load_authority` — the records of every source found there, unmerged, in the order
  people/, POCOM, presidents, visits (each with the keys that merge them);
* :func:`ingest_authority` — loads, merges (:func:`memcon.authority.build.build_authority`)
  with the persons lists of the stored volumes, and replaces the store's authority in one
  transaction; returns an :class:`AuthorityReport`.

Ingesting a subfolder alone builds the authority from that subfolder (a rebuild replaces the
previous authority as a whole); volumes ingested later join it at the next rebuild.

DOCS: docs/authority.md#ingest
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from memcon.authority.build import ALGORITHM, VOLUME_RANK, build_authority, rank
from memcon.authority.hsg_people import is_people_folder, load_people
from memcon.authority.pocom import is_pocom_folder, load_pocom
from memcon.authority.presidents import load_presidents, presidents_file
from memcon.authority.visits import is_visits_folder, load_visits
from memcon.authority.volume_persons import load_volume_persons
from memcon.errors import EmptyInput
from memcon.model.people import Person
from memcon.store.base import Store

_Loader = Callable[[Path], Iterator[Person]]
_SOURCES: tuple[tuple[str, Callable[[Path], bool], _Loader], ...] = (
    ("people", is_people_folder, load_people),
    ("pocom", is_pocom_folder, load_pocom),
    ("travels", lambda p: presidents_file(p) is not None, load_presidents),
    ("visits", is_visits_folder, load_visits),
)


def authority_sources(path: str | Path) -> list[tuple[str, Path]]:
    """The sources under ``path``: ``[("people", …/people), ("pocom", …/pocom), …]`` — ``path``
    itself when it is one, else its subfolders that are."""
    root = Path(path)
    found: list[tuple[str, Path]] = []
    for name, detect, _ in _SOURCES:
        if root.is_dir() and detect(root):
            found.append((name, root))
    if found:
        return found[:1]
    for name, detect, _ in _SOURCES:
        sub = root / name
        if sub.is_dir() and detect(sub):
            found.append((name, sub))
    return found


def is_authority_folder(path: str | Path) -> bool:
    """True for HistoryAtState authority data: the ``authority/`` folder or one of its sources."""
    return bool(authority_sources(path))


def load_authority(path: str | Path) -> Iterator[Person]:
    """The records of every source under ``path``, unmerged (ids ``hsg:…``, ``pocom:…``,
    ``president:…``, ``visit:…``).  Raises :class:`EmptyInput` when ``path`` holds none."""
    sources = authority_sources(path)
    if not sources:
        raise EmptyInput(
            "no authority data here (people/, pocom/, travels/presidents/ or visits/)",
            path=str(path),
            hint="point at ../shared/authority or one of its subfolders",
        )
    loaders = {name: loader for name, _, loader in _SOURCES}
    for name, folder in sources:
        yield from loaders[name](folder)


@dataclass(frozen=True, slots=True)
class AuthorityReport:
    """What :func:`ingest_authority` did."""

    source: str
    version: str
    persons: int
    names: int
    roles: int
    keys: int
    """Source identifiers merged into the persons (``hsg:…``, ``pocom:…``, volume entries …)."""
    records: dict[str, int] = field(default_factory=dict)
    """Records read per source (``people``, ``pocom``, ``presidents``, ``visits``, ``volumes``)."""
    volume_entries: int = 0
    """Persons-list entries of stored volumes taken in."""
    volume_entries_linked: int = 0
    """… of which joined a person of the authority data (by key or by name and dates)."""
    seconds: float = 0.0


def _kind(person: Person) -> str:
    prefix = person.id.split(":", 1)[0]
    return {"hsg": "people", "president": "presidents", "visit": "visits"}.get(prefix, prefix)


def ingest_authority(path: str | Path, store: Store, *, volumes: bool = True) -> AuthorityReport:
    """Load the authority data under ``path``, merge it with the persons lists of the volumes in
    ``store`` (unless ``volumes=False``) and replace the store's authority with the result."""
    started = time.perf_counter()
    records = list(load_authority(path))
    counts = Counter(_kind(p) for p in records)
    entries: list[Person] = []
    if volumes:
        for summary in store.volumes():
            volume = store.get_volume(summary.id)
            entries.extend(load_volume_persons(volume, date_min=summary.date_min, date_max=summary.date_max))
    if entries:
        counts["volumes"] = len(entries)
    persons = build_authority(records, entries)
    source = str(Path(path).resolve())  # absolute: `memcon ingest` rebuilds from it later, from anywhere
    written = store.replace_authority(persons, source=source, version=ALGORITHM)
    anchors = {k: p.keys[0] for p in persons for k in p.keys}
    linked = sum(1 for e in entries if e.keys and rank(anchors.get(e.keys[0], e.keys[0])) < VOLUME_RANK)
    return AuthorityReport(
        source=source,
        version=ALGORITHM,
        persons=written,
        names=sum(len(p.names) for p in persons),
        roles=sum(len(p.roles) for p in persons),
        keys=sum(len(p.keys) for p in persons),
        records=dict(counts),
        volume_entries=len(entries),
        volume_entries_linked=linked,
        seconds=round(time.perf_counter() - started, 2),
    )
