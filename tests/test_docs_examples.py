"""The Python examples of the documentation run, and print what the page says they print.

A block's expected output is written as ``# …`` comment lines right after the ``print``
that produces it.  Paths under ``../shared`` are read from ``$MEMCON_SHARED``; files the
examples write go to a temporary folder.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

from tests._shared import require, shared_path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("docs/formats.md", "docs/ingest.md", "docs/statements.md", "docs/cite.md")
_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def blocks() -> list[tuple[str, int, str]]:
    out = []
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        for i, m in enumerate(_BLOCK.finditer(text)):
            out.append((page, i, m.group(1)))
    return out


def expected_output(code: str) -> list[str]:
    lines = code.splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        if line.startswith("# ") and i > 0 and (lines[i - 1].startswith("print(") or lines[i - 1].startswith("# ")):
            out.append(line[2:])
    return out


@pytest.mark.parametrize(("page", "index", "code"), blocks(), ids=lambda v: str(v)[:20])
def test_documentation_example_runs(page: str, index: int, code: str, tmp_path: Path) -> None:
    shared = shared_path()
    if "../shared" in code:
        require(shared / "corpus", "the shared data")
    source = code.replace("../shared", str(shared)).replace('"tests/', f'"{ROOT}/tests/')
    captured = io.StringIO()
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(captured):
            exec(compile(source, f"{page}#{index}", "exec"), {"__name__": "__doc_example__"})
    finally:
        os.chdir(cwd)
    expected = expected_output(code)
    printed = captured.getvalue().splitlines()
    if expected:
        assert printed == expected, f"{page} example {index} printed {printed}"
    else:
        assert printed, f"{page} example {index} printed nothing"
