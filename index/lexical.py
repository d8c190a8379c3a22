"""Lexical search over the chunks (BM25), behind an interface so that another engine can replace SQLite's.

`Fts5Index` keeps the chunks in an SQLite FTS5 table in the store's database, written in the same
transaction as the letter's other rows.
"""

from __future__ import annotations

from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import sqlalchemy as sa

# A term in more than this share of chunks adds little to BM25 but costs a scan of its long list;
# such terms are searched only when the rarer ones find too little.
SELECTIVE_SHARE = 0.05
COMMON_SHARE = 0.2


@dataclass(frozen=True)
class Passage:
    """A chunk of a letter: its text and where it lies in the canonical text."""

    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Hit:
    source: str
    start: int
    end: int
    score: float  # higher is better
    text: str  # the chunk as indexed: a reader checks it against the letter it holds


@dataclass(frozen=True)
class LetterFilter:
    """Which letters a search may return: by source, and by letter date (ISO, inclusive)."""

    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    def __bool__(self) -> bool:
        return bool(self.sources or self.date_from or self.date_to)


ANY_LETTER = LetterFilter()


class LexicalIndex(Protocol):
    def create(self, conn: sa.Connection) -> None: ...

    def add(self, conn: sa.Connection, passages: Iterable[Passage]) -> None: ...

    def delete(self, conn: sa.Connection, source: str) -> None: ...

    def spans(self, conn: sa.Connection) -> dict[str, list[tuple[int, int]]]:
        """(start, end) of every chunk, by source, in order."""
        ...

    def search(self, conn: sa.Connection, terms: list[str], k: int, where: LetterFilter,
               counts: MutableMapping[str, int]) -> list[Hit]:
        """The best chunks of the letters `where` allows for any of the terms; `counts` is the caller's memo
        of document counts, good while the index is unchanged."""
        ...


class Fts5Index:
    """SQLite FTS5 (porter stemming, diacritics folded), joined to the `letters` table for filters."""

    DDL = """CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
        text, source UNINDEXED, start UNINDEXED, "end" UNINDEXED,
        tokenize = 'porter unicode61 remove_diacritics 2')"""

    def create(self, conn: sa.Connection) -> None:
        conn.exec_driver_sql(self.DDL)

    def add(self, conn: sa.Connection, passages: Iterable[Passage]) -> None:
        rows = [{"text": p.text, "source": p.source, "start": p.start, "end": p.end} for p in passages]
        if rows:
            conn.execute(sa.text('INSERT INTO chunks_fts (text, source, start, "end") '
                                 "VALUES (:text, :source, :start, :end)"), rows)

    def delete(self, conn: sa.Connection, source: str) -> None:
        conn.execute(sa.text("DELETE FROM chunks_fts WHERE source = :source"), {"source": source})

    def spans(self, conn: sa.Connection) -> dict[str, list[tuple[int, int]]]:
        spans: dict[str, list[tuple[int, int]]] = {}
        for source, start, end in conn.exec_driver_sql('SELECT source, start, "end" FROM chunks_fts ORDER BY source, start'):
            spans.setdefault(source, []).append((int(start), int(end)))
        return spans

    def search(self, conn: sa.Connection, terms: list[str], k: int, where: LetterFilter,
               counts: MutableMapping[str, int]) -> list[Hit]:
        wanted = list(dict.fromkeys(t.replace('"', "") for t in terms if t))
        if not wanted:
            return []
        rare = self._selective(conn, wanted, counts, SELECTIVE_SHARE)
        found = self._bm25(conn, rare, k, where)
        broader = self._selective(conn, wanted, counts, COMMON_SHARE)
        if len(found) < k and broader != rare:
            found = self._bm25(conn, broader, k, where)
        return found

    @staticmethod
    def _selective(conn: sa.Connection, terms: list[str], counts: MutableMapping[str, int], share: float) -> list[str]:
        """Drop terms found in most chunks (their BM25 weight is near zero, their cost is not), keeping at least one."""
        if "" not in counts:
            counts[""] = conn.execute(sa.text("SELECT count(*) FROM chunks_fts")).scalar_one()
        for term in (t for t in terms if t not in counts):
            counts[term] = conn.execute(sa.text("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH :m"),
                                        {"m": f'"{term}"'}).scalar_one()
        total = max(counts[""], 1)
        kept = [t for t in terms if counts[t] <= share * total or total < 50]
        return kept or sorted(terms, key=lambda t: counts[t])[:1]

    @staticmethod
    def _bm25(conn: sa.Connection, terms: list[str], k: int, where: LetterFilter) -> list[Hit]:
        match = " OR ".join('"' + t + '"' for t in terms)
        # FTS5 ranks by `rank` with a LIMIT inside the index; letter filters apply to that short list,
        # so the inner LIMIT is widened when there are filters.
        inner = 'SELECT source, start, "end", rank, text FROM chunks_fts WHERE chunks_fts MATCH :match ORDER BY rank LIMIT :inner'
        sql = f'SELECT f.source, f.start, f."end", f.rank, f.text FROM ({inner}) f JOIN letters l ON l.source = f.source WHERE 1 = 1'
        params: dict = {"match": match, "k": k, "inner": k * 20 if where else k * 2}
        if where.sources:
            sql += " AND f.source IN (" + ",".join(f":s{i}" for i in range(len(where.sources))) + ")"
            params |= {f"s{i}": s for i, s in enumerate(where.sources)}
        if where.date_from:
            sql += " AND l.date >= :date_from"
            params["date_from"] = where.date_from.isoformat()  # the letters table keeps ISO dates
        if where.date_to:
            sql += " AND l.date <= :date_to"
            params["date_to"] = where.date_to.isoformat()
        rows = conn.execute(sa.text(sql + " ORDER BY f.rank LIMIT :k"), params).all()
        return [Hit(r[0], int(r[1]), int(r[2]), -float(r[3]), r[4]) for r in rows]
