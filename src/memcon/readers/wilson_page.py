"""Read a Wilson Center Digital Archive record saved as a page (text copied from the web site).

The page, blocks separated by blank lines::

    October 18, 1962                                  ← date line: Document.date
    From the cable on the conversation between …      ← title: Document.heading
    Citation:  "…", October 18, 1962, Wilson Center Digital Archive, ARCHIVE <URL>
    Summary:  …        Credits:  …        Original Language:  Russian
    Contents:  Translation - English                  ← what the body is, and its language
    FROM THE CABLE ABOUT CONVERSATION …               ← the body: its own heading and date,
    October 18, 1962                                     paragraphs, "/ ... /" omissions,
    …                                                    the signature and sign-off date
    A. GROMYKO
    20/10/1962

:data:`LABELS` maps the section labels to fields (house style 14).  The reader yields the
``wilson`` :class:`Volume`, then one :class:`Document` (id ``wilson/<record id>``).

DOCS: docs/formats.md#wilson-center-digital-archive-records
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

from memcon.errors import EmptyInput, MalformedInput
from memcon.model.records import Document, Provenance, Tag, Volume
from memcon.readers import _wilson
from memcon.readers._encoding import decode_text, sniff_text
from memcon.readers.frus_tei import file_sha256

READER = "memcon.wilson_page"
VERSION = "1"
FORMAT = "wilson-page"

LABELS: dict[str, str] = {
    # section label (as printed, without its colon) → what it fills
    "Citation": "citation",
    "Summary": "summary",
    "Credits": "credits",
    "Original Language": "original_language",
    "Original Languages": "original_language",
    "Contents": "contents",
    # labels of the newer page layout, printed after the body on some saved pages
    "Associated People & Organizations": "tag:person",
    "Associated Places": "tag:coverage",
    "Associated Topics": "tag:subject",
    "Subjects Discussed": "tag:subject",
    "Collections": "tag:collection",
    "Original Archive": "archive",
    "Source": "archive",
    "Record ID": "record_id",
    "Document Information": "ignore",
    "Related Documents": "ignore",
    "Rights": "ignore",
}
_LABEL = re.compile(r"^(?P<label>" + "|".join(re.escape(k) for k in sorted(LABELS, key=len, reverse=True))
                    + r")(?::\s*(?P<rest>.*)|\s*)$", re.DOTALL)  # "Summary:" / "Summary: …" / "Associated Places"
# Contents entries: "Translation - English", "Transcript - Russian", "Original Scan", "Scan of Original Document"
_CONTENT = re.compile(r"^(?P<kind>Translation|Transcript|Transcription|Original Scan|Scan of Original Document"
                      r"|Original Document)(?:\s*[-–—:]\s*(?P<lang>[A-Za-z][A-Za-z -]*))?$", re.IGNORECASE)
_URL = re.compile(r"https?://digitalarchive\.wilsoncenter\.org/document/(?P<id>[\w-]+)/?|<(?P<any>https?://[^>\s]+)>")
_CITED_TITLE = re.compile(r"^[\"“](?P<title>.+?)[,.]?[\"”],?\s*")
# the archive: after "… Digital Archive," up to the address, or to a sentence after it
# ("… (AVP RF). Translated by …", "… Papers. Obtained by …")
_ARCHIVE = re.compile(r"Digital Archive[.,]\s*(?P<archive>.+?)\.?\s*(?:<https?://|https?://|\.\s+[A-Z]|$)")
_SNIFF_LABELS = re.compile(r"^(?:Citation|Summary|Credits|Original Language|Contents):\s*$", re.MULTILINE)


def sniff_wilson_page(head: bytes) -> bool:
    """True if ``head`` looks like a Wilson Center record page: text with at least two of the
    record's section labels on lines of their own, or one of them and the archive's name or address."""
    text = sniff_text(head)
    if text is None or text.lstrip()[:1] in ("{", "<", "["):
        return False
    labels = len(set(_SNIFF_LABELS.findall(text)))
    named = "Wilson Center Digital Archive" in text or "digitalarchive.wilsoncenter.org" in text
    return labels >= 2 or (labels >= 1 and named)


def read_wilson_page(source: str | os.PathLike[str], *, sha256: str | None = None) -> Iterator[Volume | Document]:
    """Yield the ``wilson`` Volume, then the record's Document.

    Raises :class:`EmptyInput` (empty file, or a page without a body) and :class:`MalformedInput`
    (not text; no "Citation:"/"Contents:" sections, with the line where the body should begin).

    DOCS: docs/formats.md#wilson-center-digital-archive-records
    """
    path = os.fspath(source)
    if sha256 is None:
        sha256 = file_sha256(path)
    text, _encoding = decode_text(_wilson.read_bytes(path), path=path)
    if not text.strip():
        raise EmptyInput("the file is empty", path=path, hint="save the record's page again")
    provenance = Provenance(source=path, sha256=sha256, reader=READER, reader_version=VERSION, format=FORMAT)
    yield _wilson.volume(provenance)
    yield _Page(path, text, provenance).document()


def _blocks(text: str) -> list[tuple[int, str]]:
    """(line number, block) for each run of non-blank lines."""
    out: list[tuple[int, str]] = []
    lines: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            out.append((start, "\n".join(lines)))
            lines = []
    if lines:
        out.append((start, "\n".join(lines)))
    return out


class _Page:
    """One saved page, split into its header, labelled sections and body."""

    def __init__(self, path: str, text: str, provenance: Provenance) -> None:
        self.path = path
        self.provenance = provenance
        self.blocks = _blocks(text)
        self.sections: dict[str, list[str]] = {}
        self.tags: list[Tag] = []
        self.contents: list[tuple[str, str | None]] = []

    def document(self) -> Document:
        header, body, trailer = self._split()
        citation = " ".join(self.sections.get("citation", []))
        cited_title, archive, url, record_id = _citation(citation)
        dates = [found for found in (_wilson.parse_date(b, source="heading") for b in header) if found]
        date = dates[0] if dates else None
        # the title is the header block the Citation quotes; else the last block that is not the
        # date (a page saved with the site's navigation above it keeps that in other blocks)
        titles = [b for b in header if _wilson.parse_date(b) is None]
        title = next((" ".join(b.split()) for b in titles if cited_title and
                      " ".join(b.split()).casefold() == cited_title.casefold()), None)
        title = title or (" ".join(titles[-1].split()) if titles else None) or cited_title
        if date is None and citation:
            date = _cited_date(citation)
        self._trailer(trailer)
        record_id = record_id or self._first("record_id") or _id_from_name(self.path)
        archive = archive or self._first("archive")
        if url is None and record_id.isdigit():
            url = _wilson.RECORD_URL.format(id=record_id)
        rendered = _wilson.build_body([b for _, b in body], title=title)
        if not body:
            raise EmptyInput("the record page has no text after its Contents section", path=self.path,
                             hint="copy the whole record page, with the translation or transcript")
        # "Russian", or several: "Russian, Chinese" / "German and Russian" → the first
        stated = re.split(r"\s*(?:[,;/]|\band\b)\s*", self._first("original_language") or "")[0]
        original = _wilson.language_code(stated)
        language = self._body_language("\n".join(b for _, b in body))
        authors: tuple[str, ...] = ()
        if rendered.signed_by:
            sources = [rendered.heading or "", title or "", *(b for _, b in body[:3])]
            authors = (_wilson.author_name(rendered.signed_by, sources),)
        date = date or rendered.date
        return Document(
            id=f"{_wilson.VOLUME_ID}/{record_id}", volume_id=_wilson.VOLUME_ID,
            heading=title or rendered.heading or f"Record {record_id}", text=rendered.text,
            doc_type=_wilson.doc_type(title or rendered.heading or ""),
            place=rendered.place, date=date, annotations=rendered.annotations,
            language=language, provenance=(self.provenance,), summary=self._joined("summary"),
            original_language=original, authors=authors, archive=archive, url=url,
            credits=self._joined("credits"), signed_by=rendered.signed_by,
            signed_date=_wilson.distinct_date(rendered.signed_date, date),
            tags=tuple(self.tags),
        )

    def _split(self) -> tuple[list[str], list[tuple[int, str]], list[tuple[int, str]]]:
        """(header blocks, body blocks, trailing labelled blocks) of the page."""
        header: list[str] = []
        index = 0
        while index < len(self.blocks) and not _LABEL.match(self.blocks[index][1]):
            header.append(self.blocks[index][1])
            index += 1
        if index == len(self.blocks):
            raise MalformedInput("no \"Citation:\", \"Summary:\" or \"Contents:\" section: this is not a "
                                 "Wilson Center record page", path=self.path, line=1,
                                 hint="copy the whole record page, or name another reader with --format")
        field = "ignore"
        while index < len(self.blocks):
            line, block = self.blocks[index]
            labelled = _LABEL.match(block)
            if labelled:
                field = LABELS[labelled["label"]]
                rest = (labelled["rest"] or "").strip()
                self.sections.setdefault(field, [])
                if rest:
                    self.sections[field].append(rest)
            elif field == "contents":
                entry = _CONTENT.match(block)
                if not entry:
                    break  # the first block that is not a Contents entry begins the body
                self.contents.append((entry["kind"].lower(), entry["lang"]))
            else:
                self.sections.setdefault(field, []).append(block)
            index += 1
        if "contents" not in self.sections:
            raise MalformedInput("no \"Contents:\" section before the record's text", path=self.path,
                                 line=self.blocks[-1][0], hint="copy the whole record page, from its date line on")
        body: list[tuple[int, str]] = []
        while index < len(self.blocks) and not _trailing_label(self.blocks[index][1]):
            body.append(self.blocks[index])
            index += 1
        return header, body, self.blocks[index:]

    def _trailer(self, blocks: list[tuple[int, str]]) -> None:
        field = "ignore"
        for _line, block in blocks:
            labelled = _LABEL.match(block)
            if labelled:
                field = LABELS[labelled["label"]]
                block = (labelled["rest"] or "").strip()
                if not block:
                    continue
            if field.startswith("tag:"):
                self.tags.extend(Tag(field[4:], value.strip()) for value in block.split("\n") if value.strip())
            elif field != "ignore":
                self.sections.setdefault(field, []).append(block)

    def _first(self, field: str) -> str | None:
        values = self.sections.get(field)
        return values[0].strip() if values else None

    def _joined(self, field: str) -> str | None:
        values = self.sections.get(field)
        return "\n\n".join(values) if values else None

    def _body_language(self, text: str) -> str:
        """The language of the body: the Contents entry that names a translation (else the first
        entry) — unless the text's script says it is another of the entries (a transcript)."""
        entries = [(kind, _wilson.language_code(lang)) for kind, lang in self.contents if lang]
        if not entries:
            return "en"
        chosen = next((code for kind, code in entries if kind == "translation"), entries[0][1]) or "en"
        if _wilson.guess_language(text, [chosen]) == chosen:
            return chosen
        return _wilson.guess_language(text, [code for _, code in entries if code]) or chosen

def _trailing_label(block: str) -> bool:
    """A label of the newer layout printed on a line of its own after the body."""
    first = block.split("\n", 1)[0].rstrip(":").strip()
    return first in LABELS and LABELS[first] not in ("summary", "credits", "contents", "citation")


def _citation(citation: str) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, archive, url, record id) from the Citation line."""
    if not citation:
        return None, None, None, None
    titled = _CITED_TITLE.match(citation)
    title = titled["title"].strip() if titled else None
    archived = _ARCHIVE.search(citation)
    archive = archived["archive"].strip(" ,.") if archived else None
    url = record_id = None
    for found in _URL.finditer(citation):
        if found["id"]:
            record_id = found["id"]
            url = _wilson.RECORD_URL.format(id=record_id)
            break
        url = url or found["any"]
    return title, archive or None, url, record_id


def _cited_date(citation: str) -> _wilson.DocDate | None:
    """The date the Citation gives after the title ("…", October 18, 1962, Wilson Center …)."""
    parts = _CITED_TITLE.sub("", citation, count=1).split(",")
    for count in (2, 1):
        found = _wilson.parse_date(",".join(parts[:count]), source="heading")
        if found:
            return found
    return None

def _id_from_name(path: str) -> str:
    stem = Path(path).stem
    digits = re.findall(r"\d{3,}", stem)
    return digits[-1] if digits else stem


__all__ = ["FORMAT", "LABELS", "READER", "VERSION", "read_wilson_page", "sniff_wilson_page"]
