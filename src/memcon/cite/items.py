"""A document as a CSL-JSON item: the citation data every style and export format is made from.

Three kinds of record, told apart by where they came from:

* **A FRUS document** (read from a volume's TEI, possibly merged with its history.state.gov
  page): a ``chapter`` of the printed volume.  ``title`` is the heading with the place and
  date as the volume prints them (``Memorandum of Conversation, Vienna, June 4, 1961``);
  ``container-title`` the series and sub-series (``Foreign Relations of the United States,
  1961–1963``) or, for the older volumes, the volume's own title; ``volume`` and
  ``volume-title`` (``V``, ``Soviet Union``); ``author`` the issuing body (U.S. Department of
  State: Chicago cites public documents under it); ``editor``, ``publisher``,
  ``publisher-place`` and ``issued`` (the year of publication) from the volume's TEI
  header; ``number`` the document number; ``page`` the pin-cite (else the document's pages);
  ``URL`` its history.state.gov address.
* **A Wilson Center Digital Archive record**: a ``document`` with its ``author`` (as the
  catalogue names them), ``title``, ``issued`` (the document's date), ``archive`` (the
  holding archive), ``translator`` when the credits name one, ``container-title`` "Wilson
  Center Digital Archive", ``URL`` and ``accessed``.
* **Anything else** (a history.state.gov page of a volume memcon does not hold, a plain-text
  file): what it has — title, date, the collection's title, URL, accessed.

Nothing is invented: a datum the store does not hold is left out of the item.

DOCS: docs/cite.md#what-goes-into-a-citation
"""

from __future__ import annotations

import dataclasses
import datetime
import re

from memcon.cite.pages import RANGE_DASH, check_page, document_pages
from memcon.model.records import DocDate, Document, Volume
from memcon.store.base import Store

METHOD = "memcon.cite.v1"
"""The item builder's name and version; exported items carry it in ``custom.generator``."""

FRUS_FORMAT = "frus-tei"
ISSUING_BODY = "U.S. Department of State"
"""The author of a FRUS document's citation: as a public document, FRUS is cited under the body
that issues it (Chicago Manual of Style, public documents: "U.S. Department of State, Foreign
Relations of the United States …"); the volume's editors follow the volume's title ("ed. …")."""
WILSON_FORMATS = frozenset({"wilson-page", "wilson-json"})
WILSON_ARCHIVE = "Wilson Center Digital Archive"

_NUMBER_PREFIX = re.compile(r"^\s*\d+[A-Za-z]?\.\s+")
_ANCHOR = re.compile(r"\[\d{1,3}\]")
_ABBREVIATION_END = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b[A-Z]\.|\b(?:etc|Jr|Sr|Esq|No|St)\.)$")
_INTERNAL_COLLECTIONS = frozenset({"text", "hsg"})
"""Volumes memcon makes up for loose files (plain text; web pages of no known volume)."""
_VOLUME_WORD = re.compile(r"^(?:Volume|Vol\.)\s+", re.IGNORECASE)
_SUFFIXES = frozenset({"Jr.", "Sr.", "II", "III", "IV", "Jr", "Sr"})
_TRANSLATED_BY = re.compile(r"\b[Tt]ranslat(?:ed|ion)(?:\s+(?:for|from|into)\s+[\w .-]+?)?\s+by\s+")
_NAME_WORD = re.compile(r"\s*([A-Z]\.|[A-Z][\w'’-]+\.?)")
_NAME_JOINER = re.compile(r"\s*(?:,\s*and|,|and|&)\s+")
"""Who translated a record, from its credits: "Translated by Mark H. Doctoroff", "Translated for
CWIHP by Gary Goldberg and Sergey Radchenko" (each name a run of capitalised words and initials)."""


def csl_item(
    store: Store, document_id: str, *, page: str | None = None, accessed: datetime.date | None = None
) -> dict[str, object]:
    """The CSL-JSON item of the stored document ``document_id``.

    ``page`` is the pin-cite: one of the document's printed pages (or a range of two) — it
    becomes the item's ``locator`` and ``page``.  ``accessed`` is recorded for records that
    exist only on the web (Wilson Center, a web page); a printed FRUS volume needs none.

    Raises :class:`memcon.errors.NotFound` for an unknown id and
    :class:`memcon.errors.InvalidValue` for a page the document is not on.

    DOCS: docs/cite.md#csl-json
    """
    document = store.get_document(document_id)
    volume = store.get_volume(document.volume_id)
    return item_for(document, volume, page=page, accessed=accessed)


def item_for(
    document: Document, volume: Volume, *, page: str | None = None, accessed: datetime.date | None = None
) -> dict[str, object]:
    """The CSL-JSON item of ``document`` of ``volume`` (see the module docstring for the fields)."""
    pin = check_page(document, page) if page is not None else None
    kind = record_kind(document)
    if kind == "frus":
        item = _frus_item(document, volume, pin)
    elif kind == "wilson":
        item = _wilson_item(document, volume, accessed)
    else:
        item = _other_item(document, volume, pin, accessed)
    item["custom"] = {"generator": METHOD, "memcon-id": document.id}
    return {k: v for k, v in item.items() if v not in (None, "", [], ())}


def record_kind(document: Document) -> str:
    """``frus`` (from a FRUS volume's TEI), ``wilson`` (a Wilson Center record) or ``other``."""
    formats = {p.format for p in document.provenance}
    if FRUS_FORMAT in formats:
        return "frus"
    if formats & WILSON_FORMATS or document.volume_id == "wilson":
        return "wilson"
    return "other"


def document_title(document: Document) -> str:
    """The document's title as the volume prints it: heading, then place and date of its dateline
    (``Memorandum of Conversation, Vienna, June 4, 1961``), without the document number,
    footnote anchors or a closing period."""
    heading = _ANCHOR.sub("", _NUMBER_PREFIX.sub("", document.heading)).strip()
    heading = _strip_period(heading)
    parts = [heading] if heading else []
    lowered = heading.lower()
    if document.place and document.place.lower() not in lowered:
        parts.append(_strip_period(document.place.strip().rstrip(",")))
    date = _strip_period(document.date.text.strip()) if document.date and document.date.text else None
    if date and date.lower() not in lowered:
        parts.append(date)
    return ", ".join(parts)


def short_title(document: Document) -> str | None:
    """The title for short notes: heading and date without the place (``Memorandum of
    Conversation, June 4, 1961``); ``None`` when that is the whole title anyway."""
    if not document.place:
        return None
    short = document_title(dataclasses.replace(document, place=None))
    return short if short != document_title(document) else None


def _strip_period(text: str) -> str:
    """``text`` without a closing period, unless the period ends an abbreviation (``p.m.``, ``etc.``, ``Jr.``)."""
    text = text.rstrip(" ")
    if not text.endswith(".") or _ABBREVIATION_END.search(text):
        return text
    return text[:-1].rstrip()


def name_parts(name: str) -> dict[str, str]:
    """A personal name as printed ("Charles S. Sampson", "A. A. Gromyko") as a CSL name
    (``family``/``given``/``suffix``); a single word, or a name already inverted, stays whole."""
    name = " ".join(name.split())
    if "," in name and not name.endswith(tuple(f", {s}" for s in _SUFFIXES)):
        family, _, given = name.partition(",")
        return {"family": family.strip(), "given": given.strip()}
    words = name.replace(", ", " ").split(" ")
    suffix = words.pop() if len(words) > 2 and words[-1] in _SUFFIXES else None
    if len(words) < 2:
        return {"literal": name}
    parts = {"family": words[-1], "given": " ".join(words[:-1])}
    if suffix:
        parts["suffix"] = suffix
    return parts


def _frus_item(document: Document, volume: Volume, pin: str | None) -> dict[str, object]:
    container, number, volume_title = _frus_container(volume)
    pages = document_pages(document)
    first, last = document.first_page, document.last_page
    span = first if first == last or last is None else f"{first}{RANGE_DASH}{last}"
    return {
        "id": document.id,
        "type": "chapter",
        "title": document_title(document),
        "title-short": short_title(document),
        "author": [{"literal": ISSUING_BODY}],
        "container-title": container,
        "volume": number,
        "volume-title": volume_title,
        "editor": [name_parts(e) for e in volume.editors],
        "publisher": volume.publisher,
        "publisher-place": volume.pub_place,
        "issued": _year(volume.pub_year),
        "number": document.n,
        "page": pin or (span if pages else None),
        "locator": pin,
        "URL": document.url or (f"https://history.state.gov/historicaldocuments/{document.id}"
                                if document.n else None),
        "language": document.language,
    }


def _frus_container(volume: Volume) -> tuple[str, str | None, str | None]:
    """(container title, volume number, volume title) of a FRUS volume's header.

    Modern headers give series ``Foreign Relations of the United States``, sub-series
    ``1961–1963``, volume number ``Volume V`` and title ``Soviet Union``; the older ones a
    series that already holds the year (``Papers Relating to the Foreign Relations of the
    United States, 1919``) and a volume title (``The Paris Peace Conference, 1919``), or only
    a complete title (1861: the President's Message to Congress).
    """
    number = _VOLUME_WORD.sub("", volume.volume_number).strip() if volume.volume_number else None
    if volume.series:
        container = volume.series
        if volume.subseries and volume.subseries not in container:
            container = f"{container}, {volume.subseries}"
        return container, number, volume.volume_title
    return volume.title or volume.subseries or volume.id, number, None


def _source_location(document: Document) -> str | None:
    """The archive and file of the original, from the parsed source note."""
    sf = document.source_fields
    if sf is None:
        return None
    parts = [p for p in (sf.archive, sf.collection, *sf.file_numbers) if p]
    return ", ".join(parts) or None


def _wilson_item(document: Document, volume: Volume, accessed: datetime.date | None) -> dict[str, object]:
    return {
        "id": document.id,
        "type": "document",
        "author": [name_parts(a) for a in document.authors],
        "title": document.heading.strip(),
        "issued": _date(document.date),
        "archive": WILSON_ARCHIVE,
        "archive_location": document.archive,
        "translator": [name_parts(t) for t in _translators(document.credits)],
        "note": document.credits,
        "language": document.language,
        "URL": document.url,
        "accessed": _day(accessed) if document.url else None,
        "publisher": volume.publisher if volume.publisher and volume.publisher not in WILSON_ARCHIVE else None,
    }


def _other_item(
    document: Document, volume: Volume, pin: str | None, accessed: datetime.date | None
) -> dict[str, object]:
    internal = volume.id in _INTERNAL_COLLECTIONS  # memcon's own bins, not a publication
    collection = volume.title if volume.title and volume.title != volume.id and not internal else None
    return {
        "id": document.id,
        "type": "webpage" if document.url else "document",
        "title": document_title(document) or document.id,
        "container-title": collection,
        "issued": _date(document.date),
        "author": [name_parts(a) for a in document.authors],
        "number": document.n,
        "page": pin,
        "locator": pin,
        "archive_location": _source_location(document) or document.archive,
        "URL": document.url,
        "accessed": _day(accessed) if document.url else None,
        "language": document.language,
    }


def _translators(credits: str | None) -> list[str]:
    """The translators the credits name ("Translated by A, B and C"); each name is a run of
    capitalised words and initials (a run ends at a sentence's period), the first after "by",
    the others after a comma or "and", of two words or more."""
    if not credits:
        return []
    names: list[str] = []
    for m in _TRANSLATED_BY.finditer(credits):
        name, pos = _name_run(credits, m.end())
        while name:
            names.append(name)
            joiner = _NAME_JOINER.match(credits, pos)
            if not joiner:
                break
            name, pos = _name_run(credits, joiner.end())
            if name and " " not in name:
                break  # "…, Funded by": one capitalised word is no name
    return names


def _name_run(text: str, pos: int) -> tuple[str, int]:
    words: list[str] = []
    while m := _NAME_WORD.match(text, pos):
        word = m.group(1)
        pos = m.end()
        if word.endswith(".") and len(word) > 2:  # "Doctoroff." ends the sentence
            words.append(word[:-1])
            break
        words.append(word)
    return " ".join(words), pos


def _year(year: str | None) -> dict[str, object] | None:
    if not year or not year[:4].isdigit():
        return None
    return {"date-parts": [[int(year[:4])]]}


def _date(date: DocDate | None) -> dict[str, object] | None:
    """A document's date as CSL ``date-parts`` (to the precision given; a range as two)."""
    if date is None:
        return None

    def parts(iso: str | None) -> list[int] | None:
        if not iso:
            return None
        m = re.match(r"^(-?\d{4})(?:-(\d\d))?(?:-(\d\d))?", iso)
        if not m:
            return None
        return [int(g) for g in m.groups() if g is not None]

    if date.when:
        one = parts(date.when)
        return {"date-parts": [one]} if one else {"literal": date.text} if date.text else None
    start, end = parts(date.start or date.not_before), parts(date.end or date.not_after)
    if start and end:
        return {"date-parts": [start, end], **({"circa": True} if date.uncertain else {})}
    if start or end:
        return {"date-parts": [start or end]}
    return {"literal": date.text} if date.text else None


def _day(day: datetime.date | None) -> dict[str, object] | None:
    return {"date-parts": [[day.year, day.month, day.day]]} if day else None
