"""The ledger's table in the store's SQL database (SQLAlchemy Core, so another SQL server can hold it)."""

from __future__ import annotations

import json
from dataclasses import fields

import sqlalchemy as sa

from index.ledger import build_ledger
from index.ledger_records import Commitment, LetterView

metadata = sa.MetaData()
commitments = sa.Table(
    "commitments", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("actor", sa.String), sa.Column("actor_name", sa.String),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("recipients", sa.Text, nullable=False),  # JSON list
    sa.Column("deadline", sa.String), sa.Column("deadline_text", sa.String),
    sa.Column("deadline_precision", sa.String, nullable=False),
    sa.Column("recurrence", sa.String),
    sa.Column("status", sa.String, nullable=False),
    sa.Column("superseded_by", sa.String), sa.Column("supersedes", sa.String), sa.Column("same_as", sa.String),
    sa.Column("source", sa.String, nullable=False, index=True),
    sa.Column("title", sa.String, nullable=False),
    sa.Column("letter_date", sa.String), sa.Column("letter_date_basis", sa.String),
    sa.Column("quote", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
)
FIELDS = [f.name for f in fields(Commitment)]


def create(engine: sa.Engine) -> None:
    metadata.create_all(engine)


def _row(record: Commitment) -> dict:
    row = record.to_dict()
    row["recipients"] = json.dumps(row["recipients"], ensure_ascii=False)
    return row


def delete_letter(conn: sa.Connection, source: str) -> None:
    conn.execute(commitments.delete().where(commitments.c.source == source))


def relink(conn: sa.Connection, letters: list[LetterView]) -> int:
    """Rebuild the whole ledger with its cross-letter links (cheap: nothing is embedded)."""
    records = build_ledger(letters)
    conn.execute(commitments.delete())
    if records:
        conn.execute(commitments.insert(), [_row(r) for r in records])
    return len(records)


def load(engine: sa.Engine) -> list[Commitment]:
    with engine.connect() as conn:
        rows = conn.execute(sa.select(commitments)).mappings().all()
    out = []
    for row in rows:
        values = {name: row[name] for name in FIELDS}
        values["recipients"] = json.loads(values["recipients"])
        out.append(Commitment(**values))
    return out
