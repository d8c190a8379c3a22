"""A figure asked for a year the letters give no figure for: "How many placements were made in 2024-25?"
answered by a sentence that gives 2019-20 and 2023-24 is a near miss, not an answer. The year a figure
question states must be one the cited passage states — a calendar year matching a financial year it
begins or ends, a financial year only itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A question after a figure: "how many", "how much", "what share", "what proportion of", "what did it cost".
FIGURE_ASKED = re.compile(r"\bhow (?:many|much)\b|\bwhat (?:share|proportion|percentage|number|rate|amount|level|"
                          r"figure|total)\b|\bcost\b", re.I)
# "2023", "2023-24", "2023/24", "2023–2024"; not part of a longer number or a date's digits.
YEAR = re.compile(r"(?<![\d/£.,-])((?:19|20)\d\d)(?:\s?[-/–]\s?((?:19|20)?\d\d))?(?![\d%])")


@dataclass(frozen=True)
class Year:
    """A calendar year (`end` None) or a financial or academic year ("2023-24": start 2023, end 2024)."""

    start: int
    end: int | None
    text: str

    def matches(self, other: Year) -> bool:
        if self.end is not None and other.end is not None:
            return (self.start, self.end) == (other.start, other.end)
        if self.end is None and other.end is None:
            return self.start == other.start
        span = self if self.end is not None else other
        single = other if span is self else self
        return single.start in (span.start, span.end)


def years_in(text: str) -> list[Year]:
    out = []
    for m in YEAR.finditer(text):
        start, end = int(m.group(1)), m.group(2)
        if end is not None:
            end_year = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
            if end_year != start + 1:
                continue  # "2019-20" is a year; "2019-2023" a range of them, and "2019-05" a date's digits
            out.append(Year(start, end_year, m.group(0)))
        else:
            out.append(Year(start, None, m.group(0)))
    return out


def year_not_given(question: str, passages: list[str]) -> tuple[str, list[str]] | None:
    """For a figure question stating a year: (that year, the years the passages give instead) when the passages
    give other years and not that one; None when it asks no figure for a year, or they give it or no year."""
    if not FIGURE_ASKED.search(question):
        return None
    given = [y for text in passages for y in years_in(text)]
    for asked in years_in(question):
        if given and not any(asked.matches(g) for g in given):
            return asked.text, list(dict.fromkeys(g.text for g in given))
    return None


# A question after a sum of money: "How much funding has the Department given?", "How much money will it receive?",
# "What did the review cost?" — which a passage giving only counts or shares does not answer ("What budget …?" asks
# which budget, not a sum).
MONEY_ASKED = re.compile(r"\bhow much (?:money|funding|grant|capital|revenue)\b|\bhow much (?:did|does|will|would)\b[^?]*"
                         r"\b(?:cost|spend|pay|receive|get|give|allocate)\b|\bwhat (?:did|does|will)\b[^?]*\bcost\b|"
                         r"\bwhat (?:sum|amount of (?:money|funding))\b", re.I)
MONEY = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(?:million|billion|bn|m|k|pounds|pence)\b", re.I)


def money_not_given(question: str, passages: list[str]) -> bool:
    """The question asks for a sum of money and none of the passages gives one."""
    return bool(MONEY_ASKED.search(question)) and not any(MONEY.search(text) for text in passages)
