"""The renderer's own records: what a walk finds, what a rendering returns.

Not the model (:mod:`memcon.model.records`): these carry lxml elements and raw offsets
between :mod:`._tei_walk`, :mod:`._tei_text` and the reader.

DOCS: docs/architecture.md#records
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from memcon.model.records import Annotation, Footnote, PageBreak


@dataclass(slots=True)
class Owner:
    """What one level of the document (itself, an attachment, an enclosure) owns."""

    el: Any
    dateline: Any = None
    subject: Any = None
    participants: Any = None
    source_notes: list[int] = field(default_factory=list)
    inline_notes: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Note:
    """A note as the walk found it: where it is anchored (or printed), and its text."""

    n: str | None
    kind: str
    inline: bool
    xml_id: str | None
    offset: int
    end: int = 0
    text: str = ""
    within: int | None = None  # printed inside this footnote's text, not the document's


@dataclass(slots=True)
class Walked:
    """What :func:`._tei_walk.walk` found: offsets are raw (separators not yet skipped)."""

    text: str
    pages: list[PageBreak]
    notes: list[Note]
    spans: list[tuple[str, int, int, Any, int | None, str | None]]  # kind, start, end, el, footnote, attr
    attachments: list[tuple[Owner, int, int]]
    owner: Owner


@dataclass(slots=True)
class AttachmentSpan:
    owner: Owner
    start: int
    end: int


@dataclass(slots=True)
class Rendered:
    """The result of rendering one document."""

    text: str
    pages: list[PageBreak]
    footnotes: list[Footnote]
    annotations: list[Annotation]
    attachments: list[AttachmentSpan]
    owner: Owner
