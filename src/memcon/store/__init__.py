"""memcon.store: the store of record (SQLite), behind the :class:`Store` contract.

>>> from memcon.store import open_store
>>> store = open_store("memcon.db")          # doctest: +SKIP
>>> store.get_document("frus1961-63v05/d88").heading  # doctest: +SKIP

DOCS: docs/database.md
"""

from __future__ import annotations

import os
from pathlib import Path

from memcon.store.base import SourceRecord, Store, StoreStats, VolumeSummary
from memcon.store.memory import MemoryStore
from memcon.store.migrations import SCHEMA_VERSION
from memcon.store.sqlite import SQLiteStore

__all__ = [
    "SourceRecord",
    "DEFAULT_DB",
    "SCHEMA_VERSION",
    "MemoryStore",
    "SQLiteStore",
    "Store",
    "StoreStats",
    "VolumeSummary",
    "default_db_path",
    "open_store",
]

DEFAULT_DB = "memcon.db"
"""The database file used when neither ``--db`` nor ``MEMCON_DB`` names one."""


def default_db_path() -> Path:
    """``$MEMCON_DB`` if set (and not empty), else ``./memcon.db`` in the current folder."""
    env = os.environ.get("MEMCON_DB")
    return Path(env).expanduser() if env else Path(DEFAULT_DB)


def open_store(path: str | os.PathLike[str] | None = None, *, create: bool = True) -> SQLiteStore:
    """Open (creating and migrating it if needed) the SQLite store at ``path``
    (default: :func:`default_db_path`).

    With ``create=False`` a missing file raises :class:`memcon.errors.StoreError`
    saying to run ``memcon ingest`` first.  Raises :class:`memcon.errors.SchemaTooNew`
    for a database written by a newer memcon.
    """
    target = default_db_path() if path is None or os.fspath(path) == "" else Path(path).expanduser()
    return SQLiteStore(target, create=create)
