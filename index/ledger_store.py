"""The ledger's rows in the store's SQL database (its table is in index.schema)."""

from __future__ import annotations

import sqlalchemy as sa

from index.model import Commitment
from index.rows import commitment_from_row, commitment_row
from index.schema import commitments


def replace(conn: sa.Connection, records: list[Commitment]) -> None:
    """The whole ledger, in place of the one stored."""
    conn.execute(commitments.delete())
    if records:
        conn.execute(commitments.insert(), [commitment_row(r) for r in records])


def load(conn: sa.Connection) -> list[Commitment]:
    return [commitment_from_row(row) for row in conn.execute(sa.select(commitments)).mappings()]
