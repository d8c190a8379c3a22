"""A run killed after its last letter's commit and before the ledger is built is completed by the next
run, even one with nothing to index: the store's link-version marker says the ledger is stale."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index import ledger_store
from index.faults import FaultPoint
from index.store import Store
from tests.conftest import ROOT, copy_seed_letters

pytestmark = pytest.mark.integration


def index_process(letters: Path, store: Path, fault_point: str | None = None) -> subprocess.Popen:
    env = {**os.environ, "ASSISTANT_STORE": str(store), "HF_HUB_OFFLINE": "1"}
    env.pop("ASSISTANT_FAULT_POINT", None)
    if fault_point:
        env["ASSISTANT_FAULT_POINT"] = fault_point
    log = (store.parent / f"index-{fault_point or 'run'}.log").open("w")  # not a pipe nobody reads
    return subprocess.Popen([sys.executable, "-m", "ui.cli", "index", str(letters)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=log, text=True)


def wait_for(marker: Path, process: subprocess.Popen, limit_s: float = 300) -> None:
    """Until the indexer reports reaching its fault point (a condition, not a guessed duration)."""
    deadline = time.monotonic() + limit_s
    while not marker.exists():
        assert process.poll() is None, "the indexer exited before its fault point"
        assert time.monotonic() < deadline, "the indexer never reached its fault point"
        time.sleep(0.1)


def spans(records) -> set[tuple[str, int, int, str | None, str]]:
    return {(Path(r.source).name, r.start, r.end, r.deadline, r.status) for r in records}


def test_a_run_killed_before_relinking_is_completed_by_the_next(tmp_path, seed_assistant):
    letters, store_path = tmp_path / "letters", tmp_path / "store"
    copy_seed_letters(letters)
    killed = index_process(letters, store_path, FaultPoint.AFTER_COMMIT.value)
    try:
        wait_for(store_path / f"fault-{FaultPoint.AFTER_COMMIT.value}", killed)
    finally:
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(timeout=30)
    assert killed.returncode == -signal.SIGKILL

    store = Store(store_path)
    assert len(store.letters()) == 2, "every letter was committed before the kill"
    assert not store.commitments() and store.ledger_stale(), "the ledger was never built"

    rerun = index_process(letters, store_path)
    assert rerun.wait(timeout=300) == 0
    assert "2 unchanged" in (tmp_path / "index-run.log").read_text()
    store = Store(store_path)
    assert not store.ledger_stale()
    expected = spans(seed_assistant.store.commitments())
    assert expected and spans(store.commitments()) == expected


def test_a_run_with_nothing_to_do_does_not_rebuild_a_linked_ledger(tmp_path, new_assistant):
    letters = tmp_path / "letters"
    copy_seed_letters(letters)
    assistant = new_assistant()
    assistant.indexer.run([letters])
    assert not assistant.store.ledger_stale()
    first = assistant.store.commitments()[0]
    with assistant.store.engine.begin() as conn:  # a probe: a rebuilt ledger would have this record back
        conn.execute(ledger_store.commitments.delete().where(ledger_store.commitments.c.id == first.id))
    assistant.indexer.run([letters])
    ledger = Store(assistant.store.path).commitments()  # read afresh: the probe wrote behind the store's back
    assert first.id not in {r.id for r in ledger}
