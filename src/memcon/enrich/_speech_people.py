"""Who the statement extractor's words designate: the mentions at a speaker's words, and the
record's author (the "I" of a cable or despatch) found from the document itself.

DOCS: docs/statements.md#the-author
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from memcon.enrich._speech_text import Span, paragraphs
from memcon.model.people import Mention
from memcon.model.records import Document


@dataclass(frozen=True, slots=True)
class Author:
    """The record's author as the extractor found it."""

    person_id: str | None
    text: str | None
    reason: str


class MentionIndex:
    """The document's text mentions (footnote mentions left out), looked up by their ends."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.mentions = sorted((m for m in mentions if m.footnote is None), key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]
        self._by_end: dict[int, Mention] = {}
        self._by_start: dict[int, Mention] = {}
        for m in self.mentions:
            old = self._by_end.get(m.end)
            if old is None or m.start < old.start:
                self._by_end[m.end] = m
            old = self._by_start.get(m.start)
            if old is None or m.end > old.end:
                self._by_start[m.start] = m

    def ending_at(self, end: int) -> Mention | None:
        """The longest mention ending at ``end``."""
        return self._by_end.get(end)

    def starting_at(self, start: int) -> Mention | None:
        """The longest mention starting at ``start``."""
        return self._by_start.get(start)

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside ``start``–``end``."""
        return [m for m in self.mentions if m.start >= start and m.end <= end]


_BY_RE = re.compile(r"^(?:Memorandum|Minutes|Notes?|Report|Record)\b[^\n]{0,40}?\b(?:by|of)\s+(?P<by>[^\n]{3,160})$",
                    re.M)


def _one_person(index: MentionIndex, s: int, e: int) -> str | None:
    """The one person resolved in ``s``–``e``: among name mentions when they name one ("The
    Chairman of the American Delegation (Stimson)": the name decides), else among all."""
    found = index.within(s, e)
    for pool in ([m for m in found if m.kind == "name"], found):
        ids = {m.person_id for m in pool if m.person_id is not None}
        if len(ids) == 1:
            return ids.pop()
    return None


_SENDER_RE = re.compile(r"^(?=[^\n]{0,200}$)(?P<sender>[^\n]{3,120}?)\s+to\s+(?:the|Mr\.?|Lord|Sir|M\.|[A-Z])", re.M)
"""A heading line "<sender> to <addressee>": a line of 200 characters or fewer (a paragraph of the
text that says "… started the conversation by referring to the …" is no heading)."""


_TO_RE = re.compile(r"\s+to\s+(?:the|Mr\.?|Lord|Sir|M\.|[A-Z])")


def _top(text: str) -> str:
    """The record's first 400 characters, to the end of the line they stop in: a long paragraph
    cut at 400 must not pass for a short heading line ("M. Chauvel started the conversation by
    referring to the last paragraph …" is no "<sender> to <addressee>")."""
    end = text.find("\n", 400)
    return text[: len(text) if end < 0 else end]


def _heading_sender(text: str) -> re.Match[str] | None:
    """The heading line "<sender> to <addressee>" at the top of the record."""
    return _SENDER_RE.search(_top(text))


def find_author(document: Document, index: MentionIndex, *, author_id: str | None = None,
                paras: Sequence[Span] | None = None) -> Author:
    """The person the record's "I" is: ``author_id`` when given; else, in this order, a
    resolved name in the closing signature (the last three short paragraphs: "A. GROMYKO",
    "Breckinridge Long"), ``signed_by`` where the text prints it, ``authors`` matched to a
    resolved mention by surname, the sender of the heading ("Mr. Adams to Mr. Seward").
    ``person_id`` stays ``None`` when none of them resolves.  ``paras``: the text's
    paragraphs (:func:`memcon.enrich._speech_text.paragraphs`) when the caller has them."""
    if author_id is not None:
        return Author(author_id, None, "author given by the caller")
    text = document.text
    if paras is None:  # the caller may pass the paragraphs it has already found
        paras = list(paragraphs(text))
    head = _heading_sender(text)
    # the heading's addressee ("… to Mr. Seward") closing the record is no signature
    addressees = {m.person_id for m in index.within(head.end("sender"), head.end("sender") + 60)
                  if m.person_id is not None} if head is not None else set()
    body = paras[1:] if paras and paras[0].start == 0 else paras  # never the heading paragraph
    for para in reversed(body[-3:] if len(body) > 1 else []):
        if len(text[para.start:para.end].split()) > 6:
            continue
        for m in index.within(para.start, para.end):
            if m.person_id is not None and m.kind == "name" and m.person_id not in addressees:
                return Author(m.person_id, m.text, f"signature '{text[para.start:para.end]}'")
    if document.signed_by:
        at = text.rfind(document.signed_by)
        if at >= 0:
            for m in index.within(at, at + len(document.signed_by)):
                if m.person_id is not None:
                    return Author(m.person_id, m.text, f"signed by '{document.signed_by}'")
    for name in document.authors:
        surname = name.replace(".", " ").split()[-1].lower() if name.split() else ""
        ids = {m.person_id for m in index.mentions
               if m.person_id is not None and m.kind == "name" and surname and surname in m.text.lower()}
        if len(ids) == 1:
            return Author(ids.pop(), name, f"author '{name}' named in the text")
    if head is not None:
        s = head.start("sender")
        line_end = text.find("\n", s)
        line_end = len(text) if line_end < 0 else line_end
        # "The Chairman of the … Commission … to Russia (Stevens) to the Secretary": the sender may
        # run past an earlier " to "; the first cut whose sender names one person wins
        for stop in [head.end("sender"), *(m.start() for m in _TO_RE.finditer(text, head.end("sender") + 1, line_end))]:
            found = _one_person(index, s, stop)
            if found is not None:
                return Author(found, text[s:stop], f"heading sender '{text[s:stop]}'")
    by = _BY_RE.search(_top(text))
    if by is not None:  # "Memorandum by the Under Secretary of State (Phillips)", "Memorandum of Mr. Miles of …"
        s, e = by.start("by"), by.end("by")
        cut = re.search(r"(?<!\()\b(?:of a Conversation|of the Division|of the Office|of a|regarding|concerning|on)\b",
                        text[s:e])
        e = s + cut.start() if cut is not None else e
        found = _one_person(index, s, e)
        if found is not None:
            return Author(found, text[s:e].strip(), f"heading 'Memorandum by {text[s:e].strip()}'")
    printed = printed_author(text, paras, head)
    if printed is not None:
        return Author(None, printed[0], f"author {printed[0]!r} ({printed[1]}), not a person of the authority")
    return Author(None, None, "author not found (no resolved signature, signer, author or heading sender)")


_PAREN_NAME_RE = re.compile(r"\((?P<n>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\)")
_SIGNATURE_RE = re.compile(r"^(?:[A-Z][\w’'-]*\.?\s+){0,3}[A-Z][\w’'-]+\.?$")
_STYLED_SIGNATURE_RE = re.compile(r"^(?P<name>(?:[A-Z]+\.?\s+){0,3}[A-Z][A-Z’'-]+),\s+[A-Z][\w ’'-]{2,60}\.?$")
"""A signature in capitals with the signer's office: "J. C. STORER, Collector." (an addressee's
line, "Hon. William H. Seward, Secretary of State", is not in capitals)."""
_NOT_SIGNATURES = frozenset("i have sir respectfully yours obedient servant etc the very truly article articles "
                            "section chapter annex appendix inclosure enclosure schedule protocol part".split())
"""Words of a closing line that is no signature ("I have the honor to be, sir, …", "Article III.")."""


def printed_author(text: str, paras: Sequence[Span], head: re.Match[str] | None) -> tuple[str, str] | None:
    """The author's name as the record prints it, when no person of the authority is found: the
    closing signature ("McCeney Werlich", "WM. L. DAYTON."), else the heading's name in
    parentheses ("Memorandum by the Chief of the Division … (Murray)", "The Ambassador in
    Argentina (Weddell) to …"), else the heading's sender ("Mr. Dayton to Mr. Seward")."""
    body = paras[1:] if paras and paras[0].start == 0 else paras
    for para in reversed(body[-3:] if len(body) > 1 else []):
        words = text[para.start:para.end].strip()
        styled = _STYLED_SIGNATURE_RE.match(words)  # "J. C. STORER, Collector."
        if styled is not None:
            words = styled.group("name")
        if _SIGNATURE_RE.match(words) and not {w.strip(".,").lower() for w in words.split()} & _NOT_SIGNATURES:
            return words.rstrip("."), "the closing signature"
    by = _BY_RE.search(_top(text))
    for m in (by, head):
        if m is None:
            continue
        words = m.group("by" if m is by else "sender")
        paren = _PAREN_NAME_RE.search(words)
        if paren is not None:
            return paren.group("n"), f"the heading '{words.strip()}'"
        if m is head and re.match(r"(?:Mr\.?|Sir|Lord|M\.|General|Señor)\s+[A-Z]", words):
            return words.strip(), f"the heading '{words.strip()}'"
    return None


__all__ = ["Author", "MentionIndex", "find_author", "printed_author"]
