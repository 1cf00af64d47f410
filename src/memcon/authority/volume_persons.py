"""A FRUS volume's list of persons (``Volume.persons``) → :class:`Person` records.

Each entry (``p_KNS1``, "Khrushchev, Nikita S.", "Chairman of the Council of Ministers of the
Soviet Union") becomes a person keyed ``frus1961-63v05#p_KNS1`` — the key HistoryAtState
``people/`` records carry for the same entry, so the merger joins them — with the name as
printed (kind ``volume``) and the roles its description states
(:func:`memcon.authority.titles.parse_description`): dates the description does not print are
the volume's years (from its id, ``frus1961-63`` → 1961–1963, else the stored documents' date
range), and the role's note says so.  A cross-reference entry ("Home — see Douglas-Home") adds
its name to the entry it points at instead of standing alone.

DOCS: docs/authority.md#sources
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from memcon.authority._names import fold
from memcon.authority.titles import parse_description, volume_years
from memcon.model.people import NameVariant, Person
from memcon.model.records import PersonEntry, Volume

SOURCE = "volume"
LOADER = "memcon.authority.volume_persons"
VERSION = "1"

_SEE = re.compile(r"^\s*see\s+(?P<target>.+?)\s*\.?\s*$", re.I)


def volume_bounds(
    volume: Volume, *, date_min: str | None = None, date_max: str | None = None
) -> tuple[str, str] | None:
    """The years a volume's persons-list descriptions speak of: from the id, else from the
    stored documents' date range (``date_min``/``date_max``), else ``None``."""
    years = volume_years(volume.id)
    if years is not None:
        return years
    if date_min and date_max:
        return date_min[:4], date_max[:4]
    return None


def entry_key(volume_id: str, xml_id: str) -> str:
    """The identity key of a persons-list entry: ``frus1961-63v05#p_KNS1``."""
    return f"{volume_id}#{xml_id}"


def _see_target(entry: PersonEntry, entries: tuple[PersonEntry, ...]) -> PersonEntry | None:
    m = _SEE.match(entry.description)
    if m is None:
        return None
    target = fold(m.group("target"))
    for other in entries:
        if other is not entry and fold(other.name).startswith(target):
            return other
    return None


def load_volume_persons(
    volume: Volume, *, date_min: str | None = None, date_max: str | None = None
) -> Iterator[Person]:
    """One person per entry of the volume's list of persons, in list order."""
    bounds = volume_bounds(volume, date_min=date_min, date_max=date_max)
    aliases: dict[str, list[PersonEntry]] = {}
    for entry in volume.persons:
        target = _see_target(entry, volume.persons)
        if target is not None:
            aliases.setdefault(target.xml_id, []).append(entry)
    alias_ids = {e.xml_id for group in aliases.values() for e in group}
    for entry in volume.persons:
        if entry.xml_id in alias_ids:
            continue
        pointer = f"{volume.id}/persons#{entry.xml_id}"
        key = entry_key(volume.id, entry.xml_id)
        names = [NameVariant(entry.name, "volume", pointer)]
        keys = [key]
        for alias in aliases.get(entry.xml_id, ()):
            names.append(NameVariant(alias.name, "volume", f"{volume.id}/persons#{alias.xml_id}"))
            keys.append(entry_key(volume.id, alias.xml_id))
        yield Person(
            id=key,
            name=entry.name,
            names=tuple(names),
            roles=parse_description(entry.description, bounds=bounds, source=pointer),
            remarks=(entry.description,) if entry.description else (),
            keys=tuple(keys),
        )
