"""A deadline asked of a duty that the passages an answer would cite do not give: "By what date must the Audit
Committee have followed up its recommendations?" answered by the recommendation that sets no date, beside a finding
that "when Internal Audit returned in January 2015, only 3 of the 11 had been implemented", is a near miss. A time
counts as a deadline when its passage states a duty, or when it falls on or after the day its letter was written;
a time before it, in a passage that states no duty, tells what happened, not what is due."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.parts import question_parts
from index.deadlines import find_times
from index.recurrence import recurrence_of

# "By when must …", "What date should …", "When is … due": a duty's deadline asked for.
DEADLINE_ASKED = re.compile(r"^\W*(?:by\s+)?(?:when|what\s+date|which\s+date|what\s+deadline)\b[^?]*\b(?:must|should|ought|"
                            r"has\s+to|have\s+to|needs?\s+to|due|required|expected|deadline)\b", re.I)


@dataclass(frozen=True)
class Passage:
    text: str
    written: date | None  # the day its letter was written
    states_duty: bool  # the ledger holds a duty it states


def asks_deadline(question: str) -> bool:
    """The question asks one thing, a duty's deadline (not "when first promised, and when now due?")."""
    return bool(DEADLINE_ASKED.match(question)) and len(question_parts(question)) == 1


def deadline_not_given(question: str, passages: list[Passage]) -> bool:
    """The question asks a duty's deadline and none of `passages` gives one, nor says how often it recurs."""
    return asks_deadline(question) and bool(passages) and not any(_gives_deadline(p) for p in passages)


def _gives_deadline(passage: Passage) -> bool:
    if recurrence_of(passage.text):  # a calendar recurrence has dates; "at each meeting" gives none
        return True
    times = find_times(passage.text, passage.written)
    return any(passage.states_duty or d.date is None or passage.written is None or d.date >= passage.written
               for d in times)
