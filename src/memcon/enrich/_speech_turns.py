"""Turn-taking helpers of the statement extractor (``memcon.statements.v7``): who "he" is when the
last speaker is the record's own "I" or nobody, the author of a message printed inside another
(an enclosure's heading, an enclosed memorandum), subjectless telegraphese ("Says Kerensky
returns …", "Told him …"), a second speaker inside one sentence ("…, and Lloyd George replied
that …"), and a bare surname as subject ("Dennis says …").

DOCS: docs/statements.md#whose-statement-is-it
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from memcon.enrich._speech_people import Author, MentionIndex
from memcon.enrich._speech_text import QUOTES, VERB_RE, Span, between_end, skip_paragraph
from memcon.model.people import Mention
from memcon.model.records import Footnote
from memcon.model.speech import Statement

_PRONOUN_WORDS = frozenset({"I", "he", "He", "she", "She"})
_ANTECEDENT_REACH = 1500
"""How far back (characters) "he" looks for a person named before it."""

# A message printed inside the record: its heading names its sender ("The Russian Financial
# Attaché (Ughet) to the Assistant Secretary …", "Memorandum by Mr. Warrington Dawson of a
# Conversation With Marshal Joffre"), a dateline follows.
INNER_HEADING_RE = re.compile(
    r"(?P<head>(?:Memorandum|Minutes|Notes?|Report|Letter)\b[^\n]{0,40}?\b(?:by|of)\s+(?P<by>[^\n]{3,120})"
    r"|(?P<sender>[^\n]{3,120}?)\s+to\s+[^\n]{3,120})(?:\n[A-Z][^\n\d]{0,80}){0,2}"
    r"\n[A-Z\[][^\n]{0,60}\b1[6-9]\d\d\b[^\n]*(?:\n\[[^\n]*\])?$")

# Subjectless telegraphese: "Says Kerensky returns …" (the last speaker, in the third person);
# "Told him …", "Reminded him …" (the telegram's author, "I" left out).
THIRD_PERSON_RE = re.compile(r"(?:Says|Adds|States|Claims|Complains|Thinks|Believes|Insists|Affirms|Asserts|"
                             r"Declares|Explains|Promises|Asks|Requests|Informs me|Tells me)\b")
AUTHOR_OMITTED_RE = re.compile(r"(?:Told|Reminded|Informed|Assured|Advised|Urged|Asked|Warned|Showed)\s+"
                               r"(?:him|her|them|the)\b")

# A second clause with a new named subject inside one sentence.
_COMMA_RE = re.compile(r",\s*$")
_JOIN_RE = re.compile(r"(?:[,;]\s*|\s)(?:and|but|while|whereupon|whereas|as)\s+$|;\s*$")

# Capitalised words that open sentences and are no speaker's surname.
_NOT_SURNAMES = frozenset("""The This That These Those It He She They We You There Here His Her Their Our Its
Your Yours My Mine Ours Office Ministry Foreign Bureau Club Legation Consulate Chancery Palace Court Crown
Government Embassy Legation Department Committee Conference Council Commission Press Paper Report Note
Minister Ambassador Secretary President Premier Chairman General Colonel Everybody Nobody Somebody Each Every
Such Both All Neither Either One Nothing Something Memorandum Telegram Which What Who When Where Mention
Reference Information Opinion Public Opinion News Soviet Allied Allies Entente Navy Army Admiralty Cabinet
Parliament Congress Senate Chamber Diet Duma Court Bank Treasury Which However Later Also Latter Former
Letter Message Despatch Dispatch Cable Have Has Had Will Shall May Must Would Could Should Did Does
No Yes Well Nay Oh Indeed Certainly Surely Perhaps
Can Being Having Let Please Kindly Nor Yet Still Thus Hence Accordingly Meanwhile Today Yesterday
If As Since Although Though Unless While Whether Because After Before Until Upon On In At By For""".split())
_NATIONS = frozenset("French Dutch Czech Scotch Welsh Greek Turk Swiss Baltic Arabic Nordic Hellenic Slavic "
                     "Germanic Celtic Asiatic Pacific Atlantic Soviet Allied Thai Iraqi Saudi".split())
"""Nations and regions that a capitalised word ending like a surname may name."""
_BARE_NAME_RE = re.compile(r"^([A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+)?)\s*$")


_OFFICE = (r"(Ambassador|Chargé|Charge|Minister|Counsel(?:l)?or|Consul|Commissioner|Premier|Chairman|Governor|"
           r"Delegate|Envoy|Secretary|Attaché|Agent|Senator|Marshal|Admiral|Chancellor|Emperor|Sub-secretary|"
           r"Under-secretary|President|Prince|Viceroy|Sultan|Shah|Khedive)")
_APPOSED_RE = re.compile(r",\s+(?:the|his|her)\s+[^,.;()\n]{0,60}?\b" + _OFFICE + r"\b[^,.;()\n]{0,50}?[,.;)]")
_PAREN_RE = re.compile(r"\b" + _OFFICE + r"\b[^()\n.;]{0,60}?\(([^)\n]{2,40})\)")
_BEFORE_RE = re.compile(r"\b" + _OFFICE + r"\b[^,.;()\n]{0,40},\s+$")
_TITLED_RE = re.compile(r"\b" + _OFFICE + r"\s+$")
_OFFICE_WORD_RE = re.compile(r"\b" + _OFFICE + r"\b", re.I)


def _office_key(word: str) -> str:
    """One spelling of an office word: "Chargé" for "Charge", "Sub-secretary" for "sub-secretary"."""
    word = word[0].upper() + word[1:].lower()
    return {"Charge": "Chargé", "Counsellor": "Counselor"}.get(word, word)


def office_holders(text: str, index: MentionIndex) -> dict[str, list[Mention]]:
    """Who holds an office in this record, as the record itself says: "Dr. Aranha, the Brazilian
    Ambassador,", "the Counselor of the Japanese Embassy (Yoshizawa)", "the Iranian Chargé
    d’Affaires, Mr. Ghods", "Prince Kung": for each office word (``Ambassador``, ``Chargé`` …) the
    mentions of its holders, in text order (:func:`office_held` chooses among several)."""
    found: dict[str, list[Mention]] = {}

    def add(office: str, m: Mention) -> None:
        found.setdefault(_office_key(office), []).append(m)

    for m in index.mentions:
        if m.kind != "name":
            continue
        a = _APPOSED_RE.match(text, m.end)
        if a is not None:
            add(a.group(1), m)
        b = _BEFORE_RE.search(text, max(0, m.start - 60), m.start)
        if b is not None:
            add(b.group(1), m)
        c = _TITLED_RE.search(text, max(0, m.start - 20), m.start)
        if c is not None:  # "Senator Copeland", "Ambassador Bullitt"
            add(c.group(1), m)
    for p in _PAREN_RE.finditer(text):
        inside = [m for m in index.within(p.start(2), p.end(2)) if m.kind == "name"]
        if len(inside) == 1:
            add(p.group(1), inside[0])
    return {w: sorted(ms, key=lambda m: m.start) for w, ms in found.items()}


_NAME_NOTE_RE = re.compile(r"(?P<name>[A-Z][\w’'.-]+(?:\s+(?:de|da|di|del|von|van|y|la|le)?\s*[A-Z][\w’'.-]+){1,3})\.?")
_OFFICE_BEFORE_ANCHOR_RE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w’'-]+\s+)*" + _OFFICE + r"(?:\s+(?:of|for|in)\s+"
                                      r"(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})?\s*$")


def noted_holders(text: str, footnotes: Sequence[Footnote], mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    """The holders the editors name in a footnote anchored on an office: "The Italian
    Ambassador[87]" with note 87 "Augusto Rosso." — a holder mention at the anchor, of the person
    the linker found in the note, else of the name printed there."""
    found: dict[str, list[Mention]] = {}
    for i, note in enumerate(footnotes):
        if note.inline or note.kind != "footnote":
            continue
        m = _NAME_NOTE_RE.fullmatch(note.text.strip())
        if m is None:
            continue
        before = _OFFICE_BEFORE_ANCHOR_RE.search(text, max(0, note.offset - 120), note.offset)
        if before is None:
            continue
        ids = {x.person_id for x in mentions if x.footnote == i and x.person_id}
        name = m.group("name").rstrip(".")
        holder = Mention(note.offset, note.offset, name, ids.pop() if len(ids) == 1 else None, 0.9,
                         "memcon.noted_holder.v1", f"the editors' note {note.n}: '{note.text.strip()}'")
        found.setdefault(_office_key(before.group(1)), []).append(holder)
    return found


def holder_key(m: Mention) -> str:
    """The person a holder's mention names: the person, else the surname printed."""
    return m.person_id or m.text.split()[-1]


def office_word(words: str) -> str | None:
    """The office an unresolved designation names ("The Brazilian Ambassador" → ``Ambassador``)."""
    found = _OFFICE_WORD_RE.findall(words)
    if not found:
        return None
    return _office_key(found[-1])


_RELAY_RE = re.compile(
    r"(?:(?:[Ff]ollowing|[Tt]elegram|[Mm]essage|[Cc]able|[Ll]etter|[Rr]eport)\b[^.:\n]{0,60}?\bfrom|"
    r"(?:[Vv]iews|[Oo]pinions?|[Rr]eport)\s+of)\s+(?P<who>[^\n:.]{2,60}?)\s*(?:follows?\s*)?(?::|\(Starts\))?\s*$")
_RELAY_VERB_RE = re.compile(r"(?P<who>[^\n.]{2,60}?)\s+(?:replied|telegraphed|cabled|wrote|writes|reports)\b"
                            r"[^.\n]{0,100}?\bas follows\s*:\s*$")


def relayed(text: str, paras: list[Span], i: int, index: MentionIndex) -> tuple[Mention, int, int] | None:
    """A message relayed inside the record: paragraph ``i`` ends by naming whose it is ("Following
    for you from Wiseman (Starts)", "Views of Dennis follow:", "Stevens replied to my telegram …
    as follows:"); the message is the paragraphs after it up to one signed with his surname
    ("… Stevens."), "(Ends)", or the next heading (at most 12).  Returns the sender's mention and
    the first and last paragraph of the message, or ``None``."""
    para = paras[i]
    tail = text[max(para.start, para.end - 160):para.end]
    colon = tail.endswith(":")
    if not (colon or tail.endswith("(Starts)") or " from " in tail[-70:]):
        return None  # the cheap test first: most paragraphs relay nothing
    m = _RELAY_RE.search(tail) or (_RELAY_VERB_RE.search(tail) if colon and "as follows" in tail[-30:] else None)
    if m is None or i + 1 >= len(paras):
        return None
    s = max(para.start, para.end - 160) + m.start("who")
    e = max(para.start, para.end - 160) + m.end("who")
    names = [x for x in index.within(s, e) if x.kind == "name"]
    if len(names) != 1:
        return None
    who = names[0]
    surname = who.text.split()[-1].rstrip(".,")
    for k in range(i + 1, min(len(paras), i + 13)):
        chunk = text[paras[k].start:paras[k].end]
        if k > i + 1 and is_inner_heading(chunk):
            return who, i + 1, k - 1
        if re.search(r"(?:\b" + re.escape(surname) + r"\.?|\(Ends\)\.?)\s*$", chunk):
            return who, i + 1, k
    return (who, i + 1, i + 1) if text[para.end - 1] == ":" else None


def relay_statements(text: str, paras: list[Span], who: Mention, first: int, last: int,
                     method: str) -> list[Statement]:
    """One ``direct`` statement of ``who`` for each paragraph of a relayed message."""
    return [Statement(paras[k].start, paras[k].end, who.text, who.person_id, "direct", None, None, None,
                      round(0.7 * (who.confidence or 1.0), 3) if who.person_id else 0.2, method,
                      f"message from {who.text} relayed in the record")
            for k in range(first, last + 1) if not skip_paragraph(text[paras[k].start:paras[k].end])]


def quotation(text: str, paras: list[Span], j: int, reader: Statement, method: str) -> tuple[Statement | None, int]:
    """Paragraphs ``j``… that open with a quotation mark, up to the one that closes it (at most
    40; never closed: the first only): one ``quotation`` statement attributed to the reader, and
    the next paragraph to read."""
    if j >= len(paras) or text[paras[j].start] not in QUOTES:
        return None, j
    count = 0
    k = j
    while k < len(paras) and k < j + 40:
        chunk = text[paras[k].start:paras[k].end]
        count += sum(chunk.count(q) for q in QUOTES)
        if count % 2 == 0:
            break
        k += 1
    if k >= len(paras) or k >= j + 40:
        k = j
    return Statement(paras[j].start, paras[k].end, reader.speaker_text, reader.speaker_id, "quotation", reader.verb,
                     None, None, reader.confidence, method,
                     f"read out by {reader.speaker_text}: not the reader's own words"), k + 1


def antecedent(index: MentionIndex, at: int, *, floor: int, not_id: str | None, text: str | None = None,
               not_name: str | None = None) -> Mention | None:
    """The person mention nearest before ``at`` and after ``floor`` (the paragraph before the
    current one; never the record's heading), within :data:`_ANTECEDENT_REACH` characters, that
    is not the person ``not_id`` (the record's "I"): resolved, or a name or office the linker
    left unresolved ("The French Ambassador") — then "he" stays unresolved rather than taking a
    person named before him.  With ``text``, the last name with an honorific that no mention
    covers is taken (an unresolved mention of those words, not stored) when no mention stands
    there, or when it is nearer and named as the one talked with ("an interview … with Mr.
    Thouvenel", "my inquiry of Mr. Ghods"; not "say to Mr. Grandi"); ``not_name`` is the printed
    name of an author the authority does not hold."""
    found: Mention | None = None
    starts = index.starts
    for k in range(bisect_left(starts, at) - 1, -1, -1):
        m = index.mentions[k]
        if m.start < floor or at - m.end > _ANTECEDENT_REACH:
            break
        if m.end <= at and (m.person_id is None or m.person_id != not_id):
            found = m
            break
    if text is None:
        return found
    low = max(floor, at - _ANTECEDENT_REACH, found.end if found is not None else 0)
    last = None
    for u in _HONORIFIC_NAME_RE.finditer(text, low, at):
        if index.within(u.start(), u.end()):
            continue
        if found is not None and not _PARTNER_RE.search(text, max(0, u.start() - 40), u.start()):
            continue  # nearer than a mention only as the one talked with: "an interview with", "inquiry of"
        surname = u.group("n").split()[-1].strip(".,").lower()
        if not_name and surname == not_name.split()[-1].strip(".,").lower():
            continue
        last = u
    if last is None:
        return found
    return Mention(last.start(), last.end(), last.group(0), None, 0.0, "unlinked",
                   "no person mention covers these words", None, "name")


_HONORIFIC_NAME_RE = re.compile(
    r"\b(?:Mr|Mrs|M|Señor|Senor|Signor|Baron|Count|Prince|General|Lord|Sir|Dr|Doctor|Monsieur|Herr|Marshal|"
    r"Admiral|Colonel|Captain|Marquis|Marquess|Duke|Viscount|Earl)\.?\s+(?:(?:de\s+la|de|del|von|van)\s+)?(?P<n>[A-Z][\w’'-]+(?:\s+(?:de\s+la\s+|de\s+l[’']|de\s+|du\s+|von\s+|van\s+|d[’'])?"
    r"[A-Z][\w’'-]+)*)")
"""A name with its honorific, as a record names a person the linker does not know ("Mr. Ghods",
"M. Drouyn de l’Huys", "Prince Kung")."""


_PARTNER_RE = re.compile(r"\b(?:with|of|from|upon|on)\s+(?:[a-z]+\s+){0,2}(?:by agreement,\s+)?"
                         r"(?:the\s+[a-z-]+(?:\s+[a-z-]+)?,\s+)?$")


def inner_author(text: str, start: int, end: int, index: MentionIndex) -> Author | None:
    """The author of a message whose heading is ``text[start:end]``: the one person resolved in
    its sender ("… (Ughet) to …") or after "Memorandum by"; ``None`` when that is not one person."""
    m = INNER_HEADING_RE.match(text, start, end)
    if m is None:
        return None
    group = "by" if m.group("by") else "sender"
    s, e = m.start(group), m.end(group)
    if group == "by":  # "Memorandum by Mr. Warrington Dawson of a Conversation With Marshal Joffre"
        cut = re.search(r"\s(?:of|on|regarding|concerning)\s|,", text[s:e])
        e = s + cut.start() if cut is not None else e
    ids = {x.person_id for x in index.within(s, e) if x.person_id is not None}
    if len(ids) != 1:
        # "Mr. Goldschmidt to Mr. Loomis.": a writer the authority does not hold is its "I" all the
        # same, shown by his printed name (never the outer record's author)
        named = _HONORIFIC_NAME_RE.fullmatch(re.sub(r"^(?:The|the)\s+", "", text[s:e].strip()))  # "The Marquis de …"
        if ids or named is None:
            return None
        return Author(None, named.group(0), f"author {named.group(0)!r} (the heading of the message printed here), "
                      "not a person of the authority")
    return Author(ids.pop(), text[s:e], f"heading of the message printed here '{text[s:e].strip()}'")


def is_inner_heading(chunk: str) -> bool:
    """Whether a paragraph is the heading of another message printed in the record."""
    return INNER_HEADING_RE.match(chunk) is not None


def second_clause(text: str, after: int, end: int, index: MentionIndex,
                  speaker_id: str | None) -> tuple[int, Mention, str, int] | None:
    """A new speaker's clause inside a sentence after offset ``after`` ("…, and Lloyd George
    replied that …"): ``(where the first statement ends, the subject's mention, the verb, the
    verb's end)``, or ``None``.  The subject must be a person other than ``speaker_id``: resolved,
    or an office left unresolved ("… and the Ambassador then said …")."""
    for vm in VERB_RE.finditer(text, after, end):
        stop = after + between_end(text[after:vm.start()])
        m = index.ending_at(stop)
        if m is None or m.start < after or m.person_id == speaker_id or (m.person_id is None and m.kind != "title"):
            continue
        j = _JOIN_RE.search(text, max(after, m.start - 14), m.start)
        if j is None and vm.group(1) == "saying":  # "…, Drummond saying that …": an absolute clause
            j = _COMMA_RE.search(text, max(after, m.start - 4), m.start)
        if j is None:
            continue
        cut = j.start()
        while cut > after and text[cut - 1] in " ,;":
            cut -= 1
        return cut, m, vm.group(1), vm.end()
    return None


def bare_surname(before: str) -> str | None:
    """A capitalised surname standing alone as a sentence's subject ("Dennis", "Lloyd George"), not
    a word that opens sentences, an office, or a country or nation."""
    m = _BARE_NAME_RE.match(before)
    if m is None:
        return None
    words = m.group(1)
    if any(w in _NOT_SURNAMES for w in re.split(r"[- ]", words)):
        return None
    if re.search(r"(?:an|ese|ish|ian)$", words) or words in _NATIONS:  # American, Japanese, British, French
        # ("Suvich", "Petrovich" end like "French" and "Dutch" but are surnames)
        return None
    from memcon.enrich.topics import default_matcher

    if default_matcher().lookup(words) is not None:  # Germany, Berlin, the League
        return None
    return words


def implied_addressees(out: tuple[Statement, ...]) -> tuple[Statement, ...]:
    """With exactly two persons speaking, each one's statements without a stated addressee are
    addressed to the other."""
    first: dict[str, str] = {}
    for st in out:
        if st.speaker_id is not None and st.kind != "quotation":
            if first.get(st.speaker_id, "I") in _PRONOUN_WORDS:
                first[st.speaker_id] = st.speaker_text
    if len(first) != 2:
        return out
    a, b = first
    other = {a: b, b: a}
    return tuple(
        replace(st, addressee_text=first[other[st.speaker_id]], addressee_id=other[st.speaker_id])
        if st.speaker_id in other and st.addressee_id is None and st.addressee_text is None else st
        for st in out)



__all__ = ["AUTHOR_OMITTED_RE", "INNER_HEADING_RE", "THIRD_PERSON_RE", "antecedent", "bare_surname", "implied_addressees",
           "holder_key", "inner_author", "noted_holders", "is_inner_heading", "office_holders", "office_word", "quotation", "relay_statements", "relayed",
           "second_clause"]
