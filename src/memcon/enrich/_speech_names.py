"""Persons the record names whom the linker could not link: "M. Drouyn de l’Huys", "Marshal
Graziani", "Señor Fernandez", "Prince Kung" — an honorific or a rank and a capitalised name.

The name linker only finds names of persons of the authority (and of the volume's list), so a
speaker the authority lacks leaves no mention, and the statement extractor could not see him: not
as a sentence's subject, not as the person "he" goes back to, not as the holder of the office
"the Marshal" names.  :func:`unlinked_names` gives these names as unresolved mentions (kind
``name``, no person), for the extractor's use only: they are not stored as the linker's mentions.

DOCS: docs/statements.md#names-the-authority-lacks
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from memcon.enrich._speech_text import trie_pattern
from memcon.model.people import Mention

METHOD = "memcon.unlinked_names.v1"

_ABBREVIATED = r"Mr|Mrs|Messrs|M|MM|Mme|Dr|Gen|Col|Capt|Lieut|Lt|Maj|Adm|Rev|Hon|Sen|Gov"
"""Honorifics printed with a period ("Mr.", "M.", "Gen."); the others take none ("President. He …" ends a sentence)."""
_HONORIFICS = (
    r"Doctor|Señor|Senor|Señora|Signor|Signore|Monsieur|Madame|Herr|Baron|Count|"
    r"Countess|Prince|Princess|Marquis|Marquess|Duke|Sir|Lord|Lady|Dom|Don|General|Colonel|Admiral|"
    r"Marshal|Captain|Lieutenant|Major|Commander|Commodore|Judge|Senator|Governor|Viceroy|"
    r"Ambassador|Minister|Consul|Secretary|President|Premier|Chancellor|Emperor|King|Queen|Sultan|Shah|"
    r"Khedive|Bishop|Cardinal|Father"
)
_PARTICLE = r"(?:de|da|di|do|dos|das|del|della|van|von|der|den|du|la|le|y|e|ten|ter|zu)"
_WORD = r"(?:St\.|[A-Z][\w’'-]*[a-z][\w’'-]*|[A-Z]\.|(?:[dl][’'])?[A-Z][\w’'-]+)"
_NAME_RE = re.compile(
    r"\b(?P<h>(?:" + trie_pattern(tuple(_ABBREVIATED.split("|"))) + r")\.?|"
    + trie_pattern(tuple(_HONORIFICS.split("|"))) + r")(?:[ \t]+\n?|\n)[ \t]*"
    r"(?P<name>(?:(?:de|de la|del|van|von|da|di|du|le|la)\s+)?" + _WORD + r"(?:\s+(?:" + _PARTICLE + r"\s+)?"
    + _WORD + r"){0,3})"
)
# Capitalised words after an honorific that are no one's name ("Mr. President", "General Assembly").
_NOT_NAMES = frozenset("""
President Secretary Minister Ambassador Consul Chairman Premier Chancellor General Governor Senator
Assembly Staff Government Council Committee Commission Conference Mayor Resident Plenipotentiary
Extraordinary Envoy Agent Delegate Delegation Legation Embassy Department Office House Court Congress
Senate Parliament Chamber Cabinet Republic State States United Foreign Affairs War Navy Marine Interior
Treasury Justice Finance Commerce Of For The And In On At To His Her Their Our My Your Excellency
Majesty Highness Lordship Grace Holiness Church Bank Company Railway Canal Islands Island Bay River
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday I II III IV V VI VII VIII IX X
He She It They We You Me Him Them Us This That These Those There Here Who Which What When Where
""".split())


def unlinked_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The names with an honorific in ``text`` that no text mention overlaps, as unresolved
    mentions of the name alone ("Drouyn de l’Huys" of "M. Drouyn de l’Huys"): the honorific
    stays before the mention, where the extractor reads it."""
    taken = sorted((m.start, m.end) for m in mentions if m.footnote is None)
    starts = [s for s, _ in taken]
    out: list[Mention] = []
    for m in _NAME_RE.finditer(text):
        words = m.group("name").split()
        while words and (words[-1] in _NOT_NAMES or re.fullmatch(_PARTICLE, words[-1])):
            words.pop()  # "Señor Fernandez In" … is never a name's end
        if not words or words[0] in _NOT_NAMES or all(w.endswith(".") for w in words):
            continue
        start = m.start("name")
        name = " ".join(words)
        end = start + len(name)
        if text[start:end] != name:  # a line break inside the name: keep the printed words
            end = _end_of(text, start, len(words))
        i = bisect_left(starts, end)
        if any(s < end and start < e for s, e in taken[max(0, i - 8):i]):
            continue  # the linker's mention is there
        out.append(Mention(start, end, text[start:end], None, 0.0, METHOD,
                           f"'{m.group('h')}' and a name no person of the authority bears", None, "name"))
    return out


def _end_of(text: str, start: int, count: int) -> int:
    """The end of the first ``count`` words from ``start``."""
    for w in re.finditer(r"\S+", text[start:]):
        count -= 1
        if count == 0:
            return start + w.end()
    return len(text)


__all__ = ["METHOD", "unlinked_names"]
