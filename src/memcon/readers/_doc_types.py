"""Classify a FRUS document by type from its heading, subtype and printed source notes.

A declarative table, first match wins:

1. ``@subtype`` (``editorial-note``) wins outright.
2. :data:`HEADING_TYPES`: genre words in the heading ("Memorandum of Conversation",
   "Minutes of …", "Telegram", "Treaty Between …"); a memorandum with a participants
   list is a memorandum of conversation.
3. :data:`NOTE_HINTS`: the printed source notes ("817.00/3342: Telegram", "[Paraphrase]").
4. Correspondence headings "A to B" by who writes to whom (:func:`_correspondence`):
   the Department to its missions → instruction, missions to the Department → despatch,
   either side a foreign government → note, anything else → letter.
5. Fallback ``document``.

The classification is a heuristic; its name is stored with the records through the
reader's version (``memcon.frus_tei`` v1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_I = re.IGNORECASE

SUBTYPES: dict[str, str] = {
    "editorial-note": "editorial note",  # modern volumes: div subtype="editorial-note"
    # "historical-document" (frus1864p3, 1961-63) says nothing about the type
}

HEADING_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, _I))
    for kind, pattern in (
        ("editorial note", r"^editorial note\b"),
        # "Memorandum by Mr. Eugene H. Dooman, … of a Conversation With …" (frus1936v03)
        ("memorandum of conversation",
         (r"memorandum of (?:a |the )?conversations?|\bof (?:a |the )?conversations?\b|"
          r"^conversations? (?:between|with)\b|^notes? (?:of|on) (?:a |the )?conversation")),
        # "Record of the proceedings of the tribunal of arbitration …" (frus1872p2v4)
        ("minutes",
         (r"\bminutes\b|^record of (?:the )?proceedings|^proc[eè]s[- ]verbal|"
          r"\bprotocol of (?:the )?(?:conference|meeting|session|sitting)|"
          r"^notes? of (?:a |the )?(?:meeting|session|conference)")),
        ("telegram", r"\btelegrams?\b|\bcablegram\b"),
        ("circular", r"\bcircular\b"),
        ("proclamation", r"\bproclamation\b"),
        # "memorandum." / "promemoria." (frus1861), "The Inquiry—Memorandum Submitted …"
        ("memorandum", r"\bmemorand|\bpro ?memoria\b|\baide[- ]m[ée]moire\b"),
        ("note", r"^note verbale\b|^notes?\b(?! of)"),
        ("message", r"\bmessage\b"),
        ("treaty/agreement",
         r"\b(?:treaty|convention|agreement|protocol|arrangement|accord|modus vivendi)\b"),
        ("report", r"\breport\b"),
        ("instruction", r"\binstructions?\b"),
        ("despatch", r"\b(?:despatch|dispatch)\b"),
        ("letter", r"\bletter\b"),
        ("speech", r"\b(?:speech|address|remarks|discours)\b"),
        ("statement", r"\b(?:statement|announcement|press release|communiqu[ée])\b"),
        ("affidavit", r"\b(?:affidavit|deposition)\b"),
        ("award", r"\b(?:award|decision|judgment|sentence) of\b"),  # arbitral awards (frus1901)
        ("legislation", r"\b(?:act|law|decree|ordinance|ordonnance|regulations?|resolution|code)\b"),
    )
)

# Words without which no HEADING_TYPES pattern can match: one cheap search rules most
# headings out ("Mr. Seward to Mr. Adams").  Keep in step with the table above.
HEADING_TRIGGERS = (
    "memorand", "conversation", "minute", "proceeding", "procès", "proces", "protocol", "note",
    "telegram", "cablegram", "circular", "proclamation", "aide", "memoria", "message", "treaty",
    "convention", "agreement", "arrangement", "accord", "modus", "report", "instruction", "despatch",
    "dispatch", "letter", "speech", "address", "remark", "discours", "statement", "announcement",
    "press", "communiqu", "affidavit", "deposition", "award", "decision", "judgment", "sentence",
    "act", "law", "decree", "ordinance", "ordonnance", "regulation", "resolution", "code", "editorial",
)
_TRIGGER = re.compile("|".join(sorted(HEADING_TRIGGERS, key=len, reverse=True)))

# Printed notes of 1917-36 volumes: "File No. 861.00/1401" + "[Telegram]", "817.00/3342: Telegram",
# "[Paraphrase]" (an encrypted telegram printed in paraphrase), "[Circular telegram]".
NOTE_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("telegram", re.compile(r"\btelegram\b|\bparaphrase\b|\bcablegram\b", _I)),
    ("circular", re.compile(r"\bcircular\b", _I)),
)
TRANSLATION_HINT = re.compile(r"\btranslation\b", _I)  # "[Translation.]": a foreign note

# Who is who in "A to B" headings.
DEPARTMENT = re.compile(
    r"\bsecretary of state\b(?! for)|\bdepartment of state\b|\bstate department\b", _I
)  # "Secretary of State for Foreign Affairs" is British
# "The Liberian Secretary of State (Barclay)" (frus1925v02), "The Canadian Secretary of State for
# External Affairs" (frus1930v01): a foreign government's, not the Department
FOREIGN_SECRETARY = re.compile(r"\b(?!American\b)[A-Z][\w-]*(?:an|ese|ish|ch)\s+Secretary of State\b")
# The dateline place of a foreign mission writing to the Department: "Chinese Legation, Washington"
# (frus1884), "Legation of Costa Rica, Washington", "Imperial German Embassy", "British Embassy,
# Manchester, Mass." — but not the misspelt "Legation of the Unitee States, Turin" (frus1864p3)
FOREIGN_PLACE = re.compile(
    r"\b(?:Legation|Embassy) of (?!(?:\w+ )?U[n.]|America\b)|"  # "of this United States", "of The United"
    r"\b(?!American\b)[A-Z][\w-]*(?:an|ese|ish|ch)\s+(?:Imperial\s+)?(?:Legation|Embassy)\b"
)
US_MISSION = re.compile(
    r"\b(?:ambassador|minister|minister resident|chargé|charge|consul|consul general|vice consul|"
    r"agent|commissioner|representative)\s+(?:in|at)\b|\bamerican\b|\bunited states\b|"
    r"\bspecial representative\b|\bcommission to negotiate peace\b|"
    r",\s*(?:consul(?: general)?|vice[- ]consul|consular agent)\b",  # "Mr Edgecombe, consul, to Mr. Fish"
    _I,
)
FOREIGN = re.compile(
    r"^(?:[Tt]he )?(?!American\b|United\b|The\b|Diplomatic\b)[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)? "
    r"(?:Ambassador|Minister|Chargé|Embassy|Legation|Delegation|Government|Consul|Counselor|Agent)\b|"
    r"\bof the (?!American\b|United\b)[A-Z][\w’'-]+ (?:Embassy|Legation|Delegation|Government)\b|"
    r"(?i:\bforeign (?:office|minister|affairs)\b|\bprime minister\b)|"
    r"^(?:Sir|Lord|Earl|Count|Countess|Baron|Señor|Senor|Senhor|Signor|Monsieur|M\.|Herr|Prince|"
    r"Marquis|Marquess|Duke|Chevalier|Don|Viscount)\s",
)
# "to all the ministers of the United States" (frus1861 d1), "to ministers of the United States in …" (d3)
# Not circular (QA): "the Diplomatic Agent and Consul General at Tangier (Blake)" (one named
# recipient), "the consular agent of the United States" (frus1872p2v2), "the Ministers for Foreign
# Affairs of Japan" (frus1861): plural offices of the United States only.
CIRCULAR_TO = re.compile(
    r"^(?:all|certain (?:of )?(?:the )?(?:diplomatic|consular|american|ministers|missions|representatives)|"
    r"ministers of the united states|diplomatic (?:and consular )?(?:officers|agents|representatives|missions)|"
    r"consular (?:officers|agents|representatives))\b|"
    r"\ball (?:the )?(?:diplomatic|consular|ministers)\b", _I
)
PRESIDENT = re.compile(r"^(?:the )?president\b(?! of)", _I)
CONGRESS = re.compile(r"\b(?:congress|senate|house of representatives)\b", _I)
_NUMBER_PREFIX = re.compile(r"^(?:\[[\d, .]+\]\s*)?\*?(?:No\. ?\d+\.?\s*)?", _I)
_SPLIT = re.compile(r"\s+to\s+(?:the\s+)?", _I)
# "Mr. John H. Williams, on Special Mission to Certain South American Countries, to the Secretary of
# State" (frus1934v04): a comma before "to" ends the sender's description
_COMMA_SPLIT = re.compile(r",\s+to\s+(?:the\s+)?", _I)

# Before ~1913 headings name people, not offices ("Mr. Seward to Mr. Adams"): the
# Secretaries of State and the Assistant Secretaries who signed for them, with their years,
# tell the Department's side.  Washburne (Secretary for days in 1869, then Minister in
# France, frus1870) and Wilson (several) are left out on purpose: ambiguous.
DEPARTMENT_SIGNERS: dict[str, tuple[tuple[int, int], ...]] = {
    # Hunter: Chief Clerk from 1852 ("Mr. Hunter to Mr. Dayton", frus1864p3), Second Assistant 1866-86;
    # Davis: J. C. B. Davis (1869-71, 1873-74), John Davis (Assistant Secretary 1882-85, frus1884)
    "Black": ((1860, 1861),), "Seward": ((1861, 1869), (1877, 1879)), "Hunter": ((1852, 1886),),
    "Fish": ((1869, 1877),), "Davis": ((1869, 1871), (1873, 1874), (1881, 1885)),
    "Cadwalader": ((1874, 1876),), "Evarts": ((1877, 1881),), "Blaine": ((1881, 1881), (1889, 1892)),
    "Hitt": ((1881, 1881),), "Frelinghuysen": ((1881, 1885),), "Bayard": ((1885, 1889),),
    "Porter": ((1885, 1889),), "Wharton": ((1889, 1893),), "Foster": ((1892, 1893),),
    "Adee": ((1882, 1924),), "Gresham": ((1893, 1895),), "Quincy": ((1893, 1893),),
    "Uhl": ((1893, 1895),), "Olney": ((1895, 1897),), "Rockhill": ((1896, 1897),),
    "Sherman": ((1897, 1898),), "Day": ((1897, 1898),), "Cridler": ((1897, 1901),),
    "Hay": ((1898, 1905),), "Hill": ((1898, 1903),), "Loomis": ((1903, 1905),),
    "Root": ((1905, 1909),), "Bacon": ((1905, 1909),), "Knox": ((1909, 1913),),
    "Bryan": ((1913, 1915),),
}


# Foreign envoys in Washington named without a title ("Mr. Seward to Mr. Geofroy", "Mr. Wu to Mr.
# Hay"): the years their notes appear in (volume years, so a little after their service).  Their
# correspondence with the Department is an exchange of notes, not instructions or despatches.
FOREIGN_ENVOYS: dict[str, tuple[int, int]] = {
    "Stoeckl": (1854, 1869), "Tassara": (1857, 1873),  # Russia; Spain (quoted in frus1872p2v2)
    "Mercier": (1860, 1864), "Geofroy": (1864, 1866),  # France
    "Romero": (1859, 1898),  # Matías Romero, Mexico (1860s and 1882-98)
    "Berthemy": (1865, 1870),  # France
    "Martinez": (1881, 1882),  # Marcial Martínez, Chile (frus1882)
    "Cheng Tsao Ju": (1881, 1886), "Tsai Kwoh Ching": (1883, 1886),  # China (frus1884)
    "Roustan": (1882, 1891),  # France (frus1884 d120)
    "West": (1881, 1888),  # Lionel Sackville-West, British minister (frus1882, frus1884)
    "Guzman": (1880, 1894),  # Horacio Guzmán, Nicaragua
    "Patenôtre": (1891, 1897),  # France
    "Dupuy de Lôme": (1895, 1898),  # Spain
    "Lazo Arriaga": (1895, 1897), "Calvo": (1896, 1903),  # Guatemala; Costa Rica
    "von Reichenau": (1896, 1897), "von Holleben": (1897, 1903),  # Germany
    "Wu": (1897, 1909),  # Wu Tingfang, China
    "Takahira": (1900, 1909),  # Japan
}
_ENVOY = {name: re.compile(rf"^(?:Mr\.|M\.|Señor|Senor|Baron|Count|Sir)?\s*{re.escape(name)}\b")
          for name in FOREIGN_ENVOYS}


def classify(
    heading: str, *, subtype: str | None = None, notes: Iterable[str] = (), year: int | None = None,
    participants: bool = False, place: str | None = None,
) -> str:
    """The document type: see the module docstring for the table and its order."""
    if subtype and subtype in SUBTYPES:
        return SUBTYPES[subtype]
    kind = _heading_type(heading)
    if kind == "memorandum" and participants:
        # "Memorandum by the Assistant Secretary of State (Harrison)" with a list of those
        # present (frus1925v02): the memorandum of a conversation
        return "memorandum of conversation"
    if kind:
        return kind
    notes = tuple(notes)
    translated = False
    if notes:
        for kind, pattern in NOTE_HINTS:
            if any(pattern.search(note) for note in notes):
                return kind
        translated = any(TRANSLATION_HINT.search(note) for note in notes)
    foreign_place = bool(place and FOREIGN_PLACE.search(place))
    return _correspondence(heading, translated or foreign_place, year) or "document"


@lru_cache(maxsize=8192)  # a volume repeats its headings ("Mr. Seward to Mr. Dayton" 155 times)
def _heading_type(heading: str) -> str | None:
    if _TRIGGER.search(heading.lower()):
        for kind, pattern in HEADING_TYPES:
            if pattern.search(heading):
                return kind
    return None


@lru_cache(maxsize=8192)
def _correspondence(heading: str, translated: bool, year: int | None) -> str | None:
    text = _NUMBER_PREFIX.sub("", heading).strip(" .")
    parts = _COMMA_SPLIT.split(text, maxsplit=1) if _COMMA_SPLIT.search(text) else _SPLIT.split(text, maxsplit=1)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return None
    sender, recipient = parts
    if CIRCULAR_TO.search(recipient):
        return "circular"
    if PRESIDENT.search(sender):
        return "message" if CONGRESS.search(recipient) else "letter"
    from_dept, by_name_from = _department(sender, year)
    to_dept, by_name_to = _department(recipient, year)
    if from_dept and not to_dept:
        if FOREIGN.search(recipient) or _envoy(recipient, year):
            return "note"
        if US_MISSION.search(recipient) or by_name_from:
            return "instruction"
        return "letter"
    if to_dept and not from_dept:
        if translated or FOREIGN.search(sender) or _envoy(sender, year):
            return "note"
        if US_MISSION.search(sender) or by_name_to:
            return "despatch"
        return "letter"
    if FOREIGN.search(sender) or FOREIGN.search(recipient) or translated or FOREIGN_SECRETARY.search(sender):
        return "note"
    return "letter"


def _envoy(side: str, year: int | None) -> bool:
    """Whether ``side`` names a foreign envoy of :data:`FOREIGN_ENVOYS` in office around ``year``."""
    if year is None:
        return False
    for name, (first, last) in FOREIGN_ENVOYS.items():
        if first <= year <= last + 2 and _ENVOY[name].search(side):
            return True
    return False


def _department(side: str, year: int | None) -> tuple[bool, bool]:
    """(is the Department of State, recognised by a signer's name rather than an office)."""
    if FOREIGN_SECRETARY.search(side):
        return False, False
    if DEPARTMENT.search(side):
        return True, False
    if year is None:
        return False, False
    name = re.split(r"[,(]", side, maxsplit=1)[0].split()
    if not name:
        return False, False
    surname = name[-1].strip(".,;")
    for first, last in DEPARTMENT_SIGNERS.get(surname, ()):
        if first <= year and year - 1 <= last:
            return True, True
    return False, False
