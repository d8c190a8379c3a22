import pytest

from index.text import content_terms, words


@pytest.mark.parametrize(("text", "expected"), [
    ("What's the deadline?", ["what", "the", "deadline"]),  # a stopword's clitic goes: "what's" stays a stopword
    ("We’ll see", ["we", "see"]),
    ("The Committee's report", ["the", "committee's", "report"]),  # a name's possessive stays with it
])
def test_words_are_lower_cased_and_a_stopwords_clitic_is_dropped(text, expected):
    assert words(text) == expected


def test_deadline_and_due_are_words_a_question_is_about():
    assert content_terms("What's the deadline for the report, and when is it due?") == ["deadline", "report", "due"]
