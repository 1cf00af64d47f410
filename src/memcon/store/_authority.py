"""The person authority in the store: SQL for the ``persons`` tables (used by
:class:`memcon.store.sqlite.SQLiteStore`) and the same contract in memory
(:class:`MemoryAuthority`, used by :class:`memcon.store.memory.MemoryStore`).

Both find persons alike (:func:`rank_matches`): a name is looked up by its folded surname and
its folded natural-order form (``"Rusk, Dean"`` and ``"Dean Rusk"`` → ``"dean rusk"``),
accents and case ignored; forenames given must agree with one of the person's names; when
nothing matches, surnames within rapidfuzz ratio 85 are tried ("Suhodrev" → Sukhodrev).  The
best-attested persons come first (most source keys, then most roles).

DOCS: docs/database.md#persons
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from rapidfuzz import fuzz, process

from memcon.authority._names import fold, name_forms, split_name, surname_keys
from memcon.authority.build import forenames_agree
from memcon.errors import NotFound
from memcon.model.people import NameVariant, Person, Role

FUZZY_CUTOFF = 85
"""Least rapidfuzz ratio of a surname to the query's, when no surname matches exactly."""

_PERSON = "INSERT INTO persons (id, name, surname_norm, birth, death, remarks) VALUES (?, ?, ?, ?, ?, ?)"
_NAME = (
    "INSERT INTO person_names (person_id, idx, name, kind, source, surname_norm, surname_alt, name_norm) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_ROLE = (
    "INSERT INTO person_roles (person_id, idx, title, start_date, end_date, source, organisation, side, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_KEY = "INSERT OR IGNORE INTO person_keys (key, person_id, idx) VALUES (?, ?, ?)"
_TABLES = ("person_keys", "person_roles", "person_names", "persons", "authority_builds")


def not_found(person_id: str, location: str) -> NotFound:
    """The error for an unknown person id."""
    return NotFound(
        f"no person {person_id!r} in {location}",
        hint="find one with `memcon person NAME`; load the authority with `memcon ingest ../shared/authority`",
    )


def rank_matches(persons: Iterable[Person], query: str, *, limit: int) -> list[Person]:
    """The persons among ``persons`` (candidates by surname or name) that ``query`` names,
    best attested first; forenames in the query must agree with one of a person's names."""
    _, natural = name_forms(query)
    whole = fold(query)
    forenames = split_name(query)[1]
    kept: dict[str, Person] = {}
    for person in persons:
        if person.id in kept:
            continue
        if forenames:
            exact = any(
                whole == sur or natural == nat for sur, nat in map(name_forms, (v.name for v in person.names))
            )
            if not exact and not any(forenames_agree(forenames, split_name(v.name)[1]) for v in person.names):
                continue
        kept[person.id] = person
    ordered = sorted(kept.values(), key=lambda p: (-len(p.keys), -len(p.roles), p.name, p.id))
    return ordered[: max(0, limit)]


def fuzzy_surnames(query: str, surnames: Iterable[str]) -> list[str]:
    """Known surnames within :data:`FUZZY_CUTOFF` of the query's surname."""
    sur = name_forms(query)[0]
    if len(sur) < 4:
        return []
    return [
        s
        for s, _score, _ in process.extract(
            sur, list(surnames), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=50
        )
    ]


# -- SQLite ---------------------------------------------------------------------------------------


def replace_authority(
    conn: sqlite3.Connection, persons: Iterable[Person], *, source: str, version: str
) -> int:
    """Replace the authority in one transaction; return how many persons were written.  If
    iterating ``persons`` raises, nothing changes."""
    count = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in _TABLES:
            conn.execute(f"DELETE FROM {table}")
        for person in persons:
            _insert(conn, person)
            count += 1
        conn.execute(
            "INSERT INTO authority_builds (id, source, version, persons, built_at) VALUES (1, ?, ?, ?, ?)",
            (source, version, count, datetime.now(UTC).isoformat(timespec="microseconds")),
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return count


def _insert(conn: sqlite3.Connection, p: Person) -> None:
    conn.execute(
        _PERSON, (p.id, p.name, name_forms(p.name)[0], p.birth, p.death, json.dumps(list(p.remarks)))
    )
    conn.executemany(
        _NAME, [(p.id, i, v.name, v.kind, v.source, *_name_columns(v.name)) for i, v in enumerate(p.names)]
    )
    conn.executemany(
        _ROLE,
        [
            (p.id, i, r.title, r.start, r.end, r.source, r.organisation, r.side, r.note)
            for i, r in enumerate(p.roles)
        ],
    )
    conn.executemany(_KEY, [(k, p.id, i) for i, k in enumerate(p.keys)])


def _name_columns(name: str) -> tuple[str, str, str]:
    sur, natural = name_forms(name)
    return sur, surname_keys(sur)[-1] if sur else sur, natural


def _decode(row: tuple[object, ...], names: list[tuple], roles: list[tuple], keys: list[tuple]) -> Person:  # type: ignore[type-arg]
    pid, name, birth, death, remarks = row
    return Person(
        id=str(pid),
        name=str(name),
        names=tuple(NameVariant(n[0], n[1], n[2]) for n in names),
        roles=tuple(Role(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in roles),
        birth=birth if isinstance(birth, str) else None,
        death=death if isinstance(death, str) else None,
        remarks=tuple(json.loads(str(remarks))),
        keys=tuple(k[0] for k in keys),
    )


def _load(conn: sqlite3.Connection, ids: list[str]) -> list[Person]:
    found: list[Person] = []
    for pid in ids:
        row = conn.execute(
            "SELECT id, name, birth, death, remarks FROM persons WHERE id = ?", (pid,)
        ).fetchone()
        if row is None:
            continue
        names = conn.execute(
            "SELECT name, kind, source FROM person_names WHERE person_id = ? ORDER BY idx", (pid,)
        ).fetchall()
        roles = conn.execute(
            "SELECT title, start_date, end_date, source, organisation, side, note FROM person_roles "
            "WHERE person_id = ? ORDER BY idx",
            (pid,),
        ).fetchall()
        keys = conn.execute("SELECT key FROM person_keys WHERE person_id = ? ORDER BY idx", (pid,)).fetchall()
        found.append(_decode(row, names, roles, keys))
    return found


def get_person(conn: sqlite3.Connection, person_id: str, *, location: str) -> Person:
    """The person with that id; raises :class:`NotFound`."""
    found = _load(conn, [person_id])
    if not found:
        raise not_found(person_id, location)
    return found[0]


def find_persons(conn: sqlite3.Connection, name: str, *, limit: int) -> list[Person]:
    """Persons named ``name`` (see :func:`rank_matches`)."""
    sur, natural = name_forms(name)
    surnames = (*surname_keys(sur), fold(name))  # "Dorticós Torrado": a compound surname alone
    marks = ", ".join("?" * len(surnames))
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT person_id FROM person_names "
            f"WHERE surname_norm IN ({marks}) OR surname_alt IN ({marks}) OR name_norm = ?",
            (*surnames, *surnames, natural),
        )
    ]
    matches = rank_matches(_load(conn, ids), name, limit=limit)
    if matches:
        return matches
    close = fuzzy_surnames(
        name, (r[0] for r in conn.execute("SELECT DISTINCT surname_norm FROM person_names"))
    )
    if not close:
        return []
    marks = ", ".join("?" * len(close))
    ids = [
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT person_id FROM person_names WHERE surname_norm IN ({marks})", close
        )
    ]
    return rank_matches(_load(conn, ids), name, limit=limit)


def persons_with_key(conn: sqlite3.Connection, key: str) -> list[Person]:
    """The persons holding a source key (``frus1961-63v05#p_KNS1``)."""
    ids = [
        r[0]
        for r in conn.execute("SELECT person_id FROM person_keys WHERE key = ? ORDER BY person_id", (key,))
    ]
    return _load(conn, ids)


def iter_persons(conn: sqlite3.Connection) -> Iterator[Person]:
    """Every person, by id: four ordered scans merged (no query per person)."""
    names = _grouped(conn, "SELECT person_id, name, kind, source FROM person_names ORDER BY person_id, idx")
    roles = _grouped(
        conn,
        "SELECT person_id, title, start_date, end_date, source, organisation, side, note FROM person_roles "
        "ORDER BY person_id, idx",
    )
    keys = _grouped(conn, "SELECT person_id, key FROM person_keys ORDER BY person_id, idx")
    for row in conn.execute("SELECT id, name, birth, death, remarks FROM persons ORDER BY id").fetchall():
        pid = row[0]
        yield _decode(row, names.get(pid, []), roles.get(pid, []), keys.get(pid, []))


def _grouped(conn: sqlite3.Connection, sql: str) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    groups: dict[str, list[tuple]] = {}  # type: ignore[type-arg]
    for row in conn.execute(sql):
        groups.setdefault(row[0], []).append(tuple(row[1:]))
    return groups


def authority_source(conn: sqlite3.Connection) -> str | None:
    """The folder the stored authority was last built from, or ``None``."""
    row = conn.execute("SELECT source FROM authority_builds WHERE id = 1").fetchone()
    return None if row is None else str(row[0])


def authority_version(conn: sqlite3.Connection) -> str | None:
    """The algorithm that built the stored authority (``memcon.authority.v1``), or ``None``."""
    row = conn.execute("SELECT version FROM authority_builds WHERE id = 1").fetchone()
    return None if row is None else str(row[0])


# -- memory ---------------------------------------------------------------------------------------


class MemoryAuthority:
    """The persons tables in dictionaries, for :class:`memcon.store.memory.MemoryStore`."""

    def __init__(self) -> None:
        self._persons: dict[str, Person] = {}
        self._keys: dict[str, list[str]] = {}
        self._surnames: dict[str, set[str]] = {}
        self._names: dict[str, set[str]] = {}
        self._version: str | None = None
        self.source: str | None = None
        self.builds = 0
        """How many times an authority was built (mentions linked against an older one are stale)."""

    def replace(self, persons: Iterable[Person], *, source: str, version: str) -> int:
        """Swap in a new authority; nothing changes if iterating ``persons`` raises."""
        fresh = MemoryAuthority()
        for person in persons:
            fresh._persons[person.id] = person
            for key in person.keys:
                fresh._keys.setdefault(key, []).append(person.id)
            for variant in person.names:
                sur, natural = name_forms(variant.name)
                for key in surname_keys(sur):
                    fresh._surnames.setdefault(key, set()).add(person.id)
                fresh._names.setdefault(natural, set()).add(person.id)
        self._persons, self._keys = fresh._persons, fresh._keys
        self._surnames, self._names = fresh._surnames, fresh._names
        self._version = version
        self.source = source
        self.builds += 1
        return len(self._persons)

    def get(self, person_id: str) -> Person:
        """The person with that id; raises :class:`NotFound`."""
        try:
            return self._persons[person_id]
        except KeyError:
            raise not_found(person_id, ":memory:") from None

    def find(self, name: str, *, limit: int) -> list[Person]:
        """Persons named ``name`` (see :func:`rank_matches`)."""
        sur, natural = name_forms(name)
        ids: set[str] = set(self._names.get(natural, ()))
        for key in (*surname_keys(sur), fold(name)):
            ids |= self._surnames.get(key, set())
        matches = rank_matches((self._persons[i] for i in sorted(ids)), name, limit=limit)
        if matches:
            return matches
        ids = set()
        for close in fuzzy_surnames(name, self._surnames):
            ids |= self._surnames[close]
        return rank_matches((self._persons[i] for i in sorted(ids)), name, limit=limit)

    def with_key(self, key: str) -> list[Person]:
        """The persons holding ``key``."""
        return [self._persons[i] for i in sorted(self._keys.get(key, ()))]

    def iterate(self) -> Iterator[Person]:
        """Every person, by id."""
        for pid in sorted(self._persons):
            yield self._persons[pid]

    @property
    def version(self) -> str | None:
        """The algorithm that built the authority held, or ``None``."""
        return self._version
