"""Calendar arithmetic that deadlines need: the end of a month, working days, the end of a financial year."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_working_days(start: date, count: int) -> date:
    """`count` weekdays after `start` (bank holidays are not known here and are not skipped)."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def next_financial_year_end(on: date) -> date:
    """UK financial years end on 31 March."""
    return date(on.year if on <= date(on.year, 3, 31) else on.year + 1, 3, 31)
