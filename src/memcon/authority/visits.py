"""Visits of foreign leaders to the United States (``visits/data/*.xml``) → :class:`Person`
records whose roles are the visitors' titles at the time of each visit.

The list names a visitor as "Premier Khrushchev" or "President Carlos Mauricio Funes": the
title is the leading words found in :data:`VISITOR_TITLES` (the longest that fits), the rest
is the name.  Every visit is a role dated by the visit (``start-date``–``end-date``): the only
dates the list vouches for.  ``side`` and ``organisation`` are the visitor's country at that
date (``russia`` in 1959 is the Soviet Union).  Visits under the same name from the same
country are one person, key ``visit:russia/premier-khrushchev`` — the key HistoryAtState
``people/`` records carry for the same visitor, so the merger joins them.

DOCS: docs/authority.md#sources
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from memcon.authority._names import slug, split_name, territory
from memcon.authority._xml import parse, text
from memcon.model.people import NameVariant, Person, Role

SOURCE = "visits"
LOADER = "memcon.authority.visits"
VERSION = "1"

VISITOR_TITLES = tuple(
    sorted(
        """President|Prime Minister|Premier|King|Queen|Chancellor|Federal Chancellor|Emperor|Empress|Shah
        |Sultan|Amir|Emir|Sheikh|Prince|Princess|Crown Prince|Grand Duke|Grand Duchess|Pope|Regent
        |Governor General|Governor-General|General|Chairman|Vice Premier|Vice President|Acting President
        |Interim President|President-elect|President-Elect|Prime Minister-elect|Chancellor-elect|Taoiseach
        |Head of State|Chief of State|General Secretary|First Secretary|Provisional President
        |Chairman of the Presidency|Chairman of the Council of Ministers|Lieutenant General|Brigadier
        |Brigadier General|Junta President|Deputy Prime Minister|First Deputy Prime Minister
        |Foreign Minister|Secretary General""".replace("\n", "").split("|"),
        key=len,
        reverse=True,
    )
)
"""Titles a visitor's name may start with, longest first."""


def is_visits_folder(path: Path) -> bool:
    """True for a ``visits/`` checkout (or its ``data/``): decade files such as ``1960.xml``."""
    data = path / "data" if (path / "data").is_dir() else path
    return any(data.glob("19[0-9]0.xml"))


def split_visitor(visitor: str) -> tuple[str, str]:
    """``"Premier Khrushchev"`` → ``("Premier", "Khrushchev")``; no known title → ``("", visitor)``."""
    text = " ".join(visitor.split())
    for title in (t.strip() for t in VISITOR_TITLES):
        if title and text.startswith(title + " "):
            return title, text[len(title) + 1 :].strip()
    return "", text


def load_visits(path: Path) -> Iterator[Person]:
    """One person per visitor (name and country), with a role per visit, in order of first visit."""
    data = path / "data" if (path / "data").is_dir() else path
    visitors: dict[str, tuple[str, str, list[Role]]] = {}
    for file in sorted(data.glob("*.xml")):
        root = parse(file)
        for visit in root.iterfind("visit"):
            visitor = text(visit.find("visitor"))
            origin = visit.find("from")
            if not visitor or origin is None:
                continue
            country_id = origin.get("id") or slug(text(origin))
            start = text(visit.find("start-date")) or None
            end = text(visit.find("end-date")) or start
            place = territory(country_id, on=start, label=text(origin))
            title, name = split_visitor(visitor)
            key = f"visit:{country_id}/{slug(visitor)}"
            role = Role(
                title=title or "visitor",
                start=start,
                end=end,
                source=f"visits:{file.name}#{text(visit.find('id'))}",
                organisation=place,
                side=place,
                note=f"{visitor} ({text(origin)}), visiting the United States: {text(visit.find('description'))}",
            )
            visitors.setdefault(key, (visitor, name, []))[2].append(role)
    for key, (visitor, name, roles) in visitors.items():
        surname, forenames = split_name(name)
        yield Person(
            id=key,
            name=f"{surname}, {forenames}" if forenames else surname,  # "Surname, Forenames" like the others
            names=(NameVariant(visitor, "visits", key.replace("visit:", "visits:", 1)),),
            roles=tuple(roles),
            keys=(key,),
        )
