"""The presidents of the United States with their terms (``travels/presidents/presidents.xml``)
→ :class:`Person` records, key ``president:kennedy-john-f``, one role "President of the United
States" from ``took-office-date`` to ``left-office-date``.

DOCS: docs/authority.md#sources
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from memcon.authority._names import UNITED_STATES, split_name
from memcon.authority._xml import parse, text
from memcon.errors import MalformedInput
from memcon.model.people import NameVariant, Person, Role

SOURCE = "presidents"
LOADER = "memcon.authority.presidents"
VERSION = "1"
TITLE = "President of the United States"


def presidents_file(path: Path) -> Path | None:
    """``presidents.xml`` in ``travels/``, ``travels/presidents/`` or ``path`` itself."""
    for candidate in (path, path / "presidents.xml", path / "presidents" / "presidents.xml"):
        if candidate.is_file() and candidate.name == "presidents.xml":
            return candidate
    return None


def load_presidents(path: Path) -> Iterator[Person]:
    """Every president in ``presidents.xml`` (found under ``path``), in order of office."""
    file = presidents_file(path)
    if file is None:
        return
    root = parse(file)
    by_id: dict[str, list[etree._Element]] = {}
    for el in root.iterfind("president"):
        by_id.setdefault(text(el.find("id")), []).append(el)  # Cleveland served twice
    for ident, entries in by_id.items():
        if not ident:
            raise MalformedInput("a president without <id>", path=str(file))
        natural = text(entries[0].find("name"))
        surname, forenames = split_name(natural)
        name = f"{surname}, {forenames}" if forenames else surname
        roles = tuple(
            Role(
                title=TITLE,
                start=text(e.find("took-office-date")) or None,
                end=text(e.find("left-office-date")) or None,
                source=f"presidents:{ident}",
                organisation=UNITED_STATES,
                side=UNITED_STATES,
                note=f"president no. {e.get('n')}" if e.get("n") else None,
            )
            for e in entries
        )
        key = f"president:{ident}"
        yield Person(
            id=key,
            name=name,
            names=(NameVariant(natural, "presidents", f"presidents:{ident}"),),
            roles=roles,
            birth=text(entries[0].find("birth-year")) or None,
            death=text(entries[0].find("death-year")) or None,
            keys=(key,),
        )
