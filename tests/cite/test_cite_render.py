"""memcon.cite.render on CSL items written here: the official styles through citeproc-py, and the gaps
of citeproc-py that memcon fills (no shared data needed)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from memcon.cite import STYLES, render_item
from memcon.cite.render import STYLE_FILES, punctuation_in_quote, style_file
from memcon.errors import InvalidValue

CHAPTER: dict[str, object] = {
    "id": "test/d7", "type": "chapter", "title": "Telegram From the Embassy, Moscow, May 1, 1960, 4 p.m.",
    "title-short": "Telegram From the Embassy, May 1, 1960, 4 p.m.",
    "container-title": "Foreign Relations of the United States, 1958–1960", "volume": "X", "volume-title": "Part 1",
    "editor": [{"family": "Doe", "given": "Jane Q."}], "publisher": "Government Printing Office",
    "publisher-place": "Washington", "issued": {"date-parts": [[1993]]}, "number": "7", "page": "12", "locator": "12",
}


def test_every_style_is_an_official_csl_file() -> None:
    for style in STYLES:
        path = Path(style_file(style))
        assert path.suffix == ".csl" and path.stem == STYLE_FILES[style][0]
        assert 'xmlns="http://purl.org/net/xbiblio/csl"' in path.read_text(encoding="utf-8")[:500]


def test_a_chapter_in_every_style() -> None:
    assert render_item(CHAPTER, style="chicago-note") == (
        "Jane Q. Doe, ed., “Telegram From the Embassy, Moscow, May 1, 1960, 4 p.m.,” in Foreign Relations of the "
        "United States, 1958–1960, vol. X, Part 1 (Washington: Government Printing Office, 1993), doc. 7, 12.")
    assert render_item(CHAPTER, style="chicago-short") == (
        "Doe, “Telegram From the Embassy, May 1, 1960, 4 p.m.,” doc. 7, 12.")
    assert render_item(CHAPTER, style="chicago-bib") == (
        "Doe, Jane Q., ed. “Telegram From the Embassy, Moscow, May 1, 1960, 4 p.m.” In Foreign Relations of the "
        "United States, 1958–1960, Vol. X, Part 1. Washington: Government Printing Office, 1993.")
    assert "(No. 7; p. 12)" in render_item(CHAPTER, style="apa")
    assert "p. 12" in render_item(CHAPTER, style="mla")


def test_what_stands_in_for_the_author_is_printed_once() -> None:
    """The editor standing in for the missing author is not repeated after the book's title
    (citeproc-py printed "Jane Q. Doe, ed., … in …, ed. Jane Q. Doe"), nor an APA title."""
    assert render_item(CHAPTER, style="chicago-note").count("Doe") == 1
    untitled = {k: v for k, v in CHAPTER.items() if k != "editor"}
    apa = render_item(untitled, style="apa")
    assert apa.count("Telegram From the Embassy") == 1 and apa.startswith("Telegram From the Embassy")


def test_short_notes_have_no_year() -> None:
    """``<if disambiguate="true">`` is false for a single item (citeproc-py took it as true)."""
    assert "1993" not in render_item(CHAPTER, style="chicago-short")


def test_punctuation_goes_inside_quotation_marks() -> None:
    assert punctuation_in_quote("“Title”, in “Book”.") == "“Title,” in “Book.”"
    assert punctuation_in_quote("“At 4 p.m.”. Next") == "“At 4 p.m.” Next"
    assert punctuation_in_quote("‘a’, b") == "‘a,’ b"


def test_a_note_without_a_pin_page() -> None:
    item = {k: v for k, v in CHAPTER.items() if k not in ("page", "locator")}
    assert render_item(item, style="chicago-note").endswith("1993), doc. 7.")


def test_unknown_style() -> None:
    with pytest.raises(InvalidValue, match="use one of: chicago-note"):
        render_item(CHAPTER, style="chicago")


def test_rendering_is_the_same_from_many_threads() -> None:
    """citeproc-py keeps state on the shared style's elements: renderings are serialised."""
    expected = {style: render_item(CHAPTER, style=style) for style in STYLES}
    seen: list[bool] = []

    def work() -> None:
        for _ in range(3):
            seen.extend(render_item(CHAPTER, style=s) == e for s, e in expected.items())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 4 * 3 * len(STYLES) and all(seen)
