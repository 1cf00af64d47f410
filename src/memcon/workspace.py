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


def open_workspace(
    db: str | os.PathLike[str] | None = None, *, create: bool = True, rebuild_index: bool = False
) -> Workspace:
    """Open (creating if needed and ``create``) the store at ``db`` and its index.

    With ``create=False`` (the reading commands) a missing database raises
    :class:`memcon.errors.StoreError` telling the user to run ``memcon ingest``, and a
    missing index raises :class:`memcon.errors.IndexOutOfStep` telling them to run
    ``memcon reindex``; nothing is written.  With ``create=True`` (ingest) a missing
    index is created and filled from the store.  ``rebuild_index`` removes the index
    first (``memcon reindex``), which also recovers from an index of an older schema.
    """
    from memcon.errors import StoreError
    from memcon.ingest import reindex
    from memcon.search import open_index
    from memcon.store import open_store

    db_path = resolve_db_path(db)
    if not create and not db_path.exists():
        raise StoreError(
            f"no memcon database at {db_path}",
            hint="run `memcon ingest PATH…` first, or point --db / MEMCON_DB at an existing database",
        )
    index_path = index_path_for(db_path)
    if create:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(db_path, create=create)
    try:
        if rebuild_index:
            _remove_index(index_path)
        fresh = not (index_path / "meta.json").exists()
        index = open_index(index_path, create=create or rebuild_index)
        if fresh:
            reindex(store=store, index=index, all_volumes=True)
    except BaseException:
        store.close()
        raise
    return Workspace(db_path=db_path, store=store, index=index)


def _remove_index(index_path: Path) -> None:
    """Delete an index folder, refusing a folder that does not look like a memcon index."""
    import shutil

    from memcon.errors import IndexOutOfStep
    from memcon.search.tantivy_index import MARKER

    if not index_path.exists():
        return
    names = {p.name for p in index_path.iterdir()}
    if names and not ({MARKER, "meta.json"} & names):
        raise IndexOutOfStep(
            f"{index_path}: does not look like a memcon index; not removing it",
            hint="move it away, then run `memcon reindex`",
        )
    shutil.rmtree(index_path)
