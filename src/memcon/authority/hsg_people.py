"""HistoryAtState ``people/``: ~16,000 persons → :class:`Person` records.

Each ``people/data/…/NNNNNN.xml`` gives a preferred name, alternates, the "originals" (the
forms FRUS persons lists, POCOM, the visits list and the presidents list printed, each with
the address it came from), titles found in names, birth and death years, and remarks (the
persons lists' descriptions).  The addresses are what identities are merged by
(:mod:`memcon.authority.build`): each becomes a key of the person —

* ``…/historicaldocuments/frus1961-63v05/persons#p_KNS1`` → ``frus1961-63v05#p_KNS1``
  (the volume's persons-list entry);
* ``…/departmenthistory/people/rusk-david-dean`` → ``pocom:rusk-david-dean``;
* ``…/cms/apps/presidents/data/presidents.xml#kennedy-john-f`` → ``president:kennedy-john-f``;
* ``…/departmenthistory/visits/russia`` with the original "Premier Khrushchev" →
  ``visit:russia/premier-khrushchev`` (the visitor as the visits list prints him).

Remarks from a volume's persons list are parsed into roles (:func:`memcon.authority.titles.
parse_description`) bounded by the volume's years, as the volume itself would give them.

DOCS: docs/authority.md#sources
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from memcon.authority._names import slug
from memcon.authority._xml import parse, text
from memcon.authority.titles import parse_description, volume_years
from memcon.errors import MalformedInput
from memcon.model.people import NameVariant, Person, Role

SOURCE = "hsg-people"
LOADER = "memcon.authority.hsg_people"
VERSION = "1"

_VOLUME_URL = re.compile(r"/historicaldocuments/(?P<vol>[^/#]+)/persons#(?P<id>[\w.-]+)")
_POCOM_URL = re.compile(r"/departmenthistory/people/(?P<id>[\w-]+)$")
_VISITS_URL = re.compile(r"/departmenthistory/visits/(?P<country>[\w-]+)$")
_PRESIDENT_URL = re.compile(r"presidents\.xml#(?P<id>[\w-]+)$")
_T = TypeVar("_T")


def is_people_folder(path: Path) -> bool:
    """True for HistoryAtState ``people/`` (or its ``data/`` folder): numbered person files."""
    data = path / "data" if (path / "data").is_dir() else path
    return (data / "100000").is_dir() and any((data / "100000").iterdir())


def person_files(path: Path) -> list[Path]:
    """The person files under ``people/`` (or ``people/data``), in id order."""
    data = path / "data" if (path / "data").is_dir() else path
    return sorted(data.rglob("[0-9]*.xml"))


def keys_of_url(url: str, *, original: str | None = None) -> tuple[str, str | None]:
    """``(key, name_source)`` for a source address: the identity key it stands for and the short
    pointer kept with a name variant (``frus1961-63v05/persons#p_KNS1``)."""
    m = _VOLUME_URL.search(url)
    if m:
        return f"{m['vol']}#{m['id']}", f"{m['vol']}/persons#{m['id']}"
    m = _POCOM_URL.search(url)
    if m:
        return f"pocom:{m['id']}", f"pocom:people/{m['id']}"
    m = _PRESIDENT_URL.search(url)
    if m:
        return f"president:{m['id']}", f"presidents:{m['id']}"
    m = _VISITS_URL.search(url)
    if m and original:
        return f"visit:{m['country']}/{slug(original)}", f"visits:{m['country']}"
    return "", url


def read_person(path: Path) -> Person:
    """One person file → a :class:`Person` whose id is ``hsg:NNNNNN`` (the merger gives the
    memcon id).  Raises :class:`MalformedInput` naming the file for a broken one."""
    root = parse(path)
    ident = text(root.find("id"))
    preferred = text(root.find("names/preferred/name"))
    if not ident or not preferred:
        raise MalformedInput(
            "a person without <id> or <names/preferred/name>",
            path=str(path),
            hint="is this a HistoryAtState people/ record?",
        )
    key = f"hsg:{ident}"
    names = [NameVariant(preferred, "preferred", key)]
    keys: list[str] = [key]
    for alt in root.iterfind("names/alternates/*"):
        alt_name = text(alt.find("name")) if alt.find("name") is not None else text(alt)
        if alt_name:
            names.append(NameVariant(alt_name, "alternate", key))
    for original in root.iterfind("names/originals/original"):
        name = text(original.find("name"))
        for url_el in original.iterfind("source-url"):
            k, pointer = keys_of_url(text(url_el), original=name)
            if k:
                keys.append(k)
            if name:
                names.append(NameVariant(name, "original", pointer))
    roles: list[Role] = []
    remarks: list[str] = []
    for remark in root.iterfind("remarks/remark"):
        remark_text = text(remark.find("p"))
        if not remark_text:
            continue
        remarks.append(remark_text)
        for url_el in remark.iterfind("source-url"):
            url = text(url_el)
            m = _VOLUME_URL.search(url)
            if m is None:
                continue  # POCOM's and the visits' own lists give exact dates (their loaders)
            keys.append(f"{m['vol']}#{m['id']}")
            roles.extend(
                parse_description(
                    remark_text, bounds=volume_years(m["vol"]), source=f"{m['vol']}/persons#{m['id']}"
                )
            )
    for title in root.iterfind("names/titles-from-name/title"):
        title_text = text(title.find("name"))
        if title_text:
            remarks.append(f"title in name: {title_text}")
    return Person(
        id=key,
        name=preferred,
        names=_unique(names),
        roles=unique_roles(roles),
        birth=text(root.find("birth-year")) or None,
        death=text(root.find("death-year")) or None,
        remarks=tuple(dict.fromkeys(remarks)),
        keys=tuple(dict.fromkeys(keys)),
    )


def unique_roles(roles: list[Role]) -> tuple[Role, ...]:
    """The roles without repeats: one per title, dates and side (the first source kept), so a
    remark printed alike in 13 volumes of the same years gives one role."""
    seen: dict[tuple[str, str | None, str | None, str | None], Role] = {}
    for role in roles:
        seen.setdefault((role.title, role.start, role.end, role.side), role)
    return tuple(seen.values())


def _unique(items: list[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items))


def load_people(path: Path) -> Iterator[Person]:
    """Every person of a ``people/`` folder, in id order (streamed: one file at a time)."""
    for file in person_files(path):
        yield read_person(file)
