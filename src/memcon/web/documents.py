"""Web part `documents` (see memcon.web): its HTML pages and its /api routes.

DOCS: docs/web.md
"""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
