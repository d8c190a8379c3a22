"""Frames from the parse: who is bound to do what, for whom — read from sentences as letters write them."""

import json

import pytest

from index.frames import Binding, Frame, Side, frames


def only(text: str):
    found = frames(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, binding, verb, actor, party", [
    ("The documents will be available to the Committee before recess in December 2021.", Binding.COMMITMENT, "be", "The documents", None),
    ("I would be very grateful if the Committee would give an extension of time until after recess.", Binding.REQUEST, "give", "the Committee", None),
    ("We would welcome a detailed response to each of the points in our letter.", Binding.REQUEST, "welcome", "you", Side.RECIPIENT),
    ("The Authority will respond to the Committee’s report at 7:30am on 4 September.", Binding.COMMITMENT, "respond", "The Authority", None),
    ("I propose to engage further with staff before sending the documents to you.", Binding.COMMITMENT, "engage", "I", Side.SENDER),
    ("You should look to ensure this additional data is made publicly available.", Binding.OBLIGATION, "ensure", "You", Side.RECIPIENT),
    ("I am content to give evidence on both documents.", Binding.COMMITMENT, "give", "I", Side.SENDER),
    ("I have asked Ed Humpherson, Director General for Regulation, to make this point to the department.", Binding.REQUEST, "make", "Ed Humpherson", None),
    ("We will continue to monitor the data.", Binding.COMMITMENT, "monitor", "We", Side.SENDER),
    ("You have said that you will publish the figures by 30 June.", Binding.COMMITMENT, "publish", "you", Side.RECIPIENT),
    ("I am directing the Council to submit a plan by 1 May.", Binding.OBLIGATION, "submit", "the Council", None),
    # Taking "a number of actions" only points at duties stated elsewhere: what binds is the directing.
    ("I will be directing the Council to take a number of actions.", Binding.COMMITMENT, "direct", "I", Side.SENDER),
    ("This Expert Panel will be supported by a small team of officials.", Binding.COMMITMENT, "support", "a small team", None),
    # the subject of "continue" undergoes the publishing; nobody is named as doing it
    ("Data on breakdowns will continue to be published as part of the monthly release.", Binding.COMMITMENT, "publish", None, None),
    ("The figures will continue to be published by the Department each month.", Binding.COMMITMENT, "publish", "the Department", None),
    ("The additional posts should be filled by Christmas.", Binding.OBLIGATION, "fill", None, None),  # a time, not an agent
    # "shall" obliges a third party but promises for the writer
    ("We shall report back to the Committee by the end of the session.", Binding.COMMITMENT, "report", "We", Side.SENDER),
    ("The Council shall submit a plan by May.", Binding.OBLIGATION, "submit", "The Council", None),
    ("I expect the Department to comply with the Code in future releases.", Binding.REQUEST, "comply", "the Department", None),
    ("I should be grateful to receive examples by 14 April.", Binding.REQUEST, "receive", "you", Side.RECIPIENT),
    ("I should be grateful to hear your views by 14 April.", Binding.REQUEST, "hear", "you", Side.RECIPIENT),
    ("The Department is to publish its response within 12 weeks.", Binding.COMMITMENT, "publish", "The Department", None),
    # the one enabled acts, not "this"
    ("This will allow us to report our findings in time for the deadline.", Binding.COMMITMENT, "allow", "us", Side.SENDER),
    # asking in the future is the writer's promise to ask
    ("We will invite Shan Morgan to attend our scrutiny session.", Binding.COMMITMENT, "invite", "We", Side.SENDER),
    ("We would like to see the Department set out a clear timetable.", Binding.REQUEST, "set", "the Department", None),
    ("I am writing to ask that the department publishes these figures.", Binding.REQUEST, "publish", "the department", None),
    # how the writer speaks binds no one; to be in touch is to contact
    ("I should also mention that Lesley Fraser will be in touch with David McGill.", Binding.COMMITMENT, "contact",
     "Lesley Fraser", None),
    # a group keeps where it sits
    ("My officials in the Department's Intervention Unit will support you.", Binding.COMMITMENT, "support",
     "My officials in the Department's Intervention Unit", Side.SENDER),
    # a body's whole name, and the body named beside it
    ("The Secretary of State for Justice should lay a report before Parliament.", Binding.OBLIGATION, "lay",
     "The Secretary of State for Justice", None),
    ("We recommend that the Department for Education and the Ministry of Justice jointly establish a fund.",
     Binding.REQUEST, "establish", "the Department for Education and the Ministry of Justice", None),
])
def test_a_sentence_that_binds_someone_gives_one_frame(text, binding, verb, actor, party):
    frame = only(text)
    assert (frame.binding, frame.verb, frame.actor, frame.party) == (binding, verb, actor, party)


def test_joined_duties_are_frames_of_their_own_with_exact_spans():
    text = "the Government’s commitment to report to Parliament before the end of 2021, and to produce an updated policy to the same timetable."
    report, produce = frames(text)
    assert text[report.start : report.end] == "to report to Parliament before the end of 2021"
    assert text[produce.start : produce.end] == "to produce an updated policy to the same timetable"
    assert report.actor == produce.actor == "the Government"
    assert report.recipients == ("Parliament",)


@pytest.mark.parametrize(("text", "recipients"), [
    ("We will respond to the Committee’s report ‘Measuring Inflation’ in September.", ("the Committee",)),
    ("I will reply to your letter by Friday.", ("you",)),
    ("We will respond to the consultation in May.", ()),  # a document that is nobody's names no one
    ("We will respond to their report in May.", ()),
    ("We will respond to the report of the Panel in May.", ("the Panel",)),
    ("We will respond to the Committee as soon as is practicable.", ("the Committee",)),
    ("The Chancellor will respond to the Authority's proposals following the consultation.", ("the Authority",)),
])
def test_what_is_answered_is_sent_to_whoever_it_belongs_to(text, recipients):
    assert only(text).recipients == recipients


@pytest.mark.parametrize(("text", "recipients"), [
    ("Lesley Fraser will be in touch with David McGill to discuss the background.", ("David McGill",)),
    ("The Minister will meet with the Committee in June.", ("the Committee",)),
    ("We will publish the figures with the Department in June.", ()),  # publishing with someone reaches no one
    ("The Minister will meet the Committee in June.", ("the Committee",)),
    # a partner in the acting is not whom it reaches
    ("Together with the Department for Transport, we will shortly be consulting you on a draft direction.", ("you",)),
    ("We will respond to the Chair of the Public Accounts Committee by May.", ("the Chair of the Public Accounts Committee",)),
    # a promise to ask someone reaches them
    ("We will invite Shan Morgan to attend our scrutiny session.", ("Shan Morgan",)),
])
def test_someone_met_or_in_touch_with_is_reached(text, recipients):
    assert only(text).recipients == recipients


@pytest.mark.parametrize("text", [
    "Thank you for your letter of 5 March.",
    "I am copying this letter to the Chancellor.",
    "I hope that you find this update helpful.",
    "The report was published in January.",
])
def test_sentences_that_bind_no_one_give_no_frame(text):
    assert frames(text) == []


def test_frame_offsets_shift_into_the_letter():
    frame = only("You must submit a plan by 1 May 2016.")
    shifted = frames("You must submit a plan by 1 May 2016.", offset=100)[0]
    assert (shifted.start, shifted.end) == (frame.start + 100, frame.end + 100)


@pytest.mark.parametrize("text", [
    "I would like to thank you for your letter of 3 May.",  # the writer's own wish asks no one
    "The Committee will recall that the report was published in January.",  # recalling binds no one to act
    "We hope that you will find this update helpful.",
    "I am directing the Council to take the actions set out below.",  # the actions below are the duties
    "I am sure you will share my view on the urgency of this.",  # an opinion shared is no action
    "The Government and the Authority continue to discuss the issues.",  # what is going on
    "You have suggested we invite the Permanent Secretary to give evidence.",  # the recipient's proposal
    "I am pleased to confirm the date of the meeting.",  # pleasure in saying so commits no one
    "I and colleagues here are of course happy to discuss further.",  # a courtesy
])
def test_sentences_with_a_binding_word_that_bind_no_one_to_act_give_no_frame(text):
    assert frames(text) == []


@pytest.mark.parametrize("text", [
    "The Authority will respond to the Committee’s report at 7:30am on 4 September.",
    "I propose to engage further with staff before sending the documents to you.",
    "You should look to ensure this additional data is made publicly available.",
    "We would welcome a detailed response to each of the points in our letter.",
    "the Government’s commitment to report to Parliament before the end of 2021, and to produce an updated policy to the same timetable.",
])
def test_a_frame_survives_its_stored_form_unchanged(text):
    found = frames(text, offset=40)
    assert found
    for frame in found:
        stored = json.loads(json.dumps(frame.to_dict()))
        back = Frame.from_dict(stored)
        assert back == frame
        assert isinstance(back.binding, Binding) and isinstance(back.recipients, tuple)
        assert back.party is None or isinstance(back.party, Side)


@pytest.mark.parametrize(("text", "actor", "binding"), [
    ("I would ask that the Department publishes the data with the next release.", "the Department", Binding.REQUEST),
    ("We expect the Department to update the statistics quarterly.", "the Department", Binding.REQUEST),
    ("I recommend that the Agency publishes these statistics monthly.", "the Agency", Binding.REQUEST),
    ("The Committee requests a written update every six months.", "you", Binding.REQUEST),
    ("We would welcome your views on this by 1 September.", "you", Binding.REQUEST),
    ("I would be grateful for a response by the end of the month.", "you", Binding.REQUEST),
    ("I look forward to receiving your response by 30 June.", "you", Binding.REQUEST),
    ("It would be helpful if you could set out the timetable by the end of March.", "you", Binding.REQUEST),
    ("The Department has committed to publishing a full report next year.", "The Department", Binding.COMMITMENT),
    # the passive's subject is the one asked, required or directed
    ("You are invited to give evidence on 3 March.", "You", Binding.REQUEST),
    ("The Council is required to submit a plan by 1 May 2020.", "The Council", Binding.OBLIGATION),
    ("The Council is directed to publish its plan by 1 May 2020.", "The Council", Binding.OBLIGATION),
    # expecting to do something is a plan; a decision taken by someone binds them
    ("We expect to lay the regulations before Parliament later this year.", "We", Binding.COMMITMENT),
    ("A decision will be taken by the Board in July.", "the Board", Binding.COMMITMENT),
    ("We will keep the Committee informed of progress.", "We", Binding.COMMITMENT),
    # a deadline stated as a fact asks the reader; a date something is due or scheduled for is a plan
    ("The deadline for responses is 21 August 2020.", "you", Binding.REQUEST),
    ("The closing date for applications is 30 June.", "you", Binding.REQUEST),
    ("The report is due on 1 May.", "The report", Binding.COMMITMENT),
])
def test_the_common_ways_of_asking_and_promising_bind(text, actor, binding):
    frame = only(text)
    assert (frame.actor, frame.binding) == (actor, binding)


@pytest.mark.parametrize("text", ["We will not publish the figures this year.", "You would not be giving oral evidence."])
def test_a_promise_not_to_act_binds_no_one(text):
    assert [f for f in frames(text) if f.binding == Binding.COMMITMENT] == []


@pytest.mark.parametrize("text", ["The aim is to publish by May.", "We are on track to develop the other parts of the procedure."])
def test_be_to_binds_only_a_party_that_can_act_right_before_its_verb(text):
    assert frames(text) == []


@pytest.mark.parametrize("text", ["This is due to the pandemic.", "The deadline has passed.", "We missed the deadline of 3 May."])
def test_a_cause_or_a_missed_deadline_binds_no_one(text):
    assert frames(text) == []


@pytest.mark.parametrize("text", [
    "I expect that the figures will fall.",  # a forecast asks no one
    "I look forward to meeting you.",  # a courtesy
    "I would like to thank you for your letter.",
])
def test_forecasts_and_courtesies_bind_no_one(text):
    assert frames(text) == []


def test_a_clause_going_on_with_its_own_modal_is_bound_by_the_subject_of_the_clause_it_goes_on_from():
    text = ("The Monitoring Officer should revise the policy so that every concern is acknowledged within five working "
            "days and the person who raised it is told the outcome, and should bring the revised policy to the "
            "Standards Committee within three months.")
    assert [(f.verb, f.actor) for f in frames(text)] == [("revise", "The Monitoring Officer"),
                                                         ("bring", "The Monitoring Officer")]
