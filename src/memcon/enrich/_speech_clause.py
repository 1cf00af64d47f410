"""The speech clause of a sentence and its subject, for the statement extractor
(``memcon.statements.v7``): "<speaker> [then|also|had …] <verb>", "…, said <speaker>,", "I have been
told by X", a coordinated predicate ("<subject> called to-day and said"), and whom the subject
names — a mention, "his lordship", a pronoun, "the undersigned", an office the record names a
holder of, an unlinked name, a surname alone.

DOCS: docs/statements.md#whose-statement-is-it
"""

from __future__ import annotations

import re

from memcon.enrich._speech_people import MentionIndex
from memcon.enrich._speech_state import (
    PRONOUNS,
    Clause,
    ReadState,
    Speaker,
    author_speaker,
    named,
    office_held,
    pronoun,
)
from memcon.enrich._speech_subjects import (
    LATTER_RE,
    OPEN_OFFICE_RE,
    STYLE_RE,
    UNLINKED_END_RE,
    UNLINKED_RE,
    opening_mention,
)
from memcon.enrich._speech_text import (
    FIRST_PERSON_VERBS,
    HONORIFIC_AT_RE,
    HONORIFIC_RE,
    PRONOUN_RE,
    VERB_RE,
    Span,
    between_end,
    intro_allows,
)
from memcon.enrich._speech_turns import (
    AUTHOR_OMITTED_RE,
    THIRD_PERSON_RE,
    antecedent,
    bare_surname,
)
from memcon.model.people import Mention

_AND_I_RE = re.compile(r"(?:,|;)?\s(?:and|but|whereupon|so)\s+$|;\s*$")
_UNDERSIGNED_RE = re.compile(r"\s*([Tt]he undersigned),[^,;.]{1,160}(?:,[^,;.]{1,80})?,?")
"""A note's signer with his style in apposition: "The undersigned, Envoy Extraordinary and Minister
Plenipotentiary of the Dominican Republic,"."""
_DETERMINER_END_RE = re.compile(r"\b(?:the|The|a|an|his|her|their|our|my|your|its)\s+$")
"""An article or possessive before capitalised words: a body ("the Foreign Office"), not a name."""
_INNER_CAPITAL_RE = re.compile(r"[a-z,;]\s+([A-Z][a-z’'-]+)")
_OPENING_SURNAME_RE = re.compile(r"([A-Z][a-z’'-]+(?:[- ][A-Z][a-z’'-]+)?)(?=\s+[a-z])")
_TAIL_SURNAME_RE = re.compile(r"\s([A-Z][a-z’'-]+(?:[- ][A-Z][a-z’'-]+)?)\s*$")


def speech_clause(text: str, sent: Span, index: MentionIndex, state: ReadState) -> Clause | None:
    """The sentence's first speech clause whose subject is a speaker."""
    tm = THIRD_PERSON_RE.match(text, sent.start, sent.end)
    if tm is not None:  # "Says Kerensky returns midnight …": the last speaker goes on
        return Clause(pronoun(state, "(he)", index, sent.start), "pronoun", tm.group(0).lower(), tm.end(), False)
    am = AUTHOR_OMITTED_RE.match(text, sent.start, sent.end)
    if am is not None:  # "Told him England assumed …": the telegram's author
        verb = am.group(0).split()[0].lower()
        return Clause(author_speaker(state.author, 0.7, "telegraphese without 'I': the record's author", "(I)"),
                      "I", verb, sent.start + len(verb) + 1, False)
    for vm in VERB_RE.finditer(text, sent.start, sent.end):
        verb = vm.group(1)
        prefix = text[sent.start:vm.start()]
        by = _PASSIVE_BY_RE.match(text, vm.end()) if _PASSIVE_RE.search(prefix) else None
        if by is not None:  # "I have been told by Shidehara that …": Shidehara's statement
            m = index.starting_at(by.end())
            if m is not None:
                return Clause(named(m, text, by.end()), "name", verb, m.end, False)
            u = _BY_NAME_RE.match(text, by.end())
            if u is not None and u.group(0).split()[0] not in _NOT_BY:  # a name the linker does not know
                words = text[by.start("h") if by.group("h") else by.end():u.end()]
                return Clause(Speaker(words, None, 0.3, f"'{words}': no person mention covers these words"),
                              "name", verb, u.end(), False)
        end = sent.start + between_end(prefix)
        found = _subject(text, sent.start, end, index, state)
        if verb in FIRST_PERSON_VERBS and (found is None or found[2] != "I" or other_speaking(state)):
            continue  # "I hope", "I have the honor to": the writer's own words, not inside another's turn
        if found is not None:
            start, speaker, form = found
            if intro_allows(text[sent.start:start]):
                paren = text[sent.start:start].rstrip().endswith(",") and text[vm.end():vm.end() + 1] == ","
                return Clause(speaker, form, verb, vm.end(), paren)
            if form == "I" and _AND_I_RE.search(text, sent.start, start):
                return Clause(speaker, form, verb, vm.end(), False)  # "Mr. Ughet called on me and I asked him"
        bare = prefix[:between_end(prefix)] + " "
        if bare.endswith(" and "):  # "The Russian Ambassador called to-day and (first) said …"
            coord = _coordinated(text, sent, sent.start + len(bare) - 5, index)
            if coord is None and state.this_subject is not None and state.this_subject.person_id is None:
                coord = _coordinated_unlinked(text, sent, sent.start + len(bare) - 5, state.this_subject)
            if coord is not None:
                return Clause(coord, "name", verb, vm.end(), False)
        if prefix.rstrip().endswith(","):  # inverted: "…, said Kennedy, …"
            at = vm.end() + 1
            h = HONORIFIC_AT_RE.match(text, at)
            m = index.starting_at(at) or (index.starting_at(h.end()) if h is not None else None)
            if m is not None and text[vm.end()] == " ":
                return Clause(named(m, text, at), "name", verb, vm.end(), True)
            pm = re.match(r" (he|she)\b", text[vm.end():vm.end() + 4])
            if pm is not None and state.last is not None:
                return Clause(pronoun(state, pm.group(1), index, vm.end()), "pronoun", verb, vm.end(), True)
    return None


def other_speaking(state: ReadState) -> bool:
    """Whether someone other than the record's "I" holds the floor (his "I think" is his own)."""
    last = state.last
    return last is not None and last.text not in ("I", "(I)") and (
        last.person_id is None or last.person_id != state.author.person_id)


_PASSIVE_RE = re.compile(r"\b(?:been|was|were|is|are|am)\s+$")
_BY_NAME_RE = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?(?=[\s,.;:])")
_NOT_BY = frozenset("The This That His Her Their My Our Your Telegraph Telegram Letter Note Cable Mail "
                    "Order Orders Instruction Instructions Government Department".split())
_PASSIVE_BY_RE = re.compile(r"(?:\s+(?:to|at|in)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?\s+by\s+"
                            r"(?P<h>(?:Mr|M|Señor|Sir|Lord|General|Baron|Count|Prince|Dr|Senator)\.?\s+)?")
"""The agent of a passive speech verb, a short phrase allowed between ("was expressed to the
meeting by Senator Robinson")."""


def sentence_subject(text: str, sent: Span, index: MentionIndex) -> tuple[Mention, int] | None:
    """The mention a sentence opens with ("Clemenceau called on me", "Mr. Lansing brought up")."""
    m = opening_mention(text, sent, index)
    return (m, m.end) if m is not None else None


def _coordinated(text: str, sent: Span, and_at: int, index: MentionIndex) -> Speaker | None:
    """The subject of a coordinated predicate: "<subject> called to-day and said"."""
    found = sentence_subject(text, sent, index)
    if found is None:
        return None
    m, end = found
    between = text[end:and_at]
    if "," in between or len(between.split()) > 8 or index.within(end, and_at) or VERB_RE.search(between):
        return None
    return named(m, text, sent.start)


def _coordinated_unlinked(text: str, sent: Span, and_at: int, subject: Speaker) -> Speaker | None:
    """The same with a subject no mention covers ("The Marshal sent for me and told me …"): the
    words that open the sentence, a short predicate without a comma or a verb of speech between."""
    words = subject.text.split(" (")[0]  # "The Marshal (Graziani)" opens with "The Marshal"
    if not text.startswith(words, sent.start):
        return None
    between = text[sent.start + len(words):and_at]
    if "," in between or len(between.split()) > 8 or VERB_RE.search(between):
        return None
    return subject


_SUBJECT_REACH = 240
"""How far before the verb the subject patterns look (a name, an office, a pronoun and the words
between it and the verb are far shorter)."""


def _subject(text: str, floor: int, end: int, index: MentionIndex,
             state: ReadState) -> tuple[int, Speaker, str] | None:
    m = index.ending_at(end)
    if m is not None and m.start >= floor:
        start = m.start
        h = HONORIFIC_RE.search(text, max(floor, start - 12), start)
        if h is not None and h.end() == start:
            start = h.start()
        if m.person_id is None and m.kind == "title":
            held = office_held(state, text[start:m.end], start)
            if held is not None:
                return start, held, "name"
        return start, named(m, text, start), "name"
    before = text[floor:end]
    # the patterns below end at the verb: read the last stretch only (a subject is short)
    lo = max(floor, end - _SUBJECT_REACH)
    sm = STYLE_RE.search(text, lo, end)
    if sm is not None:  # "His lordship replied": the person last addressed
        words = sm.group(1)
        said = [*state.out, state.current] if state.current is not None else state.out
        to = next((st for st in reversed(said) if st.addressee_id is not None), None)
        last = state.last
        if to is None and last is not None and last.text not in ("I", "(I)", "(he)") and last.text not in PRONOUNS \
                and (last.person_id is None or last.person_id != state.author.person_id):
            return sm.start(1), Speaker(words, last.person_id, min(last.confidence, 0.6),
                                                f"'{words}' with nobody addressed before it: the last speaker, "
                                                f"{last.text}"), "name"
        if to is None:
            near = antecedent(index, sm.start(1), floor=state.floor, not_id=state.author.person_id)
            if near is not None:
                return sm.start(1), Speaker(words, near.person_id, 0.4 if near.person_id else 0.2,
                                                     f"'{words}' with nobody addressed before it: the person named "
                                                     f"nearest before, {near.text}"), "name"
            return sm.start(1), Speaker(words, None, 0.0, f"'{words}' with nobody addressed before it"), "name"
        return sm.start(1), Speaker(words, to.addressee_id, 0.7,
                                             f"'{words}': the person last addressed, {to.addressee_text}"), "name"
    um = _UNDERSIGNED_RE.fullmatch(text, floor, end)
    if um is not None:  # "The undersigned, Envoy Extraordinary …, has the honor": the note's signer
        return um.start(1), author_speaker(state.author, 0.85, "'the undersigned' is the note's signer"), "I"
    pm = PRONOUN_RE.search(text, lo, end)
    if pm is not None:
        start = pm.start(1)
        if pm.group(1) == "I" or any(w in pm.group(1).lower() for w in ("undersigned", "affiant", "deponent")):
            # a note's "undersigned", an affidavit's "affiant": the record's "I"
            return start, author_speaker(state.author, 0.85), "I"
        return start, pronoun(state, pm.group(1), index, start), "pronoun"
    nm = UNLINKED_END_RE.search(text, lo, end)
    if nm is not None:
        words = nm.group(1)
        held = office_held(state, words, nm.start(1))
        if held is not None:
            return nm.start(1), held, "name"
        return nm.start(1), Speaker(words, None, 0.3, f"'{words}': no person mention covers these words"), "name"
    lm = LATTER_RE.search(before)
    if lm is not None:  # "Latter informed him …": the person named last before it
        near = antecedent(index, floor + lm.start(1), floor=state.floor, not_id=None)
        if near is not None:
            return floor + lm.start(1), Speaker(lm.group(1), near.person_id, 0.6 if near.person_id else 0.2,
                                                 f"'{lm.group(1)}': the person named last before it, {near.text}"), "name"
        return None
    bare = bare_surname(before)
    if bare is not None:  # "Dennis says …": a surname the linker did not take
        return floor, Speaker(bare, None, 0.2, f"'{bare}': a surname as subject, no person mention covers it"), "name"
    tail = _TAIL_SURNAME_RE.search(before)
    bare = bare_surname(tail.group(1)) if tail is not None and not _DETERMINER_END_RE.search(
        before, 0, tail.start(1)) else None  # "the Foreign Office now knows" names a body
    if tail is not None and bare is not None:  # "After he had gone Mello Franco said …" (the caller checks the opening)
        return floor + tail.start(1), Speaker(bare, None, 0.2, f"'{bare}': a surname as subject, no person "
                                                               f"mention covers it"), "name"
    return None


def unlinked_subject(text: str, sent: Span, state: ReadState) -> Speaker | None:
    """A sentence opening with a name or office no mention covers ("Senator Copeland called …")."""
    m = UNLINKED_RE.match(text, sent.start, sent.end) or OPEN_OFFICE_RE.match(text, sent.start, sent.end)
    if m is None:
        b = _OPENING_SURNAME_RE.match(text, sent.start, sent.end)  # "Swanson on the other hand dislikes …"
        name = bare_surname(b.group(1)) if b is not None else None
        # a capital opening a sentence is a name only if the record also prints it with a capital
        # inside a sentence ("… a talk with Swanson and Borah"): "Denying", "Some" are not
        if name is None:
            return None
        if state.inner_capitals is None:
            state.inner_capitals = frozenset(_INNER_CAPITAL_RE.findall(text))
        if name.split()[0] not in state.inner_capitals:
            return None
        return Speaker(name, None, 0.2, f"'{name}': a surname opening the sentence, no person mention covers it")
    words = m.group(0)
    return office_held(state, words, sent.start) or Speaker(words, None, 0.3, f"'{words}': no person mention covers these words")


__all__ = ["other_speaking", "sentence_subject", "speech_clause", "unlinked_subject"]
