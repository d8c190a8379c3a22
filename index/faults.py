"""Test-only fault points: with `ASSISTANT_FAULT_POINT` naming one, the indexer stops there — it
writes `fault-<point>` (its process id) into the store folder and waits — so a test can kill a real
indexing process at exactly that moment instead of guessing with a timer."""

from __future__ import annotations

import os
import signal
from enum import Enum
from pathlib import Path


class FaultPoint(str, Enum):
    # Every letter committed; the ledger not yet relinked.
    AFTER_COMMIT = "after-commit"


def reach(configured: str | None, point: FaultPoint, folder: Path) -> None:
    if configured != point.value:
        return
    (Path(folder) / f"fault-{point.value}").write_text(str(os.getpid()), encoding="utf-8")
    while True:  # wait to be killed
        signal.pause()
