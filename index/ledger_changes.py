"""A sentence that changes or withdraws a duty stated earlier: "the deadline is extended from 30 September
to 30 November", "the request … is withdrawn" — and which of its dates is the old one and which the new."""

from __future__ import annotations

import re
from datetime import date

from index.deadlines import Deadline, find_deadlines

# "Revised" or "changed" after a determiner describes the thing asked for ("publish a revised strategy"), not a
# change to an earlier duty, unless what is revised is its timing ("a revised deadline of 30 June").
_DESCRIBES = "".join(rf"(?<!\b{d}\s)" for d in ("a", "an", "the", "its", "their", "your", "our", "my", "this"))
CHANGE = re.compile(
    r"\b(?:extended|moved|deferred|postponed|brought forward|now due|replaced|new deadline|instead of|rather than"
    rf"|{_DESCRIBES}(?:changed|revised)|(?:changed|revised)(?=\s+(?:deadline|date|timetable|timescale|timeline)))\b",
    re.I)
WITHDRAW = re.compile(r"\b(?:(?:is|are|has been|have been|be)\s+(?:withdrawn|dropped|cancelled|rescinded)|no longer (?:require[sd]?|need(?:ed|s)?|necessary|expect(?:ed)?|ask(?:ing)?)|(?:is|are) not (?:now )?required|rescind\w*|cancel\w*)\b", re.I)
NEW_BEFORE_OLD = re.compile(r"^\W*(?:,\s*)?(?:rather than|instead of|and not|not)\b", re.I)


def replaced_deadline(text: str, when: date | None) -> date | None:
    """The old deadline a sentence that changes a duty (not one that withdraws it) names, if it names one."""
    if WITHDRAW.search(text) or not CHANGE.search(text):
        return None
    before, _ = change_dates(text, when)
    return before.date if before else None


def change_dates(text: str, when: date | None) -> tuple[Deadline | None, Deadline | None]:
    """(old, new) deadline of a sentence that changes one: "from 30 September to 30 November",
    "now due by 30 June rather than by the end of May", "the new deadline is …"."""
    stated = [d for d in find_deadlines(text, when) if d.stated]
    if not stated:
        return None, None
    if len(stated) == 1:
        return None, stated[0]
    first, second = stated[0], stated[1]
    between = text[first.end : second.start]
    if NEW_BEFORE_OLD.match(between) or re.match(r"^\W*(?:rather than|instead of)", text[first.end : second.start + len(second.text)], re.I):
        return second, first
    return first, second
