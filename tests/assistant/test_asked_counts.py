"""A count asked of something, and whether a passage counts that thing at all."""

import pytest

from assistant.asked_counts import count_not_given, counted_noun, counts


@pytest.mark.parametrize("question, noun", [
    ("How many repairs did the Council order in 2011/12?", "repairs"),
    ("How many council homes have no gas safety record?", "homes"),
    ("How many of the 11 recommendations had been implemented?", "recommendations"),
    ("How many staff does the team have?", None),  # a noun without a plural's "s": not read
    ("What did the review cost?", None),
])
def test_the_noun_a_how_many_question_counts(question, noun):
    assert counted_noun(question) == noun


@pytest.mark.parametrize("text, noun, counted", [
    ("In 2013/14 the Council ordered 41,200 repairs, 3,100 more than the year before.", "repairs", True),
    ("The number of repairs ordered fell to 38,500.", "repairs", True),
    ("Two in five placements (41%) were more than 20 miles from home.", "placements", True),
    ("Only 3 of the 11 recommendations had been implemented.", "recommendations", True),
    ("An estimated 3.2 million properties in England are at risk.", "properties", True),
    ("We read some 400 documents, among them the repairs contract.", "repairs", False),  # a count of documents
])
def test_a_passage_counts_a_thing_when_a_number_stands_before_it_or_tells_its_number(text, noun, counted):
    assert counts(text, noun) is counted


def test_a_count_no_passage_gives_is_a_near_miss():
    question = "How many repairs did the Council order in 2011/12?"
    assert count_not_given(question, ["We read some 400 documents, among them the repairs contract."]) == "repairs"
    assert count_not_given(question, ["In 2011/12 the Council ordered 44,000 repairs."]) is None
