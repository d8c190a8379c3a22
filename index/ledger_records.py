"""The ledger's records: a duty a letter states (who must do what, for whom, by when), its kind and
status, and the view of a letter that extraction reads."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from enum import Enum

from index.dates import Precision
from index.deadlines import Deadline
from index.frames import Frame
from index.segmenter import Unit

# Each unit's frames, by the span of its words (after any bullet mark): parsed once when the letter is indexed.
UnitFrames = Mapping[tuple[int, int], tuple[Frame, ...]]


class Kind(str, Enum):
    DIRECTION = "direction"
    REQUEST = "request"
    COMMITMENT = "commitment"
    APPOINTMENT = "appointment"


class Status(str, Enum):
    CURRENT = "current"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


@dataclass
class Commitment:
    id: str
    kind: str
    actor: str | None
    actor_name: str | None
    action: str
    recipients: list[str]
    deadline: str | None
    deadline_text: str | None
    deadline_precision: str
    recurrence: str | None
    status: str
    superseded_by: str | None
    supersedes: str | None
    same_as: str | None
    source: str
    title: str
    letter_date: str | None
    letter_date_basis: str | None
    quote: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class LetterView:
    """What extraction needs of a letter."""

    source: str
    title: str
    text: str
    metadata: dict
    date: str | None = None
    date_basis: str | None = None
    units: list[Unit] = field(default_factory=list)
    frames: UnitFrames | None = None  # None: none stored (as by an older version), so extraction parses


# An actor a letter does not name: better said than left out of a record, but no answer to "who?".
UNNAMED_SENDER, UNNAMED_RECIPIENT = "the sender", "the recipient"


def record_id(source: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{source}\x00{start}\x00{end}".encode()).hexdigest()[:16]


def new_record(letter: LetterView, kind: Kind, start: int, end: int, *, actor: str | None, actor_name: str | None,
               action: str, recipients: list[str], deadline: Deadline | None, due: date | None,
               recurrence: str | None) -> Commitment:
    """A current record of the duty the letter states at text[start:end], not yet linked to other letters."""
    return Commitment(
        id=record_id(letter.source, start, end), kind=kind.value, actor=actor, actor_name=actor_name, action=action,
        recipients=recipients, deadline=due.isoformat() if due else None,
        deadline_text=deadline.text if deadline else None,
        deadline_precision=deadline.precision.value if deadline else Precision.NONE.value,
        recurrence=recurrence, status=Status.CURRENT.value, superseded_by=None, supersedes=None, same_as=None,
        source=letter.source, title=letter.title, letter_date=letter.date, letter_date_basis=letter.date_basis,
        quote=letter.text[start:end], start=start, end=end,
    )
