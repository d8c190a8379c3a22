"""`assistant watch`: a letter dropped into the folder becomes answerable through `assistant ask`, and Ctrl-C
stops the watch cleanly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from tests.conftest import BORE_LETTER, EVAL_CORPUS, ROOT
from tests.helpers import PLAN_QUESTION, until

pytestmark = pytest.mark.integration


def test_assistant_watch_makes_a_dropped_letter_answerable(tmp_path):
    folder, store = tmp_path / "incoming", tmp_path / "store"
    env = {**os.environ, "ASSISTANT_STORE": str(store), "ASSISTANT_WATCH_QUIET": "0.5", "HF_HUB_OFFLINE": "1"}
    watcher = subprocess.Popen([sys.executable, "-m", "ui.cli", "watch", str(folder)], cwd=ROOT, env=env,
                               stderr=subprocess.PIPE, text=True)
    try:
        until(lambda: folder.is_dir() and (store / "store.sqlite").exists(), timeout=60, what="the watch to start")
        shutil.copy(EVAL_CORPUS / BORE_LETTER, folder / BORE_LETTER)

        def answered():
            ask = subprocess.run([sys.executable, "-m", "ui.cli", "ask", "--json", PLAN_QUESTION],
                                 cwd=ROOT, env=env, capture_output=True, text=True)
            return ask.returncode == 0 and BORE_LETTER in ask.stdout

        until(answered, timeout=90, what="the dropped letter to be answerable")
    finally:
        watcher.send_signal(signal.SIGINT)
        _, err = watcher.communicate(timeout=30)
    assert watcher.returncode == 0, err
    assert "watching" in err and "1 added" in err
