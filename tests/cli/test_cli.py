"""The command line on a store holding every shared FRUS volume."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from memcon.cli.main import cli


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_search_council_of_ten_lists_paris_documents_with_pages(runner: CliRunner, store_with_shared_volumes: Path) -> None:
    """Every document whose text or footnotes hold the phrase is listed, with the page of the hit.

    In the shared corpus the phrase stands once: frus1919Parisv01/d337, footnote 29, anchored on
    printed page 386 (the document begins on page 385).
    """
    from memcon.workspace import open_workspace

    code, out, _ = run(runner, "search", '"Council of Ten"', "--db", str(store_with_shared_volumes), "--json", "--limit", "100")
    assert code == 0
    data = json.loads(out)
    phrase = re.compile(r"council\s+of\s+ten", re.IGNORECASE)
    with open_workspace(store_with_shared_volumes) as ws:
        expected = {
            d.id
            for d in ws.store.iter_documents()
            if phrase.search(d.text) or any(phrase.search(f.text) for f in d.footnotes)
        }
        assert expected
        assert {h["id"] for h in data["hits"]} == expected and data["total"] == len(expected)
        for hit in data["hits"]:
            doc = ws.store.get_document(hit["id"])
            marked = " ".join(hit["snippet"]["text"][a:b] for a, b in hit["snippet"]["highlights"]).lower()
            assert "council" in marked and "ten" in marked, marked
            m = phrase.search(doc.text)
            if m:
                assert hit["page"] == doc.page_at(m.start())
            else:
                note = next(f for f in doc.footnotes if phrase.search(f.text))
                assert hit["page"] == doc.page_at(note.offset)
    d337 = next(h for h in data["hits"] if h["id"] == "frus1919Parisv01/d337")
    assert d337["page"] == "386"


def test_search_human_output_and_filters(runner: CliRunner, store_with_shared_volumes: Path) -> None:
    db = str(store_with_shared_volumes)
    code, out, _ = run(runner, "search", "armistice", "--db", db, "--from", "1918-11", "--to", "1918-11", "--limit", "5")
    assert code == 0
    assert "documents match" in out or "document match" in out
    code, out, _ = run(runner, "search", "armistice", "--db", db, "--from", "1918-11", "--to", "1918-11", "--json")
    for hit in json.loads(out)["hits"]:
        assert hit["date"] and "1918-11-01" <= hit["date"][:10] <= "1918-11-30"
    code, out, _ = run(runner, "search", "treaty", "--db", db, "--volume", "frus1861", "--json")
    assert {h["volume"] for h in json.loads(out)["hits"]} == {"frus1861"}


@pytest.mark.parametrize("query", ['"Council of Ten', "(Wilson OR", "AND", "NEAR(a b, x)", "NOT"])
def test_malformed_query_exits_2_without_traceback(runner: CliRunner, store_with_shared_volumes: Path, query: str) -> None:
    result = runner.invoke(cli, ["search", query, "--db", str(store_with_shared_volumes)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "bad query" in result.output


def test_bad_date_exits_2(runner: CliRunner, store_with_shared_volumes: Path) -> None:
    result = runner.invoke(cli, ["search", "treaty", "--from", "1919-13", "--db", str(store_with_shared_volumes)])
    assert result.exit_code == 2 and "month 13" in result.output


def test_show_d337_has_21_page_markers_and_footnotes(runner: CliRunner, store_with_shared_volumes: Path) -> None:
    code, out, _ = run(runner, "show", "frus1919Parisv01/d337", "--db", str(store_with_shared_volumes))
    assert code == 0
    assert "The Chargé in France (Bliss) to Mr. Henry White" in out
    assert "Paris, January 9, 1919." in out
    pages = [int(n) for n in re.findall(r"\[Page (\d+)\]", out)]
    assert len(pages) == 21 and pages == sorted(pages)
    numbers = re.findall(r"^(\d+)\. ", out.split("[Page", 1)[1], re.MULTILINE)
    assert "29" in numbers


def test_show_json_is_the_full_record(runner: CliRunner, store_with_shared_volumes: Path) -> None:
    code, out, _ = run(runner, "show", "frus1919Parisv01/d337", "--json", "--db", str(store_with_shared_volumes))
    data = json.loads(out)
    assert data["id"] == "frus1919Parisv01/d337" and data["date"]["when"] == "1919-01-09"
    assert len([p for p in data["pages"] if p["marker"]]) == 21
    assert data["provenance"][0]["reader"] == "memcon.frus_tei"


def test_show_unknown_id_is_a_clear_error(runner: CliRunner, store_with_shared_volumes: Path) -> None:
    result = runner.invoke(cli, ["show", "frus1919Parisv01/d99999", "--db", str(store_with_shared_volumes)])
    assert result.exit_code == 1 and "frus1919Parisv01/d99999" in result.output


def test_stats(runner: CliRunner, store_with_shared_volumes: Path, frus_dir: Path) -> None:
    from lxml import etree

    expected = sum(
        int(etree.parse(str(p)).xpath("count(//*[local-name()='div'][@type='document'][not(ancestor::*[local-name()='div'][@type='document'])])"))
        for p in sorted(frus_dir.glob("*.xml"))
    )
    code, out, _ = run(runner, "stats", "--json", "--db", str(store_with_shared_volumes))
    data = json.loads(out)
    assert data["volumes"] == 20
    assert data["documents"] == data["indexed_documents"] == expected


def test_missing_database_says_what_to_do(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "memcon ingest" in result.output


def test_ingest_cli_reports_errors_and_exit_status(runner: CliRunner, frus_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><text>", encoding="utf-8")
    result = runner.invoke(
        cli, ["ingest", str(frus_dir / "frus1873p2v3.xml"), str(bad), "--db", str(tmp_path / "m.db"), "--no-progress"]
    )
    assert result.exit_code == 1
    assert "bad.xml" in result.output
    assert "documents" in result.output and "errors" in result.output


def test_ingest_progress_bar_shows_documents_per_second(runner: CliRunner, frus_dir: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["ingest", str(frus_dir / "frus1873p2v3.xml"), "--db", str(tmp_path / "m.db"), "--progress"]
    )
    assert result.exit_code == 0, result.output
    assert "docs/s" in result.stderr and "docs" in result.stderr


def test_ingest_json_summary(runner: CliRunner, frus_dir: Path, tmp_path: Path) -> None:
    args = ["ingest", str(frus_dir / "frus1873p2v3.xml"), "--db", str(tmp_path / "m.db"), "--json", "--no-progress"]
    first = json.loads(runner.invoke(cli, args).stdout)
    again = json.loads(runner.invoke(cli, args).stdout)
    assert first["volumes"] == 1 and first["documents"] > 0 and first["errors"] == 0
    assert again["volumes"] == 0 and again["unchanged"] == 1
    assert again["files"][0]["status"] == "unchanged"


@pytest.mark.parametrize(
    ("iso", "shown"),
    [
        ("1918-11-20T14:00:00", "1918-11-20 14:00"),
        ("1962-10-18T17:00:00Z", "1962-10-18 17:00Z"),
        ("1961-06-04T13:15:30-04:00", "1961-06-04 13:15:30-04:00"),
        ("1919-01/1919-02", "1919-01 – 1919-02"),
        ("1961-06-04", "1961-06-04"),
        (None, "undated"),
    ],
)
def test_dates_are_shown_as_a_reader_writes_them(iso: str | None, shown: str) -> None:
    from memcon.cli.search import _show_date

    assert _show_date(iso) == shown


def test_commands_import_only_what_they_need() -> None:
    """Start-up is part of every command's latency: `memcon search` must not load the downloader."""
    import subprocess
    import sys

    code = (
        "import sys; from click.testing import CliRunner; from memcon.cli.main import cli; "
        "CliRunner().invoke(cli, ['search', '--help']); "
        "print(sorted(m for m in ('httpx', 'memcon.fetch', 'memcon.ingest', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]", out


def test_every_command_is_listed_and_runs_help(runner: CliRunner) -> None:
    from memcon.cli.main import COMMANDS

    listing = runner.invoke(cli, ["--help"]).output
    for name in COMMANDS:
        assert name in listing
        assert runner.invoke(cli, [name, "--help"]).exit_code == 0
