"""``memcon person`` on a store holding the tiny authority folder (a real SQLite file)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from memcon.authority.load import ingest_authority
from memcon.cli.main import cli
from memcon.store import SQLiteStore
from tests.authority.conftest import AUTHORITY_FIXTURE, tiny_volume


def make_db(tmp_path: Path) -> Path:
    db = tmp_path / "memcon.db"
    with SQLiteStore(db) as store:
        store.replace_volume(tiny_volume(), [])
        ingest_authority(AUTHORITY_FIXTURE, store)
    return db


def test_person_shows_names_with_sources_and_roles(tmp_path: Path) -> None:
    db = make_db(tmp_path)
    result = CliRunner().invoke(cli, ["person", "Rusk", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "Rusk, David Dean" in result.output and "memcon:hsg-100002" in result.output
    assert "Rusk, Dean — original: frus1961-63v05/persons#p_RD1" in result.output
    assert "1961-01-21" in result.output and "1969-01-20" in result.output
    assert "pocom:positions-principals/secretary#secr-1961-rusk" in result.output
    assert "documents naming them: not linked yet" in result.output


def test_person_json(tmp_path: Path) -> None:
    db = make_db(tmp_path)
    result = CliRunner().invoke(cli, ["person", "johnson", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {d["person"]["id"] for d in data} == {"memcon:hsg-100005", "memcon:hsg-100006"}
    assert all(d["documents"] is None for d in data)
    lbj = next(d for d in data if d["person"]["id"] == "memcon:hsg-100005")
    assert {
        "title": "President of the United States",
        "start": "1963-11-22",
        "end": "1969-01-20",
    }.items() <= next(
        r for r in lbj["person"]["roles"] if r["source"] == "presidents:johnson-lyndon-b"
    ).items()


def test_person_errors_say_what_to_do(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["person", "Rusk", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "memcon ingest" in missing.output
    empty = tmp_path / "empty.db"
    SQLiteStore(empty).close()
    no_authority = runner.invoke(cli, ["person", "Rusk", "--db", str(empty)])
    assert no_authority.exit_code == 1 and "no person authority" in no_authority.output
    db = make_db(tmp_path)
    nobody = runner.invoke(cli, ["person", "Zzyzx", "--db", str(db)])
    assert nobody.exit_code == 1 and "nobody named 'Zzyzx'" in nobody.output
