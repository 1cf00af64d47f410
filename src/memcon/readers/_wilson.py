"""Helpers shared by the Wilson Center Digital Archive readers (saved page and API JSON).

What they produce, each from a record's printed or catalogued form:

* :func:`language_code` — language names and ISO 639-2 codes ("Russian", ``rus``) → ISO 639-1 (``ru``);
* :func:`parse_date` — the date forms of the archive ("October 18, 1962", "20/10/1962",
  the API's ``19621018``) → :class:`DocDate`;
* :func:`html_paragraphs` — transcript/translation HTML, sanitised with nh3, → clean paragraphs;
* :func:`join_broken` — paragraphs the page layout broke mid-sentence joined again;
* :func:`build_body` — a record's body (paragraphs) → rendered text with heading line and
  dateline first, "/ ... /" omissions marked, the signature and sign-off date found;
* :func:`author_name` — the signatory's fullest name in the record, in normal case ("A. A. Gromyko");
* :func:`doc_type` — the document type from the title's words (a small declarative table).

DOCS: docs/formats.md#wilson-center-digital-archive-records
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import nh3
from lxml import html as lxml_html

from memcon.errors import ReadError
from memcon.model.records import Annotation, DocDate, Provenance, Volume

VOLUME_ID = "wilson"
VOLUME_TITLE = "Wilson Center Digital Archive"
PUBLISHER = "Wilson Center"
RECORD_URL = "https://digitalarchive.wilsoncenter.org/document/{id}"


def volume(provenance: Provenance | None) -> Volume:
    """The Volume every Wilson Center record belongs to."""
    return Volume(id=VOLUME_ID, title=VOLUME_TITLE, publisher=PUBLISHER, provenance=provenance)


def read_bytes(path: str) -> bytes:
    """The bytes of ``path``; a missing or unreadable file is a :class:`ReadError`."""
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror or exc}", path=path,
                        hint="check the path and its permissions") from exc

# ------------------------------------------------------------------ languages
# ISO 639-1 code, English names, ISO 639-2 (B and T) codes the API uses for Language.id.
_LANGUAGES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("en", ("english",), ("eng",)), ("ru", ("russian",), ("rus",)),
    ("zh", ("chinese", "mandarin"), ("chi", "zho")), ("de", ("german",), ("ger", "deu")),
    ("fr", ("french",), ("fre", "fra")), ("es", ("spanish",), ("spa",)), ("it", ("italian",), ("ita",)),
    ("pl", ("polish",), ("pol",)), ("cs", ("czech",), ("cze", "ces")), ("sk", ("slovak",), ("slo", "slk")),
    ("hu", ("hungarian",), ("hun",)), ("ro", ("romanian",), ("rum", "ron")), ("bg", ("bulgarian",), ("bul",)),
    ("sr", ("serbian",), ("srp",)), ("hr", ("croatian",), ("hrv",)), ("sh", ("serbo-croatian",), ("scr", "hbs")),
    ("sl", ("slovenian", "slovene"), ("slv",)), ("mk", ("macedonian",), ("mac", "mkd")),
    ("sq", ("albanian",), ("alb", "sqi")), ("el", ("greek",), ("gre", "ell")), ("tr", ("turkish",), ("tur",)),
    ("ar", ("arabic",), ("ara",)), ("fa", ("persian", "farsi"), ("per", "fas")), ("he", ("hebrew",), ("heb",)),
    ("ja", ("japanese",), ("jpn",)), ("ko", ("korean",), ("kor",)), ("vi", ("vietnamese",), ("vie",)),
    ("mn", ("mongolian",), ("mon",)), ("pt", ("portuguese",), ("por",)), ("nl", ("dutch",), ("dut", "nld")),
    ("sv", ("swedish",), ("swe",)), ("no", ("norwegian",), ("nor",)), ("da", ("danish",), ("dan",)),
    ("fi", ("finnish",), ("fin",)), ("uk", ("ukrainian",), ("ukr",)), ("be", ("belarusian",), ("bel",)),
    ("ka", ("georgian",), ("geo", "kat")), ("hy", ("armenian",), ("arm", "hye")),
    ("az", ("azerbaijani",), ("aze",)), ("kk", ("kazakh",), ("kaz",)), ("uz", ("uzbek",), ("uzb",)),
    ("et", ("estonian",), ("est",)), ("lv", ("latvian",), ("lav",)), ("lt", ("lithuanian",), ("lit",)),
    ("hi", ("hindi",), ("hin",)), ("ur", ("urdu",), ("urd",)), ("id", ("indonesian",), ("ind",)),
    ("km", ("khmer",), ("khm",)), ("lo", ("lao",), ("lao",)), ("th", ("thai",), ("tha",)),
    ("my", ("burmese",), ("bur", "mya")), ("tg", ("tajik",), ("tgk",)), ("is", ("icelandic",), ("ice", "isl")),
)
_LANGUAGE_INDEX: dict[str, str] = {}
for _code, _names, _codes3 in _LANGUAGES:
    for _key in (_code, *_names, *_codes3):
        _LANGUAGE_INDEX[_key] = _code
# Scripts that tell transcripts apart when the record lists several languages.
_SCRIPTS: dict[str, tuple[str, ...]] = {
    "cyrillic": ("ru", "uk", "be", "bg", "sr", "mk", "mn", "kk", "tg"),
    "cjk": ("zh", "ja"), "hangul": ("ko",), "arabic": ("ar", "fa", "ur"), "hebrew": ("he",),
    "greek": ("el",), "georgian": ("ka",), "armenian": ("hy",), "thai": ("th",),
}


def language_code(name: str | None) -> str | None:
    """ISO 639-1 code for a language name or ISO 639-1/639-2 code; the name as given when unknown."""
    if not name or not name.strip():
        return None
    key = name.strip().lower()
    return _LANGUAGE_INDEX.get(key, name.strip())


def script_of(text: str) -> str:
    """The dominant script of ``text``'s letters: ``latin``, ``cyrillic``, ``cjk`` … (``latin`` when none)."""
    counts: dict[str, int] = {}
    for ch in text[:4000]:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        word = name.split(" ", 1)[0]
        script = {"CJK": "cjk", "HIRAGANA": "cjk", "KATAKANA": "cjk"}.get(word, word.lower())
        counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else "latin"


def guess_language(text: str, candidates: Sequence[str]) -> str | None:
    """The first of ``candidates`` (ISO 639-1) written in ``text``'s script; ``None`` when none is."""
    script = script_of(text)
    for code in candidates:
        in_script = next((s for s, codes in _SCRIPTS.items() if code in codes), "latin")
        if in_script == script:
            return code
    return None


# ------------------------------------------------------------------ dates
_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
# the originals' own dates in transcripts: Russian (genitive and nominative), German, French
for _i, _words in enumerate((
        "января январь januar janvier", "февраля февраль februar février", "марта март märz mars",
        "апреля апрель april avril", "мая май mai", "июня июнь juni juin", "июля июль juli juillet",
        "августа август august août", "сентября сентябрь septembre", "октября октябрь oktober octobre",
        "ноября ноябрь novembre", "декабря декабрь dezember décembre"), start=1):
    _MONTHS.update({_name: _i for _name in _words.split()})
_MONTH = r"(?P<m>[^\W\d_]{3,9})\.?"
_YEAR_WORD = re.compile(r"\s*(?:г\.|г|года|год)$")  # "21 ноября 1962 г."
_UNCERTAIN = re.compile(r"^\s*(?:c\.|ca\.|circa|approx(?:imately|\.)?|\[)\s*|\?|\]", re.IGNORECASE)
_DATE_FORMS: tuple[re.Pattern[str], ...] = tuple(re.compile(p + r"$", re.IGNORECASE) for p in (
    rf"{_MONTH}\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})",  # October 18, 1962
    rf"(?P<d>\d{{1,2}})\.?\s+{_MONTH},?\s+(?P<y>\d{{4}})",  # 18 October 1962, 18. Oktober 1962
    rf"{_MONTH},?\s+(?P<y>\d{{4}})",  # October 1962
    r"(?P<y>\d{4})-(?P<mn>\d{2})(?:-(?P<d>\d{2}))?",  # 1962-10-18, 1962-10
    r"(?P<y>\d{4})(?P<mn>\d{2})(?P<d>\d{2})",  # the API's doc_date 19621018 (00 = unknown)
    r"(?P<y>\d{4})",
))
# 20/10/1962, 20.10.1962: day first, as the archives' Soviet-bloc and European sources write it;
# month first only when the first number cannot be a month's day order (10/20/1962).
_NUMERIC = re.compile(r"(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>\d{4})$")
_RANGE = re.compile(r"^(.+?)\s+(?:-|–|—|to)\s+(.+)$")


def _valid(y: int, m: int, d: int) -> bool:
    days = (31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return 1 <= m <= 12 and 1 <= d <= days[m - 1]


def _single(text: str) -> tuple[str, str] | None:
    """(ISO date, precision) of one date, or ``None``."""
    numeric = _NUMERIC.match(text)
    if numeric:
        a, b, y = int(numeric["a"]), int(numeric["b"]), int(numeric["y"])
        d, m = (b, a) if a <= 12 < b else (a, b)
        return (f"{y:04d}-{m:02d}-{d:02d}", "day") if _valid(y, m, d) else None
    for form in _DATE_FORMS:
        found = form.match(text)
        if not found:
            continue
        parts = found.groupdict()
        y = int(parts["y"])
        if parts.get("m"):
            m = _MONTHS.get(parts["m"].lower(), 0)
            if not m:
                return None
        else:
            m = int(parts.get("mn") or 0)
        d = int(parts.get("d") or 0)
        if m == 0:
            return f"{y:04d}", "year"
        if d == 0:
            return (f"{y:04d}-{m:02d}", "month") if 1 <= m <= 12 else None
        return (f"{y:04d}-{m:02d}-{d:02d}", "day") if _valid(y, m, d) else None
    return None


def parse_date(text: str | None, *, source: str = "heading") -> DocDate | None:
    """A :class:`DocDate` for one of the archive's date forms, or ``None`` when ``text`` is not a date.

    Ranges ("October 18, 1962 - October 20, 1962") fill ``start``/``end``; "c.", "ca.", "?" and
    square brackets mark the date ``uncertain``.
    """
    if not text or not text.strip():
        return None
    raw = " ".join(text.split()).strip(" .")
    uncertain = bool(_UNCERTAIN.search(raw))
    clean = _YEAR_WORD.sub("", _UNCERTAIN.sub("", raw).strip(" .,")).strip(" .,")
    one = _single(clean)
    if one:
        return DocDate(text=raw, when=one[0], precision=one[1], uncertain=uncertain, source=source)  # type: ignore[arg-type]
    ranged = _RANGE.match(clean)
    if ranged:
        first, last = _single(ranged[1].strip(" ,")), _single(ranged[2].strip(" ,"))
        if first and last and first[0] <= last[0]:
            return DocDate(text=raw, start=first[0], end=last[0], precision=first[1],  # type: ignore[arg-type]
                           uncertain=uncertain, source=source)
    return None


# ------------------------------------------------------------------ HTML → paragraphs
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr",
                     "table", "ul", "ol", "dl", "dt", "dd", "section", "article", "header", "footer",
                     "center", "address", "hr"})
_KEEP_TAGS = set(_BLOCKS) | {"br", "td", "th", "tbody", "thead", "span", "b", "i", "em", "strong", "u",
                             "sup", "sub", "a", "font", "small"}


def html_paragraphs(markup: str) -> list[str]:
    """The paragraphs of an HTML transcript or translation, as clean text.

    The HTML is sanitised with nh3 (scripts, styles and comments dropped with their content; the
    tree repaired: the archive's files nest ``<p>`` in ``<span>`` in ``<p>``), then walked with
    lxml: each block element ends a paragraph, ``<br>`` is a line break, white space collapses.
    """
    clean = nh3.clean(markup, tags=_KEEP_TAGS, attributes={}, clean_content_tags={"script", "style"},
                      strip_comments=True)
    if not clean.strip():
        return []
    root = lxml_html.fragment_fromstring(clean, create_parent="div")
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines = ["".join(line).strip() for line in "".join(current).split("\n")]
        text = "\n".join(" ".join(line.split()) for line in lines if line.strip())
        if text:
            paragraphs.append(text)
        current.clear()

    def walk(el: lxml_html.HtmlElement) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _BLOCKS:
            flush()
        if tag == "br":
            current.append("\n")
        elif tag in ("td", "th"):
            current.append(" ")
        if el.text:
            current.append(el.text.replace("\n", " "))
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail.replace("\n", " "))
        if tag in _BLOCKS:
            flush()

    walk(root)
    flush()
    return paragraphs


# ------------------------------------------------------------------ paragraphs broken by the layout
# A paragraph ends a sentence when its last character (closing quotes and brackets aside) is one
# of these; "/ ... /" (an omission mark) and a dash-less heading are treated as ends too.
_FINAL = ".!?…:;/"
_CLOSERS = "\"'”’»)]"
# A next paragraph opening with a list marker ("a) …", "ii. …") starts an item, not a continuation.
_LIST_ITEM = re.compile(r"^(?:[a-z]|[ivx]{1,4})[.)]\s")


# A layout break leaves at least a printed line before it; shorter blocks are headers and
# markings ("Top Secret" / "copy no. 3", "Совершенно секретно" / "экз. № 1"), not broken sentences.
_MIN_WORDS = 4


def continues(previous: str, following: str) -> bool:
    """Whether ``following`` continues the sentence ``previous`` leaves open (a layout break).

    True when ``previous`` does not end with sentence-final punctuation (``.!?…:;`` or an
    omission mark's ``/``, closing quotes and brackets aside), is not an all-capitals line
    (a heading, a signature) nor shorter than a printed line (:data:`_MIN_WORDS` words: a
    marking, an address), and ``following`` starts with a lower-case letter that is not a
    list marker.
    """
    end = previous.rstrip().rstrip(_CLOSERS)
    if not end or end[-1] in _FINAL:
        return False
    letters = [ch for ch in previous if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return False
    if len(previous.split()) < _MIN_WORDS:
        return False
    start = following.lstrip()
    return bool(start) and start[0].islower() and not _LIST_ITEM.match(start)


def join_broken(paragraphs: Sequence[str]) -> tuple[list[str], int]:
    """(paragraphs with layout breaks joined, how many joins); words are never lost or reordered."""
    out: list[str] = []
    joins = 0
    for para in paragraphs:
        if out and continues(out[-1], para):
            out[-1] = out[-1].rstrip() + " " + para.lstrip()
            joins += 1
        else:
            out.append(para)
    return out, joins


# ------------------------------------------------------------------ the body of a record
OMISSION = re.compile(r"/\s*(?:\.\s?){3}\s*/|/\s*…\s*/|\[\s*(?:\.\s?){3}\s*\]|\[\s*…\s*\]")
"""Marks of a passage the record leaves out: "/ ... /" (the archive's translations), "[...]", "[…]"."""
_SIGNATURE = re.compile(r"^(?:[A-ZА-ЯЁ]\.\s?){0,3}[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+)?\.?$")
_PLACE_DATE = re.compile(r"^(?P<place>[^\d,]{2,40}),\s+(?P<date>.+)$")


@dataclass(frozen=True, slots=True)
class Body:
    """A record's body rendered (history.state.gov convention) and what its layout tells."""

    text: str
    heading: str | None
    date: DocDate | None
    place: str | None
    signed_by: str | None
    signed_date: DocDate | None
    annotations: tuple[Annotation, ...]
    joins: int


def _dateline(block: str) -> tuple[DocDate, str | None] | None:
    found = parse_date(block, source="dateline-text")
    if found:
        return found, None
    placed = _PLACE_DATE.match(block)
    if placed:
        found = parse_date(placed["date"], source="dateline-text")
        if found:
            return found, placed["place"].strip()
    return None


def _is_heading(block: str, title: str | None, following: str | None) -> bool:
    if "\n" in block or len(block) > 300:
        return False
    letters = [ch for ch in block if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters) and len(letters) > 3:
        return True
    if title and block.casefold().strip(" .") == title.casefold().strip(" ."):
        return True
    return following is not None and _dateline(following) is not None and block[-1:] not in ".!?:;"


def build_body(blocks: Sequence[str], *, title: str | None) -> Body:
    """Render a record's body blocks: heading line and dateline first (the record's own, else the
    ``title`` as heading), paragraphs joined where the layout broke them, a blank line between
    paragraphs; the closing signature and date found; "/ ... /" marked as omissions."""
    paras, joins = join_broken([b.strip() for b in blocks if b.strip()])
    heading: str | None = None
    date: DocDate | None = None
    place: str | None = None
    if paras and _is_heading(paras[0], title, paras[1] if len(paras) > 1 else None):
        heading = paras.pop(0)
    if paras and (found := _dateline(paras[0])):
        date, place = found
        dateline = paras.pop(0)
    else:
        dateline = None
    signed_by: str | None = None
    signed_date: DocDate | None = None
    for block in reversed(paras[-2:]):
        if signed_date is None and (found_date := parse_date(block, source="text")):
            signed_date = found_date
        elif signed_by is None and _SIGNATURE.match(block) and len(block.split()) <= 5:
            signed_by = block
    top = [line for line in (heading or title, dateline) if line]
    text = "\n".join(top)
    if paras:
        text = (text + "\n\n" if text else "") + "\n\n".join(paras)
    annotations = tuple(Annotation("omission", m.start(), m.end(), m.group()) for m in OMISSION.finditer(text))
    return Body(text, heading, date, place, signed_by, signed_date, annotations, joins)


def distinct_date(signed: DocDate | None, date: DocDate | None) -> DocDate | None:
    """``signed`` unless it is the same day as ``date`` (``Document.signed_date`` holds the sign-off
    date only when it differs from the document's date)."""
    if signed is None or (date is not None and signed.sort_key == date.sort_key
                          and signed.sort_key_end == date.sort_key_end):
        return None
    return signed


# ------------------------------------------------------------------ names and types
_INITIALS = r"(?:[A-ZА-ЯЁ][a-zа-яё]*\.\s*)+"
_NAME_WORD = r"(?:[A-ZА-ЯЁ][a-zа-яё]+\s+){1,3}"


def _normal_case(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")) if word.isupper() else word


def _format_name(prefix: str, surname: str) -> str:
    prefix = re.sub(r"\.\s*", ". ", prefix).strip()
    parts = [_normal_case(p) for p in prefix.split()] + [_normal_case(surname)]
    return " ".join(parts)


_TITLES = frozenset({
    "president", "minister", "foreign", "prime", "comrade", "mr", "mrs", "ambassador", "secretary", "chairman",
    "general", "marshal", "premier", "soviet", "state", "deputy", "first", "the", "and", "between", "from",
    "to", "of", "by", "with", "about", "on", "tov", "sir", "dr", "herr", "monsieur",
})


def author_name(signature: str, texts: Sequence[str]) -> str:
    """The signatory's name in its fullest form found in ``texts`` (title, body heading …), in
    normal case: "A. GROMYKO" with a heading naming "A.A. GROMYKO" → "A. A. Gromyko".

    Only initials and capitalised given names directly before the surname count; titles
    ("President", "Comrade", "Foreign Minister") are not part of a name.
    """
    words = signature.replace(".", ". ").split()
    surname = words[-1].strip(".")
    best = _format_name(" ".join(words[:-1]), surname)
    best_parts = len(best.split())
    pattern = re.compile(rf"(?-i:({_INITIALS}|{_NAME_WORD}))\s*{re.escape(surname)}\b", re.IGNORECASE)
    for text in texts:
        for found in pattern.finditer(text or ""):
            given = found[1].split()
            while given and given[0].strip(".").lower() in _TITLES:
                given.pop(0)
            if not given or any(w.strip(".").lower() in _TITLES for w in given):
                continue
            candidate = _format_name(" ".join(given), surname)
            parts = len(candidate.split())
            if parts > best_parts or (parts == best_parts and len(candidate) > len(best)):
                best, best_parts = candidate, parts
    return best


_LIFE_DATES = re.compile(r",?\s*(?:b\.\s*)?\d{4}\??-(?:\d{4})?\??\.?$")


def catalogue_name(name: str) -> str:
    """A catalogue's inverted name ("Gromyko, Andrei Andreevich, 1909-1989") in reading order
    ("Andrei Andreevich Gromyko"); other names unchanged."""
    name = _LIFE_DATES.sub("", " ".join(name.split())).strip(" ,")
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and parts[0] and parts[1] and " " not in parts[0]:
        return f"{parts[1]} {parts[0]}"
    return name


DOC_TYPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("memorandum of conversation", r"\bmemorandum of (?:a |the )?conversations?\b"),
        ("record of conversation",
         r"\brecord of (?:a |the )?(?:conversations?|talks?|meeting)\b|\bnotes? (?:of|on) (?:a |the )?conversation|"
         r"\b(?:conversation|talks?) (?:between|with)\b"),
        ("minutes", r"\bminutes\b|\bprotocol (?:of|no\.)"),
        ("cable", r"\bcables?\b|\bcablegrams?\b"),
        ("telegram", r"\btelegrams?\b"),
        ("letter", r"\bletters?\b"),
        ("memorandum", r"\bmemorand(?:um|a)\b|\bmemo\b"),
        ("report", r"\breports?\b"),
        ("note", r"\bnotes?\b|\bnote verbale\b"),
        ("speech", r"\bspeech\b|\baddress (?:by|to|at)\b|\bremarks\b"),
        ("statement", r"\bstatement\b|\bcommuniqu[ée]\b"),
        ("diary", r"\bdiary\b|\bjournal entry\b"),
        ("instruction", r"\binstructions?\b|\bdirective\b"),
        ("resolution", r"\bresolution\b|\bdecree\b"),
        ("message", r"\bmessage\b"),
    )
)
"""Title words → document type; the earliest match in the title wins ("From the cable on the
conversation between …" is a cable), ties go to the table's order."""


def doc_type(title: str) -> str:
    """The document type named by ``title``'s words (:data:`DOC_TYPES`), else ``document``."""
    best: tuple[int, int, str] | None = None
    for rank, (kind, pattern) in enumerate(DOC_TYPES):
        found = pattern.search(title)
        if found and (best is None or (found.start(), rank) < best[:2]):
            best = (found.start(), rank, kind)
    return best[2] if best else "document"
