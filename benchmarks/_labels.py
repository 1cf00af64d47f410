"""What the label benchmarks (``roles.py``, ``speech.py``) share: where the shared data is,
reading a JSON Lines file of labels, finding a whitespace-normalised quote in a text, and
building a fresh store to score against."""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def shared_root() -> Path:
    """``$MEMCON_SHARED``, default ``../shared`` beside the repository."""
    return Path(os.environ.get("MEMCON_SHARED", str(HERE.parents[1] / "shared")))


def read_labels(paths: Sequence[Path], *, keys: Sequence[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for every label of the JSON Lines files in ``paths``; a line that
    is not an object with ``keys`` stops the run naming the file and line."""
    shape = "{" + ", ".join(f'"{k}"' for k in keys) + '[, "note"]}'
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    raw = json.loads(line)
                    missing = [k for k in keys if k not in raw]
                except (ValueError, TypeError) as exc:
                    sys.exit(f"{path}:{n}: not a label ({exc}); each line is {shape}")
                if not isinstance(raw, dict) or missing:
                    sys.exit(f"{path}:{n}: not a label (missing {missing}); each line is {shape}")
                yield n, raw


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` with every whitespace run collapsed to one space, and for each character of the
    result the offset of the character it came from in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group(0)[0].isspace():
            out.append(" ")
            where.append(m.start())
        else:
            out.append(m.group(0))
            where.extend(range(m.start(), m.end()))
    return "".join(out), where


def build_store(folder: Path, inputs: Sequence[Path], *, script: str, note: str = "") -> Path:
    """Ingest ``inputs`` into a fresh store under ``folder`` in one :func:`memcon.ingest.ingest_paths`
    call (ingest builds an authority folder among them after the volumes); return its path."""
    from memcon.ingest import ingest_paths

    missing = [str(p) for p in inputs if not p.exists()]
    if missing:
        sys.exit(f"{script}: shared data not found: {missing} (set MEMCON_SHARED or pass --db)")
    db = folder / "memcon.db"
    t0 = time.perf_counter()
    report = ingest_paths(list(inputs), store_path=db)
    persons = sum(r.persons for r in report.authority)
    print(f"store: {db} — {report.documents:,} documents and an authority of {persons:,} persons in "
          f"{time.perf_counter() - t0:.1f} s" + (f", {len(report.errors)} files refused" if report.errors else "")
          + note)
    return db
