"""The store's single-writer lock: one process writes a store at a time (an index run, an upload, a watched
folder's run); a second is told at once who holds it rather than waiting unseen."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from index.store_errors import StoreBusy


@contextmanager
def held(path: Path) -> Iterator[None]:
    """Hold the lock of the store at `path`, or raise StoreBusy naming the process that holds it."""
    handle = open(path / "write.lock", "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise StoreBusy(f"{path}: the store is being written by {holder}; wait for it to finish and try again") from None
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
