"""A sentence's kind of duty, read from its words alone: what is a duty and what is a past event told with a date."""

from __future__ import annotations

import pytest

from index.deadlines import duty_deadlines
from index.ledger_parties import name_going_on
from index.ledger_sentences import RECOMMENDED, classify
from index.model import Kind


@pytest.mark.parametrize("body, lead_in, kind", [
    # Under a lead-in that only ends with a colon, actions are duties and sentences of their own are not.
    ("examine how placements are commissioned and funded;", "Its terms of reference asked the Panel to:", Kind.REQUEST),
    ("Publish the workforce plan by 31 January 2026.", "The next steps are:", Kind.REQUEST),
    ("Two in five placements (41%) in 2023-24 were more than 20 miles from home.", "Our main findings are these:", None),
    # A change of a duty's time is a duty; a past event told with "moved" or "replaced" is not.
    ("The deadline has been extended to 30 November 2014.", None, Kind.DIRECTION),
    ("We have moved the review to 12 June 2015.", None, Kind.DIRECTION),
    ("The meeting was postponed to 3 May 2016.", None, Kind.DIRECTION),
    ("The Council moved to a zoned model of home care in April 2023.", None, None),
    ("Integrated care boards replaced clinical commissioning groups on 1 July 2022.", None, None),
    # A report's recommendation in the subjunctive binds the party it names.
    ("We recommend that the Cabinet Member for Housing lead a review of the contract by March 2016.", None, Kind.DIRECTION),
    ("We recommend that this is done quickly.", None, None),
])
def test_a_sentence_is_a_duty_only_when_its_words_make_it_one(body, lead_in, kind):
    assert classify(body, lead_in, "") == kind


@pytest.mark.parametrize("actor, text, full", [
    ("the Ministry of Housing", "By 30 June 2026, the Ministry of Housing, Communities and Local Government, with the "
     "Department, should act.", "the Ministry of Housing, Communities and Local Government"),
    ("the Department for Digital", "the Department for Digital, Culture, Media and Sport should publish",
     "the Department for Digital, Culture, Media and Sport"),
    ("the Ministry of Justice", "the Ministry of Justice, the Youth Justice Board and NHS England should",
     None),  # a list of bodies, each with its article
])
def test_a_name_written_on_past_a_comma_is_the_actor_in_full(actor, text, full):
    assert name_going_on(actor, text) == full


@pytest.mark.parametrize("text, who", [
    ("We recommend that the Cabinet Member for Housing and Neighbourhoods lead a review of the contract.",
     "the Cabinet Member for Housing and Neighbourhoods"),
    ("We recommend that the Environment Agency and the Met Office jointly develop surface water alerts.",
     "the Environment Agency and the Met Office"),
    ("The Panel recommends that the Council should appoint a director by 1 May 2016.", "the Council"),
    ("We recommend that councils review their plans.", None),  # no party named by its capitals
])
def test_a_recommendation_in_the_subjunctive_names_who_acts(text, who):
    m = RECOMMENDED.search(text)
    assert (m.group("who") if m else None) == who


@pytest.mark.parametrize("text, due", [
    ("The Officer should revise the policy so that every concern is acknowledged within five working days.", []),
    ("The Council should publish the plan by 31 March 2016 so that residents can comment.", ["by 31 March 2016"]),
    ("So that councils can plan, the Department should confirm allocations by 31 December 2015.", ["by 31 December 2015"]),
    ("The Council should audit every payment made since the contract began in April 2012.", []),
])
def test_a_standard_set_inside_a_clause_of_purpose_or_a_time_since_which_is_no_deadline(text, due):
    assert [d.text for d in duty_deadlines(text, None)] == due
