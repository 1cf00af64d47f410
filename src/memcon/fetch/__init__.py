"""Obtain source files: FRUS volumes and Wilson Center records from a mirror, the cache or the web.

:mod:`memcon.fetch.http` is the generic, source-agnostic download layer
(atomic, checked, retried); :mod:`memcon.fetch.frus` knows where FRUS volumes
live, :mod:`memcon.fetch.wilson` the Digital Archive's API records and their texts.

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
from memcon.fetch.wilson import WilsonFetchResult, fetch_wilson_records

__all__ = [
    "FRUS_RAW_URL",
    "USER_AGENT",
    "FetchResult",
    "FetchSource",
    "WilsonFetchResult",
    "default_cache_dir",
    "default_mirror",
    "download",
    "fetch_frus_volumes",
    "fetch_wilson_records",
    "frus_url",
]
