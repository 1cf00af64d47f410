"""Browse the store in Datasette: its ``metadata.json`` (every table and column described) and,
optionally, a copy of the database with an SQLite full-text table so Datasette's search box works.

memcon's own full-text index is tantivy, in a folder beside the database (``memcon.db.index/``):
Datasette cannot use it.  :func:`datasette_metadata` says so in the database's description and
points at ``memcon search``; :func:`write_datasette` can also write a **copy** of the database
(never the original) holding ``documents_fts``, an FTS5 table over the documents' heading,
subject and text (external content: the ``documents`` rows themselves), declared in the metadata
as the documents' ``fts_table``::

    memcon export --what datasette --output browse/ --fts
    datasette browse/memcon.db --metadata browse/metadata.json

The descriptions are those of docs/database.md (the page that documents every table, a test
keeps it complete), held in :mod:`memcon.store._datasette_descriptions` so that an installed
memcon has them; :func:`descriptions_from_markdown` reads them from the page, and a test keeps
the two equal (``python -m memcon.store.datasette_metadata docs/database.md`` rewrites the module).

DOCS: docs/export.md#datasette
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from memcon.errors import InvalidValue, StoreError
from memcon.store._datasette_descriptions import DESCRIPTIONS

FTS_TABLE = "documents_fts"
FTS_COLUMNS = ("heading", "subject", "text")
LICENSE = "Public domain (FRUS, Office of the Historian); Wilson Center records: see each record's credits"
_SECTION = re.compile(r"^### `(\w+)`\s*$", re.MULTILINE)
_ROW = re.compile(r"^\|\s*(`\w+`(?:,\s*`\w+`)*)\s*\|\s*([^|]*?)\s*\|\s*(.*?)\s*\|\s*$", re.MULTILINE)
"""A row of a table of columns; its first cell may name several (`` `document_id`, `idx` ``)."""
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
_RUN = re.compile(r"^\|\s*`\w+`\s*…\s*`\w+`\s*\|[^|]*\|\s*(.*?)\s*\|\s*$", re.MULTILINE)
"""A row standing for a run of columns: `` | `date_text` … `date_source` | | its date, as in … | ``."""
_LIKE = re.compile(r"as in \[`(\w+)`\]")


@dataclass(frozen=True, slots=True)
class DatasetteReport:
    """What :func:`write_datasette` wrote: the metadata file and, with ``fts``, the copy."""

    metadata: str
    database: str | None
    tables: int
    fts_rows: int


def _plain(markdown: str) -> str:
    return " ".join(_LINK.sub(r"\1", markdown).replace("`", "").split())


def descriptions_from_markdown(text: str) -> dict[str, dict[str, Any]]:
    """``{table: {"description": …, "columns": {column: "meaning (TYPE)"}}}`` from docs/database.md.

    A row naming a run of columns (`` `date_text` … `date_source` `` "as in [`documents`]", the
    columns listed in backticks) gives each of them that table's description of it."""
    parts = _SECTION.split(text)
    out: dict[str, dict[str, Any]] = {}
    runs: list[tuple[str, str, str, list[str]]] = []
    for table, body in zip(parts[1::2], parts[2::2], strict=True):
        body = body.split("\n## ", 1)[0]
        prose = body.split("| column |", 1)[0].strip()
        columns = {
            name: f"{_plain(meaning)} ({_plain(kind)})" if kind else _plain(meaning)
            for names, kind, meaning in _ROW.findall(body)
            for name in re.findall(r"`(\w+)`", names)
        }
        for meaning in _RUN.findall(body):
            source = _LIKE.search(meaning)
            said, _, listed = _LINK.sub(r"\1", meaning).partition("(")
            runs.append((table, source.group(1) if source else "", _plain(said), re.findall(r"`(\w+)`", listed)))
        if not prose:  # a table the page lists without prose: its columns say what a row is
            prose = "One row: " + "; ".join(f"{name}, {meaning}" for name, meaning in columns.items()) + "."
        out[table] = {"description": _plain(prose), "columns": columns}
    for table, like, meaning, names in runs:
        for name in names:
            known = out.get(like, {}).get("columns", {}).get(name)
            out[table]["columns"].setdefault(name, f"{meaning}: {known}" if known else meaning)
    return out


def datasette_metadata(db: str | os.PathLike[str], *, fts: bool = False, name: str | None = None) -> dict[str, Any]:
    """Datasette's metadata for the memcon database at ``db``: a description of every table it holds
    (and of each of their columns), facets for the documents, and with ``fts`` the documents'
    full-text table.  ``name`` is the database's name in Datasette (default: the file's stem).

    Raises :class:`~memcon.errors.StoreError` if ``db`` cannot be read.
    """
    path = Path(db)
    tables = _tables(path)
    described = {}
    for table, columns in tables.items():
        known = DESCRIPTIONS.get(table, {"description": "", "columns": {}})
        entry: dict[str, Any] = {
            "description": known["description"] or "(not described in docs/database.md)",
            "columns": {c: known["columns"].get(c, "") for c in columns},
        }
        if table == "documents":
            entry["facets"] = ["volume_id", "doc_type", "date_precision"]
            entry["sort"] = "date_min"
            entry["label_column"] = "heading"
            if fts:
                entry["fts_table"] = FTS_TABLE
                entry["fts_pk"] = "rowid"
        if table == FTS_TABLE:
            entry["hidden"] = True
        described[table] = entry
    search = (
        f"Full-text search: the {FTS_TABLE} table of this copy (SQLite FTS5 over the documents' "
        f"{', '.join(FTS_COLUMNS)}), behind the search box of the documents table."
        if fts
        else "Full-text search: memcon's index is a tantivy index in the folder beside the database "
        f"({path.name}.index/), which Datasette cannot use; search with `memcon search` or the web app, "
        "or browse a copy made with `memcon export --what datasette --fts`, whose documents table has a search box."
    )
    return {
        "title": "memcon",
        "description": "Diplomatic records (FRUS volumes, history.state.gov pages, Wilson Center Digital "
        "Archive records) as memcon stores them: documents with their printed pages and footnotes, "
        "the person authority, mentions of persons, meetings and statements.",
        "license": LICENSE,
        "source": "Office of the Historian, U.S. Department of State; Wilson Center Digital Archive",
        "about": "memcon: docs/database.md",
        "databases": {
            name or path.stem: {
                "description": "Offsets count characters of documents.text; a passage's printed page is the "
                "last pages row at or before it. " + search,
                "tables": described,
            }
        },
    }


def _tables(path: Path) -> dict[str, list[str]]:
    if not path.exists():
        raise StoreError(f"no memcon database at {path}", hint="run `memcon ingest PATH…` first, or check --db")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                f"AND (name = '{FTS_TABLE}' OR name NOT LIKE '{FTS_TABLE}_%') ORDER BY name")]
            return {n: [r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')] for n in names}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot read the database: {exc}") from exc


def write_datasette(
    db: str | os.PathLike[str], output: str | os.PathLike[str], *, fts: bool = False
) -> DatasetteReport:
    """Write ``metadata.json`` into the folder ``output`` and, with ``fts``, a copy of the database
    there (same file name) with :data:`FTS_TABLE` built.  The database at ``db`` is only read.

    Raises :class:`~memcon.errors.InvalidValue` when ``output`` is the database's own folder and
    ``fts`` would overwrite it, :class:`~memcon.errors.StoreError` when it cannot be read or copied.

    DOCS: docs/export.md#datasette
    """
    source = Path(db)
    folder = Path(output)
    if folder.suffix == ".json":
        raise InvalidValue(f"{folder}: --output for --what datasette is a folder",
                           hint="metadata.json (and the copy, with --fts) are written into it")
    folder.mkdir(parents=True, exist_ok=True)
    copy: Path | None = None
    rows = 0
    if fts:
        copy = folder / source.name
        if copy.resolve() == source.resolve():
            raise InvalidValue(f"{copy} is the database itself; memcon never adds tables to it",
                               hint="write the copy into another folder")
        rows = _copy_with_fts(source, copy)
    metadata = datasette_metadata(copy or source, fts=fts, name=source.stem)
    target = folder / "metadata.json"
    tmp = target.with_name(".metadata.json.part")
    tmp.write_text(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    tables = len(next(iter(metadata["databases"].values()))["tables"])
    return DatasetteReport(str(target), str(copy) if copy else None, tables, rows)


def _copy_with_fts(source: Path, copy: Path) -> int:
    """Copy ``source`` to ``copy`` (SQLite's backup: consistent while memcon writes) and build the
    FTS5 table there; returns the rows indexed."""
    _tables(source)  # fails clearly on a missing or unreadable database
    part = copy.with_name(copy.name + ".part")
    with contextlib.suppress(FileNotFoundError):
        part.unlink()
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            columns = ", ".join(FTS_COLUMNS)
            dst.execute(f'DROP TABLE IF EXISTS "{FTS_TABLE}"')
            dst.execute(f'CREATE VIRTUAL TABLE "{FTS_TABLE}" USING FTS5({columns}, content="documents", '
                        "content_rowid=\"rowid\", tokenize='unicode61 remove_diacritics 2')")
            dst.execute(f"INSERT INTO \"{FTS_TABLE}\"(\"{FTS_TABLE}\") VALUES ('rebuild')")
            dst.commit()
            rows = int(dst.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            dst.close()
            src.close()
        os.replace(part, copy)
    except sqlite3.Error as exc:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
        raise StoreError(f"cannot copy {source} with a full-text table: {exc}") from exc
    return rows


def _regenerate(markdown: Path) -> str:
    """The source of :mod:`memcon.store._datasette_descriptions` for ``markdown``."""
    data = descriptions_from_markdown(markdown.read_text(encoding="utf-8"))
    return (
        '"""The table and column descriptions of docs/database.md, for Datasette\'s metadata.\n\n'
        "Generated by ``python -m memcon.store.datasette_metadata docs/database.md``; do not edit\n"
        '(tests/test_export_datasette.py keeps it equal to the page).\n"""\n\n'
        "from typing import Any\n\n"
        f"DESCRIPTIONS: dict[str, dict[str, Any]] = {json.dumps(data, ensure_ascii=False, indent=4)}\n"
    )


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    target = Path(__file__).with_name("_datasette_descriptions.py")
    target.write_text(_regenerate(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/database.md")), encoding="utf-8")
    print(f"wrote {target}")


__all__ = ["FTS_TABLE", "DatasetteReport", "datasette_metadata", "descriptions_from_markdown", "write_datasette"]
