"""The store owns its tables: a letter is written in one transaction, readers get snapshots that follow
every write, and a store written under another schema is never misread. No model: vectors are made up."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from index import schema
from index.chunker import chunk_units
from index.ledger_records import LetterView, new_record
from index.lexical import Fts5Index, LetterFilter
from index.metadata import extract_metadata
from index.model import Kind, LedgerBuild, NewLetter, UnitKind
from index.schema import SCHEMA_VERSION
from index.segmenter import segment
from index.store import Store, StoreError

TEXT = """Ms Jane Hart
Chief Executive
Northby Council

{date}

Dear Ms Hart,

I am writing about the Council's children's services. Please send me a recovery plan by 30 June 2021.
The Department will fund two advisers.

Yours sincerely,

Tom Reed
"""


def new_letter(source: str = "letters/a.txt", date: str = "3 March 2021", extra: str = "") -> NewLetter:
    text = TEXT.format(date=date) + extra
    units = segment(text)
    return NewLetter(
        source=source, folder="letters", sha256=f"sha-{source}-{date}-{extra}", text=text, page_starts=(),
        metadata=extract_metadata(text, Path(source)), units=units,
        unit_vectors=np.eye(len(units), 384, dtype=np.float32),
        chunks=chunk_units(text, units, lambda t: len(t.split()), 40), frames={}, people=(),
    )


def test_a_written_letter_reads_back_as_typed_values(tmp_path):
    store = Store(tmp_path)
    written = new_letter()
    store.write_letter(written)
    snapshot = store.snapshot()
    letter = snapshot.letters["letters/a.txt"]
    assert (letter.title, letter.date, letter.text) == (written.metadata.title, date(2021, 3, 3), written.text)
    assert [(u.start, u.end, u.kind) for u in snapshot.units] == [(u.start, u.end, u.kind) for u in written.units]
    assert all(isinstance(u.kind, UnitKind) for u in snapshot.units)
    assert np.array_equal(snapshot.vectors, written.unit_vectors)
    assert snapshot.chunk_spans["letters/a.txt"] == [(c.start, c.end) for c in written.chunks]


def test_a_snapshot_is_kept_while_nothing_is_written_and_replaced_after_any_write(tmp_path):
    store = Store(tmp_path)
    store.write_letter(new_letter())
    first = store.snapshot()
    assert store.snapshot() is first
    Store(tmp_path).write_letter(new_letter("letters/b.txt"))  # another writer, as another process would be
    second = store.snapshot()
    assert second is not first and set(second.letters) == {"letters/a.txt", "letters/b.txt"}
    assert set(first.letters) == {"letters/a.txt"}, "a snapshot never changes"
    store.delete_letter("letters/a.txt")
    assert set(store.snapshot().letters) == {"letters/b.txt"}


def test_what_a_snapshot_holds_cannot_be_changed(tmp_path):
    store = Store(tmp_path)
    store.write_letter(new_letter())
    snapshot = store.snapshot()
    with pytest.raises(TypeError):
        snapshot.letters["x"] = snapshot.letters["letters/a.txt"]  # type: ignore[index]
    with pytest.raises(ValueError):
        snapshot.vectors[0, 0] = 1.0


def test_what_readers_derive_from_a_snapshot_is_built_once_and_dropped_with_it(tmp_path):
    store = Store(tmp_path)
    store.write_letter(new_letter())
    built = []

    def count_letters(snapshot):
        built.append(snapshot)
        return len(snapshot.letters)

    assert store.snapshot().derived(count_letters) == store.snapshot().derived(count_letters) == 1
    store.write_letter(new_letter("letters/b.txt"))
    assert store.snapshot().derived(count_letters) == 2 and len(built) == 2


class FailingLexicalIndex(Fts5Index):
    def add(self, conn, passages):
        raise RuntimeError("disk full")


def test_a_letter_whose_write_fails_midway_leaves_the_stored_version_whole(tmp_path):
    Store(tmp_path).write_letter(new_letter())
    failing = Store(tmp_path, lexical=FailingLexicalIndex())
    with pytest.raises(RuntimeError):
        failing.write_letter(new_letter(date="4 March 2021"))
    snapshot = Store(tmp_path).snapshot()
    assert snapshot.letters["letters/a.txt"].date == date(2021, 3, 3), "the old rows are still there, none of the new"
    assert len(snapshot.units) == len(new_letter().units)
    assert snapshot.lexical_search(["recovery"], 5)


def test_lexical_search_keeps_to_the_letters_and_dates_asked_for(tmp_path):
    store = Store(tmp_path)
    store.write_letter(new_letter("letters/a.txt", "3 March 2021"))
    store.write_letter(new_letter("letters/b.txt", "9 May 2022"))
    snapshot = store.snapshot()
    assert {h.source for h in snapshot.lexical_search(["recovery", "plan"], 5)} == {"letters/a.txt", "letters/b.txt"}
    assert {h.source for h in snapshot.lexical_search(["plan"], 5, LetterFilter(sources=("letters/b.txt",)))} == {"letters/b.txt"}
    assert {h.source for h in snapshot.lexical_search(["plan"], 5, LetterFilter(date_to=date(2021, 12, 31)))} == {"letters/a.txt"}
    assert snapshot.lexical_search(["unheard"], 5) == []


def old_store(path: Path) -> Path:
    """A store as versions before the schema version was recorded wrote it."""
    path.mkdir()
    with closing(sqlite3.connect(path / "store.sqlite")) as conn:
        conn.execute("CREATE TABLE letters (source TEXT PRIMARY KEY, folder TEXT NOT NULL, sha256 TEXT NOT NULL, "
                     "committed INTEGER NOT NULL DEFAULT 0)")
        conn.execute("INSERT INTO letters VALUES ('letters/a.txt', 'letters', 'x', 1)")
        conn.commit()
    return path


def test_a_store_an_older_version_wrote_is_not_read_but_explained(tmp_path):
    store = Store(old_store(tmp_path / "store"))
    assert store.outdated == 1
    with pytest.raises(StoreError, match="older version.*run `assistant index`"):
        store.snapshot()


def test_a_store_a_newer_version_wrote_is_refused(tmp_path):
    Store(tmp_path)
    with closing(sqlite3.connect(tmp_path / "store.sqlite")) as conn:
        conn.execute("UPDATE store_state SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
        conn.commit()
    with pytest.raises(StoreError, match="newer version"):
        Store(tmp_path)


def schema_2_store(path: Path) -> Store:
    """A store with one letter and its ledger, as version 2 of the tables held it (no `replaces_deadline`, no
    `people`)."""
    store = Store(path)
    letter = new_letter()
    store.write_letter(letter)
    view = LetterView(letter.source, letter.metadata.title, letter.text, letter.metadata, letter.metadata.date)
    start = letter.text.index("Please send")
    record = new_record(view, Kind.REQUEST, start, letter.text.index(".", start) + 1, actor="Ms Jane Hart",
                        actor_name=None, action="send me a recovery plan", recipients=[], deadline=None, due=None,
                        recurrence=None)
    store.write_ledger(LedgerBuild([record], True, "rules", extracted={"letters/a.txt": ("key", "[]")}))
    with closing(sqlite3.connect(path / "store.sqlite")) as conn:
        conn.execute("ALTER TABLE commitments DROP COLUMN replaces_deadline")
        conn.execute("ALTER TABLE letters DROP COLUMN people")
        conn.execute("UPDATE store_state SET value = '2' WHERE key = 'schema_version'")
        conn.commit()
    return Store(path)


def test_a_store_whose_ledger_tables_alone_changed_is_brought_up_to_date_in_place(tmp_path, monkeypatch):
    # As if version 3 had only added these columns to version 2's tables.
    monkeypatch.setattr(schema, "ADDED_SINCE", {2: (schema.commitments.c.replaces_deadline, schema.letters.c.people)})
    store = schema_2_store(tmp_path)
    assert store.outdated == 2
    with pytest.raises(StoreError, match="older version.*run `assistant index`"):
        store.snapshot()
    assert store.migrate()
    assert store.outdated is None and Store(tmp_path).outdated is None
    assert set(store.letters()) == {"letters/a.txt"}, "the letters are kept"
    assert [r.quote for r in store.commitments()] == ["Please send me a recovery plan by 30 June 2021."], \
        "the ledger stays readable until it is built again"
    assert store.stored_extractions() == {}
    assert store.ledger_stale(), "the ledger is built again by the next run"
    store.write_ledger(LedgerBuild(list(store.commitments()), True, "rules", extracted={"letters/a.txt": ("key", "[]")}))  # as the next run does
    assert store.migrate() and store.stored_extractions() == {"letters/a.txt": ("key", "[]")}, \
        "migrating a store already brought up to date changes nothing"


def test_an_older_store_is_migrated_only_when_its_ledger_tables_alone_changed(tmp_path):
    store = Store(old_store(tmp_path / "store"))
    assert not store.migrate() and store.outdated == 1


def test_an_outdated_store_is_set_aside_whole_and_a_new_one_started(tmp_path):
    store = Store(old_store(tmp_path / "store"))
    aside, previous = store.set_aside()
    assert previous == [("letters/a.txt", "letters")]
    assert (aside / "store.sqlite").is_file() and aside.parent == tmp_path / "store"
    assert store.outdated is None and not store.snapshot().letters


def test_a_snapshot_holds_one_state_even_when_a_letter_is_rewritten_after_it(tmp_path):
    store = Store(tmp_path)
    store.write_letter(new_letter())
    before = store.snapshot()
    longer = new_letter(extra="\nP.S. The recovery plan must also cover fostering and adoption services in full.\n")
    Store(tmp_path).write_letter(longer)  # another process rewrites the letter
    for snapshot, letter in ((before, new_letter()), (store.snapshot(), longer)):
        assert snapshot.letters["letters/a.txt"].text == letter.text
        assert [(u.start, u.end) for u in snapshot.units] == [(u.start, u.end) for u in letter.units]
        assert snapshot.chunk_spans["letters/a.txt"] == [(c.start, c.end) for c in letter.chunks]
    assert not before.lexical_search(["fostering"], 5), "a hit in the rewritten text is not the old snapshot's"
    assert store.snapshot().lexical_search(["fostering"], 5)


def test_rewriting_the_ledger_moves_the_state_on(tmp_path):
    store = Store(tmp_path)
    store.write_letter(new_letter())
    first = store.snapshot()
    store.write_ledger(LedgerBuild([], True, "rules"))
    assert store.snapshot() is not first


def test_a_pinned_snapshot_is_read_until_the_pin_ends(tmp_path):
    store = Store(tmp_path)
    store.write_letter(new_letter())
    with store.pinned() as pinned:
        Store(tmp_path).write_letter(new_letter("letters/b.txt"))
        assert store.snapshot() is pinned and set(store.letters()) == {"letters/a.txt"}
    assert set(store.letters()) == {"letters/a.txt", "letters/b.txt"}


def test_a_set_aside_store_remembers_the_letters_still_to_index_again(tmp_path):
    store = Store(old_store(tmp_path / "store"))
    _, previous = store.set_aside()
    assert Store(tmp_path / "store").pending_rebuild() == previous == [("letters/a.txt", "letters")]
    store.set_pending_rebuild([])
    assert store.pending_rebuild() == []
