"""Who held an office on a day, read from what the stored documents attest
(:mod:`memcon.enrich.attestations`) — asked only where the authority knows no holder.

An attestation dates one day of a term.  :meth:`AttestedOffices.holder` answers for the day
``on`` from the nearest attestation before it and the nearest after it, of the same office,
place and government:

* the same person on both sides, at most :data:`BRACKET_DAYS` apart (half for a foreign
  office): he held it (confidence 0.8);
* else the nearer of them, if it is within :data:`WINDOW_DAYS` of a US office,
  :data:`FOREIGN_WINDOW_DAYS` of another government's, :data:`FOOTNOTE_DAYS` for an editors'
  footnote, and the other side names no one else within that reach (0.75 within a month, 0.6
  beyond): he is the holder the documents attest nearest that day — the reason gives the
  distance;
* two persons on the two sides within the window: not told (the office changed hands between);
* nothing within the window: nothing.

A person is the authority's when the attesting words name one person of it, else the name as
printed (compared by surname).  The reason quotes the words and cites the document, so a
historian can check it.

DOCS: docs/authority.md#offices-the-documents-attest
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from memcon.authority._names import country, fold
from memcon.authority.titles import office_key
from memcon.model.people import Attestation

WINDOW_DAYS = 183
"""How far from an attestation (one side only) its holder is taken to hold a US office (a
cabinet secretary served years; a reading of 40 answers with a year's reach found Secretaries
of the Navy and foreign ministers who had left office)."""
FOREIGN_WINDOW_DAYS = 45
"""The same for another government's office: foreign ministers and heads of government of the
period changed often (Sweden's Lindman left in October 1917, Iran's in 1936)."""
BRACKET_DAYS = 4 * 366
"""How far apart two attestations of the same person may be for the days between to be his
(half that for another government's office)."""
FOOTNOTE_DAYS = 31
"""How far from its document's date an editors' footnote identification ("Mello Franco, Brazilian
Minister for Foreign Affairs", under a telegram reporting his resignation) is taken alone: the
editors name the office the person is known by, not always the one he held that day."""

_FOREIGN_AFFAIRS = " for foreign affairs"


@dataclass(frozen=True, slots=True)
class AttestedHolder:
    """The holder the documents attest nearest a day: the authority's person id (or ``None``
    and the name as printed), the confidence and a one-line reason citing the attestation."""

    person_id: str | None
    name: str
    confidence: float
    reason: str
    attestation: Attestation


def _identity(a: Attestation) -> str:
    if a.person_id:
        return a.person_id
    words = fold(a.name).replace(".", " ").split()
    return "name:" + (words[-1] if words else "")


def _day(on: str) -> str | None:
    """``on`` as an ISO day: a year or a month asked stands for its first day (as
    :meth:`memcon.authority.lookup.Authority.holders` reads it); ``None`` when it is no date."""
    day = on.strip()[:10]
    day = day + "-01-01" if len(day) == 4 else day + "-01" if len(day) == 7 else day
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    return day


def _days(a: str, b: str) -> int:
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def _reach(a: Attestation) -> int:
    if a.footnote is not None:
        return FOOTNOTE_DAYS
    return WINDOW_DAYS if a.side == "United States" else FOREIGN_WINDOW_DAYS


def _keys(a: Attestation) -> list[tuple[str, str | None, str]]:
    keys = [(a.office, a.place, a.side)]
    if a.office.endswith(_FOREIGN_AFFAIRS) and a.side != "United States":
        # "Under Secretary of State for Foreign Affairs" in Teheran is "the Under Secretary" there
        keys.append((a.office.removesuffix(_FOREIGN_AFFAIRS), a.place, a.side))
    return keys


class AttestedOffices:
    """Attestations indexed by office, place and government, each list by date."""

    def __init__(self, attestations: Iterable[Attestation] = ()) -> None:
        self._by_key: dict[tuple[str, str | None, str], list[Attestation]] = {}
        for a in attestations:
            if len(a.date) >= 10:
                for key in _keys(a):
                    self._by_key.setdefault(key, []).append(a)
        for found in self._by_key.values():
            found.sort(key=lambda a: (a.date, a.document_id, a.start))
        self._dates = {key: [a.date[:10] for a in found] for key, found in self._by_key.items()}

    def __len__(self) -> int:
        return len({(a.document_id, a.start) for found in self._by_key.values() for a in found})

    def holder(self, title: str, *, on: str, side: str | None) -> AttestedHolder | str | None:
        """Who the documents attest held ``title`` (as the authority is asked: "Secretary of
        War", "Ambassador to France") for ``side`` on the day ``on``: an :class:`AttestedHolder`;
        a reason when two persons are attested around that day; ``None`` when nothing is."""
        office, place, title_side = office_key(title)
        wanted = (country(side) or side) if side else title_side
        if wanted is None:
            return None
        key = (office, place, wanted)
        found = self._by_key.get(key)
        day = _day(on)
        if not found or day is None:
            return None
        dates = self._dates[key]
        before = found[bisect.bisect_right(dates, day) - 1] if bisect.bisect_right(dates, day) else None
        after_at = bisect.bisect_left(dates, day)
        after = found[after_at] if after_at < len(found) else None
        if before is not None and after is not None and _identity(before) == _identity(after) \
                and _days(before.date, after.date) <= (BRACKET_DAYS if wanted == "United States" else BRACKET_DAYS // 2):
            nearest = before if _days(before.date, day) <= _days(after.date, day) else after
            how = "the same day" if before.date[:10] == day == after.date[:10] else (
                f"attested {before.date[:10]} and {after.date[:10]}")
            fuller = max((before, after), key=lambda a: len(a.name))  # "E. M. Stanton" over "Stanton"
            return self._answer(nearest, 0.8, how, title, name=fuller.name)
        near = [a for a in (before, after) if a is not None and _days(a.date, day) <= _reach(a)]
        if not near:
            return None
        if len({_identity(a) for a in near}) > 1:
            return (f"the documents attest {near[0].name!r} ({near[0].document_id}, {near[0].date[:10]}) and "
                    f"{near[1].name!r} ({near[1].document_id}, {near[1].date[:10]}) as {title!r}: "
                    f"it changed hands between")
        a = min(near, key=lambda a: _days(a.date, day))
        distance = _days(a.date, day)
        when = "the same day" if distance == 0 else f"{distance} days {'before' if a.date[:10] < day else 'after'}"
        return self._answer(a, 0.75 if distance <= 31 else 0.6, when, title)

    @staticmethod
    def _answer(a: Attestation, confidence: float, when: str, title: str, *, name: str | None = None) -> AttestedHolder:
        words = " ".join(a.text.split())
        reason = f"attested as {title!r} by {a.document_id} ({a.date[:10]}, {when}): “{words}”"
        return AttestedHolder(a.person_id, name or a.name, confidence, reason, a)


__all__ = ["BRACKET_DAYS", "FOOTNOTE_DAYS", "FOREIGN_WINDOW_DAYS", "WINDOW_DAYS", "AttestedHolder", "AttestedOffices"]
