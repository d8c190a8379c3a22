"""The period a question asks what falls due in, beyond a single month (assistant.question reads those): "between
April and June 2025", "in Q3 2025", "in 2026", "in 2025-26", "by the end of 2025", "in the next quarter", "in the
six months after the report".

A period named relative to now ("the next quarter") is read from the day the letters speak from — the date of the
newest letter, or of the newest report when the question counts from a report — which the answer states, since
letters are read long after they are written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from index.calendar_days import month_end, next_financial_year_end
from index.dates import MONTH_NUMBER, MONTHS
from index.time_resolvers import NUMBER_WORDS, QUARTER_NUMBER

_YEAR = r"(?P<year>(?:19|20)\d\d)(?:[-/](?P<fy>\d{2}|\d{4}))?"
_NUMBER = rf"(?P<n>\d{{1,2}}|{'|'.join(sorted(NUMBER_WORDS, key=len, reverse=True))})"
# A question that asks what falls due, rather than when one thing does.
DUE_ASKED = re.compile(
    r"^\W*(?:what|which|list|show|name|give|are there|is there|tell me)\b[^?]*\b(?:due|deadlines?|fall(?:s|ing)? due|"
    r"owed|outstanding|(?:must|should|has|have) to be (?:done|completed|delivered|published|submitted)|"
    r"(?:must|should) be (?:done|completed|delivered|published|submitted))\b", re.I)
MONTH_RANGE = re.compile(rf"\b(?P<m1>{MONTHS})(?:\s+(?P<y1>\d{{4}}))?\s*(?:and|to|-|–|until|through)\s*"
                         rf"(?P<m2>{MONTHS})\s+(?P<y2>\d{{4}})\b", re.I)
QUARTERS = [re.compile(rf"\bQ(?P<q>[1-4])\s+(?:of\s+)?{_YEAR}", re.I),
            re.compile(rf"\b(?P<nth>first|second|third|fourth|final)\s+quarter\s+of\s+(?:the\s+)?"
                       rf"(?:(?P<fin>financial)\s+year\s+|calendar\s+year\s+)?{_YEAR}", re.I)]
BY_END_OF = re.compile(rf"\b(?:by|before)\s+the\s+end\s+of\s+(?:the\s+)?(?:(?P<fin>financial)\s+year\s+)?{_YEAR}"
                       rf"|\b(?:by|before)\s+the\s+end\s+of\s+the\s+(?P<rel>financial\s+year|year)\b", re.I)
YEAR = re.compile(rf"\b(?:in|during|within|for|over)\s+(?:the\s+)?(?:(?P<fin>financial)\s+year\s+)?{_YEAR}\b(?!\s*(?:{MONTHS}))",
                  re.I)
NEXT_QUARTER = re.compile(r"\b(?:the\s+)?(?:next|coming|following|first)\s+quarter\b|\bthe\s+quarter\s+after\b", re.I)
NEXT_MONTHS = re.compile(rf"\b(?:(?:the\s+)?(?:next|coming|following|first)|within)\s+{_NUMBER}\s+months?\b|"
                         rf"\b{_NUMBER.replace('<n>', '<n_after>')}\s+months?\s+(?:after|of|from)\b", re.I)
NEXT_MONTH = re.compile(r"\b(?:the\s+)?(?:next|coming|following)\s+month\b", re.I)
# A question counting from a report rather than from the newest letter: "the quarter after the report".
FROM_REPORT = re.compile(r"\b(?:after|of|from|since|following)\s+(?:the|this)\s+(?:[\w'’-]+\s+){0,2}?(?:report|review)\b",
                         re.I)
NEXT_YEAR = re.compile(r"\b(?:the\s+)?(?:next|coming|following)\s+(?:year|twelve months)\b", re.I)


@dataclass(frozen=True)
class AskedPeriod:
    start: date  # date.min for "by the end of 2025": everything due up to its end
    end: date
    read_from: date | None = None  # of a period named relative to a day ("the next quarter"): that day


def _years(m: re.Match[str]) -> tuple[int, bool]:
    """(the year, whether it is a financial year): "2025" → (2025, False); "2025-26" → (2025, True)."""
    return int(m["year"]), bool(m["fy"] or m.groupdict().get("fin"))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def _add_months(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, month_end(year, month).day))


def _quarter(m: re.Match[str]) -> tuple[date, date]:
    q = int(m["q"]) if m.groupdict().get("q") else QUARTER_NUMBER[m["nth"].lower()]
    year, financial = _years(m)
    first = (q * 3 + 1) if financial else (q * 3 - 2)  # a financial year's first quarter is April to June
    year, first = (year + 1, first - 12) if first > 12 else (year, first)
    last_year, last = (year, first + 2) if first + 2 <= 12 else (year + 1, first + 2 - 12)
    return date(year, first, 1), month_end(last_year, last)


def period_asked(question: str, reading_day: date | None) -> AskedPeriod | None:
    """The period a question asking what falls due names; None for a question that asks no such thing, names no
    such period, or names one relative to a day when there is none to read it from."""
    if not DUE_ASKED.search(question):
        return None
    if m := MONTH_RANGE.search(question):
        y2 = int(m["y2"])
        m1, m2 = MONTH_NUMBER[m["m1"].lower()], MONTH_NUMBER[m["m2"].lower()]
        y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        return AskedPeriod(date(y1, m1, 1), month_end(y2, m2))
    if m := next((m for pattern in QUARTERS if (m := pattern.search(question))), None):
        return AskedPeriod(*_quarter(m))
    if m := BY_END_OF.search(question):
        if m["rel"] is None:
            year, financial = _years(m)
            return AskedPeriod(date.min, date(year + 1, 3, 31) if financial else date(year, 12, 31))
        if reading_day is None:
            return None
        end = next_financial_year_end(reading_day) if "financial" in m["rel"].lower() else date(reading_day.year, 12, 31)
        return AskedPeriod(date.min, end, reading_day)
    if m := YEAR.search(question):
        year, financial = _years(m)
        return AskedPeriod(date(year, 4, 1), date(year + 1, 3, 31)) if financial else \
            AskedPeriod(date(year, 1, 1), date(year, 12, 31))
    return _relative(question, reading_day) if reading_day else None


def _relative(question: str, day: date) -> AskedPeriod | None:
    """A period after the day the letters speak from: the next calendar quarter or month, the next N months, the
    next twelve months."""
    after = day + timedelta(days=1)
    if NEXT_QUARTER.search(question):
        first = ((day.month - 1) // 3 + 1) * 3 + 1
        year, first = (day.year + 1, first - 12) if first > 12 else (day.year, first)
        return AskedPeriod(date(year, first, 1), month_end(year, first + 2), day)
    if m := NEXT_MONTHS.search(question):
        return AskedPeriod(after, _add_months(day, _number(m["n"] or m["n_after"])), day)
    if NEXT_MONTH.search(question):
        start = _add_months(day.replace(day=1), 1)
        return AskedPeriod(start, month_end(start.year, start.month), day)
    if NEXT_YEAR.search(question):
        return AskedPeriod(after, _add_months(day, 12), day)
    return None
