"""Parse a FRUS source note into a typed :class:`SourceNote` (pure; no I/O).

A FRUS *source note* (TEI ``note[@type='source']``) says where a document comes from
and how it was handled.  Modern volumes write sentences ("Source: Kennedy Library,
President's Office Files, USSR. Secret; Eyes Only. Drafted by Akalovsky …"); older ones
write a file number ("763.72/1234: Telegram", "File No. 861.77/343"), a despatch number
("No. 109.]") or a bracketed label ("[Inclosure 1 in No. 77.—Translation.]").

The note is cut into *segments* (sentences, the dash-separated parts of a bracketed
label, the part after a file number's colon) and each segment is matched against one
declarative table, :data:`CONVENTIONS` (first match wins).  Every segment ends up in
exactly one field, or verbatim in ``other``: :attr:`SourceNote.parts` records which.

Applied to every document by the enrich stage (:mod:`memcon.enrich`).  DOCS: docs/architecture.md#enrich
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from memcon.model.records import SourceNote

PARSER = "memcon.source_note.v1"
"""Stored in :attr:`SourceNote.parser` of every note this module parses."""

__all__ = ["PARSER", "SourceNote", "approved_date", "parse_source_note", "split_segments"]


# --- segmentation -------------------------------------------------------------------------

# Words after which a full stop does not end a sentence ("Mr. Seward", "Paris Peace Conf.
# 180.03101/2", "Ex. Doc. No. 139", "No. 109").
_ABBREVIATIONS = frozenset(
    "mr mrs messrs dr st no nos conf dept doc ex gen col capt lt adm hon jr sr supp orig vol p pp "
    "ed esq rev gov sec secy amb".split()
)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[\[(“\"'A-Z])")
_LAST_WORD = re.compile(r"([\w’']+)\.$")
# A dash between the parts of a bracketed label: "Inclosure 1 in No. 77.—Translation."
_LABEL_DASH = re.compile(r"\s*[—–]\s*")
# "763.72/1234: Telegram", "832.51/850–Telegram", "Woodrow Wilson Papers: Telegram"
_TRAILING_FORM = re.compile(r"(?::\s+|\s*[—–]\s*)(?=(?:Circular\s+)?[Tt]elegram\b)")
# Page markers and anchors the reader leaves in front of a note: "[290] [*Inclosure.]"
_LEADING_NOISE = re.compile(r"^(?:\[\d+\]\s*)?\*?\s*")
_SOURCE_PREFIX = re.compile(r"^Source:\s*")
_BRACKETED = re.compile(r"^[\[(](.*?)[\])]?[.,]?$", re.S)


def _split_sentences(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        head = text[start : m.start()]
        if head.endswith("."):
            word = _LAST_WORD.search(head)
            # abbreviations and initials ("S. S.", "a. m.", "F. W.") do not end a sentence
            # nor does a file class: "710. G Commercial Agreement/52"
            if word and (
                word.group(1).lower() in _ABBREVIATIONS
                or len(word.group(1)) == 1
                or re.fullmatch(r"\d{3}[a-z]?", word.group(1))
            ):
                continue
        if head.strip():
            out.append(head.strip())
        start = m.end()
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def _body(text: str) -> str:
    return _SOURCE_PREFIX.sub("", _LEADING_NOISE.sub("", text.strip()))


def split_segments(text: str) -> list[str]:
    """Cut a source note into the segments the parser classifies, in order."""
    body = _body(text)
    bracketed = _BRACKETED.match(body)
    segments: list[str] = []
    for sentence in _split_sentences(body):
        if bracketed:
            pieces = _LABEL_DASH.split(sentence.strip("[]()"))
        else:
            pieces = _TRAILING_FORM.split(sentence)
        segments.extend(p for p in (piece.strip() for piece in pieces) if p)
    return segments


# --- the table of conventions ----------------------------------------------------------------

_CLASSIFICATIONS = (
    r"Top Secret|Secret|Confidential|Limited Official Use|Official Use Only|Unclassified|Restricted"
)
_HANDLING = (
    r"Eyes Only|Priority|Niact|Operational Immediate|Immediate|Limit Distribution|Limited Distribution|"
    r"Nodis|Exdis|Limdis|Noforn|Roger Channel|Personal and Private|Personal|Private|Strictly Personal|"
    r"Presidential Handling|Verbatim Text|Flash|Routine|Sensitive"
)
_FILE = r"\d{3}[\dA-Za-z]*\s*\.\s*[^:]*|\d{3}\s?[A-Z][^:]*/[^:]*|\d{3}[A-Za-z]?/[^:]*"
# OCR spellings seen: "lnclosure", "IncIoure", "Inclosore", "Incloaure", "Inelosure", "Subinclosnre"
_ENCLOSURE = (
    r"(?:s[un]b)?(?:[il1]n[ce][il1]o?[sa]?[uon]?re|enc[il]osure)s?|annex|appendix|exhibit|"
    r"document to accompany"
)

# (field, pattern, comment) — patterns are matched in full against one segment, first wins.
_RAW: tuple[tuple[str, str], ...] = (
    # "Kennedy Library, President's Office Files, USSR" — a presidential library, then the file
    ("archive", r"(?P<archive>(?:[\w.'’]+ ){1,3}Library),\s*(?P<collection>.+)"),
    # "Department of State, Central Files, 611.61/6-1561" — the Central Files take file numbers
    ("archive", r"(?P<archive>Department of State, Central Files),?\s*(?P<file>.*)"),
    # "Department of State, S/S Files: Lot 66 D 149, …" / "National Archives, RG 59, …"
    (
        "archive",
        r"(?P<archive>Department of State|National Archives(?:, RG \d+)?|Library of Congress|"
        r"Washington National Records Center(?:, RG \d+)?)(?:,\s*(?P<collection>.+))?",
    ),
    # "Paris Peace Conf. 180.03101/2" — the delegation's files in Paris, 1919
    ("collection", r"(?P<collection>Paris [Pp]eace Conf\.)\s*(?P<file>.+)"),
    # "File No. 763.72/1234", "File No. 654.119/84, 90" — 1917–18 volumes
    ("file_numbers", r"Files? Nos?\.\s*(?P<file>.+)"),
    # "763.72119/3346", "811.51632 National City Bank/47", "123 EN 3/435" — decimal files
    ("file_numbers", rf"(?P<file>{_FILE})"),
    # "Henry White Papers", "War Trade Board Files", "Executive Agreement Series No. 64",
    # "Inquiry Document No. 893" and "Inquiry files" (the 1919 Inquiry's records)
    (
        "collection",
        r"(?P<collection>[A-Z][\w.'’ ]*(?:Papers|Files|Series No\. \d+)(?::.*)?|"
        r"Inquiry (?:files|Document No\. \d+))",
    ),
    # "Secret; Eyes Only", "Confidential; Priority" — classification, then handling marks
    ("classification", rf"(?P<classification>{_CLASSIFICATIONS})(?:[;,]\s*(?P<handling>.+))?"),
    # "Eyes Only", "Niact", "Private and confidential" (1901)
    ("handling", rf"(?P<handling>(?:{_HANDLING})(?:(?:[;,]\s*|\s+and\s+)(?:{_HANDLING}))*)"),
    ("classification", r"(?P<handling>Private|Personal) and (?P<classification>confidential)"),
    # "Drafted by Akalovsky and approved by the White House on June 23"
    (
        "drafted_by",
        r"Drafted by (?P<drafted>.+?)(?:,? and (?:was )?approved (?:by (?P<approved_by>.+?))?"
        r"(?: on (?P<approved_on>[A-Z][a-z]+ \d{1,2}(?:, \d{4})?))?)?",
    ),
    # "Approved by the White House on June 23" / "Approved in S on June 23"
    (
        "approved_by",
        r"Approved (?:by|in) (?P<approved_by>.+?)(?: on (?P<approved_on>[A-Z][a-z]+ \d{1,2}(?:, \d{4})?))?",
    ),
    # "The meeting was held at the Soviet Embassy", "The conversation took place in …"
    (
        "meeting_place",
        r"The (?:meeting|conversation|luncheon|dinner|talk)s? (?:was |were )?"
        r"(?:held|took place) (?:at|in) (?P<place>.+)",
    ),
    # "Translation", "[TRANSLATION.]", "Translation of proposed proclamation" — a translation
    ("translation", r"(?:Translations?|Tranalation|Translated|Specially translated)\b.*"),
    # "Paraphrase", "[Telegram—paraphrase.]"
    ("paraphrase", r"Paraphrases?\b.*"),
    # "Telegram", "Circular telegram", "Telegram (part air)", "By cable telegram", "Cablegram", "Telgram"
    (
        "telegram",
        r"(?:Circular |Copy of |By (?:cable )?|Per )?(?:Telegra(?:m|ph|phic)|Telgram|Cablegram|Cable)\b.*",
    ),
    # "Received July 19, 1870", "Received at Washington 1.40 p. m., August 26, 1870"
    ("received", r"(?P<received>Received\b.+)"),
    # "No. 109", "No.48", "No. —" — the despatch or instruction number
    ("serial", r"(?P<serial>No\.?\s*[\d½¼—–-]+)"),
    # "Inclosure 2 in No. 1268", "Subenclosure A", "Annex 1", "Appendix to inclosure" (OCR: "lnclosure")
    ("enclosure", rf"(?P<enclosure>(?:{_ENCLOSURE})\b.*)"),
    # "Extract", "From the London Times, April 30, 1861", "Note verbale", "A.", "[l. s.]"
    (
        "labels",
        r"(?P<label>(?:Extracts?|Extraits?|Statement|Indorsements?|Section \d+|Ex\. Doc\. No\. \d+|Abstract|Circular|Memorandum|Memorial|Note verbale|Aide-M[ée]moire|"
        r"Protest|Contract|Decree|Copy|True copy|Draft|Newspaper|From|Reply|Same|Indorsement|Slip|"
        r"English version|Informal|Unofficial|Summary|Seal|Austrian dispatch)\b.*|[A-Z]|l\. s\.)",
    ),
)
# Fields whose words the books print in any case ("[TRANSLATION.]", "Private and confidential").
_ANY_CASE = frozenset(
    "translation paraphrase telegram enclosure labels handling classification serial".split()
)
CONVENTIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I if name in _ANY_CASE else 0)) for name, pattern in _RAW
)
_TRIM = re.compile(r"^[\s\[(“\"*]+|[\s.,;:\])”\"]+$")


def _clean(segment: str) -> str:
    return _TRIM.sub("", segment)


def _split_names(names: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", names) if n.strip())


def _split_marks(marks: str | None) -> tuple[str, ...]:
    return tuple(m.strip() for m in re.split(r"[;,]\s*|\s+and\s+", marks or "") if m.strip())


def parse_source_note(text: str, *, year: int | None = None) -> SourceNote:
    """Parse a source note's text into a :class:`SourceNote`; never raises on any text.

    ``year`` is the document's year: an approval date printed without one ("approved by the
    White House on June 23") is read in it (:attr:`SourceNote.approved_date`).
    DOCS: docs/architecture.md#enrich
    """
    values: dict[str, object] = {}
    lists: dict[str, list[str]] = {
        k: [] for k in ("file_numbers", "handling", "drafted_by", "enclosure", "labels", "other")
    }
    parts: list[tuple[str, str]] = []

    def first(key: str, value: str | None) -> None:
        if value and key not in values:
            values[key] = value.strip()

    lead = text.strip()[: len(text.strip()) - len(_body(text))].strip()
    if lead:  # "Source:", or a page marker the reader left in front ("[290] *")
        parts.append(("prefix", lead))
    for segment in split_segments(text):
        core = _clean(segment)
        field = "other"
        for name, pattern in CONVENTIONS:
            m = pattern.fullmatch(core)
            if m is None:
                continue
            field = name
            _HANDLERS[name](m, first, lists)
            break
        if field == "other":
            lists["other"].append(segment)
        parts.append((field, segment))
    note = SourceNote(
        text=text,
        archive=_str(values.get("archive")),
        collection=_str(values.get("collection")),
        file_numbers=tuple(lists["file_numbers"]),
        classification=_str(values.get("classification")),
        handling=tuple(lists["handling"]),
        drafted_by=tuple(lists["drafted_by"]),
        approved_by=_str(values.get("approved_by")),
        approved_on=_str(values.get("approved_on")),
        meeting_place=_str(values.get("meeting_place")),
        translation=any(f == "translation" or "translat" in s.lower() for f, s in parts if f != "other"),
        paraphrase=any(f == "paraphrase" or "paraphrase" in s.lower() for f, s in parts if f != "other"),
        telegram=any(f == "telegram" or "telegra" in s.lower() for f, s in parts if f != "other"),
        serial=_str(values.get("serial")),
        enclosure=tuple(lists["enclosure"]),
        received=_str(values.get("received")),
        labels=tuple(lists["labels"]),
        other=tuple(lists["other"]),
        parts=tuple(parts),
        parser=PARSER,
    )
    if note.approved_on and year is not None:
        return replace(note, approved_date=approved_date(note, year=year))
    return note


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


_First = Callable[[str, "str | None"], None]
_Handler = Callable[[re.Match[str], _First, dict[str, list[str]]], None]


def _archive(m: re.Match[str], first: _First, lists: dict[str, list[str]]) -> None:
    groups = m.groupdict()
    first("archive", groups.get("archive"))
    first("collection", groups.get("collection"))
    if groups.get("file"):
        lists["file_numbers"].append(groups["file"].strip())


def _classification(m: re.Match[str], first: _First, lists: dict[str, list[str]]) -> None:
    first("classification", m.group("classification").title() if m.group("classification") else None)
    lists["handling"].extend(_split_marks(m.group("handling")))


def _drafted(m: re.Match[str], first: _First, lists: dict[str, list[str]]) -> None:
    lists["drafted_by"].extend(_split_names(m.group("drafted")))
    first("approved_by", m.group("approved_by"))
    first("approved_on", m.group("approved_on"))


def _approved(m: re.Match[str], first: _First, lists: dict[str, list[str]]) -> None:
    first("approved_by", m.group("approved_by"))
    first("approved_on", m.group("approved_on"))


def _group(key: str, group: str) -> _Handler:
    def handler(m: re.Match[str], first: _First, lists: dict[str, list[str]]) -> None:
        if key in lists:
            lists[key].append(m.group(group))
        else:
            first(key, m.group(group))

    return handler


def _flag(m: re.Match[str], first: _First, lists: dict[str, list[str]]) -> None:
    """Flags (translation, paraphrase, telegram) are read off ``parts`` at the end."""


_HANDLERS: dict[str, _Handler] = {
    "archive": _archive,
    "collection": _archive,
    "file_numbers": _archive,
    "classification": _classification,
    "handling": lambda m, first, lists: lists["handling"].extend(_split_marks(m.group("handling"))),
    "drafted_by": _drafted,
    "approved_by": _approved,
    "meeting_place": _group("meeting_place", "place"),
    "translation": _flag,
    "paraphrase": _flag,
    "telegram": _flag,
    "received": _group("received", "received"),
    "serial": _group("serial", "serial"),
    "enclosure": _group("enclosure", "enclosure"),
    "labels": _group("labels", "label"),
}

_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_DATE = re.compile(
    r"(?:(?P<m1>[A-Za-z]+)\.? (?P<d1>\d{1,2})|(?P<d2>\d{1,2}) (?P<m2>[A-Za-z]+))(?:,? (?P<y>\d{4}))?"
)


def approved_date(note: SourceNote, *, year: int) -> str | None:
    """``approved_on`` as an ISO date ("June 23" + 1961 → "1961-06-23"); None if unparseable.

    A year printed in the note wins over ``year``.
    """
    if not note.approved_on:
        return None
    m = _DATE.fullmatch(note.approved_on.strip())
    if m is None:
        return None
    month_name = (m.group("m1") or m.group("m2") or "").lower()
    month = _MONTHS.get(month_name) or next(
        (n for name, n in _MONTHS.items() if len(month_name) >= 3 and name.startswith(month_name)), None
    )
    day = int(m.group("d1") or m.group("d2"))
    try:
        return date(int(m.group("y") or year), month or 0, day).isoformat()
    except ValueError:
        return None
