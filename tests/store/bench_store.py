"""Write throughput of ``SQLiteStore.replace_volume`` (not collected by pytest).

Usage:  python tests/store/bench_store.py [--volumes 20] [--docs 465] [--real]

Documents are built in memory first, so only the store's work is timed: encoding
records into rows, ``executemany``, index upkeep and the commit of each volume.

* synthetic (default): ``--volumes`` × ``--docs`` documents shaped like the brief's
  "realistic" FRUS document: ~7 KB of text, 5 footnotes, 1 page turn (2 page rows),
  10 annotations (2 inside footnotes), 2 participants, 1 attachment, a DocDate range.
* ``--real``: documents cut from the real FRUS volumes in $MEMCON_SHARED with lxml
  (text, notes, page breaks and name tags of each ``div[@type='document']``; offsets
  approximate): the corpus' real size distribution.

Each volume is then written a second time, as a re-ingest (deleting the old rows first).
With ``--real``, the crude reader is also timed alone and streaming into the store, the
way ``memcon ingest`` feeds it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from memcon.model.records import Annotation, Document, Footnote, PageBreak, Volume
from memcon.store import SQLiteStore
from tests.store.store_factories import make_documents, make_volume

TEI = "{http://www.tei-c.org/ns/1.0}"
NAMES = {f"{TEI}persName": "persName", f"{TEI}placeName": "placeName", f"{TEI}gloss": "gloss"}


def read_real_volume(path: Path) -> tuple[Volume, Iterator[Document]]:
    """A crude streaming reader of a real FRUS volume (lxml iterparse), for timing only."""
    from lxml import etree

    vid = path.stem

    def documents() -> Iterator[Document]:
        seq = 0
        for _, div in etree.iterparse(str(path), events=("end",), tag=f"{TEI}div"):
            if div.get("type") != "document":
                continue
            text = "".join(div.itertext())
            notes = [
                Footnote(n=n.get("n"), text="".join(n.itertext()), offset=0) for n in div.iter(f"{TEI}note")
            ]
            pages = [PageBreak(n=p.get("n") or "", offset=0) for p in div.iter(f"{TEI}pb")]
            spans = [
                Annotation(
                    kind=NAMES[str(e.tag)],
                    start=0,
                    end=1,
                    text="".join(e.itertext()),
                    target=e.get("corresp"),
                )
                for e in div.iter(*NAMES)
            ]
            yield Document(
                id=f"{vid}/{div.get('{http://www.w3.org/XML/1998/namespace}id') or f'seq{seq}'}",
                volume_id=vid,
                heading=div.findtext(f"{TEI}head") or "",
                text=text,
                footnotes=tuple(notes),
                pages=tuple(pages),
                annotations=tuple(spans),
                seq=seq,
            )
            seq += 1
            div.clear()

    return Volume(id=vid, title=vid), documents()


def stream(paths: list[Path]) -> None:
    """Time the crude reader alone, then the reader streaming into the store (as ingest does)."""
    started = time.perf_counter()
    n_docs = sum(sum(1 for _ in read_real_volume(p)[1]) for p in paths)
    read_s = time.perf_counter() - started
    with (
        tempfile.TemporaryDirectory() as tmp,
        SQLiteStore(Path(tmp) / "memcon.db") as store,
    ):
        started = time.perf_counter()
        for path in paths:
            store.replace_volume(*read_real_volume(path))
        both_s = time.perf_counter() - started
    print(
        f"streaming {n_docs} documents : reader alone {read_s:.2f} s, "
        f"reader + replace_volume {both_s:.2f} s (store adds {both_s - read_s:+.2f} s)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--volumes", type=int, default=20)
    ap.add_argument("--docs", type=int, default=465)
    ap.add_argument("--real", action="store_true")
    args = ap.parse_args()
    if args.real:
        shared = Path(os.environ.get("MEMCON_SHARED", Path(__file__).resolve().parents[3] / "shared"))
        paths = sorted((shared / "corpus" / "frus").glob("*.xml"))
        stream(paths)
        volumes = [(v, list(docs)) for v, docs in map(read_real_volume, paths)]
    else:
        volumes = [
            (make_volume(f"vol{i:02d}"), make_documents(f"vol{i:02d}", args.docs))
            for i in range(args.volumes)
        ]
    n_docs = sum(len(d) for _, d in volumes)
    n_chars = sum(
        len(doc.text) + sum(len(f.text) for f in doc.footnotes) for _, docs in volumes for doc in docs
    )
    rows = sum(
        1
        + len(doc.footnotes)
        + len(doc.pages)
        + len(doc.annotations)
        + len(doc.participants)
        + len(doc.attachments)
        + len(doc.provenance)
        for _, docs in volumes
        for doc in docs
    )
    print(f"{len(volumes)} volumes, {n_docs} documents, {n_chars / 1e6:.1f} M characters, {rows} rows")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "memcon.db"
        with SQLiteStore(db) as store:
            for label in ("first ingest", "re-ingest"):
                started = time.perf_counter()
                for volume, docs in volumes:
                    store.replace_volume(volume, iter(docs))
                seconds = time.perf_counter() - started
                print(
                    f"{label:>12}: {seconds:.2f} s  {n_docs / seconds:,.0f} documents/s  "
                    f"{rows / seconds:,.0f} rows/s  {n_chars / 1e6 / seconds:.1f} M characters/s"
                )
        print(f"database: {db.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
