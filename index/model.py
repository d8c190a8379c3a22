"""The typed model, in one place: what a letter is once read (its metadata, units and chunks), the duties
its ledger records hold, and what the store keeps of it.

Dates are `date`s and closed sets of values are enums throughout; plain values (ISO dates, enum values)
appear only at the edges: the store's rows (index/rows.py, called by index.store and index.snapshot) and
the JSON the CLI and the API print (`to_dict`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from pathlib import Path

import numpy as np

from index.canonical import page_at
from index.dates import date_in_name
from index.email_message import is_email
from index.frames import Frame
from index.layout import Layout

# Each unit's frames, by the span of its words (after any bullet mark): parsed once when the letter is indexed.
UnitFrames = Mapping[tuple[int, int], tuple[Frame, ...]]
# A document greeting no one with at least this many section headings is a report.
REPORT_SECTIONS = 3
# A person a letter names with a body: the person's key (index.party_directory.person_key) and the body.
Person = tuple[str, str]


class UnitKind(StrEnum):
    SENTENCE = "sentence"
    ITEM = "item"  # the first sentence of a bulleted list item
    LINE = "line"  # a line of an address block, heading or signature
    ROW = "row"  # a row of a table, its cells one line each


class Precision(StrEnum):
    """How precisely a deadline is dated: "by 30 May" to the day, "in May" to the month."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    NONE = "none"


class DateBasis(StrEnum):
    """Where a letter's date comes from."""

    STATED = "stated"  # the letter's own date line
    INFERRED = "inferred"  # the letter it covers ("I have today written to …; I attach a copy")
    FILE_NAME = "file name"  # its file's name ("2021-12-01_…")
    EMAIL = "email"  # the email it was attached to


class Kind(StrEnum):
    DIRECTION = "direction"
    REQUEST = "request"
    COMMITMENT = "commitment"
    APPOINTMENT = "appointment"


class Status(StrEnum):
    CURRENT = "current"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"


def iso(day: date | None) -> str | None:
    """A date as the store's rows and the printed JSON hold it."""
    return day.isoformat() if day else None


def _plain(value: object) -> object:
    """A value as JSON holds it: a date as ISO text, an enum (a `str`) as itself."""
    return iso(value) if isinstance(value, date) else value


@dataclass(frozen=True)
class MessageLink:
    """The email a document was attached to: its source, when it was sent and by whom."""

    source: str
    sent: date | None
    sender: str | None

    def to_dict(self) -> dict:
        return {"source": self.source, "sent": iso(self.sent), "sender": self.sender}

    @classmethod
    def from_dict(cls, values: dict) -> MessageLink:
        return cls(values["source"], date.fromisoformat(values["sent"]) if values.get("sent") else None,
                   values.get("sender"))


@dataclass(frozen=True)
class LetterMetadata:
    """What a letter says of itself. A field the letter does not give is None; nothing is guessed."""

    title: str
    date: date | None = None
    sender: str | None = None
    sender_role: str | None = None
    recipient: str | None = None
    recipient_role: str | None = None
    sender_org: str | None = None  # the body the sender writes for, from the signature or a header
    recipient_org: str | None = None  # the body the recipient writes for, from the address block
    salutation: str | None = None
    cc: list[str] = field(default_factory=list)
    commissioned_by: str | None = None  # of a report, as its title page says
    attached_to: MessageLink | None = None  # of a file that came attached to an email

    def to_dict(self) -> dict:
        plain = {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name != "attached_to"}
        return {**plain, "attached_to": self.attached_to.to_dict() if self.attached_to else None}


@dataclass(frozen=True)
class Unit:
    """A unit of meaning of a letter's canonical text: a sentence, a list item or a line."""

    start: int
    end: int
    kind: UnitKind
    block: int  # index of the paragraph (blank-line separated block) holding it
    # Offset of the list's lead-in ("I therefore ask you to:") for list items, else None.
    lead_in: int | None = None


@dataclass(frozen=True)
class Chunk:
    """A span of consecutive units that fits the embedding model's window."""

    start: int
    end: int


@dataclass
class Commitment:
    """A ledger record: a duty one letter states (who must do what, for whom, by when), at text[start:end]."""

    id: str
    kind: Kind
    actor: str | None
    actor_name: str | None
    action: str
    recipients: list[str]
    deadline: date | None
    deadline_text: str | None
    deadline_precision: Precision
    # Of a record that changes an earlier duty's deadline: the old deadline, when it says which ("extended from
    # 30 September to 30 November"), which is how the duty is found (index.ledger_links).
    replaces_deadline: date | None
    recurrence: str | None
    status: Status
    superseded_by: str | None
    supersedes: str | None
    same_as: str | None
    source: str
    title: str
    letter_date: date | None
    letter_date_basis: DateBasis | None
    quote: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


@dataclass(frozen=True)
class Letter:
    """A letter as stored: its canonical text (every offset points into it), pages and metadata."""

    source: str
    folder: str
    sha256: str
    title: str
    date: date | None
    date_basis: DateBasis | None
    metadata: LetterMetadata
    text: str
    page_starts: tuple[int, ...]
    n_chunks: int
    n_units: int
    people: tuple[Person, ...] | None = None  # the people it names with a body; None: not read yet (an older store)
    layout: Layout = field(default_factory=Layout)

    def page_at(self, offset: int) -> int | None:
        return page_at(self.page_starts, offset)

    def section_at(self, offset: int) -> str | None:
        return self.layout.section_at(self.text, offset)

    @property
    def is_report(self) -> bool:
        """A report rather than a letter: it greets no one, and is divided into sections."""
        sections = sum(1 for heading in self.layout.headings if heading.level > 0)
        return not self.metadata.salutation and sections >= REPORT_SECTIONS

    def reading_date(self) -> date | None:
        """What its relative dates ("on 4 September") are read against: its own date, else the day the email it
        came with was sent, else its file name's."""
        sent = self.metadata.attached_to.sent if self.metadata.attached_to else None
        return self.date or sent or date_in_name(Path(self.source).name)

    @property
    def is_email(self) -> bool:
        return is_email(self.source)


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
    people: tuple[Person, ...]
    layout: Layout = field(default_factory=Layout)


@dataclass(frozen=True)
class LedgerBuild:
    """What one build of the ledger writes, in one transaction: the whole ledger (`whole`), or records added to
    the one stored with some of it rewritten (`updated`); and what was read afresh to build it — frames
    (`reread`), each letter's extracted records with their key (`extracted`, index.ledger_cache) and the
    people letters name (`people`)."""

    records: list[Commitment]
    whole: bool
    rules: str  # the extraction rules it was built under (index.ledger_cache.rules_version)
    updated: list[Commitment] = field(default_factory=list)
    reread: dict[str, UnitFrames] = field(default_factory=dict)
    extracted: dict[str, tuple[str, str]] = field(default_factory=dict)
    people: dict[str, tuple[Person, ...]] = field(default_factory=dict)
