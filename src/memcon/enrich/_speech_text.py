"""Text helpers of the statement extractor: paragraphs and sentences with their offsets into
``Document.text``, the table of speech verbs, and the speech clause of a sentence
(``<speaker> [then|also|had …] <verb>``, ``…, said <speaker>,`` ``…, <speaker> said, …``).

DOCS: docs/statements.md
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Declarative speech verbs, past forms as records print them.  Multi-word verbs come first so
# that "expressed the hope" wins over "expressed".  Verbs of acts that are not speech
# ("admitted" in a story told by the speaker, "began" alone) are left out on purpose.
SPEECH_VERBS: tuple[str, ...] = (
    "put in a remark", "was of the opinion", "were of the opinion", "expressed the hope",
    "made the statement", "made a statement", "made two statements", "made the following statement",
    "expressed the view", "expressed the opinion", "expressed his appreciation",
    "expressed his gratitude", "began the discussion", "opened the discussion",
    "pointed out", "brought up", "went on", "summed up", "referred to",
    "wanted to know", "wished to know", "desired to know",
    "am of the opinion", "are of the opinion", "is of the opinion", "have the honor to", "has the honor to",
    "do hereby certify", "hereby certify", "do solemnly swear", "do solemnly declare", "depose and say",
    "make oath and say",
    "beg leave to", "points out", "observes", "notes", "reported",
    "hope", "think", "believe", "trust", "propose", "suggest", "regret", "learn", "doubt", "deem",
    "said", "stated", "observed", "replied", "answered", "responded", "asked", "inquired",
    "enquired", "agreed", "warned", "proposed", "suggested", "emphasized", "emphasised",
    "reemphasized", "re-emphasized", "stressed", "underlined", "noted", "remarked", "interjected",
    "interposed", "added", "continued", "expressed", "explained", "declared", "insisted",
    "repeated", "reiterated", "reaffirmed", "recalled", "mentioned", "commented", "concluded",
    "told", "informed", "assured", "promised", "thanked", "urged", "argued", "objected",
    "conceded", "acknowledged", "affirmed", "maintained", "contended", "claimed", "protested",
    "requested", "complained", "announced", "indicated", "queried", "retorted", "countered",
    "broached", "expounded", "transmitted", "raised", "spoke", "read", "quoted", "says",
    "intimated", "advised", "conveyed", "asks", "states", "adds", "informs", "tells", "replies", "declares",
    "suggests", "proposes", "requests", "reports", "explains", "insists", "asserted", "asserts", "acquiesced", "alluded",
    "submitted", "questioned", "pleaded", "rejoined", "assented", "demurred", "reminded", "thought",
    "felt", "advises", "intimates", "urges", "argues", "maintains", "contends", "recalls", "indicates",
    "assures", "warns", "agrees", "thinks", "believes", "considers", "fears", "hopes", "saying",
)
READING_VERBS = frozenset({"read", "quoted"})
FIRST_PERSON_VERBS = frozenset({"hope", "think", "believe", "trust", "propose", "suggest", "regret", "learn", "doubt",
                                "deem", "am of the opinion", "are of the opinion", "have the honor to",
                                "beg leave to", "do hereby certify", "hereby certify", "do solemnly swear",
                                "do solemnly declare", "depose and say", "make oath and say"})
"""Verbs that make a statement only with the record's own "I" or "we" ("I hope that …", "I have
the honor to inclose …", "we are of the opinion that …"): in a letter the writer's own words."""


def trie_pattern(words: tuple[str, ...]) -> str:
    """A regular expression matching exactly ``words``, their common beginnings factored out
    ("sa(?:id|ys)…"): the same matches as ``word1|word2|…`` with the longest first, some four
    times faster over the corpus, as each position tries one branch per letter."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie)


VERB_RE = re.compile(r"\b(" + trie_pattern(SPEECH_VERBS) + r")\b")

# Words allowed between the speaker and the verb ("Mr. Khrushchev then said", "he had told"), and a
# footnote anchor after the speaker ("The Minister for Foreign Affairs[5] informed me").
_BETWEEN_RE = re.compile(
    r"(?:\[\d{1,3}\]|[\s,]+(?:then|also|later|again|further|finally|however|thereupon|immediately|first|"
    r"once more|had|has|have|would|could|might|subsequently|next|now|in turn|to-day|today|yesterday|"
    r"this morning|this afternoon|this evening|personally|accordingly|therefore|at once|in reply|in his turn|"
    r"[a-z]{2,}ly|"
    r"in conversation(?: today| to-day| yesterday| this morning| this afternoon| this evening| with me)?))*[\s,]*$")
_BETWEEN_ASCII = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f,[]-0123456789abcdefghijklmnopqrstuvwxyz"
"""Every ASCII character a match of ``_BETWEEN_RE`` may hold (``\\s`` takes \\x1c-\\x1f too)."""
PRONOUN_RE = re.compile(r"(?:^|(?<=[\s,(]))(He|he|She|she|I|[Tt]he undersigned|(?:[Tt]his |[Tt]he )?(?:[Aa]ffiant|[Dd]eponent))$")
"""A pronoun as subject; "the undersigned" of a diplomatic note is its signer, the record's "I"."""
# An unlinked name or office as subject: "General Bliss", "The Ambassador", "M. Clemenceau".
NAME_RE = re.compile(
    r"(?:^|(?<=[\s,(]))((?:(?:The|the|Mr|Mrs|Dr|M|General|Colonel|Admiral|Sir|Lord|Baron|Count|"
    r"Marshal|Signor|Senator|Ambassador|President|Secretary|Minister|Prince|Captain|Major)\.?\s+)?"
    r"[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3})$")
HONORIFIC_RE = re.compile(
    r"(?:Mr|Mrs|Dr|M|General|Colonel|Admiral|Sir|Lord|Baron|Count|Marshal|Signor|Senator|"
    r"Ambassador|President|Secretary|Captain|Major|Premier|Chairman|Señor|Senor|Señora|Signora|Monsieur|Madame|"
    r"Mme|MM|Messrs|Herr|Doctor|Prince|Princess|Marquis|Duke|Don|Dom|Judge|Governor|Lieutenant|Commander|"
    r"Commodore|Viceroy|King|Queen|Emperor|Sultan|Chancellor|Hon|Rev|Father|Bishop|Cardinal)\.?\s+$")
HONORIFIC_AT_RE = re.compile(HONORIFIC_RE.pattern[:-1])
"""An honorific where a name follows ("said Colonel House")."""
# An introductory phrase that may stand before the subject of a new speaker without a comma:
# "At this moment Kennedy put in a remark", "For my part I assured", "Further I said".
INTRO_WORDS = frozenset({
    "After", "During", "At", "In", "On", "For", "Further", "Furthermore", "Then", "Later",
    "Finally", "Thereupon", "Next", "Having", "Proceeding", "Turning", "Now", "Subsequently",
    "Lastly", "Afterwards", "Regarding", "Concerning", "As", "With", "Today", "Yesterday", "To",
})
ADDRESSEE_RE = re.compile(r"(?:\s+(?:to|with))?\s+")
NARRATIVE_RE = re.compile(
    r"^(?:The (?:conversation|meeting|discussion|talk|luncheon|dinner) (?:lasted|ended|began|"
    r"was|took)|There were present|Present:|During (?:lunch|dinner) the following)")
FIRST_SECOND_RE = re.compile(r"\b(?:I|We|we|You|you|My|my|Our|our|your|Your|me|us)\b")
_ABBREV = frozenset({
    "Mr", "Mrs", "Messrs", "Dr", "St", "Gen", "Col", "Lt", "No", "Nos", "M", "Mme", "Jr", "Sr",
    "Sen", "Gov", "Hon", "Rev", "Capt", "Adm", "Maj", "Vol", "p", "pp", "cf", "viz", "Co", "Ltd",
    "U.S", "U.S.A", "U.S.S.R", "S", "etc", "i.e", "e.g", "Esq",
})
_SENT_END_RE = re.compile(r"[.!?:](?:\[\d{1,3}\])?[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
"""A sentence's end, with a footnote anchor after its period ("… about 2:30.[5] Wiseman says …")."""
_CLOSERS = frozenset("\"”’)]")
_ANCHOR_RE = re.compile(r"\[\d{1,3}\]")
_PARA_SEP_RE = re.compile(r"\n\s*\n")
"""A blank line between paragraphs (spaces on it or not)."""
PAGE_MARK_RE = re.compile(r"\[Page [^\]]{1,12}\]\s*")
NUMBER_RE = re.compile(
    r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-z]|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)"
    r"[.)]\s+(?![A-Z]\.\s)")
"""A point's number opening a sentence ("2. ", "IV. "); not an initial before another ("C. T. Wang")."""
NUMBER_ONLY_RE = re.compile(
    r"(?:\d{1,3}|[IVXLC]{1,6}|[a-z]|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)[.)]")
QUOTES = "\"“”"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Document.text``: a paragraph or a sentence."""

    start: int
    end: int


def paragraphs(text: str, *, start: int = 0) -> Iterator[Span]:
    """The paragraphs of ``text`` from ``start`` (blank-line separated), stripped of blanks."""
    s = start
    for m in _PARA_SEP_RE.finditer(text, start):
        span = _stripped(text, s, m.start())
        if span is not None:
            yield span
        s = m.end()
    span = _stripped(text, s, len(text))
    if span is not None:
        yield span


def _stripped(text: str, s: int, e: int) -> Span | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(s, e) if e > s else None


def sentences(text: str, para: Span) -> list[Span]:
    """The sentences of one paragraph.  A period after an abbreviation ("Mr.", "U.S.") or an
    initial ("N. S. Khrushchev") ends no sentence; a leading "[Page N]" marker and a point
    number ("1. ") are left out of the sentence they precede."""
    out: list[Span] = []
    s = para.start
    for m in _SENT_END_RE.finditer(text, para.start, para.end):
        end = m.end()
        if text[m.start()] == ".":
            token = last_word(text, max(s, end - 80), end)
            if token is not None:
                token = token.rstrip(".")
                if token in _ABBREV or (len(token) == 1 and token.isupper()):
                    continue
                if s == para.start and NUMBER_ONLY_RE.fullmatch(text, s, end):
                    continue  # a point's number: "2. Mr. Khrushchev referred …"
        out.append(Span(s, end))
        s = end
        while s < para.end and text[s].isspace():
            s += 1
    if s < para.end:
        out.append(Span(s, para.end))
    trimmed = [_trim_head(text, sp) for sp in out]
    return [sp for sp in trimmed if sp.end > sp.start]


def last_word(text: str, lo: int, end: int) -> str | None:
    """The word a sentence end at ``end`` follows, looked for from ``lo``: the leftmost run of
    word characters and periods that only a stop, a footnote anchor ("[5]") and closing quotes or
    brackets follow, read backwards from the end.  The same as searching the window with the
    pattern ``([\\w.]+)[.!?:]?(?:\\[\\d{1,3}\\])?["”’)\\]]*$``, which tried every position of it
    and cost more than the rest of the sentence splitter."""
    best: tuple[int, int] | None = None  # (start, -end): the leftmost start, then the longest word
    ends = [end]
    k = end
    while k > lo and text[k - 1] in _CLOSERS:  # the closing quotes and brackets may be taken or not
        k -= 1
        ends.append(k)
    for k in ends:
        before_anchor = [k]
        if k - lo >= 3 and text[k - 1] == "]":
            o = text.rfind("[", max(lo, k - 5), k)
            if o >= 0 and _ANCHOR_RE.fullmatch(text, o, k):
                before_anchor.append(o)
        for k2 in before_anchor:
            word_ends = [k2, k2 - 1] if k2 > lo and text[k2 - 1] in ".!?:" else [k2]
            for k3 in word_ends:
                w = k3
                while w > lo and (text[w - 1] == "." or text[w - 1] == "_" or text[w - 1].isalnum()):
                    w -= 1
                if w < k3 and (best is None or (w, -k3) < best):
                    best = (w, -k3)
    return None if best is None else text[best[0]:-best[1]]


def _trim_head(text: str, sp: Span) -> Span:
    s = sp.start
    while True:
        m = PAGE_MARK_RE.match(text, s) or NUMBER_RE.match(text[s:sp.end])
        if m is None:
            break
        s = m.end() if m.re is PAGE_MARK_RE else s + m.end()
    return Span(s, sp.end)


def skip_paragraph(chunk: str) -> bool:
    """Whether a paragraph is nobody's statement: an editorial note, a signature, a date, a list of
    names one a line, a heading in capitals, the SUBJECT and PARTICIPANTS blocks."""
    if chunk.startswith("[") and chunk.endswith("]"):
        return True  # an editorial note: "[Here follows …]"
    words = chunk.split()
    if len(words) <= 4 and not re.search(r"[.?!:\"”]$", chunk) or not re.search(r"[a-z]{3}", chunk):
        return True  # a signature ("Breckinridge Long"), an ellipsis line (". . . . .")
    lines = chunk.split("\n")
    if len(lines) >= 4 and sum(map(len, lines)) / len(lines) < 25:
        return True  # a list of names, one a line
    if chunk.isupper() or len(chunk.split()) < 3 and not re.search(r"[a-z]{3}", chunk):
        return True  # a signature, a date, a heading in capitals
    return bool(re.match(r"(?:SUBJECT|PARTICIPANTS|Participants:|Subject:)", chunk))


def intro_allows(prefix: str) -> bool:
    """Whether ``prefix`` (the sentence's words before the subject) may stand before a new
    speaker: nothing, a phrase closed by a comma, or a short introductory phrase."""
    p = prefix.strip()
    if not p or p.endswith(","):
        return True
    words = p.split()
    return words[0] in INTRO_WORDS and len(words) <= 16 and VERB_RE.search(p) is None


def between_end(prefix: str) -> int:
    """Where the subject ends in ``prefix`` (the words before the verb): adverbs and
    auxiliaries between subject and verb are skipped."""
    # adverbs run a few words, not a sentence; and no match starts before a character that none
    # of them holds (a capital, a stop): searching from there gives the same match, far sooner
    lo = len(prefix) - 240
    if prefix.isascii():
        lo = max(lo, len(prefix.rstrip(_BETWEEN_ASCII)))
    m = _BETWEEN_RE.search(prefix, max(lo, 0))
    return m.start() if m is not None else len(prefix)


__all__ = [
    "ADDRESSEE_RE", "FIRST_SECOND_RE", "HONORIFIC_AT_RE", "HONORIFIC_RE", "NAME_RE", "NARRATIVE_RE", "PRONOUN_RE",
    "FIRST_PERSON_VERBS", "QUOTES", "READING_VERBS", "SPEECH_VERBS", "Span", "VERB_RE", "between_end", "intro_allows",
    "paragraphs", "sentences", "skip_paragraph",
]
