"""Title-resolution benchmark: hand-made labels of title mentions resolved in a store.

Usage:  python benchmarks/roles.py [--db DB] [--authority DIR] [--keep DIR] [-v] [--finder-only]
                                   [LABELS.jsonl …]

Each label (``benchmarks/data/roles.jsonl`` by default; see docs/benchmarks.md, "Title
labels") names a document, a verbatim quote of six words or more from its text, the title
inside the quote ("the Secretary", "Mr. President", "our minister") and the person it stands
for.  For each label the script

1. fetches the document from the store (:meth:`memcon.store.base.Store.get_document`);
2. finds the quote in its text, whitespace-normalised (every run of whitespace counts as one
   space), and the title's exact words inside the quote: a character span of the text;
3. resolves that span with the title resolver (:func:`resolve`: the one place that calls
   :mod:`memcon.enrich.titles`);
4. compares the resolved person with the label's: by memcon person id when the label's name is
   found by ``store.find_persons`` (when the store has it), else by name ("Rusk, Dean" matches
   "Rusk, David Dean"; "Kennedy, John F." does not match "Kennedy, Robert F.").  A title the
   resolver ties to a name the authority does not hold ("the President" → "Zelaya", named so
   in the despatch) is compared by name, and only when the label's person is not in the
   authority either.

It counts right, wrong and unresolved (a label whose document, quote or title is not found
counts as unresolved, with the reason), prints a table of the wrong ones (and with ``-v`` of
the unresolved ones) and ends with one line::

  role_accuracy=0.XX labels=N unresolved=M

``role_accuracy`` is right / labels.  Target (issue 4): >= 0.95, and nothing resolved wrongly
that the authority could not support.

Without ``--db`` it builds a fresh store in a temporary folder (or ``--keep DIR``) with
:func:`memcon.ingest.ingest_paths`: every volume of ``$MEMCON_SHARED/corpus/frus``, the
excerpt ``corpus/frus-excerpts/frus1961-63v05-d88.xml``, the seeds of ``corpus/seeds/`` and
the authority folder (``--authority``, default ``$MEMCON_SHARED/authority``), in one call:
ingest builds the authority after the volumes, so their persons lists join it.
MEMCON_SHARED defaults to ../shared beside the clone.
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import sys
import tempfile
import time
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from memcon.model.records import Document
    from memcon.store.base import Store

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from _labels import build_store as _build_store  # noqa: E402
from _labels import normalise_with_map, read_labels, shared_root  # noqa: E402,F401

LABELS = HERE / "data" / "roles.jsonl"
_SPACE = re.compile(r"\s+")


@dataclasses.dataclass(frozen=True)
class Label:
    """One hand-made label: a title in a quote of a document, and who it stands for."""

    line: int
    doc: str
    quote: str
    title: str
    person: str
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What the resolver said about one label (``person_id`` ``None``: unresolved)."""

    person_id: str | None
    name: str | None
    confidence: float
    reason: str


def load_labels(paths: Sequence[Path]) -> list[Label]:
    """The labels of every JSON Lines file in ``paths``; a malformed line stops the run."""
    return [Label(n, raw["doc"], raw["quote"], raw["title"], raw["person"], raw.get("note", ""))
            for n, raw in read_labels(paths, keys=("doc", "quote", "title", "person"))]


# -- locating a label in its document ---------------------------------------------------

def locate(text: str, quote: str, title: str) -> tuple[int, int] | str:
    """The span of ``title`` inside the first occurrence of ``quote`` in ``text`` (offsets in
    ``text``), or a reason why it is not there."""
    flat, where = normalise_with_map(text)
    q = _SPACE.sub(" ", quote).strip()
    at = flat.find(q)
    if at < 0:
        return "quote not found in the document's text"
    inner = q.find(title)
    if inner < 0:
        return "title not found in the quote"
    start = where[at + inner]
    end = where[at + inner + len(title) - 1] + 1
    return start, end


# -- the resolver: the one call into memcon.enrich.titles --------------------------------

_AUTHORITY: dict[int, Any] = {}


def _authority(store: Store) -> Any:
    """The person authority the resolver reads, built once per store."""
    if id(store) in _AUTHORITY:
        return _AUTHORITY[id(store)]
    try:
        from memcon.authority import lookup
    except ImportError as exc:
        raise SystemExit(
            f"roles.py: the authority lookup memcon.authority.lookup is not available ({exc}); "
            "the title resolver needs it (issue 4, item 1)"
        ) from exc
    cls = getattr(lookup, "Authority", None)
    from_store = getattr(cls, "from_store", None)
    if not callable(from_store):
        raise SystemExit("roles.py: memcon.authority.lookup has no Authority.from_store(store) to read the "
                         "store's authority with")
    built = from_store(store)
    _AUTHORITY[id(store)] = built
    return built


def find(document: Document, start: int, end: int) -> Any:
    """The title mention of :func:`memcon.enrich.titles.find_titles` that overlaps
    ``document.text[start:end]``, or ``None``."""
    try:
        from memcon.enrich import titles
    except ImportError as exc:
        raise SystemExit(
            f"roles.py: the title resolver memcon.enrich.titles is not available ({exc}); "
            "it is issue 4, item 3 — nothing to measure without it"
        ) from exc
    return next((m for m in titles.find_titles(document.text) if m.start < end and start < m.end), None)


def resolve(store: Store, document: Document, start: int, end: int) -> Outcome:
    """Resolve the title at ``document.text[start:end]`` with :mod:`memcon.enrich.titles`.

    The title finder is run on the whole text (it may need the words around the title, e.g.
    "the British Ambassador"); the mention that overlaps the span is resolved, as
    :mod:`memcon.linking` resolves it: with the persons the name linker linked in the document
    (the stored name mentions) as its participants.  A span the finder does not see is
    unresolved, with that reason.
    """
    mention = find(document, start, end)
    if mention is None:
        return Outcome(None, None, 0.0, "the title finder does not see this title")
    from memcon.enrich import titles

    mentions = getattr(store, "mentions", None)
    linked = sorted({m.person_id for m in mentions(document.id) if m.person_id and m.kind == "name"}) \
        if callable(mentions) else []
    result = titles.resolve_title(_authority(store), document, mention, participants=linked)
    return Outcome(result.person_id, result.name, result.confidence, result.reason)


# -- comparing persons -------------------------------------------------------------------

def _tokens(name: str) -> tuple[str, frozenset[str]]:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    surname, _, forenames = plain.partition(",")
    if not forenames.strip() and " " in surname.strip():  # "John F. Kennedy"
        *first, surname = surname.split()
        forenames = " ".join(first)
    words = frozenset(w for w in re.split(r"[^a-z]+", forenames) if w and w != "jr")
    return re.sub(r"[^a-z]+", " ", surname).strip(), words


def _folded(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]+", " ", plain).strip()


def same_name(a: str, b: str) -> bool:
    """Whether two names plausibly name one person: the same surname (or the first of a
    compound Spanish one: "Errázuriz" for "Errázuriz Echaurren"), and the forenames of one all
    found among the other's (an initial matches a forename it begins)."""
    sa, fa = _tokens(a)
    sb, fb = _tokens(b)
    if ("," not in a and " " in sb and _folded(a) == sb) or ("," not in b and " " in sa and _folded(b) == sa):
        return True  # a compound surname alone: "Santa Maria" for "Santa María, Domingo"
    if sa != sb and sa.split()[:1] != sb.split()[:1]:
        return False

    def covered(small: frozenset[str], big: frozenset[str]) -> bool:
        return all(any(w == v or (len(w) == 1 and v.startswith(w)) or (len(v) == 1 and w.startswith(v))
                       for v in big) for w in small)

    return covered(fa, fb) or covered(fb, fa)


def person_ids(store: Store, name: str, *, year: int | None = None) -> set[str]:
    """Memcon ids of the persons the label's ``name`` maps to: those ``store.find_persons`` finds
    whose preferred name or a variant is that name (:func:`same_name`; close spellings alone do
    not count), and who lived in ``year`` when the authority dates their lives (the authority's
    James Morrison Wilson, born 1918, is not the Secretary of Agriculture of 1897).  Empty when
    the store cannot look persons up or none matches."""
    finder = getattr(store, "find_persons", None)
    if not callable(finder):
        return set()
    return {p.id for p in finder(name)
            if any(same_name(n, name) for n in (p.name, *(v.name for v in p.names))) and _lived(p, year)}


ERA_YEARS = 40
"""A person of the authority whose life is undated and whose every dated office lies more than
this many years from a label's year is not the label's person (the authority's Harold Wilson,
Prime Minister from 1964, is not the James Wilson of 1897; its Domingo Santa María Santa Cruz,
an ambassador of 1970, is not Chile's President of 1882)."""


def _lived(person: Any, year: int | None) -> bool:
    if year is None:
        return True
    born, died = (getattr(person, "birth", None) or "")[:4], (getattr(person, "death", None) or "")[:4]
    if born.isdigit() or died.isdigit():
        return not ((born.isdigit() and int(born) > year) or (died.isdigit() and int(died) < year))
    years = [int(d[:4]) for r in getattr(person, "roles", ()) for d in (r.start, r.end) if d and d[:4].isdigit()]
    return not years or min(years) - ERA_YEARS <= year <= max(years) + ERA_YEARS


def _year(store: Store, document_id: str) -> int | None:
    try:
        when = store.get_document(document_id).date
    except Exception:  # noqa: BLE001 - an unknown document is reported by the caller
        return None
    key = when.sort_key if when else None
    return int(key[:4]) if key and key[:4].isdigit() else None


def judge(store: Store, label: Label, outcome: Outcome) -> str:
    """``right``, ``wrong`` or ``unresolved``.  A title resolved to a name the authority does not
    hold (no person id, a name: "President Zelaya") is right when the label's person is not in the
    authority either and the names agree, wrong when they disagree, unresolved when the authority
    holds the label's person (memcon should have linked him)."""
    ids = person_ids(store, label.person, year=_year(store, label.doc))
    if outcome.person_id is None:
        if outcome.name is None or ids:
            return "unresolved"
        return "right" if same_name(outcome.name, label.person) else "wrong"
    if ids:
        return "right" if outcome.person_id in ids else "wrong"
    return "right" if outcome.name and same_name(outcome.name, label.person) else "wrong"


# -- the store ---------------------------------------------------------------------------

def build_store(folder: Path, *, authority: Path | None) -> Path:
    """Ingest the shared volumes, the excerpt, the seeds and the authority folder into a fresh
    store under ``folder`` (ingest builds the authority after the volumes, so their persons lists
    join it); return the store's path."""
    root = shared_root()
    inputs = [root / "corpus" / "frus", root / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml",
              root / "corpus" / "seeds"]
    if authority is not None:
        inputs.append(authority)
    return _build_store(folder, inputs, script="roles.py",
                        note="" if authority is not None else " (no authority folder)")


# -- the run -----------------------------------------------------------------------------

def evaluate(
    store: Store, labels: Iterable[Label], *, finder_only: bool = False
) -> list[tuple[Label, Outcome, str]]:
    """Resolve every label; each with the resolver's outcome and the verdict.  With
    ``finder_only`` only check that the title finder sees the labelled title (verdict
    ``found`` or ``unresolved``)."""
    from memcon.errors import NotFound

    results: list[tuple[Label, Outcome, str]] = []
    for label in labels:
        try:
            document = store.get_document(label.doc)
        except NotFound:
            results.append((label, Outcome(None, None, 0.0, "document not in the store"), "unresolved"))
            continue
        span = locate(document.text, label.quote, label.title)
        if isinstance(span, str):
            results.append((label, Outcome(None, None, 0.0, span), "unresolved"))
            continue
        if finder_only:
            mention = find(document, *span)
            seen = Outcome(None, None, 0.0, f"found {mention.text!r} ({mention.office.key})" if mention
                           else "the title finder does not see this title")
            results.append((label, seen, "found" if mention else "unresolved"))
            continue
        outcome = resolve(store, document, *span)
        results.append((label, outcome, judge(store, label, outcome)))
    return results


def _table(rows: list[tuple[Label, Outcome, str]], *, wrong: bool) -> None:
    head = ("line", "doc", "title", "label", "resolved" if wrong else "reason")
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    for label, outcome, _ in rows:
        last = f"{outcome.name} — {outcome.reason}" if wrong else outcome.reason
        print(" | ".join((str(label.line), label.doc, label.title, label.person, last)))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels", nargs="*", type=Path, help="JSON Lines label files (default: %(default)s)",
                    default=[LABELS])
    ap.add_argument("--db", type=Path, help="an existing memcon database (default: build a fresh one)")
    ap.add_argument("--authority", type=Path, default=None,
                    help="authority folder to ingest into the fresh store (default: $MEMCON_SHARED/authority)")
    ap.add_argument("--keep", type=Path, help="build the fresh store in this folder and keep it")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list the unresolved labels")
    ap.add_argument("--finder-only", action="store_true",
                    help="only check that the title finder sees each labelled title (no authority needed)")
    args = ap.parse_args(argv)

    labels = load_labels(args.labels)
    if not labels:
        sys.exit("roles.py: no labels")
    from memcon.workspace import open_workspace

    with tempfile.TemporaryDirectory(prefix="memcon-roles-") as tmp:
        db = args.db
        if db is None:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            authority = args.authority or shared_root() / "authority"
            db = build_store(folder, authority=authority if authority.exists() else None)
        t0 = time.perf_counter()
        with open_workspace(db, create=False) as ws:
            results = evaluate(ws.store, labels, finder_only=args.finder_only)
        took = time.perf_counter() - t0

    if args.finder_only:
        found = sum(1 for *_, v in results if v == "found")
        missed = [r for r in results if r[2] != "found"]
        print(f"\n{len(labels)} labels: the title finder sees {found}, misses {len(missed)} ({took:.2f} s)")
        if missed:
            _table(missed, wrong=False)
        print(f"title_found={found / len(labels):.2f} labels={len(labels)} missed={len(missed)}")
        return 0
    right = sum(1 for *_, v in results if v == "right")
    wrong = [r for r in results if r[2] == "wrong"]
    unresolved = [r for r in results if r[2] == "unresolved"]
    print(f"\n{len(labels)} labels from {', '.join(str(p) for p in args.labels)}: right {right}, "
          f"wrong {len(wrong)}, unresolved {len(unresolved)} ({took:.2f} s)")
    if wrong:
        print("\nWrong:")
        _table(wrong, wrong=True)
    if unresolved and args.verbose:
        print("\nUnresolved:")
        _table(unresolved, wrong=False)
    print(f"role_accuracy={right / len(labels):.2f} labels={len(labels)} unresolved={len(unresolved)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
