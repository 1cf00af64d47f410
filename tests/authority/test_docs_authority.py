"""docs/authority.md is tested: its Python example and its SQL run against the real authority
(skipped without the shared data, failing under CI)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from memcon.model.people import Person
from tests.authority.conftest import RealAuthority

DOC = Path(__file__).resolve().parents[2] / "docs" / "authority.md"


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_lookup_example_runs(real_authority: RealAuthority, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(real_authority.path.parent)
    namespace: dict[str, object] = {}
    exec(blocks("python")[0], namespace)  # noqa: S102 - our own doc
    assert namespace["secretary"] == "Rusk, David Dean"
    assert namespace["reason"] == "Secretary of State 1961-01-21 – 1969-01-20 (POCOM)"
    assert str(namespace["ambassador"]).startswith("Thompson, Llewellyn E.")
    assert namespace["chairman"] == "Khrushchev, Nikita Sergeyevich"
    khrushchev = namespace["khrushchev"]
    assert isinstance(khrushchev, Person) and khrushchev.id == "memcon:hsg-107127"
    assert {"Bundy, McGeorge", "Bundy, William Putnam"} <= set(namespace["bundys"])  # type: ignore[arg-type]


def test_the_ingest_example_names_what_exists() -> None:
    code = blocks("python")[1]
    assert "ingest_authority(" in code
    import memcon.authority as authority

    for name in ("ingest_authority", "is_authority_folder", "load_authority", "Authority", "ALGORITHM"):
        assert getattr(authority, name) is not None and name in authority.__all__


def test_the_sql_examples_find_something(real_authority: RealAuthority) -> None:
    examples = blocks("sql")
    assert len(examples) == 2
    conn = sqlite3.connect(real_authority.path)
    for sql in examples:
        assert conn.execute(sql).fetchall(), f"no rows from:\n{sql}"
    thompson = [r for r in conn.execute(examples[0]) if r[0].startswith("Thompson")]
    assert ("1957-07-16", "1962-07-27") in [(r[2], r[3]) for r in thompson]
    conn.close()
