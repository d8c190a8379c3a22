"""What an index run reports: one outcome per file, and a summary a person reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

# Called with (files done, files in all, the file now being indexed).
Progress = Callable[[int, int, str], None]


class Outcome(str, Enum):
    ADDED = "added"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    REMOVED = "removed"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    WAITING = "waiting"  # still being written (a watched folder): left for a later run


@dataclass
class FileResult:
    source: str
    outcome: Outcome
    message: str = ""


@dataclass
class IndexReport:
    results: list[FileResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the store as a whole, for the person running it

    def counts(self) -> dict[str, int]:
        return {o.value: sum(r.outcome == o for r in self.results) for o in Outcome}

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == Outcome.FAILED]

    def summary(self) -> str:
        counts = self.counts()
        return ", ".join(f"{n} {name}" for name, n in counts.items() if n or name != Outcome.WAITING.value)
