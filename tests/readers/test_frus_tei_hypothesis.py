"""Property: whatever well-formed paragraph content a volume holds, the reader neither loses
text nor moves it between documents, and every page turn and note is accounted for."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memcon.model.records import Document
from memcon.readers.frus_tei import read_frus_tei

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÄé&<>'\"", min_size=1, max_size=8)
SPACE = st.sampled_from([" ", "\n", "\n                ", "\t", "  "])


@dataclass
class Seg:
    kind: str  # word, hi, persName, pb, note, inline
    words: list[str]


SEGMENT = st.one_of(
    st.builds(lambda w: Seg("word", [w]), WORD),
    st.builds(lambda ws: Seg("hi", ws), st.lists(WORD, min_size=1, max_size=3)),
    st.builds(lambda ws: Seg("persName", ws), st.lists(WORD, min_size=1, max_size=2)),
    st.just(Seg("pb", [])),
    st.builds(lambda ws: Seg("note", ws), st.lists(WORD, min_size=1, max_size=4)),
)
PARAGRAPH = st.lists(SEGMENT, min_size=1, max_size=8)
DOCUMENT = st.tuples(
    st.lists(WORD, min_size=0, max_size=4),  # heading words (may be empty: <head/>)
    st.booleans(),  # an inline source note before the head?
    st.lists(PARAGRAPH, min_size=1, max_size=4),
)


def build(docs: list[tuple[list[str], bool, list[list[Seg]]]], spaces: list[str]) -> tuple[str, list[dict]]:
    """The TEI text and, per document, what it must yield."""
    page = 0
    note_n = 0
    out = [('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="frusProp"><teiHeader><fileDesc><titleStmt>'
           '<title type="complete">Property</title></titleStmt></fileDesc></teiHeader><text><body>'
           '<div type="chapter" xml:id="ch1"><head>Chapter</head>')]
    expected: list[dict] = []

    def sp(i: int) -> str:
        return spaces[i % len(spaces)]

    for k, (head, inline_source, paragraphs) in enumerate(docs, start=1):
        words: list[str] = []
        notes: list[list[str]] = []
        pages: list[str] = []
        out.append(f'<div type="document" xml:id="d{k}" n="{k}">')
        if inline_source:
            out.append(f'<note rend="inline" type="source">File {k}</note>')
            words += ["File", str(k)]
        out.append("<head>" + " ".join(escape(w) for w in head) + "</head>")
        words += head
        for i, paragraph in enumerate(paragraphs):
            out.append("<p>")
            for j, seg in enumerate(paragraph):
                body = sp(i + j).join(escape(w) for w in seg.words)
                if seg.kind == "word":
                    out.append(body)
                    words += seg.words
                elif seg.kind in ("hi", "persName"):
                    out.append(f"<{seg.kind}>{body}</{seg.kind}>")
                    words += seg.words
                elif seg.kind == "pb":
                    page += 1
                    out.append(f'<pb n="{page}" xml:id="pg_{page}"/>')
                    pages.append(str(page))
                else:
                    note_n += 1
                    out.append(f'<note n="{note_n}">{body}</note>')
                    notes.append(seg.words)
                out.append(sp(i * 7 + j))
            out.append("</p>" + sp(i))
        out.append("</div>")
        expected.append({"words": words, "notes": notes, "pages": pages})
    out.append("</div></body></text></TEI>")
    return "".join(out), expected


def words_of(doc: Document) -> list[str]:
    text = re.sub(r"\[Page [^\]]*\]", " ", doc.text)
    text = re.sub(r"\[\d+\]", " ", text)
    return text.split()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=st.lists(DOCUMENT, min_size=1, max_size=5), spaces=st.lists(SPACE, min_size=1, max_size=4))
def test_no_text_is_lost_or_moved_between_documents(docs: list, spaces: list[str]) -> None:
    xml, expected = build(docs, spaces)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "frusProp.xml"
        path.write_text(xml, encoding="utf-8")
        records = list(read_frus_tei(path))
    got = [r for r in records[1:] if isinstance(r, Document)]
    assert len(got) == len(expected)
    for doc, want in zip(got, expected, strict=True):
        assert doc.heading.strip()
        heading_words = doc.heading.split() if not doc.heading.startswith("Document ") else []
        assert words_of(doc) == want["words"], doc.text
        assert [f.text.split() for f in doc.footnotes if not f.inline] == want["notes"]
        assert [p.n for p in doc.pages if p.marker] == want["pages"]
        for p in doc.pages:
            if p.marker:
                assert doc.text.startswith(f"[Page {p.n}]", p.offset)
        assert all(w in want["words"] for w in heading_words)
        assert "  " not in doc.text
