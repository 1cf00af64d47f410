"""docs/search.md is tested: its example queries parse, its errors point where it says, its code runs."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from memcon.errors import QuerySyntaxError
from memcon.search.query import SYNTAX_HELP, format_query, parse_query

DOC = Path(__file__).resolve().parents[2] / "docs" / "search.md"


def blocks(kind: str) -> list[str]:
    return re.findall(r"```" + kind + r"\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_doc_has_its_example_blocks() -> None:
    assert len(blocks("memcon-query")) == 1
    assert len(blocks("memcon-query-error")) == 1
    assert len(blocks("python")) == 1
    assert "docs/search.md" in SYNTAX_HELP


@pytest.mark.parametrize("query", blocks("memcon-query")[0].splitlines())
def test_every_example_query_parses(query: str) -> None:
    node = parse_query(query)
    assert parse_query(format_query(node)) == node


def test_every_query_in_the_syntax_table_parses() -> None:
    table = DOC.read_text(encoding="utf-8").split("## Query syntax", 1)[1].split("More examples", 1)[0]
    examples = re.findall(r"^\| `([^`]+)`(?:, `([^`]+)`)? \|", table, re.MULTILINE)
    assert len(examples) == 11
    for first, second in examples:
        parse_query(first)
        if second:
            assert parse_query(second) == parse_query(first)


@pytest.mark.parametrize("line", blocks("memcon-query-error")[0].splitlines())
def test_every_documented_error_points_where_the_doc_says(line: str) -> None:
    query, position = line.rsplit("\t", 1)
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(query)
    assert info.value.position == int(position)


def test_the_python_example_runs_and_prints_what_it_says() -> None:
    code = blocks("python")[0]
    expected = re.findall(r"^\s*# (.+)$", code, re.MULTILINE)[-1]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(DOC), "exec"), {})  # noqa: S102 - our own documentation
    assert out.getvalue().strip() == expected
