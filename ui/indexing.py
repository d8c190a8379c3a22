"""Indexing from the terminal, for `assistant index` and for `assistant serve` on an empty store:
a progress bar and one line per problem on stderr, the summary last."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path

from assistant.service import Assistant
from index.index_report import IndexReport, Outcome
from index.watch import FolderWatch

log = logging.getLogger("assistant")
SHOWN = {Outcome.FAILED, Outcome.DUPLICATE}  # what the user must act on; the rest goes to the log


def index_with_progress(assistant: Assistant, paths: list[Path]) -> IndexReport:
    from tqdm import tqdm

    bar = None

    def progress(i: int, total: int, name: str) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, unit="file", file=sys.stderr, disable=total < 3)
        bar.set_postfix_str(Path(name).name[:40])
        bar.update(1)

    report = assistant.indexer.run(paths, progress=progress)
    if bar:
        bar.close()
    print_report(report)
    print(f"indexed into {assistant.store.path}: {report.summary()}", file=sys.stderr)
    return report


def print_report(report: IndexReport) -> None:
    """The run's notes and what the user must act on, on stderr; every other file's outcome to the log."""
    for note in report.notes:
        print(note, file=sys.stderr)
    for result in report.results:
        if result.outcome in SHOWN or result.message:  # a file indexed with a warning (a malformed message) too
            print(f"{result.outcome.value}: {result.message}", file=sys.stderr)
        else:
            log.info("%s: %s", result.outcome.value, result.source)


def watch(assistant: Assistant, folder: Path) -> FolderWatch:
    """Start following `folder`: each run's problems and summary on stderr, as `assistant index` prints them."""
    def announce(report: IndexReport) -> None:
        print_report(report)
        print(f"{datetime.now():%H:%M:%S} indexed {folder}: {report.summary()}", file=sys.stderr)

    def run(settle: float) -> IndexReport:
        return assistant.indexer.run([folder], settle=settle)

    return FolderWatch(folder, run, assistant.settings.watch_quiet, on_report=announce).start()


def prepare_to_serve(assistant: Assistant, sources: Path) -> None:
    """Before serving: a store an older version wrote is rebuilt and an empty one filled from the sources
    folder, so the first question finds letters; a ledger left unbuilt by a killed run is built."""
    if assistant.store.outdated is not None:
        index_with_progress(assistant, [Path(sources)] if Path(sources).is_dir() else [])
        return
    if not assistant.store.is_empty():
        if assistant.indexer.bring_up_to_date():
            print(f"Built the ledger of {assistant.store.path}: an index run had stopped before building it.",
                  file=sys.stderr)
        return
    if not Path(sources).is_dir():
        print(f"The store {assistant.store.path} is empty and {sources} is not a folder: add letters in the app's "
              "Letters tab.", file=sys.stderr)
        return
    print(f"The store {assistant.store.path} is empty: indexing {sources} first.", file=sys.stderr)
    index_with_progress(assistant, [Path(sources)])
