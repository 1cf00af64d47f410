"""Linking benchmark: the mention linker against the FRUS editors' own ``persName`` tags.

Usage:  python benchmarks/linking.py [VOLUME.xml …] [--authority DIR | --no-authority]
                                      [--sample N] [--seed S] [--one-pass]

Default volumes: every shared volume that carries the editors' tags
(``frus1917Supp02v02``, ``frus1918Russiav03``, ``frus1919Parisv01`` in
``$MEMCON_SHARED/corpus/frus``) and the excerpt ``corpus/frus-excerpts/frus1961-63v05-d88.xml``.
Any FRUS TEI volume works.

1. The authority (``$MEMCON_SHARED/authority``, or ``--authority``) is loaded and merged with
   the volumes' persons lists in memory (``memcon.authority.load.load_authority`` +
   ``build.build_authority``, what ``memcon ingest ../shared/authority`` stores); when those
   modules are missing, ``people/`` alone (``hsg_people.load_people``); ``--no-authority``
   links with each volume's persons list alone (``VOLUME#xml_id`` ids).
2. Each document is linked with its annotations stripped (``dataclasses.replace(document,
   annotations=())``): the linker never sees the answer key.  A volume's documents are linked
   together (``Linker.link_documents``: a second pass settles names left ambiguous by how often
   each person was named in the volume's other documents); ``--one-pass`` links each alone.
3. The editors' links: every ``persName`` with a ``corresp`` target, the target taken to a
   person id — ``#p_X`` → ``VOLUME#p_X``; another volume's list (``frus1917Supp02v01#p_PWH1``,
   a list not among the shared data) → itself; then through the authority's keys to its memcon
   id.  A target the authority does not know is resolved, for scoring only, by the authority
   person who holds the same persons-list id in another volume and whose surname the tagged
   text ends with; else it stays as given (and the linker cannot reach it).
4. Accuracy: a tagged mention is right when the linker linked that span, or one overlapping
   it, to the same person.  Tags whose target no loaded persons list and no authority key
   resolves (``frus1917Supp02v01#…`` without the authority) are counted apart, and the
   accuracy over all tags is printed beside.  Untagged links: linker mentions with a person that overlap no
   ``persName`` at all (a sample is printed for reading).  Speed: mentions and documents per
   second of linking alone (reading and building the linker are reported apart).
5. Baseline: every persons-list surname linked wherever it occurs (word boundaries, case as
   printed; a surname shared by several entries → the first listed), scored as precision /
   recall / F1 against the same tags.

Ends with one line: ``accuracy=0.XXX mentions=N untagged_links=M baseline_f1=0.YYY``.
Targets (issue 4): accuracy >= 0.97 on editor-tagged mentions, >= 10,000 mentions/s.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from memcon.enrich._names import fold
from memcon.enrich.people import Linker, person_candidates, volume_candidates
from memcon.model.people import Mention, Person
from memcon.model.records import Document, Volume
from memcon.readers import read

ROOT = Path(__file__).resolve().parent.parent
TAGGED = ("frus1917Supp02v02", "frus1918Russiav03", "frus1919Parisv01")


def shared() -> Path:
    return Path(os.environ.get("MEMCON_SHARED", str(ROOT.parent / "shared"))).resolve()


def default_volumes() -> list[Path]:
    base = shared() / "corpus"
    paths = [base / "frus" / f"{v}.xml" for v in TAGGED]
    paths.append(base / "frus-excerpts" / "frus1961-63v05-d88.xml")
    return [p for p in paths if p.exists()]


def load_persons(folder: Path, volumes: list[Volume]) -> tuple[list[Person], str]:
    """The authority merged with the volumes' lists, and how it was built."""
    try:
        from memcon.authority.build import build_authority
        from memcon.authority.load import load_authority
        from memcon.authority.volume_persons import load_volume_persons
    except ImportError:
        from memcon.authority.hsg_people import load_people

        return list(load_people(folder / "people")), "people/ alone (hsg_people.load_people)"
    entries = [p for v in volumes for p in load_volume_persons(v)]
    return build_authority(load_authority(folder), entries), "load_authority + build_authority"


@dataclass
class Gold:
    footnote: int | None
    start: int
    end: int
    text: str
    person: str | None
    """The person id in the linker's id space, ``None`` for a tag without ``corresp``."""


def gold_of(doc: Document, volume_id: str, key_to_id: dict[str, str], by_xml: dict[str, list[Person]]) -> list[Gold]:
    out: list[Gold] = []
    for a in doc.annotations:
        if a.kind != "persName":
            continue
        person: str | None = None
        if a.target:
            vol, _, xml = a.target.partition("#")
            key = f"{vol or volume_id}#{xml}"
            person = key_to_id.get(key)
            if person is None and by_xml:
                words = fold(a.text).lower().replace(".", " ").split()
                fits = [p for p in by_xml.get(xml, ())
                        if words and any(fold(v.name).lower().split(",")[0].split()[-1:] == words[-1:]
                                         for v in p.names)]
                person = fits[0].id if len({p.id for p in fits}) == 1 else None
            if person is None:
                person = key
        out.append(Gold(a.footnote, a.start, a.end, a.text, person))
    return out


def baseline(volume: Volume, doc: Document) -> list[tuple[int | None, int, int, str]]:
    first: dict[str, str] = {}
    for entry in volume.persons:
        first.setdefault(entry.name.split(",")[0].strip(), f"{volume.id}#{entry.xml_id}")
    if not first:
        return []
    pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, first), key=len, reverse=True)) + r")\b")
    out: list[tuple[int | None, int, int, str]] = []
    texts: list[tuple[int | None, str]] = [(None, doc.text), *((i, f.text) for i, f in enumerate(doc.footnotes))]
    for fn, text in texts:
        out.extend((fn, m.start(), m.end(), first[m.group(1)]) for m in pattern.finditer(text))
    return out


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("volumes", nargs="*", type=Path)
    ap.add_argument("--authority", type=Path, default=None)
    ap.add_argument("--no-authority", action="store_true")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--one-pass", dest="two_pass", action="store_false",
                    help="link each document alone (Linker.link), not the volume in two passes")
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args(list(argv) if argv is not None else None)
    paths = args.volumes or default_volumes()
    if not paths:
        print("no volumes (set MEMCON_SHARED or name VOLUME.xml files)", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    data: list[tuple[Volume, list[Document]]] = []
    for path in paths:
        records = iter(read(path))
        volume = next(records)
        assert isinstance(volume, Volume)
        data.append((volume, [r for r in records if isinstance(r, Document)]))
    t_read = time.perf_counter() - t0

    persons: list[Person] = []
    how = "none (--no-authority): each volume's persons list"
    folder = args.authority or shared() / "authority"
    t0 = time.perf_counter()
    if not args.no_authority and folder.exists():
        persons, how = load_persons(folder, [v for v, _ in data])
    t_auth = time.perf_counter() - t0
    key_to_id = {k: p.id for p in persons for k in p.keys}
    by_xml: dict[str, list[Person]] = {}
    for p in persons:
        for k in p.keys:
            if k.startswith("frus") and "#" in k:
                by_xml.setdefault(k.split("#", 1)[1], []).append(p)

    t0 = time.perf_counter()
    shared_linker = Linker(person_candidates(persons)) if persons else None
    t_build = time.perf_counter() - t0

    known = set(key_to_id.values()) | {f"{v.id}#{e.xml_id}" for v, _ in data for e in v.persons}
    c: Counter[str] = Counter()
    untagged: list[tuple[str, Mention, str]] = []
    wrong: list[tuple[str, Gold, Mention | None]] = []
    t_link = 0.0
    for volume, docs in data:
        if shared_linker is not None:
            linker = shared_linker.with_listed(key_to_id.get(f"{volume.id}#{e.xml_id}", "") for e in volume.persons)
        else:
            t0 = time.perf_counter()
            linker = Linker(volume_candidates(volume))
            t_build += time.perf_counter() - t0
        v: Counter[str] = Counter()
        bare_docs = [replace(doc, annotations=()) for doc in docs]
        t0 = time.perf_counter()
        linked = linker.link_documents(bare_docs) if args.two_pass else [linker.link(d) for d in bare_docs]
        t_link += time.perf_counter() - t0
        for doc, mentions in zip(docs, linked, strict=True):
            c["documents"] += 1
            c["mentions"] += len(mentions)
            golds = gold_of(doc, volume.id, key_to_id, by_xml)
            for g in golds:
                if g.person is None:
                    continue
                if g.person not in known:
                    v["unknown_target"] += 1  # a persons list neither shared nor in the authority
                    continue
                v["tagged"] += 1
                hits = [m for m in mentions if m.footnote == g.footnote and overlaps(m.start, m.end, g.start, g.end)]
                if any(m.person_id == g.person for m in hits):
                    v["right"] += 1
                else:
                    v["unresolved" if any(m.person_id is None for m in hits) else "wrong" if hits else "missed"] += 1
                    wrong.append((doc.id, g, hits[0] if hits else None))
            for m in mentions:
                if m.person_id is None:
                    continue
                if not any(g.footnote == m.footnote and overlaps(m.start, m.end, g.start, g.end) for g in golds):
                    c["untagged"] += 1
                    text = doc.text if m.footnote is None else doc.footnotes[m.footnote].text
                    untagged.append((doc.id, m, text[max(0, m.start - 50):m.end + 30].replace("\n", " ")))
            preds = baseline(volume, doc)
            gold_local = [g for g in golds if g.person is not None]
            v["b_pred"] += len(preds)
            for fn, s, e, pid in preds:
                pid_auth = key_to_id.get(pid, pid)
                if any(g.footnote == fn and overlaps(s, e, g.start, g.end) and g.person in (pid, pid_auth)
                       for g in gold_local):
                    v["b_tp"] += 1
            v["b_gold"] += len(gold_local)
        acc = v["right"] / v["tagged"] if v["tagged"] else float("nan")
        print(f"{volume.id}: {len(docs)} documents, {v['tagged']} tagged: right {v['right']} ({acc:.3f}), "
              f"wrong person {v['wrong']}, unresolved {v['unresolved']}, missed {v['missed']}; "
              f"{v['unknown_target']} tagged with a target no loaded list or authority knows; "
              f"baseline {v['b_tp']}/{v['b_pred']} right")
        c.update(v)

    accuracy = c["right"] / c["tagged"] if c["tagged"] else 0.0
    bp = c["b_tp"] / c["b_pred"] if c["b_pred"] else 0.0
    br = c["b_tp"] / c["b_gold"] if c["b_gold"] else 0.0  # against every tag with a target
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0
    print(f"\nauthority: {how}; {len(persons)} persons ({t_auth:.1f} s); reading {t_read:.1f} s; "
          f"building linker(s) {t_build:.2f} s")
    print(f"linking: {c['documents']} documents, {c['mentions']} mentions in {t_link:.2f} s = "
          f"{c['mentions'] / t_link:,.0f} mentions/s, {c['documents'] / t_link:,.0f} documents/s")
    print(f"tagged {c['tagged']}: right {c['right']}, wrong person {c['wrong']}, unresolved {c['unresolved']}, "
          f"missed {c['missed']}; not counted: {c['unknown_target']} tags whose target no loaded persons list "
          f"or authority key resolves (all tags counted: accuracy "
          f"{c['right'] / (c['tagged'] + c['unknown_target']) if c['tagged'] else 0:.3f})")
    print(f"baseline (every persons-list surname): P {bp:.3f} R {br:.3f} F1 {bf:.3f}")
    rng = random.Random(args.seed)
    if wrong:
        print(f"\nsample of tagged mentions not linked right ({min(args.sample, len(wrong))} of {len(wrong)}):")
        for doc_id, g, m in rng.sample(wrong, min(args.sample, len(wrong))):
            got = f"{m.person_id} — {m.reason}" if m else "no mention"
            print(f"  {doc_id} {g.text!r} → editors {g.person}; linker {got}")
    if untagged:
        print(f"\nsample of links where the editors tagged nothing ({min(args.sample, len(untagged))} of {len(untagged)}):")
        for doc_id, m, ctx in rng.sample(untagged, min(args.sample, len(untagged))):
            print(f"  {doc_id} …{ctx}… → {m.person_id} ({m.reason})")
    print(f"\naccuracy={accuracy:.3f} mentions={c['mentions']} untagged_links={c['untagged']} baseline_f1={bf:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
