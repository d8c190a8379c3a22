"""A watched sources folder (`assistant watch`, `assistant serve --watch`): the folder is indexed again when
files arrive, change, move or go (watchdog), once it has been still for a while.

Debounced twice over. A run starts only when no event has come for `quiet` seconds, so a burst of files
is one run; and the run leaves any file modified in the last `quiet` seconds for the next one
(`Indexer.run(settle=…)`), so a file still being copied is never indexed half-written. A run that finds
another process writing the store waits and tries again; a run that fails is logged and the watch goes on.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from index.index_report import FileResult, IndexReport, Outcome
from index.store_errors import StoreBusy

log = logging.getLogger(__name__)
HISTORY = 200  # recent outcomes kept, with their times (`FolderWatch.arrivals`)


@dataclass(frozen=True)
class Arrival:
    """One file's outcome in a watched run, and when."""

    at: datetime
    result: FileResult


class _Touched(FileSystemEventHandler):
    def __init__(self, touched: Callable[[], None]) -> None:
        self.touched = touched

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("opened", "closed_no_write"):  # reads change nothing
            self.touched()


class FolderWatch:
    """Follows `folder` and calls `run(settle)` (an index run over it) after each burst of changes; the first
    run comes at start, for what changed while nobody watched."""

    def __init__(self, folder: Path, run: Callable[[float], IndexReport], quiet: float,
                 on_report: Callable[[IndexReport], None] | None = None) -> None:
        self.folder, self.run, self.quiet = folder, run, quiet
        self.on_report = on_report or log_report
        self.arrivals: deque[Arrival] = deque(maxlen=HISTORY)
        self.runs = 0
        self._last = time.monotonic()
        self._lock = threading.Lock()
        self._changed, self._stopping = threading.Event(), threading.Event()
        self._observer = Observer()
        self._thread = threading.Thread(target=self._follow, name=f"watch {folder}", daemon=True)

    def start(self) -> FolderWatch:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._observer.schedule(_Touched(self._touch), str(self.folder), recursive=True)
        self._observer.start()
        self._touch()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._changed.set()
        self._observer.stop()
        self._observer.join()
        self._thread.join()

    def _touch(self) -> None:
        with self._lock:
            self._last = time.monotonic()
        self._changed.set()

    def _follow(self) -> None:
        while self._changed.wait() and not self._stopping.is_set():
            if not self._still():
                return
            self._changed.clear()
            report = self._run_when_free()
            if report is None:
                return
            if any(r.outcome == Outcome.WAITING for r in report.results):
                self._touch()  # look again once those files have settled

    def _still(self) -> bool:
        """Wait until no event has come for `quiet` seconds; False when the watch is stopped meanwhile."""
        while True:
            with self._lock:
                remaining = self._last + self.quiet - time.monotonic()
            if remaining <= 0:
                return True
            if self._stopping.wait(remaining):
                return False

    def _run_when_free(self) -> IndexReport | None:
        """One index run, retried while another process writes the store; None when stopped meanwhile."""
        while not self._stopping.is_set():
            try:
                report = self.run(self.quiet)
            except StoreBusy as busy:
                log.info("%s; trying again in %.1f s", busy, self.quiet)
                self._stopping.wait(self.quiet)
                continue
            except Exception:  # noqa: BLE001 - a failed run must not end the watch
                log.exception("indexing %s failed; the watch goes on", self.folder)
                return IndexReport()
            self.runs += 1
            now = datetime.now()
            self.arrivals.extend(Arrival(now, r) for r in report.results if r.outcome != Outcome.UNCHANGED)
            self.on_report(report)
            return report
        return None


def log_report(report: IndexReport) -> None:
    """Each file that changed, then the run's summary."""
    for result in report.results:
        if result.outcome == Outcome.FAILED:
            log.warning("failed: %s", result.message)
        elif result.outcome != Outcome.UNCHANGED:
            log.info("%s: %s", result.outcome.value, result.source)
    log.info("watched run: %s", report.summary())
