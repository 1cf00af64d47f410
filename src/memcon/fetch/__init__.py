"""Obtain source files: FRUS volumes from a mirror, the cache or the web.

:mod:`memcon.fetch.http` is the generic, source-agnostic download layer
(atomic, checked, retried); :mod:`memcon.fetch.frus` knows where FRUS volumes
live.  A Wilson Center fetcher will sit beside it on the same HTTP layer.

DOCS: docs/fetch.md
"""

from memcon.fetch.frus import (
    FRUS_RAW_URL,
    FetchResult,
    FetchSource,
    default_cache_dir,
    default_mirror,
    fetch_frus_volumes,
    frus_url,
)
from memcon.fetch.http import USER_AGENT, download

__all__ = [
    "FRUS_RAW_URL",
    "USER_AGENT",
    "FetchResult",
    "FetchSource",
    "default_cache_dir",
    "default_mirror",
    "download",
    "fetch_frus_volumes",
    "frus_url",
]
