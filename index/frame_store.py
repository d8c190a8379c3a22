"""Each unit's frames (index.frames) in the store's SQL database, as JSON: parsed once when a letter is
written, read back when the ledger is rebuilt, so that relinking parses nothing. The table is in
index.store's schema; its rows are deleted with the letter's other rows."""

from __future__ import annotations

import json

import sqlalchemy as sa

from index.frames import Frame
from index.ledger_records import UnitFrames


def write_letter(conn: sa.Connection, source: str, unit_frames: UnitFrames) -> None:
    """A row for every unit, a unit that binds no one included: a letter with rows was parsed in full."""
    rows = [
        {"source": source, "start": start, "end": end, "data": json.dumps([f.to_dict() for f in found], ensure_ascii=False)}
        for (start, end), found in unit_frames.items()
    ]
    if rows:
        conn.execute(sa.text('INSERT INTO frames (source, start, "end", data) VALUES (:source, :start, :end, :data)'), rows)


def load(conn: sa.Connection) -> dict[str, UnitFrames]:
    """Every letter's frames by source; a letter stored by a version that kept no frames is absent."""
    out: dict[str, dict[tuple[int, int], tuple[Frame, ...]]] = {}
    for source, start, end, data in conn.execute(sa.text('SELECT source, start, "end", data FROM frames')):
        out.setdefault(source, {})[(start, end)] = tuple(Frame.from_dict(d) for d in json.loads(data))
    return out
