"""memcon.readers: one reader per source format, and the registry that picks one.

A reader turns a file into records (the :class:`~memcon.model.records.Volume` first, then
its :class:`~memcon.model.records.Document` records) and never touches the store.
:data:`READERS` is a plain table, format name → reader and sniffer, in the order
:func:`detect_format` tries them: the most specific first, plain text last (it accepts any
text).

DOCS: docs/ingest.md
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from memcon.errors import ReadError, UnknownFormat
from memcon.model.records import Document, Volume
from memcon.readers import frus_tei, hsg_page, plaintext, wilson_json, wilson_page
from memcon.readers._encoding import detect_encoding

SNIFF_BYTES = 8192
"""How much of a file :func:`detect_format` reads to recognise it."""


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """A registered reader: its name and version, how to read, how to recognise a file."""

    format: str
    name: str
    version: str
    read: Callable[..., Iterator[Volume | Document]]
    sniff: Callable[[bytes], bool]
    unit: str = "volume"
    """``volume``: a file is a whole volume, replaced as one when ingested again;
    ``document``: a file is one document of a collection (a web page, a Wilson record)."""


READERS: dict[str, ReaderSpec] = {
    frus_tei.FORMAT: ReaderSpec(
        format=frus_tei.FORMAT, name=frus_tei.READER, version=frus_tei.VERSION,
        read=frus_tei.read_frus_tei, sniff=frus_tei.sniff_frus_tei,
    ),
    wilson_json.FORMAT: ReaderSpec(
        format=wilson_json.FORMAT, name=wilson_json.READER, version=wilson_json.VERSION,
        read=wilson_json.read_wilson_json, sniff=wilson_json.sniff_wilson_json, unit="document",
    ),
    hsg_page.FORMAT: ReaderSpec(
        format=hsg_page.FORMAT, name=hsg_page.READER, version=hsg_page.VERSION,
        read=hsg_page.read_hsg_page, sniff=hsg_page.sniff_hsg_page, unit="document",
    ),
    wilson_page.FORMAT: ReaderSpec(
        format=wilson_page.FORMAT, name=wilson_page.READER, version=wilson_page.VERSION,
        read=wilson_page.read_wilson_page, sniff=wilson_page.sniff_wilson_page, unit="document",
    ),
    plaintext.FORMAT: ReaderSpec(
        format=plaintext.FORMAT, name=plaintext.READER, version=plaintext.VERSION,
        read=plaintext.read_plaintext, sniff=plaintext.sniff_plaintext, unit="document",
    ),
}


def detect_format(path: str | os.PathLike[str]) -> str:
    """The format name of the file at ``path`` (a key of :data:`READERS`).

    Raises :class:`~memcon.errors.UnknownFormat` when no reader recognises it and
    :class:`~memcon.errors.ReadError` when it cannot be read.
    """
    where = os.fspath(path)
    try:
        with open(where, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise ReadError(f"cannot read the file: {exc.strerror or exc}", path=where,
                        hint="check the path and its permissions") from exc
    for name, spec in READERS.items():
        if name == plaintext.FORMAT and hsg_page.names_hsg_document(where):
            # a page of an old volume's short document shows nothing of the site: its file
            # name (frus1861-d133.txt, as the site's address) says what it is
            return hsg_page.FORMAT
        if spec.sniff(head):
            return name
    if head and detect_encoding(head) == "binary":
        raise UnknownFormat(
            "this is not a text file (binary data: a scan, a PDF or a word-processor file?)", path=where,
            hint="save the document as text (UTF-8), or give its TEI, web page or Wilson Center record",
        )
    known = ", ".join(sorted(READERS))
    raise UnknownFormat(
        f"no reader recognises this file (memcon reads: {known})", path=where,
        hint="memcon reads FRUS TEI volumes, pages copied from history.state.gov, Wilson Center records "
        "(saved page or API JSON) and text; choose one with --format",
    )


def read(path: str | os.PathLike[str], *, format: str | None = None, sha256: str | None = None
         ) -> Iterator[Volume | Document]:
    """Read ``path`` with the reader of ``format`` (detected when ``None``)."""
    name = format or detect_format(path)
    spec = READERS.get(name)
    if spec is None:
        raise UnknownFormat(f"unknown format {name!r} (memcon reads: {', '.join(sorted(READERS))})",
                            path=os.fspath(path), hint="choose one of the formats listed")
    return spec.read(path, sha256=sha256)


__all__ = ["READERS", "SNIFF_BYTES", "ReaderSpec", "detect_format", "read"]
