"""The statement extractor's text helpers, rewritten for speed, still give what their original
regular expressions gave: property tests against those definitions over the characters the
records print (letters, capitals, stops, quotes, anchors, blanks, non-ASCII)."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from memcon.enrich._speech_text import _BETWEEN_RE, Span, between_end, last_word, paragraphs, sentences

# the definitions the helpers had before they were rewritten
_PARAGRAPH_RE = re.compile(r"(?:[^\n]|\n(?!\s*\n))+")
_LAST_WORD_RE = re.compile(r"([\w.]+)[.!?:]?(?:\[\d{1,3}\])?[\"”’)\]]*$")

PIECES = st.sampled_from([
    "Mr.", "said", " ", "  ", "\n", "\n\n", "\n \n", "\t", "\u00a0", ".", "?", ":", "!", ",", "[5]", "[12]", "[",
    "]", "”", "’", ")", "\"", "U.S.", "N. S.", "Khrushchev", "then", "also", "had", "quickly", "é", "٣", "_",
    "x", "I", "He", "The", "2.", "[Page 227]",
])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _old_paragraphs(text: str) -> list[Span]:
    out = []
    for m in _PARAGRAPH_RE.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(s, e))
    return out


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_paragraphs_are_the_blank_line_separated_runs(text: str) -> None:
    assert list(paragraphs(text)) == _old_paragraphs(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_last_word_is_what_the_search_from_the_left_found(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    assume(not text[:end].endswith("\n"))  # a sentence end is never a line break ('$' matches before one)
    lo = data.draw(st.integers(0, end))
    m = _LAST_WORD_RE.search(text, lo, end)
    assert last_word(text, lo, end) == (m.group(1) if m else None)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentences_cover_the_paragraph_in_order(text: str) -> None:
    for para in paragraphs(text):
        spans = sentences(text, para)
        assert all(para.start <= s.start < s.end <= para.end for s in spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))


def test_sentences_do_not_end_after_an_abbreviation_or_an_initial() -> None:
    text = "2. Mr. N. S. Khrushchev said so.[5] He left. The U.S. agreed."
    got = [text[s.start:s.end] for s in sentences(text, Span(0, len(text)))]
    assert got == ["Mr. N. S. Khrushchev said so.[5]", "He left.", "The U.S. agreed."]


BETWEEN_TEXTS = st.lists(st.sampled_from([
    "Khrushchev", "The Minister", " ", ",", "[5]", "then", "also", "had", "in reply", "to-day", "quickly", "Ly",
    "\n", "\u00a0", "é", "٣", "[٣]", ".", "once more", "in conversation with me", "x" * 60,
]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(BETWEEN_TEXTS)
def test_between_end_is_what_the_search_over_the_whole_window_found(text: str) -> None:
    m = _BETWEEN_RE.search(text, max(0, len(text) - 240))
    assert between_end(text) == (m.start() if m is not None else len(text))


def test_between_end_skips_adverbs_and_anchors() -> None:
    assert between_end("Khrushchev then also quickly ") == len("Khrushchev")
    assert between_end("The Minister[5] had ") == len("The Minister")
