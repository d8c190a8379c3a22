"""Ledger records from the rows of a table of actions: what its header row calls each column says which cell is
the action, who owns it, when it is due and how often it recurs ("Action | Owner | Due date | Frequency").

A row is one record whatever its action's verb: a table of actions lists duties by what it is.
"""

from __future__ import annotations

import re
from enum import StrEnum

from index.deadlines import find_deadlines, principal
from index.ledger_parties import recipients_of
from index.ledger_records import LetterView, new_record
from index.model import Commitment, Kind, Unit
from index.recurrence import recurrence_of


class Column(StrEnum):
    ACTION = "action"
    OWNER = "owner"
    DUE = "due"
    FREQUENCY = "frequency"


# What a header cell says its column holds, tried in this order ("Action owner" is an owner, "Target date" a date).
# A column named for the recommendation holds the action only when no column is named for the action itself:
# in "Recommendation | Action | Responsible officer | Target date" it holds the recommendation's number.
HEADER_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (Column.FREQUENCY, re.compile(r"\b(?:frequency|how often|recurr\w*|cycle)\b", re.I)),
    (Column.OWNER, re.compile(r"\b(?:owners?|lead|leads|responsib\w*|accountab\w*|who|by whom|delivered by)\b", re.I)),
    (Column.DUE, re.compile(r"\b(?:due|deadline|date|dates|by when|when|timescales?|timings?|timeframe|target)\b",
                            re.I)),
    (Column.ACTION, re.compile(r"\b(?:actions?|what|tasks?|activit(?:y|ies)|measures?|steps?|deliverables?|"
                               r"commitments?)\b", re.I)),
    (Column.ACTION, re.compile(r"\brecommendations?\b", re.I)),
]


def columns(header: list[str]) -> dict[str, int]:
    """Which column (by position) holds each of the action, owner, due date and frequency: the one named by the
    earliest words in HEADER_WORDS, and of those the first."""
    found: dict[str, tuple[int, int]] = {}  # column: (rank of the words naming it, position)
    for position, name in enumerate(header):
        rank, column = next(((rank, column) for rank, (column, words) in enumerate(HEADER_WORDS) if words.search(name)),
                            (None, None))
        if column and (column not in found or rank < found[column][0]):
            found[column] = (rank, position)
    return {column: position for column, (_, position) in found.items()}


def row_record(letter: LetterView, unit: Unit) -> Commitment | None:
    """The duty a row of a table of actions states, or None when its table's header names no action, or neither
    an owner nor a date."""
    named = letter.layout.named_cells(letter.text, unit.start)
    if named is None:
        return None
    row, pairs = named
    cells = [cell for _, cell in pairs]
    found = columns([name for name, _ in pairs])
    if Column.ACTION not in found or not ({Column.OWNER, Column.DUE} & set(found)):
        return None
    action = cells[found[Column.ACTION]]
    owner = cells[found[Column.OWNER]] if Column.OWNER in found else None
    due_text = cells[found[Column.DUE]] if Column.DUE in found else ""
    frequency = cells[found[Column.FREQUENCY]] if Column.FREQUENCY in found else ""
    deadline = principal(find_deadlines(due_text, letter.date)) or principal(find_deadlines(action, letter.date))
    return new_record(
        letter, Kind.DIRECTION, row.start, row.end, actor=owner, actor_name=None, action=action.rstrip(" ;,."),
        recipients=recipients_of(action, letter), deadline=deadline, due=deadline.date if deadline else None,
        recurrence=recurrence_of(frequency) or recurrence_of(due_text) or recurrence_of(action),
    )
