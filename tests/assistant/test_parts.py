"""A question asking several things: where it divides, and how the answers to its parts join."""

import pytest

from assistant.answer import Answer, Citation
from assistant.parts import joined, question_parts


@pytest.mark.parametrize("question, parts", [
    ("When were the documents first promised, and when are they now expected?",
     ["When were the documents first promised", "when are they now expected?"]),
    ("The Committee wanted evidence. Did he agree, and when is he now expected?",
     ["The Committee wanted evidence. Did he agree", "when is he now expected?"]),
    ("Which posts are advertised, and through what channel?", ["Which posts are advertised", "through what channel?"]),
    ("What must the Council do and by when?", ["What must the Council do", "by when?"]),
    ("Whom did the Chair ask to act; what did that official then ask?", ["Whom did the Chair ask to act", "what did that official then ask?"]),
    # One thing asked: a clause about a word, a pair of nouns.
    ("Who is Lesley Fraser, who oversees the procedure?", ["Who is Lesley Fraser, who oversees the procedure?"]),
    ("Which Act and section set out the procedure?", ["Which Act and section set out the procedure?"]),
    ("What did the Minister ask the Council and the Board to do?", ["What did the Minister ask the Council and the Board to do?"]),
])
def test_a_question_divides_where_it_asks_the_next_thing(question, parts):
    assert question_parts(question) == parts


def cite(n, start):
    return Citation(n, "a.txt", "A", None, "quote", start, start + 5, None)


def test_joined_answers_state_both_leads_and_number_new_quotes_on():
    first = Answer("q", "In December 2021 [1].\n\nThe letter says: “x” [1].", False, [cite(1, 0)])
    more = Answer("q", "In January [1].\n\nThe letter says: “y” [1].", False, [cite(1, 50)])
    both = joined(first, more)
    assert both.answer == "In December 2021 [1]. In January [2].\n\nThe letter says: “x” [1].\n\nThe letter says: “y” [2]."
    assert [c.id for c in both.citations] == [1, 2] and both.citations[1].start == 50


def test_a_quote_both_parts_cite_is_cited_once_and_its_date_stated():
    first = Answer("q", "The letter says: “x” [1].", False, [cite(1, 0)])
    more = Answer("q", "By 31 May [1].\n\nThe letter says: “x” [1].\n\nThe letter says: “z” [2].", False, [cite(1, 0), cite(2, 90)])
    both = joined(first, more)
    assert both.answer == "By 31 May [1].\n\nThe letter says: “x” [1].\n\nThe letter says: “z” [2]."
    assert [c.start for c in both.citations] == [0, 90]


def test_a_lead_on_the_same_quote_is_not_said_twice():
    first = Answer("q", "The end of 2021 [1].\n\nThe letter says: “x” [1].", False, [cite(1, 0)])
    more = Answer("q", "The end of 2021 (31 December 2021) [1].\n\nThe letter says: “x” [1].", False, [cite(1, 0)])
    assert joined(first, more).answer == first.answer
