"""Records ⇄ JSON: any record of :mod:`memcon.model.records` as a plain JSON object and back.

Used where a record is kept whole rather than spread over tables: each source's own
reading of a document (``source_records`` in the store, so that a document that
arrived from two sources can be merged again when one of them changes) and the
structured fields that are stored as one JSON column.

The encoding is the dataclass's fields by name (defaults left out, tuples as lists,
nested records as objects), so it reads well in Datasette and survives added fields:
a field missing from old JSON takes its default.  :func:`from_json` raises
:class:`~memcon.errors.StoreError` on JSON that does not fit the record.

DOCS: docs/database.md#source_records
"""

from __future__ import annotations

import json
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from typing import Any, TypeVar, cast, get_args, get_origin

from memcon.errors import StoreError
from memcon.model import records

T = TypeVar("T")

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def to_plain(record: Any) -> Any:
    """``record`` as JSON-ready values: dicts for records (fields at their default left out),
    lists for tuples."""
    if is_dataclass(record) and not isinstance(record, type):
        out: dict[str, Any] = {}
        for f in fields(record):
            value = getattr(record, f.name)
            default = f.default if f.default is not MISSING else (
                f.default_factory() if f.default_factory is not MISSING else MISSING
            )
            if default is not MISSING and value == default:
                continue
            out[f.name] = to_plain(value)
        return out
    if isinstance(record, tuple | list):
        return [to_plain(v) for v in record]
    return record


def to_json(record: Any) -> str:
    """``record`` as a compact JSON string (see :func:`to_plain`)."""
    return _ENCODE(to_plain(record))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _convert(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _convert(value, options[0]) if len(options) == 1 else value
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(v, args[0]) for v in value)
        return tuple(_convert(v, a) for v, a in zip(value, args, strict=True))
    if isinstance(hint, type) and is_dataclass(hint):
        return from_plain(value, hint)
    return value


def from_plain(data: Any, cls: type[T]) -> T:
    """The record of class ``cls`` that :func:`to_plain` turned into ``data``."""
    if not isinstance(data, dict):
        raise StoreError(f"expected a JSON object for a {cls.__name__}, found {type(data).__name__}")
    hints = _hints(cast(Any, cls))
    unknown = set(data) - set(hints)
    if unknown:
        raise StoreError(
            f"JSON for a {cls.__name__} has unknown fields: {', '.join(sorted(unknown))}",
            hint="the database was written by a newer memcon; upgrade memcon",
        )
    return cls(**{name: _convert(value, hints[name]) for name, value in data.items()})


def from_json(text: str, cls: type[T]) -> T:
    """The record of class ``cls`` encoded by :func:`to_json` as ``text``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StoreError(f"stored JSON for a {cls.__name__} is not valid JSON: {exc}") from exc
    return from_plain(data, cls)


__all__ = ["from_json", "from_plain", "to_json", "to_plain"]
