"""Obtain FRUS TEI volumes: from a mirror folder, from the cache, or by download.

For each volume id, in this order:

1. **mirror** — ``mirror`` argument, else ``$MEMCON_MIRROR``: a folder holding
   ``<id>.xml`` files (CI, offline work, a local clone of HistoryAtState/frus's
   ``volumes/``).  The file is used where it is, never copied.  When a mirror is
   set and lacks the file, that volume fails with an error naming the mirror
   path: nothing is downloaded behind the user's back.
2. **cache** — ``cache_dir`` argument, else ``$MEMCON_CACHE``, else
   ``$XDG_CACHE_HOME/memcon`` (``~/.cache/memcon``); volumes live under
   ``frus/<id>.xml``.  Downloads are atomic, so a file there is complete.
3. **download** — from ``base_url`` (argument, else ``$MEMCON_FRUS_URL``, else
   :data:`FRUS_RAW_URL`) into the cache, through :func:`memcon.fetch.http.download`.

Volume ids must match :data:`VOLUME_ID_RE` (``frus1961-63v05``), so no id can
name a path outside the mirror or the cache.  One failed volume does not stop
the others: its :class:`FetchResult` holds the error.

DOCS: docs/fetch.md
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import httpx

from memcon.errors import FetchError
from memcon.fetch.http import download, make_client

FRUS_RAW_URL = "https://raw.githubusercontent.com/HistoryAtState/frus/master/volumes/{id}.xml"
"""Where HistoryAtState publishes each volume's TEI file (``volumes/<id>.xml`` of its ``frus`` repository)."""

VOLUME_ID_RE = re.compile(r"frus[0-9A-Za-z-]+")
"""A FRUS volume id (whole string): ``frus1861``, ``frus1919Parisv01``, ``frus1961-63v05``."""

FetchSource = Literal["mirror", "cache", "download"]

ENV_MIRROR = "MEMCON_MIRROR"
ENV_CACHE = "MEMCON_CACHE"
ENV_FRUS_URL = "MEMCON_FRUS_URL"

FRUS_HINT = (
    "check the volume id at https://history.state.gov/historicaldocuments, where ids look like "
    "frus1961-63v05, or set MEMCON_MIRROR to a folder of <id>.xml files"
)


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What became of one volume id.

    ``path`` is where the volume is (or would have been) on disk: the mirror's
    file, or the cache file; ``None`` only for an invalid id.  ``source`` says
    where it came from (or where obtaining it failed); ``error`` is ``None`` on
    success.
    """

    volume_id: str
    path: Path | None
    source: FetchSource
    error: FetchError | None = None

    @property
    def ok(self) -> bool:
        """True when the volume is on disk at ``path``."""
        return self.error is None


def default_cache_dir() -> Path:
    """``$MEMCON_CACHE``, else ``$XDG_CACHE_HOME/memcon``, else ``~/.cache/memcon``."""
    if env := os.environ.get(ENV_CACHE):
        return Path(env).expanduser()
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg).expanduser() / "memcon"
    return Path.home() / ".cache" / "memcon"


def default_mirror() -> Path | None:
    """``$MEMCON_MIRROR`` as a path, or ``None`` when unset or empty."""
    env = os.environ.get(ENV_MIRROR)
    return Path(env).expanduser() if env else None


def frus_url(volume_id: str, *, base_url: str | None = None) -> str:
    """The download URL of a volume.

    ``base_url`` (else ``$MEMCON_FRUS_URL``, else :data:`FRUS_RAW_URL`) is either a
    template holding ``{id}`` or a folder URL to which ``<id>.xml`` is appended.
    """
    base = base_url or os.environ.get(ENV_FRUS_URL) or FRUS_RAW_URL
    if "{id}" in base:
        return base.replace("{id}", volume_id)
    return f"{base.rstrip('/')}/{volume_id}.xml"


def check_volume_id(volume_id: str) -> str:
    """Return ``volume_id`` if it is a well-formed FRUS id; raise ``FetchError`` otherwise."""
    if not VOLUME_ID_RE.fullmatch(volume_id):
        raise FetchError(
            f"{volume_id!r} is not a FRUS volume id",
            hint="ids are 'frus' followed by letters, digits and hyphens, e.g. frus1961-63v05; "
            "see https://history.state.gov/historicaldocuments",
        )
    return volume_id


def fetch_frus_volumes(
    volume_ids: Sequence[str],
    *,
    cache_dir: Path | None = None,
    mirror: Path | None = None,
    base_url: str | None = None,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 0.5,
    progress: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Make each FRUS volume available on disk; return one :class:`FetchResult` per id, in order.

    Looks in ``mirror`` (else ``$MEMCON_MIRROR``), then in the cache
    (``cache_dir``, else :func:`default_cache_dir`), then downloads into the
    cache from ``base_url`` (see :func:`frus_url`).  ``timeout``, ``retries`` and
    ``backoff`` go to :func:`memcon.fetch.http.download`.  ``progress`` is called
    with each result as soon as it is known.  Never raises for a single volume:
    failures are in ``FetchResult.error``.

    Example::

        results = fetch_frus_volumes(["frus1861"], mirror=Path("../shared/corpus/frus"))
        paths = [r.path for r in results if r.ok]

    DOCS: docs/fetch.md
    """
    mirror = mirror if mirror is not None else default_mirror()
    cache = (cache_dir if cache_dir is not None else default_cache_dir()) / "frus"
    results: list[FetchResult] = []
    client: httpx.Client | None = None

    def fetch(url: str, dest: Path) -> None:
        nonlocal client
        if client is None:
            client = make_client(timeout=timeout)
        download(url, dest, timeout=timeout, retries=retries, backoff=backoff, client=client, hint=FRUS_HINT)

    try:
        for volume_id in volume_ids:
            if mirror is not None:
                result = _from_mirror(volume_id, mirror)
            else:
                result = _from_cache_or_download(volume_id, cache, base_url=base_url, fetch=fetch)
            results.append(result)
            if progress is not None:
                progress(result)
    finally:
        if client is not None:
            client.close()
    return results


def _from_mirror(volume_id: str, mirror: Path) -> FetchResult:
    try:
        check_volume_id(volume_id)
    except FetchError as exc:
        return FetchResult(volume_id, None, "mirror", exc)
    path = mirror / f"{volume_id}.xml"
    if not mirror.is_dir():
        error = FetchError(
            f"the mirror folder {mirror} does not exist",
            hint="point MEMCON_MIRROR (or --mirror) at a folder of <id>.xml files, or unset it to download",
        )
    elif not path.is_file():
        error = FetchError(
            f"{volume_id}.xml is not in the mirror {mirror}",
            hint="add the file to the mirror, or unset MEMCON_MIRROR and --mirror to download it",
        )
    else:
        return FetchResult(volume_id, path, "mirror")
    return FetchResult(volume_id, path, "mirror", error)


def _from_cache_or_download(
    volume_id: str,
    cache: Path,
    *,
    base_url: str | None,
    fetch: Callable[[str, Path], None],
) -> FetchResult:
    try:
        check_volume_id(volume_id)
    except FetchError as exc:
        return FetchResult(volume_id, None, "download", exc)
    path = cache / f"{volume_id}.xml"
    if path.is_file() and path.stat().st_size > 0:
        return FetchResult(volume_id, path, "cache")
    try:
        fetch(frus_url(volume_id, base_url=base_url), path)
    except FetchError as exc:
        return FetchResult(volume_id, path, "download", exc)
    return FetchResult(volume_id, path, "download")
