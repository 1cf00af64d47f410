"""Statement-attribution benchmark: hand-made labels of who said what, checked against a store.

Usage:  python benchmarks/speech.py [--db DB] [--keep DIR] [-v] [LABELS.jsonl …]

Each label (``benchmarks/data/speech.jsonl`` by default; see docs/benchmarks.md, "Statements")
names a document, a verbatim quote of six words or more from one statement of its text, and the
speaker of that statement.  For each label the script

1. fetches the document from the store (:meth:`memcon.store.base.Store.get_document`);
2. finds the quote in its text, whitespace-normalised (every run of whitespace counts as one
   space): a character span of ``Document.text``;
3. asks the statement extractor who said it (:func:`attribute`: the one place that calls
   :mod:`memcon.enrich.statements`): the statement that contains the span (else the one that
   overlaps it most) gives the speaker;
4. asks the baseline the same (:func:`baseline`: the nearest preceding name before a speech
   verb, defined in docs/benchmarks.md);
5. compares each answer with the label: by memcon person id when the label's name is found by
   ``store.find_persons``, else by name (the surname, normalised).

For both it reports precision (right / attributed) and recall (right / labels), prints the
wrong ones, and ends with one line::

  attribution_f1=0.XX labels=N baseline_f1=0.YY

When the extractor is not there yet, the line reads ``attribution_f1=0.00`` and a message above
it says why.  Target (issue 5): F1 >= 0.90.

Without ``--db`` it builds a fresh store in a temporary folder (or ``--keep DIR``) with
:func:`memcon.ingest.ingest_paths`: the volumes frus1919Parisv01 and frus1918Russiav03, the
excerpt ``corpus/frus-excerpts/frus1961-63v05-d88.xml``, the seeds of ``corpus/seeds/`` and the
authority folder, in one call (ingest builds the authority and links the persons).
MEMCON_SHARED defaults to ../shared beside the clone.

DOCS: docs/benchmarks.md#statements--benchmarksspeechpy
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from memcon.model.records import Document
    from memcon.store.base import Store

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _labels import build_store as _build_store  # noqa: E402
from _labels import normalise_with_map, read_labels, shared_root  # noqa: E402,F401

LABELS = HERE / "data" / "speech.jsonl"
VOLUMES = ("frus1919Parisv01", "frus1918Russiav03")
SEEDS = ("frus1961-63v05/d88", "wilson/114511")
_SPACE = re.compile(r"\s+")


class ExtractorMissing(RuntimeError):
    """The statement extractor (memcon.enrich.statements) is not available."""


@dataclasses.dataclass(frozen=True)
class Label:
    """One hand-made label: a quote of one statement in a document, and who said it."""

    line: int
    doc: str
    quote: str
    speaker: str
    note: str = ""
    file: str = ""
    """The label file's name (``speech.jsonl``, ``speech-heldout.jsonl``): the set it belongs to."""


@dataclasses.dataclass(frozen=True)
class Answer:
    """Who a method says spoke the quote: a person id, the words naming the speaker, or neither."""

    person_id: str | None
    text: str | None
    reason: str
    kind: str | None = None
    """The statement's kind (``reported``, ``quotation`` …) for the extractor; ``None`` otherwise."""

    @property
    def attributed(self) -> bool:
        return bool(self.person_id or self.text)


NOBODY = Answer(None, None, "")


def load_labels(paths: Sequence[Path]) -> list[Label]:
    """The labels of every JSON Lines file in ``paths``; a malformed line stops the run."""
    return [Label(n, raw["doc"], raw["quote"], raw["speaker"], raw.get("note", ""), path.name)
            for path in paths for n, raw in read_labels([path], keys=("doc", "quote", "speaker"))]


# -- locating a quote --------------------------------------------------------------------

def locate(text: str, quote: str) -> tuple[int, int] | None:
    """The span of the first occurrence of ``quote`` in ``text`` (whitespace-normalised
    comparison; offsets in ``text``), or ``None``."""
    flat, where = normalise_with_map(text)
    q = _SPACE.sub(" ", quote).strip()
    at = flat.find(q)
    if at < 0 or not q:
        return None
    return where[at], where[at + len(q) - 1] + 1


# -- the extractor: the one call into memcon.enrich.statements ----------------------------

def attribute(store: Store, document: Document, start: int, end: int) -> Answer:
    """The speaker of ``document.text[start:end]`` according to
    :func:`memcon.enrich.statements.extract_statements`: the statement containing the span, else
    the one overlapping it most; no statement there means not attributed.  Raises
    :class:`ExtractorMissing` when the extractor is not importable."""
    try:
        from memcon.enrich import statements
    except ImportError as exc:
        raise ExtractorMissing(
            f"the statement extractor memcon.enrich.statements is not available ({exc}); it is "
            "issue 5, item 1 — the extractor's figure cannot be measured without it"
        ) from exc
    found = statements.extract_statements(document, store.mentions(document.id))
    best, overlap = None, 0
    for st in found:
        shared = min(end, st.end) - max(start, st.start)
        if shared > overlap:
            best, overlap = st, shared
    if best is None:
        return Answer(None, None, "no statement covers the quote")
    kind = f" [{best.kind}]" if best.kind else ""
    return Answer(best.speaker_id, best.speaker_text, f"{best.speaker_text!r}{kind}: {best.reason}", best.kind)


# -- the baseline ------------------------------------------------------------------------

VERBS = re.compile(
    r"\b(?:said|says|say|stated|states|replied|replies|answered|responded|asked|inquired|enquired|"
    r"observed|remarked|added|declared|told|informed|expressed|noted|suggested|proposed|"
    r"pointed out|interjected|continued|stressed|emphasized|explained|agreed|concluded|thought|"
    r"felt|claims|admitted|reiterated|intimated|mentioned|advised|quoted|assured|promised|"
    r"guesses|repeated|put in)\b")
_CAPITAL = re.compile(r"\b[A-Z][a-zA-Z'’-]+\b")
_NOT_NAMES = frozenset(
    "I The A An He She It They We You This That These Those His Her Its Their Our My Your In On "
    "At As If But And Or For To Of From By With When While After Before During Since Mr Mrs Ms "
    "Dr General Colonel Captain Admiral President Secretary Minister Ambassador Chairman Premier "
    "Prime Government Embassy Department Mission Commission Conference Page Soviet Union US USSR "
    "United States American British French Russian Japanese German Italian Council Peace Foreign "
    "Affairs Excellency His Dear Sir Further Regarding Following However Also Such".split())


def _paragraph(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", at)
    return (0 if start < 0 else start + 2), (len(text) if end < 0 else end)


def baseline(store: Store, document: Document, start: int, end: int) -> Answer:
    """The nearest preceding name before "said": in the paragraph holding the quote's start,
    the last speech verb (:data:`VERBS`) that begins before the quote ends; the speaker is the
    last person mention of the linker (resolved or not) that ends before that verb in the same
    paragraph, else the last capitalised word there that is no sentence-opening or title word
    (:data:`_NOT_NAMES`).  No verb, or no name before it: not attributed."""
    text = document.text
    p_start, p_end = _paragraph(text, start)
    verb = None
    for m in VERBS.finditer(text, p_start, min(end, p_end)):
        verb = m
    if verb is None:
        return Answer(None, None, "no speech verb before the quote's end in its paragraph")
    mention = None
    for men in store.mentions(document.id):
        if men.footnote is None and p_start <= men.start and men.end <= verb.start():
            mention = men
    if mention is not None:
        return Answer(mention.person_id, mention.text, f"mention {mention.text!r} before {verb.group(0)!r}")
    names = [m for m in _CAPITAL.finditer(text, p_start, verb.start()) if m.group(0) not in _NOT_NAMES]
    if not names:
        return Answer(None, None, f"no name before {verb.group(0)!r}")
    return Answer(None, names[-1].group(0), f"word {names[-1].group(0)!r} before {verb.group(0)!r}")


# -- comparing persons -------------------------------------------------------------------

def _plain(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _tokens(name: str) -> tuple[str, frozenset[str]]:
    plain = _plain(name)
    surname, _, forenames = plain.partition(",")
    if not forenames.strip() and " " in surname.strip():  # "John F. Kennedy"
        *first, surname = surname.split()
        forenames = " ".join(first)
    words = frozenset(w for w in re.split(r"[^a-z]+", forenames) if w and w not in ("jr", "sir"))
    return re.sub(r"[^a-z]+", " ", surname).strip(), words


_HONOURS = frozenset({"sir", "jr", "colonel", "general", "baron", "viscount", "count", "mr", "dr"})


def _first_forename(name: str) -> str:
    words = [w for w in re.split(r"[^a-z]+", _plain(name).partition(",")[2]) if w and w not in _HONOURS]
    return words[0] if words else ""


def same_name(a: str, b: str) -> bool:
    """Whether two names plausibly name one person: the same surname, the same first forename
    (or its initial), and the forenames of one all found among the other's (an initial matches
    a forename it begins).  "Hoover, H." is not "Hoover, Irwin Hood"; "Dennis, Lloyd" is not
    "Dennis, Alfred L. P."."""
    sa, fa = _tokens(a)
    sb, fb = _tokens(b)
    if sa != sb:
        return False
    xa, xb = _first_forename(a), _first_forename(b)
    if xa and xb and not (xa == xb or (len(xa) == 1 and xb.startswith(xa)) or (len(xb) == 1 and xa.startswith(xb))):
        return False

    def covered(small: frozenset[str], big: frozenset[str]) -> bool:
        return all(any(w == v or (len(w) == 1 and v.startswith(w)) or (len(v) == 1 and w.startswith(v))
                       for v in big) for w in small)

    return covered(fa, fb) or covered(fb, fa)


_IDS: dict[str, set[str]] = {}


def person_ids(store: Store, name: str) -> set[str]:
    """Memcon ids of the persons the label's ``name`` maps to through ``store.find_persons``
    (preferred name or a variant naming the same person by :func:`same_name`)."""
    if name not in _IDS:
        surname = name.partition(",")[0].strip()
        _IDS[name] = {p.id for p in store.find_persons(surname, limit=200)
                      if any(same_name(n, name) for n in (p.name, *(v.name for v in p.names)))}
    return _IDS[name]


def surname_in(label_name: str, words: str) -> bool:
    """Whether the label's surname (accents and case ignored) is a word of ``words``
    ("Mr. Khrushchev", "Lloyd George")."""
    surname = _tokens(label_name)[0]
    return bool(surname) and re.search(rf"\b{re.escape(surname)}\b", _plain(words)) is not None


def judge(store: Store, label: Label, answer: Answer) -> str:
    """``right``, ``wrong`` or ``none`` (not attributed)."""
    if not answer.attributed:
        return "none"
    if answer.person_id:
        ids = person_ids(store, label.speaker)
        if ids:
            return "right" if answer.person_id in ids else "wrong"
        person = store.get_person(answer.person_id)
        return "right" if same_name(person.name, label.speaker) else "wrong"
    return "right" if answer.text and surname_in(label.speaker, answer.text) else "wrong"


# -- the store ---------------------------------------------------------------------------

def volumes_of(labels: Sequence[Label]) -> tuple[str, ...]:
    """The FRUS volumes the store must hold: :data:`VOLUMES` and every volume a label's document
    belongs to (the held-out set reads other volumes), the seeds left out."""
    extra = {label.doc.split("/", 1)[0] for label in labels if label.doc not in SEEDS}
    return tuple(dict.fromkeys([*VOLUMES, *sorted(extra)]))


def build_store(folder: Path, volumes: Sequence[str] = VOLUMES) -> Path:
    """Ingest ``volumes``, the excerpt, the seeds and the authority into a fresh store under
    ``folder``; return the store's path."""
    root = shared_root()
    inputs = [root / "corpus" / "frus" / f"{v}.xml" for v in volumes]
    inputs += [root / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml", root / "corpus" / "seeds",
               root / "authority"]
    return _build_store(folder, inputs, script="speech.py")


# -- the run -----------------------------------------------------------------------------

Row = tuple[Label, Answer, str, Answer, str]


def evaluate(store: Store, labels: Sequence[Label]) -> tuple[list[Row], str | None]:
    """Every label with the extractor's answer and verdict and the baseline's; and the message
    why the extractor was not measured (``None`` when it was)."""
    from memcon.errors import NotFound

    rows: list[Row] = []
    missing: str | None = None
    for label in labels:
        try:
            document = store.get_document(label.doc)
        except NotFound:
            gone = Answer(None, None, "document not in the store")
            rows.append((label, gone, "none", gone, "none"))
            continue
        span = locate(document.text, label.quote)
        if span is None:
            gone = Answer(None, None, "quote not found in the document's text")
            rows.append((label, gone, "none", gone, "none"))
            continue
        if missing is None:
            try:
                ours: Answer = attribute(store, document, *span)
            except ExtractorMissing as exc:
                missing, ours = str(exc), NOBODY
        else:
            ours = NOBODY
        base = baseline(store, document, *span)
        rows.append((label, ours, judge(store, label, ours), base, judge(store, label, base)))
    return rows, missing


def scores(verdicts: Sequence[str]) -> tuple[float, float, float]:
    """Precision (right / attributed), recall (right / all) and their F1."""
    right = sum(1 for v in verdicts if v == "right")
    attributed = sum(1 for v in verdicts if v != "none")
    p = right / attributed if attributed else 0.0
    r = right / len(verdicts) if verdicts else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def source_of(doc: str) -> str:
    """The label's source for the per-source table: a seed's document id, else its volume."""
    return doc if doc in SEEDS else doc.split("/", 1)[0]


def _print_sources(rows: list[Row], *, extractor: bool) -> None:
    groups: dict[str, list[Row]] = {}
    several = len({row[0].file for row in rows}) > 1
    for row in rows:  # by set too when several label files are read: "speech-heldout.jsonl: frus1870"
        groups.setdefault((f"{row[0].file}: " if several else "") + source_of(row[0].doc), []).append(row)
    print("\nsource | labels | extractor P / R / F1 | baseline P / R / F1")
    for source, rs in groups.items():
        ext = "{:.2f} / {:.2f} / {:.2f}".format(*scores([r[2] for r in rs])) if extractor else "n/a"
        print(f"{source} | {len(rs)} | {ext} | " + "{:.2f} / {:.2f} / {:.2f}".format(*scores([r[4] for r in rs])))


def _print_wrong(title: str, rows: list[tuple[Label, Answer]]) -> None:
    print(f"\n{title} ({len(rows)}):")
    for label, answer in rows:
        print(f"  {label.file}:{label.line} {label.doc}: {label.quote[:60]!r} — label {label.speaker}; "
              f"got {answer.text!r} ({answer.person_id or 'unresolved'}): {answer.reason}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("labels", nargs="*", type=Path, default=[LABELS],
                    help="JSON Lines label files (default: %(default)s)")
    ap.add_argument("--db", type=Path, help="an existing memcon database (default: build a fresh one)")
    ap.add_argument("--keep", type=Path, help="build the fresh store in this folder and keep it")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list the baseline's wrong answers")
    args = ap.parse_args(argv)

    labels = load_labels(args.labels)
    if not labels:
        sys.exit("speech.py: no labels")
    from memcon.workspace import open_workspace

    with tempfile.TemporaryDirectory(prefix="memcon-speech-") as tmp:
        db = args.db
        if db is None:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            db = build_store(folder, volumes_of(labels))
        t0 = time.perf_counter()
        with open_workspace(db, create=False) as ws:
            rows, missing = evaluate(ws.store, labels)
        took = time.perf_counter() - t0

    bp, br, bf = scores([r[4] for r in rows])
    ap_, ar, af = scores([r[2] for r in rows])
    print(f"\n{len(labels)} labels from {', '.join(str(p) for p in args.labels)} ({took:.2f} s)")
    print(f"baseline (nearest preceding name before a speech verb): precision {bp:.2f}, recall {br:.2f}, F1 {bf:.2f}")
    _print_sources(rows, extractor=missing is None)
    if missing:
        print(f"extractor: NOT MEASURED — {missing}; attribution_f1 below is 0.00 for that reason")
    else:
        print(f"extractor (memcon.enrich.statements): precision {ap_:.2f}, recall {ar:.2f}, F1 {af:.2f}")
        _print_wrong("Extractor wrong", [(r[0], r[1]) for r in rows if r[2] == "wrong"])
        _print_wrong("Extractor not attributed", [(r[0], r[1]) for r in rows if r[2] == "none"])
        quoted = [r for r in rows if r[0].note.startswith("quotation")]
        marked = sum(1 for r in quoted if r[1].kind == "quotation")
        print(f"\nquotations read out (labels noted 'quotation'): {marked} of {len(quoted)} marked kind='quotation'")
    if args.verbose or missing:
        _print_wrong("Baseline wrong", [(r[0], r[3]) for r in rows if r[4] == "wrong"])
    if len(args.labels) > 1:
        print()
        for path in args.labels:
            rs = [r for r in rows if r[0].file == path.name]
            print(f"set={path.name} attribution_f1={scores([r[2] for r in rs])[2]:.2f} labels={len(rs)} "
                  f"baseline_f1={scores([r[4] for r in rs])[2]:.2f}")
    print(f"attribution_f1={af:.2f} labels={len(labels)} baseline_f1={bf:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
