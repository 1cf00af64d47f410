"""Stream a FRUS TEI volume into a :class:`Volume` and its :class:`Document` records.

FRUS volumes are the TEI files of HistoryAtState/frus: one ``<TEI xml:id="frus1919Parisv01">``
per volume, each document a ``<div type="document" xml:id="dN" n="N">``.  The file is read
with ``lxml.etree.iterparse``; each top-level document is rendered when its ``div`` closes,
then cleared with everything before it, so memory does not grow with the volume.  The
Volume is yielded once the front matter (header, persons, terms) is read, before any
document.

:data:`FIELDS` is the mapping TEI → record (house style 14), one line per field with
the corpus quirks it handles; the text itself is rendered by :mod:`._tei_text`.

DOCS: docs/ingest.md
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from memcon.errors import EmptyInput, MalformedInput, ReadError, UnknownFormat, UnsafeInput
from memcon.model.records import Attachment, Document, PageBreak, PersonEntry, Provenance, TermEntry, Volume
from memcon.readers import _doc_types, _tei_fields
from memcon.readers._tei_pages import page_number
from memcon.readers._tei_text import FRUS, NOTE, TEI, XML_ID, plain, render

READER = "memcon.frus_tei"
VERSION = "2"
FORMAT = "frus-tei"

NS = {"tei": TEI[1:-1], "frus": FRUS[1:-1]}
_TITLES = "tei:fileDesc/tei:titleStmt/tei:title"

# ------------------------------------------------------------------ the mapping
# TEI → record field.  The volume.* XPaths (relative to teiHeader or the persons/terms div)
# are compiled and applied as written.  The document.* lines say where each Document field
# comes from; the walker (_tei_text.RENDER) reads them in its single pass over a document,
# without an XPath query per document, which would cost a second walk.
FIELDS: dict[str, str] = {
    # Volume — from teiHeader
    "volume.id": "/tei:TEI/@xml:id",  # else idno[@type='frus'], else the file stem
    "volume.idno": "tei:fileDesc/tei:publicationStmt/tei:idno[@type='frus']",
    "volume.title": f"{_TITLES}[@type='complete']",
    "volume.series": f"{_TITLES}[@type='series']",  # frus1861: present but empty → None
    # both spellings: 'sub-series' (frus1864p3, 1961-63), 'subseries' (frus1861, frus1882 …)
    "volume.subseries": f"{_TITLES}[@type='sub-series' or @type='subseries']",
    # both spellings: 'volume-number' (frus1864p3), 'volumenumber' (frus1917Supp02v02 …)
    "volume.volume_number": f"{_TITLES}[@type='volume-number' or @type='volumenumber']",
    "volume.volume_title": f"{_TITLES}[@type='volume']",
    # the volume's editors; not the series' general editor (role="general"), whom citations omit;
    # an empty <editor role="primary"/> is dropped
    "volume.editors": "tei:fileDesc/tei:titleStmt/tei:editor[not(@role='general')]",
    "volume.publisher": "tei:fileDesc/tei:publicationStmt/tei:publisher",
    "volume.pub_place": "tei:fileDesc/tei:publicationStmt/tei:pubPlace",
    "volume.pub_year": "tei:fileDesc/tei:publicationStmt/tei:date",  # text "1998" or @when
    # Volume — lists of the front matter (div[@xml:id='persons'] / 'terms')
    # 1961-63: item/hi/persName + ", description"; 1918-19: item/persName + ", description"
    "person": ".//tei:persName[@xml:id]",  # description: what follows it (or its hi) in the item
    "term": ".//tei:term[@xml:id]",
    # Document — div[@type='document'] without a document ancestor; nested ones are Attachments
    "document.id": "@xml:id",  # frus1861 "Schedule A" (front matter) has none: stable id + warning
    "document.n": "@n",
    "document.subtype": "@subtype",  # 'editorial-note' decides doc_type
    # empty <head/> (frus1897 d238, frus1902app1 d1): "Document N", as hsg's breadcrumb says
    "document.heading": "tei:head[1]",
    "document.date": ".//tei:dateline//tei:date",  # @when | @from/@to | @notBefore/@notAfter
    # 1864-70 and modern volumes bound the date on the div: used when the dateline has none
    "document.date_min": "@frus:doc-dateTime-min",
    "document.date_max": "@frus:doc-dateTime-max",
    "document.place": ".//tei:dateline//tei:placeName",  # "Washington," → "Washington"
    "document.subject": ".//tei:list[@type='subject']/tei:item",
    "document.participants": ".//tei:list[@type='participants']/tei:item",
    # source notes: note[@type='source'], inline in 1861-1936 ("File No. …", "[Telegram]")
    "document.source_note": ".//tei:note[@type='source']",
    "document.chapter": "ancestor::tei:div/tei:head[1]",  # outermost first, empty heads skipped
    "document.language": "@xml:lang",
}
_XP = {name: etree.XPath(path, namespaces=NS) for name, path in FIELDS.items() if not path.startswith("@")}


def _select(field: str, el: Any) -> list[Any]:
    """The nodes FIELDS[field] selects from ``el``."""
    found = _XP[field](el)
    return list(found) if isinstance(found, list) else []


_DIV = TEI + "div"
_PB = TEI + "pb"
_TEI_ROOT = TEI + "TEI"
_HEADER = TEI + "teiHeader"
_HEAD = TEI + "head"
_FRONT = TEI + "front"
_WATCHED = (_TEI_ROOT, _HEADER, _FRONT, TEI + "body", TEI + "back", _DIV, _PB)
_BODY_OR_BACK = (TEI + "body", TEI + "back")
_ATTR_MIN = FRUS + "doc-dateTime-min"
_ATTR_MAX = FRUS + "doc-dateTime-max"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SNIFF_TEI = re.compile(rb"<(?:[\w.-]+:)?TEI[\s>]")
_UNSAFE = re.compile(r"amplification|entity loop|entities? .*exceed", re.IGNORECASE)  # libxml2's bomb guards
_YEAR = re.compile(r"(1[6-9]\d\d|20\d\d)")


class MissingIdWarning(UserWarning):
    """A top-level document has no ``xml:id``; the reader gave it a stable generated one."""


class DateWarning(UserWarning):
    """A machine date is impossible or contradicts the printed date; the printed one (or none) is used."""


def sniff_frus_tei(head: bytes) -> bool:
    """True if ``head`` (the first few KB of a file) looks like a FRUS/TEI file."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return b"http://www.tei-c.org/ns/1.0" in head and _SNIFF_TEI.search(head) is not None


def read_frus_tei(source: str | os.PathLike[str], *, sha256: str | None = None) -> Iterator[Volume | Document]:
    """Yield the Volume first, then each top-level Document in volume order (seq 0,1,2…).

    ``sha256`` is the file's digest if the caller computed it already; otherwise it is
    computed here in a first pass.  Raises :class:`MalformedInput` (not well-formed XML,
    with the line), :class:`UnknownFormat` (not TEI) and :class:`EmptyInput` (no document).

    DOCS: docs/ingest.md
    """
    path = os.fspath(source)
    if sha256 is None:
        sha256 = file_sha256(path)
    provenance = Provenance(source=path, sha256=sha256, reader=READER, reader_version=VERSION, format=FORMAT)
    yield from _Reader(path, provenance).run()


def file_sha256(path: str) -> str:
    """The hex sha256 of a file; a missing or unreadable file is a :class:`ReadError`."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror or exc}", path=path,
                        hint="check the path and its permissions") from exc
    return digest.hexdigest()


class _Reader:
    """One pass over one file: the iterparse loop and the state it needs."""

    def __init__(self, path: str, provenance: Provenance) -> None:
        self.path = path
        self.provenance = provenance
        self.volume_id = Path(path).stem
        self.root_id: str | None = None
        self.year: int | None = None
        self.header: dict[str, Any] = {}
        self.persons: tuple[PersonEntry, ...] = ()
        self.terms: tuple[TermEntry, ...] = ()
        self.volume_sent = False
        self.pending: list[Document] = []
        self.seq = 0
        self.generated = 0
        self.page: tuple[str, str | None, str | None] | None = None  # the last <pb/>: n, facs, xml:id
        self.stack: list[list[Any]] = []  # open divs: [element, is_document, heading or None]
        self.doc_depth = 0
        self.doc_start: tuple[Any, tuple[str, ...]] = (None, ())

    def run(self) -> Iterator[Volume | Document]:
        try:
            fh = open(self.path, "rb")  # noqa: SIM115 - closed by the with below, even when the caller stops early
            empty = os.fstat(fh.fileno()).st_size == 0
        except OSError as exc:
            raise ReadError(f"cannot read the file: {exc.strerror or exc}", path=self.path,
                            hint="check the path and its permissions") from exc
        with fh:
            if empty:
                raise EmptyInput("the file is empty", path=self.path,
                                 hint=f"re-download it with `memcon fetch frus {self.volume_id}`")
            context = etree.iterparse(
                fh, events=("start", "end"), tag=_WATCHED,
                resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                collect_ids=False,  # no XPath id() here: libxml2 need not hash every xml:id (~10 % of parsing)
            )
            seen_root = yield from self._loop(context)
        if not seen_root:
            self._not_tei(context.root)
        if not self.volume_sent:
            yield from self._send_volume()
        if self.seq == 0:
            raise EmptyInput(
                'this TEI file holds no document (no <div type="document">)', path=self.path,
                hint="a FRUS volume's documents are div elements of type 'document'; check the file",
            )

    def _loop(self, context: Any) -> Generator[Volume | Document, None, bool]:
        """Run the parser over the file; return whether a TEI root was seen."""
        seen_root = False
        stack = self.stack
        try:
            for event, el in context:
                tag = el.tag
                if not seen_root:
                    seen_root = True
                    if tag != _TEI_ROOT or event != "start":
                        self._not_tei(el.getroottree().getroot())
                    self.root_id = el.get(XML_ID)
                if event == "start":
                    if tag == _DIV:
                        is_doc = el.get("type") == "document"
                        if is_doc and self.doc_depth == 0:
                            self.doc_start = (self.page, self._chapter())
                        stack.append([el, is_doc, None])
                        self.doc_depth += is_doc
                    elif tag in _BODY_OR_BACK and not self.volume_sent:
                        yield from self._send_volume()
                elif tag == _PB:
                    self.page = (page_number(el.get("n") or "", el.get(XML_ID)), el.get("facs"), el.get(XML_ID))
                elif tag == _DIV and stack[-1][1] and self.doc_depth == 1:  # a document: the commonest end
                    stack.pop()
                    self.doc_depth = 0
                    document = self._document(el)
                    self._forget(el)
                    if self.volume_sent:
                        yield document
                    else:
                        self.pending.append(document)
                else:
                    yield from self._end(el)
        except etree.XMLSyntaxError as exc:
            line = exc.lineno if exc.lineno else None
            if _UNSAFE.search(exc.msg or ""):
                raise UnsafeInput(
                    f"entity expansion refused at line {line}: {exc.msg}", path=self.path, line=line,
                    hint="the file defines entities that expand without bound; it is not a FRUS volume",
                ) from exc
            raise MalformedInput(
                f"not well-formed XML at line {line}: {exc.msg}", path=self.path, line=line,
                hint=f"check the file is complete; re-download it with `memcon fetch frus {self.volume_id}`",
            ) from exc
        except OSError as exc:
            raise ReadError(f"cannot read the file: {exc}", path=self.path,
                            hint="check the path and its permissions") from exc
        return seen_root

    def _not_tei(self, el: Any) -> None:
        name = etree.QName(el).localname if el is not None and isinstance(el.tag, str) else "?"
        raise UnknownFormat(
            f"not a TEI file: the root element is <{name}>, not <TEI> in the TEI namespace",
            path=self.path, hint="memcon reads FRUS TEI volumes here; pass --format to choose another reader",
        )

    # ------------------------------------------------------------------ events
    def _end(self, el: Any) -> Iterator[Volume | Document]:
        tag = el.tag
        if tag == _PB:
            self.page = (page_number(el.get("n") or "", el.get(XML_ID)), el.get("facs"), el.get(XML_ID))
            return
        if tag == _DIV:
            _, is_doc, _ = self.stack.pop()
            if is_doc:
                self.doc_depth -= 1
                if self.doc_depth == 0:
                    document = self._document(el)
                    self._forget(el)
                    if self.volume_sent:
                        yield document
                    else:
                        self.pending.append(document)
            elif self.doc_depth == 0:
                div_id = el.get(XML_ID)
                if div_id == "persons":
                    self.persons = _persons(el)
                elif div_id == "terms":
                    self.terms = _terms(el)
                self._forget(el)
        elif tag == _HEADER:
            self.header = _header(el)
            # the id: TEI/@xml:id, else idno[@type='frus'], else the file stem
            self.volume_id = self.root_id or self.header.get("idno") or self.volume_id
            year = _YEAR.search(self.volume_id)  # frus1897 → 1897: who signed for the Department
            self.year = int(year.group(1)) if year else None
            el.clear()
        elif tag == _FRONT:
            if not self.volume_sent:
                yield from self._send_volume()
            self._forget(el)

    def _forget(self, el: Any) -> None:
        """Free a processed element and everything before it (iterparse keeps the tree)."""
        for entry in self.stack:  # the enclosing divs' heads may be among what goes: keep their text
            if entry[2] is None:
                self._chapter()
                break
        el.clear(keep_tail=True)
        parent = el.getparent()
        if parent is not None:
            while el.getprevious() is not None:
                del parent[0]

    def _send_volume(self) -> Iterator[Volume | Document]:
        self.volume_sent = True
        yield self._volume()
        pending, self.pending = self.pending, []
        yield from pending

    def _chapter(self) -> tuple[str, ...]:
        headings = []
        for entry in self.stack:
            if entry[2] is None:
                head = _first_head(entry[0])
                entry[2] = plain(head) if head is not None else ""
            if entry[2]:
                headings.append(entry[2])
        return tuple(headings)

    # ----------------------------------------------------------------- records
    def _volume(self) -> Volume:
        h = self.header
        return Volume(
            id=self.volume_id, title=h.get("title") or self.volume_id, series=h.get("series"),
            subseries=h.get("subseries"), volume_number=h.get("volume_number"),
            volume_title=h.get("volume_title"), editors=h.get("editors", ()), publisher=h.get("publisher"),
            pub_place=h.get("pub_place"), pub_year=h.get("pub_year"), persons=self.persons,
            terms=self.terms, provenance=self.provenance,
        )

    def _document(self, el: Any) -> Document:
        page, chapter = self.doc_start
        attrs = dict(el.items())  # one call for all the div's attributes
        xml_id = attrs.get(XML_ID)
        n = attrs.get("n") or None
        if not xml_id:
            xml_id = self._generated_id(el)
        rendered = render(el)
        owner = rendered.owner
        heading = _tei_fields.heading(_first_head(el), n) or _fallback_heading(n, rendered)
        dateline = owner.dateline
        problems: _tei_fields.Problems = []
        date = _tei_fields.dateline_date(dateline, problems=problems)
        if not problems and (date is None or date.sort_key is None):  # a rejected date is not replaced
            text = date.text if date is not None else ""
            date = _tei_fields.div_attribute_date(attrs.get(_ATTR_MIN), attrs.get(_ATTR_MAX), text,
                                                  line=el.sourceline, problems=problems) or date
        footnotes = rendered.footnotes
        pages = rendered.pages
        if page is not None:
            pages.insert(0, _opening_page(page, pages))
        participants = _tei_fields.participants(owner.participants)
        place = _tei_fields.dateline_place(dateline)
        hints = [footnotes[i].text for i in owner.inline_notes] if owner.inline_notes else ()
        seq = self.seq
        self.seq += 1
        p = self.provenance
        document = Document(
            id=f"{self.volume_id}/{xml_id}", volume_id=self.volume_id, heading=heading,
            text=rendered.text, n=n,
            doc_type=_doc_types.classify(heading, subtype=attrs.get("subtype"), notes=hints, year=self.year,
                                         participants=bool(participants), place=place),
            place=place, date=date,
            subject=_tei_fields.subject(owner.subject),
            source_note="\n".join([footnotes[i].text for i in owner.source_notes]) or None,
            footnotes=tuple(footnotes), participants=participants,
            chapter=chapter, pages=tuple(pages), annotations=tuple(rendered.annotations),
            attachments=tuple([_attachment(a, problems) for a in rendered.attachments]) if rendered.attachments else (),
            language=attrs.get(_XML_LANG) or "en",
            provenance=(Provenance(p.source, p.sha256, p.reader, p.reader_version, p.format, el.sourceline),),
            seq=seq,
        )
        for line, message in problems:
            warnings.warn(f"{self.path}:{line or el.sourceline}: {document.id}: {message}", DateWarning, stacklevel=4)
        return document

    def _generated_id(self, el: Any) -> str:
        # Stable: the nearest ancestor with an xml:id and the count of id-less documents so far
        # (frus1861: "message-of-the-president-doc1" for Schedule A of the President's message).
        self.generated += 1
        anchor = next((a.get(XML_ID) for a in el.iterancestors() if a.get(XML_ID)), self.volume_id)
        generated = f"{anchor}-doc{self.generated}"
        warnings.warn(
            f"{self.path}:{el.sourceline}: a document has no xml:id; using {generated!r}",
            MissingIdWarning, stacklevel=4,
        )
        return generated


def _opening_page(before: tuple[str, str | None, str | None], inside: list[PageBreak]) -> PageBreak:
    """The page a document's text begins on: the last page break before the document — unless the
    first break inside it says otherwise.  Text before "[Page 226]" stands on page 225; an excerpt
    of a volume (frus1961-63v05-d88.xml) may have elided the pages between, so that the last
    break before the document is page 1.  Then the page is 225, without its image id."""
    n, facs, xml_id = before
    if inside and inside[0].offset > 0 and n.isdigit() and inside[0].n.isdigit():
        previous = int(inside[0].n) - 1
        if previous > int(n):
            return PageBreak(str(previous), 0, None, None, False)
    return PageBreak(n, 0, facs, xml_id, False)


def _first_head(el: Any) -> Any:
    """The first ``head`` child of ``el`` (usually its first child), or None."""
    if len(el) and el[0].tag == _HEAD:
        return el[0]
    return next(el.iterchildren(_HEAD), None)


def _fallback_heading(n: str | None, rendered: Any) -> str:
    """An empty <head/>: hsg's breadcrumb and page title say "Document N"; without a number,
    the printed inline note ("[Translation.]") or the first words of the text."""
    if n:
        return f"Document {n}"
    for index in rendered.owner.inline_notes:
        if rendered.footnotes[index].text:
            return rendered.footnotes[index].text
    words = rendered.text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "") if words else "Untitled document"


def _attachment(span: Any, problems: _tei_fields.Problems) -> Attachment:
    """An enclosure's record: heading, dateline date and place, extent in the text."""
    owner = span.owner
    el = owner.el
    head = _first_head(el)
    if head is None:  # frus1861: frus:attachment > div[@type='document'] > head
        inner = next((d for d in el.iterchildren(_DIV) if d.get("type") == "document"), None)
        head = _first_head(inner) if inner is not None else None
    heading = _tei_fields.heading(head, None) if head is not None else ""
    if not heading:  # "[Enclosure—Translation]", "[Inclosure 2 in No. 61.—Translation.]"
        heading = next((t for t in (plain(n) for n in el.iterchildren(NOTE) if n.get("rend") == "inline") if t),
                       "Enclosure")
    found = len(problems)
    date = _tei_fields.dateline_date(owner.dateline, problems=problems)
    if len(problems) == found and (date is None or date.sort_key is None):
        date = _tei_fields.div_attribute_date(el.get(_ATTR_MIN), el.get(_ATTR_MAX), date.text if date else "",
                                              line=el.sourceline, problems=problems) or date
    return Attachment(heading=heading, start=span.start, end=span.end, date=date,
                      place=_tei_fields.dateline_place(owner.dateline))


def _text(nodes: list[Any]) -> str | None:
    for node in nodes:
        value = plain(node) if not isinstance(node, str) else " ".join(node.split())
        if value:
            return value
    return None


def _header(header: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for field in ("idno", "title", "series", "subseries", "volume_number", "volume_title", "publisher",
                  "pub_place"):
        found[field] = _text(_select(f"volume.{field}", header))
    found["editors"] = tuple(e for e in (plain(x) for x in _select("volume.editors", header)) if e)
    year = None
    for date in _select("volume.pub_year", header):
        match = _YEAR.search(date.get("when") or "") or _YEAR.search(plain(date))
        if match:
            year = match.group(1)
            break
    found["pub_year"] = year
    return found


def _described(el: Any) -> tuple[str, str]:
    """Name and description of a persName/term in a list item: what follows it in the item
    (or follows its <hi> wrapper), leading ", " dropped — as hsg's fh:get-persons does."""
    anchor = el.getparent() if el.getparent() is not None and el.getparent().tag == TEI + "hi" else el
    parts = [anchor.tail or ""]
    for sibling in anchor.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag != NOTE:
            parts.append(plain(sibling))
        parts.append(sibling.tail or "")
    description = " ".join("".join(parts).split())
    return plain(el), re.sub(r"^[,;:.]?\s*", "", description)


def _persons(div: Any) -> tuple[PersonEntry, ...]:
    entries = []
    for el in _select("person", div):
        name, description = _described(el)
        entries.append(PersonEntry(xml_id=str(el.get(XML_ID)), name=name, description=description))
    return tuple(entries)


def _terms(div: Any) -> tuple[TermEntry, ...]:
    entries = []
    for el in _select("term", div):
        term, description = _described(el)
        entries.append(TermEntry(xml_id=str(el.get(XML_ID)), term=term, description=description))
    return tuple(entries)
