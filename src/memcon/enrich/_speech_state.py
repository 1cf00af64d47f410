"""The reading state of the statement extractor (``memcon.statements.v7``): a speaker as found, a
speech clause, what the extractor remembers while it reads a record (the last speaker, the other
one, the sentence's subject …), and who "he" is.

DOCS: docs/statements.md#whose-statement-is-it
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from memcon.enrich._speech_people import Author, MentionIndex
from memcon.enrich._speech_subjects import conversation_with
from memcon.enrich._speech_text import HONORIFIC_RE
from memcon.enrich._speech_turns import antecedent, holder_key, office_word
from memcon.model.people import Mention
from memcon.model.speech import Statement

PRONOUNS = frozenset({"I", "he", "He", "she", "She"})
_QUALIFIED_RE = re.compile(r"\b(?:for|of)\s+[A-Z]|\b(?:Foreign|Prime|War|Finance|Navy|Naval|Interior|Colonial|"
                           r"Home|Commerce|Justice|Agriculture|Trade|Labor|Labour)\s")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as found: the words that name him, the person (``None``: unresolved), how sure, why."""

    text: str
    person_id: str | None
    confidence: float
    reason: str
    shown: str | None = None
    """For the record's own "I" whose author the authority does not hold: his name as printed
    ("Basil Miles"), shown as the statement's speaker once the record is read."""


@dataclass(frozen=True, slots=True)
class Clause:
    """A speech clause of a sentence: its speaker, the subject's form, the verb and where it ends."""

    speaker: Speaker
    form: str
    """``name`` (a mention or an unlinked office), ``pronoun`` (he/she), ``I``."""
    verb: str
    verb_end: int
    parenthetical: bool


class ReadState:
    """What the extractor remembers while it reads one record."""

    def __init__(self, author: Author) -> None:
        self.author = author
        self.inner_capitals: frozenset[str] | None = None
        """Capitalised words the record prints inside a sentence (read once, when first asked)."""
        self.last: Speaker | None = None
        self.out: list[Statement] = []
        self.current: Statement | None = None
        """The statement the paragraph being read has open."""
        self.quiet = 0
        """Paragraphs read since the last speech clause."""
        self.previous_subject: Speaker | None = None
        """The person the previous sentence opened with: "he" when no one spoke before."""
        self.colon = False
        """Whether a paragraph read since the last speech clause ended with a colon."""
        self.this_subject: Speaker | None = None
        """The person the sentence being read opens with ("Senator Copeland called …, so he stated")."""
        self.headings = 0
        """Headings of messages read so far (the record's own is the first)."""
        self.offices: dict[str, list[Mention]] = {}
        """Offices the record names a holder of ("Dr. Aranha, the Brazilian Ambassador")."""
        self.floor = 0
        """Where "he" may look back to for a person named: the paragraph before the current one."""
        self.previous_para = -1
        """Where the paragraph before the current one starts (-1: none)."""
        self.text = ""
        """The record's text."""
        self.sent_start = 0
        """Where the sentence being read starts."""
        self.other: Speaker | None = None
        self.shown: dict[int, str] = {}
        """Statement start → the printed name of an unresolved author who speaks as "I" there."""
        self.other_at = -1
        """The last speaker who is not the record's "I" (named, or "he" resolved): "he" after "I" —
        when he spoke in this paragraph or the one before (``other_at``, where his statement starts)."""


def previous_other(state: ReadState, sp: Speaker) -> Speaker | None:
    """The last resolved speaker before who is not ``sp``: "him" in "told him"."""
    for st in reversed(state.out):
        if st.speaker_id is not None and st.speaker_id != sp.person_id:
            return Speaker(st.speaker_text, st.speaker_id, st.confidence, st.reason)
    return None


_HEADS = frozenset({"President", "Prince", "Viceroy", "Sultan", "Shah", "Khedive", "Emperor"})
"""Heads of state and princes: a record names other countries' too, so only one named before counts."""


def office_held(state: ReadState, words: str, at: int) -> Speaker | None:
    """An unresolved office ("The Ambassador", "the prince") at offset ``at`` whose holder the
    record names: the one person it names with that office, else, of several ("Prince Ching",
    "Prince Kung"), the one named nearest before ``at`` — not an office named more closely ("The
    Minister for Foreign Affairs", "the Foreign Minister" is not "The Minister in Norway
    (Schmedeman)")."""
    if _QUALIFIED_RE.search(words):
        return None
    office = office_word(words)
    holders = state.offices.get(office, []) if office is not None else []
    if not holders:
        return None
    if office in _HEADS:  # "President Ubico" named after "The President stated …" is another country's
        holders = [m for m in holders if m.start < at]
        if not holders:
            return None
    people = {holder_key(m) for m in holders}
    if len(people) == 1:
        holder, how, confidence = holders[0], f"the record names {holders[0].text} as its {office}", 0.6
    else:
        before = [m for m in holders if m.start < at]
        if not before:
            return None
        holder, confidence = before[-1], 0.4
        how = f"of the {len(people)} it names {office}, {holder.text} is named nearest before"
    shown = words if holder.person_id else f"{words} ({holder.text})"  # "The Marshal (Graziani)"
    return Speaker(shown, holder.person_id, confidence if holder.person_id else 0.2, f"'{words}': {how}")


def author_speaker(author: Author, confidence: float, how: str = "'I' is the record's author",
                   text: str = "I") -> Speaker:
    """The record's own "I" (or "(I)", "the undersigned", "affiant") as a speaker: the author's person
    at ``confidence`` when he is resolved (0.3 when not, shown by his printed name)."""
    return Speaker(text, author.person_id, confidence if author.person_id else 0.3, f"{how}: {author.reason}",
                   author.text if author.person_id is None else None)


def named(m: Mention, text: str, start: int) -> Speaker:
    """The speaker a mention names, his words from ``start`` (with an honorific before it); a
    title the resolver tied to a name the authority does not hold is shown with it, as FRUS
    headings do: "The Italian Ambassador (De Martino)"."""
    words = text[start:m.end]
    if m.person_id is None and m.name:
        words = f"{words} ({m.name})"
    if m.person_id is None:
        return Speaker(words, None, 0.3, f"'{m.text}' found but unresolved: {m.reason}".rstrip(": "))
    base = 0.9 if m.kind == "name" else 0.85
    return Speaker(words, m.person_id, base * (m.confidence or 1.0), f"{m.kind} mention '{m.text}' ({m.method})")


_NOT_NAMES = frozenset({*PRONOUNS, "(I)", "(he)", "his excellency", "His Excellency", "His excellency"})


def _as(word: str, source: str | None, person_id: str | None) -> str:
    """The words a pronoun's speaker is shown by: the pronoun when he is resolved (the person
    says who); else the words that named him before ("He" after "Dr. Lozano said" is shown as
    "Dr. Lozano"), so that an unresolved speaker is not a bare "He"."""
    if person_id is not None or not source or source in _NOT_NAMES:
        return word
    return source


def pronoun(state: ReadState, word: str, index: MentionIndex, at: int) -> Speaker:
    """Who "he" is: the last speaker; when that is the record's own "I" (or nobody spoke yet),
    the person last addressed, the other speaker before, the previous sentence's subject or the
    person named nearest before it — never the "I"."""
    last = state.last
    me = state.author.person_id
    this = state.this_subject
    w = conversation_with(state.text, state.sent_start, at, index) if word in ("he", "she") else None
    if w is not None:
        state.last = named(w, state.text, w.start)
        return Speaker(_as(word, state.last.text, w.person_id), w.person_id, min(state.last.confidence, 0.7),
                        f"'{word}': the person the conversation was with, {w.text}")
    if this is not None and word in ("he", "she") and (this.person_id is None or this.person_id != me):
        # "Senator Copeland called on the Secretary …, so he stated": the sentence's own subject
        state.last = this
        return Speaker(_as(word, this.text, this.person_id), this.person_id, min(this.confidence, 0.75),
                        f"'{word}': the subject of its own sentence, {this.text}")
    if last is not None and last.text not in ("I", "(I)"):
        return Speaker(_as(word, last.text, last.person_id), last.person_id, min(last.confidence, 0.75),
                        f"'{word}' keeps the last speaker, {last.text}")
    found: Speaker | None = None
    if last is not None:
        said = [*state.out, state.current] if state.current is not None else state.out
        to = next((st for st in reversed(said[-3:]) if st.addressee_id not in (None, me)), None)
        if to is not None:
            found = Speaker(word, to.addressee_id, 0.6, f"'{word}' after the record's 'I': the person "
                             f"addressed, {to.addressee_text}")
        elif state.other is not None and state.other.text not in ("I", "(I)") and state.other_at >= state.floor:
            o = state.other  # "I pointed out …. He thought I was misinformed": the one I talk with
            found = Speaker(_as(word, o.text, o.person_id), o.person_id, min(o.confidence, 0.6),
                            f"'{word}' after the record's 'I': the "
                             f"other speaker, {o.reason if o.text in PRONOUNS or o.text == '(he)' else o.text}")
        else:
            # the other speaker before: one named, or a "he" already resolved ("He replied …. I
            # pointed out …. He thought I was misinformed": the one I talk with)
            other = next((st for st in reversed(said) if (st.speaker_id is None or st.speaker_id != me)
                          and st.speaker_text not in ("I", "(I)")
                          and (st.speaker_id is not None or st.speaker_text not in (*PRONOUNS, "(he)"))), None)
            if other is not None:
                found = Speaker(_as(word, other.speaker_text, other.speaker_id), other.speaker_id,
                                0.6 if other.speaker_id else 0.2,
                                 f"'{word}' after the record's 'I': the other speaker, {other.speaker_text}")
    prev = state.previous_subject
    if found is None and prev is not None and (prev.person_id is None or prev.person_id != me):
        found = Speaker(_as(word, prev.text, prev.person_id), prev.person_id, min(prev.confidence, 0.7),
                         f"'{word}': the previous sentence's subject, {prev.text}")
    if found is None:
        m = antecedent(index, at, floor=state.floor, not_id=me, text=state.text,
                       not_name=state.author.text if me is None else None)
        if m is not None:
            shown = f"{m.text} ({m.name})" if m.name and m.person_id is None else m.text
            if m.person_id is None and state.text:  # with its honorific: "Mr. Thouvenel"
                h = HONORIFIC_RE.search(state.text, max(0, m.start - 12), m.start)
                if h is not None and h.end() == m.start:
                    shown = state.text[h.start():m.start] + shown
            found = Speaker(_as(word, shown, m.person_id), m.person_id, 0.5 if m.person_id else 0.2,
                             f"'{word}': the person named nearest before it, {shown}"
                             + ("" if m.person_id else " (unresolved)"))
    if found is None:
        return Speaker(word, None, 0.0, f"'{word}' with no speaker before it")
    state.last = Speaker(found.text if found.text != word else word, found.person_id, found.confidence, found.reason)
    return found


__all__ = ["Clause", "ReadState", "Speaker", "author_speaker", "office_held", "named", "previous_other", "pronoun"]
