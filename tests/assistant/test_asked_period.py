"""The period a question asks what falls due in: ranges, quarters, years and financial years, "by the end of …",
and periods named relative to the day the letters speak from."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.asked_period import AskedPeriod, period_asked
from assistant.question import QuestionType, analyse

REPORT_DAY = date(2025, 3, 14)


@pytest.mark.parametrize("question, period", [
    ("Which actions are due between April and June 2025?", (date(2025, 4, 1), date(2025, 6, 30))),
    ("What is due between November 2025 and February 2026?", (date(2025, 11, 1), date(2026, 2, 28))),
    ("What is due in Q3 2025?", (date(2025, 7, 1), date(2025, 9, 30))),
    ("What is due in the second quarter of 2025-26?", (date(2025, 7, 1), date(2025, 9, 30))),  # from April
    ("What is due in Q4 2025-26?", (date(2026, 1, 1), date(2026, 3, 31))),
    ("What falls due in 2026?", (date(2026, 1, 1), date(2026, 12, 31))),
    ("What is due in 2025-26?", (date(2025, 4, 1), date(2026, 3, 31))),
    ("Which recommendations are due by the end of 2025?", (date.min, date(2025, 12, 31))),
])
def test_a_named_period_is_read_as_its_first_and_last_days(question, period):
    assert period_asked(question, REPORT_DAY) == AskedPeriod(*period)


@pytest.mark.parametrize("question, period", [
    ("Which actions fall due in the next quarter?", (date(2025, 4, 1), date(2025, 6, 30))),
    ("Which actions fall due in the quarter after the report was published?", (date(2025, 4, 1), date(2025, 6, 30))),
    ("What must be done in the next three months?", (date(2025, 3, 15), date(2025, 6, 14))),
    ("Which actions fall due in the six months after the report?", (date(2025, 3, 15), date(2025, 9, 14))),
    ("What is due next month?", (date(2025, 4, 1), date(2025, 4, 30))),
    ("Which actions are due before the end of the financial year?", (date.min, date(2025, 3, 31))),
])
def test_a_relative_period_is_counted_from_the_day_the_letters_speak_from_and_says_so(question, period):
    assert period_asked(question, REPORT_DAY) == AskedPeriod(*period, read_from=REPORT_DAY)


@pytest.mark.parametrize("question", [
    "How many placements were made in 2023-24?",  # a figure, not what falls due
    "When is the plan due?",  # when one thing is due
    "What is due in September 2025?",  # a month: assistant.question reads it
])
def test_a_question_not_asking_what_falls_due_in_such_a_period_gets_none(question):
    assert period_asked(question, REPORT_DAY) is None


def test_a_relative_period_with_no_day_to_count_from_is_not_guessed():
    assert period_asked("Which actions fall due in the next quarter?", None) is None


def test_a_question_naming_such_a_period_asks_what_falls_due_in_it():
    analysis = analyse("Which actions fall due in the next quarter?", reading_day=REPORT_DAY)
    assert analysis.type == QuestionType.DUE_IN_PERIOD
    assert (analysis.period, analysis.period_read_from) == ((date(2025, 4, 1), date(2025, 6, 30)), REPORT_DAY)
