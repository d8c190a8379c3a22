"""Re-indexing mirrors the folder: added, updated, unchanged, removed, duplicate, failed."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from index import schema
from index.index_report import Outcome
from index.store import StoreError
from tests.conftest import BORE_LETTER, LE_GRAND_LETTER, ROOT, copy_seed_letters


def outcomes(report):
    return {Path(r.source).name: r.outcome for r in report.results}


@pytest.fixture
def folder(tmp_path):
    letters = tmp_path / "letters"
    copy_seed_letters(letters)
    return letters


def chunk_ids(assistant):
    return sorted(assistant.vectorstore.get()["ids"])


def test_first_run_adds_every_letter_and_chunks_are_exact_spans(new_assistant, folder):
    assistant = new_assistant()
    report = assistant.indexer.run([folder])
    assert set(outcomes(report).values()) == {Outcome.ADDED}
    stored = assistant.vectorstore.get(include=["documents", "metadatas"])
    assert stored["ids"]
    for text, meta in zip(stored["documents"], stored["metadatas"], strict=True):
        letter = assistant.store.letter(meta["source"])
        assert letter.text[meta["start"] : meta["end"]] == text
        assert assistant.embeddings.count_tokens(text) <= 256


def test_reindex_counts_for_change_delete_unchanged_add_and_duplicate(new_assistant, folder):
    assistant = new_assistant()
    assistant.indexer.run([folder])
    before = chunk_ids(assistant)

    again = assistant.indexer.run([folder])
    assert set(outcomes(again).values()) == {Outcome.UNCHANGED}
    assert chunk_ids(assistant) == before

    bore = folder / BORE_LETTER
    bore.write_text(bore.read_text().replace("by June 2014", "by July 2014"))
    (folder / LE_GRAND_LETTER).unlink()
    (folder / "sub").mkdir()
    (folder / "sub" / "new.md").write_text("Dear Ms Hart,\n\nPlease publish the plan by 1 May 2015.\n")
    shutil.copy(folder / "sub" / "new.md", folder / "copy-of-new.md")
    report = assistant.indexer.run([folder])
    assert outcomes(report) == {
        BORE_LETTER: Outcome.UPDATED,
        LE_GRAND_LETTER: Outcome.REMOVED,
        "new.md": Outcome.ADDED,
        "copy-of-new.md": Outcome.DUPLICATE,
    } or outcomes(report) == {
        BORE_LETTER: Outcome.UPDATED,
        LE_GRAND_LETTER: Outcome.REMOVED,
        "new.md": Outcome.DUPLICATE,
        "copy-of-new.md": Outcome.ADDED,
    }
    sources = {Path(s).name for s in assistant.store.letters()}
    assert sources == {BORE_LETTER, "new.md"} or sources == {BORE_LETTER, "copy-of-new.md"}
    assert "by July 2014" in assistant.store.letter(str(folder / BORE_LETTER)).text
    # Vectors of the removed letter are gone; the changed letter has no stale chunks.
    stored = assistant.vectorstore.get(include=["metadatas", "documents"])
    assert not any(Path(m["source"]).name == LE_GRAND_LETTER for m in stored["metadatas"])
    assert not any("by June 2014" in d and "senior management" in d for d in stored["documents"])


def test_letters_from_other_folders_are_left_alone(new_assistant, folder, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("Dear Ms Hart,\n\nPlease publish the plan by 1 May 2015.\n")
    assistant = new_assistant()
    assistant.indexer.run([folder])
    assistant.indexer.run([other])
    assert len(assistant.store.letters()) == 3
    (folder / LE_GRAND_LETTER).unlink()
    assistant.indexer.run([folder])
    assert {Path(s).name for s in assistant.store.letters()} == {BORE_LETTER, "note.txt"}


def test_bad_files_fail_alone_and_never_damage_the_index(new_assistant, folder):
    assistant = new_assistant()
    assistant.indexer.run([folder])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (folder / ".hidden.txt").write_text("Dear X,\n\nsecret")
    bore = folder / BORE_LETTER
    good = bore.read_text()
    bore.write_bytes(b"\xff\xfe\x00garbage\x00")  # a letter overwritten by junk
    report = assistant.indexer.run([folder])
    result = outcomes(report)
    assert result["empty.txt"] == Outcome.FAILED and result["broken.pdf"] == Outcome.FAILED
    assert result[BORE_LETTER] == Outcome.FAILED
    assert ".hidden.txt" not in result
    messages = " ".join(r.message for r in report.failed)
    assert "empty.txt" in messages and "broken.pdf" in messages
    # The earlier, good version of the letter still answers.
    assert assistant.store.letter(str(bore)).text.startswith("Edward Timpson MP")
    assert good  # unchanged on disk apart from our overwrite


def test_a_second_writer_is_refused_with_a_clear_message(new_assistant, folder):
    assistant = new_assistant()
    with assistant.store.writer_lock():
        with pytest.raises(StoreError, match="being written by process"):
            with assistant.store.writer_lock():
                pass


def committed(sqlite: Path) -> int:
    """Letters written in full: each letter's rows are one transaction."""
    try:
        with closing(sqlite3.connect(sqlite, timeout=1)) as conn:
            return conn.execute("select count(*) from letters").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_a_run_killed_midway_is_completed_by_the_next_run(tmp_path, folder, new_assistant):
    for i in range(12):
        (folder / f"extra-{i}.txt").write_text(
            f"Dear Ms Hart,\n\nLetter {i}. " + " ".join(f"The Council must report item {i}-{j} by 1 May 2015." for j in range(60))
        )
    store = tmp_path / "killed-store"
    env = {**os.environ, "ASSISTANT_STORE": str(store)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.cli", "index", str(folder)], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    sqlite = store / "store.sqlite"
    deadline = time.time() + 120
    while time.time() < deadline and committed(sqlite) < 2:  # kill once some letters are in
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert committed(sqlite) < 14, "the run was killed before it finished"
    assistant = new_assistant("killed-store")
    report = assistant.indexer.run([folder])
    assert not report.failed
    letters = assistant.store.letters()
    assert len(letters) == 14
    stored = assistant.vectorstore.get(include=["metadatas"])
    keys = [(m["source"], m["start"], m["end"]) for m in stored["metadatas"]]
    assert len(keys) == len(set(keys)), "no duplicate chunks after the re-run"
    assert {k[0] for k in keys} == set(letters), "every letter has its chunks"
    assert sum(v.n_chunks for v in letters.values()) == len(keys)


def test_a_store_an_older_version_wrote_is_rebuilt_from_its_letters_files(new_assistant, folder, tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    with closing(sqlite3.connect(store / "store.sqlite")) as conn:  # as versions before the schema version wrote it
        conn.execute("CREATE TABLE letters (source TEXT PRIMARY KEY, folder TEXT NOT NULL, committed INTEGER)")
        conn.executemany("INSERT INTO letters VALUES (?, ?, 1)",
                         [(str(folder / BORE_LETTER), str(folder)), (str(folder / "gone.txt"), str(folder))])
        conn.commit()
    assistant = new_assistant("store")
    with pytest.raises(StoreError, match="older version"):
        assistant.ask("Who has been appointed Commissioner?")
    report = assistant.indexer.run([])
    assert "older version" in report.notes[0] and "set aside" in report.notes[0]
    assert outcomes(report) == {BORE_LETTER: Outcome.ADDED, "gone.txt": Outcome.FAILED}
    assert "no longer there" in report.failed[0].message
    assert set(assistant.store.letters()) == {str(folder / BORE_LETTER)}
    assert list(store.glob("outdated-schema-1-*/store.sqlite")), "the old database is kept, not deleted"
    assert not assistant.ask("Who has been appointed Commissioner?").abstained
    assert assistant.store.pending_rebuild() == []


def test_a_store_whose_ledger_tables_alone_changed_keeps_its_letters_and_builds_its_ledger_again(
        new_assistant, folder, tmp_path, monkeypatch):
    # As if version 3 had only added these columns to version 2's tables.
    monkeypatch.setattr(schema, "ADDED_SINCE", {2: (schema.commitments.c.replaces_deadline, schema.letters.c.people)})
    assistant = new_assistant("store")
    assistant.indexer.run([folder])
    ledger = assistant.store.commitments()
    with closing(sqlite3.connect(tmp_path / "store" / "store.sqlite")) as conn:  # as schema 2 held the ledger
        conn.execute("ALTER TABLE commitments DROP COLUMN replaces_deadline")
        conn.execute("ALTER TABLE letters DROP COLUMN people")
        conn.execute("UPDATE store_state SET value = '2' WHERE key = 'schema_version'")
        conn.commit()
    again = new_assistant("store")
    with pytest.raises(StoreError, match="older version"):
        again.ask("Who has been appointed Commissioner?")
    report = again.indexer.run([folder])
    assert "older version" in report.notes[0] and "letters are kept" in report.notes[0]
    assert set(outcomes(report).values()) == {Outcome.UNCHANGED}, "no letter is read or embedded again"
    assert again.store.commitments() == ledger and ledger
    assert all(letter.people is not None for letter in again.store.letters().values()), \
        "what the letters say of their parties' bodies is read once, and kept"
    assert not again.ask("Who has been appointed Commissioner?").abstained


def test_a_rebuild_killed_after_the_store_was_set_aside_is_completed_by_the_next_run(new_assistant, folder, tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    with closing(sqlite3.connect(store / "store.sqlite")) as conn:
        conn.execute("CREATE TABLE letters (source TEXT PRIMARY KEY, folder TEXT NOT NULL)")
        conn.execute("INSERT INTO letters VALUES (?, ?)", (str(folder / LE_GRAND_LETTER), str(folder)))
        conn.commit()
    new_assistant("store").store.set_aside()  # what a run killed just after setting the store aside leaves
    report = new_assistant("store").indexer.run([])
    assert outcomes(report) == {LE_GRAND_LETTER: Outcome.ADDED}
