"""Fixtures of the store tests: one ``store`` fixture over every implementation of the contract.

PostgreSQL joins the ``store`` parametrisation when it exists; the contract tests
in ``test_store_contract.py`` then run against it unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from memcon.store import MemoryStore, SQLiteStore
from memcon.store.base import Store

STORE_KINDS = ("sqlite", "memory")


def make_store(kind: str, tmp_path: Path) -> Store:
    if kind == "sqlite":
        return SQLiteStore(tmp_path / "memcon.db")
    if kind == "memory":
        return MemoryStore()
    raise ValueError(kind)


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store of each kind: a real SQLite file in ``tmp_path``, and the MemoryStore."""
    s = make_store(request.param, tmp_path)
    yield s
    s.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's SQLite database lives."""
    return tmp_path / "memcon.db"
