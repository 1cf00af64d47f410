"""SQL for the ``attestations`` table (offices the documents attest, ``memcon.attested.v1``).

DOCS: docs/database.md#attestations
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from memcon.model.people import Attestation

_COLUMNS = "document_id, date, office, place, side, name, person_id, text, char_start, char_end, method, footnote"


def replace(conn: sqlite3.Connection, volume_id: str, attestations: Iterable[Attestation]) -> int:
    """Replace the attestations read from a volume's documents; returns how many were written."""
    conn.execute("DELETE FROM attestations WHERE volume_id = ?", (volume_id,))
    rows = [(volume_id, a.document_id, a.date, a.office, a.place, a.side, a.name, a.person_id, a.text, a.start, a.end,
             a.method, a.footnote) for a in attestations]
    conn.executemany(f"INSERT INTO attestations (volume_id, {_COLUMNS}) VALUES "
                     "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def select(conn: sqlite3.Connection, office: str | None = None) -> Iterator[Attestation]:
    """Every attestation (of ``office``, a comparable office key, when given), by office and date."""
    where, args = ("WHERE office = ?", (office,)) if office else ("", ())
    for row in conn.execute(f"SELECT {_COLUMNS} FROM attestations {where} ORDER BY office, side, date, document_id",
                            args):
        yield Attestation(*row)
