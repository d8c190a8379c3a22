"""What the store held at one state of its letters and ledger, for readers: never changed once made.

`index.store.Store.snapshot()` hands out the same snapshot while nothing is written and a new one after
any write, so no reader has to remember to forget what it read. The letters are read with the state;
the rest is read on first use, and whatever readers build from a snapshot (word weights, groupings) is
kept with it (`derived`), so it is dropped with it too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TypeVar

import numpy as np
import sqlalchemy as sa

from index import ledger_store, rows, schema
from index.ledger_records import Commitment
from index.lexical import ANY_LETTER, Hit, LetterFilter, LexicalIndex
from index.model import Letter, StoredUnit

T = TypeVar("T")


class Snapshot:
    def __init__(self, state: tuple[str, str], letters: Mapping[str, Letter], engine: sa.Engine,
                 lexical: LexicalIndex) -> None:
        self.state = state
        self.letters: Mapping[str, Letter] = MappingProxyType(dict(letters))
        self._engine = engine
        self._lexical = lexical
        self._term_counts: dict[str, int] = {}
        self._derived: dict[Callable, object] = {}

    @classmethod
    def read(cls, conn: sa.Connection, state: tuple[str, str], engine: sa.Engine, lexical: LexicalIndex) -> Snapshot:
        found = conn.execute(sa.select(schema.letters).order_by(schema.letters.c.source)).mappings().all()
        return cls(state, {row["source"]: rows.letter_from_row(row) for row in found}, engine, lexical)

    @cached_property
    def _units(self) -> tuple[tuple[StoredUnit, ...], np.ndarray]:
        u = schema.units
        with self._engine.connect() as conn:
            found = conn.execute(sa.select(u.c.source, u.c.start, u.c.end, u.c.kind, u.c.block, u.c.lead_in,
                                           u.c.embedding).order_by(u.c.source, u.c.start)).all()
        return rows.units_from_rows([r for r in found if r.source in self.letters])

    @property
    def units(self) -> tuple[StoredUnit, ...]:
        """Every unit of every letter, by letter and offset."""
        return self._units[0]

    @property
    def vectors(self) -> np.ndarray:
        """The units' normalised vectors, one row per unit (read-only)."""
        return self._units[1]

    @cached_property
    def commitments(self) -> tuple[Commitment, ...]:
        with self._engine.connect() as conn:
            return tuple(r for r in ledger_store.load(conn) if r.source in self.letters)

    @cached_property
    def commitments_by_source(self) -> Mapping[str, tuple[Commitment, ...]]:
        by_source: dict[str, list[Commitment]] = {}
        for r in self.commitments:
            by_source.setdefault(r.source, []).append(r)
        return MappingProxyType({s: tuple(found) for s, found in by_source.items()})

    @cached_property
    def flat_texts(self) -> Mapping[str, str]:
        """Each letter's text, lower-cased on single spaces, for "does any letter mention X?"."""
        return MappingProxyType({s: " ".join(v.text.split()).lower() for s, v in self.letters.items()})

    @cached_property
    def chunk_spans(self) -> Mapping[str, list[tuple[int, int]]]:
        """(start, end) of every chunk, by source, in order."""
        with self._engine.connect() as conn:
            return MappingProxyType(self._lexical.spans(conn))

    def lexical_search(self, terms: list[str], k: int, where: LetterFilter = ANY_LETTER) -> list[Hit]:
        """The best chunks for any of the terms, BM25 ranked."""
        with self._engine.connect() as conn:
            return [h for h in self._lexical.search(conn, terms, k, where, self._term_counts) if h.source in self.letters]

    def derived(self, build: Callable[[Snapshot], T]) -> T:
        """`build(self)`, computed once per snapshot."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]  # type: ignore[return-value]
