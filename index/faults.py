"""Test-only fault points: with `ASSISTANT_FAULT_POINT` naming one in the environment, the indexer stops
there — it writes `fault-<point>` (its process id) into the store folder and waits — so a test can kill a
real indexing process at exactly that moment instead of guessing with a timer.

Read from the process environment only, never from a `.env` file or the settings: a stray value there
would hang every index run while it holds the writer lock.
"""

from __future__ import annotations

import os
import signal
from enum import Enum
from pathlib import Path

VARIABLE = "ASSISTANT_FAULT_POINT"


class FaultPoint(str, Enum):
    # Every letter committed; the ledger not yet built.
    AFTER_COMMIT = "after-commit"


def reach(point: FaultPoint, folder: Path) -> None:
    if os.environ.get(VARIABLE) != point.value:
        return
    (Path(folder) / f"fault-{point.value}").write_text(str(os.getpid()), encoding="utf-8")
    while True:  # wait to be killed
        signal.pause()
