"""The view of a letter that ledger extraction reads, and a new ledger record (index.model.Commitment) of a
duty it states."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from index.deadlines import Deadline
from index.layout import Layout
from index.ledger_changes import replaced_deadline
from index.model import Commitment, DateBasis, Kind, Letter, LetterMetadata, Person, Precision, Status, Unit, UnitFrames


@dataclass(frozen=True)
class LetterView:
    """What extraction needs of a letter."""

    source: str
    title: str
    text: str
    metadata: LetterMetadata
    date: date | None = None
    date_basis: DateBasis | None = None
    units: list[Unit] = field(default_factory=list)
    frames: UnitFrames | None = None  # None: none stored (as by an older version), so extraction parses
    people: tuple[Person, ...] | None = None  # its part of index.party_directory; None: not yet read
    layout: Layout = field(default_factory=Layout)

    @classmethod
    def of(cls, letter: Letter, frames: UnitFrames | None = None, people: tuple[Person, ...] | None = None) -> LetterView:
        """The view of a stored letter."""
        return cls(source=letter.source, title=letter.title, text=letter.text, metadata=letter.metadata,
                   date=letter.date, date_basis=letter.date_basis, frames=frames, people=people, layout=letter.layout)


# An actor a letter does not name: better said than left out of a record, but no answer to "who?".
UNNAMED_SENDER, UNNAMED_RECIPIENT = "the sender", "the recipient"


def record_id(source: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{source}\x00{start}\x00{end}".encode()).hexdigest()[:16]


def new_record(letter: LetterView, kind: Kind, start: int, end: int, *, actor: str | None, actor_name: str | None,
               action: str, recipients: list[str], deadline: Deadline | None, due: date | None,
               recurrence: str | None) -> Commitment:
    """A current record of the duty the letter states at text[start:end], not yet linked to other letters."""
    quote = letter.text[start:end]
    return Commitment(
        id=record_id(letter.source, start, end), kind=kind, actor=actor, actor_name=actor_name, action=action,
        recipients=recipients, deadline=due,
        deadline_text=deadline.text if deadline else None,
        deadline_precision=deadline.precision if deadline else Precision.NONE,
        replaces_deadline=replaced_deadline(quote, letter.date) if due else None,
        recurrence=recurrence, status=Status.CURRENT, superseded_by=None, supersedes=None, same_as=None,
        source=letter.source, title=letter.title, letter_date=letter.date, letter_date_basis=letter.date_basis,
        quote=quote, start=start, end=end,
    )
