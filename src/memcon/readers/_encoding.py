"""Bytes → text for the readers of text formats (web pages, Wilson records, plain text, JSON).

Historians' files arrive in whatever encoding the tool that saved them chose: UTF-8
(with or without a byte-order mark), UTF-16 with a BOM (Windows "Unicode" text),
Windows-1252 (older Windows editors, Word's "plain text").  :func:`decode_text` reads
each of them and says which it used; a file that is none of them (binary, or bytes
undefined in Windows-1252) is a :class:`~memcon.errors.MalformedInput` naming the file
and the line of the first bad byte.  Line ends become ``\\n``.

DOCS: docs/ingest.md#formats-and-encodings
"""

from __future__ import annotations

import codecs
import warnings

from memcon.errors import MalformedInput

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class EncodingWarning(UserWarning):
    """A text file was not UTF-8 and memcon decoded it as another encoding."""


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the zero bytes of ``data`` say so (ASCII-range text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def detect_encoding(data: bytes) -> str:
    """The encoding :func:`decode_text` would use for ``data`` (without decoding all of it
    when a BOM decides).  ``binary`` when it is not text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    guess = _utf16_without_bom(data)
    if guess:
        return guess
    if b"\x00" in data[:8192]:
        return "binary"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        # a multi-byte sequence cut at the end of a sniffed head is still UTF-8
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return "utf-8"
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "binary"


def decode_text(data: bytes, *, path: str) -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes; newlines normalised to ``\\n``.

    Warns :class:`EncodingWarning` when the file was not UTF-8 (UTF-16/32 with a BOM is
    exact and not warned about).  Raises :class:`MalformedInput` for binary data.
    """
    encoding = detect_encoding(data)
    if encoding == "binary":
        position = data.find(b"\x00")
        raise MalformedInput(
            "this is not a text file (it holds bytes no text encoding uses)",
            path=path,
            line=_line_of(data, position) if position >= 0 else None,
            hint="export the document as text (UTF-8) or give its original XML/JSON",
        )
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise MalformedInput(
            f"the file is not valid {encoding}: {exc.reason}",
            path=path,
            line=_line_of(data, exc.start),
            hint="save the file again as UTF-8",
        ) from exc
    if encoding.startswith("utf-16-") or encoding == "cp1252":
        described = "Windows-1252 (cp1252)" if encoding == "cp1252" else f"{encoding.upper()} without a byte-order mark"
        warnings.warn(EncodingWarning(f"{path}: not UTF-8; read as {described}"), stacklevel=2)
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def sniff_text(head: bytes) -> str | None:
    """The decoded start of a file for a sniffer, or ``None`` when it is not text."""
    encoding = detect_encoding(head)
    if encoding == "binary":
        return None
    return head.decode(encoding, errors="replace").lstrip("\ufeff").replace("\r\n", "\n")


__all__ = ["EncodingWarning", "decode_text", "detect_encoding", "sniff_text"]
