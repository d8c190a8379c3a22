"""The store's conversions between typed values (index.model) and rows of index.schema's tables."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime

import numpy as np
import sqlalchemy as sa

from index import schema
from index.layout import Layout
from index.model import (
    Commitment,
    DateBasis,
    Kind,
    Letter,
    LetterMetadata,
    MessageLink,
    NewLetter,
    Person,
    Precision,
    Status,
    StoredUnit,
    UnitKind,
    iso,
)

DIMENSIONS = 384  # of the packaged model's vectors


def letter_row(letter: NewLetter, now: datetime) -> dict:
    meta = letter.metadata
    return {
        "source": letter.source, "folder": letter.folder, "sha256": letter.sha256, "title": meta.title,
        "date": iso(meta.date), "date_basis": DateBasis.STATED.value if meta.date else None,
        "metadata": json.dumps(meta.to_dict(), ensure_ascii=False), "text": letter.text,
        "page_starts": json.dumps(list(letter.page_starts)), "n_chunks": len(letter.chunks),
        "n_units": len(letter.units), "indexed_at": now.isoformat(timespec="seconds"),
        "people": people_json(letter.people), "layout": letter.layout.to_json(),
    }


def people_json(people: tuple[Person, ...]) -> str:
    return json.dumps(people, ensure_ascii=False)


def metadata_from_dict(values: dict) -> LetterMetadata:
    link = values.get("attached_to")
    return LetterMetadata(**{**values, "date": _day(values.get("date")),
                             "attached_to": MessageLink.from_dict(link) if link else None})


def commitment_from_dict(values: dict) -> Commitment:
    """A ledger record from its plain values (`Commitment.to_dict`)."""
    return Commitment(**{
        **values, "kind": Kind(values["kind"]), "status": Status(values["status"]),
        "deadline": _day(values["deadline"]), "deadline_precision": Precision(values["deadline_precision"]),
        "replaces_deadline": _day(values["replaces_deadline"]),
        "letter_date": _day(values["letter_date"]), "letter_date_basis": _basis(values["letter_date_basis"]),
    })


def commitment_row(record: Commitment) -> dict:
    """A ledger record as a row of the commitments table: its recipients as JSON."""
    row = record.to_dict()
    row["recipients"] = json.dumps(row["recipients"], ensure_ascii=False)
    return row


def records_json(records: list[Commitment]) -> str:
    """A letter's extracted records as the extractions table keeps them."""
    return json.dumps([r.to_dict() for r in records], ensure_ascii=False)


def records_from_json(text: str) -> list[Commitment]:
    return [commitment_from_dict(values) for values in json.loads(text)]


def commitment_from_row(row) -> Commitment:
    return commitment_from_dict({**row, "recipients": json.loads(row["recipients"])})


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _basis(text: str | None) -> DateBasis | None:
    return DateBasis(text) if text else None


def unit_rows(letter: NewLetter) -> list[dict]:
    return [
        {"source": letter.source, "start": u.start, "end": u.end, "kind": u.kind.value, "block": u.block,
         "lead_in": u.lead_in, "embedding": np.asarray(vector, dtype=np.float32).tobytes()}
        for u, vector in zip(letter.units, letter.unit_vectors, strict=True)
    ]


def letter_from_row(row) -> Letter:
    return Letter(
        source=row["source"], folder=row["folder"], sha256=row["sha256"], title=row["title"],
        date=_day(row["date"]), date_basis=_basis(row["date_basis"]), metadata=metadata_from_dict(json.loads(row["metadata"])),
        text=row["text"], page_starts=tuple(json.loads(row["page_starts"])),
        n_chunks=row["n_chunks"], n_units=row["n_units"],
        people=tuple(tuple(p) for p in json.loads(row["people"])) if row["people"] is not None else None,
        layout=Layout.from_json(row["layout"]),
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
