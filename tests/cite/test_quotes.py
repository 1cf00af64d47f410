"""memcon.cite.quotes and ``memcon quote`` on the session store of every shared input (read only).

Quotes are real passages of the stored documents, taken at run time and altered as quotes get
altered (typos, words removed with an ellipsis, curly quotes, line breaks); each must be found in
the right document at the right page(s).  Passages that are not in the corpus (a word changed,
a word added, two documents spliced) must not be found.  The benchmark's passages
(benchmarks/data/quotes.jsonl) are checked the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from memcon.cite._quote_align import align
from memcon.cite._quote_text import Words, segments, words
from memcon.cite.quotes import METHOD, QuoteResult, verify_quote
from memcon.cli.quote import quote_cli
from memcon.errors import InvalidValue
from memcon.model.records import Document
from memcon.workspace import Workspace, open_workspace
from tests._shared import ROOT, shared_path

PASSAGES = ROOT / "benchmarks" / "data" / "quotes.jsonl"
D88 = "frus1961-63v05/d88"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


@pytest.fixture(scope="module")
def ws(full_store: Path) -> Iterator[Workspace]:
    with open_workspace(full_store, create=False) as workspace:
        yield workspace


def sentence(document: Document, *, after: float = 0.5, page_turn: bool = False) -> tuple[str, int, int]:
    """A real sentence of ``document`` (14–40 words, no brackets but a page marker when
    ``page_turn``) at or after the fraction ``after`` of its text: (sentence, start, end)."""
    text = document.text
    position = int(len(text) * after)
    for paragraph in re.finditer(r"[^\n]+", text):
        if paragraph.end() < position:
            continue
        offset = paragraph.start()
        for part in _SENTENCE.split(paragraph.group(0)):
            start = text.index(part, offset)
            offset = start + len(part)
            has_turn = "[Page " in part
            if not 14 <= len(part.split()) <= 40 or has_turn != page_turn:
                continue
            if re.search(r"\[(?!Page )", part) or part.rstrip().endswith("]"):
                continue
            return part, start, start + len(part)
    raise AssertionError(f"{document.id}: no sentence to quote")


def pages_of(document: Document, start: int, end: int) -> tuple[str, ...]:
    first = document.page_at(start)
    turns = [p.n for p in document.pages if p.marker and start < p.offset < end]
    return tuple(p for p in dict.fromkeys([first, *turns]) if p)


def without_markers(text: str) -> str:
    return re.sub(r"\s*\[Page [^\]]*\]\s*", " ", text).strip()


def typos(text: str) -> str:
    """Two letters swapped in the first long word, one dropped in the last."""
    words = text.split(" ")
    long = [i for i, w in enumerate(words) if re.fullmatch(r"[a-z]{7,}", w)]
    assert len(long) >= 2, text
    a, b = words[long[0]], words[long[-1]]
    words[long[0]] = a[:2] + a[3] + a[2] + a[4:]
    words[long[-1]] = b[:3] + b[4:]
    return " ".join(words)


def with_ellipsis(text: str, mark: str = " … ") -> str:
    words = text.split(" ")
    return " ".join(words[:4]) + mark + " ".join(words[9:])


def curly(text: str) -> str:
    return "“" + text.replace("'", "’").replace('"', "”") + "”"


def line_broken(text: str) -> str:
    words = text.split(" ")
    return "\n".join(" ".join(words[i:i + 6]) for i in range(0, len(words), 6))


CASES = [
    ("frus1861/d2", 0.4),
    ("frus1919Parisv01/d5", 0.5),
    ("frus1936v03/d3", 0.3),
    ("frus1918Russiav03/d2", 0.5),
    ("frus1897/d238", 0.2),
]
ALTERATIONS = {"as is": lambda t: t, "typos": typos, "ellipsis": with_ellipsis, "curly quotes": curly,
               "line breaks": line_broken, "all at once": lambda t: line_broken(curly(with_ellipsis(typos(t), "...")))}


def assert_found(result: QuoteResult, doc_id: str, pages: tuple[str, ...]) -> None:
    assert result.found, (result.quote, [(c.document_id, c.similarity, c.diff) for c in result.candidates])
    assert result.match is not None
    assert (result.match.document_id, result.match.pages) == (doc_id, pages), result.quote
    assert result.method == METHOD


@pytest.mark.parametrize("alteration", list(ALTERATIONS))
@pytest.mark.parametrize(("doc_id", "after"), CASES)
def test_a_real_passage_altered_is_found_at_its_document_and_page(
    ws: Workspace, doc_id: str, after: float, alteration: str
) -> None:
    document = ws.store.get_document(doc_id)
    text, start, end = sentence(document, after=after)
    quote = ALTERATIONS[alteration](text)
    result = verify_quote(ws, quote, cite=False)
    assert_found(result, doc_id, pages_of(document, start, end))
    assert result.match is not None
    assert result.match.method == ("exact" if alteration in ("as is", "ellipsis", "curly quotes", "line breaks") else "fuzzy")
    assert document.text[result.match.start:result.match.end] == result.match.text


def test_the_done_when_quote_is_found_at_page_226_with_a_full_chicago_note(full_store: Path) -> None:
    run = CliRunner().invoke(quote_cli, ["natural love is better than love through interpreters", "--db", str(full_store)])
    assert run.exit_code == 0, run.output
    assert f"Found (exact, verbatim) in {D88}, p. 226" in run.output
    cite = next(line for line in run.output.splitlines() if line.strip().startswith("Cite:"))
    # the full note (its exact form is docs/cite.md's business): title, volume, publisher, pin-cite, URL
    assert "“Memorandum of Conversation, Vienna, June 4, 1961,”" in cite
    assert "Foreign Relations of the United States, 1961–1963" in cite and "vol. V, Soviet Union" in cite
    assert "(Washington: United States Government Printing Office, 1998), doc. 88, 226," in cite
    assert cite.endswith("https://history.state.gov/historicaldocuments/frus1961-63v05/d88.")


def test_a_passage_over_a_page_turn_has_both_pages_and_a_range_pin_cite(ws: Workspace) -> None:
    document = ws.store.get_document(D88)
    text, start, end = sentence(document, after=0.3, page_turn=True)
    result = verify_quote(ws, without_markers(text))
    assert_found(result, D88, pages_of(document, start, end))
    assert result.match is not None and len(result.match.pages) == 2
    assert result.match.page == "–".join(result.match.pages)
    assert f"doc. 88, {result.match.page}," in (result.match.citation or "")


def test_a_quote_from_a_footnote_is_cited_to_the_page_of_its_anchor(ws: Workspace) -> None:
    document = ws.store.get_document(D88)
    note = next(f for f in document.footnotes if f.n == "2")
    quote = " ".join(note.text.split()[2:14])
    result = verify_quote(ws, quote, cite=False)
    assert_found(result, D88, (document.page_at(note.offset) or "",))
    assert result.match is not None and result.match.footnote == "2"
    assert note.text[result.match.start:result.match.end] == result.match.text


def test_the_wilson_cable_is_found_without_printed_pages(ws: Workspace) -> None:
    document = ws.store.get_document("wilson/114511")
    text, _, _ = sentence(document, after=0.0)
    result = verify_quote(ws, with_ellipsis(typos(text), " . . . "))
    assert_found(result, "wilson/114511", ())
    assert result.match is not None and result.match.page is None
    assert "Wilson Center Digital Archive" in (result.match.citation or "")


def test_the_diff_shows_the_ellipsis_and_the_typos(ws: Workspace) -> None:
    result = verify_quote(ws, "natural love … through interpretors", cite=False)
    assert result.match is not None
    ops = [(op.op, op.quote, op.source, op.variant, op.elided) for op in result.match.diff]
    assert ops == [
        ("equal", "natural love", "natural love", False, False),
        ("delete", "", "is better than love", False, True),
        ("equal", "through", "through", False, False),
        ("replace", "interpretors", "interpreters.", True, False),
    ]
    assert result.match.method == "fuzzy" and 0.9 < result.match.similarity < 1.0


def test_words_run_together_as_on_the_web_page_are_a_variant(ws: Workspace) -> None:
    result = verify_quote(ws, "Of course, theUSSR has such submarines too.", cite=False)
    assert result.match is not None and result.match.document_id == D88
    assert [op.source for op in result.match.diff if op.op == "replace" and op.variant] == ["the USSR"]


def changed_word(text: str) -> str:
    words = text.split(" ")
    i = next(i for i, w in enumerate(words) if re.fullmatch(r"[a-z]{5,}", w) and i > 3)
    words[i] = "elephants"
    return " ".join(words)


def added_not(text: str) -> str:
    words = text.split(" ")
    return " ".join([*words[:5], "not", *words[5:]])


@pytest.mark.parametrize("alter", [changed_word, added_not])
@pytest.mark.parametrize(("doc_id", "after"), CASES[:3])
def test_a_real_passage_with_its_meaning_changed_is_not_found_but_shown_nearest(
    ws: Workspace, doc_id: str, after: float, alter: object
) -> None:
    text, _, _ = sentence(ws.store.get_document(doc_id), after=after)
    result = verify_quote(ws, alter(text))  # type: ignore[operator]
    assert not result.found and result.match is None
    nearest = result.candidates[0]
    assert nearest.document_id == doc_id and nearest.changes >= 1 and not nearest.found
    assert any(op.op in ("replace", "insert") and not op.variant for op in nearest.diff)


def test_two_documents_spliced_are_not_found(ws: Workspace) -> None:
    a, _, _ = sentence(ws.store.get_document("frus1861/d2"), after=0.4)
    b, _, _ = sentence(ws.store.get_document("frus1936v03/d3"), after=0.3)
    half_a, half_b = a.split(" "), b.split(" ")
    result = verify_quote(ws, " ".join(half_a[: len(half_a) // 2] + half_b[len(half_b) // 2:]))
    assert not result.found
    assert all(c.similarity < 0.9 for c in result.candidates)


def test_not_found_on_the_command_line_exits_1_with_the_nearest_passage(full_store: Path) -> None:
    run = CliRunner().invoke(quote_cli, ["natural love is worse than love through interpreters", "--db", str(full_store)])
    assert run.exit_code == 1
    assert run.output.startswith("Not found")
    assert f"1. {D88}, p. 226 — similarity 0.91, 1 change" in run.output
    assert "[-better-] {+worse+}" in run.output


def test_json_output_and_a_quote_from_stdin(full_store: Path) -> None:
    quote = "natural love is better\nthan love through interpreters"
    run = CliRunner().invoke(quote_cli, ["-", "--db", str(full_store), "--json"], input=quote)
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    assert data["found"] is True and data["method"] == METHOD and data["quote"] == quote
    assert data["match"]["document_id"] == D88 and data["match"]["pages"] == ["226"] and data["match"]["page"] == "226"
    assert data["match"]["citation"].endswith("frus1961-63v05/d88.")


def test_a_quote_without_words_is_refused(ws: Workspace, full_store: Path) -> None:
    with pytest.raises(InvalidValue):
        verify_quote(ws, " … — “” ")
    run = CliRunner().invoke(quote_cli, ["...", "--db", str(full_store)])
    assert run.exit_code == 2 and "no words" in run.output


def benchmark_passages() -> list[dict[str, object]]:
    if not PASSAGES.exists():
        return []
    return [json.loads(line) for line in PASSAGES.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_benchmark_passages_are_found_where_they_stand_and_the_others_not(ws: Workspace) -> None:
    passages = benchmark_passages()
    assert len([p for p in passages if p["found"]]) >= 100 and len([p for p in passages if not p["found"]]) >= 20
    wrong = []
    for p in passages:
        result = verify_quote(ws, str(p["quote"]), cite=False)
        got = (result.match.document_id, list(result.match.pages)) if result.match else None
        want = (p["doc"], p["pages"]) if p["found"] else None
        if got != want:
            wrong.append((p["kind"], p["quote"], got, want))
    assert not wrong


DOC = ROOT / "docs" / "quote.md"


def console_examples() -> list[tuple[str, list[str]]]:
    """``(quote, output lines)`` of every ``$ memcon quote "…"`` block of docs/quote.md."""
    out = []
    for block in re.findall(r"```console\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL):
        command, *printed = block.rstrip("\n").split("\n")
        quote = re.fullmatch(r'\$ memcon quote "(.*)"', command)
        assert quote, command
        out.append((quote.group(1), printed))
    return out


def test_the_examples_of_docs_quote_md_print_what_the_page_shows(full_store: Path) -> None:
    examples = console_examples()
    assert len(examples) >= 4
    for quote, printed in examples:
        run = CliRunner().invoke(quote_cli, [quote, "--db", str(full_store)])
        assert run.exit_code == (1 if printed[0].startswith("Not found") else 0), run.output
        lines = run.output.rstrip("\n").split("\n")
        assert [line for line in lines if not line.startswith("  Cite: ")] == printed, quote
        assert printed[0].startswith("Not found") or any(line.startswith("  Cite: ") for line in lines)


def test_the_python_example_of_docs_quote_md_runs(full_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert code is not None
    exec(code.group(1).replace('"memcon.db"', repr(str(full_store))), {})  # noqa: S102 - our own page
    expected = [line[2:] for line in code.group(1).splitlines() if line.startswith("# ")]
    assert capsys.readouterr().out.splitlines() == expected


# -- the alignment alone, on the text of the web page seed (no store) ---------------------------------

_SEED = shared_path() / "corpus" / "seeds" / "frus1961-63v05-d88.web.txt"
_SEPARATORS = st.sampled_from([" ", "\n", " — ", ", ", "; ", "  ", " “", "” "])


@pytest.fixture(scope="module")
def seed_words() -> Words:
    if not _SEED.exists():
        pytest.skip("the web page seed is not in $MEMCON_SHARED")
    return words(_SEED.read_text(encoding="utf-8"))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_any_run_of_words_retyped_is_found_exactly(seed_words: Words, data: st.DataObject) -> None:
    source = seed_words
    n = data.draw(st.integers(3, 30))
    i = data.draw(st.integers(0, len(source.norms) - n))
    typed = [source.text[a:b] for a, b in source.spans[i:i + n]]
    typed = [w.upper() if data.draw(st.booleans()) else w for w in typed]
    quote = typed[0] + "".join(data.draw(_SEPARATORS) + w for w in typed[1:])
    alignment = align([words(s) for s in segments(quote)], source)
    assert alignment is not None and alignment.exact and alignment.similarity == 1.0
    assert source.norms[alignment.first:alignment.last] == source.norms[i:i + n]


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_word_dropped_without_an_ellipsis_is_a_change_and_with_one_is_not(seed_words: Words, data: st.DataObject) -> None:
    source = seed_words
    n = data.draw(st.integers(8, 30))
    i = data.draw(st.integers(0, len(source.norms) - n))
    typed = [source.text[a:b] for a, b in source.spans[i:i + n]]
    k = data.draw(st.integers(2, n - 3))
    dropped = " ".join(typed[:k] + typed[k + 1:])
    kept_norms = source.norms[i:i + k] + source.norms[i + k + 1:i + n]
    if words(dropped).norms and " ".join(kept_norms) in source.joined:
        return  # the shorter run happens to stand in the text elsewhere
    alignment = align([words(dropped)], source)
    assert alignment is None or alignment.substantive >= 1
    elided = align([words(s) for s in segments(" ".join(typed[:k]) + " … " + " ".join(typed[k + 1:]))], source)
    assert elided is not None and elided.substantive == 0 and elided.similarity == 1.0
