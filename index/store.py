"""The store directory: everything the index keeps, in one place.

    STORE/chroma/        Chroma (embedded PersistentClient, cosine space) holding chunk vectors
    STORE/store.sqlite   the tables of index.schema (letters with their canonical text and metadata, units
                         with their vectors and frames, the ledger, the store's bookkeeping), the lexical
                         index (index.lexical) and LangChain's record manager
    STORE/write.lock     held by the one process allowed to write

The store alone turns rows into typed values (index.model) and back. Readers take a `Snapshot`: what the
store held at one state of its letters and ledger, never changed once made; a write (in this process or
another) moves the state on, and the next `snapshot()` reads afresh.

Chroma is opened through `index.chroma.open_chroma`, the one factory, so a Chroma server can replace it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from index import frame_store, ledger_store, rows, schema, store_state, writer_lock
from index.ledger_store import StoredLedger
from index.lexical import Fts5Index, LexicalIndex, Passage
from index.model import Commitment, Indexed, LedgerBuild, Letter, NewLetter, UnitFrames
from index.snapshot import Snapshot
from index.store_errors import StoreError

log = logging.getLogger(__name__)
# The snapshot a question is being answered from, with its store (`Store.pinned`).
_PINNED: ContextVar[tuple[Store, Snapshot] | None] = ContextVar("pinned_snapshot", default=None)
NAMESPACE = "chroma/chunks"
DATABASE = "store.sqlite"


class Store:
    def __init__(self, path: Path, lexical: LexicalIndex | None = None) -> None:
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.lexical = lexical or Fts5Index()
        self.engine = self._connect()
        self.outdated = self._create()  # the schema version an older store was written under, else None
        self._snapshot: Snapshot | None = None

    def _connect(self) -> sa.Engine:
        engine = sa.create_engine(f"sqlite:///{self.path / DATABASE}", connect_args={"timeout": 30})
        # Write-ahead logging: questions keep reading while a letter is being written.
        sa.event.listen(engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA journal_mode=WAL"))
        return engine

    def _create(self) -> int | None:
        """Create the tables of a new store; a store written under another schema is left as it is."""
        with self.engine.begin() as conn:
            found = store_state.schema_version(conn)
            if found is not None and found > schema.SCHEMA_VERSION:
                raise StoreError(f"{self.path} was written by a newer version of the assistant (store schema "
                                 f"{found}; this version reads {schema.SCHEMA_VERSION}): use that version, or another store")
            if found is not None and found < schema.SCHEMA_VERSION:
                return found
            schema.metadata.create_all(conn)
            self.lexical.create(conn)
            if found is None or store_state.get(conn, store_state.SCHEMA_VERSION, "") == "":
                store_state.put(conn, store_state.SCHEMA_VERSION, str(schema.SCHEMA_VERSION))
        return None

    # -- writing ---------------------------------------------------------------------------
    def writer_lock(self):
        """Hold the store's single-writer lock (index.writer_lock), or fail at once with StoreBusy."""
        return writer_lock.held(self.path)

    def set_aside(self) -> tuple[Path, list[tuple[str, str]]]:
        """Move an outdated store's database into a dated folder beside it (kept, not deleted) and start a
        new one, which records the (source, folder) of the letters the old one held until they are indexed
        again (every version's `letters` table has those two columns); returns the folder and that list."""
        with self.engine.connect() as conn:
            previous = [tuple(r) for r in conn.exec_driver_sql("SELECT source, folder FROM letters ORDER BY source")]
        aside = self.path / f"outdated-schema-{self.outdated}-{datetime.now(UTC):%Y%m%dT%H%M%S%f}"
        aside.mkdir()
        self.engine.dispose()
        for name in (DATABASE, f"{DATABASE}-wal", f"{DATABASE}-shm"):
            if (self.path / name).exists():
                (self.path / name).rename(aside / name)
        self.engine = self._connect()
        self.outdated = self._create()
        self._snapshot = None
        self.set_pending_rebuild(previous)
        return aside, previous

    def migrate(self) -> bool:
        """Bring a store an older version wrote to this version's tables in place, when only columns were
        added since (`schema.ADDED_SINCE`), in one transaction: the columns added (the ledger stays readable
        meanwhile), the records extraction kept dropped and the ledger marked to be built again. False when
        the store must be set aside and rebuilt instead."""
        with self.engine.begin() as conn:
            found = store_state.schema_version(conn)  # read again: another process may have migrated it
            if found != schema.SCHEMA_VERSION:
                if found not in schema.ADDED_SINCE:
                    return False
                # A write first, so that pysqlite opens the transaction before the DDL and all commits at once.
                conn.execute(schema.extractions.delete())
                for column in schema.ADDED_SINCE[found]:
                    kind = column.type.compile(conn.dialect)
                    conn.exec_driver_sql(f'ALTER TABLE {column.table.name} ADD COLUMN "{column.name}" {kind}')
                store_state.put(conn, store_state.SCHEMA_VERSION, str(schema.SCHEMA_VERSION))
                store_state.ledger_unlinked(conn)
        self.outdated, self._snapshot = None, None
        return True

    def pending_rebuild(self) -> list[tuple[str, str]]:
        """The letters of a set-aside store not yet indexed again (a rebuild killed midway leaves some)."""
        with self.engine.connect() as conn:
            return [tuple(p) for p in json.loads(store_state.get(conn, store_state.REBUILD_PENDING, "[]"))]

    def set_pending_rebuild(self, letters: list[tuple[str, str]]) -> None:
        with self.engine.begin() as conn:
            store_state.put(conn, store_state.REBUILD_PENDING, json.dumps(letters))

    def record_manager(self):
        from langchain_classic.indexes import SQLRecordManager

        manager = SQLRecordManager(NAMESPACE, engine=self.engine)
        manager.create_schema()
        return manager

    def write_letter(self, letter: NewLetter) -> None:
        """All of a letter's rows, replacing any it had, in one transaction: a run killed before it ends
        leaves the letter as it was, and the next run writes it again."""
        with self.engine.begin() as conn:
            self._delete_rows(conn, letter.source)
            conn.execute(schema.letters.insert(), rows.letter_row(letter, datetime.now(UTC)))
            conn.execute(schema.units.insert(), rows.unit_rows(letter))
            self.lexical.add(conn, (Passage(letter.source, c.start, c.end, letter.text[c.start : c.end])
                                    for c in letter.chunks))
            frame_store.write_letter(conn, letter.source, letter.frames)
            # Its ledger records come when the run builds the ledger, once, over every letter.
            store_state.letters_changed(conn)

    def delete_letter(self, source: str) -> None:
        with self.engine.begin() as conn:
            self._delete_rows(conn, source)
            store_state.letters_changed(conn)

    def _delete_rows(self, conn: sa.Connection, source: str) -> None:
        for table in schema.PER_LETTER:
            conn.execute(table.delete().where(table.c.source == source))
        self.lexical.delete(conn, source)

    def letter_frames(self, source: str) -> UnitFrames | None:
        """The letter's stored frames, if this version of the frame rules read them (`index.frame_store`)."""
        with self.engine.connect() as conn:
            return frame_store.load(conn, [source]).get(source)

    def stored_extractions(self) -> dict[str, tuple[str, str]]:
        """Each letter's records as extraction read them: source → (key, records as JSON) (index.ledger_cache)."""
        table = schema.extractions
        with self.engine.connect() as conn:
            return {r.source: (r.key, r.records) for r in conn.execute(sa.select(table))}

    def linked_letters(self, rules: str) -> set[str] | None:
        """The letters the ledger was built over, all still as they were, when it was built under these rules
        (index.ledger_cache.rules_version) and reflects every letter since removed or rewritten; else None."""
        with self.engine.connect() as conn:
            linked = set(conn.execute(sa.select(schema.extractions.c.source)).scalars())
            return linked if store_state.linked(conn, rules) == len(linked) else None

    def ledger_rules(self) -> str:
        """The extraction rules the ledger was last built under (index.ledger_cache.rules_version)."""
        with self.engine.connect() as conn:
            return store_state.get(conn, store_state.LINKED_RULES, "")

    def write_ledger(self, built: LedgerBuild) -> None:
        """A ledger built over the letters as they stand: the whole ledger, or records added to the one stored
        and some of it rewritten, with what was read afresh to build it."""
        with self.engine.begin() as conn:
            for source, unit_frames in built.reread.items():
                frame_store.replace_letter(conn, source, unit_frames)
            for source, people in built.people.items():
                conn.execute(schema.letters.update().where(schema.letters.c.source == source)
                             .values(people=rows.people_json(people)))
            ledger_store.keep_extracted(conn, built.extracted)
            if built.whole:
                ledger_store.replace(conn, built.records)
            else:
                ledger_store.extend(conn, built.records, built.updated)
            store_state.ledger_linked(conn, built.rules)

    @property
    def ledger(self) -> StoredLedger:
        return StoredLedger(self.engine)

    # -- what the indexer checks: a few short columns, without reading the letters ------------------
    def catalogue(self) -> dict[str, Indexed]:
        letters = schema.letters
        with self.engine.connect() as conn:
            found = conn.execute(sa.select(letters.c.source, letters.c.folder, letters.c.sha256))
            return {r.source: Indexed(r.source, r.folder, r.sha256) for r in found}

    def indexed(self, source: str) -> Indexed | None:
        return self._indexed(schema.letters.c.source == source)

    def twin(self, sha256: str, source: str) -> Indexed | None:
        """Another letter with this content, if one is indexed."""
        letters = schema.letters.c
        return self._indexed(sa.and_(letters.sha256 == sha256, letters.source != source))

    def _indexed(self, where) -> Indexed | None:
        letters = schema.letters
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(letters.c.source, letters.c.folder, letters.c.sha256).where(where).limit(1)).first()
        return Indexed(row.source, row.folder, row.sha256) if row else None

    # -- reading ---------------------------------------------------------------------------
    def snapshot(self) -> Snapshot:
        """What the store holds now; the same object while nothing is written. Inside `pinned()`, the
        snapshot pinned there."""
        pinned = _PINNED.get()
        if pinned is not None and pinned[0] is self:
            return pinned[1]
        if self.outdated is not None:
            self._reopen()  # another process may have rebuilt it since
        if self.outdated is not None:
            raise StoreError(f"{self.path} was written by an older version of the assistant (store schema "
                             f"{self.outdated}; this version reads {schema.SCHEMA_VERSION}): run `assistant index` "
                             "on your letters to bring it up to date")
        with self.engine.connect() as conn:
            state = store_state.version(conn)
        current = self._snapshot
        if current is None or current.state != state:
            current = self._snapshot = Snapshot.read(self.engine, self.lexical)
        return current

    @contextmanager
    def pinned(self) -> Iterator[Snapshot]:
        """One snapshot for everything read in this context (and the threads LangChain starts from it), so
        that a question is answered from one state of the store even while letters are being written."""
        token = _PINNED.set((self, self.snapshot()))
        try:
            yield _PINNED.get()[1]
        finally:
            _PINNED.reset(token)

    def _reopen(self) -> None:
        self.engine.dispose()
        self.engine = self._connect()
        self.outdated = self._create()

    def current_letters(self) -> dict[str, Letter]:
        """The letters as they stand, without their units (for building the ledger)."""
        with self.engine.connect() as conn:
            return rows.read_letters(conn)

    def ledger_stale(self) -> bool:
        """The letters changed after the ledger was last built: a run was killed before building it."""
        with self.engine.connect() as conn:
            return store_state.ledger_stale(conn)

    # The snapshot's reads, for callers that need one of them once.
    def letters(self):
        return self.snapshot().letters

    def letter(self, source: str):
        return self.snapshot().letters.get(source)

    def is_empty(self) -> bool:
        return not self.snapshot().letters

    def commitments(self) -> list[Commitment]:
        return self.snapshot().commitments
