"""Statements: who said what in a memorandum of conversation, minutes, a cable or a despatch.

:func:`extract_statements` segments ``Document.text`` into :class:`~memcon.model.speech.Statement`
records, each a span of the speaker's words (offsets into the text, so ``document.page_at``
cites it), attributed through the person mentions the linker and title resolver found:

* **reported** — a sentence whose subject names a speaker before a speech verb ("Mr. Khrushchev
  said that …", "The President observed …", "Gromyko reemphasized …"), also after an
  introductory phrase closed by a comma ("Noting that …, Mr. Khrushchev said …", "In response
  to the President's inquiry whether …, Mr. Khrushchev said …": the statement is Khrushchev's,
  the main clause's speaker — the President's question is only reported as its occasion), or
  inverted ("…, said Kennedy, …"; "…, but, Mr. Khrushchev said, he is sure …");
* **continuation** — "He said …", "he continued", and a new paragraph without a new speaker:
  the last speaker is kept; sentences without a speech clause extend the current statement;
* **direct** — a speaker's own words: a continuation paragraph in the first or second person,
  or a parenthetical clause inside first-person words ("I should be glad, Kennedy stressed, …");
* **first-person** — "I said …", "I answered Kennedy …": the record's author (``author_id``,
  else found in the document: :func:`memcon.enrich._speech_people.find_author`);
* **point** — the opening speaker of a numbered point of minutes ("General Bliss began …");
* **quotation** — a text read out ("Kennedy read the following passage …:" and the quoted
  paragraphs that follow): attributed to the reader, marked as not his own words.

The speaker is a mention covering the speaker's words (``speaker_id``); "he" keeps the last
speaker; a name or office no mention resolves stays ``None`` with the reason — never a guess.
The addressee is the person named after the verb ("told the President", "replied to
Gromyko"), else, when exactly two persons speak in the record, the other one.

DOCS: docs/statements.md
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from memcon.enrich._speech_clause import other_speaking, sentence_subject, speech_clause, unlinked_subject
from memcon.enrich._speech_names import unlinked_names
from memcon.enrich._speech_people import Author, MentionIndex, find_author
from memcon.enrich._speech_state import (
    Clause,
    ReadState,
    Speaker,
    author_speaker,
    named,
    previous_other,
    pronoun,
)
from memcon.enrich._speech_subjects import (
    pronoun_clause,
    relative_clause,
)
from memcon.enrich._speech_text import (
    ADDRESSEE_RE,
    FIRST_SECOND_RE,
    HONORIFIC_AT_RE,
    HONORIFIC_RE,
    NARRATIVE_RE,
    QUOTES,
    READING_VERBS,
    Span,
    paragraphs,
    sentences,
    skip_paragraph,
)
from memcon.enrich._speech_turns import (
    implied_addressees,
    inner_author,
    is_inner_heading,
    noted_holders,
    office_holders,
    quotation,
    relay_statements,
    relayed,
    second_clause,
)
from memcon.model.people import Mention
from memcon.model.records import Document
from memcon.model.speech import Statement

METHOD = "memcon.statements.v7"
_ADDRESSING = frozenset({"told", "informed", "assured", "thanked", "asked", "answered", "replied",
                         "responded", "warned", "urged", "promised", "requested", "queried"})
_HEADING_RE = re.compile(r"[^\n]{3,90} to [^\n]{3,90}\n[A-Z][^\n]{0,60}\b1[6-9]\d\d\b[^\n]*(?:\n\[[^\n]*\])?$")
_QUIET_PARAGRAPHS = 1
"""A paragraph with no speech clause and no first or second person continues the last speaker only
this many paragraphs after his last speech verb: a report's own prose is nobody's statement."""
_FIRST_SINGULAR_RE = re.compile(r"\b(?:I|me|my|My)\b")
_TO_HIM_RE = re.compile(r"\s+(?:to\s+)?(?:him|her|them)\b")
_MINUTES_RE = re.compile(r"\b(?:minutes|notes of|proceedings|meeting of|procès-verbal)\b", re.I)


def extract_statements(
    document: Document, mentions: Sequence[Mention], *, author_id: str | None = None
) -> tuple[Statement, ...]:
    """The statements of ``document``, in text order, never overlapping.

    ``mentions`` are the document's person mentions (``Store.mentions(doc_id)``; footnote
    mentions are ignored).  ``author_id`` is the person the record's "I" is when the caller
    knows it; otherwise it is looked for in the document (signature, signer, authors, heading
    sender).  Pure: the same inputs give the same statements.
    """
    text = document.text
    index = MentionIndex([*mentions, *unlinked_names(text, mentions)])
    paras = list(paragraphs(text))
    state = ReadState(find_author(document, index, author_id=author_id, paras=paras))
    state.text = text
    state.offices = office_holders(text, index)
    for office, noted in noted_holders(text, document.footnotes, mentions).items():
        state.offices[office] = sorted([*state.offices.get(office, []), *noted], key=lambda m: m.start)
    minutes = bool(_MINUTES_RE.search(document.heading or "")) or bool(_MINUTES_RE.search(text[:300]))
    i = 1 if paras and paras[0].start == 0 else 0  # the heading paragraph (number, title, dateline)
    numbered = False
    while i < len(paras):
        para = paras[i]
        chunk = text[para.start:para.end]
        if re.fullmatch(r"(?:\d{1,3}|[IVXLC]{1,6})\.", chunk):
            numbered = True
            i += 1
            continue
        i = _paragraph(document, index, state, paras, i, point=minutes and (numbered or bool(
            re.match(r"\d{1,3}\.\s", chunk))))
        numbered = False
        relay = relayed(text, paras, i - 1, index) if i < len(paras) else None
        if relay is not None:  # "Following for you from Wiseman (Starts)": his message, in his words
            who, first, last = relay
            state.out.extend(relay_statements(text, paras, who, first, last, METHOD))
            state.last = None
            i = last + 1
    return implied_addressees(tuple(_shown(st, state.shown) for st in state.out))


def _shown(st: Statement, shown: dict[int, str]) -> Statement:
    """The record's own "I" whose author the authority does not hold, shown by his printed name."""
    name = shown.get(st.start)
    if name is None or st.speaker_id is not None or st.speaker_text not in ("I", "(I)"):
        return st
    return replace(st, speaker_text=name)


def _paragraph(document: Document, index: MentionIndex, state: ReadState, paras: list[Span], i: int,
               *, point: bool) -> int:
    """Segment paragraph ``i``; return the index of the next paragraph to read."""
    text = document.text
    para = paras[i]
    chunk = text[para.start:para.end]
    if skip_paragraph(chunk):
        return i + 1
    if _HEADING_RE.match(chunk) or is_inner_heading(chunk):
        state.last = state.other = None  # another document's heading inside this one ("Mr. Miller to Colonel House")
        state.headings += 1
        state.previous_para = -1
        inner = inner_author(text, para.start, para.end, index) if state.headings > 1 or state.out or i >= 3 else None
        if inner is not None:  # an enclosure's "I" is its own writer
            state.author = inner
        return i + 1
    deponent = _DEPONENT_RE.match(chunk) or _SWORN_RE.match(chunk) or _APPEARED_RE.search(chunk)
    if deponent is not None:  # "I, George Washington Robbins, of Sandridge, …": a deposition's own writer
        state.author = _deponent(text, para.start + deponent.start("name"), para.start + deponent.end("name"), index)
        state.last = author_speaker(state.author, 0.6)  # all he says after it is his
    current: Statement | None = None
    spoke = False
    state.floor = state.previous_para if state.previous_para >= 0 else para.start
    state.previous_para = para.start
    for n, sent in enumerate(sentences(text, para)):
        state.current = current
        state.sent_start = sent.start
        own = sentence_subject(text, sent, index)
        state.this_subject = named(own[0], text, _honorific_start(text, own[0], sent.start)) if own is not None \
            else unlinked_subject(
            text, sent, state)
        clause = speech_clause(text, sent, index, state)
        if clause is not None and clause.form == "I" and current is not None \
                and current.speaker_id != state.author.person_id and current.kind == "direct" \
                and not _TO_HIM_RE.match(text, clause.verb_end):
            clause = None  # "I declared" inside another speaker's own words is his "I" ("I told him" is not)
        if clause is not None:
            spoke = True
            if current is not None:
                state.out.append(current)
            current = _open(document, index, state, sent, clause, point=point and n == 0)
            after = clause.verb_end
            while (two := second_clause(text, after, sent.end, index, current.speaker_id)
                   or relative_clause(text, after, sent.end, index, current.speaker_id)) is not None:
                cut, m, verb, verb_end = two  # "…, and Lloyd George replied that …"
                state.out.append(replace(current, end=cut))
                current = _open(document, index, state, Span(m.start, sent.end),
                                Clause(named(m, text, m.start), "name", verb, verb_end, False), point=False)
                after = verb_end
            pc = pronoun_clause(text, after, sent.end) if clause.form == "I" else None
            if pc is not None:  # "I told Mr. Hoover …, but he said that …": the one "I" spoke to
                cut, word, verb, verb_end = pc
                state.out.append(replace(current, end=cut))
                state.current = None
                current = _open(document, index, state, Span(cut, sent.end),
                                Clause(pronoun(state, word, index, cut), "pronoun", verb, verb_end, False), point=False)
                current = replace(current, start=_skip_join(text, cut))
            if clause.verb in READING_VERBS and text[:sent.end].rstrip().endswith(":"):
                state.out.append(current)
                return _quotation(document, state, paras, i + 1, current)
        elif (rel := relative_clause(text, sent.start, sent.end, index, None)) is not None:
            cut, m, verb, verb_end = rel  # "… he saw Balfour at four o'clock who said that …"
            spoke = True
            if current is not None:
                state.out.append(replace(current, end=max(current.end, _end_before(text, cut))))
            current = _open(document, index, state, Span(cut, sent.end),
                            Clause(named(m, text, cut), "name", verb, verb_end, False), point=False)
        elif current is None and _I_OPENS_RE.match(text, sent.start, sent.end) is not None \
                and not other_speaking(state) and (state.author.person_id or state.author.text):
            # the writer's own words in the first person, with or without a verb of speech: "I
            # deemed the matter of sufficient importance …" is what the despatch says to its reader
            state.last = author_speaker(state.author, 0.6)
            if state.last.shown is not None:
                state.shown[sent.start] = state.last.shown
            current = Statement(sent.start, sent.end, "I", state.author.person_id, "first-person", None, None, None,
                                state.last.confidence, METHOD, f"the writer's own words: {state.last.reason}")
        elif current is not None:
            current = replace(current, end=sent.end)
        elif state.last is not None and not NARRATIVE_RE.match(text[sent.start:sent.end]) and (
                state.quiet < _QUIET_PARAGRAPHS or _own_words_run(text, state, text[sent.start:para.end])
                or _author_goes_on(state)):
            words = text[sent.start:para.end]
            kind = "direct" if FIRST_SECOND_RE.search(words) else "continuation"
            last = state.last
            author = state.author
            before = text[state.out[-1].start:state.out[-1].end] if state.out else ""
            if (_FIRST_SINGULAR_RE.search(words) and author.person_id is not None and last.person_id != author.person_id
                    and not re.match(r"(?:He|She|he|she)\b", words)
                    and state.out and (not FIRST_SECOND_RE.search(before) or (
                        sent.start == para.start and re.match(r"(?:I|My)\s", words) is not None
                        and state.out[-1].kind in ("reported", "continuation")
                        and not re.search(r"\b(?:I|my|we|our)\b", before)))):
                # after reported (third-person) speech, "I" in the record's own prose is its author
                last = Speaker("I", author.person_id, 0.6, f"the record's own words after reported speech: "
                                f"'I' is the record's author: {author.reason}")
                state.last = last
                kind = "first-person"
            if last.shown is not None:
                state.shown[sent.start] = last.shown
            current = Statement(sent.start, sent.end, last.text, last.person_id, kind, None, None, None,
                                round(min(last.confidence, 0.6), 3), METHOD,
                                last.reason if kind == "first-person" else
                                f"no new speaker in this paragraph: {last.text} continues ({last.reason})")
        state.previous_subject = state.this_subject
    if current is not None:
        state.out.append(current)
    state.quiet = 0 if spoke else state.quiet + 1
    state.colon = chunk.rstrip().endswith(":") or (state.colon and not spoke)
    return i + 1


_I_OPENS_RE = re.compile(
    r"(?:\[[^\]\n]{1,12}\]\s*)?(?:(?:[^,;:\n]{1,80},\s+|(?:This|Yesterday|To-day|Today|Last)(?:\s+(?:morning|"
    r"afternoon|evening|night|week))?\s+)?I\s+(?:[a-z]|I\b)|My\s+(?:own\s+)?[a-z]+\s+(?:was|is|has|had|with)\b)")
"""A sentence whose subject is the writer: "I deemed …", "Referring to my No. 417, I communicated …",
"This morning I had …", "My own opinion was …"."""
_DEPONENT_RE = re.compile(
    r"(?:[A-Z][\w ,.]{0,40}?\s)?I,\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]+),\s+(?:of|a|an|the|residing|"
    r"being|do|aged|born|late)\b")
"""A deposition's opening: "I, George Washington Robbins, of Sandridge …", "Personally appeared
before me … I, John Smith, a citizen …"."""


_APPEARED_RE = re.compile(
    r"\bpersonally appeared(?: before me)?,?\s+(?P<name>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]+),[^.]{0,160}?"
    r"\b(?:deposes and says|(?:being|having been|having) (?:first |duly )*sworn)")
"""An affidavit's opening: "… personally appeared before me John Allmand, an American citizen, who,
having duly sworn on his oath, deposes and says …"."""
_SWORN_RE = re.compile(
    r"(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}),?\s+being\s+(?:first\s+)?(?:duly\s+)?sworn,?\s+"
    r"(?:deposes\s+and\s+)?says?\b")
"""A witness's sworn words in a record of proceedings: "Henry Brunk being duly sworn, says: I repeat …"."""


def _deponent(text: str, start: int, end: int, index: MentionIndex) -> Author:
    """The writer a deposition names in its first words: the person linked there, else his name."""
    ids = {m.person_id for m in index.within(start, end) if m.person_id is not None}
    name = " ".join(text[start:end].split())
    if len(ids) == 1:
        return Author(ids.pop(), name, f"the deposition's own words: 'I, {name}'")
    return Author(None, name, f"the deposition's own words: 'I, {name}' (not a person of the authority)")


def _honorific_start(text: str, m: Mention, floor: int) -> int:
    """Where a mention starts with its honorific ("Mr. Hoover")."""
    h = HONORIFIC_RE.search(text, max(floor, m.start - 12), m.start)
    return h.start() if h is not None and h.end() == m.start else m.start


def _end_before(text: str, at: int) -> int:
    """The end of the words before offset ``at``, blanks left out."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _skip_join(text: str, at: int) -> int:
    """Where a second clause's words start after the end of the first ("…, but he said")."""
    m = re.match(r"[\s,;]*(?:and|but|whereupon|to which)?\s*", text[at:at + 20])
    return at + (m.end() if m is not None else 0)


def _own_words_run(text: str, state: ReadState, words: str) -> bool:
    """Whether a paragraph in the first or second person goes on a run of the last speaker's own
    words (the statement before it is direct or in the first person), however long the run."""
    if not FIRST_SECOND_RE.search(words) or not state.out:
        return False
    before = state.out[-1]
    return before.kind in ("direct", "first-person") or bool(FIRST_SECOND_RE.search(text[before.start:before.end]))


def _author_goes_on(state: ReadState) -> bool:
    """Whether the record's author was the last to speak, in the first person: a cable's or
    despatch's own paragraphs after it are the author's words to the addressee ("The Soviet
    government is standing for peaceful coexistence …"), however many — up to a paragraph ending
    with a colon: the text it introduces ("the following articles:") is not his."""
    last = state.last
    author = state.author
    return (last is not None and last.text in ("I", "(I)") and not state.colon
            and (last.person_id == author.person_id if last.person_id is not None
                 else author.person_id is None and author.text is not None and last.shown == author.text))


def _open(document: Document, index: MentionIndex, state: ReadState, sent: Span, clause: Clause,
          *, point: bool) -> Statement:
    text = document.text
    sp = clause.speaker
    if clause.form == "I":
        kind = "first-person"
    elif clause.form == "pronoun":
        kind = "continuation"
    elif point:
        kind = "point"
    elif text[sent.start] in QUOTES or (clause.parenthetical and FIRST_SECOND_RE.search(text[sent.start:sent.end])):
        kind = "direct"
    else:
        kind = "reported"
    addressee_text: str | None = None
    addressee_id: str | None = None
    if clause.verb in _ADDRESSING or clause.verb in {"said", "stated", "expressed", "explained", "declared"}:
        m = ADDRESSEE_RE.match(text, clause.verb_end)
        at = m.end() if m is not None else clause.verb_end
        if clause.verb not in _ADDRESSING and not text[clause.verb_end:at].strip():
            at = -1  # "said the President" is the speaker, not the addressee; "said to X" is
        mention = index.starting_at(at) if at >= 0 else None
        h = HONORIFIC_AT_RE.match(text, at) if at >= 0 and mention is None else None
        if h is not None:
            mention = index.starting_at(h.end())  # "replied to General Bliss"
        if mention is not None:
            addressee_text, addressee_id = text[at:mention.end], mention.person_id
        elif at >= 0 and re.match(r"(?:him|her)\b", text[at:at + 4]):
            other = previous_other(state, sp)
            if other is not None:
                addressee_text, addressee_id = text[at:at + 3].strip(), other.person_id
    if sp.shown is not None:
        state.shown[sent.start] = sp.shown
    st = Statement(sent.start, sent.end, sp.text, sp.person_id, kind, clause.verb, addressee_text, addressee_id,
                   round(sp.confidence, 3), METHOD, sp.reason)
    if clause.form != "pronoun":
        state.last = sp
    if clause.form != "I" and (sp.person_id is None or sp.person_id != state.author.person_id):
        state.other, state.other_at = sp, sent.start
    return st


def _quotation(document: Document, state: ReadState, paras: list[Span], j: int, reader: Statement) -> int:
    """The text ``reader`` reads out from paragraph ``j`` (:func:`quotation`); the next paragraph."""
    found, nxt = quotation(document.text, paras, j, reader, METHOD)
    if found is not None:
        state.out.append(found)
    return nxt


__all__ = ["METHOD", "extract_statements"]
