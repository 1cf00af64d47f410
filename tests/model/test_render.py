"""memcon.model.render: the plain-text reading view of a document."""

from __future__ import annotations

from pathlib import Path

from memcon.model.records import Document, Footnote
from memcon.model.render import render_document
from memcon.readers.frus_tei import read_frus_tei
from tests._shared import require

TEXT = "1. Memorandum of Conversation[1]\nVienna, June 4, 1961.\n\nHe said so.[2]"


def doc(*footnotes: Footnote) -> Document:
    return Document(id="v/d1", volume_id="v", heading="Memorandum of Conversation", text=TEXT, footnotes=footnotes)


def test_text_then_footnotes_source_first() -> None:
    d = doc(
        Footnote("2", "A later note.", TEXT.index("[2]")),
        Footnote("1", "Source: Kennedy Library.", TEXT.index("[1]"), kind="source"),
    )
    assert render_document(d) == TEXT + "\n\n1. Source: Kennedy Library.\n2. A later note."


def test_without_footnotes_is_the_text() -> None:
    d = doc(Footnote("1", "Source: somewhere.", 30, kind="source"))
    assert render_document(d, footnotes=False) == TEXT
    assert render_document(doc()) == TEXT


def test_inline_notes_are_not_listed_again() -> None:
    d = doc(
        Footnote(None, "File No. 861.00/1401", 0, kind="source", inline=True),
        Footnote("2", "Printed in full.", TEXT.index("[2]")),
    )
    assert render_document(d) == TEXT + "\n\n2. Printed in full."


def test_multi_paragraph_footnote_is_indented() -> None:
    d = doc(Footnote("12", "First paragraph.\n\nSecond paragraph.", TEXT.index("[2]")))
    assert render_document(d).endswith("\n\n12. First paragraph.\n    Second paragraph.")


def test_real_d88_reads_like_the_web_page(shared: Path) -> None:
    path = require(shared / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", "the d88 excerpt")
    d88 = next(r for r in read_frus_tei(path) if isinstance(r, Document))
    view = render_document(d88)
    assert view.startswith("88. Memorandum of Conversation[1]\nVienna, June 4, 1961.\n\nSUBJECT\n")
    tail = view[len(d88.text):].split("\n")
    assert tail[:2] == ["", ""]
    assert tail[2].startswith("1. Source: Kennedy Library, President's Office Files, USSR.")
    assert tail[3].startswith("2. For text of the President's special message")
    assert tail[4] == "3. Franz Joseph Strauss, West German Defense Minister."
