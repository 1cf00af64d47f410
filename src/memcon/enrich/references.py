"""Editorial insertions and the references they make to other documents (pure; no I/O).

FRUS editors write their own words into a document between square brackets:

    [Here follows the same list of participants as printed at the end of Document 84.]
    [1 paragraph (4 lines) of source text not declassified]
    [Omitted here is discussion of Laos.]

history.state.gov prints them as they stand, so every reader meets them in
``Document.text``.  :func:`editorial_spans` finds them (``[Page N]`` markers and
``[N]`` footnote anchors are memcon's own and are not editorial);
:func:`references` turns those that point at another document into
:class:`~memcon.model.records.Reference` records, resolved to a memcon id in the
same volume.  :func:`split_placeholders` takes out of a participant list the
entries that are not participants but say where the list is ("Listed on Page 5").

DOCS: docs/architecture.md#enrich
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from memcon.model.records import Annotation, Participant, Reference

_BRACKETED = re.compile(r"\[(?!Page )([^\[\]\n]{3,})\]")
"""A bracketed insertion of three characters or more: not ``[12]`` anchors nor ``[Page N]``."""
_DOCUMENT = re.compile(r"\bDocuments?\s+(\d+[A-Za-z]?)\b")
_DOC_POINTER = re.compile(r"^([\w-]*)#d(\d+[A-Za-z]?)$")
"""An editors' pointer to a document: ``#d84`` (same volume) or ``frus1961-63v05#d84``."""
_PARTICIPANTS = re.compile(r"\bparticipants\b", re.I)
_PLACEHOLDER = re.compile(
    r"^(?:\(?\s*(?:listed|as listed|see|printed|given)\b.*\b(?:page|document|above|below|attached|end)\b.*"
    r"|\[?Here follows\b.*)$",
    re.I | re.S,
)
"""A participants entry that says where the list is instead of naming someone."""


def editorial_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every editorial insertion in ``text``, brackets included."""
    for m in _BRACKETED.finditer(text):
        inner = m.group(1)
        if inner.isdigit():  # a footnote anchor such as [123]
            continue
        yield m.start(), m.end()


def editorial_annotations(text: str, existing: Sequence[Annotation] = ()) -> tuple[Annotation, ...]:
    """An ``editorial`` :class:`Annotation` for each insertion not already annotated as one."""
    have = {(a.start, a.end) for a in existing if a.kind == "editorial"}
    return tuple(
        Annotation("editorial", start, end, text[start:end])
        for start, end in editorial_spans(text)
        if (start, end) not in have
    )


def _resolve(pointer: str, volume_id: str | None) -> str:
    """``#d84`` or ``84`` → ``VOLUME/d84`` when the volume is known; otherwise as given."""
    number = pointer.removeprefix("#").removeprefix("d")
    if volume_id and re.fullmatch(r"\d+[A-Za-z]?", number):
        return f"{volume_id}/d{number}"
    return pointer


def references(
    text: str,
    *,
    volume_id: str | None,
    annotations: Sequence[Annotation] = (),
) -> tuple[Reference, ...]:
    """The references to other documents that the editorial insertions of ``text`` make.

    An editors' ``<ref target="#d84">`` inside the insertion (kept by the TEI reader as
    an annotation) gives the target; otherwise the printed "Document 84" does.  Targets
    in the same volume become memcon ids (``frus1961-63v05/d84``).
    """
    refs = [a for a in annotations if a.kind == "ref" and a.footnote is None and a.target]
    out: list[Reference] = []
    for start, end in editorial_spans(text):
        inner = text[start:end]
        target: str | None = None
        for a in refs:
            if start <= a.start and a.end <= end and a.target:
                m = _DOC_POINTER.match(a.target)
                if m and (m.group(1) or volume_id):
                    target = f"{m.group(1) or volume_id}/d{m.group(2)}"
                else:
                    target = a.target  # a page (#pg_481) or a pointer memcon cannot resolve
                break
        if target is None:
            m = _DOCUMENT.search(inner)
            if m is None:
                continue
            target = _resolve(m.group(1), volume_id) if volume_id else f"Document {m.group(1)}"
        kind = "participants" if _PARTICIPANTS.search(inner) else "see"
        out.append(Reference(kind, inner, target, start))
    return tuple(out)


def split_placeholders(
    participants: Sequence[Participant],
) -> tuple[tuple[Participant, ...], tuple[str, ...]]:
    """Split a participant list into real entries and placeholders ("Listed on Page 5")."""
    real: list[Participant] = []
    notes: list[str] = []
    for p in participants:
        if _PLACEHOLDER.match(p.text.strip()):
            notes.append(p.text.strip())
        else:
            real.append(p)
    return tuple(real), tuple(notes)


__all__ = ["editorial_annotations", "editorial_spans", "references", "split_placeholders"]
