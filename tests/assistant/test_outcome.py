from datetime import date

import pytest

from assistant.outcome import (
    TAKEN_UP,
    TAKEN_UP_OBJECT,
    Event,
    event_asked,
    later_act,
    only_asked_or_planned,
    written_before,
)


@pytest.mark.parametrize(("question", "event"), [
    ("What did the witness tell the committee at the 14 April 2019 session?", Event(date(2019, 4, 14), "14 April 2019")),
    ("What did the committee conclude after questioning her on 14 April 2019?", Event(date(2019, 4, 14), "14 April 2019")),
    ("Did she accept the invitation to the committee's 14 April session?", Event(date(2019, 4, 14), "14 April 2019")),
    ("What happened at the meeting in May 2014?", Event(date(2014, 5, 1), "May 2014")),
    # What a letter itself planned, asked or directed for that day: the letter says it.
    ("What did the Committee plan for its session on 14 April 2019?", None),
    ("What did the Minister direct the Council to do by 30 June?", None),
    ("What did the Minister ask the Council to do by the end of May 2014?", None),
    ("What did the Minister say the Council must do by 30 June 2014?", None),
    # No outcome asked.
    ("What must the Council do by 30 June 2014?", None),
    ("When is the session?", None),
])
def test_a_question_asking_what_happened_on_a_day_names_that_day(question, event):
    assert event_asked(question, 2019 if "2014" not in question else 2014) == event


@pytest.mark.parametrize(("written", "before"), [
    (date(2019, 3, 20), True),
    (date(2019, 7, 10), False),  # a letter of that day may report it
    (date(2019, 8, 1), False),
    (None, False),
])
def test_a_letter_written_before_the_day_cannot_say_what_happened_then(written, before):
    assert written_before(Event(date(2019, 7, 10), "10 July 2019"), written) == before


def test_a_plan_sent_is_an_outcome_and_a_plan_made_for_the_day_is_not():
    assert event_asked("Did the Council send its plan to the Department by 30 June 2014?", None) == Event(date(2014, 6, 30), "30 June 2014")
    assert event_asked("What did the Committee plan for its session on 14 April 2019?", None) is None


@pytest.mark.parametrize(("question", "act"), [
    ("Did the Department go on to publish its method, and if so when?", "publish"),
    ("Has the Council since submitted its plan?", "submit"),
    ("Was the report ever published?", "publish"),
    ("Did the Minister agree?", None),  # whether something was done, not whether it was done later
    ("What was the deadline, and has it since moved?", None),  # not a question whether it was done
    # whether a recommendation was taken up, which the report making it cannot say
    ("Has the Ministry of Justice accepted recommendation 4?", "accept"),
    ("Did the Council agree to the proposals?", "agree"),
    ("Has the Department approved the council's revised improvement plan?", "approve"),
])
def test_a_question_whether_something_was_later_done_names_the_act(question, act):
    assert later_act(question) == act


@pytest.mark.parametrize(("sentence", "only_asked"), [
    ("I would encourage you to publish details of your estimate at the earliest opportunity.", True),
    ("We will publish the method in March.", True),
    ("It would have been helpful if the method had been published alongside the paper.", True),  # it was not
    ("The Department published its method on 5 March.", False),
    ("The method has been published.", False),
    ("The method had been published before the debate.", False),
    ("The Department did publish it.", False),
    ("The Department will write to the Committee.", False),  # the act asked about is not written at all
    ("This guards against methods being published and then forgotten.", True),  # publishing as a kind of thing
])
def test_a_sentence_may_write_an_act_only_as_asked_or_planned(sentence, only_asked):
    assert only_asked_or_planned(sentence, "publish") == only_asked



@pytest.mark.parametrize("question, passage, speaks_of_it", [
    ("Did the Council accept the panel's recommendations?", "The Council has accepted all twelve recommendations.", True),
    # someone accepting something else says nothing of the recommendations
    ("Did the Council accept the panel's recommendations?", "Pellworth has told us that it does not accept our estimate.",
     False),
    ("Has the Cabinet approved the improvement plan?", "The Cabinet approved the plan on 4 August 2015.", True),
])
def test_whether_a_recommendation_was_taken_up_is_said_only_by_a_passage_naming_it(question, passage, speaks_of_it):
    assert TAKEN_UP.match(question)
    assert bool(TAKEN_UP_OBJECT.search(passage)) is speaks_of_it
