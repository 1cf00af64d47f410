"""memcon.authority: one authority of persons — who is who, under which names, in which offices
and when — built from HistoryAtState ``people/``, POCOM, the presidents list, foreign leaders'
visits and the persons lists of the ingested FRUS volumes.

* loaders, one per source: :mod:`.hsg_people`, :mod:`.pocom`, :mod:`.presidents`,
  :mod:`.visits`, :mod:`.volume_persons` (descriptions parsed by :mod:`.titles`);
* :mod:`.build` — identity merging (``memcon.authority.v1``) into stable ``memcon:`` ids;
* :mod:`.load` — :func:`is_authority_folder`, :func:`load_authority`, :func:`ingest_authority`;
* :mod:`.lookup` — :class:`Authority`, what the linker and the title resolver ask.

Names are imported lazily, so ``memcon.store`` can use the name helpers without a cycle.

DOCS: docs/authority.md
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ALGORITHM": "memcon.authority.build",
    "build_authority": "memcon.authority.build",
    "AuthorityReport": "memcon.authority.load",
    "ingest_authority": "memcon.authority.load",
    "is_authority_folder": "memcon.authority.load",
    "load_authority": "memcon.authority.load",
    "Authority": "memcon.authority.lookup",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'memcon.authority' has no attribute {name!r}")
