"""Download one URL to one file: atomically, checked, retried.

This is the generic HTTP layer under every fetcher (FRUS now, the Wilson
Center later).  It knows nothing about volumes: a URL goes in, a complete file
comes out at ``dest`` or a :class:`memcon.errors.FetchError` is raised and
``dest`` is left as it was.

* The body is streamed to a temporary file in ``dest``'s folder and renamed
  onto ``dest`` only when it is complete, so there is never a half file at
  ``dest`` (not after a time-out, a truncated body, ``Ctrl-C`` or ``kill -9``;
  at worst a ``.<name>.*.part`` file is left behind in the folder).
* The bytes received are checked against ``Content-Length``; a short body is
  an error and is retried.
* Connection errors, time-outs, truncated bodies, 5xx, 408 and 429 are retried
  with exponential backoff (``backoff * 2**n`` seconds, or the server's
  ``Retry-After`` when it says longer, at most :data:`MAX_DELAY`); any other
  4xx fails at once.

DOCS: docs/fetch.md
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from pathlib import Path
from typing import IO

import httpx

from memcon import __version__
from memcon.errors import FetchError

USER_AGENT = f"memcon/{__version__} (diplomatic records toolkit; python-httpx/{httpx.__version__})"
"""Sent with every request so archive operators can see who is asking."""

RETRY_STATUSES = frozenset({408, 429})
"""Client-error statuses that mean "try again later" rather than "wrong URL"."""

MAX_DELAY = 30.0
"""The longest wait between two attempts, in seconds (also caps ``Retry-After``)."""

CHUNK_SIZE = 1 << 16

DEFAULT_HINT = (
    "check the URL and the volume id at https://history.state.gov/historicaldocuments, "
    "or set MEMCON_MIRROR to a folder that holds the files"
)


class _Retryable(Exception):
    """An attempt failed in a way worth another try; ``delay`` is the server's wish, if any."""

    def __init__(self, reason: str, *, delay: float = 0.0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.delay = delay


def download(
    url: str,
    dest: Path,
    *,
    timeout: float = 30.0,
    retries: int = 3,
    backoff: float = 0.5,
    client: httpx.Client | None = None,
    expected_sha256: str | None = None,
    hint: str = DEFAULT_HINT,
) -> Path:
    """Download ``url`` to ``dest`` atomically and return ``dest``.

    ``timeout`` bounds each network wait (connect, each read) in seconds;
    ``retries`` is how many more attempts follow a failed first one (so at most
    ``retries + 1`` requests).  Pass ``client`` to share connections between
    downloads (its own time-out is overridden by ``timeout``; its User-Agent is
    kept unless it is httpx's default).  With
    ``expected_sha256`` a body with another digest is refused.  ``hint`` is
    what the error tells the user to do when the server says the URL is wrong.

    Raises :class:`memcon.errors.FetchError` naming the URL and what to do;
    ``dest`` is then untouched.

    DOCS: docs/fetch.md#downloads
    """
    if retries < 0:
        raise ValueError("retries must be >= 0")
    dest = Path(dest)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FetchError(
            f"cannot create the folder {dest.parent}: {exc.strerror or exc}",
            url=url,
            hint="choose a writable cache folder (--cache or MEMCON_CACHE)",
        ) from exc
    own_client = client is None
    http = client if client is not None else make_client(timeout=timeout)
    try:
        return _download_with_retries(
            http,
            url,
            dest,
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            expected_sha256=expected_sha256,
            hint=hint,
        )
    finally:
        if own_client:
            http.close()


def make_client(*, timeout: float = 30.0) -> httpx.Client:
    """An ``httpx.Client`` with memcon's User-Agent, redirects followed, ``timeout`` seconds."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT},
        follow_redirects=True,
    )


def _download_with_retries(
    http: httpx.Client,
    url: str,
    dest: Path,
    *,
    timeout: float,
    retries: int,
    backoff: float,
    expected_sha256: str | None,
    hint: str,
) -> Path:
    last: _Retryable | None = None
    for attempt in range(retries + 1):
        if last is not None:
            time.sleep(min(MAX_DELAY, max(backoff * 2 ** (attempt - 1), last.delay)))
        try:
            _attempt(http, url, dest, timeout=timeout, expected_sha256=expected_sha256, hint=hint)
            return dest
        except _Retryable as exc:
            last = exc
    assert last is not None
    attempts = retries + 1
    raise FetchError(
        f"download failed after {attempts} attempt{'s' if attempts > 1 else ''}: {last.reason}",
        url=url,
        hint="check the network connection and try again, perhaps with a longer --timeout or more "
        "--retries; or set MEMCON_MIRROR to a folder that holds the files",
    ) from last.__cause__


def _attempt(
    http: httpx.Client,
    url: str,
    dest: Path,
    *,
    timeout: float,
    expected_sha256: str | None,
    hint: str,
) -> None:
    """One request; on success the body is at ``dest``.  Raises ``_Retryable`` or ``FetchError``."""
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as out:
            digest = _stream_to(http, url, out, timeout=timeout, hint=hint)
            out.flush()
            os.fsync(out.fileno())
        if expected_sha256 is not None and digest != expected_sha256.lower():
            raise FetchError(
                f"the body's sha256 is {digest}, expected {expected_sha256}",
                url=url,
                hint="the file changed at the source or was damaged on the way; "
                "check the expected digest or download it again",
            )
        os.replace(tmp, dest)
    except OSError as exc:
        raise FetchError(
            f"cannot write {dest}: {exc.strerror or exc}",
            url=url,
            hint="check free space and permissions of the cache folder (--cache or MEMCON_CACHE)",
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()


def _stream_to(http: httpx.Client, url: str, out: IO[bytes], *, timeout: float, hint: str) -> str:
    """Stream the body of ``GET url`` into ``out``; return its sha256 (of the decoded bytes)."""
    hasher = hashlib.sha256()
    written = 0
    try:
        # A caller's client keeps its own User-Agent unless it is httpx's default.
        agent = http.headers.get("User-Agent", "")
        headers = {"User-Agent": USER_AGENT} if agent.startswith("python-httpx") else None
        with http.stream("GET", url, timeout=timeout, headers=headers) as response:
            _check_status(response, url, hint=hint)
            for chunk in response.iter_bytes(CHUNK_SIZE):
                out.write(chunk)
                hasher.update(chunk)
                written += len(chunk)
            # Content-Length counts the bytes on the wire: compressed ones when the
            # server gzips (raw.githubusercontent.com does), which httpx counts in
            # num_bytes_downloaded; otherwise exactly the bytes written.
            encoded = response.headers.get("Content-Encoding", "identity").lower() != "identity"
            received = response.num_bytes_downloaded if encoded else written
            expected = response.headers.get("Content-Length", "")
            if expected.isdigit() and received < int(expected):
                raise _Retryable(f"truncated body: received {received} of {expected} bytes")
    except (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.TooManyRedirects) as exc:
        raise FetchError(f"cannot request this URL: {exc}", url=url, hint=hint) from exc
    except httpx.TimeoutException as exc:
        raise _Retryable(f"timed out after {timeout:g} s ({type(exc).__name__})") from exc
    except httpx.RequestError as exc:
        raise _Retryable(f"{type(exc).__name__}: {exc}") from exc
    return hasher.hexdigest()


def _check_status(response: httpx.Response, url: str, *, hint: str) -> None:
    status = response.status_code
    if status < 400:
        return
    reason = f"HTTP {status} {response.reason_phrase}".rstrip()
    if status >= 500 or status in RETRY_STATUSES:
        raise _Retryable(reason, delay=_retry_after(response))
    raise FetchError(reason, url=url, hint=hint)


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("Retry-After", "").strip()
    return float(value) if value.isdigit() else 0.0
