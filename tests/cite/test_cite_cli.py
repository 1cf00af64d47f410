"""``memcon cite`` on the session store of every shared input (read only), through click's runner."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from memcon.cite.formats import csl_schema
from memcon.cli.cite import cite_cli

pytestmark = pytest.mark.shared

D88_NOTE_226 = (
    "U.S. Department of State, “Memorandum of Conversation, Vienna, June 4, 1961,” in Foreign Relations "
    "of the United States, 1961–1963, ed. Charles S. Sampson and John Michael Joyce, vol. V, Soviet Union "
    "(Washington: United States Government Printing Office, 1998), doc. 88, 226, "
    "https://history.state.gov/historicaldocuments/frus1961-63v05/d88.\n"
)


def run(full_store: Path, *args: str) -> Result:
    return CliRunner().invoke(cite_cli, [*args, "--db", str(full_store)])


def test_cite_a_quote_to_its_page(full_store: Path) -> None:
    """The issue's passage pins page 226 with a full Chicago note."""
    result = run(full_store, "frus1961-63v05/d88", "--quote", "natural love is better than love through interpreters")
    assert result.exit_code == 0, result.output
    assert result.output == D88_NOTE_226


def test_cite_a_page(full_store: Path) -> None:
    assert run(full_store, "frus1961-63v05/d88", "--page", "226").output == D88_NOTE_226
    short = run(full_store, "frus1919Parisv01/d337", "--page", "386", "--style", "chicago-short")
    assert short.output == ("U.S. Department of State, “The Chargé in France (Bliss) to Mr. Henry White, "
                            "January 9, 1919,” doc. 337, 386.\n")


def test_a_page_the_document_is_not_on(full_store: Path) -> None:
    result = run(full_store, "frus1961-63v05/d88", "--page", "500")
    assert result.exit_code == 2
    assert "page '500' is not a page of frus1961-63v05/d88" in result.output
    assert "its pages are 225, 226, 227, 228" in result.output


def test_a_quote_the_document_does_not_hold(full_store: Path) -> None:
    result = run(full_store, "frus1961-63v05/d88", "--quote", "love through translators is better")
    assert result.exit_code == 1
    assert "does not contain the passage" in result.output and "memcon quote" in result.output


def test_unknown_id_and_style(full_store: Path) -> None:
    unknown = run(full_store, "frus1961-63v05/d99999")
    assert unknown.exit_code == 1 and "E202" in unknown.output
    style = run(full_store, "frus1961-63v05/d88", "--style", "harvard")
    assert style.exit_code == 2 and "chicago-note" in style.output


def test_the_wilson_record_as_csl_json_with_todays_access_date(full_store: Path) -> None:
    result = run(full_store, "wilson/114511", "--format", "csl-json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, csl_schema())
    today = datetime.date.today()
    assert data[0]["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    explicit = json.loads(run(full_store, "wilson/114511", "--format", "csl-json", "--accessed", "2024-05-01").output)
    assert explicit[0]["accessed"] == {"date-parts": [[2024, 5, 1]]}
    assert run(full_store, "wilson/114511", "--accessed", "May 1").exit_code == 2


def test_many_documents_in_ris(full_store: Path) -> None:
    result = run(full_store, "frus1961-63v05/d88", "wilson/114511", "frus1861/d1", "--format", "ris")
    assert result.exit_code == 0, result.output
    assert result.output.count("TY  - ") == 3 and result.output.count("ER  - ") == 3
    assert [line[6:] for line in result.output.splitlines() if line.startswith("ID  - ")] == [
        "frus1961-63v05/d88", "wilson/114511", "frus1861/d1"]


def test_many_documents_in_a_style(full_store: Path) -> None:
    result = run(full_store, "frus1961-63v05/d88", "wilson/114511", "--style", "chicago-short")
    assert result.output == (
        "U.S. Department of State, “Memorandum of Conversation, June 4, 1961,” doc. 88.\n\n"
        "Gromyko, “From the Cable on the Conversation Between Gromyko and Kennedy.”\n"
    )


def test_a_whole_search_result(full_store: Path) -> None:
    result = run(full_store, "--search", "Khrushchev Kennedy interpreters", "--format", "bibtex", "--limit", "5")
    assert result.exit_code == 0, result.output
    assert "@incollection{frus1961-63v05:d88," in result.output
    filtered = run(full_store, "--search", "armistice", "--volume", "frus1919Parisv01", "--from", "1919-01",
                   "--to", "1919-01", "--format", "csl-json", "--limit", "20")
    assert filtered.exit_code == 0, filtered.output
    data = json.loads(filtered.output)
    jsonschema.validate(data, csl_schema())
    assert data and all(str(item["id"]).startswith("frus1919Parisv01/") for item in data)
    assert len(data) <= 20


def test_options_that_do_not_go_together(full_store: Path) -> None:
    assert run(full_store, "frus1961-63v05/d88", "--search", "Berlin").exit_code == 2
    assert run(full_store, "--volume", "frus1919Parisv01").exit_code == 2
    assert run(full_store, "frus1961-63v05/d88", "wilson/114511", "--page", "226").exit_code == 2
    assert run(full_store, "frus1961-63v05/d88", "--page", "226", "--quote", "God of War").exit_code == 2
    nothing = run(full_store, "--search", "zzzqqqxxv", "--format", "ris")
    assert nothing.exit_code == 1 and "finds no document" in nothing.output
