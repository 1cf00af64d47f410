"""Fixtures of the search tests: real tantivy indexes in temporary folders."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from memcon.search import TantivyIndex, open_index

from ._documents import CORPUS


@pytest.fixture
def index(tmp_path: Path) -> Iterator[TantivyIndex]:
    """An empty index in ``tmp_path/memcon.db.index``."""
    idx = open_index(tmp_path / "memcon.db.index")
    yield idx
    idx.close()


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TantivyIndex]:
    """An index holding the typed-in FRUS documents of ``_documents.CORPUS`` (read-only)."""
    idx = open_index(tmp_path_factory.mktemp("corpus") / "memcon.db.index")
    idx.add(CORPUS)
    idx.commit()
    yield idx
    idx.close()
