"""A workspace: the store of record and the full-text index beside it, opened together.

The SQLite file (default ``./memcon.db``; ``--db`` or ``MEMCON_DB`` override)
is the record of truth.  The tantivy index lives in a folder beside it
(``memcon.db.index/``) and is derived: :func:`memcon.ingest.reindex` rebuilds
it from the store.

DOCS: docs/architecture.md#workspace
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from memcon.search.base import FullTextIndex
from memcon.store.base import Store

DEFAULT_DB = "memcon.db"


def resolve_db_path(db: str | os.PathLike[str] | None = None) -> Path:
    """The database path: ``db`` if given, else ``$MEMCON_DB``, else ``./memcon.db``."""
    if db is not None and str(db) != "":
        return Path(db)
    return Path(os.environ.get("MEMCON_DB") or DEFAULT_DB)


def index_path_for(db_path: Path) -> Path:
    """Where the full-text index of the store at ``db_path`` lives."""
    return db_path.with_name(db_path.name + ".index")


@dataclass
class Workspace:
    """An open store and its index.  Use as a context manager, or call :meth:`close`."""

    db_path: Path
    store: Store
    index: FullTextIndex

    def close(self) -> None:
        self.index.close()
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def open_workspace(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> Workspace:
    """Open (creating if needed and ``create``) the store at ``db`` and its index.

    With ``create=False`` a missing database raises :class:`memcon.errors.StoreError`
    telling the user to run ``memcon ingest`` first.
    """
    from memcon.errors import StoreError
    from memcon.search import open_index
    from memcon.store import open_store

    db_path = resolve_db_path(db)
    if not create and not db_path.exists():
        raise StoreError(
            f"no memcon database at {db_path}",
            hint="run `memcon ingest PATH…` first, or point --db / MEMCON_DB at an existing database",
        )
    store = open_store(db_path)
    try:
        index = open_index(index_path_for(db_path), create=True)
    except BaseException:
        store.close()
        raise
    return Workspace(db_path=db_path, store=store, index=index)
