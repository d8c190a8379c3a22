"""What date a phrase of time names ("by the end of the year", "within 28 days", "next week"), read
against the letter's own date and never guessed without it; index.deadlines finds the phrases.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from index.calendar_days import add_working_days, month_end, next_financial_year_end
from index.dates import FULL_DATE, MONTH_NUMBER, parse_date
from index.model import Precision

# Numbers written as words in periods of time ("within six weeks").
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "twenty-eight": 28, "thirty": 30}
Dated = tuple[date | None, Precision]  # what a phrase resolves to, and how precisely


# Part of a month → the day it ends on (None: the month's last day).
MONTH_PART_ENDS = {"early": 10, "beginning of": 10, "start of": 10, "first week of": 7, "second week of": 14, "mid": 20,
              "middle of": 20, "third week of": 21, "late": None, "end of": None, "last week of": None}
# A season → the month it ends in (winter ends in the February after).
_SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "winter": 2}


def _next_year_of(month: int, letter_date: date | None) -> int | None:
    """The year of the next such month on or after the letter's month ("report in September")."""
    if letter_date is None:
        return None
    return letter_date.year if month >= letter_date.month else letter_date.year + 1


def _full(m: re.Match[str], letter_date: date | None) -> Dated | None:
    core = FULL_DATE.search(m.group(0))
    when = parse_date(core.group(0)) if core else None
    return (when, Precision.DAY) if when else None


# "Before April 2027" is by the end of March: the day before the month begins.
BEFORE = re.compile(r"\s*before\s+(?!the\s+end\b)", re.I)


def _month(m: re.Match[str], letter_date: date | None, precision: Precision = Precision.MONTH) -> Dated:
    year, month = int(m.group("year")), _month_of(m)
    if BEFORE.match(m.group(0)):
        return date(year, month, 1) - timedelta(days=1), Precision.DAY
    return month_end(year, month), precision


def _month_of(m: re.Match[str]) -> int:
    return MONTH_NUMBER[m.group("month").lower().rstrip(".")]


def _within(m: re.Match[str], letter_date: date | None) -> Dated:
    """"within 12 weeks", "within 10 working days", "in six weeks' time" of the letter."""
    n = m.group("n").lower()
    count = int(n) if n.isdigit() else NUMBER_WORDS[n]
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


QUARTER_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}


def _quarter(m: re.Match[str], letter_date: date | None) -> Dated:
    """The quarter's last month: a financial year's quarters run from April (Q3 2025-26 ends in December 2025)."""
    q = int(m["q"]) if m["q"] else QUARTER_NUMBER[m["nth"].lower()]
    if m["fy"]:
        last = q * 3 + 3  # April-June is the first quarter
        return month_end(int(m["fy"]) + (last > 12), (last - 1) % 12 + 1), Precision.MONTH
    year = int(m["year"]) if m["year"] else (letter_date.year if letter_date else None)
    return (month_end(year, q * 3) if year else None), Precision.MONTH


def _month_part(m: re.Match[str], letter_date: date | None) -> Dated:
    """"early May", "the middle of June": the end of that part of the month."""
    month = _month_of(m)
    year = int(m.group("year")) if m.group("year") else _next_year_of(month, letter_date)
    if year is None:
        return None, Precision.NONE
    day = MONTH_PART_ENDS[" ".join(m.group("part").lower().split())]
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
    end_month = _SEASON_ENDS[m.group("season").lower()]
    if m.group("year"):  # "winter 2019" ends in the February after
        return month_end(int(m.group("year")) + (end_month == 2), end_month), Precision.MONTH
    if letter_date is None:
        return None, Precision.NONE
    end = month_end(letter_date.year + (end_month < letter_date.month), end_month)
    if re.search(r"\bnext\b", m.group(0), re.I):
        end = month_end(end.year + 1, end_month)
    return end, Precision.MONTH


def _bare_month(m: re.Match[str], letter_date: date | None) -> Dated:
    if letter_date is None:
        return None, Precision.NONE
    month = _month_of(m)
    year = _next_year_of(month, letter_date)
    if BEFORE.match(m.group(0)):
        return date(year, month, 1) - timedelta(days=1), Precision.DAY
    return month_end(year, month), Precision.MONTH


def _year_end(m: re.Match[str], letter_date: date | None, precision: Precision = Precision.DAY) -> Dated:
    return (date(letter_date.year, 12, 31) if letter_date else None), precision


def _relative(m: re.Match[str], letter_date: date | None) -> Dated:
    """"next week" (its Friday), "this month" (its end), "the coming year" (its 31 December)."""
    if letter_date is None:
        return None, Precision.NONE
    ahead = m.group("which").lower() != "this"
    unit = m.group("unit").lower()
    if m.group("fy"):  # "in the next financial year": to the 31 March that ends it
        end = next_financial_year_end(letter_date)
        return date(end.year + ahead, 3, 31), Precision.YEAR
    if unit == "week":
        return letter_date + timedelta(days=(4 - letter_date.weekday()) % 7 + 7 * ahead), Precision.DAY
    if unit == "month":
        year, month = divmod(letter_date.year * 12 + letter_date.month - 1 + ahead, 12)
        return month_end(year, month + 1), Precision.MONTH
    return date(letter_date.year + ahead, 12, 31), Precision.YEAR


def _fiscal_year(m: re.Match[str], letter_date: date | None) -> Dated | None:
    """"2019-20" is the financial year ending 31 March 2020; "2019-2022" is a span of years, not one."""
    first, to = int(m.group("fy")), m.group("to")
    return (date(first + 1, 3, 31), Precision.YEAR) if int(to) in (first + 1, (first + 1) % 100) else None


# Part of a year → the month it ends in.
_YEARMONTH_PART_ENDS = {"early": 4, "mid": 8, "late": 12, "the first half of": 6, "the second half of": 12}


def _in_year(m: re.Match[str], letter_date: date | None) -> Dated:
    year = int(m.group("year") or m.group("year2"))
    return month_end(year, _YEARMONTH_PART_ENDS[" ".join((m.group("part") or "late").lower().split())]), Precision.YEAR


def _christmas(m: re.Match[str], letter_date: date | None) -> Dated:
    if letter_date is None:
        return None, Precision.NONE
    return date(letter_date.year + (letter_date > date(letter_date.year, 12, 25)), 12, 25), Precision.DAY


def _municipal_year(m: re.Match[str], letter_date: date | None) -> Dated:
    """A council's municipal year runs from its annual meeting in May: the one current on `letter_date` ends in the
    May after it (or in its own May, before June), the next one a year later."""
    if letter_date is None:
        return None, Precision.NONE
    year = letter_date.year + (letter_date.month > 5) + bool(re.search(r"next", m.group("which") or "", re.I))
    return month_end(year, 5), Precision.MONTH


def _last(m: re.Match[str], letter_date: date | None) -> Dated:
    """"last year", "last month": dated; "last week", "last summer": said, not dated."""
    unit = m.group("unit").lower()
    if letter_date is None or unit not in ("year", "month"):
        return None, Precision.NONE
    if unit == "year":
        return date(letter_date.year - 1, 12, 31), Precision.YEAR
    return letter_date.replace(day=1) - timedelta(days=1), Precision.MONTH


def _earlier(m: re.Match[str], letter_date: date | None) -> Dated:
    unit = m.group("unit").lower()
    if letter_date is None or unit == "week":
        return None, Precision.NONE
    return letter_date, Precision.MONTH if unit == "month" else Precision.YEAR


def _undated(m: re.Match[str], letter_date: date | None) -> Dated:
    """A time said plainly ("before the summer recess", "by Friday") whose day the letter leaves to the calendar."""
    return None, Precision.NONE


RESOLVERS = {
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
    "recess": _undated,
    "christmas": _christmas,
    "municipal_year": _municipal_year,
    "fiscal_year": _fiscal_year,
    "in_year": _in_year,
    "relative": _relative,
    "weekday": _undated,
    "last": _last,
    "earlier": _earlier,
    "yesterday": lambda m, d: (d - timedelta(days=1), Precision.DAY) if d else (None, Precision.NONE),
    "ago": _undated,
}
