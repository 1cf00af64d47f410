"""memcon's errors: one hierarchy, stable codes, messages that say what to do.

::

    MemconError                    every error memcon raises on purpose
    ├── InvalidValue       E010    an option or argument value is malformed (a date, an id)
    ├── ReadError          E1xx    an input could not be read
    │   ├── MalformedInput E101    not well-formed XML / not the format claimed (file and line)
    │   ├── UnsafeInput    E102    the input asks for something unsafe (entity expansion, DTD fetch)
    │   ├── UnknownFormat  E103    no reader recognises the file
    │   └── EmptyInput     E104    the file is empty or holds no documents
    ├── StoreError         E2xx    the store cannot be opened, migrated or written
    │   ├── SchemaTooNew   E201    the database was written by a newer memcon
    │   └── NotFound       E202    no record with that id
    ├── SearchError        E3xx
    │   ├── QuerySyntaxError E301  the query does not parse (says where and why)
    │   └── IndexOutOfStep E302    the full-text index is missing or out of step with the store
    └── FetchError         E4xx    a download failed (HTTP status, truncated body, time-out)

Lower-layer exceptions (lxml, sqlite3, tantivy, httpx) are translated at the
boundary with ``raise ... from exc`` so the cause is kept.

DOCS: docs/errors.md
"""

from __future__ import annotations


class MemconError(Exception):
    """Base class: every error memcon raises on purpose.  ``code`` is stable."""

    code = "E000"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        text = f"{self.code} {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class InvalidValue(MemconError):
    """Raised when a value given by the user is malformed: a date such as ``1919-13``, an id."""

    code = "E010"


class ReadError(MemconError):
    """Raised when an input file cannot be read into records.

    ``path`` and ``line`` name where; the batch that read it goes on with the next file.
    """

    code = "E100"

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, hint: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        where = path or "<input>"
        if line is not None:
            where += f":{line}"
        super().__init__(f"{where}: {message}", hint=hint)


class MalformedInput(ReadError):
    """Raised when a file is not well-formed or breaks the conventions of its format."""

    code = "E101"


class UnsafeInput(ReadError):
    """Raised when a file asks for something memcon refuses to do (entity bombs, external DTDs)."""

    code = "E102"


class UnknownFormat(ReadError):
    """Raised when no reader recognises a file; ``--format`` names one explicitly."""

    code = "E103"


class EmptyInput(ReadError):
    """Raised when a file is empty or holds no document."""

    code = "E104"


class StoreError(MemconError):
    """Raised when the store cannot be opened, migrated or written."""

    code = "E200"


class SchemaTooNew(StoreError):
    """Raised when the database's schema version is newer than this memcon knows."""

    code = "E201"


class NotFound(StoreError):
    """Raised when no record has the id asked for."""

    code = "E202"


class SearchError(MemconError):
    """Raised when a search cannot be run."""

    code = "E300"


class QuerySyntaxError(SearchError):
    """Raised when a query does not parse; ``position`` is the 0-based character where it fails."""

    code = "E301"

    def __init__(self, message: str, *, query: str, position: int) -> None:
        self.query = query
        self.position = position
        pointer = f"\n  {query}\n  {' ' * position}^"
        super().__init__(
            f"{message} at character {position + 1}{pointer}",
            hint="see `memcon search --help` or docs/search.md for the query syntax",
        )


class IndexOutOfStep(SearchError):
    """Raised when the full-text index is missing or does not match the store; run `memcon reindex`."""

    code = "E302"


class FetchError(MemconError):
    """Raised when a download fails: HTTP error, truncated body, time-out, bad mirror path."""

    code = "E400"

    def __init__(self, message: str, *, url: str | None = None, hint: str | None = None) -> None:
        self.url = url
        super().__init__(f"{url}: {message}" if url else message, hint=hint)
