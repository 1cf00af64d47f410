"""Options and error handling shared by memcon's commands."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from memcon.errors import InvalidValue, MemconError, QuerySyntaxError

F = TypeVar("F", bound=Callable[..., Any])

DOCS_URL = "docs/"

COMMAND_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
"""Every command's click settings, so ``-h`` works (and its help reads the same) whether a
command runs under ``memcon`` or on its own (as tests and plugins run it)."""


def store_option(fn: F) -> F:
    """``--db PATH`` (env ``MEMCON_DB``, default ``./memcon.db``)."""
    return click.option(
        "--db",
        "db",
        envvar="MEMCON_DB",
        default="memcon.db",
        show_default=True,
        type=click.Path(dir_okay=False),
        help="The memcon database (SQLite file); its full-text index lives beside it in DB.index/.",
    )(fn)


def json_option(fn: F) -> F:
    """``--json``: machine-readable output on stdout."""
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")(fn)


class MemconUsageError(click.UsageError):
    """A user error with exit status 2 (bad query, bad date)."""


def handle_errors(fn: F) -> F:
    """Turn memcon's errors into one clear line and a meaningful exit status.

    Exit 1: something failed (store, read, fetch).  Exit 2: the user's input is
    malformed (query syntax, options).
    """

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except QuerySyntaxError as exc:
            raise MemconUsageError(f"bad query: {exc}") from exc
        except InvalidValue as exc:
            raise MemconUsageError(str(exc)) from exc
        except MemconError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def echo_json(data: Any) -> None:
    """Write JSON to stdout (UTF-8, not ASCII-escaped)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")
