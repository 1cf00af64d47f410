"""Read a Wilson Center Digital Archive record in the JSON of the archive's API.

A record file is the API's JSON for one record (``/srv/record/<id>.json``), with the field
names of the PyPI client ``digitalarchive``'s models: ``id``, ``uri``, ``title``,
``description``, ``doc_date`` ("19621018"), ``frontend_doc_date``, ``languages``
(ISO 639-2 ids), ``translations`` and ``transcripts`` (assets with ``html``), ``media_files``,
``repositories``, ``collections``, ``subjects``, ``original_coverages``, ``contributors``,
``creators``, ``donors``, ``source``, ``type``, ``classifications``.

The translations' and transcripts' HTML is inline (``html``, as the client's
``hydrate(recurse=True)`` fills it), or in files beside the record, which
:func:`asset_path` names: ``114511.json`` with ``114511.transcript-33548.html`` (asset id) or
``114511.transcript-ru.html`` (language).  :data:`FIELDS` maps JSON → record (house style 14).

The English translation becomes ``Document.text``; the other texts (original-language
transcripts, other translations) become ``Document.texts`` with their languages.

DOCS: docs/formats.md#wilson-center-digital-archive-records
"""

from __future__ import annotations

import json
import os
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from memcon.errors import EmptyInput, MalformedInput
from memcon.model.records import AlternateText, Document, Provenance, Tag, Volume
from memcon.readers import _wilson
from memcon.readers._encoding import decode_text, sniff_text
from memcon.readers.frus_tei import file_sha256

READER = "memcon.wilson_json"
VERSION = "1"
FORMAT = "wilson-json"
SITE = "https://digitalarchive.wilsoncenter.org"

FIELDS: dict[str, str] = {
    "id": "id",  # a string in the API ("114511"), an int in some saved files: both read
    "heading": "title",
    "date": "doc_date",  # "19621018"; "00" for an unknown month or day; shown as frontend_doc_date
    "summary": "description",  # plain text, HTML in some records: sanitised
    "archive": "repositories[].name",  # else "source"
    "url": "id",  # https://digitalarchive.wilsoncenter.org/document/<id>; "uri" is the API's path
    "text": "translations[language.id=eng].html",  # else the first translation, else a transcript
    "texts": "transcripts[].html, other translations[].html",
    "original_language": "languages[].id",  # ISO 639-2/B ("rus") → ISO 639-1 ("ru")
    "authors": "creators[].name",  # else the signatory of the text ("A. GROMYKO" → "A. A. Gromyko")
    "credits": "donors[].name",  # "This document was made possible with support from …", as the site prints
    "doc_type": "type[].name",  # else the title's words
    # tags: (JSON list, Tag.kind); each entry's "name" (or "value") and "id"
    "tags": "collections, subjects, original_coverages, repositories, contributors, donors, "
            "classifications, publishers, media_files",
}
TAG_LISTS: tuple[tuple[str, str], ...] = (
    ("collections", "collection"), ("subjects", "subject"), ("original_coverages", "coverage"),
    ("coverages", "coverage"),  # the search API's name for the same list
    ("repositories", "repository"), ("contributors", "contributor"), ("donors", "donor"),
    ("classifications", "classification"), ("publishers", "publisher"),
)
_ASSET_KINDS = ("translation", "transcript")
_SNIFF_KEYS = re.compile(r'"(?:frontend_doc_date|doc_date|translations|transcripts)"\s*:')


class MissingTextWarning(UserWarning):
    """A translation or transcript listed in a record has no HTML inline nor in a file beside it."""


def sniff_wilson_json(head: bytes) -> bool:
    """True if ``head`` is the start of a JSON object with the Digital Archive record's keys
    (``frontend_doc_date``, ``doc_date``, ``translations``, ``transcripts``) or its API path."""
    text = sniff_text(head)
    if text is None or not text.lstrip().startswith("{"):
        return False
    return bool(_SNIFF_KEYS.search(text)) or '"/srv/record/' in text


def asset_path(record: str | os.PathLike[str], kind: str, key: str) -> Path:
    """Where the HTML of a record's translation or transcript sits beside the record file:
    ``<stem>.<kind>-<key>.html``, ``key`` the asset's id or an ISO 639-1 language code."""
    path = Path(record)
    return path.with_name(f"{path.stem}.{kind}-{key}.html")


def read_wilson_json(source: str | os.PathLike[str], *, sha256: str | None = None) -> Iterator[Volume | Document]:
    """Yield the ``wilson`` Volume, then the record's Document.

    Raises :class:`EmptyInput` (an empty file; a record without any translation or transcript)
    and :class:`MalformedInput` (truncated or invalid JSON, with its line; JSON that is not a
    Digital Archive record).  Warns :class:`MissingTextWarning` for a listed text without HTML.

    DOCS: docs/formats.md#wilson-center-digital-archive-records
    """
    path = os.fspath(source)
    if sha256 is None:
        sha256 = file_sha256(path)
    text, _encoding = decode_text(_wilson.read_bytes(path), path=path)
    if not text.strip():
        raise EmptyInput("the file is empty", path=path, hint="fetch the record again (memcon fetch wilson ID)")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"not valid JSON: {exc.msg} (column {exc.colno})", path=path, line=exc.lineno,
                             hint="the file is probably truncated: fetch the record again "
                                  "(memcon fetch wilson ID)") from exc
    if isinstance(record, dict) and isinstance(record.get("record"), dict):
        record = record["record"]  # a saved response wrapped in {"record": {…}}
    if not isinstance(record, dict) or "id" not in record or "title" not in record:
        raise MalformedInput("this JSON is not a Wilson Center Digital Archive record (it has no \"id\" and "
                             "\"title\")", path=path, line=1,
                             hint="give the API's record JSON (/srv/record/ID.json), or name another reader "
                                  "with --format")
    provenance = Provenance(source=path, sha256=sha256, reader=READER, reader_version=VERSION, format=FORMAT)
    yield _wilson.volume(provenance)
    yield _Record(path, text, record, provenance).document()


@dataclass(frozen=True, slots=True)
class _Text:
    """One translation or transcript with its HTML read."""

    kind: str
    language: str
    paragraphs: tuple[str, ...]
    source: str | None


def _name(entry: Any) -> str | None:
    if isinstance(entry, dict):
        value = entry.get("name") or entry.get("value") or entry.get("title")
        return " ".join(str(value).split()) if value else None
    return " ".join(str(entry).split()) if isinstance(entry, str) and entry.strip() else None


def _entries(record: dict[str, Any], key: str) -> list[Any]:
    value = record.get(key)
    if isinstance(value, dict):
        return [value]
    return value if isinstance(value, list) else []


class _Record:
    """One record's JSON and the files beside it."""

    def __init__(self, path: str, raw: str, record: dict[str, Any], provenance: Provenance) -> None:
        self.path = path
        self.raw = raw
        self.record = record
        self.provenance = provenance
        self.record_id = str(record["id"]).strip()
        self.languages = [code for code in (_wilson.language_code(_language_id(e)) for e in
                                            _entries(record, "languages")) if code]

    def document(self) -> Document:
        record = self.record
        title = " ".join(str(record.get("title") or "").split()) or None
        texts = self._texts()
        if not texts:
            listed = any(_entries(record, k + "s") for k in _ASSET_KINDS)
            raise EmptyInput(
                "the record has no translation or transcript with text" + (" (the HTML of those it lists is "
                                                                           "missing)" if listed else ""),
                path=self.path, line=self._line_of('"translations"') or self._line_of('"transcripts"') or 1,
                hint="fetch the record with its texts (memcon fetch wilson ID), or put each text's HTML beside "
                     f"it as {asset_path(self.path, 'translation', 'ASSET_ID').name}")
        main = next((t for t in texts if t.kind == "translation" and t.language == "en"), None)
        main = main or next((t for t in texts if t.kind == "translation"), texts[0])
        body = _wilson.build_body(list(main.paragraphs), title=title)
        others = tuple(
            AlternateText(language=t.language, text="\n\n".join(_wilson.join_broken(t.paragraphs)[0]), kind=t.kind,
                          source=t.source)
            for t in texts if t is not main
        )
        original = next((code for code in self.languages if code != main.language), None)
        if main.kind == "transcript":
            original = main.language
        original = original or next((t.language for t in texts if t.kind == "transcript"), None)
        authors = tuple(n for n in (_name(e) for e in _entries(record, "creators")) if n)
        authors = tuple(_wilson.catalogue_name(n) for n in authors)
        if not authors and body.signed_by:
            authors = (_wilson.author_name(body.signed_by, [body.heading or "", title or "", *main.paragraphs[:3]]),)
        types = [n for n in (_name(e) for e in _entries(record, "type")) if n]
        kind = _wilson.doc_type(types[0]) if types else "document"
        if kind == "document":
            kind = types[0].lower() if types else _wilson.doc_type(title or body.heading or "")
        date = self._date() or body.date
        return Document(
            id=f"{_wilson.VOLUME_ID}/{self.record_id}", volume_id=_wilson.VOLUME_ID,
            heading=title or body.heading or f"Record {self.record_id}", text=body.text, doc_type=kind,
            place=body.place, date=date, annotations=body.annotations,
            language=main.language, provenance=(self.provenance,), summary=self._summary(),
            original_language=original, authors=authors, archive=self._archive(),
            url=_wilson.RECORD_URL.format(id=self.record_id), credits=self._credits(),
            signed_by=body.signed_by, signed_date=_wilson.distinct_date(body.signed_date, date), texts=others,
            tags=self._tags(),
        )

    # -------------------------------------------------------------- texts
    def _texts(self) -> list[_Text]:
        found: list[_Text] = []
        used: set[Path] = set()
        for kind in _ASSET_KINDS:
            for asset in _entries(self.record, kind + "s"):
                if not isinstance(asset, dict):
                    continue
                language = _wilson.language_code(_language_id(asset.get("language")))
                markup, where = self._markup(asset, kind, language, used)
                if markup is None:
                    if str(asset.get("extension") or "html").lower() in ("html", "htm"):
                        warnings.warn(MissingTextWarning(
                            f"{self.path}: {kind} {asset.get('id')} has no HTML inline nor in "
                            f"{asset_path(self.path, kind, str(asset.get('id')))}"), stacklevel=4)
                    continue
                paragraphs = tuple(_wilson.html_paragraphs(markup))
                if paragraphs:
                    lang = language or self._guess(kind, "\n".join(paragraphs))
                    found.append(_Text(kind, lang, paragraphs, where))
        for kind in _ASSET_KINDS:  # files beside the record that the JSON does not list
            for extra in sorted(Path(self.path).parent.glob(f"{Path(self.path).stem}.{kind}-*.html")):
                if extra in used:
                    continue
                key = extra.stem.rsplit(f".{kind}-", 1)[-1]
                paragraphs = tuple(_wilson.html_paragraphs(self._read(extra)))
                if paragraphs:
                    code = _wilson.language_code(key)
                    lang = code if code and code != key else self._guess(kind, "\n".join(paragraphs))
                    found.append(_Text(kind, lang, paragraphs, os.fspath(extra)))
        return found

    def _markup(self, asset: dict[str, Any], kind: str, language: str | None, used: set[Path]
                ) -> tuple[str | None, str | None]:
        url = asset.get("url") or asset.get("path")
        where = SITE + url if isinstance(url, str) and url.startswith("/") else url
        for field in ("html", "raw"):
            if isinstance(asset.get(field), str) and asset[field].strip():
                return asset[field], where
        for key in (asset.get("id"), language):
            if key is None:
                continue
            candidate = asset_path(self.path, kind, str(key))
            if candidate.is_file():
                used.add(candidate)
                return self._read(candidate), os.fspath(candidate)
        return None, where

    def _read(self, path: Path) -> str:
        text, _encoding = decode_text(_wilson.read_bytes(os.fspath(path)), path=os.fspath(path))
        return text

    def _guess(self, kind: str, text: str) -> str:
        """A text's language when its asset does not say: a translation is in English unless its
        script says otherwise; a transcript is in the record's language written in its script
        (the first of them when none is), ``und`` when the record names none."""
        if kind == "translation":
            return _wilson.guess_language(text, ["en", *self.languages]) or "en"
        candidates = [c for c in self.languages if c != "en"] or self.languages
        return _wilson.guess_language(text, candidates) or (candidates[0] if candidates else "und")

    # -------------------------------------------------------------- metadata
    def _date(self) -> _wilson.DocDate | None:
        shown = self.record.get("frontend_doc_date")
        shown = " ".join(str(shown).split()) if shown else None
        machine = self.record.get("doc_date")
        found = _wilson.parse_date(str(machine), source="heading") if machine else None
        if found is None:
            return _wilson.parse_date(shown, source="heading") if shown else None
        if shown:
            found = replace(found, text=shown)
        return found

    def _summary(self) -> str | None:
        description = self.record.get("description")
        if not isinstance(description, str) or not description.strip():
            return None
        if "<" in description:
            return "\n\n".join(_wilson.html_paragraphs(description)) or None
        return " ".join(description.split())

    def _archive(self) -> str | None:
        names = [n for n in (_name(e) for e in _entries(self.record, "repositories")) if n]
        if names:
            return "; ".join(names)
        source = self.record.get("source")
        return " ".join(source.split()) if isinstance(source, str) and source.strip() else None

    def _credits(self) -> str | None:
        names = [n for n in (_name(e) for e in _entries(self.record, "donors")) if n]
        if not names:
            return None
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        return f"This document was made possible with support from {listed}"

    def _tags(self) -> tuple[Tag, ...]:
        tags: list[Tag] = []
        for key, kind in TAG_LISTS:
            for entry in _entries(self.record, key):
                value = _name(entry)
                if value:
                    ident = entry.get("id") if isinstance(entry, dict) else None
                    tags.append(Tag(kind, value, None if ident is None else str(ident)))
        for media in _entries(self.record, "media_files"):
            if isinstance(media, dict) and (media.get("path") or media.get("url") or media.get("filename")):
                where = str(media.get("path") or media.get("url") or media.get("filename"))
                tags.append(Tag("media", SITE + where if where.startswith("/") else where,
                                None if media.get("id") is None else str(media["id"])))
        return tuple(dict.fromkeys(tags))

    def _line_of(self, needle: str) -> int | None:
        at = self.raw.find(needle)
        return self.raw.count("\n", 0, at) + 1 if at >= 0 else None


def _language_id(entry: Any) -> str | None:
    """A Language entry's id ("rus") or name; a plain string as given."""
    if isinstance(entry, dict):
        return str(entry.get("id") or entry.get("name") or "") or None
    return entry if isinstance(entry, str) else None


__all__ = ["FIELDS", "FORMAT", "READER", "VERSION", "MissingTextWarning", "asset_path", "read_wilson_json",
           "sniff_wilson_json"]
