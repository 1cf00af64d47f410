"""Verify a quote against the corpus: :func:`verify_quote` → :class:`QuoteResult` (method ``memcon.quote.v1``).

Given a quote as a historian has it (from a book, a note, a web page), memcon finds the passage
it comes from and says, honestly, whether the quote is faithful:

* the **document**, the printed **page(s)** of the passage (both, when it runs over a page
  turn; for a passage of a footnote, the page of the footnote's anchor), the passage as
  printed, and its **citation** (Chicago full note by default, pin-cited to the page);
* a **word-level diff** between the quote and the source: ``equal``, ``replace``, ``insert``
  (words only the quote has), ``delete`` (source words the quote leaves out; ``elided`` when it
  says so with an ellipsis), a replace being a ``variant`` when it is a typo, an OCR error, a
  spelling variant or two words run together;
* the **similarity** (0–1, characters of the quote's words against the source's).

How it matches (docs/quote.md): punctuation, curly or straight quotes, dashes, line breaks,
case and accents never count; an ellipsis splits the quote into segments that must appear in
order; candidates come from the full-text index (exact phrases first, then the rarest words),
and only those few documents are aligned word by word.  A quote is **found** when every one of
its words stands in the source, allowing only variants (:data:`FOUND_SIMILARITY` at least,
no substantive change): a word added, dropped without an ellipsis, or replaced by another word
makes it *not found*, and the nearest passages are returned as candidates with their
similarity and diff, so the misquotation can be seen.

>>> with open_workspace("memcon.db", create=False) as ws:                  # doctest: +SKIP
...     result = verify_quote(ws, "natural love is better than love through interpreters")
>>> result.found, result.match.document_id, result.match.pages               # doctest: +SKIP
(True, 'frus1961-63v05/d88', ('226',))

DOCS: docs/quote.md
"""

from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from memcon.cite._quote_align import Alignment, align
from memcon.cite._quote_candidates import Candidates
from memcon.cite._quote_text import Words, segments, words
from memcon.errors import InvalidValue
from memcon.search._snippets import page_at

if TYPE_CHECKING:
    from memcon.search._schema import StoredHit
    from memcon.store.base import Store
    from memcon.workspace import Workspace

METHOD = "memcon.quote.v1"
FOUND_SIMILARITY = 0.85
"""Least similarity (0–1) of a quote that is found; below it even variant-only differences make it
not found (decided on data: docs/quote.md#thresholds)."""
EXACT_CANDIDATES = 10
"""Documents (best BM25 first) holding every segment as a phrase that are aligned."""
FUZZY_CANDIDATES = 12
"""Documents (best BM25 first) holding the quote's rare words that are aligned when no exact one is found."""
NEAR_SIMILARITY = 0.5
"""Least similarity of a passage shown as a candidate (nearer than chance wording)."""
MAX_QUOTE_CHARS = 5000
_ANCHOR = re.compile(r"\[([^\[\]\s]{1,8})\]")
_TRAILING = re.compile(r"[^\w\s\[]+")

DiffKind = Literal["equal", "replace", "insert", "delete"]


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One run of the word-level diff, read from the quote to the source."""

    op: DiffKind
    quote: str
    """The quote's words in this run, as typed ('' for a delete)."""
    source: str
    """The source's words, as printed ('' for an insert)."""
    variant: bool = False
    """A replace that is a typo, OCR error or spelling variant rather than another word."""
    elided: bool = False
    """A delete the quote marks with an ellipsis."""


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A passage of one document aligned with the quote."""

    document_id: str
    volume_id: str
    heading: str
    date: str | None
    pages: tuple[str, ...]
    """The printed page(s) the passage stands on, in order (the footnote anchor's, for a footnote)."""
    start: int
    end: int
    """The passage's character span in ``Document.text``, or in the footnote's text when ``footnote``."""
    footnote: str | None
    """The number of the footnote the passage is in, or ``None`` for the text."""
    text: str
    """The passage as printed."""
    method: Literal["exact", "fuzzy"]
    similarity: float
    diff: tuple[DiffOp, ...]
    changes: int
    """How many substantive changes (words added, dropped without an ellipsis, replaced) the quote makes."""
    found: bool
    """The quote is faithful to this passage (variants aside)."""
    citation: str | None = None

    @property
    def page(self) -> str | None:
        """The pin-cite: ``226``, or ``226–227`` for a passage over a page turn."""
        if not self.pages:
            return None
        return self.pages[0] if len(self.pages) == 1 else f"{self.pages[0]}–{self.pages[-1]}"


@dataclass(frozen=True, slots=True)
class QuoteResult:
    """What :func:`verify_quote` says about a quote."""

    quote: str
    found: bool
    match: QuoteMatch | None
    """The source passage, when found."""
    candidates: tuple[QuoteMatch, ...]
    """The other passages aligned, best first: when found, other documents holding the quote too;
    when not, the nearest passages (similarity at least :data:`NEAR_SIMILARITY`)."""
    method: str = METHOD

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (pages as a list, each match with its pin-cite ``page``)."""

        def one(m: QuoteMatch) -> dict[str, Any]:
            return {**asdict(m), "page": m.page}

        return {
            "quote": self.quote,
            "found": self.found,
            "method": self.method,
            "match": one(self.match) if self.match else None,
            "candidates": [one(m) for m in self.candidates],
        }


def verify_quote(
    workspace: Workspace,
    text: str,
    *,
    limit: int = 3,
    style: str = "chicago-note",
    accessed: datetime.date | None = None,
    cite: bool = True,
) -> QuoteResult:
    """Find the passage ``text`` quotes, in the documents of ``workspace`` (its index, then its store).

    ``limit`` bounds the candidates returned besides the match; ``style`` and ``accessed`` go to
    :func:`memcon.cite.format_citation` for the match's citation (``cite=False`` skips it).
    Raises :class:`~memcon.errors.InvalidValue` for a quote without words (or longer than
    :data:`MAX_QUOTE_CHARS`), :class:`~memcon.errors.SearchError` if the index cannot be searched.

    DOCS: docs/quote.md
    """
    if len(text) > MAX_QUOTE_CHARS:
        raise InvalidValue(
            f"the quote is {len(text):,} characters long; memcon verifies up to {MAX_QUOTE_CHARS:,}",
            hint="quote a passage, or cut it with an ellipsis ( … )",
        )
    parts = segments(text)
    if not parts:
        raise InvalidValue("the quote has no words to look for", hint='give the words, e.g. memcon quote "natural love"')
    quote = [words(p) for p in parts]
    candidates = Candidates(workspace.index, parts)
    matches = _aligned(candidates.exact(limit=EXACT_CANDIDATES), quote)
    if not any(m.found for m in matches):
        seen = {m.document_id for m in matches}
        fuzzy = [h for h in candidates.fuzzy(limit=FUZZY_CANDIDATES) if h.doc_id not in seen]
        matches += _aligned(fuzzy, quote)
    matches.sort(key=lambda m: (not m.found, m.method != "exact", -m.similarity))
    best = matches[0] if matches and matches[0].found else None
    floor = 1.0 if best is not None else NEAR_SIMILARITY  # beside a match: other copies of it only
    others = tuple(m for m in matches if m is not best and (m.found or m.similarity >= floor))[:limit]
    if best is not None:
        if best.footnote is not None:
            best = _in_footnote(workspace.store, best, quote)
        if cite:
            best = replace(best, citation=_citation(workspace.store, best, style=style, accessed=accessed))
    return QuoteResult(quote=text, found=best is not None, match=best, candidates=others)


def _aligned(hits: list[StoredHit], quote: list[Words]) -> list[QuoteMatch]:
    """The best passage of each hit (its text, else its footnotes), if any."""
    out = []
    for hit in hits:
        body = hit.body.decode("utf-8")
        best: QuoteMatch | None = None
        for region in ("text", "footnotes"):
            content = body if region == "text" else hit.footnotes
            if not content:
                continue
            source = words(content)
            alignment = align(quote, source)
            if alignment is None:
                continue
            match = _match(hit, quote, source, alignment, region)
            if best is None or (match.found, match.similarity) > (best.found, best.similarity):
                best = match
            if best.found:
                break
        if best is not None:
            out.append(best)
    return out


def _match(hit: StoredHit, quote: list[Words], source: Words, alignment: Alignment, region: str) -> QuoteMatch:
    start = source.spans[alignment.first][0]
    end = source.spans[alignment.last - 1][1]
    footnote: str | None = None
    if region == "text":
        pages = _pages(hit.pages, start, end)
    else:
        note = max((n for n in hit.notes if n[0] <= start), default=None)
        anchor = note[1] if note else 0
        found = _ANCHOR.match(hit.body.decode("utf-8"), anchor) if note else None
        footnote = found.group(1) if found else "?"
        pages = (page_at(hit.pages, anchor),) if hit.pages else ()
    return QuoteMatch(
        document_id=hit.doc_id,
        volume_id=hit.volume_id,
        heading=hit.heading,
        date=hit.date,
        pages=tuple(p for p in pages if p),
        start=start,
        end=end,
        footnote=footnote,
        text=source.text[start:end],
        method="exact" if alignment.exact else "fuzzy",
        similarity=alignment.similarity,
        diff=_diff(quote, source, alignment),
        changes=alignment.substantive,
        found=alignment.substantive == 0 and alignment.similarity >= FOUND_SIMILARITY,
    )


def _pages(pages: tuple[tuple[str, int], ...], start: int, end: int) -> tuple[str | None, ...]:
    """The page of ``start`` and of every page turn before ``end``."""
    first = page_at(pages, start)
    turns = [n for n, offset in pages if start < offset < end]
    return tuple(dict.fromkeys([first, *turns]))


def _diff(quote: list[Words], source: Words, alignment: Alignment) -> tuple[DiffOp, ...]:
    flat = [(w, i) for w in quote for i in range(len(w))]

    def quoted(q0: int, q1: int) -> str:
        return " ".join(w.text[w.spans[i][0]:w.spans[i][1]] for w, i in flat[q0:q1])

    def printed(s0: int, s1: int) -> str:
        if s1 <= s0:
            return ""
        end = source.spans[s1 - 1][1]
        trailing = _TRAILING.match(source.text, end)  # the punctuation after the last word
        return source.text[source.spans[s0][0]:trailing.end() if trailing else end]

    return tuple(
        DiffOp(b.op, quoted(b.q0, b.q1), printed(b.s0, b.s1), b.variant, b.elided)  # type: ignore[arg-type]
        for b in alignment.blocks
    )


def _in_footnote(store: Store, match: QuoteMatch, quote: list[Words]) -> QuoteMatch:
    """``match`` (in the index's footnotes) with offsets into the stored footnote's own text."""
    document = store.get_document(match.document_id)
    for note in document.footnotes:
        if note.inline or note.n != match.footnote:
            continue
        source = words(note.text)
        alignment = align(quote, source)
        if alignment is not None:
            start, end = source.spans[alignment.first][0], source.spans[alignment.last - 1][1]
            return replace(match, start=start, end=end, text=note.text[start:end])
    return match


def _citation(store: Store, match: QuoteMatch, *, style: str, accessed: datetime.date | None) -> str:
    """The citation of the match's document, pin-cited to its page(s)."""
    from memcon.cite import format_citation

    return format_citation(store, match.document_id, page=match.page, style=style, accessed=accessed)


__all__ = ["FOUND_SIMILARITY", "METHOD", "DiffOp", "QuoteMatch", "QuoteResult", "verify_quote"]
