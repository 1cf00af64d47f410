"""``make demo`` (``python -m memcon.demo``): four FRUS volumes from nothing to a searchable store, served.

1. obtain the volumes of :data:`DEMO_VOLUMES` with :func:`memcon.fetch.fetch_frus_volumes`
   (from ``$MEMCON_MIRROR`` when set, otherwise downloaded into the cache);
2. ingest them into ``./memcon.db`` (or ``$MEMCON_DB``) with :func:`memcon.ingest.ingest_paths`,
   with the seeds, the FRUS 1961–63 vol. V excerpt and the person authority of ``$MEMCON_SHARED``
   when it is there (names linked, meetings and statements extracted);
3. print what the store holds, the results of the search :data:`DEMO_QUERY`
   and the document :data:`DEMO_DOCUMENT` as history.state.gov renders it;
4. print the commands to try next;
5. serve the web app (``memcon serve``) and print its address, until Ctrl-C.  With
   ``MEMCON_DEMO_SERVE=check`` (CI, the tests) it starts the server, loads the search page and
   the document's page through it, and stops; with ``MEMCON_DEMO_SERVE=no`` it does not serve.

It calls the same library functions as ``memcon fetch``, ``ingest``, ``stats``,
``search`` and ``show``.  Running it again is cheap: cached volumes are not
downloaded again and unchanged files are not ingested again.

DOCS: docs/fetch.md#make-demo
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.text import Text

from memcon.errors import MemconError
from memcon.fetch.frus import FetchResult, default_cache_dir, fetch_frus_volumes

DEMO_VOLUMES = ("frus1919Parisv01", "frus1918Russiav03", "frus1917Supp02v02", "frus1861")
"""Paris 1919 vol. I, Russia 1918 vol. III, 1917 Supplement 2 vol. II, and the first FRUS volume (1861)."""

DEMO_QUERY = '"Council of Ten"'
DEMO_DOCUMENT = "frus1919Parisv01/d337"
SERVE_MODES = ("yes", "check", "no")
"""``MEMCON_DEMO_SERVE``: serve until Ctrl-C (default), check the server once and stop, or not serve."""


def shared_extras() -> list[Path]:
    """The seeds, the vol. V excerpt and the authority folder of ``$MEMCON_SHARED`` (default
    ``../shared``) that exist: what the demo ingests beside the volumes."""
    shared = Path(os.environ.get("MEMCON_SHARED") or "../shared")
    candidates = [
        shared / "corpus" / "seeds",
        shared / "corpus" / "frus-excerpts" / "frus1961-63v05-d88.xml",
        shared / "authority",
    ]
    return [path for path in candidates if path.exists()]


def run_demo(
    *,
    db_path: Path | None = None,
    mirror: Path | None = None,
    cache_dir: Path | None = None,
    console: Console | None = None,
    serve: str | None = None,
) -> int:
    """Run the demo; return the exit status (0 when every step worked).

    ``db_path`` defaults to ``$MEMCON_DB`` or ``./memcon.db``; ``mirror`` to
    ``$MEMCON_MIRROR``; ``cache_dir`` to ``$MEMCON_CACHE`` or ``~/.cache/memcon``; ``serve``
    (one of :data:`SERVE_MODES`) to ``$MEMCON_DEMO_SERVE`` or ``yes``.
    """
    out = console or Console(highlight=False, soft_wrap=True)
    if serve is not None and serve not in SERVE_MODES:
        raise ValueError(f"serve must be one of {SERVE_MODES}, not {serve!r}")
    try:
        return _run(out, db_path=db_path, mirror=mirror, cache_dir=cache_dir, serve=serve)
    except MemconError as exc:
        out.print(Text(f"demo failed: {exc}", style="bold red"))
        return 1


def _run(
    out: Console, *, db_path: Path | None, mirror: Path | None, cache_dir: Path | None, serve: str | None
) -> int:
    from memcon.workspace import open_workspace, resolve_db_path

    db = resolve_db_path(db_path)

    with _step(out, f"1. Obtaining {len(DEMO_VOLUMES)} FRUS volumes"):
        results = fetch_frus_volumes(
            DEMO_VOLUMES, mirror=mirror, cache_dir=cache_dir, progress=_fetch_line(out)
        )
    if not all(r.ok for r in results):
        out.print(
            Text(
                "Some volumes could not be obtained (see docs/fetch.md). Offline, with the shared data "
                "beside the clone: MEMCON_MIRROR=../shared/corpus/frus make demo",
                style="red",
            )
        )
        return 1
    paths = [r.path for r in results if r.path is not None]
    extras = shared_extras()

    # Imported after the fetch so that step works (and fails helpfully) on its own.
    from memcon.cli.search import print_results
    from memcon.ingest import ingest_paths
    from memcon.model.render import render_document
    from memcon.search import search

    with _step(out, f"2. Ingesting them into {db}"):
        if extras:
            out.print(f"with {', '.join(str(p) for p in extras)}", markup=False)
        else:
            out.print(
                "no seeds or authority found (set MEMCON_SHARED): the web app will have no people, "
                "meetings or statements",
                markup=False,
            )
        report = ingest_paths([*paths, *extras], store_path=db, progress=sys.stderr.isatty())
        out.print(
            f"{report.volumes} volumes ingested ({report.documents:,} documents, {report.pages:,} printed pages, "
            f"{report.footnotes:,} footnotes), {report.unchanged} already up to date",
            markup=False,
        )
    for failure in report.errors:
        out.print(Text(f"  {failure.path}: {failure.error}", style="red"))
    if report.errors:
        return 1

    with open_workspace(db, create=False) as ws:
        with _step(out, "3. What the store holds"):
            stats = ws.store.stats()
            out.print(Text(f"  {'volume':<18} {'documents':>9}  {'dates':<23}  title", style="bold"))
            for v in ws.store.volumes():
                dates = f"{v.date_min or '?'} – {v.date_max or '?'}" if (v.date_min or v.date_max) else ""
                out.print(
                    f"  {v.id:<18} {v.documents:>9,}  {dates:<23}  {_short_title(v.title)}", markup=False
                )
            out.print(
                f"{stats.volumes} volumes, {stats.documents:,} documents, {stats.pages:,} page breaks, "
                f"{stats.footnotes:,} footnotes, {stats.annotations:,} annotations in {stats.path}",
                markup=False,
            )

        with _step(out, f"4. Searching {DEMO_QUERY}"):
            print_results(search(ws.index, DEMO_QUERY, limit=5))

        with _step(out, f"5. Reading {DEMO_DOCUMENT}"):
            out.print(render_document(ws.store.get_document(DEMO_DOCUMENT)), markup=False)

    _next_steps(out, db=db, default_db=db_path is None and not os.environ.get("MEMCON_DB"))
    mode = (serve or os.environ.get("MEMCON_DEMO_SERVE") or "yes").lower()
    if mode == "no":
        return 0
    from memcon.demo_serve import serve_demo

    with _step(out, "6. Serving the web app"):
        return serve_demo(db, out, check=mode == "check", document=DEMO_DOCUMENT, query=DEMO_QUERY)


def _short_title(title: str) -> str:
    """A volume title without the series' common opening."""
    for opening in (
        "Papers Relating to the Foreign Relations of the United States, ",
        "Foreign Relations of the United States, ",
    ):
        if title.startswith(opening):
            return title[len(opening) :]
    return title


@contextmanager
def _step(out: Console, title: str) -> Iterator[None]:
    out.print()
    out.rule(Text(title, style="bold"), align="left")
    started = time.perf_counter()
    yield
    out.print(Text(f"({time.perf_counter() - started:.1f} s)", style="dim"))


def _fetch_line(out: Console) -> Callable[[FetchResult], None]:
    def show(result: FetchResult) -> None:
        if result.error is None:
            out.print(
                Text.assemble(f"  {result.volume_id:<20} ", (result.source, "green"), f"  {result.path}")
            )
        else:
            out.print(
                Text.assemble(f"  {result.volume_id:<20} ", ("failed", "bold red"), f"  {result.error}")
            )

    return show


def _next_steps(out: Console, *, db: Path, default_db: bool) -> None:
    memcon = _memcon_command()
    cached = default_cache_dir() / "frus" / "frus1919Parisv02.xml"
    db_opt = "" if default_db else f" --db {shlex.quote(str(db))}"
    commands = [
        f"{memcon} search '\"Council of Ten\"'{db_opt}",
        f"{memcon} search 'NEAR(Wilson Clemenceau, 10)' --from 1919-01 --to 1919-03{db_opt}",
        f"{memcon} search 'Bolshevik* AND Archangel' --volume frus1918Russiav03{db_opt}",
        f"{memcon} show {DEMO_DOCUMENT}{db_opt}",
        f"{memcon} stats{db_opt}",
        f"{memcon} fetch frus frus1919Parisv02 && {memcon} ingest {_home(cached)}{db_opt}",
    ]
    out.print()
    out.rule(Text("Try next", style="bold"), align="left")
    for command in commands:
        out.print(f"  {command}", markup=False)


def _home(path: Path) -> str:
    """``path`` with the home folder written ``~``, quoted for the shell."""
    try:
        return "~/" + shlex.quote(str(path.relative_to(Path.home())))
    except ValueError:
        return shlex.quote(str(path))


def _memcon_command() -> str:
    """``memcon`` if it is on PATH, else the path of this interpreter's ``memcon`` script."""
    beside = Path(sys.executable).parent / "memcon"
    on_path = shutil.which("memcon")
    if on_path and (not beside.exists() or Path(on_path).resolve() == beside.resolve()):
        return "memcon"
    if beside.exists():
        try:
            return str(beside.relative_to(Path.cwd()))
        except ValueError:
            return str(beside)
    return "memcon"


def main() -> None:
    """Entry point of ``python -m memcon.demo``."""
    sys.exit(run_demo())


if __name__ == "__main__":
    main()
