"""A duty's deadline asked for, and whether the passages an answer would cite give one at all."""

from datetime import date

import pytest

from assistant.asked_deadline import Passage, deadline_not_given

WRITTEN = date(2015, 7, 20)
QUESTION = "By what date must the Audit Committee have followed up its recommendations?"


@pytest.mark.parametrize("passages, not_given", [
    # a duty with no date, beside a finding of the past: no deadline
    ([Passage("The Audit Committee should follow up every recommendation until it has been implemented.", WRITTEN, True),
      Passage("When Internal Audit returned in January 2015 only 3 had been implemented.", WRITTEN, False)], True),
    ([Passage("The Audit Committee should follow them up by 31 October 2015.", WRITTEN, True)], False),
    # a duty stated with a past date is still its deadline; a recurring one says how often
    ([Passage("The Committee should have followed them up by 31 March 2015.", WRITTEN, True)], False),
    ([Passage("The Audit Committee should review progress every quarter.", WRITTEN, True)], False),
])
def test_a_deadline_is_given_by_a_duty_or_a_time_still_to_come(passages, not_given):
    assert deadline_not_given(QUESTION, passages) is not_given


def test_only_a_question_asking_a_duty_deadline_is_read_so():
    past = [Passage("When Internal Audit returned in January 2015 only 3 had been implemented.", WRITTEN, False)]
    assert deadline_not_given("When did Internal Audit return to the contract?", past) is False


def test_a_question_asking_two_things_is_not_read_so():
    past = [Passage("On 26 October I wrote to you promising the documents.", WRITTEN, False)]
    assert deadline_not_given("When were the documents first promised, and when are they now due?", past) is False
