"""The phrases of time in a sentence ("by the end of May 2014", "within 28 days", "later this year",
"shortly"), each resolved against the letter's own date and never guessed without it.

Deadlines are what a duty can be due by; `find_times` adds the times a sentence says something
happened ("last year", "yesterday"), which answer "when did …?" but bind no one.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from index.calendar_days import add_working_days, month_end, next_financial_year_end
from index.dates import DAY_MONTH_YEAR, FULL_DATE, MONTH_DAY_YEAR, MONTH_NUMBER, MONTHS, NUMERIC, Precision, parse_date


@dataclass(frozen=True)
class Deadline:
    date: date | None
    text: str
    precision: Precision
    start: int  # offsets of `text` within the string searched
    end: int
    vague: bool = False  # "shortly", "in due course": a time named without a date

    @property
    def stated(self) -> bool:
        """The text names a point in time (even one that cannot be dated without the letter's date)."""
        return not self.vague



_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "twelve": 12, "fourteen": 14, "twenty": 20, "twenty-eight": 28, "thirty": 30}
# A length of time, as a "how long" question wants it: "12 days", "more than six months", "a few weeks".
DURATION = re.compile(rf"\b(?:\d+|{'|'.join(_WORDS)}|an?|several|a few)\s+(?:(?:working|business|calendar|clear)\s+)?"
                      r"(?:days?|weeks?|months?|years?|hours?)\b", re.I)

# Deadline phrases, most specific first. Each pattern's match is the words kept as deadline_text.
_PARTS = "early|mid|late|beginning of|start of|middle of|end of|first week of|second week of|third week of|last week of"
_LEAD = r"(?:(?:by|before|no later than|not later than|until|from|starting|beginning|in|on|during)\s+)?(?:the\s+)?"
_DEADLINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("full", re.compile(rf"\b{_LEAD}(?:end of\s+)?(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}|{NUMERIC})\b", re.I)),
    ("month_end", re.compile(rf"\b{_LEAD}(?:end|close)\s+of\s+(?P<month>{MONTHS})\s+(?P<year>\d{{4}})\b", re.I)),
    ("month_part", re.compile(rf"\b(?:by|in|during|from|starting in|until|before|at)\s+(?:the\s+)?(?P<part>{_PARTS})[- ]\s*(?:of\s+)?(?P<month>{MONTHS})\b(?P<year>\s+\d{{4}})?", re.I)),
    ("month", re.compile(rf"\b{_LEAD}(?:(?:early|mid|late)[- ])?(?P<month>{MONTHS})\s+(?P<year>\d{{4}})\b", re.I)),
    # A day without its year, as letters write dates near their own: "by 31 January", "at 7:30am on 4 September".
    ("day_month", re.compile(rf"\b(?:by|before|no later than|not later than|until|to|from|starting|beginning|on|at|is|will be)\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTHS})\b(?!\.?,?\s+\d{{4}})", re.I)),
    ("within", re.compile(rf"\bwithin\s+(?P<n>\d+|{'|'.join(_WORDS)})\s+(?P<working>(?:working|business|calendar|clear)\s+)?(?P<unit>days?|weeks?|months?)\b", re.I)),
    ("fin_year", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:this\s+|current\s+|next\s+)?(?:(?P<fy>\d{4})[/-](?:\d{4}|\d{2})\s+)?financial\s+year\b", re.I)),
    ("month_end_relative", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?P<which>the|this|next)\s+month\b", re.I)),
    # "in six weeks' time", "in 12 months": a period from the letter (not "in 12 months to March", a span of figures)
    ("in_period", re.compile(rf"\bin\s+(?P<n>\d+|{'|'.join(_WORDS)})\s+(?P<working>(?:working|business|calendar|clear)\s+)?(?P<unit>days?|weeks?|months?)(?:['’]\s*time|\s+time)?\b(?!\s+(?:to|ending|up to|of)\b)", re.I)),
    ("year_end", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+(?:calendar\s+)?year\b", re.I)),
    ("year_end_explicit", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?P<year>\d{4})\b|\b(?:by|before)\s+(?P<year2>20\d{2})\b(?![/-])", re.I)),
    ("quarter", re.compile(r"\b(?:by\s+|in\s+)?(?:the\s+end\s+of\s+)?Q(?P<q>[1-4])(?:\s+(?P<year>\d{4}))?\b")),
    ("bare_month", re.compile(rf"\b(?:by|in|during|from|starting in|until|before)\s+(?:the\s+end\s+of\s+)?(?P<month>{MONTHS.replace('|may', '')})\b(?!\s+\d)", re.I)),
    ("season", re.compile(r"\b(?:by|in|during|from|until|before|over)\s+(?:the\s+end\s+of\s+)?(?:the\s+|this\s+|next\s+)?(?P<season>spring|summer|autumn|winter)\b(?!\s+(?:parliamentary\s+)?recess)", re.I)),
    ("later_year", re.compile(r"\blater\s+(?:this|in\s+the)\s+year\b", re.I)),
    # "in the new year" of a letter written late in a year: its January
    ("new_year", re.compile(r"\b(?:in|by|early in|after)\s+the\s+new\s+year\b", re.I)),
    ("today", re.compile(r"\b(?:from|as of|with effect from|by the end of)\s+today\b", re.I)),
    ("vague", re.compile(r"\b(?:shortly|subsequently|in due course|as soon as possible|straight away|immediately|without delay)\b", re.I)),
]
# Part of a month → the day it ends on (None: the month's last day).
_PART_ENDS = {"early": 10, "beginning of": 10, "start of": 10, "first week of": 7, "second week of": 14, "mid": 20,
              "middle of": 20, "third week of": 21, "late": None, "end of": None, "last week of": None}
# A season → the month it ends in (winter ends in the February after).
_SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "winter": 2}


def find_deadlines(text: str, letter_date: date | None) -> list[Deadline]:
    """Every deadline phrase in `text`, left to right, resolved against `letter_date` where relative."""
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DEADLINE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            deadline = _resolve(kind, m, letter_date)
            if deadline:
                found.append(deadline)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _next_year_of(month: int, letter_date: date | None) -> int | None:
    """The year of the next such month on or after the letter's month ("report in September")."""
    if letter_date is None:
        return None
    return letter_date.year if month >= letter_date.month else letter_date.year + 1


Dated = tuple[date | None, Precision]  # what a phrase resolves to, and how precisely


def _resolve(kind: str, m: re.Match[str], letter_date: date | None) -> Deadline | None:
    """The deadline a matched phrase of `kind` states, read against the letter's date."""
    if kind not in _RESOLVERS:
        return Deadline(None, m.group(0), Precision.NONE, m.start(), m.end(), vague=True)  # kept, never dated
    resolved = _RESOLVERS[kind](m, letter_date)
    if resolved is None:
        return None
    when, precision = resolved
    return Deadline(when, m.group(0), precision if when else Precision.NONE, m.start(), m.end())


def _full(m: re.Match[str], letter_date: date | None) -> Dated | None:
    core = FULL_DATE.search(m.group(0))
    when = parse_date(core.group(0)) if core else None
    return (when, Precision.DAY) if when else None


def _month(m: re.Match[str], letter_date: date | None, precision: Precision = Precision.MONTH) -> Dated:
    return month_end(int(m.group("year")), _month_of(m)), precision


def _month_of(m: re.Match[str]) -> int:
    return MONTH_NUMBER[m.group("month").lower().rstrip(".")]


def _within(m: re.Match[str], letter_date: date | None) -> Dated:
    """"within 12 weeks", "within 10 working days", "in six weeks' time" of the letter."""
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else _WORDS[n]
    unit = m.group("unit").lower()
    if letter_date is None:
        return None, Precision.NONE
    if unit.startswith("day") and m.group("working") and m.group("working").lower().strip() in ("working", "business"):
        return add_working_days(letter_date, count), Precision.DAY
    if unit.startswith("day"):
        return letter_date + timedelta(days=count), Precision.DAY
    if unit.startswith("week"):
        return letter_date + timedelta(weeks=count), Precision.DAY
    months = letter_date.month - 1 + count
    year, month = letter_date.year + months // 12, months % 12 + 1
    return date(year, month, min(letter_date.day, calendar.monthrange(year, month)[1])), Precision.DAY


def _month_end_relative(m: re.Match[str], letter_date: date | None) -> Dated:
    """"by the end of the month" (the letter's), "the end of next month"."""
    if letter_date is None:
        return None, Precision.NONE
    ahead = m.group("which").lower() == "next"
    year, month = (letter_date.year + letter_date.month // 12, letter_date.month % 12 + 1) if ahead else (letter_date.year, letter_date.month)
    return month_end(year, month), Precision.DAY


def _financial_year(m: re.Match[str], letter_date: date | None) -> Dated:
    if m.group("fy"):  # "the 2016/17 financial year" ends on 31 March 2017
        return date(int(m.group("fy")) + 1, 3, 31), Precision.DAY
    if letter_date is None:
        return None, Precision.NONE
    end = next_financial_year_end(letter_date)
    return (date(end.year + 1, 3, 31) if re.search(r"\bnext\b", m.group(0), re.I) else end), Precision.DAY


def _quarter(m: re.Match[str], letter_date: date | None) -> Dated:
    year = int(m.group("year")) if m.group("year") else (letter_date.year if letter_date else None)
    return (month_end(year, int(m.group("q")) * 3) if year else None), Precision.MONTH


def _month_part(m: re.Match[str], letter_date: date | None) -> Dated:
    """"early May", "the middle of June": the end of that part of the month."""
    month = _month_of(m)
    year = int(m.group("year")) if m.group("year") else _next_year_of(month, letter_date)
    if year is None:
        return None, Precision.NONE
    day = _PART_ENDS[" ".join(m.group("part").lower().split())]
    return (date(year, month, day) if day else month_end(year, month)), Precision.MONTH


def _day_month(m: re.Match[str], letter_date: date | None) -> Dated | None:
    """The date of that day the letter means: for a duty ("by 30 September", "we will publish on 9 December")
    its next such day, a few weeks' grace allowed for a letter dated late; otherwise the one nearest the
    letter ("on 26 October I wrote" of December is this year's)."""
    if letter_date is None:
        return None, Precision.NONE
    month, day = _month_of(m), int(m.group("day"))
    # "31 February" is no day, nor 29 February out of a leap year
    options = [date(y, month, day) for y in range(letter_date.year - 1, letter_date.year + 2)
               if day <= calendar.monthrange(y, month)[1]]
    if not options:
        return None
    if _looks_ahead(m):
        ahead = [d for d in options if (d - letter_date).days >= -_GRACE_DAYS]
        return (min(ahead) if ahead else None), Precision.DAY
    return min(options, key=lambda d: (abs((d - letter_date).days), d < letter_date)), Precision.DAY


_GRACE_DAYS = 31
# A day is a duty's when its lead says so ("by", "until", "is") or its clause is in the future ("will … on").
_AHEAD_LEAD = re.compile(r"^(?:by|before|no later than|not later than|until|to|starting|beginning|is|will be)\b", re.I)
_FUTURE_CLAUSE = re.compile(r"\b(?:will|shall)\b|\b(?:plan|intend|expect|aim|propose|due|scheduled)\w*\s+to\b", re.I)


def _looks_ahead(m: re.Match[str]) -> bool:
    clause = re.split(r"[.;:!?]", m.string[max(0, m.start() - 120):m.start()])[-1]
    return bool(_AHEAD_LEAD.match(m.group(0)) or _FUTURE_CLAUSE.search(clause))


def _season(m: re.Match[str], letter_date: date | None) -> Dated:
    if letter_date is None:
        return None, Precision.NONE
    end_month = _SEASON_ENDS[m.group("season").lower()]
    end = month_end(letter_date.year + (end_month < letter_date.month), end_month)
    if re.search(r"\bnext\b", m.group(0), re.I):
        end = month_end(end.year + 1, end_month)
    return end, Precision.MONTH


def _bare_month(m: re.Match[str], letter_date: date | None) -> Dated:
    if letter_date is None:
        return None, Precision.NONE
    month = _month_of(m)
    return month_end(_next_year_of(month, letter_date), month), Precision.MONTH


def _year_end(m: re.Match[str], letter_date: date | None, precision: Precision = Precision.DAY) -> Dated:
    return (date(letter_date.year, 12, 31) if letter_date else None), precision


_RESOLVERS = {
    "full": _full,
    "month": _month,
    "month_end": lambda m, d: _month(m, d, Precision.DAY),
    "within": _within,
    "in_period": _within,
    "month_end_relative": _month_end_relative,
    "day_month": _day_month,
    "fin_year": _financial_year,
    "year_end": _year_end,
    "year_end_explicit": lambda m, d: (date(int(m.group("year") or m.group("year2")), 12, 31), Precision.YEAR),
    "quarter": _quarter,
    "month_part": _month_part,
    "season": _season,
    "today": lambda m, d: (d, Precision.DAY),
    "later_year": lambda m, d: _year_end(m, d, Precision.YEAR),
    "new_year": lambda m, d: (month_end(d.year + 1, 1), Precision.MONTH) if d else (None, Precision.NONE),
    "bare_month": _bare_month,
}
