"""The tantivy fields of a document: the fast ``to_tantivy`` against the plain one it replaced.

``to_tantivy`` is on the ingest hot path, so it blanks footnote anchors with one scan and a
set lookup and writes its small JSON values by hand.  ``reference_fields`` below is the
straightforward version it replaced (a pattern compiled per document, ``json.dumps``); both
must give the same fields for every document: random ones (Hypothesis, with anchors, page
markers, brackets and odd footnote numbers) and every document of a real FRUS volume.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.model.records import DocDate, Document, Footnote, PageBreak
from memcon.search._schema import (
    build_schema,
    day_number,
    display_date,
    searchable_text,
    to_tantivy,
)

SCHEMA = build_schema()


def reference_fields(document: Document) -> dict[str, Any]:
    """The fields as the first ``to_tantivy`` built them (the oracle)."""
    numbers = sorted({f.n for f in document.footnotes if f.n and not f.inline}, key=len, reverse=True)
    anchors = re.compile(r"\[(?:" + "|".join(re.escape(n) for n in numbers) + r")\]") if numbers else None
    parts: list[str] = []
    starts: list[list[int]] = []
    position = 0
    for note in document.footnotes:
        if note.inline:
            continue
        text = searchable_text(note.text)
        starts.append([position, note.offset])
        parts.append(text)
        position += len(text) + 2
    fields: dict[str, Any] = {
        "doc_id": document.id,
        "volume_id": document.volume_id,
        "doc_type": document.doc_type,
        "heading": document.heading,
        "text": searchable_text(document.text, anchors),
        "body": document.text.encode("utf-8"),
        "footnotes": "\n\n".join(parts),
        "pages": json.dumps([[p.n, p.offset] for p in document.pages], separators=(",", ":")).encode(),
        "notes": json.dumps(starts, separators=(",", ":")).encode(),
    }
    date = document.date
    if date is not None:
        low = day_number(date.sort_key)
        high = day_number(date.sort_key_end, end=True)
        if low is not None and high is not None:
            fields["date_min"] = low
            fields["date_max"] = max(low, high)
        shown = display_date(date)
        if shown:
            fields["date"] = shown
    return fields


def fast_fields(document: Document) -> dict[str, Any]:
    values = to_tantivy(document, SCHEMA).to_dict()
    return {name: (bytes(v[0]) if isinstance(v[0], (bytes, list)) else v[0]) for name, v in values.items()}


def assert_same_fields(document: Document) -> None:
    expected = reference_fields(document)
    got = fast_fields(document)
    assert got == expected, document.id


PIECES = st.sampled_from(
    [
        "word ",
        "[1]",
        "[2]",
        "[12]",
        "[*]",
        "[a]",
        "[Page 3]",
        "[Page [326]]",
        "[",
        "]",
        "[[1]]",
        "\n\n",
        "[ 1]",
        "[1 ]",
        "é",
        "—",
        "[Page 12]1]",
        "[x y]",
        "[\n1]",
        "\t",
        "][",
    ]
)
NUMBERS = st.one_of(
    st.none(), st.sampled_from(["1", "2", "12", "*", "a", "x y", " 1", "[1]", "1]", "\n1", "Page 3", "é"])
)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = "".join(draw(st.lists(PIECES, max_size=30)))
    notes = tuple(
        Footnote(
            n=n,
            text="".join(draw(st.lists(PIECES, max_size=5))),
            offset=draw(st.integers(0, 99)),
            inline=draw(st.booleans()),
        )
        for n in draw(st.lists(NUMBERS, max_size=4))
    )
    pages = tuple(
        PageBreak(n=draw(st.sampled_from(["1", "ii", 'a"b', "é", "[326]"])), offset=i * 7)
        for i in range(draw(st.integers(0, 3)))
    )
    when = draw(st.sampled_from([None, "1919", "1919-06", "1919-06-28", "1962-10-18T17:00:00Z", "June"]))
    date = DocDate(text="d", when=when) if when is not None or draw(st.booleans()) else None
    return Document(
        id="v/d1", volume_id="v", heading="H [1]", text=text, footnotes=notes, pages=pages, date=date
    )


@settings(max_examples=400, deadline=None)
@given(documents())
def test_fields_equal_the_reference_on_random_documents(document: Document) -> None:
    assert_same_fields(document)


def test_fields_equal_the_reference_on_real_volumes(frus_dir: Path) -> None:
    from memcon.readers import read

    paths = sorted(frus_dir.glob("*.xml"))[:3]
    assert paths
    count = 0
    for record in (r for path in paths for r in read(path)):
        if isinstance(record, Document):
            assert_same_fields(record)
            count += 1
    assert count > 10
