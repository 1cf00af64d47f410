"""Name forms for the mention linker: how a persons-list or authority name is written in a text.

* :func:`parse_name` — ``"Khrushchev, Nikita S."`` → surname ``Khrushchev``, forenames
  ``("Nikita", "S.")``; ``"Thompson, Llewellyn E. (“Tommy”), Jr."``, ``"Sihanouk, Prince
  Norodom"``, ``"Bolshakov Georgi N."`` (no comma), ``"Home"`` with ``see Douglas-Home``;
* :func:`name_forms` — every way a text writes that name: ``Khrushchev``, ``Nikita S.
  Khrushchev``, ``N. S. Khrushchev``, ``N.S. Khrushchev``, ``Khrushchev, Nikita S.``,
  ``KHRUSHCHEV`` …, each with its kind (``surname``, ``full``, ``initials``, ``inverted``);
* :func:`fold` — a same-length form of a text (accents dropped, typographic apostrophes
  straightened) that the automaton searches, so offsets need no mapping back;
* :func:`transliterate` — Cyrillic → Latin (BGN/PCGN-like) with a map back to the offsets of
  the Cyrillic text, for names in Russian originals.

DOCS: docs/linking.md#name-forms
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Words that stand before a name as a title or honorific (folded, lower case; several words
# are matched longest first).  They are context, never part of a mention's span.
TITLES: frozenset[str] = frozenset(
    """mr mrs miss ms messrs mme madame mlle m mm dr doctor sir lord lady dame prince princess king
    queen emperor empress shah sultan emir sheikh general gen lieutenant lt colonel col major maj
    captain capt commander admiral adm marshal brigadier sergeant president premier chancellor
    chairman minister secretary ambassador senator governor mayor judge justice reverend rev father
    monsignor cardinal archbishop bishop pope count countess baron baroness generalissimo excellency
    consul professor prof comrade herr signor senor monsieur colonel-general field-marshal
    commissar envoy delegate representative chief viscount marquis marquess duke earl lord sheik
    infante archduke grand-duke lieut charge chargé commissioner""".split()
)
TITLE_PHRASES: tuple[str, ...] = (
    "vice president", "foreign minister", "prime minister", "deputy prime minister",
    "first deputy premier", "under secretary", "assistant secretary", "secretary of state",
    "attorney general", "consul general", "chief of staff", "secretary general", "field marshal",
    "lieutenant general", "major general", "brigadier general", "rear admiral", "vice admiral",
    "minister of foreign affairs", "commissar for foreign affairs", "chargé d'affaires",
)
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "esq", "md", "phd", "2nd", "3rd", "4th"})
PARTICLES = frozenset({"de", "da", "di", "du", "del", "della", "der", "van", "von", "la", "le", "ten", "ter"})
FEMALE_TITLES = frozenset({"mrs", "miss", "ms", "mme", "madame", "mlle", "lady", "dame", "queen",
                           "princess", "empress", "countess", "baroness"})

# English words that are also surnames in FRUS persons lists: alone, at the start of a
# sentence or before a number ("Page 5"), they are read as words, not names.
COMMON_WORDS = frozenset(
    """page house white root bell king young strong sharp law hope rice grant brown green black gray
    grey little long short hill wood field ford hall lord mark pope close price bush carter mason
    marshall march may early west north
    south east small new rich best good hand land bay dale rose lane street park story love gay
    french english irish welsh scott wise cross hart hay frank wells winter summer
    spring bird fox lamb wolf swift noble bishop dean chase cash stone steel gold silver iron moore
    banks burns mills rivers waters fields woods brooks hardy power powers rich sage strange
    ball battle cousins freeman home manning owen tubby chief general
    major early royal head west east day""".split()
)
_FOLD_TABLE: dict[int, str] = {}
for _code in range(0xC0, 0x250):
    _ch = chr(_code)
    _base = unicodedata.normalize("NFD", _ch)[0]
    if _base != _ch and _base.isascii() and _base.isalpha():
        _FOLD_TABLE[_code] = _base
for _ch in "’‘ʼ`´":
    _FOLD_TABLE[ord(_ch)] = "'"
for _ch in "\u00a0\u2009\u202f":
    _FOLD_TABLE[ord(_ch)] = " "
_FOLD_TABLE[ord("ß")] = "s"
_FOLD_TABLE[ord("ø")] = "o"
_FOLD_TABLE[ord("Ø")] = "O"
_FOLD_TABLE[ord("ł")] = "l"
_FOLD_TABLE[ord("Ł")] = "L"
_FOLD_TABLE[ord("‐")] = "-"
_FOLD_TABLE[ord("‑")] = "-"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str) -> str:
    """``text`` with accents dropped and typographic apostrophes straightened, character for
    character (same length, same offsets): ``"Dorticós’"`` → ``"Dorticos'"``."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(_fold_char, text)


def _fold_char(m: re.Match[str]) -> str:
    ch = m.group()
    return _FOLD_TABLE.get(ord(ch), ch)


def fold_key(text: str) -> str:
    """Lower-case folded form of a word or title, for table look-ups."""
    return fold(text).lower().strip(". ")


@dataclass(frozen=True, slots=True)
class NameParts:
    """A name taken apart: ``surname`` as written, ``forenames`` (words; initials keep their
    dot), ``titles`` found inside the name ("Prince", "Sir"), ``see`` the entry a cross
    reference points to ("Home, see Douglas-Home")."""

    surname: str
    forenames: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    see: str | None = None


_MONARCH = re.compile(r"\b(?:King|Queen|Emperor|Empress|Czar|Tsar|Shah|Sultan|Kaiser|Pope)\b.*\bof\b\s+\w")
_REGNAL = frozenset("i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi".split())
_PAREN = re.compile(r"\s*\(([^)]*)\)")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"],?")
_SPLIT_INITIALS = re.compile(r"(?<=\.)(?=[A-Z])")


def _words(forenames: str) -> list[str]:
    words: list[str] = []
    for w in forenames.replace(",", " ").split():
        words.extend(_SPLIT_INITIALS.split(w))  # "E.M." → "E.", "M."
    return words


def parse_name(name: str, description: str = "") -> list[NameParts]:
    """The readings of a persons-list or authority name, most likely first.

    ``description`` is consulted for cross references (a persons-list entry "Home" described
    "see Douglas-Home").  A parenthesised alternative gives a second reading (``"Zhukov,
    Georgi (Yuri) A."`` → Georgi A. and Yuri A.)."""
    name = " ".join(_QUOTED.sub(" ", name).split())
    see = None
    m = re.match(r"^\s*see\s+(.+?)\.?\s*$", description)
    if m:
        see = m.group(1)
    alternatives = [_PAREN.sub("", name)]
    for alt in _PAREN.findall(name):
        if alt and alt[0].isupper() and "," not in alt and len(alt.split()) == 1:
            alternatives.append(re.sub(r"\S+\s*\(" + re.escape(alt) + r"\)", alt, name))
    out: list[NameParts] = []
    for alt in alternatives:
        parts = _parse_one(" ".join(alt.split()), see)
        if parts is not None and parts not in out:
            out.append(parts)
    return out


def _parse_one(name: str, see: str | None) -> NameParts | None:
    if not name:
        return None
    if "," not in name and " of " in name:
        name = name.split(" of ", 1)[0]  # "Nicholas II of Russia", "Haile Selassie I of Ethiopia"
    if "," in name:
        surname, _, rest = name.partition(",")
        if _MONARCH.search(rest):
            if len(surname.split()) < 2:
                return None  # "George, King of England": a descriptor, no surname ("Derby, Earl of" is one)
            rest = ""  # "Mohammed V, Sultan of Morocco": the regnal name alone
        words = _words(rest)
        numerals = [w for w in words if fold_key(w) in _REGNAL and w.isupper()]
        if numerals and len(numerals) == len(words):
            return NameParts(f"{surname.strip()} {numerals[0]}")  # "George, V" is "George V"
    else:
        words = name.split()
        # "Bolshakov Georgi N." (a comma missing): the surname first when initials close the name
        if len(words) >= 2 and re.fullmatch(r"[A-Z]\.", words[-1]):
            surname, words = words[0], words[1:]
        else:
            titles0 = []
            while len(words) > 1 and fold_key(words[0]) in TITLES:
                titles0.append(words.pop(0))
            if len(words) == 1 or see is not None or fold_key(words[-1]) in _REGNAL:
                # "Nicholas II", "Pius XI": a regnal name is one name, never "II" alone
                whole = " ".join(words)
                return NameParts(whole, (), tuple(titles0), see) if _is_surname(whole) else None
            cut = len(words) - 1
            while cut > 0 and fold_key(words[cut - 1]) in PARTICLES:
                cut -= 1
            last = " ".join(words[cut:])
            return NameParts(last, tuple(words[:cut]), tuple(titles0), see) if _is_surname(last) else None
    surname = surname.strip()
    titles: list[str] = []
    forenames: list[str] = []
    for w in words:
        key = fold_key(w)
        if key in SUFFIXES or key.rstrip(".") in SUFFIXES:
            continue
        if key in TITLES and not forenames:
            titles.append(w)
        elif key in TITLES and w[0].isupper() and len(key) > 2 and key not in {"m"}:
            titles.append(w)
        elif w[:1].isupper():
            forenames.append(w)
    if not _is_surname(surname):
        return None
    return NameParts(surname, tuple(forenames), tuple(titles), see)


# Words the authority's name variants sometimes leave where a surname should be ("Nicholas II,
# Emperor of Russia", "Minister of Foreign Affairs"): never a surname alone.
NOT_SURNAMES = frozenset(
    """the of and affairs council ministers president minister king queen emperor russia italy spain
    sweden norway denmark germany france england britain japan china greece bulgaria rumania romania
    ethiopia montenegro serbia turkey austria hungary belgium holland poland egypt persia iran iraq
    cuba mexico york america american french german british russian italian spanish english dutch
    japanese chinese swedish danish norwegian greek turkish polish soviet union states he she it we
    you they his her a an in on at to by so no do co can may will as if or but not all any one our
    sir mr mrs dr jr sr my me us berlin paris london moscow washington vienna geneva rome tokyo peking
    beijing havana bonn cairo warsaw prague madrid lisbon athens ottawa general colonel consul january
    february march april june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday netherland netherlands pacific atlantic chairman
    president secretary minister ambassador premier chancellor excellency officer charge chargé
    commissioner commander press northern southern eastern western central grand""".split()
)


def _is_surname(surname: str) -> bool:
    if len(re.sub(r"[\W\d_]", "", surname)) < 2:
        return False
    words = surname.split()
    if not words or not words[0][:1].isupper() and fold_key(words[0]) not in PARTICLES:
        return False
    if fold_key(surname) in NOT_SURNAMES:
        return False
    # "Franchet d'Espèrey", "de Gaulle", "van Rappard"
    return all(w[:1].isupper() or fold_key(w) in PARTICLES or re.match(r"[dl]'", w) for w in words)


def _initial(word: str) -> str | None:
    letters = [c for c in word if c.isalpha()]
    if not letters or not letters[0].isupper():
        return None
    return letters[0]


def name_forms(parts: NameParts) -> list[tuple[str, str]]:
    """``(form, kind)`` for every way a text writes the name; kinds ``surname``, ``full``
    (forenames and surname), ``initials``, ``inverted`` ("Khrushchev, Nikita S.").  Upper-case
    copies ("A. GROMYKO") are added by the caller."""
    forms: list[tuple[str, str]] = []
    words = parts.surname.split()
    surnames = [parts.surname]
    if len(words) > 1 and fold_key(words[0]) in PARTICLES:
        rest = " ".join(words[1:])
        surnames = [f"{words[0].lower()} {rest}", f"{words[0].capitalize()} {rest}"]
        if rest[:1].isupper() and fold_key(rest) not in COMMON_WORDS | NOT_SURNAMES:
            forms.append((rest, "surname"))  # "Chambrun" for "de Chambrun", "Gama" for "da Gama"
    if len(words) == 2 and "-" not in parts.surname and words[0][:1].isupper() and len(words[0]) >= 5 \
            and fold_key(words[0]) not in COMMON_WORDS | NOT_SURNAMES and fold_key(words[1]) not in _REGNAL:
        # a double surname is often cut to its first part: "Dorticós Torrado" → "Dorticós"
        forms.append((words[0], "surname"))
    for s in dict.fromkeys(surnames):
        forms.extend(_forms(s, parts))
    return list(dict.fromkeys(forms))


_ABBREVIATED = {"William": "Wm.", "Charles": "Chas.", "George": "Geo.", "Thomas": "Thos.", "James": "Jas.",
                "John": "Jno.", "Robert": "Robt.", "Edward": "Edw.", "Benjamin": "Benj.", "Samuel": "Saml.",
                "Joseph": "Jos.", "Frederick": "Fred."}


def _forms(s: str, parts: NameParts) -> list[tuple[str, str]]:
    forms: list[tuple[str, str]] = [(s, "surname")]
    fn = [w for w in parts.forenames if w]
    if fn:
        full = " ".join(fn)
        forms.append((f"{full} {s}", "full"))
        named = [w for w in fn if len(w.rstrip(".")) > 1]
        if named and named[0] != fn[0]:
            forms.append((f"{named[0]} {s}", "full"))
        if len(fn[0].rstrip(".")) > 1 and len(fn) > 1:
            forms.append((f"{fn[0]} {s}", "full"))
            for t in parts.titles:
                forms.append((f"{t} {fn[0]} {s}", "full"))
        inits = [i for i in (_initial(w) for w in fn) if i]
        if inits:
            forms.append((" ".join(f"{i}." for i in inits) + f" {s}", "initials"))
            forms.append(("".join(f"{i}." for i in inits) + f" {s}", "initials"))
            if len(inits) > 1:
                forms.append((f"{inits[0]}. {s}", "initials"))
                # first forename written out, the others as initials: "Martin J. Hillenbrand"
                if len(fn[0].rstrip(".")) > 1:
                    forms.append((f"{fn[0]} " + " ".join(f"{i}." for i in inits[1:]) + f" {s}", "full"))
        for middle in named[1:]:
            forms.append((f"{middle} {s}", "full"))  # "Nelson Page" (Thomas Nelson Page)
        short = _ABBREVIATED.get(fn[0])
        if short:
            rest = " ".join(fn[1:])
            forms.append((f"{short} {rest} {s}" if rest else f"{short} {s}", "full"))  # "Wm. G. Sharp"
        forms.append((f"{s}, {full}", "inverted"))
    return forms


# -- Cyrillic ----------------------------------------------------------------------------------

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g",
}
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
RUSSIAN_ENDINGS = ("", "a", "u", "om", "ym", "im", "e", "oy", "oi", "y", "ovy", "ogo", "omu", "ym")


def transliterate(text: str) -> tuple[str, list[int]]:
    """Cyrillic letters of ``text`` in Latin letters (``Хрущёв`` → ``Khrushchev``), and for each
    character of the result the offset in ``text`` it came from (one past the end last)."""
    out: list[str] = []
    back: list[int] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        latin = _CYR.get(low)
        if latin is None:
            out.append(ch)
            back.append(i)
            continue
        if ch != low and latin:
            shouting = any(c.isupper() for c in text[max(0, i - 1):i] + text[i + 1:i + 2])
            latin = latin.upper() if shouting else latin[0].upper() + latin[1:]
        out.append(latin)
        back.extend([i] * len(latin))
    back.append(len(text))
    return "".join(out), back


__all__ = [
    "COMMON_WORDS", "CYRILLIC", "FEMALE_TITLES", "NameParts", "TITLES", "TITLE_PHRASES",
    "fold", "fold_key", "name_forms", "parse_name", "transliterate",
]
