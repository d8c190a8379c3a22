"""What the store holds, as typed values: a letter as stored, its units, and a letter ready to be written.

Conversion to and from rows happens inside the store alone (index/rows.py, called by index.store and
index.snapshot).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from index.canonical import page_at
from index.chunker import Chunk
from index.dates import date_in_name
from index.ledger_records import UnitFrames
from index.metadata import LetterMetadata
from index.segmenter import Unit, UnitKind


@dataclass(frozen=True)
class Letter:
    source: str
    folder: str
    sha256: str
    title: str
    date: str | None
    date_basis: str | None
    metadata: dict
    text: str
    page_starts: tuple[int, ...]
    n_chunks: int
    n_units: int

    def page_at(self, offset: int) -> int | None:
        return page_at(self.page_starts, offset)

    def reading_date(self) -> date | None:
        """What its relative dates ("on 4 September") are read against: its own date, else its file name's."""
        return date.fromisoformat(self.date) if self.date else date_in_name(Path(self.source).name)


@dataclass(frozen=True)
class Indexed:
    """What the indexer needs to know of a stored letter to decide whether a file changed."""

    source: str
    folder: str
    sha256: str


@dataclass(frozen=True)
class StoredUnit:
    """A unit (sentence, list item or line) of a stored letter."""

    source: str
    start: int
    end: int
    kind: UnitKind
    block: int
    lead_in: int | None


@dataclass(frozen=True)
class NewLetter:
    """Everything the store keeps of one letter, read and embedded, ready to be written in one transaction."""

    source: str
    folder: str
    sha256: str
    text: str
    page_starts: tuple[int, ...]
    metadata: LetterMetadata
    units: list[Unit]
    unit_vectors: np.ndarray  # one normalised row per unit
    chunks: list[Chunk]
    frames: UnitFrames
