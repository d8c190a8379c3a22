"""Each letter's ledger records as extraction read them, kept in the store, so that rebuilding the ledger
after one letter changes reads that letter alone: the others' records are taken back unless something
extraction reads of them changed.

A letter's key digests all that extraction reads: the letter as the ledger sees it (text, metadata with the
bodies other letters make known, its stated or inferred date), the code of the index package (its rules,
vocabulary and parsers; the parser's model is named in index/language.py) and the versions of the date
and parsing libraries. Records are kept as extracted, before the links across letters are made, because
linking changes them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from index.ledger import extract, letter_frames
from index.ledger_records import LetterView
from index.model import Commitment, UnitFrames, iso
from index.rows import records_from_json, records_json
from index.segmenter import segment


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A digest of the index package's code and of the libraries that read dates and parse sentences: any
    change to them may change what extraction reads."""
    digest = hashlib.sha256(" ".join(version(name) for name in ("dateparser", "spacy")).encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def key(letter: LetterView) -> str:
    seen = [letter.source, letter.title, letter.text, letter.metadata.to_dict(), iso(letter.date),
            letter.date_basis, letter.layout.to_json()]
    return hashlib.sha256((rules_version() + json.dumps(seen, sort_keys=True, ensure_ascii=False)).encode()).hexdigest()


class CachedExtraction:
    """`index.ledger.extract` that takes back a letter's stored records when its key is unchanged, and else
    reads the letter with its stored frames (`read_frames`), parsing it only when they are missing or stale.
    What it had to read afresh is in `fresh` and `reread`, for the store to keep."""

    def __init__(self, stored: dict[str, tuple[str, str]],
                 read_frames: Callable[[str], UnitFrames | None] = lambda source: None) -> None:
        self.stored = stored  # source → (key, records as JSON)
        self.read_frames = read_frames
        self.fresh: dict[str, tuple[str, str]] = {}
        self.reread: dict[str, UnitFrames] = {}

    def take_back(self, stored: dict[str, tuple[str, str]]) -> None:
        """Take back these letters' stored records too (when their keys are unchanged)."""
        self.stored.update(stored)

    def __call__(self, letter: LetterView) -> list[Commitment]:
        wanted = key(letter)
        found = self.fresh.get(letter.source) or self.stored.get(letter.source)
        if found and found[0] == wanted:
            return records_from_json(found[1])
        frames = letter.frames if letter.frames is not None else self.read_frames(letter.source)
        if frames is None:  # stored by an older version: parsed again, and segmented once for both
            letter = replace(letter, units=letter.units or segment(letter.text, letter.layout))
            frames = self.reread[letter.source] = letter_frames(letter.text, letter.units)
        records = extract(replace(letter, frames=frames))
        self.fresh[letter.source] = (wanted, records_json(records))
        return records
