"""What the store held at one state of its letters and ledger, for readers: never changed once made.

`index.store.Store.snapshot()` hands out the same snapshot while nothing is written and a new one after
any write, so no reader has to remember to forget what it read. Letters, units, ledger and chunk spans
are read together at one state; whatever readers build from a snapshot (word weights, groupings) is kept
with it (`derived`), so it is dropped with it too. Searches run live against the indexes, and what they
find is checked against the snapshot's letters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import TypeVar

import numpy as np
import sqlalchemy as sa

from index import ledger_store, rows, schema, store_state
from index.lexical import ANY_LETTER, Hit, LetterFilter, LexicalIndex
from index.model import Commitment, Letter, StoredUnit

T = TypeVar("T")


class Snapshot:
    def __init__(self, state: tuple[str, str], letters: Mapping[str, Letter], units: tuple[StoredUnit, ...],
                 vectors: np.ndarray, commitments: tuple[Commitment, ...], chunk_spans: dict[str, list[tuple[int, int]]],
                 engine: sa.Engine, lexical: LexicalIndex) -> None:
        self.state = state
        self.letters: Mapping[str, Letter] = MappingProxyType(dict(letters))
        self.units = units  # every unit of every letter, by letter and offset
        self.vectors = vectors  # the units' normalised vectors, one row per unit (read-only)
        self.commitments = commitments
        self.chunk_spans: Mapping[str, list[tuple[int, int]]] = MappingProxyType(chunk_spans)  # by source, in order
        self._engine = engine
        self._lexical = lexical
        self._term_counts: dict[str, int] = {}
        self._derived: dict[Callable, object] = {}

    @classmethod
    def read(cls, engine: sa.Engine, lexical: LexicalIndex, attempts: int = 5) -> Snapshot:
        """Everything readers use, read at one state: the reads are made again when a write lands between
        them (every write moves the state on), so no snapshot mixes two states."""
        with engine.connect() as conn:
            for _ in range(attempts):
                state = store_state.version(conn)
                letters = rows.read_letters(conn)
                u = schema.units
                units, vectors = rows.units_from_rows(conn.execute(sa.select(
                    u.c.source, u.c.start, u.c.end, u.c.kind, u.c.block, u.c.lead_in, u.c.embedding,
                ).order_by(u.c.source, u.c.start)).all())
                commitments = tuple(r for r in ledger_store.load(conn) if r.source in letters)
                spans = lexical.spans(conn)
                if store_state.version(conn) == state:
                    break
        return cls(state, letters, units, vectors, commitments, spans, engine, lexical)

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

    def holds(self, source: str, start: int, end: int, text: str) -> bool:
        """Whether a passage found by a live search is this snapshot's text (a letter rewritten since is not)."""
        letter = self.letters.get(source)
        return letter is not None and letter.text[start:end] == text

    def lexical_search(self, terms: list[str], k: int, where: LetterFilter = ANY_LETTER) -> list[Hit]:
        """The best chunks for any of the terms, BM25 ranked (the index is searched live: hits from letters
        written since the snapshot are left out)."""
        with self._engine.connect() as conn:
            hits = self._lexical.search(conn, terms, k, where, self._term_counts)
        return [h for h in hits if self.holds(h.source, h.start, h.end, h.text)]

    def derived(self, build: Callable[[Snapshot], T]) -> T:
        """`build(self)`, computed once per snapshot."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]  # type: ignore[return-value]
