"""The store's own bookkeeping, in one key-value table: the version of its tables' layout, how many times
its letters have changed, and for which of those states the ledger was last linked.

Every letter written or removed bumps `letters_version` in the transaction that commits it; rebuilding
the ledger records the version it was built for. A ledger whose version lags is stale — the run that
changed the letters was killed before relinking — and the next run relinks it, whatever it indexes. The
rules it was built under and how many letters it was built over say whether letters can be added to it
(index.ledger_append) or it must be built whole.
"""

from __future__ import annotations

import sqlalchemy as sa

from index.schema import extractions
from index.schema import store_state as state

LETTERS_VERSION = "letters_version"
LINKED_VERSION = "linked_version"
LINKED_RULES = "linked_rules"  # the extraction rules the ledger was last built under
LINKED_LETTERS = "linked_letters"  # how many letters it was built over
LEDGER_VERSION = "ledger_version"  # bumped whenever the ledger is written, even for the same letters
REBUILD_PENDING = "rebuild_pending"  # the letters of an outdated store still to be indexed again (JSON)
SCHEMA_VERSION = "schema_version"


def get(conn: sa.Connection, key: str, default: str = "0") -> str:
    value = conn.execute(sa.select(state.c.value).where(state.c.key == key)).scalar()
    return default if value is None else value


def put(conn: sa.Connection, key: str, value: str) -> None:
    conn.execute(state.delete().where(state.c.key == key))
    conn.execute(state.insert().values(key=key, value=value))


def schema_version(conn: sa.Connection) -> int | None:
    """The layout the store's tables were written under: None for a new store, 1 for one written before
    the version was recorded."""
    inspector = sa.inspect(conn)
    if not inspector.has_table("letters"):
        return None
    if not inspector.has_table(state.name):
        return 1
    return int(get(conn, SCHEMA_VERSION, "1"))


def letters_changed(conn: sa.Connection) -> None:
    put(conn, LETTERS_VERSION, str(int(get(conn, LETTERS_VERSION)) + 1))


def ledger_stale(conn: sa.Connection) -> bool:
    return get(conn, LINKED_VERSION) != get(conn, LETTERS_VERSION)


def version(conn: sa.Connection) -> tuple[str, str]:
    """The state of the letters and of the ledger: a reader's view of the store is good while it is unchanged."""
    rows = dict(conn.execute(sa.select(state.c.key, state.c.value)
                             .where(state.c.key.in_((LETTERS_VERSION, LEDGER_VERSION)))).all())
    return rows.get(LETTERS_VERSION, "0"), rows.get(LEDGER_VERSION, "0")


def linked(conn: sa.Connection, rules: str) -> int | None:
    """How many letters the ledger was last built over, if under these rules and not to be built again."""
    if get(conn, LINKED_VERSION) == "" or get(conn, LINKED_RULES, "") != rules:
        return None
    return int(get(conn, LINKED_LETTERS, "-1"))


def ledger_unlinked(conn: sa.Connection) -> None:
    """The ledger must be built again, whatever the letters' state."""
    put(conn, LINKED_VERSION, "")


def ledger_linked(conn: sa.Connection, rules: str) -> None:
    """The ledger now reflects the letters as they stand in this transaction (each with its extracted records
    kept), read under these rules."""
    put(conn, LINKED_VERSION, get(conn, LETTERS_VERSION))
    put(conn, LINKED_RULES, rules)
    put(conn, LINKED_LETTERS, str(conn.execute(sa.select(sa.func.count()).select_from(extractions)).scalar()))
    put(conn, LEDGER_VERSION, str(int(get(conn, LEDGER_VERSION)) + 1))
