"""The first words of an answer: the asked fact in plain words, from the cited sentence (no model needed)."""

from dataclasses import replace
from datetime import date

import pytest

from assistant.leads import _to_whom, _when, introduce
from assistant.question import analyse
from index.model import DateBasis, Letter, LetterMetadata, MessageLink

LETTER = Letter("a.txt", "", "0", "A letter", date(2021, 3, 3), DateBasis.STATED,
                LetterMetadata("A letter", sender="Jo Bloggs", recipient="Ms Jane Hart"), "", (0,), 1, 1)


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


@pytest.mark.parametrize(("sentence", "lead"), [
    ("We will publish our first full report in February.", "in February (the end of February 2022)"),  # the next February
    ("We will respond by 30 June.", "by 30 June (30 June 2021)"),
    ("The documents will follow in early May.", "in early May (10 May 2021)"),
    ("We will report later this year.", "later this year"),  # a year is not stated as a day
    ("The review will conclude by the end of May 2021.", "by the end of May 2021 (31 May 2021)"),  # a day
])
def test_when_a_resolved_date_is_no_more_precise_than_the_letter(sentence, lead):
    """"In February" is a month: its resolved date is the month's last day, a bound, not a day the letter named."""
    assert _when(analyse("When?"), LETTER, sentence, None) == lead


def test_a_time_the_question_states_is_not_its_answer():
    sentence = "The plan commits the council to completing 85% of assessments within 45 working days by 31 March 2026."
    question = analyse("By when will 85% of assessments be completed within 45 working days?")
    assert _when(question, LETTER, sentence, None) == "by 31 March 2026"


def _report(text: str, layout) -> Letter:
    return Letter("r.pdf", "", "0", "A review", date(2025, 3, 14), DateBasis.STATED, LetterMetadata("A review"), text,
                  (0,), 1, 1, layout=layout)


def test_a_table_row_is_given_cell_by_cell_under_its_headers_names():
    from assistant.leads import row_words
    from index.layout import Heading, Layout, TableRow

    text = "1. A\n\n2. B\n\n3. Actions\n\nRef\nOwner\nDue date\n\nA7\nYouth Justice Board\n31 October 2025"
    at = text.index
    layout = Layout((Heading(0, 4, 1), Heading(at("2."), at("2.") + 4, 1), Heading(at("3."), at("3.") + 10, 1)),
                    (TableRow(at("Ref"), at("Due date") + 8, ((at("Ref"), at("Ref") + 3), (at("Owner"), at("Owner") + 5),
                                                               (at("Due date"), at("Due date") + 8)), None),
                     TableRow(at("A7"), len(text), ((at("A7"), at("A7") + 2), (at("Youth"), at("Youth") + 19),
                                                    (at("31 Oct"), len(text))), at("Ref"))))
    report = _report(text, layout)
    assert report.is_report
    assert row_words(report, at("A7")) == 'Ref “A7”, Owner “Youth Justice Board”, Due date “31 October 2025”'
    assert row_words(report, at("Ref")) is None, "a header row names no cells"
    assert row_words(report, 0) is None


def test_a_rows_owner_cell_answers_who_whatever_words_it_has():
    from assistant.fit import fit_one
    from assistant.question import QuestionType
    from index.layout import Layout, TableRow

    text = "Action\nLead\n\nReduce agency staff\nHead of Workforce"
    at = text.index
    header = TableRow(0, at("Lead") + 4, ((0, 6), (at("Lead"), at("Lead") + 4)), None)
    row = TableRow(at("Reduce"), len(text), ((at("Reduce"), at("Head") - 1), (at("Head"), len(text))), 0)
    letter = _report(text, Layout((), (header, row)))
    question = analyse("Who is responsible for reducing agency staff?")
    assert fit_one(QuestionType.WHO, question, text[at("Reduce"):], letter) == 1.0
    assert fit_one(QuestionType.WHO, question, "Reduce agency staff", _report("Reduce agency staff", Layout())) == 0.0


EMAIL = replace(LETTER, source="in/visit.eml", metadata=replace(LETTER.metadata, title="Visit"))
NOTE = replace(LETTER, source="in/visit.eml#note.pdf", metadata=replace(
    LETTER.metadata, sender=None, recipient=None, attached_to=MessageLink("in/visit.eml", date(2025, 5, 6), "Jo Bloggs")))


@pytest.mark.parametrize(("letter", "section", "words"), [
    (LETTER, None, "The letter of 3 March 2021 from Jo Bloggs to Ms Jane Hart says: "),
    (EMAIL, None, "The email of 3 March 2021 from Jo Bloggs to Ms Jane Hart says: "),
    (NOTE, None, "The letter “A letter” of 3 March 2021, attached to the email of 6 May 2025 from Jo Bloggs, says: "),
    (NOTE, "2. Findings", "The letter “A letter” of 3 March 2021, attached to the email of 6 May 2025 from Jo Bloggs, "
                          "in “2. Findings”, says: "),
])
def test_an_answer_says_what_it_quotes_and_where_an_attachment_came_from(letter, section, words):
    assert introduce(letter, None, section) == words
