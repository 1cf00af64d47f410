"""Obtain Wilson Center Digital Archive records: the API's JSON with its texts inlined.

For each record id, :func:`fetch_wilson_records` writes ``DEST/<id>.json``: the record as
the archive's API returns it (``/srv/record/<id>.json``, the API of the PyPI client
``digitalarchive``), with the HTML of each translation and transcript that the record lists
as a separate resource (``"url": "/transcripts/33548.html"``) put in that entry's ``html``
key, as the client's ``hydrate(recurse=True)`` does.  That is the "inline" layout that
:mod:`memcon.readers.wilson_json` reads (docs/formats.md).  Scans (``media_files``) and
PDF texts are not downloaded.

Each resource (the record, each text) comes, in this order, from:

1. **mirror** — ``mirror`` argument, else ``$MEMCON_MIRROR``: a folder holding the record
   as ``<id>.json`` (a memcon record, texts inline or beside it as
   ``<id>.<kind>-<asset id>.html``) or a copy of the site (``srv/record/<id>.json``,
   ``transcripts/<asset>.html``).  Nothing is downloaded when a mirror is set: a missing
   file fails the record with an error naming the mirror path.
2. **cache** — ``cache_dir`` (else :func:`memcon.fetch.frus.default_cache_dir`) under
   ``wilson/``, by the resource's path on the site (``wilson/srv/record/114511.json``).
3. **download** — from ``base_url`` (else ``$MEMCON_WILSON_URL``, else :data:`WILSON_SITE`)
   into the cache through :func:`memcon.fetch.http.download` (atomic, checked, retried).

``DEST/<id>.json`` is written atomically once every text is at hand, so a failed record
leaves nothing in ``dest`` (and only complete files in the cache).  One failed record does
not stop the others: its :class:`WilsonFetchResult` holds the error.

DOCS: docs/fetch.md#wilson-center-records
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from memcon.errors import FetchError
from memcon.fetch.frus import ENV_MIRROR, FetchSource, default_cache_dir, default_mirror
from memcon.fetch.http import download, make_client

WILSON_SITE = "https://digitalarchive.wilsoncenter.org"
"""The Digital Archive: records at ``/srv/record/<id>.json``, texts at the paths the records give."""

ENV_WILSON_URL = "MEMCON_WILSON_URL"

RECORD_ID_RE = re.compile(r"[0-9]{1,10}")
"""A Digital Archive record id (whole string): ``114511``."""

_RECORD_URL = re.compile(r"^https?://[^/]+/(?:document|srv/record|record)/([0-9]{1,10})(?:\.json)?/?(?:[?#].*)?$")
_ASSET_PATH = re.compile(r"^/(?:[A-Za-z0-9_.-]+/)*[A-Za-z0-9_.-]+$")
_TEXT_EXTENSIONS = frozenset({"html", "htm", "txt"})
ASSET_KINDS = (("translations", "translation"), ("transcripts", "transcript"))
"""The record's lists of texts and the kind each entry is (the reader's file names use the kind)."""

WILSON_HINT = (
    "check the record id: it is the number at the end of the record's address, "
    "https://digitalarchive.wilsoncenter.org/document/<id>; or set MEMCON_MIRROR to a folder of <id>.json files"
)


@dataclass(frozen=True, slots=True)
class WilsonFetchResult:
    """What became of one record id.

    ``path`` is ``DEST/<id>.json`` (written only on success; ``None`` for an invalid id);
    ``source`` where the record came from: ``download`` when anything was requested,
    ``cache`` when all of it was cached, ``mirror``; ``texts`` how many translation and
    transcript texts the file holds; ``error`` is ``None`` on success.
    """

    record_id: str
    path: Path | None
    source: FetchSource
    texts: int = 0
    error: FetchError | None = None

    @property
    def ok(self) -> bool:
        """True when the record is on disk at ``path``."""
        return self.error is None


def wilson_base_url(base_url: str | None = None) -> str:
    """``base_url``, else ``$MEMCON_WILSON_URL``, else :data:`WILSON_SITE`, without a trailing slash."""
    return (base_url or os.environ.get(ENV_WILSON_URL) or WILSON_SITE).rstrip("/")


def wilson_record_url(record_id: str, *, base_url: str | None = None) -> str:
    """The API address of a record: ``<base>/srv/record/<id>.json``."""
    return f"{wilson_base_url(base_url)}/srv/record/{record_id}.json"


def check_record_id(value: str) -> str:
    """The record id of ``value`` (an id, or a record's address on the site or the API).

    Raises :class:`FetchError` for anything else, so no id can name a path outside ``dest``,
    the mirror or the cache.
    """
    if RECORD_ID_RE.fullmatch(value):
        return value
    m = _RECORD_URL.match(value)
    if m:
        return m.group(1)
    raise FetchError(f"{value!r} is not a Wilson Center record id", hint=WILSON_HINT)


def fetch_wilson_records(
    record_ids: Sequence[str],
    *,
    dest: Path,
    cache_dir: Path | None = None,
    mirror: Path | None = None,
    base_url: str | None = None,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 0.5,
    progress: Callable[[WilsonFetchResult], None] | None = None,
) -> list[WilsonFetchResult]:
    """Write each record, with its texts inlined, to ``dest/<id>.json``; one result per id, in order.

    ``record_ids`` are ids (``114511``) or record addresses
    (``https://digitalarchive.wilsoncenter.org/document/114511``).  See the module docstring
    for where each resource comes from.  ``timeout``, ``retries`` and ``backoff`` go to
    :func:`memcon.fetch.http.download`; ``progress`` is called with each result as soon as
    it is known.  Never raises for a single record: failures are in ``WilsonFetchResult.error``.

    Example::

        results = fetch_wilson_records(["114511"], dest=Path("wilson"))
        paths = [r.path for r in results if r.ok]

    DOCS: docs/fetch.md#wilson-center-records
    """
    fetcher = _Fetcher(
        dest=Path(dest), mirror=mirror if mirror is not None else default_mirror(),
        cache=(cache_dir if cache_dir is not None else default_cache_dir()) / "wilson",
        base=wilson_base_url(base_url), timeout=timeout, retries=retries, backoff=backoff,
    )
    results: list[WilsonFetchResult] = []
    try:
        for value in record_ids:
            result = fetcher.fetch(value)
            results.append(result)
            if progress is not None:
                progress(result)
    finally:
        fetcher.close()
    return results


class _Fetcher:
    """One batch: a shared HTTP client, the mirror or the cache, the destination folder."""

    def __init__(self, *, dest: Path, mirror: Path | None, cache: Path, base: str, timeout: float,
                 retries: int, backoff: float) -> None:
        self.dest, self.mirror, self.cache, self.base = dest, mirror, cache, base
        self.timeout, self.retries, self.backoff = timeout, retries, backoff
        self.client: httpx.Client | None = None
        self.downloaded = False

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    def fetch(self, value: str) -> WilsonFetchResult:
        source: FetchSource = "mirror" if self.mirror is not None else "download"
        try:
            record_id = check_record_id(value)
        except FetchError as exc:
            return WilsonFetchResult(value, None, source, error=exc)
        path = self.dest / f"{record_id}.json"
        self.downloaded = False
        try:
            record = self._record(record_id)
            texts = self._inline_texts(record_id, record)
            _write_json(path, record)
        except FetchError as exc:
            return WilsonFetchResult(record_id, path, source, error=exc)
        if self.mirror is None:
            source = "download" if self.downloaded else "cache"
        return WilsonFetchResult(record_id, path, source, texts=texts)

    # ------------------------------------------------------------------ resources

    def _record(self, record_id: str) -> dict[str, Any]:
        site_path = f"/srv/record/{record_id}.json"
        if self.mirror is not None:
            found = self._in_mirror(record_id, "the record", (f"{record_id}.json", site_path.lstrip("/")))
            data = found.read_bytes()
        else:
            data = self._cached(record_id, "the record", site_path)
        try:
            record = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._forget(site_path)
            raise FetchError(
                f"Wilson record {record_id}: the archive's answer is not a JSON record ({exc})",
                url=wilson_record_url(record_id, base_url=self.base),
                hint="fetch it again; if this persists, the archive's API may have changed (docs/fetch.md)",
            ) from exc
        if not isinstance(record, dict) or str(record.get("id", record_id)) != record_id:
            raise FetchError(
                f"Wilson record {record_id}: the answer is not the record asked for",
                url=wilson_record_url(record_id, base_url=self.base), hint=WILSON_HINT,
            )
        return record

    def _inline_texts(self, record_id: str, record: dict[str, Any]) -> int:
        """Put each listed text's HTML in its ``html`` key; return how many texts have HTML."""
        count = 0
        for key, kind in ASSET_KINDS:
            entries = record.get(key) or []
            if not isinstance(entries, list):
                continue
            for entry in entries:
                if not isinstance(entry, dict):
                    continue
                if isinstance(entry.get("html"), str) and entry["html"].strip():
                    count += 1
                    continue
                url = entry.get("url")
                extension = str(entry.get("extension") or Path(str(url or "")).suffix.lstrip(".")).lower()
                if not isinstance(url, str) or extension not in _TEXT_EXTENSIONS:
                    continue  # a PDF or a text without an address: nothing to inline
                what = f"{kind} {entry.get('id', '?')}"
                site_path = self._asset_path(record_id, what, url)
                if self.mirror is not None:
                    beside = f"{record_id}.{kind}-{entry.get('id')}.html"
                    data = self._in_mirror(record_id, what, (beside, site_path.lstrip("/"))).read_bytes()
                else:
                    data = self._cached(record_id, what, site_path)
                entry["html"] = _decode_html(data)
                count += 1
        return count

    def _asset_path(self, record_id: str, what: str, url: str) -> str:
        """The site path of a text's address; refuses one that leaves the archive or climbs out."""
        path = url[len(self.base):] if url.startswith(self.base + "/") else url
        path = re.sub(r"^https?://digitalarchive\.wilsoncenter\.org(?=/)", "", path)
        if not _ASSET_PATH.match(path) or any(part in (".", "..") for part in path.split("/")):
            raise FetchError(
                f"Wilson record {record_id}: the address of its {what}, {url!r}, is not a path of the archive",
                hint="memcon only follows the archive's own addresses; report the record at "
                "https://digitalarchive.wilsoncenter.org",
            )
        return path

    def _in_mirror(self, record_id: str, what: str, names: tuple[str, ...]) -> Path:
        assert self.mirror is not None
        if not self.mirror.is_dir():
            raise FetchError(
                f"the mirror folder {self.mirror} does not exist",
                hint=f"point {ENV_MIRROR} (or --mirror) at a folder of <id>.json files, or unset it to download",
            )
        for name in names:
            candidate = self.mirror / name
            if candidate.is_file():
                return candidate
        listed = " nor ".join(str(self.mirror / name) for name in names)
        raise FetchError(
            f"Wilson record {record_id}: {what} is not in the mirror (neither {listed})",
            hint=f"add the file to the mirror, or unset {ENV_MIRROR} and --mirror to download it",
        )

    def _cached(self, record_id: str, what: str, site_path: str) -> bytes:
        """The bytes of ``site_path`` from the cache, downloading them into it first if needed."""
        path = self.cache / site_path.lstrip("/")
        if not (path.is_file() and path.stat().st_size > 0):
            url = self.base + site_path
            if self.client is None:
                self.client = make_client(timeout=self.timeout)
            try:
                download(url, path, timeout=self.timeout, retries=self.retries, backoff=self.backoff,
                         client=self.client, hint=WILSON_HINT)
            except FetchError as exc:
                raise _about(exc, record_id, what) from exc
            self.downloaded = True
        try:
            return path.read_bytes()
        except OSError as exc:
            raise FetchError(f"Wilson record {record_id}: cannot read {path}: {exc.strerror or exc}",
                             hint="check the cache folder (--cache or MEMCON_CACHE)") from exc

    def _forget(self, site_path: str) -> None:
        """Drop a cached file that proved unusable, so the next run downloads it again."""
        if self.mirror is None:
            with contextlib.suppress(OSError):
                (self.cache / site_path.lstrip("/")).unlink()


def _about(exc: FetchError, record_id: str, what: str) -> FetchError:
    """``exc`` restated to name the record and the resource (its URL is kept)."""
    error = FetchError(f"Wilson record {record_id}, {what}: {exc.message}", hint=exc.hint)
    error.url = exc.url
    return error


def _decode_html(data: bytes) -> str:
    """A text's HTML as a string: UTF-8 (with or without a BOM), else its declared charset, else cp1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
        if m:
            with contextlib.suppress(LookupError, UnicodeDecodeError):
                return data.decode(m.group(1).decode("ascii"))
        return data.decode("cp1252", errors="replace")


def _write_json(path: Path, record: dict[str, Any]) -> None:
    """Write ``record`` to ``path`` atomically (a temporary file renamed onto it when complete)."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False, indent=1)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        raise FetchError(f"cannot write {path}: {exc.strerror or exc}",
                         hint="choose a writable --dest folder with free space") from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


__all__ = [
    "ENV_WILSON_URL",
    "WILSON_SITE",
    "WilsonFetchResult",
    "check_record_id",
    "fetch_wilson_records",
    "wilson_base_url",
    "wilson_record_url",
]
