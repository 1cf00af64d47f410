"""Helpers shared by the tests (import as ``from tests._shared import …``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_path() -> Path:
    return Path(os.environ.get("MEMCON_SHARED", str(ROOT.parent / "shared"))).resolve()


def require(path: Path, what: str) -> Path:
    """Return ``path`` if it exists; otherwise skip (fail under CI)."""
    if path.exists():
        return path
    message = f"{what} not found at {path} (set MEMCON_SHARED)"
    if os.environ.get("CI"):
        pytest.fail(message + " — CI must have it")
    pytest.skip(message)


def frus_volume_paths() -> list[Path]:
    folder = shared_path() / "corpus" / "frus"
    return sorted(folder.glob("*.xml")) if folder.exists() else []
