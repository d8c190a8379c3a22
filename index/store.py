"""The store directory: everything the index keeps, in one place.

    STORE/chroma/        Chroma (embedded PersistentClient, cosine space) holding chunk vectors
    STORE/store.sqlite   letters (canonical text, metadata, content hash, commit marker), units with
                         their vectors and their frames, the FTS5 lexical index, the ledger and
                         LangChain's record manager
    STORE/write.lock     held by the one process allowed to write

Chroma is opened through `index.chroma.open_chroma`, the one factory, so a Chroma server can replace it.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import sqlalchemy as sa

from index import store_state
from index.dates import date_in_name

NAMESPACE = "chroma/chunks"

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS letters (
        source TEXT PRIMARY KEY, folder TEXT NOT NULL, sha256 TEXT NOT NULL,
        title TEXT NOT NULL, date TEXT, date_basis TEXT, metadata TEXT NOT NULL,
        text TEXT NOT NULL, page_starts TEXT NOT NULL,
        n_chunks INTEGER NOT NULL, n_units INTEGER NOT NULL, indexed_at TEXT NOT NULL,
        committed INTEGER NOT NULL DEFAULT 0)""",
    "CREATE INDEX IF NOT EXISTS letters_sha ON letters(sha256)",
    """CREATE TABLE IF NOT EXISTS units (
        source TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, kind TEXT NOT NULL,
        block INTEGER NOT NULL, lead_in INTEGER, embedding BLOB NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS units_source ON units(source, start)",
    # Each unit's frames as JSON (index.frame_store), so that relinking the ledger parses nothing.
    """CREATE TABLE IF NOT EXISTS frames (
        source TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, data TEXT NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS frames_source ON frames(source, start)",
    """CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
        text, source UNINDEXED, start UNINDEXED, "end" UNINDEXED,
        tokenize = 'porter unicode61 remove_diacritics 2')""",
]


# A term in more than this share of chunks adds little to BM25 but costs a scan of its long list;
# such terms are searched only when the rarer ones find too little.
SELECTIVE_SHARE = 0.05
COMMON_SHARE = 0.2



class StoreError(Exception):
    """A store that cannot be used as asked; the message says how to fix it."""


@dataclass(frozen=True)
class Letter:
    source: str
    folder: str
    sha256: str
    title: str
    date: str | None
    date_basis: str | None
    metadata: dict
    text: str
    page_starts: tuple[int, ...]
    n_chunks: int
    n_units: int
    committed: bool

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return sum(1 for start in self.page_starts if start <= offset) or 1

    def reading_date(self) -> date | None:
        """What its relative dates ("on 4 September") are read against: its own date, else its file name's."""
        return date.fromisoformat(self.date) if self.date else date_in_name(Path(self.source).name)


class Store:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.engine = sa.create_engine(f"sqlite:///{self.path / 'store.sqlite'}", connect_args={"timeout": 30})
        # Write-ahead logging: questions keep reading while a letter is being written.
        sa.event.listen(self.engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA journal_mode=WAL"))
        with self.engine.begin() as conn:
            for statement in SCHEMA:
                conn.exec_driver_sql(statement)
        from index import ledger_store

        ledger_store.create(self.engine)
        store_state.create(self.engine)
        self._letters: dict[str, Letter] | None = None
        self._unit_cache: tuple[int, list[dict], np.ndarray] | None = None
        self._ledger: list | None = None
        self._df: dict[str, int] | None = None
        self._chunk_spans: dict[str, list[tuple[int, int]]] | None = None
        self._flat: dict[str, str] | None = None

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Hold the store's single-writer lock, or fail at once with a clear message."""
        handle = open(self.path / "write.lock", "a+")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            handle.close()
            raise StoreError(
                f"{self.path}: the store is being written by {holder}; wait for it to finish and try again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()

    def record_manager(self):
        from langchain_classic.indexes import SQLRecordManager

        manager = SQLRecordManager(NAMESPACE, engine=self.engine)
        manager.create_schema()
        return manager

    def changed(self) -> None:
        """Forget cached reads after a write."""
        self._letters = None
        self._unit_cache = None
        self._ledger = None
        self._df = None
        self._chunk_spans = None
        self._flat = None

    # -- reading ---------------------------------------------------------------------------
    # Readers take a local reference to each cache: a writer thread may reset it at any moment.
    def letters(self, committed_only: bool = True) -> dict[str, Letter]:
        letters = self._letters
        if letters is None:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql("SELECT * FROM letters ORDER BY source").mappings().all()
            letters = self._letters = {row["source"]: _letter(row) for row in rows}
        return {s: v for s, v in letters.items() if v.committed or not committed_only}

    def letter(self, source: str) -> Letter | None:
        return self.letters().get(source)

    def is_empty(self) -> bool:
        return not self.letters()

    def ledger_stale(self) -> bool:
        """The letters changed after the ledger was last built: a run was killed before building it."""
        with self.engine.connect() as conn:
            return store_state.ledger_stale(conn)

    def commitments(self):
        """The ledger of committed letters (list of `index.ledger_records.Commitment`)."""
        from index import ledger_store

        ledger = self._ledger
        if ledger is None:
            committed = set(self.letters())
            ledger = self._ledger = [r for r in ledger_store.load(self.engine) if r.source in committed]
        return ledger

    def flat_texts(self) -> dict[str, str]:
        """Each committed letter's text, lower-cased on single spaces, for "does any letter mention X?"."""
        flat = self._flat
        if flat is None:
            flat = self._flat = {s: " ".join(v.text.split()).lower() for s, v in self.letters().items()}
        return flat

    def chunk_spans(self) -> dict[str, list[tuple[int, int]]]:
        """(start, end) of every chunk, by source, in order (loaded once per store state)."""
        spans = self._chunk_spans
        if spans is None:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql('SELECT source, start, "end" FROM chunks_fts ORDER BY source, start').all()
            spans = {}
            for source, start, end in rows:
                spans.setdefault(source, []).append((int(start), int(end)))
            self._chunk_spans = spans
        return spans

    def units(self) -> tuple[list[dict], np.ndarray]:
        """All units of committed letters with their (normalised) vectors, loaded once."""
        cache = self._unit_cache
        if cache is None:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql(
                    'SELECT u.source, u.start, u."end", u.kind, u.block, u.lead_in, u.embedding FROM units u '
                    "JOIN letters l ON l.source = u.source WHERE l.committed = 1 ORDER BY u.source, u.start"
                ).all()
            meta = [
                {"source": r[0], "start": r[1], "end": r[2], "kind": r[3], "block": r[4], "lead_in": r[5]}
                for r in rows
            ]
            vectors = np.vstack([np.frombuffer(r[6], dtype=np.float32) for r in rows]) if rows else np.zeros((0, 384), np.float32)
            cache = self._unit_cache = (len(rows), meta, vectors)
        return cache[1], cache[2]

    def _selective(self, terms: list[str], share: float = COMMON_SHARE) -> list[str]:
        """Drop terms found in most chunks (their BM25 weight is near zero, their cost is not),
        keeping at least one. Document counts are cached until the store changes."""
        df = self._df
        if df is None:
            with self.engine.connect() as conn:
                df = self._df = {"": conn.execute(sa.text("SELECT count(*) FROM chunks_fts")).scalar_one()}
        missing = [t for t in terms if t not in df]
        if missing:
            df.update(_term_counts(self.engine, missing))
        total = max(df[""], 1)
        kept = [t for t in terms if df[t] <= share * total or total < 50]
        return kept or sorted(terms, key=lambda t: df[t])[:1]

    def lexical_search(
        self, query_terms: list[str], k: int, sources: list[str] | None = None,
        date_from: str | None = None, date_to: str | None = None,
    ) -> list[tuple[str, int, int, float]]:
        """(source, start, end, score) of the best chunks for any of the terms, BM25 ranked."""
        wanted = list(dict.fromkeys(t.replace('"', "") for t in query_terms if t))
        if not wanted:
            return []
        rare = self._selective(wanted, SELECTIVE_SHARE)
        found = self._bm25(rare, k, sources, date_from, date_to)
        broader = self._selective(wanted, COMMON_SHARE)
        if len(found) < k and broader != rare:
            found = self._bm25(broader, k, sources, date_from, date_to)
        return found

    def _bm25(self, terms: list[str], k: int, sources, date_from, date_to) -> list[tuple[str, int, int, float]]:
        match = " OR ".join('"' + t.replace('"', "") + '"' for t in terms)
        # FTS5 ranks by `rank` with a LIMIT inside the index; letter filters apply to that short list,
        # so the inner LIMIT is widened when there are filters.
        filtered = bool(sources or date_from or date_to)
        inner = 'SELECT source, start, "end", rank FROM chunks_fts WHERE chunks_fts MATCH :match ORDER BY rank LIMIT :inner'
        sql = (f"SELECT f.source, f.start, f.\"end\", f.rank FROM ({inner}) f "
               "JOIN letters l ON l.source = f.source AND l.committed = 1 WHERE 1 = 1")
        params: dict = {"match": match, "k": k, "inner": k * 20 if filtered else k * 2}
        if sources:
            sql += " AND f.source IN (" + ",".join(f":s{i}" for i in range(len(sources))) + ")"
            params |= {f"s{i}": s for i, s in enumerate(sources)}
        if date_from:
            sql += " AND l.date >= :date_from"
            params["date_from"] = date_from
        if date_to:
            sql += " AND l.date <= :date_to"
            params["date_to"] = date_to
        sql += " ORDER BY f.rank LIMIT :k"
        with self.engine.connect() as conn:
            rows = conn.execute(sa.text(sql), params).all()
        return [(r[0], int(r[1]), int(r[2]), -float(r[3])) for r in rows]


def _term_counts(engine, terms: list[str]) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(sa.text("SELECT count(*) FROM chunks_fts WHERE chunks_fts MATCH :m"),
                                {"m": f'"{t}"'}).scalar_one() for t in terms}


def _letter(row) -> Letter:
    return Letter(
        source=row["source"], folder=row["folder"], sha256=row["sha256"], title=row["title"],
        date=row["date"], date_basis=row["date_basis"], metadata=json.loads(row["metadata"]),
        text=row["text"], page_starts=tuple(json.loads(row["page_starts"])),
        n_chunks=row["n_chunks"], n_units=row["n_units"], committed=bool(row["committed"]),
    )
