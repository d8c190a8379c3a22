"""The ledger's rows in the store's SQL database (its table is in index.schema), in the order it was built:
by letter, and each letter's records in the order extraction found them."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from index.ledger_links import is_appointment
from index.model import Commitment, Kind, iso
from index.rows import commitment_from_row, commitment_row, records_from_json
from index.schema import commitments, extractions, letters

LEDGER_ORDER = (commitments.c.source, sa.literal_column("commitments.rowid"))


def replace(conn: sa.Connection, records: list[Commitment]) -> None:
    """The whole ledger, in place of the one stored."""
    conn.execute(commitments.delete())
    if records:
        conn.execute(commitments.insert(), [commitment_row(r) for r in records])


def extend(conn: sa.Connection, added: list[Commitment], updated: list[Commitment]) -> None:
    """New records added (after those of their letter, which has none yet), and records rewritten in place."""
    if added:
        conn.execute(commitments.insert(), [commitment_row(r) for r in added])
    if updated:
        key = sa.bindparam("key")
        rows = [{**commitment_row(r), "key": r.id} for r in updated]
        conn.execute(commitments.update().where(commitments.c.id == key), rows)


def keep_extracted(conn: sa.Connection, extracted: dict[str, tuple[str, str]]) -> None:
    """Letters' records as extracted, with the key of what extraction read (index.ledger_cache)."""
    if extracted:
        conn.execute(extractions.delete().where(extractions.c.source.in_(list(extracted))))
        conn.execute(extractions.insert(), [{"source": s, "key": k, "records": r} for s, (k, r) in extracted.items()])


def load(conn: sa.Connection) -> list[Commitment]:
    return _where(conn, sa.true())


class StoredLedger:
    """What linking added letters asks of the ledger a store holds, each answered by one query."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def appointments(self) -> list[Commitment]:
        """Those naming whom a post is given to (index.ledger_links.name_actors), as extracted: a record that
        changes a duty takes the kind, actor and name of that duty when linked, so its own are read back
        from its letter's extracted records."""
        c, e = commitments.c, extractions.c
        appointed = (c.kind == Kind.APPOINTMENT.value) & c.actor.is_not(None) & c.actor_name.is_not(None)
        found = self._where(appointed & c.supersedes.is_(None))
        with self.engine.connect() as conn:
            changing = set(conn.execute(sa.select(c.id).where(c.supersedes.is_not(None))).scalars())
            extracted = conn.execute(sa.select(e.records).where(sa.func.instr(e.records, Kind.APPOINTMENT.value) > 0)
                                     .where(e.source.in_(sa.select(c.source).where(c.supersedes.is_not(None)))))
            records = [r for found_json in extracted.scalars() for r in records_from_json(found_json)]
        return found + [r for r in records if r.id in changing and is_appointment(r)]

    def in_letters_naming(self, name: str) -> list[Commitment]:
        """The records of the letters whose text has this name in it."""
        naming = sa.select(letters.c.source).where(sa.func.instr(letters.c.text, name) > 0)
        return self._where(commitments.c.source.in_(naming))

    def quotes(self) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.select(commitments.c.id, commitments.c.quote))]

    def around(self, days: set[date], ids: set[str]) -> list[Commitment]:
        """The records due on these days or with these ids, those they restate, and those restating or
        superseding them, in ledger order."""
        c = commitments.c
        base = sa.select(c.id).where(c.deadline.in_([iso(d) for d in days]) | c.id.in_(list(ids)))
        restated = sa.select(c.same_as).where(c.id.in_(base))
        return self._where(c.id.in_(base) | c.same_as.in_(base) | c.supersedes.in_(base) | c.id.in_(restated))

    def _where(self, condition) -> list[Commitment]:
        with self.engine.connect() as conn:
            return _where(conn, condition)


def _where(conn: sa.Connection, condition) -> list[Commitment]:
    query = sa.select(commitments).where(condition).order_by(*LEDGER_ORDER)
    return [commitment_from_row(row) for row in conn.execute(query).mappings()]
