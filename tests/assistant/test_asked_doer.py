"""A party asked about as the one who acts, and whether the passages an answer would cite name it at all."""

import pytest

from assistant.asked_doer import doer_asked, doer_not_named, names


@pytest.mark.parametrize("question, party", [
    ("When will the Met Office publish its own review of forecasting?", "the Met Office"),
    ("By when must Ofwat take the figures into account?", "Ofwat"),
    ("How often should the Board meet?", "the Board"),
    ("When is the Department for Education expected to reply?", "the Department for Education"),
    ("When is Kingsmere's improvement plan due?", None),  # whose the plan is, not who acts
    ("When will the report be published?", None),  # a thing, passive: no one is asked about
    ("Who must publish the strategy?", None),
])
def test_the_party_a_question_asks_about_as_the_doer(question, party):
    assert doer_asked(question) == party


@pytest.mark.parametrize("text, party, named", [
    ("The Met Office should publish its forecasts.", "the Met Office", True),
    ("The board should hold its first meeting by 31 July 2025.", "the Board", True),  # case aside
    ("The board should hold its first meeting by 31 July 2025.", "the Met Office", False),
    ("The Ministry of Housing, Communities and Local Government, with the Department, should act.", "MHCLG", True),
    ("The Department for Environment, Food and Rural Affairs (the Department) should publish.", "Defra", True),
    ("Defra should publish the strategy.", "the Department for Environment, Food and Rural Affairs", True),
    ("The Department should publish the strategy.", "Ofwat", False),
])
def test_a_party_is_named_by_its_words_its_initials_or_their_expansion(text, party, named):
    assert names(text, party) is named


def test_passages_about_what_others_must_do_do_not_answer_when_a_party_acts():
    question = "When will the Met Office publish its review?"
    assert doer_not_named(question, ["The board should publish a report every six months."]) == "the Met Office"
    assert doer_not_named(question, ["The Met Office should publish its review by May."]) is None
    assert doer_not_named("When will the review be published?", ["Nothing here."]) is None
