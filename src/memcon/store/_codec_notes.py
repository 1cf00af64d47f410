"""Rows of the ``source_notes`` table ⇄ :class:`~memcon.model.records.SourceNote` (split from
:mod:`memcon.store._codec` to keep modules short).

DOCS: docs/database.md#source_notes
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from memcon.model.records import SourceNote

Row = tuple[Any, ...]
_EMPTY_JSON = "[]"
_ENCODE_JSON = json.JSONEncoder(ensure_ascii=False).encode

SOURCE_NOTE_COLUMNS = (
    "document_id",
    "parser",
    "archive",
    "collection",
    "file_numbers",
    "classification",
    "handling",
    "drafted_by",
    "approved_by",
    "approved_on",
    "approved_date",
    "meeting_place",
    "translation",
    "paraphrase",
    "telegram",
    "serial",
    "enclosure",
    "received",
    "labels",
    "other",
    "parts",
    "note_text",
)


def _json_list(items: tuple[str, ...]) -> str:
    return _ENCODE_JSON(list(items)) if items else _EMPTY_JSON


def _tuple(value: str) -> tuple[Any, ...]:
    return () if value == _EMPTY_JSON else tuple(json.loads(value))


def source_note_row(did: str, n: SourceNote, source_note: str | None) -> Row:
    return (
        did,
        n.parser,
        n.archive,
        n.collection,
        _json_list(n.file_numbers),
        n.classification,
        _json_list(n.handling),
        _json_list(n.drafted_by),
        n.approved_by,
        n.approved_on,
        n.approved_date,
        n.meeting_place,
        int(n.translation),
        int(n.paraphrase),
        int(n.telegram),
        n.serial,
        _json_list(n.enclosure),
        n.received,
        _json_list(n.labels),
        _json_list(n.other),
        _ENCODE_JSON([list(p) for p in n.parts]) if n.parts else _EMPTY_JSON,
        None if n.text == source_note else n.text,
    )


def decode_source_note(r: Sequence[Any], source_note: str | None) -> SourceNote:
    return SourceNote(
        text=r[21] if r[21] is not None else (source_note or ""),
        parser=r[1],
        archive=r[2],
        collection=r[3],
        file_numbers=_tuple(r[4]),
        classification=r[5],
        handling=_tuple(r[6]),
        drafted_by=_tuple(r[7]),
        approved_by=r[8],
        approved_on=r[9],
        approved_date=r[10],
        meeting_place=r[11],
        translation=bool(r[12]),
        paraphrase=bool(r[13]),
        telegram=bool(r[14]),
        serial=r[15],
        enclosure=_tuple(r[16]),
        received=r[17],
        labels=_tuple(r[18]),
        other=_tuple(r[19]),
        parts=tuple((str(f), str(seg)) for f, seg in _tuple(r[20])),
    )


__all__ = ["SOURCE_NOTE_COLUMNS", "decode_source_note", "source_note_row"]
