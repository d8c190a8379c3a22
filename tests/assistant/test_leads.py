"""The first words of an answer: the asked fact in plain words, from the cited sentence (no model needed)."""

import pytest

from assistant.leads import _to_whom
from assistant.question import analyse
from index.store import Letter

LETTER = Letter("a.txt", "", "0", "A letter", "2021-03-03", "stated",
                {"sender": "Jo Bloggs", "recipient": "Ms Jane Hart"}, "", (0,), 1, 1, True)


@pytest.mark.parametrize(("sentence", "lead"), [
    ("The Commissioner will report to me by 30 June.", "To me (Jo Bloggs)"),
    ("The Panel will report to the Minister at 9am on 4 May.", "To the Minister"),  # a time ends the recipients
    ("I am copying this letter to the Chief Executive and the Chair of the Board.",
     "To the Chief Executive and the Chair of the Board"),
    ("I am copying this letter to the following key people:", None),  # they are named in the list itself
    ("The plan is ambitious.", None),
])
def test_to_whom_a_sentence_sends_something(sentence, lead):
    assert _to_whom(analyse("To whom?"), LETTER, sentence, None) == lead
