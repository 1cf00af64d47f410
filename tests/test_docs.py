"""The docs are tested: every command documented with an example, errors documented, docs in step."""

from __future__ import annotations

import difflib
import inspect
import re
from pathlib import Path

import click
import pytest

from memcon import errors
from memcon.cli._reference import cli_reference_markdown, iter_commands

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.mark.parametrize("name,command", iter_commands(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_has_a_docstring_with_an_example(name: str, command: click.Command) -> None:
    assert command.help, f"{name} has no docstring"
    if not isinstance(command, click.Group) or name.count(" ") == 1:
        assert "Example:" in command.help, f"{name}'s docstring has no Example: block"


def test_cli_reference_is_up_to_date() -> None:
    committed = (DOCS / "cli.md").read_text(encoding="utf-8")
    fresh = cli_reference_markdown()
    diff = "".join(difflib.unified_diff(committed.splitlines(True), fresh.splitlines(True), n=1))
    assert committed == fresh, "docs/cli.md is stale: run `make docs`\n" + diff[:3000]


def test_every_error_code_is_documented() -> None:
    table = (DOCS / "errors.md").read_text(encoding="utf-8")
    classes = [c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.MemconError)]
    for cls in classes:
        assert f"| {cls.code} | `{cls.__name__}` |" in table, f"{cls.__name__} ({cls.code}) missing from docs/errors.md"
        assert cls.__doc__, f"{cls.__name__} has no docstring saying when it is raised"
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), "error codes must be unique"


def test_readme_shows_the_two_commands_and_links_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), f"README links to missing {target}"


def test_architecture_names_modules_that_exist() -> None:
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    for module in re.findall(r"`((?:[a-z_]+/)+[a-z_]+\.py)`", text):
        assert (ROOT / "src" / "memcon" / module).exists(), f"architecture.md names missing {module}"
