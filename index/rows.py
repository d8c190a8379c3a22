"""The store's conversions between typed values (index.model) and rows of index.schema's tables."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

import numpy as np
import sqlalchemy as sa

from index import schema
from index.model import Letter, NewLetter, StoredUnit
from index.segmenter import UnitKind

DIMENSIONS = 384  # of the packaged model's vectors


def letter_row(letter: NewLetter, now: datetime) -> dict:
    meta = letter.metadata
    return {
        "source": letter.source, "folder": letter.folder, "sha256": letter.sha256, "title": meta.title,
        "date": meta.date, "date_basis": "stated" if meta.date else None,
        "metadata": json.dumps(meta.to_dict(), ensure_ascii=False), "text": letter.text,
        "page_starts": json.dumps(list(letter.page_starts)), "n_chunks": len(letter.chunks),
        "n_units": len(letter.units), "indexed_at": now.isoformat(timespec="seconds"),
    }


def unit_rows(letter: NewLetter) -> list[dict]:
    return [
        {"source": letter.source, "start": u.start, "end": u.end, "kind": u.kind.value, "block": u.block,
         "lead_in": u.lead_in, "embedding": np.asarray(vector, dtype=np.float32).tobytes()}
        for u, vector in zip(letter.units, letter.unit_vectors, strict=True)
    ]


def letter_from_row(row) -> Letter:
    return Letter(
        source=row["source"], folder=row["folder"], sha256=row["sha256"], title=row["title"],
        date=row["date"], date_basis=row["date_basis"], metadata=json.loads(row["metadata"]),
        text=row["text"], page_starts=tuple(json.loads(row["page_starts"])),
        n_chunks=row["n_chunks"], n_units=row["n_units"],
    )


def read_letters(conn: sa.Connection) -> dict[str, Letter]:
    """Every stored letter by source, in order."""
    found = conn.execute(sa.select(schema.letters).order_by(schema.letters.c.source)).mappings()
    return {row["source"]: letter_from_row(row) for row in found}


def units_from_rows(rows: Sequence) -> tuple[tuple[StoredUnit, ...], np.ndarray]:
    """The units and their vectors, one row each (read-only: a snapshot's values are never changed)."""
    units = tuple(StoredUnit(r.source, r.start, r.end, UnitKind(r.kind), r.block, r.lead_in) for r in rows)
    vectors = (np.vstack([np.frombuffer(r.embedding, dtype=np.float32) for r in rows]) if rows
               else np.zeros((0, DIMENSIONS), np.float32))
    vectors.flags.writeable = False
    return units, vectors
