"""The printed number of a TEI page break.

DOCS: docs/architecture.md#records
"""

from __future__ import annotations

import re
from functools import lru_cache

_BRACKETED = re.compile(r"^\[([0-9]+|[IVXLCDM]+|[ivxlcdm]+)\]$")  # frus1864p4 n="[326]", n="[III]"
_PAGE_ID = re.compile(r"^pg_([0-9]+|[IVXLCDM]+|[ivxlcdm]+)$")  # pg_326; not pg-seq-7 (a scan number)


@lru_cache(maxsize=4096)
def page_number(n: str, xml_id: str | None) -> str:
    """The printed number of a ``pb``: ``[326]`` → ``326``; an empty ``@n`` (``""``, ``[]``: blank
    plates, frus1870 d541) → the number of its ``pg_N`` id, else ``""`` (no marker is rendered)."""
    m = _BRACKETED.match(n)
    if m:
        return m.group(1)
    if not n.strip("[] "):
        m = _PAGE_ID.match(xml_id or "")
        return m.group(1) if m else ""
    return n
