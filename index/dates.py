"""Dates written in letters: how they are written, how precise they are, and a letter's own date.

dateparser reads absolute dates ("27 March 2014", "30/11/2015"); the phrases of time it does not
handle ("by the end of the year", "within 28 days", "later this year") are index.deadlines', which
resolves them against the letter's date. How often a duty recurs is index.recurrence's.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# Month names as a question capitalises them, so that "may note" names no month.
MONTH_NAMES = "|".join(calendar.month_name[1:])
MONTH_NUMBER = {name.lower(): i for names in (calendar.month_name, calendar.month_abbr)
                for i, name in enumerate(names) if name} | {"sept": 9}

DAY_MONTH_YEAR = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+\d{{4}}"
MONTH_DAY_YEAR = rf"(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
NUMERIC = r"\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}"
MONTH_YEAR = rf"(?:{MONTHS})\.?\s+\d{{4}}"
FULL_DATE = re.compile(rf"\b(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}|{NUMERIC})\b", re.IGNORECASE)


_WORKING_DAYS = "Mon|Tues|Wednes|Thurs|Fri"
WEEKDAY = re.compile(rf"\b(?:{_WORKING_DAYS}|Satur|Sun)days?\b")
WORKING_DAY = rf"(?:{_WORKING_DAYS})day"  # a day a deadline falls on: "by Friday"


def parse_date(text: str) -> date | None:
    """An absolute, day-precise date such as '27 March 2014', 'March 27, 2014' or '27/03/2014'."""
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date() if parsed else None


# A file named by the day it was filed: "2021-12-01_palmer-to-humpherson.txt", how archives often keep letters.
NAMED_DAY = re.compile(r"^(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?=[_\-\s.]|$)")


def date_in_name(name: str) -> date | None:
    """The date a file's name begins with, if any."""
    m = NAMED_DAY.match(name)
    try:
        return date(int(m["year"]), int(m["month"]), int(m["day"])) if m else None
    except ValueError:
        return None


def date_line(text: str, when: date) -> re.Match | None:
    """The line of a letter that gives its own date `when` ("14 November 2023", "Letter from … of 6 October 2021")."""
    return re.search(rf"^[^\n]*\b{when.day}(?:st|nd|rd|th)?\s+{when:%B}\s+{when.year}\b[^\n]*$|"
                     rf"^[^\n]*{when:%B}\s+{when.day},?\s+{when.year}[^\n]*$", text, re.M)
