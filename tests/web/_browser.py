"""Helpers of the browser tests: Debian Chromium driven by Playwright, screenshots as artifacts, and
the accessibility checks run inside the page (headings, labels, contrast).

Chromium is the system's (``/usr/bin/chromium``; CI installs it with apt-get) — never
``playwright install``.  Without it the browser tests are skipped, and fail when ``CI`` is set.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests._shared import ROOT

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1280, "height": 900}


def chromium() -> Path:
    """The system Chromium; skips the test without it (fails under CI)."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message + " — CI must have it")
    pytest.skip(message)


def artifacts_dir() -> Path:
    """Where screenshots go: ``$MEMCON_ARTIFACTS`` or ``build/screenshots/`` (gitignored)."""
    folder = Path(os.environ.get("MEMCON_ARTIFACTS", str(ROOT / "build" / "screenshots")))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot of ``page`` as ``NAME.png`` in the artifacts folder."""
    path = artifacts_dir() / (re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-") + ".png")
    page.screenshot(path=str(path), full_page=True)
    return path


HEADINGS_JS = """() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
    .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""

UNLABELLED_JS = """() => Array.from(document.querySelectorAll('input, select, textarea'))
    .filter(el => !['hidden', 'submit', 'button', 'reset', 'image'].includes(el.type))
    .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                  && !el.getAttribute('aria-labelledby'))
    .map(el => el.outerHTML.slice(0, 120))"""

CONTRAST_JS = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const background = el => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const failures = [];
  const seen = new Set();
  for (const el of document.querySelectorAll('main p, main li, main td, main th, main dd, main dt, main a, main label, main h1, main h2, main h3, main figcaption, main blockquote, main span, header a')) {
    if (!el.textContent.trim() || !el.getClientRects().length) continue;
    if (el.closest('svg') || el.closest('mark')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) < 0.5) continue;
    const fg = rgb(style.color).slice(0, 3), bg = background(el);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
    const key = style.color + '|' + bg.join(',') + '|' + needed;
    if (ratio < needed && !seen.has(key)) {
      seen.add(key);
      failures.push(`${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)} < ${needed} (${style.color} on rgb(${bg}))`);
    }
  }
  return failures;
}"""


def heading_problems(levels: list[list[Any]]) -> list[str]:
    """One h1, and no heading deeper than one level below the heading before it."""
    problems = []
    ones = [text for level, text in levels if level == 1]
    if len(ones) != 1:
        problems.append(f"{len(ones)} h1 elements: {ones}")
    previous = 0
    for level, text in levels:
        if level > previous + 1:
            problems.append(f"h{level} {text!r} follows h{previous}")
        previous = level
    return problems


def in_viewport(page: Any, selector: str) -> bool:
    """Whether the element ``selector`` is (at least partly) within the visible window."""
    box: bool = page.evaluate(
        """sel => { const el = document.querySelector(sel); if (!el) return false;
                    const r = el.getBoundingClientRect();
                    return r.bottom > 0 && r.top < window.innerHeight; }""",
        selector,
    )
    return box
