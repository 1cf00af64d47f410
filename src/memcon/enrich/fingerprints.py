"""Text fingerprints: recognise one document arriving from two sources (pure; no I/O).

A FRUS document read from TEI and the same document copied from history.state.gov
differ in whitespace ("theUSSR"), typography (’ ʼ '), footnote markers ("Conversation0"
→ ``[1]``), page markers (``[Page 226]``), list numbers the copy lost ("1. Mr.
Khrushchev …") and blocks one of them lacks (a dateline).  Their *sentences* are the
same.  A fingerprint is the set of hashes of a text's sentences, each normalised to its
letters and digits, case-folded, with markers removed; two texts are the same document
when most sentences of the shorter are in the longer (:func:`containment`).

Sentences shorter than :data:`MIN_SENTENCE` characters after normalisation ("Mr",
"1", "Secret") are left out: they recur across documents and prove nothing.

DOCS: docs/architecture.md#one-record-per-document
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Collection

FINGERPRINT = "memcon.fingerprint.v1"

MIN_SENTENCE = 24
"""Shortest normalised sentence (in characters) that counts."""

SAME_DOCUMENT = 0.6
"""Containment from which two texts are one document (measured: a web copy and its TEI
record share 0.8–1.0 of the copy's sentences; different documents of a volume < 0.1)."""

MIN_SHARED = 2
"""…and at least this many sentences in common (short texts must not match on one)."""

_MARKERS = re.compile(r"\[Page [^\]\n]*\]*\]|\[\d+\]")
_SENTENCE = re.compile(r"[.!?;:]+(?=\s|$)|\n")
_NOT_WORD = re.compile(r"[\W_]+")
_DROP = re.compile("[ʼ’‘'`´ʹ′\u00ad\u200b\u01c2]")
_BREAK = "\u01c2"
"""A letter (ǂ) that marks sentence ends while everything but letters and digits is removed."""


def _normal(text: str) -> str:
    if not text.isascii():
        text = _DROP.sub("", text)
        if not unicodedata.is_normalized("NFKC", text):  # ligatures, full-width forms
            text = unicodedata.normalize("NFKC", text)
    return text.casefold()


def fingerprint(text: str) -> frozenset[int]:
    """The set of sentence hashes of ``text`` (see the module docstring)."""
    body = _NOT_WORD.sub("", _SENTENCE.sub(_BREAK, _normal(_MARKERS.sub(" ", text))))
    return frozenset(zlib.crc32(key.encode("utf-8")) for key in body.split(_BREAK) if len(key) >= MIN_SENTENCE)


def containment(a: Collection[int], b: Collection[int]) -> float:
    """Share of the smaller fingerprint's sentences found in the other (0.0 when either is empty)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    large_set = large if isinstance(large, set | frozenset) else set(large)
    return sum(1 for h in small if h in large_set) / len(small)


def same_document(a: Collection[int], b: Collection[int]) -> bool:
    """Whether fingerprints ``a`` and ``b`` are of one document."""
    if not a or not b:
        return False
    shared = len(set(a) & set(b))
    return shared >= min(MIN_SHARED, len(a), len(b)) and shared / min(len(a), len(b)) >= SAME_DOCUMENT


__all__ = ["FINGERPRINT", "MIN_SENTENCE", "SAME_DOCUMENT", "containment", "fingerprint", "same_document"]
