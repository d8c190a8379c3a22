"""How often a duty recurs ("monthly", "every quarter", "on an annual basis"), as its iCalendar rule and
as the letter words it. When a recurring duty is first due is a date, and index.deadlines reads it."""

from __future__ import annotations

import re

# A recurring duty ("monthly", "every quarter", "on an annual basis") as its iCalendar rule.
RECURRENCE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:monthly|every month|each month)\b", re.I), "FREQ=MONTHLY"),
    (re.compile(r"\b(?:quarterly|every quarter|each quarter|every three months)\b", re.I), "FREQ=MONTHLY;INTERVAL=3"),
    (re.compile(r"\b(?:six-monthly|every six months|twice a year|biannual(?:ly)?)\b", re.I), "FREQ=MONTHLY;INTERVAL=6"),
    (re.compile(r"\b(?:annual(?:ly)?|every year|each year)\b", re.I), "FREQ=YEARLY"),
    (re.compile(r"\b(?:fortnightly|every fortnight|every two weeks)\b", re.I), "FREQ=WEEKLY;INTERVAL=2"),
    (re.compile(r"\b(?:weekly|every week|each week)\b", re.I), "FREQ=WEEKLY"),
]


def recurrence_of(text: str) -> str | None:
    return next((rule for pattern, rule in RECURRENCE if pattern.search(text)), None)


def recurrence_words(text: str) -> str | None:
    """The words that say how often, as the letter writes them ("weekly", "on a monthly basis")."""
    m = next((m for m in (p.search(text) for p, _ in RECURRENCE) if m), None)
    if not m:
        return None
    basis = re.match(r"\s+basis\b", text[m.end() :])
    on = re.search(r"\bon\s+an?\s+$", text[max(0, m.start() - 8) : m.start()], re.I) if basis else None
    start = m.start() - (len(text[max(0, m.start() - 8) : m.start()]) - on.start()) if on else m.start()
    return text[start : m.end() + (basis.end() if basis else 0)]


# How often, told by an event rather than the calendar: "at each of its meetings", "to each Cabinet meeting", "after
# each inspection", a table's "Each meeting". No calendar rule says it, so the ledger keeps none; it still answers "how often?".
_EVENTS = r"(?:meetings?|sessions?|inspections?|visits?|audits?)"
AT_EACH = re.compile(rf"\b(?:at|after|before|following|to)\s+(?:each|every)\s+(?:of\s+(?:its|their|the)\s+)?"
                     rf"(?:[\w'’-]+\s+){{0,3}}?{_EVENTS}\b|^[ \t]*(?:each|every)\s+(?:[\w'’-]+\s+){{0,2}}?{_EVENTS}[ \t]*$",
                     re.I | re.M)


def how_often(text: str) -> str | None:
    """The words that say how often a duty recurs, by the calendar ("every quarter") or by an event ("at each of
    its meetings"); None when it does not recur."""
    m = AT_EACH.search(text)
    return recurrence_words(text) or (m.group(0) if m else None)
