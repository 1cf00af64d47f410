"""Who held an office, as the documents themselves say it (``memcon.attested.v1``).

The authority (HistoryAtState's people, POCOM, presidents, visits, the volumes' persons lists)
dates the US Secretaries of State, Presidents and chiefs of mission, but not the Secretaries of
War or the Treasury of the 1860s, nor most foreign heads of government and foreign ministers.
The volumes print them, dated by the document: FRUS headings name the office and its holder
("The Salvadoran Minister for Foreign Affairs (Araujo) to the Secretary of State"), letters are
addressed to them ("Hon. E. M. Stanton, Secretary of War"), despatches introduce them ("Mr.
Hamaguchi, the Prime Minister of Japan").  :func:`find_attestations` reads these
:class:`~memcon.model.people.Attestation` s from a document; :mod:`memcon.authority.attested`
answers "who held it on that day" from them where the authority knows no holder.

What counts, deliberately narrow:

* an office phrase (:func:`memcon.enrich.titles.find_offices`) with a name in parentheses after
  it, in apposition before or after it, or right after it ("Foreign Secretary Eden") — the
  strong forms of :func:`memcon.enrich._titles_context.names_near`; never a signature, a colon
  or a name in a list;
* a whole office: "Secretary of War", not a bare "Secretary" (of what?); a President only "of"
  a country or the Republic of one;
* the government it serves said by the words ("Salvadoran", "of Japan", "our"), or, for an
  office the United States has not (a Prime Minister, a Foreign Minister, "for Foreign
  Affairs"), the country the record was written in; a US office (a Secretary of War, an
  Attorney General) in a US record is the United States';
* not "the former", "the late", "the then", "ex-" — the document's date is then not his term;
* a dated document (the day is the attestation's date).

DOCS: docs/authority.md#offices-the-documents-attest
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from memcon.authority._names import country
from memcon.authority.titles import office_key
from memcon.enrich._titles_context import names_near, read_heading
from memcon.enrich.titles import OFFICES, US, TitleMention, _date, document_side, find_offices
from memcon.model.people import Attestation, Person
from memcon.model.records import Document

if TYPE_CHECKING:
    from memcon.authority.lookup import Authority

METHOD = "memcon.attested.v1"

_NOT_HIS_TERM = re.compile(
    r"\b(?:former|formerly|late|then|ex-?|retiring|retired|outgoing|previous|future|incoming|designate|acting|"
    r"vice|assistant|deputy|sometime|one-time)[\s-]*(?:the\s+)?$",
    re.I,
)
_WHOLE = re.compile(r"\b(?:of|for|to|in|at)\b")
_STRONG_FORMS = frozenset({"parenthesis", "apposition", "following"})
_NOT_NAMES = frozenset("agriculture treasury war navy state interior commerce labor justice department government "
                       "republic legation embassy council board committee commission".split())


_LETTERHEAD = re.compile(
    r"(?:Department\s+of\s+(?:the\s+)?(?P<a>Treasury|War|Navy|Interior|Agriculture|Commerce|Labor|Justice)"
    r"|(?P<b>Treasury|War|Navy|Interior|Agriculture|Commerce|Labor|Justice)\s+Department),?\s*\n\s*"
    r"Office\s+of\s+the\s+Secretary\b"
)
_LETTER_START = re.compile(r"\n\[[^\]\n]*(?:[Ii]nclosure|[Ee]nclosure)[^\]\n]*\]")
_NAME = r"(?:(?:General|Gen\.|Don|Señor|Senor|Dr\.|Doctor|Mr\.|Hon\.)\s+)*[A-Z][\w.'’-]*(?:\s+(?:de\s+|y\s+)?[A-Z][\w.'’-]*){0,4}"
_REPUBLIC = re.compile(
    rf"(?P<n1>{_NAME}),\s+(?:the\s+)?(?:constitutional\s+|provisional\s+)?[Pp]resident\s+of\s+(?:this|the)\s+[Rr]epublic\b"
    rf"(?:\s+of\s+(?P<c>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?))?"
    rf"|\b[Tt]he\s+(?:present\s+)?[Pp]resident\s+of\s+(?:this|the)\s+[Rr]epublic,\s+(?P<n2>{_NAME})"
)


_CABINET = re.compile(r"^Secretary of (?:the )?(?:War|Treasury|Navy|Interior|Agriculture|Commerce|Labor|Justice|Defense"
                      r"|Health|Commerce and Labor|Army|Air Force)$")
_TITLE_WORDS = frozenset("excellency his her highness majesty imperial royal the sir señor senor don general doctor "
                         "dr mr hon tex".split())
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DATELINE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}},\s+(?:1[789]\d\d|20\d\d)\b")


def _plausible(name: str) -> bool:
    """A name, not a form of address or a stray word ("His Excellency", "Tex.", "I")."""
    words = [w.strip(".,’'").lower() for w in name.split()]
    return any(len(w) >= 3 and w not in _TITLE_WORDS and w not in _NOT_NAMES for w in words)


def _letter_date(text: str, at: int, on: str) -> str:
    """The date of the letter the words at ``at`` stand in: an inclosure printed with a later
    despatch carries its own dateline ("Washington, D. C., September 28, 1897"); else ``on``."""
    window = text[max(0, at - 6000) : at]
    starts = list(_LETTER_START.finditer(window))
    if not starts:
        return on
    dated = _DATELINE.search(window, starts[-1].end())
    if dated is None:
        return on
    from memcon.authority.titles import parse_date

    found = parse_date(dated.group(0))
    return found if found and len(found) == 10 else on


_YEAR = re.compile(r"\b(1[789]\d\d|20\d\d)\b")


def _other_year(text: str, start: int, end: int, day: str) -> bool:
    """Whether the sentence holding the words names a year other than the attestation's (a past
    holder recalled: "the note addressed in 1891 by the Secretary of the Navy, Mr. Tracy")."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    sentence = text[left : min(stops) if stops else len(text)]
    return any(y != day[:4] for y in _YEAR.findall(sentence))


def _department(text: str, at: int) -> str | None:
    """The department whose letterhead heads the letter ending at ``at`` ("U. S. Department of
    Agriculture, / Office of the Secretary," … "James Wilson, Secretary."): the Secretary of it."""
    window = text[max(0, at - 6000) : at]
    starts = list(_LETTER_START.finditer(window))
    if starts:
        window = window[starts[-1].end() :]
    found = list(_LETTERHEAD.finditer(window))
    if not found:
        return None
    name = found[-1].group("a") or found[-1].group("b")
    return f"Secretary of {'the ' if name in {'Treasury', 'Navy', 'Interior'} else ''}{name}"


def _whole_office(mention: TitleMention) -> bool:
    """Whether the words name one office, not a kind: "Secretary of War" but not "Secretary";
    "President of the French Republic" but not "President"."""
    key = mention.office.key
    if key in {"secretary", "acting-secretary"}:  # a cabinet department's, not "of Legation", "of the Senate"
        return mention.query is not None and key == "secretary" and _CABINET.match(mention.query) is not None
    if key == "secretary-of-state":
        return "of State" in mention.text or mention.query is not None
    if key in {"president", "ambassador", "minister"}:
        return mention.side not in (None, "republic", "own") or mention.place is not None or (
            key != "president" and mention.side == "own")
    return True  # a Prime Minister, a Foreign Minister, a Chairman, an Attorney General, an Under Secretary


def _side(mention: TitleMention, own: str | None, host: str | None) -> str | None:
    """The government the office serves, or ``None`` when the words and the record do not say."""
    if mention.side == "own":
        return own
    if mention.side == "republic":
        return host
    if mention.side is not None:
        return mention.side
    if (mention.query or "").endswith("for Foreign Affairs"):
        return host
    if not mention.office.us:  # a Prime Minister, a Foreign Minister: the host's, not "of the <body>"
        return host if mention.query is None else None
    if mention.office.key in {"ambassador", "minister"}:  # ours, where the words say where
        return own if mention.place is not None and mention.place != own else None
    if mention.office.key in {"president", "under-secretary"} and host is not None:
        return None  # written abroad: the host's or ours
    return own if own == US else None


def find_attestations(document: Document, authority: Authority | None = None) -> list[Attestation]:
    """The offices ``document`` says someone held on its date (see the module docstring) — in
    its text and in the editors' footnotes that identify a person ("Anthony Eden, British
    Secretary of State for Foreign Affairs") — each with the person of ``authority`` the name is
    when it is one."""
    on = _date(document)
    if on is None or not document.text:
        return []
    own = document_side(document)
    heading = read_heading(document.heading, document.place)
    host = heading.written_in if heading.written_in not in (None, own) else None
    out: list[Attestation] = []
    _read(document, document.text, None, on, own, host, authority, out)
    for i, note in enumerate(document.footnotes):
        if note.kind == "footnote" and not note.inline:
            _read(document, note.text, i, on, own, host, authority, out)
    # "General Don J. Rufino Barrios, President of this Republic" (written there), "J. Rufino
    # Barrios, constitutional President of the Republic of Guatemala"
    text = document.text
    for m in _REPUBLIC.finditer(text):
        named = country(m.group("c")) if m.group("c") else None
        where = named or (host if not m.group("c") else None)
        name = _bare((m.group("n1") or m.group("n2") or "").strip())
        if where is None or not _plausible(name) or "\n" in m.group(0) \
                or _NOT_HIS_TERM.search(text[max(0, m.start() - 14) : m.start()]):
            continue
        if any(a.office == "president" and a.side == where and a.name == name for a in out):
            continue
        day = _letter_date(text, m.start(), on)
        if _other_year(text, m.start(), m.end(), day):
            continue
        out.append(Attestation(document.id, day, "president", None, where, name,
                               _person(authority, name, "President", day, where), m.group(0), m.start(), m.end(),
                               METHOD))
    return out


def _read(document: Document, text: str, footnote: int | None, on: str, own: str | None, host: str | None,
          authority: Authority | None, out: list[Attestation]) -> None:
    """Append the attestations of one text of ``document`` (its text, or footnote ``footnote``)."""
    for mention in find_offices(text):
        if mention.office.key == "secretary-of-state" and mention.text == "Secretary" and mention.query is None:
            query = _department(text, mention.start)
            if query is None:
                continue
            mention = TitleMention(mention.start, mention.end, mention.text, OFFICES["secretary"], None, None, query)
        if mention.office.key == "president" and mention.side == "republic" and host is not None:
            mention = TitleMention(mention.start, mention.end, mention.text, mention.office, host, None, None)
        if not _whole_office(mention) or _NOT_HIS_TERM.search(text[max(0, mention.start - 14) : mention.start]):
            continue
        side = _side(mention, own, host)
        if side is None:
            continue
        if mention.office.key in {"ambassador", "minister"} and mention.place is None:
            # "The British Ambassador (Howard) to the Secretary of State": a FRUS heading's foreign
            # envoy is the one in Washington; elsewhere "the Bolivian Minister" may be anywhere
            if not (footnote is None and own == US and side != US and mention.start < len(document.heading or "") + 2):
                continue
            mention = TitleMention(mention.start, mention.end, mention.text, mention.office, mention.side, US,
                                   mention.query)
        near = next((n for n in names_near(text, mention.start, mention.end)
                     if n.strong and n.how in _STRONG_FORMS), None)
        if near is None or not _plausible(near.name) or near.name.split()[-1].lower() in _NOT_NAMES:
            continue
        at = text.find(near.name, max(0, mention.start - 120), mention.end + 120)
        if at >= 0 and _NOT_HIS_TERM.search(text[max(0, at - 14) : at]):
            continue
        query = mention.query or mention.office.title
        asked = f"{query} to {mention.place}" if mention.place else query
        office, place, _title_side = office_key(asked)
        start = min(mention.start, at) if at >= 0 else mention.start
        end = max(mention.end, at + len(near.name)) if at >= 0 else mention.end
        if "\n\n" in text[start:end]:
            continue  # a signature above a heading is not the heading's office
        name = _bare(near.name)
        if any(a.office == office and a.side == side and a.name == name for a in out):
            continue
        day = _letter_date(text, start, on) if footnote is None else on
        if _other_year(text, start, end, day):
            continue  # "in 1891 the Secretary of the Navy, Mr. Tracy, …": another year's holder
        out.append(Attestation(document.id, day, office, place, side, name, _person(authority, name, asked, day, side),
                               text[start:end], start, end, METHOD, footnote))


_HONORIFICS = re.compile(r"^(?:(?:General|Gen\.|Don|Doña|Señor|Senor|Sr\.|Doctor|Dr\.|Hon\.|Honorable|Monsieur|M\.|Mr\.?"
                         r"|Mrs\.?|Baron|Count|Prince|Admiral|Marshal|Colonel|Col\.|His\s+Excellency|Excellency)\s+)+")


def _bare(name: str) -> str:
    """The name without the honorifics before it: "General Don J. Rufino Barrios" → "J. Rufino
    Barrios", "Mr. Hamaguchi" → "Hamaguchi" (the printed words stay in ``Attestation.text``)."""
    return _HONORIFICS.sub("", name).strip() or name


def _person(authority: Authority | None, name: str, asked: str, on: str, side: str) -> str | None:
    """The authority's person ``name`` is (holding that office or not), when it is one."""
    if authority is None:
        return None
    from memcon.enrich._titles_names import named_holder

    named, _why = named_holder(authority, name, asked, on=on, side=side, strong=True)
    if len(named) != 1:
        return None
    found = named[0]
    if found.role is None and not _known_then(found.person, int(on[:4])):
        return None  # "Santa Maria", President of Chile in 1882, is not the authority's ambassador of 1970
    return found.person.id


def _known_then(person: Person, year: int) -> bool:
    """Whether the authority places the person near ``year``: alive then by the dates of his life,
    or holding some dated office within :data:`~memcon.enrich._resolve.KNOWN_WITHIN` years."""
    from memcon.enrich._resolve import KNOWN_WITHIN

    born, died = (person.birth or "")[:4], (person.death or "")[:4]
    if born.isdigit():
        return int(born) + 15 <= year <= (int(died) if died.isdigit() else int(born) + 90)
    years = [int(d[:4]) for r in person.roles for d in (r.start, r.end) if d and d[:4].isdigit()]
    if not years:
        return not died.isdigit() or year <= int(died)
    return min(years) - KNOWN_WITHIN <= year <= max(years) + KNOWN_WITHIN


__all__ = ["METHOD", "find_attestations"]
