"""POCOM (Principal Officers and Chiefs of Mission of the Department of State) → :class:`Person`
records with exact, dated roles.

* ``people/x/surname-forename.xml`` — the persons (surname, forename, genName, altname,
  birth, death); key ``pocom:rusk-david-dean``;
* ``positions-principals/*.xml`` — principal officers ("Secretary of State", "Under Secretary
  of State" …): one role per ``<principal>``;
* ``missions-countries/*.xml`` — chiefs of mission by country: the title from
  ``roles-country-chiefs/<role-title-id>.xml`` ("Ambassador Extraordinary and
  Plenipotentiary"), the country from ``contemporary-territory-id`` at the date (``russia`` is
  the Soviet Union from 1922 to 1991);
* ``missions-orgs/*.xml`` — representatives to international organisations (the UN, NATO …).

**Which dates.**  A role starts on ``<started>`` — the day the officer took the oath or the
chief of mission presented credentials, i.e. when they held the office — and only when POCOM
gives none, on ``<appointed>`` (the commission; the note then says so, because an appointee
abroad may take months to arrive).  It ends on ``<ended>``.  The appointment date is kept in
the role's ``note``.  Every role's side is the United States.  ``concurrent-appointments/``
(a chief accredited to several countries at once) repeats chiefs already in
``missions-countries/`` and is not read; ``people-pending/`` is not read.

DOCS: docs/authority.md#sources
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from memcon.authority._names import UNITED_STATES, territory
from memcon.authority._xml import parse, text
from memcon.errors import MalformedInput
from memcon.model.people import NameVariant, Person, Role

SOURCE = "pocom"
LOADER = "memcon.authority.pocom"
VERSION = "1"


def is_pocom_folder(path: Path) -> bool:
    """True for a POCOM checkout: ``people/`` and ``positions-principals/`` side by side."""
    return (path / "positions-principals").is_dir() and (path / "people").is_dir()


def _titles(folder: Path) -> dict[str, str]:
    """``role-title-id`` → the singular title, for the files of one folder."""
    titles: dict[str, str] = {}
    for file in sorted(folder.glob("*.xml")) if folder.is_dir() else ():
        root = parse(file)
        ident = text(root.find("id"))
        name = text(root.find("names/singular"))
        if ident and name:
            titles[ident] = name
    return titles


def _role(
    entry: etree._Element, *, title: str, organisation: str | None, source: str, extra: str = ""
) -> Role:
    appointed = text(entry.find("appointed/date")) or None
    started = text(entry.find("started/date")) or None
    ended = text(entry.find("ended/date")) or None
    notes: list[str] = []
    if started is None and appointed is not None:
        notes.append(f"appointed {appointed} (no date of entry on duty given)")
    elif appointed is not None and appointed != started:
        notes.append(f"appointed {appointed}")
    for part in ("started", "ended"):
        note = text(entry.find(f"{part}/note"))
        if note:
            notes.append(f"{part}: {note}")
    if extra:
        notes.append(extra)
    note = text(entry.find("note"))
    if note:
        notes.append(note)
    return Role(
        title=title,
        start=started or appointed,
        end=ended,
        source=source,
        organisation=organisation,
        side=UNITED_STATES,
        note="; ".join(notes) or None,
    )


def _people(path: Path) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for file in sorted((path / "people").rglob("*.xml")):
        root = parse(file)
        ident = text(root.find("id"))
        if not ident:
            raise MalformedInput("a POCOM person without <id>", path=str(file))
        surname = text(root.find("persName/surname"))
        forename = text(root.find("persName/forename"))
        gen = text(root.find("persName/genName"))
        name = f"{surname}, {forename}" if forename else surname
        if gen:
            name = f"{name}, {gen}"
        key = f"pocom:{ident}"
        names = [NameVariant(name, "pocom", f"pocom:people/{ident}")]
        for alt in root.iterfind("persName/altname"):
            if text(alt):
                names.append(NameVariant(text(alt), "pocom", f"pocom:people/{ident}"))
        people[ident] = Person(
            id=key,
            name=name,
            names=tuple(names),
            birth=text(root.find("birth")) or None,
            death=text(root.find("death")) or None,
            keys=(key,),
        )
    return people


def load_pocom(path: Path) -> Iterator[Person]:
    """Every POCOM person with the roles POCOM gives them, by POCOM id.

    A role whose person is missing from ``people/`` still yields a person (named by its id),
    so no office is dropped."""
    people = _people(path)
    roles: dict[str, list[Role]] = {}
    chief_titles = _titles(path / "roles-country-chiefs")
    for file in sorted((path / "positions-principals").glob("*.xml")):
        root = parse(file)
        title = text(root.find("names/singular"))
        for principal in root.iterfind("principals/principal"):
            person_id = text(principal.find("person-id"))
            source = f"pocom:positions-principals/{file.stem}#{text(principal.find('id'))}"
            roles.setdefault(person_id, []).append(
                _role(principal, title=title, organisation="Department of State", source=source)
            )
    for file in sorted((path / "missions-countries").glob("*.xml")):
        root = parse(file)
        for chief in root.iterfind("chiefs/chief"):
            person_id = text(chief.find("person-id"))
            role_id = text(chief.find("role-title-id"))
            title = chief_titles.get(role_id, role_id.replace("-", " ").capitalize())
            when = text(chief.find("started/date")) or text(chief.find("appointed/date")) or None
            place = territory(text(chief.find("contemporary-territory-id")) or file.stem, on=when)
            source = f"pocom:missions-countries/{file.stem}#{text(chief.find('id'))}"
            roles.setdefault(person_id, []).append(
                _role(chief, title=title, organisation=place, source=source)
            )
    for file in sorted((path / "missions-orgs").glob("*.xml")):
        root = parse(file)
        title = text(root.find("names/singular"))
        for chief in root.iterfind("chiefs/chief"):
            person_id = text(chief.find("person-id"))
            source = f"pocom:missions-orgs/{file.stem}#{text(chief.find('id'))}"
            roles.setdefault(person_id, []).append(
                _role(chief, title=title, organisation=None, source=source)
            )
    for person_id in sorted(set(people) | set(roles)):
        if not person_id:
            continue
        base = people.get(person_id) or Person(
            id=f"pocom:{person_id}", name=person_id, keys=(f"pocom:{person_id}",)
        )
        found = sorted(roles.get(person_id, ()), key=lambda r: (r.start or "", r.title))
        yield Person(
            id=base.id,
            name=base.name,
            names=base.names,
            roles=tuple(found),
            birth=base.birth,
            death=base.death,
            keys=base.keys,
        )
