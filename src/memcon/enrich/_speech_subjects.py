"""Subjects of the statement extractor (``memcon.statements.v7``): the words that may name a
speaker no mention covers ("General Bliss", "C. T. Wang", "The Minister for Foreign Affairs",
"my British colleague"), "his Excellency", "the latter", the person a sentence opens with after
an introductory word ("Yesterday Mr. Hoover …"), and a second clause in "he" after the record's
"I" ("I told Mr. Hoover …, but he said …").

DOCS: docs/statements.md#whose-statement-is-it
"""

from __future__ import annotations

import re
from bisect import bisect_left

from memcon.enrich._speech_people import MentionIndex
from memcon.enrich._speech_text import HONORIFIC_AT_RE, HONORIFIC_RE, INTRO_WORDS, VERB_RE, Span, between_end
from memcon.model.people import Mention

OFFICES = (r"(?:Minister|Ambassador|Secretary|President|King|Queen|Emperor|Chairman|Premier|Chancellor|Marshal|"
           r"[Ss]ub-secretary|[Uu]nder-secretary|"
           r"Commissioners?|Governor|Consul|Chargé|Delegates?|Delegation|Envoy|Minister|Commissar|Senator|"
           r"Counsell?or|Attaché)")
_LOWER_OFFICES = (r"(?:minister|prince|president|emperor|king|marshal|chancellor|premier|viceroy|ambassador|"
                  r"consul|governor|sub-secretary|under-secretary|secretary|envoy|chargé|general|admiral)")
"""The same offices in lower case, as the older volumes print them ("The prince promised me", "the
minister remarked") — not an office of a body ("the minister of marine")."""
_OFFICE_TAIL = r"(?:\s+(?:of|for)\s+(?:[A-Z][\w'’-]+\s*){1,3})?"
# An unlinked speaker: a name after an honorific ("Mr. Nobody", "General Bliss"), initials and a
# surname ("C. T. Wang"), an office ("The Minister for Foreign Affairs", "The Commissioners") or a
# colleague of the writer ("My British colleague"); never a bare capitalised word ("The",
# "Germany", "The Argentine").
UNLINKED_RE = re.compile(
    r"(?:(?:Mr|Mrs|Dr|M|General|Colonel|Admiral|Sir|Lord|Baron|Count|Marshal|Signor|Señor|Senor|Monsieur|Herr|"
    r"Doctor|Senator|Prince|Captain|Major)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*"
    r"|(?:[A-Z]\.\s?){1,3}[A-Z][a-z][\w'’-]+"
    r"|(?:My|my|Our|our)\s+(?:[A-Z][\w'’-]+\s+)?colleague"
    r"|(?:The|the)\s+(?:[A-Z][\w'’-]+\s+)*" + OFFICES + _OFFICE_TAIL +
    r"|(?:The|the)\s+" + _LOWER_OFFICES + r"(?!\s+of\s+(?:the\s+)?[a-z]))")
UNLINKED_END_RE = re.compile(r"(?:^|(?<=[\s,(]))(" + UNLINKED_RE.pattern + r")$")
OPEN_OFFICE_RE = re.compile(r"(?:[A-Z][\w'’-]+\s+)*" + OFFICES + _OFFICE_TAIL + r"(?=\s+[a-z])")
"""An office opening a telegram's sentence without its article ("Minister of Foreign Affairs just left")."""
STYLE_RE = re.compile(r"(?:^|(?<=[\s,(]))((?:His|his|Her|her) (?:[Ll]ordship|[Ee]xcellency|[Mm]ajesty|[Hh]ighness))$")
LATTER_RE = re.compile(r"(?:^|(?<=[\s,(]))((?:The |the )?[Ll]atter)$")
""""The latter informed him …": the person named last before it."""

_PREPOSITIONS = frozenset("the of to with by from for at on in a an and or his her their our my".split())
_FIRST_WORD_RE = re.compile(r"[A-Z][a-z]+")
_OPENING_REACH = 60
"""How far into a sentence (characters) its opening person may stand after introductory words."""

# "…, but he said …" / "… and he replied …": a second clause in the third person.
_PRONOUN_CLAUSE_RE = re.compile(
    r"(?:[,;]\s*|\s)(?:and|but|whereupon|to which)\s+(he|she)\s+(?:then\s+|also\s+|had\s+|at once\s+)?(?=\w)")


def opening_mention(text: str, sent: Span, index: MentionIndex) -> Mention | None:
    """The person a sentence opens with: a mention at its start, after an honorific ("Mr. Lansing
    brought up …"), or after an introductory word or a phrase closed by a comma ("Yesterday Mr.
    Hoover called me up", "At the close, General Bliss …") — never a possessive ("the President's
    party") or the object of a preposition ("with the President")."""
    m = index.starting_at(sent.start)
    if m is None:
        h = HONORIFIC_AT_RE.match(text, sent.start, sent.end)
        m = index.starting_at(h.end()) if h is not None else None
    if m is not None:
        return m
    limit = min(sent.end, sent.start + _OPENING_REACH)
    first = _FIRST_WORD_RE.match(text, sent.start, limit)
    if text.find(",", sent.start, limit) < 0 and (first is None or first.group(0) not in INTRO_WORDS):
        return None  # cheap first: no introductory word, no comma
    for k in range(bisect_left(index.starts, sent.start), len(index.mentions)):
        cand = index.mentions[k]
        if cand.start >= limit:
            break
        start = cand.start
        h = HONORIFIC_RE.search(text, max(sent.start, start - 12), start)
        if h is not None and h.end() == start:
            start = h.start()
        prefix = text[sent.start:start].strip()
        words = prefix.split()
        if text[cand.end:cand.end + 2] in ("'s", "’s") or not words:
            continue
        if prefix.endswith(",") or (len(words) <= 2 and words[0] in INTRO_WORDS
                                    and words[-1].lower() not in _PREPOSITIONS and VERB_RE.search(prefix) is None):
            return cand
    return None


def pronoun_clause(text: str, after: int, end: int) -> tuple[int, str, str, int] | None:
    """A second clause in "he"/"she" after offset ``after`` ("…, but he said that …"): ``(where the
    first statement ends, the pronoun, the verb, the verb's end)``, or ``None``."""
    for m in _PRONOUN_CLAUSE_RE.finditer(text, after, end):
        vm = VERB_RE.match(text, m.end(), end)
        if vm is None:
            continue
        cut = m.start()
        while cut > after and text[cut - 1] in " ,;":
            cut -= 1
        return cut, m.group(1), vm.group(1), vm.end()
    return None


_WHO_RE = re.compile(r"(?:,\s*|\s+)who\s*$")
_APPOSITION_WORDS = 6
"""At most this many words between a person and "who" ("Steed foreign editor of the Times who told …")."""
_WITH_RE = re.compile(r"\b(?:conversation|conference|talk|interview|meeting)s?\s+(?:today\s+|to-day\s+|yesterday\s+)?"
                      r"with\s+$")


def relative_clause(text: str, after: int, end: int, index: MentionIndex,
                    speaker_id: str | None) -> tuple[int, Mention, str, int] | None:
    """A person's speech in a relative clause after offset ``after`` ("… he saw Balfour at four
    o'clock who said that …", "… view of Hurley who told me …"): ``(where the statement before it
    ends, the person's mention, the verb, the verb's end)``, or ``None``.  The person is the one
    named nearest before "who", with at most a short apposition between and no other person."""
    if text.find(" who", after, end) < 0:  # cheap first: most sentences have none
        return None
    for vm in VERB_RE.finditer(text, after, end):
        stop = after + between_end(text[after:vm.start()])
        w = _WHO_RE.search(text, after, stop)
        if w is None:
            continue
        k = bisect_left(index.starts, w.start()) - 1
        if k < 0:
            continue
        m = index.mentions[k]
        gap = text[m.end:w.start()]
        if m.start < after or m.end > w.start() or len(gap.split()) > _APPOSITION_WORDS or "," in gap \
                or VERB_RE.search(gap) or (m.person_id is not None and m.person_id == speaker_id) or m.kind == "title":
            continue
        start = m.start
        h = HONORIFIC_RE.search(text, max(after, start - 12), start)
        return (h.start() if h is not None and h.end() == start else start), m, vm.group(1), vm.end()
    return None


def conversation_with(text: str, sent_start: int, at: int, index: MentionIndex) -> Mention | None:
    """The one person "he" is when his sentence opens with a conversation with him ("During
    general conversation with Butler Wright at Embassy this morning he stated …")."""
    for k in range(bisect_left(index.starts, sent_start), len(index.mentions)):
        m = index.mentions[k]
        if m.start >= at:
            break
        start = m.start
        h = HONORIFIC_RE.search(text, max(sent_start, start - 12), start)
        start = h.start() if h is not None and h.end() == start else start
        if _WITH_RE.search(text, max(sent_start, start - 40), start) is None:
            continue
        others = [x for x in index.within(m.end, at) if x.person_id != m.person_id or x.person_id is None]
        tail = text[m.end:at]
        if others or re.search(r"\band\b|[.;:]", tail) or len(tail.split()) > 8:
            return None
        return m
    return None


__all__ = ["LATTER_RE", "conversation_with", "relative_clause", "OFFICES", "OPEN_OFFICE_RE", "STYLE_RE", "UNLINKED_END_RE", "UNLINKED_RE", "opening_mention",
           "pronoun_clause"]
