"""Near misses a report cannot answer: a figure for a place its passage and its scope do not speak of, and the
response to the report itself."""

from __future__ import annotations

import pytest

from assistant.asked_places import place_not_given, places_asked
from assistant.outcome import RESPONSE_TO_REPORT


@pytest.mark.parametrize("question, places", [
    ("What share of placements in Wales were made more than 20 miles from home?", ["Wales"]),
    ("How many properties across the North West flooded in 2024?", ["North West"]),
    ("How many beds in the Department for Education estate were empty?", []),  # a body's name, not a place
    ("How much did the Secretary of State for Justice spend?", []),
    ("Who leads the work in Wales?", []),  # no figure asked
])
def test_the_places_a_figure_question_confines_its_figure_to(question, places):
    assert places_asked(question) == places


@pytest.mark.parametrize("scopes, missing", [
    (["Two in five placements in 2023-24 were more than 20 miles from home.\nYouth justice in England"], "Wales"),
    (["In Wales, 12% of placements were more than 20 miles away."], None),
    (["Two in five placements were distant.", "Review of youth justice in Wales and England"], None),  # its scope
])
def test_a_place_none_of_the_passages_scopes_names_is_not_given(scopes, missing):
    assert place_not_given("What share of placements in Wales were more than 20 miles from home?", scopes) == missing


@pytest.mark.parametrize("question, about_response", [
    ("What did the Youth Justice Board say in its response to the review?", True),
    ("How has the Government responded to the recommendations?", True),
    ("When is the Ministry of Justice going to respond to the review?", False),  # a duty the report sets
    ("What does the review say about responses to floods?", False),
])
def test_a_question_about_the_response_to_the_report(question, about_response):
    assert bool(RESPONSE_TO_REPORT.match(question)) is about_response
