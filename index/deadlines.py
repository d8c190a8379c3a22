"""The phrases of time in a sentence ("by the end of May 2014", "within 28 days", "later this year",
"shortly"), each resolved against the letter's own date and never guessed without it.

Deadlines are what a duty can be due by; `find_times` adds the times a sentence says something
happened ("last year", "yesterday"), which answer "when did …?" but bind no one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from index.dates import DAY_MONTH_YEAR, MONTH_DAY_YEAR, MONTHS, NUMERIC, WEEKDAY, WORKING_DAY
from index.model import Precision
from index.time_resolvers import MONTH_PART_ENDS, NUMBER_WORDS, RESOLVERS


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


# A length of time, as a "how long" question wants it: "12 days", "more than six months", "a few weeks".
_COUNT = rf"(?:\d+|{'|'.join(NUMBER_WORDS)}|an?|several|a few)"  # how many days, weeks…: "12", "six", "a few"
DURATION = re.compile(rf"\b{_COUNT}\s+(?:(?:working|business|calendar|clear)\s+)?"
                      r"(?:days?|weeks?|months?|years?|hours?)\b", re.I)

# Deadline phrases, most specific first. Each pattern's match is the words kept as deadline_text.
_PARTS = "|".join(MONTH_PART_ENDS)
_LEAD = r"(?:(?:by|before|no later than|not later than|until|from|starting|beginning|in|on|during)\s+)?(?:the\s+)?"
_DEADLINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("full", re.compile(rf"\b{_LEAD}(?:end of\s+)?(?:{DAY_MONTH_YEAR}|{MONTH_DAY_YEAR}|{NUMERIC})\b", re.I)),
    ("month_end", re.compile(rf"\b{_LEAD}(?:end|close)\s+of\s+(?P<month>{MONTHS})\s+(?P<year>\d{{4}})\b", re.I)),
    ("month_part", re.compile(rf"\b(?:by|in|during|from|starting in|until|before|at)\s+(?:the\s+)?(?P<part>{_PARTS})[- ]\s*(?:of\s+)?(?P<month>{MONTHS})\b(?P<year>\s+\d{{4}})?", re.I)),
    ("month", re.compile(rf"\b{_LEAD}(?:(?:early|mid|late)[- ])?(?P<month>{MONTHS})\s+(?P<year>\d{{4}})\b", re.I)),
    # A day without its year, as letters write dates near their own: "by 31 January", "at 7:30am on 4 September".
    ("day_month", re.compile(rf"\b(?:by|before|no later than|not later than|until|to|from|starting|beginning|commencing|on|at|is|will be)\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTHS})\b(?!\.?,?\s+\d{{4}})", re.I)),
    ("within", re.compile(rf"\bwithin\s+(?P<n>\d+|{'|'.join(NUMBER_WORDS)})\s+(?P<working>(?:working|business|calendar|clear)\s+)?(?P<unit>days?|weeks?|months?)\b", re.I)),
    # "the end of the financial year", "the end of the 2016/17 financial year", "end of 2025-26"
    ("fin_year", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:this\s+|current\s+|next\s+)?(?:(?P<fy>\d{4})"
                            r"[/-](?:\d{4}|\d{2})(?:\s+financial\s+year\b|(?![\w/-]))|financial\s+year\b)", re.I)),
    ("month_end_relative", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?P<which>the|this|next)\s+month\b", re.I)),
    # "in six weeks' time", "in 12 months": a period from the letter (not "in 12 months to March", a span of figures)
    ("in_period", re.compile(rf"\bin\s+(?P<n>\d+|{'|'.join(NUMBER_WORDS)})\s+(?P<working>(?:working|business|calendar|clear)\s+)?(?P<unit>days?|weeks?|months?)(?:['’]\s*time|\s+time)?\b(?!\s+(?:to|ending|up to|of)\b)", re.I)),
    ("year_end", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+(?:calendar\s+)?year\b", re.I)),
    ("year_end_explicit", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?P<year>\d{4})\b|\b(?:by|before)\s+(?P<year2>20\d{2})\b(?![/-])", re.I)),
    # "Q3 2025-26" is a financial year's quarter (from April); "Q3 2025", "the third quarter of 2026" a calendar year's
    ("quarter", re.compile(r"\b(?:(?:by|in|during|before)\s+)?(?:the\s+end\s+of\s+)?(?:Q(?P<q>[1-4])|(?:[Tt]he\s+)?"
                           r"(?P<nth>first|second|third|fourth|final)\s+quarter)(?:\s+(?:of\s+)?(?:(?P<fy>(?:19|20)\d\d)"
                           r"[-/–](?:(?:19|20)?\d\d)\b|(?P<year>\d{4})\b))?(?!\w)")),
    ("bare_month", re.compile(rf"\b(?:by|in|during|from|starting in|until|before)\s+(?:the\s+end\s+of\s+)?(?P<month>{MONTHS.replace('|may', '')})\b(?!\s+\d)", re.I)),
    ("season", re.compile(r"\b(?:(?:by|in|during|from|until|before|over)\s+(?:the\s+end\s+of\s+)?(?:the\s+|this\s+|next\s+)?|(?:this|next)\s+)"
                          r"(?:(?:early|mid|late)[- ])?(?P<season>spring|summer|autumn|winter)(?:\s+(?P<year>(?:19|20)\d\d))?\b"
                          r"(?!\s+(?:parliamentary\s+)?(?:recess|term))", re.I)),
    # a parliamentary recess or a holiday: a time an official diaries, though its day is the calendar's
    ("recess", re.compile(r"\b(?:by|before|after|until|during|over|in)\s+(?:the\s+)?(?:(?:summer|Christmas|Easter|Whitsun|autumn|"
                          r"conference|February|October|May|half[- ]term)\s+)?(?:parliamentary\s+)?recess\b", re.I)),
    ("christmas", re.compile(r"\b(?:by|before|until|over|after|at)\s+Christmas\b")),
    # A council's year, from its annual meeting in May: "by the end of the municipal year" is the end of May.
    ("municipal_year", re.compile(r"\b(?:by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?P<which>this\s+|current\s+|next\s+)?"
                                  r"municipal\s+year\b", re.I)),
    # "in 2019-20", "during the 2021/22 financial year": the year ends on 31 March
    ("fiscal_year", re.compile(r"\b(?:in|during|by|from|until|over|throughout)\s+(?:the\s+)?(?P<fy>(?:19|20)\d\d)[-/–](?P<to>(?:19|20)?\d\d)\b"
                               r"(?:\s+(?:financial|fiscal)\s+year)?", re.I)),
    ("in_year", re.compile(r"\b(?:(?:in|during|by|from|until|before|throughout)\s+(?:the\s+)?)?(?P<part>early|mid|late|the\s+(?:first|second)\s+half\s+of)[- ](?P<year>(?:19|20)\d\d)\b|"
                           r"\b(?:in|during|from|until|throughout)\s+(?P<year2>(?:19|20)\d\d)\b(?![-/–]\d)", re.I)),
    ("later_year", re.compile(r"\blater\s+(?:this|in\s+the)\s+year\b", re.I)),
    # "in the new year" of a letter written late in a year: its January
    ("new_year", re.compile(r"\b(?:in|by|early in|after)\s+the\s+new\s+year\b", re.I)),
    ("today", re.compile(r"\b(?:from|as of|with effect from|by the end of)\s+today\b", re.I)),
    # "next week", "this month", "the coming year" (not "next year's budget", a thing of that year)
    ("relative", re.compile(r"\b(?<!earlier )(?:(?:by|in|during|before|until|over|from|within)\s+)?(?:the\s+)?(?P<which>this|next|coming)\s+"
                          r"(?P<fy>(?:financial|fiscal)\s+)?(?P<unit>week|month|year)\b(?!['’]s)", re.I)),
    ("weekday", re.compile(rf"\b(?:by|before|until|no later than)\s+(?:close of (?:play|business) (?:on\s+)?|the end of\s+)?{WORKING_DAY}\b(?!\s+\d)")),
    ("vague", re.compile(r"\b(?:shortly|subsequently|in due course|as soon as (?:possible|(?:is\s+)?(?:reasonably\s+)?practicable)|straight away|"
                         r"immediately|without delay|at the earliest (?:possible\s+)?opportunity|as a matter of (?:urgency|priority)|promptly|"
                         r"in the near future|soon(?!\s+as\b)|(?:in|over|within|during)\s+the\s+(?:coming|next|following)\s+"
                         r"(?:few\s+|couple\s+of\s+)?(?:days|weeks|months))\b", re.I)),
]
# Times a sentence says something happened: they answer "when did …?" but no duty is due by them.
_PAST_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("last", re.compile(r"\b(?:last|previous)\s+(?P<unit>week|month|year|spring|summer|autumn|winter)\b(?!['’]s)", re.I)),
    ("earlier", re.compile(r"\bearlier\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("today", re.compile(r"\btoday\b", re.I)),
    ("weekday", re.compile(rf"\b(?:on|last|this|next)\s+{WEEKDAY.pattern}(?!\s+\d)")),
    ("ago", re.compile(rf"\b{_COUNT}\s+(?:days?|weeks?|months?|years?)\s+ago\b", re.I)),
]


def find_deadlines(text: str, letter_date: date | None) -> list[Deadline]:
    """Every deadline phrase in `text`, left to right, resolved against `letter_date` where relative."""
    return _found(text, letter_date, _DEADLINE_PATTERNS)


# What the action is to achieve, and the standard it sets: "revise the policy so that every concern is acknowledged
# within five working days" — the five days are no deadline for the revising.
PURPOSE = re.compile(r"\b(?:so that|such that|in order that)\b[^,;]*$", re.I)
# When something the duty concerns began: "every payment made under the contract since it began in April 2012".
SINCE = re.compile(r"\b(?:since|began|begun|started|commenced)\b[^,;.]{0,30}$", re.I)


def duty_deadlines(text: str, letter_date: date | None) -> list[Deadline]:
    """The deadlines of the duty `text` states: those of `find_deadlines` not told inside its clause of purpose, nor
    saying since when something the duty concerns has run."""
    return [d for d in find_deadlines(text, letter_date)
            if not PURPOSE.search(text[:d.start]) and not SINCE.search(text[:d.start])]


def principal(deadlines: list[Deadline]) -> Deadline | None:
    """The deadline a duty is tracked by: the first stated with a date ("before recess in December 2021" is
    due in December), else the first stated, else the first named ("shortly")."""
    stated = [d for d in deadlines if d.stated]
    return next((d for d in stated if d.date), stated[0] if stated else (deadlines[0] if deadlines else None))


def find_times(text: str, letter_date: date | None) -> list[Deadline]:
    """Every phrase of time in `text`: its deadlines, and the times it says something happened ("last year")."""
    return _found(text, letter_date, _DEADLINE_PATTERNS + _PAST_PATTERNS)


def _found(text: str, letter_date: date | None, patterns: list[tuple[str, re.Pattern[str]]]) -> list[Deadline]:
    found: list[Deadline] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            deadline = _resolve(kind, m, letter_date)
            if deadline:
                found.append(deadline)
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match[str], letter_date: date | None) -> Deadline | None:
    """The deadline a matched phrase of `kind` states, read against the letter's date."""
    if kind not in RESOLVERS:
        return Deadline(None, m.group(0), Precision.NONE, m.start(), m.end(), vague=True)  # kept, never dated
    resolved = RESOLVERS[kind](m, letter_date)
    if resolved is None:
        return None
    when, precision = resolved
    return Deadline(when, m.group(0), precision if when else Precision.NONE, m.start(), m.end())
