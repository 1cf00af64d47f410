"""docs/database.md is tested: every table and column is documented, and its SQL examples run."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from memcon.model.records import Provenance
from memcon.store import open_store
from memcon.store.migrations import MIGRATIONS
from tests.store.store_factories import make_documents, make_volume

DOC = Path(__file__).resolve().parents[2] / "docs" / "database.md"


@pytest.fixture
def store_with_two_volumes(db_path: Path) -> Path:
    docs = make_documents("frus1961-63v05", 3)
    # the first also arrived as a page copied from history.state.gov
    web = Provenance("d1.web.txt", "0" * 64, "memcon.hsg_page", "1", "hsg-page")
    docs[0] = replace(docs[0], provenance=(*docs[0].provenance, web))
    with open_store(db_path) as store:
        store.replace_volume(make_volume("frus1961-63v05"), docs)
        store.replace_volume(make_volume("frus1919Parisv01"), make_documents("frus1919Parisv01", 2))
    return db_path


def sections(text: str) -> dict[str, str]:
    parts = re.split(r"^### `(\w+)`\s*$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_every_table_and_column_is_documented(store_with_two_volumes: Path) -> None:
    documented = sections(DOC.read_text(encoding="utf-8"))
    conn = sqlite3.connect(store_with_two_volumes)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    assert sorted(documented) == tables
    for table in tables:
        for column in (r[1] for r in conn.execute(f"PRAGMA table_info({table})")):
            assert f"`{column}`" in documented[table], f"docs/database.md: {table}.{column} is not documented"
    conn.close()


def test_every_migration_is_listed() -> None:
    text = DOC.read_text(encoding="utf-8")
    for m in MIGRATIONS:
        assert f"| {m.version} | `{m.version:04d}_{m.name}.sql` |" in text


def test_the_sql_examples_run_and_find_something(store_with_two_volumes: Path) -> None:
    examples = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(examples) >= 4
    conn = sqlite3.connect(store_with_two_volumes)
    for sql in examples:
        rows = conn.execute(sql).fetchall()
        assert rows, f"no rows from:\n{sql}"
    conn.close()


def test_the_python_example_runs(store_with_two_volumes: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert code is not None
    monkeypatch.chdir(store_with_two_volumes.parent)
    namespace: dict[str, object] = {}
    exec(code.group(1).replace("frus1961-63v05/d88", "frus1961-63v05/d2"), namespace)  # noqa: S102 - our own doc
    assert namespace["previous_id"] == "frus1961-63v05/d1" and namespace["next_id"] == "frus1961-63v05/d3"
