"""Each unit's frames (index.frames) in the store's SQL database, as JSON: parsed once when a letter is
written, read back when the ledger is rebuilt, so that relinking parses nothing. The table is in
index.schema; its rows are deleted with the letter's other rows.

Each row carries the version of the reading that made it (the frame rules, their vocabulary and the
parser's model): frames read by other code are stale, and are read again rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa

from index.frames import Frame
from index.model import UnitFrames
from index.schema import frames as table

READERS = ("frames.py", "frame_cues.py", "frame_parties.py", "vocabulary.py")  # the modules whose rules decide what a frame is


@lru_cache(maxsize=1)
def version() -> str:
    """A digest of the frame rules, their vocabulary and the parser model's version."""
    from index.language import MODEL_VERSION

    digest = hashlib.sha256(MODEL_VERSION.encode())
    for name in READERS:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:16]


def write_letter(conn: sa.Connection, source: str, unit_frames: UnitFrames) -> None:
    """A row for every unit, a unit that binds no one included: a letter with rows was parsed in full."""
    rows = [
        {"source": source, "start": start, "end": end,
         "data": json.dumps({"version": version(), "frames": [f.to_dict() for f in found]}, ensure_ascii=False)}
        for (start, end), found in unit_frames.items()
    ]
    if rows:
        conn.execute(table.insert(), rows)


def load(conn: sa.Connection, sources: list[str] | None = None) -> dict[str, UnitFrames]:
    """The letters' frames by source (all letters', by default), read by this version; a letter with none, or
    with any read by other code, is absent."""
    out: dict[str, dict[tuple[int, int], tuple[Frame, ...]]] = {}
    stale: set[str] = set()
    query = sa.select(table.c.source, table.c.start, table.c.end, table.c.data)
    for source, start, end, data in conn.execute(query if sources is None else query.where(table.c.source.in_(sources))):
        row = json.loads(data)
        if not isinstance(row, dict) or row.get("version") != version():
            stale.add(source)
            continue
        out.setdefault(source, {})[(start, end)] = tuple(Frame.from_dict(d) for d in row["frames"])
    return {source: frames for source, frames in out.items() if source not in stale}


def replace_letter(conn: sa.Connection, source: str, unit_frames: UnitFrames) -> None:
    """The letter's frames read again, in place of stale ones."""
    conn.execute(table.delete().where(table.c.source == source))
    write_letter(conn, source, unit_frames)
