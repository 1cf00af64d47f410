"""Facets with counts over the WHOLE result set of a search: dates, volumes, types, persons, places.

A search page shows ten hits but its facets count every matching document, so that a facet's count
is exactly the number of results its link gives (each link narrows the current search: the date
bars intersect the current ``from``/``to`` with the bar's years, the others add a filter).

How (``memcon.web.facets.v1``): the query and its filters are run once more on the tantivy index
for the addresses of *all* matching documents (no stored field is read); the dates come from the
index's fast fields ``date_min``/``date_max`` (so a bar counts exactly what the index's date filter
keeps: documents whose date range overlaps the bar's); the rest comes from a :class:`Catalogue`
built once per process from the database (each document's volume, type, dateline place and the
persons its mentions resolve to) and an address → document id map built once per index
generation.  Person and place filters are applied through the same catalogue, so counts and
filters cannot drift apart.

DOCS: docs/web.md#facets
"""

from __future__ import annotations

import calendar
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from memcon.errors import InvalidValue
from memcon.search.base import FullTextIndex, SearchFilters
from memcon.search.query import parse_query
from memcon.store.base import Store
from memcon.workspace import Workspace, index_path_for

METHOD = "memcon.web.facets.v1"
"""Name and version of the facet algorithm, reported with the facets (``/api/search``)."""
TOP_PERSONS = 15
TOP_PLACES = 12
DECADES_OVER = 30
"""A result set spanning more years than this is shown by decade."""
MONTHS_UNDER = 2
"""A result set within this many calendar years is shown by month."""
_CACHE_SIZE = 256


@dataclass(frozen=True, slots=True)
class Bucket:
    """One facet value: what it is, what it shows, how many results clicking it gives, and the
    filter value it sets (``value`` for lists; ``date_from``/``date_to`` for a date bar)."""

    value: str
    label: str
    count: int
    date_from: str | None = None
    date_to: str | None = None


@dataclass(frozen=True, slots=True)
class Facets:
    """The facets of one search; ``dates_by`` is ``year`` or ``decade``; ``undated`` counts the
    matching documents without a date (not in any bar)."""

    total: int
    dates: tuple[Bucket, ...]
    dates_by: str
    undated: int
    volumes: tuple[Bucket, ...]
    types: tuple[Bucket, ...]
    persons: tuple[Bucket, ...]
    places: tuple[Bucket, ...]
    method: str = METHOD


@dataclass(frozen=True, slots=True)
class _Facts:
    volume: str
    doc_type: str
    place: str | None
    persons: tuple[str, ...]


class Catalogue:
    """What the facets need to know of every stored document, read once from the store."""

    def __init__(self, store: Store) -> None:
        self.docs: dict[str, _Facts] = {
            row.document_id: _Facts(row.volume_id, row.doc_type, row.place, row.persons)
            for row in store.facet_rows()
        }
        self.volume_titles: dict[str, str] = {v.id: v.title for v in store.volumes()}
        named = {p for facts in self.docs.values() for p in facts.persons}
        self.person_names: dict[str, str] = store.person_names(named) if named else {}
        self._by_person: dict[str, frozenset[str]] = {}
        self._by_place: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()

    def documents_of_person(self, person_id: str) -> frozenset[str]:
        """The documents whose mentions resolve to ``person_id`` (in their text or footnotes)."""
        with self._lock:
            if not self._by_person:
                index: dict[str, set[str]] = {}
                for doc_id, facts in self.docs.items():
                    for p in facts.persons:
                        index.setdefault(p, set()).add(doc_id)
                self._by_person = {p: frozenset(d) for p, d in index.items()}
        return self._by_person.get(person_id, frozenset())

    def documents_at_place(self, place: str) -> frozenset[str]:
        """The documents whose dateline names ``place`` (exactly as stored)."""
        with self._lock:
            if not self._by_place:
                index: dict[str, set[str]] = {}
                for doc_id, facts in self.docs.items():
                    if facts.place:
                        index.setdefault(facts.place, set()).add(doc_id)
                self._by_place = {p: frozenset(d) for p, d in index.items()}
        return self._by_place.get(place, frozenset())


_catalogues: dict[tuple[Path, int], Catalogue] = {}
_cache: OrderedDict[tuple[object, ...], Facets] = OrderedDict()
_lock = threading.Lock()


def generation(db_path: Path) -> int:
    """When the index beside ``db_path`` last committed (every ingest ends with a commit): what
    the catalogue and the cache are valid for."""
    try:
        return (index_path_for(db_path) / "meta.json").stat().st_mtime_ns
    except OSError:
        return 0


def catalogue(ws: Workspace) -> Catalogue:
    """The :class:`Catalogue` of the workspace's database (built on first use, then shared by
    every thread; built again after an ingest)."""
    db_path = ws.db_path
    key = (db_path, generation(db_path))
    with _lock:
        found = _catalogues.get(key)
        if found is None:
            for old in [k for k in _catalogues if k[0] == db_path]:
                del _catalogues[old]
            found = _catalogues[key] = Catalogue(ws.store)
        return found


def restrict(
    filters: SearchFilters, cat: Catalogue, *, persons: Iterable[str] = (), place: str | None = None
) -> SearchFilters:
    """``filters`` narrowed to documents naming every one of ``persons`` and dated at ``place``."""
    allowed: frozenset[str] | None = filters.documents
    for person_id in persons:
        docs = cat.documents_of_person(person_id)
        allowed = docs if allowed is None else allowed & docs
    if place:
        docs = cat.documents_at_place(place)
        allowed = docs if allowed is None else allowed & docs
    if allowed is filters.documents:
        return filters
    return SearchFilters(
        date_from=filters.date_from,
        date_to=filters.date_to,
        volumes=filters.volumes,
        doc_types=filters.doc_types,
        documents=allowed,
    )


def _matching(index: FullTextIndex, text: str, filters: SearchFilters) -> tuple[list[str], list[int], list[int]]:
    """Ids and date bounds (YYYYMMDD, 0 when undated) of every document matching."""
    found = index.matching(parse_query(text), filters=filters)
    return list(found.doc_ids), list(found.date_min), list(found.date_max)


def _bounds(filters: SearchFilters) -> tuple[int, int]:
    low = int(filters.date_from.replace("-", "")) if filters.date_from else 0
    high = int(filters.date_to.replace("-", "")) if filters.date_to else 99991231
    return low, high


def _day(number: int) -> str:
    text = f"{number:08d}"
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


def _month_buckets(dated: list[tuple[int, int]], low: int, high: int) -> tuple[Bucket, ...]:
    def index(day: int) -> int:
        return day // 10000 * 12 + day // 100 % 100 - 1

    counts: Counter[int] = Counter()
    for lo, hi in dated:
        counts.update(range(index(lo), index(hi) + 1))
    buckets = []
    for m in range(min(index(lo) for lo, _ in dated), max(index(hi) for _, hi in dated) + 1):
        year, month = divmod(m, 12)
        last = calendar.monthrange(year, month + 1)[1]
        bar_from = max(low, year * 10000 + (month + 1) * 100 + 1)
        bar_to = min(high, year * 10000 + (month + 1) * 100 + last)
        label = f"{calendar.month_abbr[month + 1]} {year}"
        buckets.append(Bucket(f"{year:04d}-{month + 1:02d}", label, counts.get(m, 0), _day(bar_from), _day(bar_to)))
    return tuple(buckets)


def _date_buckets(lows: list[int], highs: list[int], filters: SearchFilters) -> tuple[tuple[Bucket, ...], str, int]:
    """Bars by month (results within two years), year, or decade (more than 30 years); a document
    counts in every bar its date range overlaps, as the date filter keeps it."""
    dated = [(lo, hi) for lo, hi in zip(lows, highs, strict=True) if lo and hi]
    undated = len(lows) - len(dated)
    if not dated:
        return (), "year", undated
    low, high = _bounds(filters)
    first = min(lo for lo, _ in dated) // 10000
    last = max(hi for _, hi in dated) // 10000
    if last - first + 1 <= MONTHS_UNDER:
        return _month_buckets(dated, low, high), "month", undated
    step = 10 if last - first + 1 > DECADES_OVER else 1
    counts: Counter[int] = Counter()
    for lo, hi in dated:
        counts.update(range(lo // 10000 // step * step, hi // 10000 // step * step + 1, step))
    buckets = []
    for start in range(first // step * step, last // step * step + 1, step):
        bar_from = max(low, start * 10000 + 101)
        bar_to = min(high, (start + step - 1) * 10000 + 1231)
        label = f"{start}s" if step == 10 else str(start)
        buckets.append(Bucket(str(start), label, counts.get(start, 0), _day(bar_from), _day(bar_to)))
    return tuple(buckets), "decade" if step == 10 else "year", undated


def _top(counter: Counter[str], names: dict[str, str], limit: int | None) -> tuple[Bucket, ...]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], names.get(kv[0], kv[0])))
    if limit is not None:
        ranked = ranked[:limit]
    return tuple(Bucket(value, names.get(value, value), count) for value, count in ranked)


def compute_facets(
    ws: Workspace, text: str, filters: SearchFilters, *, persons_limit: int = TOP_PERSONS,
    places_limit: int = TOP_PLACES,
) -> Facets:
    """The facets of query ``text`` under ``filters`` (already restricted by person and place with
    :func:`restrict`), counted over every matching document.  Cached per query and filters."""
    if persons_limit < 0 or places_limit < 0:
        raise InvalidValue("facet limits cannot be negative")
    key = (str(ws.db_path), generation(ws.db_path), text, filters, persons_limit, places_limit)
    with _lock:
        cached = _cache.get(key)
        if cached is not None:
            _cache.move_to_end(key)
            return cached
    cat = catalogue(ws)
    ids, lows, highs = _matching(ws.index, text, filters)
    dates, dates_by, undated = _date_buckets(lows, highs, filters)
    volumes: Counter[str] = Counter()
    types: Counter[str] = Counter()
    persons: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for doc_id in ids:
        facts = cat.docs.get(doc_id)
        if facts is None:
            continue
        volumes[facts.volume] += 1
        types[facts.doc_type] += 1
        persons.update(facts.persons)
        if facts.place:
            places[facts.place] += 1
    facets = Facets(
        total=len(ids),
        dates=dates,
        dates_by=dates_by,
        undated=undated,
        volumes=_top(volumes, cat.volume_titles, None),
        types=_top(types, {}, None),
        persons=_top(persons, cat.person_names, persons_limit),
        places=_top(places, {}, places_limit),
    )
    with _lock:
        _cache[key] = facets
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return facets
