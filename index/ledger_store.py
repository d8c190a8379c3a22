"""The ledger's rows in the store's SQL database (its table is in index.schema)."""

from __future__ import annotations

import json
from dataclasses import fields

import sqlalchemy as sa

from index.ledger_records import Commitment
from index.schema import commitments

FIELDS = [f.name for f in fields(Commitment)]


def _row(record: Commitment) -> dict:
    row = record.to_dict()
    row["recipients"] = json.dumps(row["recipients"], ensure_ascii=False)
    return row


def replace(conn: sa.Connection, records: list[Commitment]) -> None:
    """The whole ledger, in place of the one stored."""
    conn.execute(commitments.delete())
    if records:
        conn.execute(commitments.insert(), [_row(r) for r in records])


def load(conn: sa.Connection) -> list[Commitment]:
    rows = conn.execute(sa.select(commitments)).mappings().all()
    out = []
    for row in rows:
        values = {name: row[name] for name in FIELDS}
        values["recipients"] = json.loads(values["recipients"])
        out.append(Commitment(**values))
    return out
