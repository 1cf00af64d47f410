"""The index against a reference model: random documents, random queries, the same answers.

A small vocabulary makes every construct match some documents and miss others;
the reference evaluates the query tree over the documents' words in Python,
following the meanings documented in docs/search.md.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.search import TantivyIndex, open_index
from memcon.search.query import And, Field, Near, Node, Not, Or, Phrase, Term, format_query, parse_query

from ._documents import make_document

VOCAB = ("alpha", "Bêta", "gamma", "delta", "epsilon", "zeta")
"""Distinct first two letters, so a prefix of one word never matches another."""
FOLDED = {w: w.lower().replace("ê", "e") for w in VOCAB}
DOCS: list[list[str]] = []
_rng = random.Random(1919)
for _ in range(300):
    DOCS.append([_rng.choice(VOCAB) for _ in range(_rng.randint(1, 14))])


@pytest.fixture(scope="module")
def ref_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TantivyIndex]:
    index = open_index(tmp_path_factory.mktemp("ref") / "memcon.db.index")
    index.add(make_document(f"v/d{i}", "Note", " ".join(words)) for i, words in enumerate(DOCS))
    index.commit()
    yield index
    index.close()


def _matches(term: Term, token: str) -> bool:
    word = term.text.lower().replace("ê", "e")
    return token.startswith(word) if term.prefix else token == word


def holds(node: Node, tokens: list[str]) -> bool:
    """The reference meaning of ``node`` for a document made of ``tokens`` (folded words)."""
    if isinstance(node, Term):
        return any(_matches(node, t) for t in tokens)
    if isinstance(node, Phrase) and not node.slop:
        words = [FOLDED[w] for w in node.words]
        return any(tokens[i : i + len(words)] == words for i in range(len(tokens)))
    if isinstance(node, Phrase):
        return holds(Near(tuple(Term(w) for w in node.words), node.slop), tokens)
    if isinstance(node, Near):
        a, b = node.terms
        first = [i for i, t in enumerate(tokens) if _matches(a, t)]
        second = [j for j, t in enumerate(tokens) if _matches(b, t)]
        return any(i != j and abs(i - j) - 1 <= node.distance for i in first for j in second)
    if isinstance(node, And):
        return all(holds(c, tokens) for c in node.children)
    if isinstance(node, Or):
        return any(holds(c, tokens) for c in node.children)
    if isinstance(node, Not):
        return not holds(node.child, tokens)
    if isinstance(node, Field):
        return holds(node.node, tokens)  # every word is in the text field here
    raise TypeError(node)


WORD = st.sampled_from(VOCAB)
TERM = st.builds(Term, WORD) | WORD.flatmap(
    lambda w: st.builds(Term, st.just(w[: 2 + len(w) % 2]), st.just(True))
)
PHRASE = st.lists(WORD, min_size=2, max_size=3).map(lambda ws: Phrase(tuple(ws)))
PAIR = st.lists(WORD, min_size=2, max_size=2, unique=True)
NEAR = st.builds(
    lambda ws, prefix, d: Near((Term(ws[0][:2], True) if prefix else Term(ws[0]), Term(ws[1])), d),
    PAIR,
    st.booleans(),
    st.integers(0, 5),
)
SLOPPY = st.builds(lambda ws, d: Phrase(tuple(ws), d), PAIR, st.integers(1, 5))
LEAF = TERM | PHRASE | NEAR | SLOPPY | st.builds(Field, st.just("text"), TERM | PHRASE)


def _grow(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    two = st.lists(children, min_size=2, max_size=3).map(tuple)
    return (
        st.builds(And, two)
        | st.builds(Or, two)
        | st.builds(lambda a, b: And((a, Not(b))), children, children)
    )


@given(st.recursive(LEAF, _grow, max_leaves=6))
@settings(max_examples=300, deadline=None)
def test_index_agrees_with_the_reference(ref_index: TantivyIndex, node: Node) -> None:
    node = parse_query(format_query(node))  # what a user typing it would run
    expected = {f"v/d{i}" for i, words in enumerate(DOCS) if holds(node, [FOLDED[w] for w in words])}
    results = ref_index.search(node, limit=1000)
    assert results.total == len(expected)
    assert {h.doc_id for h in results.hits} == expected


def test_the_reference_data_exercises_both_outcomes(ref_index: TantivyIndex, tmp_path: Path) -> None:
    for query in ("alpha", '"alpha gamma"', "NEAR(alpha zeta, 0)", "alpha -gamma"):
        total = ref_index.search(parse_query(query), limit=1).total
        assert 0 < total < len(DOCS), query
