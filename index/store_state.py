"""The store's own bookkeeping, in one key-value table: how many times its letters have changed, and
for which of those states the ledger was last linked.

Every letter written or removed bumps `letters_version` in the transaction that commits it; rebuilding
the ledger records the version it was built for. A ledger whose version lags is stale — the run that
changed the letters was killed before relinking — and the next run relinks it, whatever it indexes.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()
state = sa.Table(
    "store_state", metadata,
    sa.Column("key", sa.String, primary_key=True),
    sa.Column("value", sa.String, nullable=False),
)
LETTERS_VERSION = "letters_version"
LINKED_VERSION = "linked_version"


def create(engine: sa.Engine) -> None:
    metadata.create_all(engine)


def get(conn: sa.Connection, key: str, default: str = "0") -> str:
    value = conn.execute(sa.select(state.c.value).where(state.c.key == key)).scalar()
    return default if value is None else value


def put(conn: sa.Connection, key: str, value: str) -> None:
    conn.execute(state.delete().where(state.c.key == key))
    conn.execute(state.insert().values(key=key, value=value))


def letters_changed(conn: sa.Connection) -> None:
    put(conn, LETTERS_VERSION, str(int(get(conn, LETTERS_VERSION)) + 1))


def ledger_stale(conn: sa.Connection) -> bool:
    return get(conn, LINKED_VERSION) != get(conn, LETTERS_VERSION)


def ledger_linked(conn: sa.Connection) -> None:
    """The ledger now reflects the letters as they stand in this transaction."""
    put(conn, LINKED_VERSION, get(conn, LETTERS_VERSION))
