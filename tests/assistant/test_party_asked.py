"""Which party of a letter or report itself a question asks for: read from the question's wording alone."""

from __future__ import annotations

import pytest

from assistant.party_asked import LetterParty, party_asked


@pytest.mark.parametrize("question, party", [
    ("Who commissioned the review?", LetterParty.COMMISSIONER),
    ("Who asked for this review to be carried out?", LetterParty.COMMISSIONER),
    ("Who was the Harrowfield review commissioned by?", LetterParty.COMMISSIONER),
    ("At whose request was the inquiry set up?", LetterParty.COMMISSIONER),
    ("What is the date of the final report?", LetterParty.DATE),
    ("When was the report published?", LetterParty.DATE),
    ("Who led the independent panel?", LetterParty.LEADER),
    ("Who carried out the review?", LetterParty.LEADER),
    ("Which firm prepared the review?", LetterParty.LEADER),
    ("Who is the chair of the review panel?", LetterParty.LEADER),
    ("To whom was the report presented?", LetterParty.RECIPIENT),
    ("Who was the review submitted to?", LetterParty.RECIPIENT),
    ("Who is the report for?", LetterParty.RECIPIENT),
    ("To whom did the panel make its report?", LetterParty.RECIPIENT),
    ("Who did the panel submit its findings to?", LetterParty.RECIPIENT),
    ("Who does the study report to?", None),  # a study the letter speaks of, not the document itself
    ("Who signed the letter?", LetterParty.SENDER),
    ("Who was copied into the direction letter?", LetterParty.COPIED),
])
def test_a_question_about_the_document_itself_names_the_party(question, party):
    assert party_asked(question) == party


@pytest.mark.parametrize("question", [
    "Who will chair the National Youth Justice Commissioning Board?",  # a body the report proposes
    "Who chairs the council's improvement board?",
    "What is the date of the YJB's first progress report?",  # a report the review asks for, not the review
    "When must the report be presented to Parliament?",  # a duty
    "When was the report presented to Parliament?",
    "Who must produce the annual report?",
    "Who will lead the review of partnership arrangements?",
    "Who is responsible for recommendation 3?",
])
def test_a_question_about_what_the_document_says_asks_for_no_party_of_it(question):
    assert party_asked(question) is None
