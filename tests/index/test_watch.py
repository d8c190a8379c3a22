"""A watched folder: letters are indexed as they arrive, change, move or go, one run per burst, never half
written, and never in a store another process is writing."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from benchmarks.synthetic_letters import write_corpus
from index.index_report import Outcome
from index.watch import FolderWatch
from tests.conftest import BORE_LETTER, EVAL_CORPUS, LE_GRAND_LETTER
from tests.helpers import PLAN_QUESTION, until

pytestmark = pytest.mark.integration
QUIET = 0.8


@pytest.fixture
def watched(tmp_path, new_assistant):
    """An assistant over an empty store, and a watch on an empty folder indexing into it."""
    assistant, folder = new_assistant(), tmp_path / "incoming"
    watch = FolderWatch(folder, lambda settle: assistant.indexer.run([folder], settle=settle), QUIET).start()
    until(lambda: watch.runs == 1, what="the first run")
    yield assistant, folder, watch
    watch.stop()


def sources(assistant) -> set[str]:
    return {Path(s).name for s in assistant.store.letters()}


def test_fifty_files_dropped_at_once_are_indexed_in_one_run(watched, tmp_path):
    assistant, folder, watch = watched
    staged = write_corpus(tmp_path / "staged", 50, seed=3)
    for path in staged:
        shutil.copy(path, folder / path.name)
    until(lambda: len(sources(assistant)) == 50, what="50 letters")
    time.sleep(2 * QUIET)
    assert watch.runs == 2
    assert sum(a.result.outcome == Outcome.ADDED for a in watch.arrivals) == 50


def test_a_file_still_being_written_is_left_until_it_settles(new_assistant, tmp_path):
    assistant, folder = new_assistant(), tmp_path / "incoming"
    folder.mkdir()
    whole = (EVAL_CORPUS / BORE_LETTER).read_bytes()
    (folder / BORE_LETTER).write_bytes(whole[: len(whole) // 2])
    report = assistant.indexer.run([folder], settle=60)
    assert [r.outcome for r in report.results] == [Outcome.WAITING]
    assert not assistant.store.letters()
    (folder / BORE_LETTER).write_bytes(whole)
    old = time.time() - 120
    os.utime(folder / BORE_LETTER, (old, old))
    assert [r.outcome for r in assistant.indexer.run([folder], settle=60).results] == [Outcome.ADDED]


def test_a_slow_copy_is_indexed_once_whole(watched):
    assistant, folder, watch = watched
    whole = (EVAL_CORPUS / BORE_LETTER).read_bytes()
    with open(folder / BORE_LETTER, "wb") as out:
        for start in range(0, len(whole), len(whole) // 8):
            out.write(whole[start : start + len(whole) // 8])
            out.flush()
            time.sleep(QUIET / 4)  # pauses well within the quiet time, as a slow copy makes (a busy machine adds to them)
    # the store shows the letter a moment before the run that wrote it logs its arrivals: wait for both, then
    # long enough for a second run to have happened if the first had read the file half-written
    until(lambda: sources(assistant) == {BORE_LETTER} and watch.arrivals, what="the arrival")
    time.sleep(2 * QUIET)
    outcomes = [a.result.outcome for a in watch.arrivals]
    assert outcomes == [Outcome.ADDED]  # never indexed half-written and then updated
    assert assistant.store.letter(str(folder / BORE_LETTER)).text.strip().endswith(
        whole.decode().strip().splitlines()[-1].strip())


def test_changes_renames_and_removals_are_followed_and_a_removed_letter_is_never_cited(watched):
    assistant, folder, _ = watched
    for name in (BORE_LETTER, LE_GRAND_LETTER):
        shutil.copy(EVAL_CORPUS / name, folder / name)
    until(lambda: sources(assistant) == {BORE_LETTER, LE_GRAND_LETTER})
    (folder / LE_GRAND_LETTER).rename(folder / "thanks.txt")
    until(lambda: sources(assistant) == {BORE_LETTER, "thanks.txt"}, what="the rename")
    with open(folder / "thanks.txt", "a", encoding="utf-8") as out:
        out.write("\nPS. I would be grateful for a short note on progress by 30 June 2014.\n")
    until(lambda: "30 June 2014" in assistant.store.letter(str(folder / "thanks.txt")).text, what="the change")
    (folder / BORE_LETTER).unlink()
    until(lambda: sources(assistant) == {"thanks.txt"}, what="the removal")
    answer = assistant.ask(PLAN_QUESTION)  # the removed letter answers it
    assert all(Path(c.source).name != BORE_LETTER for c in answer.citations)


def test_a_store_another_process_is_writing_is_waited_for(watched):
    assistant, folder, watch = watched
    with assistant.store.writer_lock():
        shutil.copy(EVAL_CORPUS / LE_GRAND_LETTER, folder / LE_GRAND_LETTER)
        time.sleep(4 * QUIET)
        assert not assistant.store.letters() and watch.runs == 1
    until(lambda: sources(assistant) == {LE_GRAND_LETTER}, what="the retry")
