"""Numbered schema migrations for the SQLite store, applied in order when a database is opened.

Each migration is a file ``NNNN_name.sql`` in this folder.  The database's
version is ``PRAGMA user_version``: migration *N* runs in its own transaction
(``BEGIN IMMEDIATE`` … ``PRAGMA user_version = N`` … ``COMMIT``), so a database
is always at a whole version.  A database newer than this code raises
:class:`~memcon.errors.SchemaTooNew`; a SQLite file that memcon did not create
raises :class:`~memcon.errors.StoreError` rather than being written to.

To change the schema, add the next file; never edit a released one.  (A
migration that rebuilds a table must switch foreign keys off around itself;
none does yet.)

DOCS: docs/database.md#migrations
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from memcon.errors import SchemaTooNew, StoreError

APPLICATION_ID = 0x4D454D43
"""``PRAGMA application_id`` of a memcon database ("MEMC")."""

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: its number, its name and its SQL statements."""

    version: int
    name: str
    statements: tuple[str, ...]


def split_statements(sql: str) -> tuple[str, ...]:
    """Split a script into complete SQL statements (comments and blank lines dropped)."""
    statements: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buffer.strip()[:80]!r}")
    return tuple(statements)


def load_migrations() -> tuple[Migration, ...]:
    """The migrations shipped with memcon, numbered 1, 2, 3 … without gaps."""
    found: list[Migration] = []
    for entry in resources.files(__name__).iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), split_statements(entry.read_text("utf-8"))))
    found.sort(key=lambda mig: mig.version)
    numbers = [mig.version for mig in found]
    if numbers != list(range(1, len(found) + 1)):
        raise RuntimeError(f"memcon's migrations are not numbered 1..N without gaps: {numbers}")
    return tuple(found)


MIGRATIONS = load_migrations()
SCHEMA_VERSION = MIGRATIONS[-1].version
"""The schema version this code reads and writes."""


def schema_version(conn: sqlite3.Connection) -> int:
    """The database's ``PRAGMA user_version``."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_database(conn: sqlite3.Connection, *, path: str) -> int:
    """Check, without writing, that the database on ``conn`` is memcon's (or empty) and not
    newer than this code; return its schema version.  Raises :class:`StoreError` or
    :class:`SchemaTooNew`."""
    _check_ours(conn, path=path)
    version = schema_version(conn)
    _raise_if_too_new(version, path=path)
    return version


def _check_ours(conn: sqlite3.Connection, *, path: str) -> None:
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id == APPLICATION_ID:
        return
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchone()[0]
    if app_id != 0 or tables:
        raise StoreError(
            f"{path} is a SQLite database, but not a memcon one",
            hint="point --db (or MEMCON_DB) at a memcon database or at a new file",
        )


def migrate(conn: sqlite3.Connection, *, path: str, target: int | None = None) -> int:
    """Bring the database on ``conn`` (in autocommit mode) up to ``target`` (default: the
    latest version), one transaction per migration; return the version reached.

    Raises :class:`SchemaTooNew` if the database is newer than this code.
    """
    goal = SCHEMA_VERSION if target is None else target
    if not 0 <= goal <= SCHEMA_VERSION:
        raise ValueError(f"no schema version {goal}: this memcon knows 0..{SCHEMA_VERSION}")
    current = check_database(conn, path=path)
    if current >= goal:
        return current
    for migration in MIGRATIONS[current:goal]:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the write lock.
            now = schema_version(conn)
            _raise_if_too_new(now, path=path)
            if now < migration.version:
                if now == 0:
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                for statement in migration.statements:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _raise_if_too_new(version: int, *, path: str) -> None:
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"{path} has schema version {version}, but this memcon only knows up to {SCHEMA_VERSION}",
            hint="upgrade memcon (pip install -U memcon), or open another database with --db",
        )
