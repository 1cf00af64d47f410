"""memcon.export and ``memcon export`` on the session store of every shared input (read only):
what DuckDB and pyarrow read back from the Parquet, CSV and JSON Lines written."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from memcon.cli.export import export_cli
from memcon.errors import InvalidValue, QuerySyntaxError
from memcon.export import SCHEMAS, arrow_schema, export
from memcon.search import search
from memcon.search.base import SearchFilters
from memcon.workspace import Workspace, open_workspace

D88 = "frus1961-63v05/d88"
MULTILINE = pacsv.ParseOptions(newlines_in_values=True)
"""Texts hold line breaks: CSV readers must be told that quoted values may span lines."""


@pytest.fixture(scope="module")
def ws(full_store: Path) -> Iterator[Workspace]:
    with open_workspace(full_store, create=False) as workspace:
        yield workspace


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_statements_as_parquet_read_by_duckdb_and_pyarrow(full_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "statements.parquet"
    run = CliRunner().invoke(export_cli, ["--db", str(full_store), "--format", "parquet", "--what", "statements",
                                          "--output", str(out)])
    assert run.exit_code == 0, run.output
    total = count(full_store, "statements")
    assert f"wrote {total:,} statements (20 columns, parquet) to {out}" in run.output
    table = pq.read_table(out)
    assert table.num_rows == total and table.schema.equals(arrow_schema("statements"))
    assert pq.ParquetFile(out).metadata.num_row_groups >= 2  # written in record batches, not in one piece
    rows = duckdb.sql(
        f"SELECT page, speaker_name, text FROM '{out}' WHERE document_id = '{D88}' AND text LIKE '%Berlin%' "
        "ORDER BY idx"
    ).fetchall()
    assert rows and rows[0][0] == "227" and "Khrushchev" in (rows[0][1] or "")
    assert duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall() == [(total,)]


def test_every_kind_as_csv_with_its_columns_and_lists_as_json(ws: Workspace, full_store: Path, tmp_path: Path) -> None:
    tables = {"documents": "documents", "persons": "persons", "mentions": "mentions", "meetings": "meetings"}
    for what, table in tables.items():
        out = tmp_path / f"{what}.csv"
        report = export(ws, what=what, format="csv", output=out)
        assert report.rows == count(full_store, table), what
        read = pacsv.read_csv(out, parse_options=MULTILINE)
        assert read.num_rows == report.rows and read.column_names == [c for c, _ in SCHEMAS[what]]
        got = duckdb.sql(f"SELECT count(*) FROM read_csv('{out}')").fetchall()
        assert got == [(report.rows,)], what
    meetings = pacsv.read_csv(tmp_path / "meetings.csv", parse_options=MULTILINE).to_pylist()
    vienna = next(m for m in meetings if D88 in json.loads(m["documents"]))
    assert any("Khrushchev" in a for a in json.loads(vienna["attendees"]))


def test_documents_as_json_lines_chosen_by_query_and_filters(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "berlin.jsonl"
    filters = SearchFilters(date_from="1961-01-01", date_to="1962-12-31")
    report = export(ws, what="documents", format="jsonl", output=out, query="Berlin", filters=filters)
    expected = search(ws.index, "Berlin", filters=filters, limit=100)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert report.rows == len(rows) == expected.total >= 1
    assert {r["id"] for r in rows} == {h.doc_id for h in expected.hits}
    d88 = next(r for r in rows if r["id"] == D88)
    assert d88["pages"] == ["225", "226", "227", "228"] and d88["date_min"] == "1961-06-04"
    assert d88["footnotes"][0].startswith("1. Source: Kennedy Library")
    assert d88["text"] == ws.store.get_document(D88).text


def test_filters_without_a_query_match_what_search_filters_keep(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "telegrams.jsonl"
    filters = SearchFilters(volumes=("frus1919Parisv01",), doc_types=("telegram",), date_from="1919-01-01",
                            date_to="1919-03-31")
    report = export(ws, what="documents", format="jsonl", output=out, filters=filters)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    every = search(ws.index, "the OR of OR and", filters=filters, limit=1000)  # virtually every document
    assert report.rows == len(rows) >= 1
    assert {r["id"] for r in rows} >= {h.doc_id for h in every.hits}
    assert all(r["volume_id"] == "frus1919Parisv01" and r["doc_type"] == "telegram" for r in rows)
    assert all("1919-01-01" <= r["date_max"] and r["date_min"] <= "1919-03-31" for r in rows)


def test_mentions_of_one_volume_to_standard_output(full_store: Path) -> None:
    run = CliRunner().invoke(export_cli, ["--db", str(full_store), "--what", "mentions", "--volume", "frus1961-63v05"])
    assert run.exit_code == 0, run.output
    lines = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines and all(r["document_id"] == D88 for r in lines)
    khrushchev = [r for r in lines if r["person_name"] and "Khrushchev" in r["person_name"]]
    assert khrushchev and {r["page"] for r in khrushchev} >= {"226", "227"}


def test_persons_mentioned_in_chosen_documents(ws: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "persons.parquet"
    report = export(ws, what="persons", format="parquet", output=out, filters=SearchFilters(volumes=("frus1961-63v05",)))
    names = pq.read_table(out).column("name").to_pylist()
    linked = {m.person_id for m in ws.store.mentions(D88) if m.person_id}
    assert report.rows == len(linked) == len(names)
    assert any(n.startswith("Khrushchev") for n in names)


def test_errors_leave_no_file_behind(ws: Workspace, full_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept.jsonl"
    out.write_text("old\n", encoding="utf-8")
    with pytest.raises(QuerySyntaxError):
        export(ws, what="documents", format="jsonl", output=out, query='"unclosed')
    with pytest.raises(InvalidValue):
        export(ws, what="footnotes", format="jsonl", output=out)
    with pytest.raises(InvalidValue):
        export(ws, what="statements", format="parquet", output="-")
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.jsonl"]
    run = CliRunner().invoke(export_cli, ["--db", str(full_store), "--format", "parquet"])
    assert run.exit_code == 2 and "Parquet is written to a file" in run.output


def test_the_commands_of_docs_export_md_run_and_print_what_the_page_shows(
    full_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex

    from tests._shared import ROOT

    block = re.search(r"```console\n(.*?)```", (ROOT / "docs" / "export.md").read_text(encoding="utf-8"), re.DOTALL)
    assert block is not None
    monkeypatch.chdir(tmp_path)
    commands: list[tuple[str, list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        else:
            commands[-1][1].append(line)
    assert len(commands) >= 4
    for command, printed in commands:
        args = shlex.split(command.split(" | ")[0])
        assert args[:2] == ["memcon", "export"], command
        run = CliRunner().invoke(export_cli, [*args[2:], "--db", str(full_store)])
        assert run.exit_code == 0, (command, run.output)
        for line in printed:  # the counts change with the extractors: the words must not
            assert re.sub(r"\d[\d,]*", "N", line) in re.sub(r"\d[\d,]*", "N", run.output), (command, run.output)
