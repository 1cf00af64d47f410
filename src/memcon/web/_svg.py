"""Charts drawn as SVG on the server (no JavaScript): a person's roles on a timeline, the people
they appear with most as an ego network, and meetings on a timeline.

Every chart is an ``<svg role="img">`` with an ``aria-label`` and a ``<title>``; each mark has its
own ``<title>`` (a tooltip) and links where it stands for a page.  The pages put a table with the
same figures beside each chart, for screen readers and for copying.  Every piece of archive text
is escaped here (the result is :class:`markupsafe.Markup`, inserted as is by the templates).

DOCS: docs/web.md#the-charts
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from urllib.parse import quote

from markupsafe import Markup

from memcon.authority.lookup import office_label
from memcon.model.people import Role
from memcon.web._people_queries import Companion, MeetingView

_FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'


def _e(text: str) -> str:
    return escape(text, quote=True)


def person_url(person_id: str) -> str:
    """The page of a person (ids hold a colon, kept readable)."""
    return "/people/" + quote(person_id, safe=":/")


def year_of(iso: str | None, *, end: bool = False) -> float | None:
    """``1953-09-14`` → 1953.70; a year alone is its first day (or its last, ``end``)."""
    if not iso or not iso[:4].isdigit():
        return None
    year = int(iso[:4])
    parts = iso[:10].split("-")
    if len(parts) == 1:
        return year + (1.0 if end else 0.0)
    month = int(parts[1]) if parts[1].isdigit() else 1
    if len(parts) == 2:
        return year + (month if end else month - 1) / 12
    day = int(parts[2]) if parts[2].isdigit() else 1
    return year + (month - 1) / 12 + (day - 1) / 365


def _ticks(low: float, high: float, *, most: int = 10) -> list[int]:
    span = max(high - low, 1.0)
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 200) if span / s <= most) if span / 200 <= most else 500
    first = math.ceil(low / step) * step
    return list(range(int(first), int(high) + 1, step))


def _svg_open(width: int, height: int, label: str, *, css_class: str) -> list[str]:
    return [
        f'<svg class="{css_class}" role="img" aria-label="{_e(label)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" {_FONT}>',
        f"<title>{_e(label)}</title>",
    ]


def _axis(parts: list[str], low: float, high: float, x: object, *, top: int, bottom: int) -> None:
    for tick in _ticks(low, high):
        px = x(tick)  # type: ignore[operator]
        parts.append(f'<line class="tick" x1="{px:.1f}" y1="{top}" x2="{px:.1f}" y2="{bottom}"/>')
        parts.append(f'<text class="tick-label" x="{px:.1f}" y="{bottom + 14}" text-anchor="middle" '
                     f'font-size="11">{tick}</text>')


def roles_timeline(roles: Sequence[Role], *, label: str, width: int = 900) -> Markup:
    """The dated roles as bars on a time axis, one lane each (the office on the left, the bar
    spanning start–end; an open end drawn to the start and marked); undated roles are left out
    of the chart (the table beside it lists them)."""
    dated = []
    for role in roles:
        start, end = year_of(role.start), year_of(role.end, end=True)
        if start is None and end is None:
            continue
        lo, hi = min(x for x in (start, end) if x is not None), max(x for x in (start, end) if x is not None)
        dated.append((role, lo, max(hi, lo + 1 / 12), role.end is None))
    if not dated:
        return Markup("")
    low = math.floor(min(d[1] for d in dated)) - 1
    high = math.ceil(max(d[2] for d in dated)) + 1
    lane, left, right = 18, 370, width - 10
    height = lane * len(dated) + 40

    def x(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    parts = _svg_open(width, height, label, css_class="chart roles-chart")
    _axis(parts, low, high, x, top=4, bottom=height - 24)
    for i, (role, lo, hi, is_open) in enumerate(dated):
        y = 8 + i * lane
        office = office_label(role)
        short = office if len(office) <= 58 else office[:56] + "…"
        dates = f"{role.start or '?'} – {role.end or 'open'}"
        parts.append(f'<g class="role{" open" if is_open else ""}"><title>{_e(office)}, {_e(dates)} '
                     f'({_e(role.source)})</title>')
        parts.append(f'<text x="{left - 6}" y="{y + 11}" text-anchor="end" font-size="11">{_e(short)}</text>')
        parts.append(f'<rect class="bar" x="{x(lo):.1f}" y="{y + 2}" width="{max(x(hi) - x(lo), 3):.1f}" '
                     f'height="{lane - 6}" rx="2"/>')
        if is_open:
            parts.append(f'<text x="{x(hi) + 3:.1f}" y="{y + 11}" font-size="11">…</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _short(name: str) -> str:
    """``Khrushchev, Nikita Sergeyevich`` → ``Khrushchev, N.``"""
    surname, _, rest = name.partition(",")
    rest = rest.strip()
    return f"{surname}, {rest[0]}." if rest else surname


def ego_network(center_id: str, center_name: str, companions: Sequence[Companion], *, label: str,
                width: int = 680, height: int = 440) -> Markup:
    """The person in the middle and the people they appear with most around them; an edge's width
    is the number of documents and meetings they share; every node links to its person page."""
    if not companions:
        return Markup("")
    cx, cy, radius = width / 2, height / 2, min(width, height) / 2 - 70
    top = max(c.weight for c in companions) or 1
    parts = _svg_open(width, height, label, css_class="chart network-chart")
    nodes = []
    for i, c in enumerate(companions):
        angle = -math.pi / 2 + 2 * math.pi * i / len(companions)
        nodes.append((c, cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle))
    for c, nx, ny, _ in nodes:
        stroke = 1 + 5 * c.weight / top
        parts.append(f'<line class="edge" x1="{cx:.1f}" y1="{cy:.1f}" x2="{nx:.1f}" y2="{ny:.1f}" '
                     f'stroke-width="{stroke:.1f}"/>')
    for c, nx, ny, angle in nodes:
        r = 6 + 8 * c.weight / top
        lx, ly = nx + (r + 4) * math.cos(angle), ny + (r + 4) * math.sin(angle) + 4
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        if anchor == "middle":
            ly += 8 if math.sin(angle) > 0 else -4
        counts = f"{c.documents} document(s) in common, {c.meetings} meeting(s) together"
        parts.append(f'<a class="node" href="{_e(person_url(c.person_id))}"><title>{_e(c.name)}: {counts}</title>'
                     f'<circle cx="{nx:.1f}" cy="{ny:.1f}" r="{r:.1f}"/>'
                     f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" font-size="12">{_e(_short(c.name))}'
                     f"</text></a>")
    parts.append(f'<g class="ego"><title>{_e(center_name)}</title><circle cx="{cx:.1f}" cy="{cy:.1f}" r="16"/>'
                 f'<text x="{cx:.1f}" y="{cy + 32:.1f}" text-anchor="middle" font-size="13" font-weight="bold">'
                 f"{_e(_short(center_name))}</text></g>")
    parts.append("</svg>")
    return Markup("".join(parts))


def meetings_timeline(meetings: Sequence[MeetingView], *, label: str, width: int = 900) -> Markup:
    """Dated meetings as marks on a time axis (marks on the same spot stack); each links to its
    first record and names its date, place and participants in its tooltip.  Undated meetings
    are not drawn: the page lists them apart."""
    dated = [(m, year_of(m.day)) for m in meetings if m.day]
    if not dated:
        return Markup("")
    years = [y for _, y in dated if y is not None]
    low, high = math.floor(min(years)) - 1, math.ceil(max(years)) + 1
    left, right = 20, width - 20

    def x(value: float) -> float:
        return left + (value - low) / (high - low) * (right - left)

    placed: list[tuple[MeetingView, float, int]] = []
    columns: dict[int, int] = {}
    for m, year in dated:
        px = x(year or low)
        key = round(px / 10)
        level = columns.get(key, 0)
        columns[key] = level + 1
        placed.append((m, px, level))
    levels = max(level for _, _, level in placed) + 1
    height = 60 + 16 * levels
    base = height - 30
    parts = _svg_open(width, height, label, css_class="chart meetings-chart")
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{right}" y2="{base}"/>')
    _axis(parts, low, high, x, top=10, bottom=base)
    for m, px, level in placed:
        who = "; ".join(a.name or a.text for _, side in m.sides for a in side)
        tip = f"{m.day} · {m.meeting.place or 'place unknown'} · {who or 'participants not recorded'}"
        href = m.documents[0].url if m.documents else "#meeting-" + m.meeting.id
        parts.append(f'<a class="mark" href="{_e(href)}"><title>{_e(tip)}</title>'
                     f'<circle cx="{px:.1f}" cy="{base - 10 - 16 * level}" r="6"/></a>')
    parts.append("</svg>")
    return Markup("".join(parts))
