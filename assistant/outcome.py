"""Questions about what happened at a time the letters had not reached: "What did the witness tell the
committee at its 14 April session?" asked of a letter written in March. A letter can say what was
planned for a day after it was written, never what happened then; so the letters do not say, and the answer
shows what they do say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant.wording import fmt_date
from index.dates import MONTH_NAMES, MONTH_NUMBER
from index.language import tagged
from index.vocabulary import PLANNING_VERBS

# "did … at the 14 April 2021 session", "what happened on 4 September", "did … after questioning her on 14 April" —
# what someone did then, not what a letter planned, asked or said about it.
EVENT_ASKED = re.compile(
    rf"\b(?i:did|happened)\b(?P<between>[^?]*?)\b(?:at|on|in|by|after|following|during|to)\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{MONTH_NAMES})(?:\s+(?P<year>\d{{4}}))?\b",
)
# "What did the Minister say the Council must do by 30 June?" asks what was required or planned for the day.
REQUIRED = re.compile(r"\b(?:must|should|shall|would|will|(?:is|was|are|were|has|had|have|need|needs|needed) to)\b", re.I)


@dataclass(frozen=True)
class Event:
    day: date  # its first day (the month's first when the question gives no day)
    named: str  # as the answer names it: "14 April 2021", "May 2014"


def event_asked(question: str, year: int | None) -> Event | None:
    """The event a question asks the outcome of, read in `year` when it gives none; None when it asks no such
    thing (or asks what a letter planned, asked or directed for that day)."""
    m = EVENT_ASKED.search(question)
    if not m or not (m["year"] or year):
        return None
    # Its verbs, and words the tagger may take for nouns ("did the Committee plan …") unless a determiner says
    # they are ("send its plan").
    verbs = {t.lemma_.lower() for t in tagged(question) if m.start() <= t.idx < m.end("between")
             and (t.pos_ == "VERB" or t.i and t.nbor(-1).pos_ not in ("DET", "ADJ") and t.nbor(-1).tag_ != "PRP$")}
    if verbs & PLANNING_VERBS or REQUIRED.search(m["between"]):
        return None
    day = date(int(m["year"] or year), MONTH_NUMBER[m["month"].lower()], int(m["day"] or 1))
    return Event(day, fmt_date(day) if m["day"] else f"{day:%B %Y}")


def written_before(event: Event, written: date | None) -> bool:
    """The letter was written before the event (before its month, when the question gives no day)."""
    return written is not None and written < event.day
