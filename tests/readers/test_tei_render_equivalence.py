"""The fast renderer renders exactly what the straightforward one did, on any TEI.

The oracle (tests/readers/_reference_render.py) is the renderer as it was before it was
made fast: one method per element, every text node normalised as it is written.  The
documents are random nestings of every element the renderer knows, with every kind of
whitespace between words (tabs, no-break and thin spaces, blank lines, runs of spaces),
so the quick whitespace collapse and its exact fallback are both exercised.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from memcon.readers._tei_text import render
from tests.readers._reference_render import Walker

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"

SPACES = st.sampled_from([" ", "", "\n        ", "  ", "\t", "\xa0", " \u2009 ", "\n\n    ", " \n ", "&#13;"])
WORDS = st.text(alphabet="abcxyzÄé.,:;", min_size=1, max_size=6).map(lambda w: w.replace("&", "&amp;"))
LEAVES = st.one_of(
    SPACES, WORDS, WORDS,
    st.sampled_from(["<lb/>", '<pb n="7" facs="f7" xml:id="pg7"/>', "<pb/>", '<pb n="[8]" xml:id="pg_8"/>',
                     '<pb n="" xml:id="pg_9"/>', '<pb n="[]" xml:id="pg-seq-3"/>', "<gap/>", "<!-- a comment -->",
                     "<?pi data?>", '<graphic url="x.png"/>']),
)
CONTAINERS = [
    ("<hi>", "</hi>"), ("<seg>", "</seg>"), ("<del>", "</del>"),
    ('<persName corresp="#p_1">', "</persName>"), ('<persName type="from">', "</persName>"),
    ('<date when="1961-06-04">', "</date>"), ("<date>", "</date>"), ('<placeName ref="">', "</placeName>"),
    ('<gloss target="#t_1">', "</gloss>"), ('<ref target="frus1919Parisv03#pg_817">', "</ref>"),
    ("<term>", "</term>"), ('<orgName corresp="#o">', "</orgName>"), ("<quote>", "</quote>"),
    ('<note n="2" xml:id="fn2">', "</note>"), ('<note rend="inline" type="source">', "</note>"),
    ('<note type="source" n="1">', "</note>"), ("<note>", "</note>"), ('<note n="">', "</note>"),
    ("<p>", "</p>"), ("<ab>", "</ab>"), ("<head>", "</head>"), ("<dateline>", "</dateline>"),
    ('<list type="participants">', "</list>"), ('<list type="subject">', "</list>"), ("<list>", "</list>"),
    ("<item>", "</item>"), ("<label>", "</label>"), ("<table>", "</table>"), ("<row>", "</row>"),
    ("<cell>", "</cell>"), ("<opener>", "</opener>"), ("<closer>", "</closer>"), ("<signed>", "</signed>"),
    ("<salute>", "</salute>"), ("<postscript>", "</postscript>"), ("<figure>", "</figure>"),
    ("<figDesc>", "</figDesc>"), ("<lg>", "</lg>"), ("<l>", "</l>"), ("<trailer>", "</trailer>"),
    ('<div type="document" xml:id="d9" n="9">', "</div>"), ('<div type="section">', "</div>"),
    ("<frus:attachment>", "</frus:attachment>"),
]
NODES = st.recursive(
    LEAVES,
    lambda kids: st.builds(lambda c, ks: c[0] + "".join(ks) + c[1], st.sampled_from(CONTAINERS),
                           st.lists(kids, max_size=5)),
    max_leaves=40,
)


def document(content: str) -> Any:
    xml = (f'<TEI xmlns="{TEI_NS}" xmlns:frus="{FRUS_NS}"><text><body>'
           f'<div type="document" xml:id="d1" n="1">{content}</div></body></text></TEI>')
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False, collect_ids=False))
    return root.find(f".//{{{TEI_NS}}}div")


def owner(o: Any) -> tuple[Any, ...]:
    return o.el, o.dateline, o.subject, o.participants, list(o.source_notes), list(o.inline_notes)


def summary(r: Any) -> tuple[Any, ...]:
    return (r.text, list(r.pages), list(r.footnotes), list(r.annotations),
            [(a.start, a.end, owner(a.owner)) for a in r.attachments], owner(r.owner))


def assert_same(content: str) -> None:
    el = document(content)
    want = summary(Walker(el).render())
    got = summary(render(el))
    for name, w, g in zip(("text", "pages", "footnotes", "annotations", "attachments", "owner"), want, got,
                          strict=True):
        assert g == w, f"{name} differs for {content!r}"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(NODES, max_size=8).map("".join))
def test_renders_what_the_reference_renders(content: str) -> None:
    assert_same(content)


def test_odd_whitespace_takes_the_exact_path() -> None:
    # each of these leaves the quick collapse something it does not handle
    for text in ("a\tb", "a\xa0b", "a  b", "a\n \n b", "a&#13;b", "a \u2009 b", "x\u3000y", "a\u00a0\n b"):
        assert_same(f"<p>{text} <hi>c\xa0 d</hi></p><note n='1'>e\tf  g</note>")
        assert render(document(f"<p>{text}</p>")).text == " ".join(
            text.replace("&#13;", "\r").split())


def test_whitespace_between_inline_elements_is_a_space() -> None:
    text = render(document("<p><persName>A</persName>\n   <persName>B</persName><hi>C</hi> D</p>")).text
    assert text == "A BC D"
    assert_same("<p><persName>A</persName>\n   <persName>B</persName><hi>C</hi> D</p>")


def test_spans_pages_and_notes_at_block_boundaries() -> None:
    assert_same("<p>one <persName>two</persName></p>\n<pb n='3'/>\n<p><date>four</date> five<note n='1'>"
                "six <pb n='4'/> seven<note n='2'>eight</note></note></p><list><label>(1)</label>"
                "<item>nine</item></list><table><row><cell/><cell>ten</cell> x </row></table>")
