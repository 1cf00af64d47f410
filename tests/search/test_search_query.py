"""memcon's query syntax: every construct, every error with its position, and Hypothesis."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.errors import QuerySyntaxError
from memcon.search.query import (
    MAX_DEPTH,
    SYNTAX_HELP,
    And,
    Field,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    Term,
    format_query,
    parse_query,
)

T = Term

PARSES: list[tuple[str, Node]] = [
    ("armistice", T("armistice")),
    ("  Clémenceau  ", T("Clémenceau")),
    ("Wilson Clemenceau", And((T("Wilson"), T("Clemenceau")))),
    ("Wilson AND Clemenceau", And((T("Wilson"), T("Clemenceau")))),
    ('"Council of Ten"', Phrase(("Council", "of", "Ten"))),
    ('"Council  of\tTen"', Phrase(("Council", "of", "Ten"))),
    ('"armistice"', Phrase(("armistice",))),
    ("Wilson OR Lansing", Or((T("Wilson"), T("Lansing")))),
    ("Wilson NOT Lansing", And((T("Wilson"), Not(T("Lansing"))))),
    ("Wilson -Lansing", And((T("Wilson"), Not(T("Lansing"))))),
    ('Wilson -"Lloyd George"', And((T("Wilson"), Not(Phrase(("Lloyd", "George")))))),
    ("Wilson -(Lansing OR House)", And((T("Wilson"), Not(Or((T("Lansing"), T("House"))))))),
    ("NOT Lansing Wilson", And((Not(T("Lansing")), T("Wilson")))),
    # precedence: NOT > AND > OR
    ("a b OR c", Or((And((T("a"), T("b"))), T("c")))),
    ("a OR b c", Or((T("a"), And((T("b"), T("c")))))),
    ("a AND b OR c AND d", Or((And((T("a"), T("b"))), And((T("c"), T("d")))))),
    ("a OR b OR c", Or((T("a"), T("b"), T("c")))),
    ("NOT a b OR c", Or((And((Not(T("a")), T("b"))), T("c")))),
    ("(a OR b) c", And((Or((T("a"), T("b"))), T("c")))),
    ("((a))", T("a")),
    ("(Wilson OR House)(Paris)", And((Or((T("Wilson"), T("House"))), T("Paris")))),
    # lower-case keywords are words
    ("peace and war", And((T("peace"), T("and"), T("war")))),
    ("not or", And((T("not"), T("or")))),
    # proximity
    ("NEAR(Wilson Clemenceau, 10)", Near((T("Wilson"), T("Clemenceau")), 10)),
    ("NEAR(Wilson Clemenceau)", Near((T("Wilson"), T("Clemenceau")), 10)),
    ("NEAR(Wilson, Clemenceau, 3)", Near((T("Wilson"), T("Clemenceau")), 3)),
    ("NEAR(Wilson armist* Foch,0)", Near((T("Wilson"), T("armist", True), T("Foch")), 0)),
    ('"Wilson Clemenceau"~10', Phrase(("Wilson", "Clemenceau"), 10)),
    ("NEAR Wilson", And((T("NEAR"), T("Wilson")))),
    # prefix
    ("armist*", T("armist", True)),
    ("Clém*", T("Clém", True)),
    ("U.S.-Sov*", T("U.S.-Sov", True)),
    # fields
    ("heading:telegram", Field("heading", T("telegram"))),
    ("Heading:telegram", Field("heading", T("telegram"))),
    ('footnotes:"Council of Ten"', Field("footnotes", Phrase(("Council", "of", "Ten")))),
    ("text:(Wilson OR House)", Field("text", Or((T("Wilson"), T("House"))))),
    ("heading:NEAR(Bliss White, 5)", Field("heading", Near((T("Bliss"), T("White")), 5))),
    ("heading:armist*", Field("heading", T("armist", True))),
    ("Wilson -heading:telegram", And((T("Wilson"), Not(Field("heading", T("telegram")))))),
    ("subject:Russia", T("subject:Russia")),
    ("10:30", T("10:30")),
    # words without letters or digits are skipped, like the index skips them
    ("Wilson — Clemenceau", And((T("Wilson"), T("Clemenceau")))),
    ('"Wilson — Clemenceau"', Phrase(("Wilson", "Clemenceau"))),
    ("U.S. policy", And((T("U.S."), T("policy")))),
]


@pytest.mark.parametrize(("text", "expected"), PARSES, ids=[p[0] for p in PARSES])
def test_parses(text: str, expected: Node) -> None:
    node = parse_query(text)
    assert node == expected
    assert parse_query(format_query(node)) == node


ERRORS: list[tuple[str, int, str]] = [
    ("", 0, "empty query"),
    ("   ", 0, "empty query"),
    ("— …", 0, "empty query"),
    ('Wilson "Council of Ten', 7, "quote is never closed"),
    ('""', 0, "empty phrase"),
    ('" … "', 0, "empty phrase"),
    ("(Wilson OR House", 0, "'(' is never closed"),
    ("Paris (Wilson (House)", 6, "'(' is never closed"),
    ("Paris (Wilson (OR House)", 15, "OR needs a term before it"),
    ("Wilson)", 6, "')' has no matching '('"),
    ("a OR b) c", 6, "')' has no matching '('"),
    ("()", 0, "empty parentheses"),
    ("Wilson AND", 7, "AND needs a term after it"),
    ("Wilson AND OR House", 7, "AND needs a term after it"),
    ("Wilson AND)", 7, "AND needs a term after it"),
    ("Wilson OR", 7, "OR needs a term after it"),
    ("Wilson OR OR House", 7, "OR needs a term after it"),
    ("OR Wilson", 0, "OR needs a term before it"),
    ("AND Wilson", 0, "AND needs a term before it"),
    ("Wilson NOT", 7, "NOT needs a term after it"),
    ("Wilson - House", 7, "'-' must stand right before"),
    ("NOT Wilson", 0, "cannot be only NOT"),
    ("-Wilson", 0, "cannot be only NOT"),
    ("-Wilson -House", 0, "cannot be only NOT"),
    ("(NOT Wilson)", 0, "cannot be only NOT"),
    ("heading:(-telegram)", 0, "cannot be only NOT"),
    ("Wilson OR -House", 10, "OR alternative cannot be only NOT"),
    ("Wilson (House OR NOT Lansing)", 17, "OR alternative cannot be only NOT"),
    ("Wilson NOT NOT House", 11, "NOT cannot follow NOT"),
    ("Wilson --House", 8, "NOT cannot follow NOT"),
    ("NEAR(Wilson Clemenceau, ten)", 24, "NEAR distance must be a whole number"),
    ("NEAR(Wilson Clemenceau, -3)", 24, "NEAR distance must be a whole number"),
    ("NEAR(Wilson Clemenceau, 2.5)", 24, "NEAR distance must be a whole number"),
    ("NEAR(Wilson Clemenceau, 501)", 24, "NEAR distance must be a whole number"),
    ("NEAR(Wilson Clemenceau,)", 23, "NEAR distance must be a whole number"),
    ("NEAR(Wilson)", 0, "takes 2 to 4 words"),
    ("NEAR(a b c d e)", 0, "takes 2 to 4 words"),
    ("NEAR(Wilson Clemenceau, 10", 4, "NEAR( is never closed"),
    ('NEAR("Lloyd George" Wilson)', 5, "plain words only"),
    ("NEAR(Wilson OR House)", 12, "operators are not allowed"),
    ("NEAR(Wilson -House)", 12, "operators are not allowed"),
    ('"Wilson Clemenceau"~', 20, "number after ~"),
    ('"Wilson Clemenceau"~x', 20, "number after ~"),
    ('"Wilson Clemenceau"~0', 20, "number after ~"),
    ('"Wilson"~3', 0, "takes 2 to 4 words"),
    ("a*", 1, "at least 2 letters"),
    ("Wilson *", 7, "at least 2 letters"),
    ("U.S.*", 4, "at least 2 letters"),
    ("NEAR(Wilson c*, 3)", 13, "at least 2 letters"),
    ("arm*ice", 3, "'*' can only end a word"),
    ("armist**", 6, "'*' can only end a word"),
    ("heading:", 0, "must be followed directly"),
    ("heading: telegram", 0, "must be followed directly"),
    ("heading:—", 0, "must be followed directly"),
    ("heading:OR", 0, "must be followed directly"),
    ("x heading:(text:y)", 11, "cannot stand inside heading:"),
    ("(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1), MAX_DEPTH, "nested more than"),
]


@pytest.mark.parametrize(("text", "position", "message"), ERRORS, ids=[e[0][:40] for e in ERRORS])
def test_errors_say_where(text: str, position: int, message: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query(text)
    err = info.value
    assert err.position == position, str(err)
    assert message in err.message
    assert err.code == "E301"
    assert err.query == text
    # the message points at the character with a caret under it
    assert err.message.endswith(" " * position + "^")


def test_too_long_a_query_is_an_error() -> None:
    with pytest.raises(QuerySyntaxError, match="longer than"):
        parse_query("Wilson " * 400)


def test_error_message_names_the_character_and_the_docs() -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse_query("Wilson AND")
    text = str(info.value)
    assert text.startswith("E301 AND needs a term after it at character 8")
    assert "docs/search.md" in text


def test_syntax_help_examples_all_parse() -> None:
    examples = [
        re.split(r"\s{2,}", line.strip())[0] for line in SYNTAX_HELP.splitlines() if line.startswith("  ")
    ]
    assert len(examples) == 10
    for example in examples:
        parse_query(example)


QUERYISH = st.lists(
    st.sampled_from(
        list('abcéZ019 ()"*-:~,.\t—')
        + ["AND ", "OR ", "NOT ", "NEAR(", "heading:", "text:", " armist*", ", 3)", '"~5', "U.S."]
    ),
    max_size=25,
).map("".join)


@given(st.text(max_size=60))
@settings(max_examples=400, deadline=None)
def test_arbitrary_text_raises_only_query_syntax_error(text: str) -> None:
    try:
        node = parse_query(text)
    except QuerySyntaxError as err:
        assert 0 <= err.position <= len(text)
    else:
        assert parse_query(format_query(node)) == node


@given(QUERYISH)
@settings(max_examples=1500, deadline=None)
def test_queryish_text_round_trips_or_fails_cleanly(text: str) -> None:
    try:
        node = parse_query(text)
    except QuerySyntaxError as err:
        assert 0 <= err.position <= len(text)
        return
    formatted = format_query(node)
    assert parse_query(formatted) == node
    assert format_query(parse_query(formatted)) == formatted


WORDS = st.sampled_from(["Wilson", "Clémenceau", "armistice", "U.S.", "peace", "and", "10:30", "NEAR"])
TERMS = st.builds(Term, WORDS) | st.builds(Term, st.sampled_from(["armist", "Clem", "Wi"]), st.just(True))
PHRASES = st.builds(Phrase, st.lists(WORDS, min_size=1, max_size=3).map(tuple)) | st.builds(
    Phrase, st.lists(WORDS, min_size=2, max_size=4).map(tuple), st.integers(1, 50)
)
NEARS = st.builds(Near, st.lists(TERMS, min_size=2, max_size=4).map(tuple), st.integers(0, 500))
LEAVES = TERMS | PHRASES | NEARS


def _trees(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    pair = st.lists(children, min_size=2, max_size=3).map(tuple)
    return (
        st.builds(And, pair)
        | st.builds(Or, pair)
        | st.builds(lambda c, n: And((c, Not(n))), children, children)
        | st.builds(Field, st.sampled_from(["heading", "text", "footnotes"]), LEAVES)
    )


@given(st.recursive(LEAVES, _trees, max_leaves=8))
@settings(max_examples=500, deadline=None)
def test_generated_trees_survive_format_and_parse(node: Node) -> None:
    """format_query writes any tree the parser could produce so that it parses back to the same tree."""
    assert parse_query(format_query(node)) == node


@pytest.mark.parametrize(
    "text",
    [
        "-" * 1500 + "x",
        "heading:-" * 200 + "x",
        "heading:" * 240 + "x",
        "a " + "NOT " * 400 + "b",
        "x " + "-(" * 600 + "y" + ")" * 600,
        "(" * 1900,
    ],
    ids=["dashes", "field-minus", "fields", "nots", "nested-nots", "parens"],
)
def test_pathological_queries_fail_cleanly_without_exhausting_the_stack(text: str) -> None:
    with pytest.raises(QuerySyntaxError):
        parse_query(text)


def test_long_flat_queries_parse() -> None:
    words = parse_query("Wilson " * 250)
    assert isinstance(words, And) and len(words.children) == 250
    alternatives = parse_query(" OR ".join(["ab"] * 300))
    assert isinstance(alternatives, Or) and len(alternatives.children) == 300
