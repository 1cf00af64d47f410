"""The hand-made labels of ``benchmarks/data/roles.jsonl`` (title mentions and the persons they
stand for), checked against the real documents they quote.

The labels are the answer key of ``benchmarks/roles.py``: a label that does not quote its
document verbatim, or whose title is not in its quote, would silently score as a resolver
error.  Quotes are compared after collapsing every run of whitespace to one space, on
``Document.text`` as memcon's readers render it (docs/benchmarks.md, "Title labels").

DOCS: docs/benchmarks.md#title-labels
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from memcon.model.records import Document
from memcon.readers import read
from tests._shared import ROOT, require, shared_path

# the readers warn about the old volumes' odd datelines and ids: tested elsewhere, noise here
pytestmark = [
    pytest.mark.filterwarnings("ignore::memcon.readers.frus_tei.DateWarning"),
    pytest.mark.filterwarnings("ignore::memcon.readers.frus_tei.MissingIdWarning"),
]

LABELS = ROOT / "benchmarks" / "data" / "roles.jsonl"
KEYS = {"doc", "quote", "title", "person"}
OPTIONAL = {"note"}
SEEDS = {"frus1961-63v05/d88", "wilson/114511"}


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _labels() -> list[dict[str, str]]:
    with open(LABELS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _volume(doc_id: str) -> str:
    return doc_id.split("/", 1)[0]


@pytest.fixture(scope="module")
def labels() -> list[dict[str, str]]:
    return _labels()


@pytest.fixture(scope="module")
def raw_texts(labels: list[dict[str, str]]) -> dict[str, list[str]]:
    """``Document.text`` of every labelled document, from every source that holds it (the
    d88 excerpt and its web copy share one id: a quote must hold in both)."""
    root = require(shared_path() / "corpus", "shared corpus")
    wanted = {label["doc"] for label in labels}
    volumes = {_volume(doc) for doc in wanted}
    files: list[Path] = [
        p for p in sorted((root / "frus").glob("*.xml")) if p.stem in volumes
    ]
    files += sorted((root / "frus-excerpts").glob("*.xml"))
    files += sorted((root / "seeds").glob("*"))
    found: dict[str, list[str]] = defaultdict(list)
    for path in files:
        for record in read(path):
            if isinstance(record, Document) and record.id in wanted:
                found[record.id].append(record.text)
    return found


@pytest.fixture(scope="module")
def texts(raw_texts: dict[str, list[str]]) -> dict[str, list[str]]:
    return {doc: [_normalise(t) for t in ts] for doc, ts in raw_texts.items()}


def test_every_label_is_well_formed(labels: list[dict[str, str]]) -> None:
    for n, label in enumerate(labels, 1):
        assert KEYS <= set(label) <= KEYS | OPTIONAL, (n, sorted(label))
        assert all(isinstance(v, str) and v.strip() for v in label.values()), (n, label)
        quote = _normalise(label["quote"])
        assert len(quote.split()) >= 6, (n, "quote shorter than 6 words", quote)
        # the title is located in the quote by its exact words: it must be there, once
        assert quote.count(label["title"]) == 1, (n, label["title"], quote)
        # the person as the authority prefers it, else "Surname, Forenames"
        assert re.fullmatch(r"[^,]+, [^,]+(?:, Jr\.)?", label["person"]), (n, label["person"])
        assert re.fullmatch(r"[A-Za-z0-9-]+/[A-Za-z0-9_.-]+", label["doc"]), (n, label["doc"])


def test_no_two_labels_share_a_quote(labels: list[dict[str, str]]) -> None:
    seen: dict[str, int] = {}
    for n, label in enumerate(labels, 1):
        quote = _normalise(label["quote"])
        assert quote not in seen, f"labels {seen[quote]} and {n} share the quote {quote!r}"
        seen[quote] = n


def test_labels_cover_enough_documents_volumes_and_the_seeds(labels: list[dict[str, str]]) -> None:
    docs = {label["doc"] for label in labels}
    frus_volumes = {_volume(doc) for doc in docs if doc.startswith("frus")}
    assert len(labels) >= 100
    assert len(docs) >= 10
    assert len(frus_volumes) >= 6, sorted(frus_volumes)
    assert SEEDS <= docs
    # several eras, not one: the 1860s, around 1900, the interwar years, the 1960s
    years = {int(m.group(1)) for v in frus_volumes if (m := re.match(r"frus(\d{4})", v))}
    assert min(years) < 1870 and max(years) >= 1961 and any(1895 < y < 1940 for y in years)


def test_every_quote_is_in_its_document(labels: list[dict[str, str]], texts: dict[str, list[str]]) -> None:
    missing_docs = sorted({label["doc"] for label in labels} - set(texts))
    assert not missing_docs, f"documents not produced by the readers: {missing_docs}"
    # the excerpt and the web page both give frus1961-63v05/d88
    assert len(texts["frus1961-63v05/d88"]) == 2
    bad = []
    for n, label in enumerate(labels, 1):
        quote = _normalise(label["quote"])
        for text in texts[label["doc"]]:
            if quote not in text:
                bad.append((n, label["doc"], quote))
    assert not bad, bad


def test_the_check_would_catch_a_misquote(texts: dict[str, list[str]]) -> None:
    """The check above can fail: a quote with one word changed is not found."""
    (text,) = texts["wilson/114511"]
    assert "Is it possible, Mr. President, for the Soviet Union" in text
    assert "Is it possible, Mr. President, for the Soviet Government" not in text


def _roles_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_roles", ROOT / "benchmarks" / "roles.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_locates_every_title_in_the_raw_text(
    labels: list[dict[str, str]], raw_texts: dict[str, list[str]]
) -> None:
    """``benchmarks/roles.py`` maps each label back to a span of the unnormalised text (paragraph
    breaks and all) whose words are the title."""
    roles = _roles_script()
    for n, label in enumerate(labels, 1):
        for text in raw_texts[label["doc"]]:
            span = roles.locate(text, label["quote"], label["title"])
            assert isinstance(span, tuple), (n, span)
            start, end = span
            assert _normalise(text[start:end]) == label["title"], (n, text[start:end])
    assert roles.locate("a  b\n\nc d e f", "b c d", "c d") == (6, 9)
    assert roles.locate("a b c", "b d", "b") == "quote not found in the document's text"
