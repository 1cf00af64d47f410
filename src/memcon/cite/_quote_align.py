"""Align a quote's segments with the words of one source text: exact first, then fuzzy.

For each segment, in order (the next one is looked for after the end of the previous):

1. **exact**: the segment's words side by side in the source (:meth:`Words.find`);
2. **fuzzy**: rapidfuzz's ``partial_ratio_alignment`` of the segment's words (joined by
   spaces) against the source's gives the best window (tolerant of typos, OCR errors and
   spelling variants, being character-based); the window is widened by :data:`PAD` words each
   side and the two word sequences are aligned (Levenshtein opcodes on words); the source words
   at the edges that the quote does not cover are trimmed.  In a long source (more than
   :data:`LONG_REGION` characters after the previous segment) the window is looked for only
   around the stretches holding most of the segment's words, so a 290,000-character minutes
   costs no more than a telegram.

The differing runs between equal words are **blocks**; a block is a **variant** (a typo, an OCR
error, a spelling variant, two words run together) when its words without spaces are within
:func:`variant_distance` edits of each other, else it is a **substantive** change: a word the
quote adds, drops or replaces.

DOCS: docs/quote.md#how-a-quote-is-matched
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from memcon.cite._quote_text import Words

PAD = 3
"""Words added each side of the fuzzy window before the word alignment (more for long segments)."""
LONG_REGION = 20_000
"""Characters of source beyond which the fuzzy window is looked for only near the segment's words."""
MIN_SEGMENT_SCORE = 60.0
"""A segment whose best window scores below this (rapidfuzz 0–100) is not aligned at all."""
ANCHOR_WINDOWS = 2
"""How many stretches of a long source are tried for one segment."""


def variant_distance(length: int) -> int:
    """Edits allowed for a variant of a word (or run of words) of ``length`` letters: 1 up to
    7 letters, 2 up to 14, then one more per 7 (``recieve``/``receive``, ``connexion``/``connection``,
    ``theUSSR``/``the USSR``)."""
    return max(1, (length + 6) // 7)


@dataclass(frozen=True, slots=True)
class Block:
    """One run of the alignment: quote words ``[q0, q1)`` against source words ``[s0, s1)``.

    ``op``: ``equal``, ``replace``, ``insert`` (words only in the quote), ``delete`` (source
    words the quote leaves out); ``variant`` for a replace that is a spelling/OCR variant;
    ``elided`` for the source words skipped at an ellipsis."""

    op: str
    q0: int
    q1: int
    s0: int
    s1: int
    variant: bool = False
    elided: bool = False
    segment: int = 0


@dataclass(frozen=True, slots=True)
class Alignment:
    """A quote aligned with one source text: the blocks in order (quote words are numbered across
    segments), the source words spanned ``[first, last)``, whether every segment was found exactly,
    its similarity (0–1) and how many substantive blocks it has."""

    blocks: tuple[Block, ...]
    first: int
    last: int
    exact: bool
    similarity: float
    substantive: int


def _is_variant(quote: Words, q0: int, q1: int, source: Words, s0: int, s1: int) -> bool:
    a = "".join(quote.norms[q0:q1])
    b = "".join(source.norms[s0:s1])
    if not a or not b:
        return False
    return OSA.distance(a, b) <= variant_distance(max(len(a), len(b)))


def _window(segment: Words, source: Words, start: int) -> tuple[int, int, float] | None:
    """The best fuzzy window ``[w0, w1)`` of source words at or after word ``start``, and its score."""
    if start >= len(source):
        return None
    offset = source.starts[start]
    spans: list[tuple[int, int]] = [(start, len(source))]
    if len(source.joined) - offset > LONG_REGION:
        spans = _anchors(segment, source, start)
    best: tuple[int, int, float] | None = None
    for a, b in spans:
        lo = source.starts[a]
        hi = source.starts[b - 1] + len(source.norms[b - 1])
        got = fuzz.partial_ratio_alignment(segment.joined, source.joined[lo:hi], score_cutoff=MIN_SEGMENT_SCORE)
        if got is None or (best is not None and got.score <= best[2]):
            continue
        w0 = source.word_at(lo + got.dest_start)
        w1 = source.word_at(lo + max(got.dest_start, got.dest_end - 1)) + 1
        best = (w0, w1, got.score)
    return best


def _anchors(segment: Words, source: Words, start: int) -> list[tuple[int, int]]:
    """Stretches of ``source`` (from word ``start``) around the densest runs of the segment's words."""
    wanted = {w for w in segment.norms if len(w) > 3} or set(segment.norms)
    n = len(segment)
    hits = [i for i in range(start, len(source)) if source.norms[i] in wanted]
    if not hits:
        return []
    scored: list[tuple[int, int]] = []
    j = 0
    for i, at in enumerate(hits):
        while hits[j] < at - n:
            j += 1
        scored.append((i - j + 1, at))
    scored.sort(key=lambda x: (-x[0], x[1]))
    spans: list[tuple[int, int]] = []
    for _, at in scored:
        if any(a <= at < b for a, b in spans):
            continue
        spans.append((max(start, at - 2 * n), min(len(source), at + n + 1)))
        if len(spans) >= ANCHOR_WINDOWS:
            break
    return spans


def _merge_equal(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if out and out[-1].op == b.op == "equal" and out[-1].q1 == b.q0 and out[-1].s1 == b.s0:
            out[-1] = Block("equal", out[-1].q0, b.q1, out[-1].s0, b.s1)
        else:
            out.append(b)
    return out


def _trim(blocks: list[Block], quote: Words, source: Words) -> list[Block]:
    """Drop the source words at both edges that the quote does not cover: of an edge block, keep the
    source words (nearest the equal words) that best match the quote's words there."""
    if not blocks:
        return blocks
    first = blocks[0]
    if first.op != "equal":
        if first.q1 == first.q0:
            blocks = blocks[1:]
        else:
            a = "".join(quote.norms[first.q0:first.q1])
            keep = min(
                range(first.s1 - first.s0 + 1),
                key=lambda k: (OSA.distance(a, "".join(source.norms[first.s1 - k:first.s1])), k),
            )
            blocks[0] = Block("insert" if keep == 0 else "replace", first.q0, first.q1, first.s1 - keep, first.s1)
    if not blocks:
        return blocks
    last = blocks[-1]
    if last.op != "equal":
        if last.q1 == last.q0:
            blocks = blocks[:-1]
        else:
            a = "".join(quote.norms[last.q0:last.q1])
            keep = min(
                range(last.s1 - last.s0 + 1),
                key=lambda k: (OSA.distance(a, "".join(source.norms[last.s0:last.s0 + k])), k),
            )
            blocks[-1] = Block("insert" if keep == 0 else "replace", last.q0, last.q1, last.s0, last.s0 + keep)
    return blocks


def _opcodes(quote: Words, q0: int, q1: int, source: Words, s0: int, s1: int) -> list[Block]:
    """Word alignment of quote words ``[q0, q1)`` with source words ``[s0, s1)``: equal runs and
    ``change`` runs (adjacent changes merged)."""
    out: list[Block] = []
    for op in Levenshtein.opcodes(list(quote.norms[q0:q1]), list(source.norms[s0:s1])):
        tag = "equal" if op.tag == "equal" else "change"
        block = Block(tag, q0 + op.src_start, q0 + op.src_end, s0 + op.dest_start, s0 + op.dest_end)
        if out and out[-1].op == tag == "change":
            block = Block("change", out[-1].q0, block.q1, out[-1].s0, block.s1)
            out[-1] = block
        else:
            out.append(block)
    return out


def _collapse_edges(blocks: list[Block]) -> list[Block]:
    """Everything before the first and after the last solid equal run (two words or more) as one
    change block each: which of the source words there the quote covers is for :func:`_trim` to
    decide (the word alignment may pair an edge word of the quote with a like word further off,
    "*the* Allied Governments. The American" for "The American")."""
    solid = [i for i, b in enumerate(blocks) if b.op == "equal" and b.q1 - b.q0 >= 2]
    if not solid:
        return blocks
    first, last = solid[0], solid[-1]
    head, tail = blocks[:first], blocks[last + 1:]
    out = blocks[first:last + 1]
    if head:
        out.insert(0, Block("change", head[0].q0, head[-1].q1, head[0].s0, head[-1].s1))
    if tail:
        out.append(Block("change", tail[0].q0, tail[-1].q1, tail[0].s0, tail[-1].s1))
    return out


def _fuzzy(segment: Words, source: Words, start: int) -> list[Block] | None:
    window = _window(segment, source, start)
    if window is None:
        return None
    w0, w1, _ = window
    pad = PAD + len(segment) // 8
    a, b = max(start, w0 - pad), min(len(source), w1 + pad)
    blocks = _trim(_collapse_edges(_opcodes(segment, 0, len(segment), source, a, b)), segment, source)
    out = []
    for i, block in enumerate(blocks):
        if block.op != "equal" and (i == 0 or i == len(blocks) - 1) and block.q1 > block.q0 and block.s1 > block.s0:
            parts = _opcodes(segment, block.q0, block.q1, source, block.s0, block.s1)  # the kept edge, word by word
        else:
            parts = [block]
        for part in parts:
            if part.op != "equal":
                q, s = part.q1 > part.q0, part.s1 > part.s0
                part = Block("replace" if q and s else "insert" if q else "delete", part.q0, part.q1, part.s0, part.s1)
            out.append(part)
    return out


def _similarity(segment: Words, source: Words, blocks: list[Block]) -> float:
    """Character similarity (0–1) of the segment's words and the source words it was aligned with."""
    covered = [b for b in blocks if b.s1 > b.s0]
    if not covered:
        return 0.0
    joined = " ".join(source.norms[covered[0].s0:covered[-1].s1])
    return fuzz.ratio(segment.joined, joined) / 100.0


def align(segments: list[Words], source: Words) -> Alignment | None:
    """Align every segment (in order) with ``source``; ``None`` if one cannot be placed at all."""
    blocks: list[Block] = []
    start = 0
    base = 0
    exact = True
    weighted = 0.0
    total = 0
    for index, segment in enumerate(segments):
        at = source.find(segment.norms, start)
        if at >= 0:
            own = [Block("equal", 0, len(segment), at, at + len(segment))]
        else:
            exact = False
            fuzzy = _fuzzy(segment, source, start)
            if fuzzy is None or not any(b.s1 > b.s0 for b in fuzzy):
                return None
            own = fuzzy
        own = [
            Block(b.op, b.q0, b.q1, b.s0, b.s1,
                  b.op != "equal" and _is_variant(segment, b.q0, b.q1, source, b.s0, b.s1))
            for b in own
        ]
        s_first = min(b.s0 for b in own if b.s1 > b.s0)
        if index > 0 and s_first > start:
            blocks.append(Block("delete", base, base, start, s_first, elided=True, segment=index))
        weighted += _similarity(segment, source, own) * len(segment.joined)
        total += len(segment.joined)
        blocks.extend(
            Block(b.op, b.q0 + base, b.q1 + base, b.s0, b.s1, b.variant, False, index) for b in own
        )
        start = max(b.s1 for b in own)
        base += len(segment)
    covered = [b for b in blocks if b.s1 > b.s0 and not b.elided]
    substantive = sum(1 for b in blocks if b.op != "equal" and not b.elided and not b.variant)
    return Alignment(
        blocks=tuple(blocks),
        first=covered[0].s0,
        last=covered[-1].s1,
        exact=exact,
        similarity=round(weighted / total, 4) if total else 0.0,
        substantive=substantive,
    )


__all__ = ["Alignment", "Block", "align", "variant_distance"]
