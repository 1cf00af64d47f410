"""The meeting a conversation record is the record of: date, place, who by side, how long.

:func:`extract_meeting` reads one record (pure; no I/O):

* **date** — the document's date (the conversation's, not the drafting's); else the one date its
  heading gives the meeting ("… held at Geneva, in Switzerland, on the 15th of July, 1872.");
  a record without either gives a meeting with no date: never guessed;
* **place** — the source note's meeting place ("The meeting was held at the Soviet Embassy")
  with the dateline's town ("Vienna"); else "at the White House" where the text says the
  meeting or conversation took place, with the town such a building stands in
  (:data:`LANDMARKS`);
* **attendees by side** — the participants list (TEI, or the bullets of a web copy: sides as
  given); the list a reference points to ("[Here follows the same list of participants as
  printed at the end of Document 84.]", when the caller has that document); sentences such as
  "There were present: on American side - Rusk, Thompson, Hillenbrandt and Akalovsky, on the
  Soviet side - Semenov, Dobrynin and Suhodrev"; the conversation's two parties when the
  heading names them ("the conversation between Gromyko and Kennedy") and the record's author;
  interpreters where the record says so;
* **duration** — "The conversation lasted 2 hours and 20 minutes";
* **record type and drafters** — the document type and the source note's "Drafted by".

Names are resolved to persons through the mentions the linker found on the same words.
:func:`group_meetings` puts the records of one meeting (the parts of a summit session) into
one event.  Every field filled says from which words (``Meeting.reasons``).

DOCS: docs/meetings.md
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from memcon.enrich._heading_dates import heading_date, heading_place
from memcon.model.people import Mention
from memcon.model.records import Document
from memcon.model.speech import Attendee, Meeting

METHOD = "memcon.meetings.v1"

LANDMARKS: dict[str, str | None] = {
    "White House": "Washington", "Department of State": "Washington", "State Department": "Washington",
    "Pentagon": "Washington", "Blair House": "Washington", "Kremlin": "Moscow", "Elysée": "Paris",
    "Élysée": "Paris", "Quai d'Orsay": "Paris", "Quai d’Orsay": "Paris", "Downing Street": "London",
    "Foreign Office": None,  # in every capital
}
"""Buildings that say which town a meeting was in (``None``: they do not)."""

SIDES: dict[str, str] = {
    "american": "United States", "us": "United States", "u.s.": "United States", "united states": "United States",
    "soviet": "Soviet Union", "ussr": "Soviet Union", "u.s.s.r.": "Soviet Union", "russian": "Soviet Union",
    "british": "United Kingdom", "uk": "United Kingdom", "french": "France", "german": "Germany",
    "chinese": "China", "cuban": "Cuba", "japanese": "Japan", "italian": "Italy",
}
"""How records name a side → the country memcon records."""

_CONVERSATION_TYPES = ("conversation", "meeting", "minutes", "talk", "interview", "discussion", "luncheon", "dinner")
_PRESENT = re.compile(r"\b(?:There were present|Present(?: were)?|Also present(?: were)?)\s*:?\s*(?P<rest>[^\n]+)")
_SIDE_PART = re.compile(
    r"(?:on|for|from) (?:the )?(?P<side>[A-Z][\w.]*(?: [A-Z][\w.]*)?) side\s*[-–—:,]?\s*(?P<names>.+?)"
    r"(?=(?:[,;]\s*)?(?:on|for|from) (?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*)? side|\.\s|\.$|$)"
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\band\b)\s*")
_DURATION = re.compile(
    r"\blasted\s+(?:(?P<h>\d+|one|two|three|four|five|six)\s+hours?)?(?:\s*(?:and\s+)?(?P<m>\d+)\s+minutes?)?",
    re.I,
)
_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_BETWEEN = re.compile(r"\b(?:conversation|meeting|talk)s? (?:between|of) (?P<a>[A-Z][\w.’' -]+?) (?:and|with) "
                      r"(?P<b>(?:President |Chairman |Premier |Mr\. )?[A-Z][\w.’'-]+)", re.I)
_AT_PLACE = re.compile(r"\b(?:meeting|conversation|talk|lunch|luncheon|dinner)\b[^.\n]{0,80}?\bat the "
                       r"(?P<place>(?:" + "|".join(re.escape(k) for k in LANDMARKS) + r"))")
_INTERPRETER = re.compile(r"\binterpret(?:er|ing)\b", re.I)


def is_conversation_record(document: Document) -> bool:
    """Whether ``document`` records a meeting (a memorandum of conversation, minutes, a cable on
    a conversation …)."""
    words = f"{document.doc_type} {document.heading}".lower()
    return any(w in words for w in _CONVERSATION_TYPES)


def _side(text: str | None) -> str | None:
    if not text:
        return None
    key = text.strip().lower().rstrip(":")
    return SIDES.get(key, text.strip())


def _person(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    for m in mentions:
        if m.footnote is None and m.person_id and m.start < end and start < m.end:
            return m.person_id
    return None


def _attendees_from_present(document: Document, mentions: Sequence[Mention]) -> list[Attendee]:
    out: list[Attendee] = []
    for present in _PRESENT.finditer(document.text):
        base = present.start("rest")
        for part in _SIDE_PART.finditer(present.group("rest")):
            side = _side(part.group("side"))
            offset = base + part.start("names")
            for name in _SPLIT_NAMES.split(part.group("names")):
                name = name.strip(" .")
                if not name:
                    continue
                start = document.text.find(name, offset)
                person = _person(mentions, start, start + len(name)) if start >= 0 else None
                role = "interpreter" if _INTERPRETER.search(name) else "participant"
                out.append(Attendee(name, person, side, role, "present sentence"))
    return out


def _attendees_from_list(document: Document, mentions: Sequence[Mention], *, source: str) -> list[Attendee]:
    out: list[Attendee] = []
    position = 0
    for p in document.participants:
        start = document.text.find(p.text, position)
        if start >= 0:
            position = start + len(p.text)
        person = _person(mentions, start, start + len(p.text)) if start >= 0 else None
        role = "interpreter" if _INTERPRETER.search(p.text) else "participant"
        out.append(Attendee(p.text, person, _side(p.side), role, source))
    return out


def _duration(text: str) -> int | None:
    m = _DURATION.search(text)
    if m is None or not (m.group("h") or m.group("m")):
        return None
    hours = m.group("h")
    h = int(hours) if hours and hours.isdigit() else _WORD_NUMBERS.get((hours or "").lower(), 0)
    return h * 60 + int(m.group("m") or 0)


def extract_meeting(
    document: Document,
    mentions: Sequence[Mention] = (),
    *,
    referenced: Document | None = None,
    referenced_mentions: Sequence[Mention] = (),
) -> Meeting | None:
    """The meeting ``document`` is a record of, or ``None`` if it is not a conversation record.

    ``mentions`` are the document's linked mentions (they resolve the attendees);
    ``referenced`` is the document its participants reference points to, when the caller has
    it (Document 84 for d88), with its own mentions."""
    if not is_conversation_record(document):
        return None
    reasons: list[str] = []
    # -- place
    place: str | None = None
    note = document.source_fields
    if note is not None and note.meeting_place:
        place = note.meeting_place + (f", {document.place}" if document.place else "")
        reasons.append(f"place: source note {note.meeting_place!r}" + (f" + dateline {document.place!r}"
                                                                        if document.place else ""))
    else:
        m = _AT_PLACE.search(document.text)
        if m is not None:
            building = m.group("place")
            town = LANDMARKS.get(building) or document.place
            place = f"the {building}" + (f", {town}" if town else "")
            reasons.append(f"place: {m.group(0)!r}" + (f" ({building} is in {town})" if town else ""))
        elif document.place:
            place = document.place
            reasons.append(f"place: dateline {document.place!r}")
        elif (held := heading_place(document.heading)) is not None:
            place = held
            reasons.append(f"place: the heading ({held!r})")
    # -- attendees
    attendees = _attendees_from_list(document, mentions, source="participants list")
    if attendees:
        reasons.append(f"attendees: the participants list ({len(attendees)})")
    ref = next((r for r in document.references if r.kind == "participants"), None)
    if referenced is not None and ref is not None and ref.target == referenced.id:
        listed = _attendees_from_list(referenced, referenced_mentions, source=f"participants list of {referenced.id}")
        attendees.extend(listed)
        reasons.append(f"attendees: the list {ref.text!r} points to ({len(listed)})")
    present = _attendees_from_present(document, mentions)
    if present:
        attendees.extend(present)
        reasons.append(f"attendees: 'There were present' ({len(present)})")
    between = _BETWEEN.search(document.heading) or _BETWEEN.search(document.text[:400])
    if between is not None:
        for key in ("a", "b"):
            name = between.group(key).strip()
            start = between.start(key) if between.re is _BETWEEN and between.string is document.text else -1
            person = _person(mentions, start, start + len(name)) if start >= 0 else None
            if person is None:
                person = next((m.person_id for m in mentions if m.person_id and m.footnote is None
                               and name.split()[-1].lower() in m.text.lower()), None)
            attendees.append(Attendee(name, person, None, "participant", "heading"))
        reasons.append(f"attendees: the parties the record names ({between.group(0)!r})")
    attendees = _sides_of_parties(document, _dedupe(attendees), reasons)
    # -- duration, type, drafters
    duration = _duration(document.text)
    if duration is not None:
        reasons.append(f"duration: {_DURATION.search(document.text).group(0)!r}")  # type: ignore[union-attr]
    drafters = note.drafted_by if note is not None else ()
    date = document.date
    if date is None:
        date = heading_date(document.heading)
        if date is not None:
            reasons.append(f"date: the heading ({date.text!r})")
        else:
            reasons.append("date: the record gives none (left unknown)")
    return Meeting(
        id=f"meeting:{document.id}",
        documents=(document.id,),
        date=date,
        place=place,
        attendees=tuple(attendees),
        duration_minutes=duration,
        record_type=document.doc_type,
        drafters=tuple(drafters),
        method=METHOD,
        reasons=tuple(reasons),
    )


def _sides_of_parties(document: Document, attendees: list[Attendee], reasons: list[str]) -> list[Attendee]:
    """Sides for the parties named in the heading: the record's author speaks for the record's
    side; the other party, for the other side of a two-sided record."""
    from memcon.enrich.titles import document_side

    own = document_side(document)
    authors = {a.split()[-1].lower() for a in (*document.authors, document.signed_by or "") if a}
    sides = {a.side for a in attendees if a.side}
    others = sides - {own} if own else set()
    out: list[Attendee] = []
    for a in attendees:
        if a.side is None and a.source == "heading" and own:
            surname = a.text.split()[-1].lower()
            if surname in authors:
                a = replace(a, side=own)
                reasons.append(f"side: {a.text} wrote the record ({own})")
            elif len(others) == 1 and authors:
                other = next(iter(others))
                a = replace(a, side=other)
                reasons.append(f"side: {a.text} is the author's counterpart ({other})")
        out.append(a)
    return out


def _dedupe(attendees: Iterable[Attendee]) -> list[Attendee]:
    """One attendee per person, or per name as printed: the first mention wins, a later one
    fills what it lacks (the person, the side)."""
    out: list[Attendee] = []
    index: dict[str, int] = {}
    for a in attendees:
        keys = [k for k in (a.person_id, a.text.lower()) if k]
        found = next((index[k] for k in keys if k in index), None)
        if found is not None:
            kept = out[found]
            merged = replace(kept, person_id=kept.person_id or a.person_id, side=kept.side or a.side)
            out[found] = merged
            for k in (merged.person_id, merged.text.lower()):
                if k:
                    index.setdefault(k, found)
            continue
        for k in keys:
            index[k] = len(out)
        out.append(a)
    return out


def group_meetings(meetings: Iterable[Meeting]) -> list[Meeting]:
    """Records of one meeting in one event: the same day, the same place, and attendees in
    common (at least half of the smaller list); the event keeps every record and the union of
    what they say, first record first."""
    events: list[Meeting] = []
    for m in sorted(meetings, key=lambda m: ((m.date.sort_key or "") if m.date else "", m.id)):
        day = (m.date.sort_key or "")[:10] if m.date else None
        for i, e in enumerate(events):
            e_day = (e.date.sort_key or "")[:10] if e.date else None
            if day is None or day != e_day or m.place != e.place:
                continue
            mine = {a.person_id or a.text for a in m.attendees}
            theirs = {a.person_id or a.text for a in e.attendees}
            if mine and theirs and len(mine & theirs) * 2 >= min(len(mine), len(theirs)):
                events[i] = replace(
                    e,
                    documents=(*e.documents, *m.documents),
                    attendees=tuple(_dedupe((*e.attendees, *m.attendees))),
                    duration_minutes=e.duration_minutes or m.duration_minutes,
                    drafters=tuple(dict.fromkeys((*e.drafters, *m.drafters))),
                    reasons=(*e.reasons, f"grouped with {m.id}: same day, place and attendees"),
                )
                break
        else:
            events.append(m)
    return events


__all__ = ["LANDMARKS", "METHOD", "SIDES", "extract_meeting", "group_meetings", "is_conversation_record"]
