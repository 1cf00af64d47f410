"""Helpers of the statement tests on records written for the test: a mention of the n-th
occurrence of some words, and the statements of a text as (first words, speaker, kind)."""

from __future__ import annotations

from memcon.enrich.statements import METHOD, extract_statements
from memcon.model.people import Mention
from memcon.model.records import Document


def mention(text: str, words: str, person: str | None, nth: int = 0, *, kind: str = "name") -> Mention:
    """A linked (or, with ``person=None``, unresolved) mention of the ``nth`` occurrence of ``words``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    return Mention(at, at + len(words), words, person, 0.95 if person else 0.0, "memcon.linker.v1", "test",
                   None, kind)


def said(text: str, mentions: list[Mention], *, heading_line: int = 0) -> list[tuple[str, str | None, str]]:
    """The statements of ``text`` (its line ``heading_line`` is the heading): first 24 characters,
    speaker id, kind; checks the method and that statements do not overlap."""
    document = Document("t/d1", "t", text.split("\n")[heading_line], text)
    found = extract_statements(document, mentions)
    assert all(s.method == METHOD == "memcon.statements.v7" for s in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    return [(text[s.start:s.end][:24], s.speaker_id, s.kind) for s in found]
