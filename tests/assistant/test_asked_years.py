"""A figure asked for one year is not answered by a passage giving figures for others."""

import pytest

from assistant.asked_years import money_not_given, year_not_given, years_in


@pytest.mark.parametrize("text, years", [
    ("rose by 31% between 2019-20 and 2023-24", ["2019-20", "2023-24"]),
    ("in 2023/24 and in 2024", ["2023/24", "2024"]),
    ("on 2019-05-01, from 2019-2023, £2019 and 2020%", []),  # a date's digits, a range, money, a share
])
def test_years_and_financial_years_in_text(text, years):
    assert [y.text for y in years_in(text)] == years


@pytest.mark.parametrize("question, passage, missing", [
    ("How many out-of-area placements were made in 2024-25?",
     "The number of out-of-area placements rose by 31% between 2019-20 and 2023-24, to 1,540.",
     ("2024-25", ["2019-20", "2023-24"])),
    ("How many out-of-area placements were made in 2023-24?",
     "The number rose by 31% between 2019-20 and 2023-24, to 1,540.", None),
    ("How much did the Council spend in 2024?", "Spending in 2023-24 was £12 million.", None),  # the year it ends
    ("How much did the Council spend in 2022?", "Spending in 2023-24 was £12 million.",
     ("2022", ["2023-24"])),
    ("How many placements were made in 2024-25?", "Placements rose last year to 1,540.", None),  # no year to compare
    ("When was the plan published in 2024?", "The plan was published in May 2023.", None),  # asks no figure
])
def test_a_figure_for_a_year_the_passage_does_not_give_is_not_given(question, passage, missing):
    assert year_not_given(question, [passage]) == missing


@pytest.mark.parametrize("question, passages, missing", [
    ("How much funding has the Department given the council?", ["The plan should bring assessments up to 85%."], True),
    ("How much money will the alert service receive?", ["The service will need new money."], True),
    ("How much funding has the Department given the council?", ["The Department has provided £2.5 million."], False),
    ("What did the review cost?", ["The review cost £180,000."], False),
    ("How many assessments were late?", ["Only 61% were completed on time."], False),  # no sum asked
    ("What budget should the Commissioner work on with the Council?", ["Work on the 2014-15 budget."], False),
])
def test_a_sum_of_money_asked_needs_a_passage_that_gives_one(question, passages, missing):
    assert money_not_given(question, passages) is missing
