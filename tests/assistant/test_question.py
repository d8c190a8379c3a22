"""What a question asks for."""

from datetime import date

import pytest

from assistant.party_asked import LetterParty
from assistant.question import QuestionType, analyse, is_follow_up


@pytest.mark.parametrize(
    "question, kind",
    [
        ("By when must the Commissioner report?", QuestionType.WHEN),
        ("Who does the Commissioner report to about senior management?", QuestionType.TO_WHOM),
        ("To whom will the study report?", QuestionType.TO_WHOM),
        ("How often must Kingsmere send performance reports to the Commissioner?", QuestionType.WHEN),
        ("Who has been appointed Commissioner?", QuestionType.APPOINTMENT),
        ("When does Ann Smith's appointment as Commissioner end?", QuestionType.WHEN),
        ("Who is the Chief Executive of the Council?", QuestionType.WHO),
        ("Under which legislation will the direction be made?", QuestionType.LEGAL_BASIS),
        ("What is due in June 2014?", QuestionType.DUE_IN_PERIOD),
        ("What must the Council do by June 2014?", QuestionType.DUE_IN_PERIOD),
        ("How much funding will the Council receive?", QuestionType.AMOUNT),
        ("What happens if the Council misses the deadline?", QuestionType.CONSEQUENCE),
        ("On what date was the letter to Sir Albert Bore sent?", QuestionType.LETTER_DATE),
        # the letter a letter answers is dated in the answer's text, not by an indexed letter's date line
        ("What was the date of the letter the Minister was replying to?", QuestionType.WHEN),
        ("And to whom?", QuestionType.TO_WHOM),
        ("The plan goes to whom?", QuestionType.TO_WHOM),
        # "to whom" in a clause that picks someone out is not what is asked: the name is
        ("What is the name of the Minister to whom the plan was sent?", QuestionType.WHO),
        ("What is Ann Smith's job title?", QuestionType.POST),
        ("What post does Ann Smith hold at the Council?", QuestionType.POST),
        ("What role does Ann Smith hold?", QuestionType.POST),
        ("What is Palmer's job title?", QuestionType.POST),
        # the post someone holds needs someone: posts without a person named are vacancies, titles, things
        ("Which posts is the Government advertising, and where?", QuestionType.WHAT),
        ("What role will the Commissioner play?", QuestionType.WHAT),  # a part played, not a post held
        # the noun the question word picks out says what is asked, whatever the rest mentions
        ("Which Chancellor did the Chair write to about the RPI timetable?", QuestionType.WHO),
        ("Which Minister was congratulated on her appointment?", QuestionType.WHO),
        ("What deadline did the Minister set for the appointment?", QuestionType.WHEN),
        # "who" asks who does its own verb, not what a later clause says someone did
        ("Who chaired the committee at the time the Chair copied it into his letters?", QuestionType.WHO),
        ("Who was copied into the letter?", QuestionType.TO_WHOM),
        ("Who was the November letter addressed to?", QuestionType.TO_WHOM),
        # a reason is asked for
        ("Why did the Minister ask for more time?", QuestionType.REASON),
        ("What reasons did the Minister give for the delay?", QuestionType.REASON),
        ("On what basis did the regulator ask for the figures to be published?", QuestionType.REASON),
        ("What did the Committee ask for, and what did it need that for?", QuestionType.REASON),
        # a body asked to act is the subject, not the answer, however long its name
        ("What is the Department for Education asked to deliver under the review?", QuestionType.WHAT),
        ("What is the Secretary of State for Justice expected to do?", QuestionType.WHAT),
        ("What is the Chief Executive of the Council called?", QuestionType.WHO),
    ],
)
def test_question_types(question, kind):
    assert analyse(question, default_year=2014).type == kind


def test_an_appointment_asked_about_is_the_subject_unless_who_is_asked():
    assert analyse("When does Ann Smith's appointment as Commissioner end?").wants == (QuestionType.WHEN,)
    assert QuestionType.APPOINTMENT in analyse("Who was appointed Commissioner, and when?").wants


def test_by_a_month_reaches_back_and_in_a_month_does_not():
    by = analyse("What must the Council do by June 2014?").period
    within = analyse("What is due in June 2014?").period
    assert by[0].year == 1 and by[1].isoformat() == "2014-06-30"
    assert within[0].isoformat() == "2014-06-01"


def test_a_possessive_question_word_is_no_name():
    assert analyse("The Minister promised the plan in December. What's the new timing?").names == []


def test_follow_ups_lean_on_the_previous_question():
    assert is_follow_up("and by when?") and is_follow_up("Who else receives it?")
    assert not is_follow_up("Who has been appointed Commissioner for Birmingham?")
    followed = analyse("and by when?", context="Who does the Commissioner report to about senior management?")
    assert followed.type == QuestionType.WHEN and "commissioner" in followed.terms


@pytest.mark.parametrize(
    ("question", "asked_part"),
    [
        ("For my note: who will the study report to?", "who will the study report to?"),
        ("For the Minister's briefing: when is the plan due?", "when is the plan due?"),
        ("Improvement plan adequacy: who does the Commissioner report to?",
         "Improvement plan adequacy: who does the Commissioner report to?"),  # a topic, not a purpose
        ("For how long is the Commissioner appointed?", "For how long is the Commissioner appointed?"),
        ("For 2015: what is due in May?", "For 2015: what is due in May?"),  # a scope, not a purpose
        ("For the RPI consultation: when will the Authority respond?",
         "For the RPI consultation: when will the Authority respond?"),
    ],
)
def test_a_label_saying_what_the_answer_is_for_is_not_part_of_the_question(question, asked_part):
    from assistant.question import asked

    assert asked(question) == asked_part


@pytest.mark.parametrize(("question", "sentence", "score"), [
    ("Who will report to the Minister?", "Dame Alex Morgan will report to the Minister.", 1.0),
    ("Who is Alex Morgan?", "Alex Morgan will report to the Chief Executive.", 0.5),  # only the post is new
    ("Who is Alex Morgan?", "Alex Morgan will report.", 0.0),  # the person asked about is no answer
    ("Who will publish the figures?", "Department statisticians will publish the figures.", 0.5),
    ("Who will publish the figures?", "In December the figures will be published.", 0.0),
    ("Which other body will respond?", "The Treasury Committee will respond at the same time.", 1.0),  # a body asked for
    ("Which official will respond?", "The Treasury Committee will respond at the same time.", 0.5),
    ("Which parliamentary committee will respond?", "The Lords Economic Affairs Committee will respond.", 1.0),
    # the letter's own writer or reader acting: someone the letter names in its parties
    ("Who will write to the Committee with the documents?", "I will write to you with copies of the documents.", 0.5),
    ("Who has been asked to publish the method?", "I would encourage you to publish the method.", 0.5),
    ("Who was Permanent Secretary at the time?", "I would encourage you to publish the method.", 0.0),  # who held a post
])
def test_a_who_question_wants_someone_it_does_not_name(question, sentence, score):
    from assistant.fit import _names_someone
    from assistant.question import analyse

    assert _names_someone(analyse(question), sentence) == score


@pytest.mark.parametrize(("question", "kind"), [
    # the noun a question word picks out says what is wanted
    ("Which other agency's reply is due at the same time?", QuestionType.WHO),
    ("Which Treasury official chairs the new panel?", QuestionType.WHO),
    ("What is the name of the previous Chief Executive?", QuestionType.WHO),
    ("Whose budget pays for the review?", QuestionType.WHO),
    ("What date did the Secretary give?", QuestionType.WHEN),
    ("What is the deadline?", QuestionType.WHEN),
    ("Under what code must the figures be published?", QuestionType.LEGAL_BASIS),
    ("What is the Director's salary?", QuestionType.AMOUNT),
    # … so does the head of a question without a question word, not a statement asked
    ("Date of the council's next inspection?", QuestionType.WHEN),
    ("Minister's reply date?", QuestionType.WHEN),
    ("number of inspectors the Trust must recruit?", QuestionType.AMOUNT),
    ("The Council must publish its plan?", None),
    # a party that receives is a recipient
    ("To which agencies were the findings addressed?", QuestionType.TO_WHOM),
    ("Which panel chair was copied on the May letter?", QuestionType.TO_WHOM),
    ("Which body will receive the report?", QuestionType.TO_WHOM),
    ("Which body sent the letter?", QuestionType.WHO),
    ("Whom will the Chief Executive contact about the plan?", QuestionType.TO_WHOM),
    ("Whom is the Secretary appointing as Chair?", QuestionType.WHO),
    ("Whom did the Minister make Commissioner?", QuestionType.WHO),  # a light verb sends nothing
    # "who" not at the start, and not a relative pronoun
    ("According to the letter, who in Parliament has backed the plan?", QuestionType.WHO),
    ("What did the official who oversees the review say?", None),
    ("What did the report which the Council sent say?", None),
    # a focus that names no kind
    ("What reason did the Secretary give for the delay?", None),
    ("Since the Minister cannot attend, what is the committee asking him for instead?", None),  # its subject acts
    ("What budget should the Director agree with the Board?", None),
])
def test_the_focus_of_a_question_says_what_kind_of_answer_it_wants(question, kind):
    from assistant.focus import focus_kind

    assert focus_kind(question) == kind


@pytest.mark.parametrize(("question", "focus"), [
    ("Which NI-specific developments did the Minister welcome the report for recognising?", "developments"),
    ("What step did the Minister report on 2 November?", "step"),
    ("Which requirement of the Code did the claim fall short of?", "requirement"),
    ("Which body was copied?", None),  # a kind of answer, not a thing to mention
    ("What did the Minister enclose?", None),
])
def test_the_thing_a_which_question_asks_about_is_what_the_answer_must_mention(question, focus):
    from assistant.focus import focus_noun

    assert focus_noun(question) == focus


@pytest.mark.parametrize(("question", "kind"), [
    ("Which agency will receive the findings?", QuestionType.TO_WHOM),
    ("Whom is the Secretary appointing as Chair?", QuestionType.APPOINTMENT),  # the wording names the kind first
    ("What did the official who oversees the review say?", QuestionType.WHAT),
    ("In March 2016, what is due?", QuestionType.DUE_IN_PERIOD),
])
def test_a_question_without_words_for_its_kind_takes_its_focus(question, kind):
    assert analyse(question, default_year=2014).type == kind


@pytest.mark.parametrize(("question", "sentence", "score"), [
    ("What is Ann Smith's job title?", "I am copying this to Ann Smith, Chief Statistician for the Department.", 1.0),
    ("What post does Ann Smith-Jones hold?", "Ann Smith-Jones, the Director General for Corporate, will write.", 1.0),
    ("What post does Ann Smith hold?", "I have asked Director General Ann Smith to write.", 1.0),
    # a post beside someone else's name is not hers
    ("What post does Ann Smith hold?", "Bob Jones, the Director General, will be in touch with Ann Smith.", 0.0),
    ("What post does Ann Smith hold?", "Ann Smith will write to the Committee.", 0.0),
])
def test_a_post_question_wants_the_post_beside_the_name_asked_about(question, sentence, score):
    assert _fit(question, sentence, kind=QuestionType.POST) == score


def test_a_letters_signature_gives_its_writers_post():
    meta = {"sender": "Ann Smith", "sender_role": "Chief Statistician"}
    assert _fit("What is Ann Smith's post?", "Chief Statistician", text="Ann Smith\nChief Statistician", meta=meta,
                kind=QuestionType.POST) == 1.0


def _fit(question: str, sentence: str, *, text: str | None = None, meta: dict | None = None,
         letter_date: str | None = None, kind: QuestionType | None = None, source: str = "l.txt") -> float:
    """How well `sentence`, in a letter of `text` (the sentence alone by default), answers `question`."""
    from assistant.fit import fit_one
    from index.model import Letter, LetterMetadata

    analysis = analyse(question, default_year=2014)
    letter = Letter(source, "", "0", "", date.fromisoformat(letter_date) if letter_date else None, None,
                    LetterMetadata("", **(meta or {})), text or sentence, (0,), 0, 0)
    return fit_one(kind or analysis.type, analysis, sentence, letter)


@pytest.mark.parametrize(("question", "sentence", "score"), [
    ("Under what code should the figures be published?", "Our Code of Practice for Statistics requires it.", 1.0),
    ("Under what code should the figures be published?", "In line with the Code I would encourage you.", 0.5),
    ("Under which Act will the direction be made?", "It is made under section 497A of the Education Act 1996.", 1.0),
    ("To whom will the study report?", "The study will report to the Commissioner.", 1.0),
    ("To which agencies were the findings addressed?", "It made findings for HM Treasury.", 0.25),
    ("To which agencies were the findings addressed?", "The report made many findings.", 0.0),
    # a reason given
    ("Why did the Minister ask for more time?", "I ask for more time, as the new variant is absorbing officials' time.", 1.0),
    ("Why does the Committee want a reply?", "This will allow us to report our findings in time.", 1.0),
    ("Why is the Minister sending a paper?", "We were told that this is because you agreed to attend annually.", 1.0),
    ("Why must the figures be published?", "Our Code of Practice requires that methods are published.", 1.0),
    ("Why did the Minister ask for more time?", "The documents will follow in the new year.", 0.0),
    # reaching someone without sending anything
    ("Whom will the Director be contacting?", "She will be in touch with David McGill to discuss it.", 1.0),
    ("Whom will the Minister contact?", "I propose to engage further with staff and trade unions on the procedure.", 1.0),
    ("Whom will the Minister contact?", "I propose to engage further with Ann O'Brien on the procedure.", 1.0),
    ("Under what code must the figures be published?", "Any Code would do.", 0.5),  # a code, none named
    # a count answers "how many", a date or a year does not
    ("How many cases had no record of oversight?", "In 11 of the 30 cases sampled there was no record.", 1.0),
    ("How many children did each social worker hold?", "Average caseloads were 27 children.", 1.0),
    ("How many cases had no record of oversight?", "The audit took place on 24 April 2025.", 0.0),
    ("How much will the audit cost?", "In 11 of the 30 cases sampled there was no record.", 0.0),
    ("How many cases had no record of oversight?", "Section 17 requires a record of every case.", 0.0),
    ("How many cases had no record of oversight?", "The council has 3 months to respond.", 0.0),
])
def test_fit_gives_named_codes_and_recipients_their_due(question, sentence, score):
    assert _fit(question, sentence) == score


@pytest.mark.parametrize(("question", "sentence", "score"), [
    # the date asked for falls in the month the question names
    ("On what date in January is the Minister due to appear?", "I wrote to you on 26 October.", 0.0),
    ("On what date in January is the Minister due to appear?", "The Minister will appear on 12 January.", 1.0),
    ("On which day in January 2022 did the Minister appear?", "The Minister will appear on 12 January 2024.", 0.0),
    ("On which day in January 2024 did the Minister appear?", "The Minister will appear on 12 January 2024.", 1.0),
    # a month does not give the day asked for; the end of a month does
    ("On what date in January is the Minister due to appear?", "The Minister will appear in January.", 0.2),
    ("Which day will the figures be published?", "The figures will be published by the end of May 2022.", 1.0),
    ("When will the figures be published?", "The figures will be published in May 2022.", 1.0),
    ("On what date was the report laid?", "The report was laid in March 2019.", 0.2),
    ("On what date was the report laid?", "The report was laid on 5 March 2019.", 1.0),
    # a day of the week is given by its name as well as by a date
    ("On which day of the week will the figures be published?", "The figures are published every Thursday.", 1.0),
    ("On which day of the week will the figures be published?", "The figures are published weekly.", 0.0),
    # the date of a letter thanked for dates no duty, unless letters are asked about
    ("When will the Home Office publish the report?", "Thank you for your letter of 17 November 2021.", 0.0),
    ("When will the Home Office publish the report?", "Thank you for your letter on 17 November 2021.", 0.0),
    ("When will the Home Office publish the report?", "We will publish the report on 17 November 2021.", 1.0),
    ("When did the regulator write to the Home Office?", "Thank you for your letter of 17 November 2021.", 1.0),
    # a letter's date asked for is given by the letter that mentions it, to the day, unless the question gave it
    ("What was the date of the regulator's letter that the Department answered?",
     "Thank you for your response to our letter dated 22 April.", 1.0),
    ("What date was the Department's reply to the regulator's 22 April letter?",
     "Thank you for your response to our letter dated 22 April.", 0.0),
    ("What date did the Minister give in his reply?", "Further to my letter of 26 October, I can update you.", 0.0),
    # a start is no answer to a question asking for an end
    ("What is the closing date for applications?", "The roles are advertised on the portal from today.", 0.0),
    ("When does advertising for the roles start?", "The roles are advertised on the portal from today.", 1.0),
    ("By when must the plan be submitted?", "Please submit the plan by 30 June 2022.", 1.0),
    ("By when must the new rules apply?", "The new rules will apply from 1 April 2022.", 1.0),  # a duty due from then
    # "how long" is answered by a length of time as well as by a date
    ("How long has the report gone unanswered?", "It is now more than six months since the report.", 1.0),
    ("How long does the Council have to respond?", "The Council must respond within 28 days.", 1.0),
    ("How long has the report gone unanswered?", "The report was published in January.", 1.0),
    # times said without a date answer "when" as well: a season, a year, a recess, what happened last year
    ("When will the Department publish its plan?", "We will publish our plan this autumn.", 1.0),
    ("When will the Department publish its plan?", "We will publish our plan before the summer recess.", 1.0),
    ("When will the Department publish its plan?", "We will publish our plan in 2019-20.", 1.0),
    ("When was the review published?", "The review was published last year.", 1.0),
    ("On what date was the review published?", "The review was published last year.", 0.2),
    # what the letter itself does was done on its date, which the letter gives
    ("When did the Minister agree to extend the deadline?", "I have agreed that the deadline is extended.", 0.5),
    ("When will the Minister agree to extend the deadline?", "I have agreed that the deadline is extended.", 0.0),
    ("How long has the report gone unanswered?", "We will respond as soon as is practicable.", 0.0),
    ("When will the report be published?", "It is now more than six months since the report.", 0.0),
    # asked what is due, a date before the letter was written tells what happened, not what is due (in part)
    ("What is the deadline for the Committee's report?", "On 2 November 2021, officials informed the Committee.", 0.5),
    ("What is the deadline for the Committee's report?", "We must report in time for the deadline of 5 February 2022.", 1.0),
    ("When did officials inform the Committee?", "On 2 November 2021, officials informed the Committee.", 1.0),
    # a question asking for someone by name wants a name, not a post or a body
    ("What is the name of the previous Chancellor?", "The Authority put a proposal to your predecessor.", 0.0),
    ("What is the name of the previous Chancellor?", "The Authority put a proposal to Philip Hammond.", 1.0),
    # a group of officials named by their body answers "who" fully; a group alone, or of a body asked about, in part
    ("Who will work with the regulator's team?", "DoH statisticians will work closely with your team.", 1.0),
    ("Who will work with the regulator's team?", "Statisticians will work closely with your team.", 0.5),
    ("Who will work with the regulator's team?", "Our statisticians will work closely with your team.", 0.5),
    ("Who will DoH ask to work with the regulator?", "DoH statisticians will work closely with your team.", 0.5),
    ("What is the name of the official who will work with the regulator?", "DoH statisticians will do so.", 0.0),
    # "which Chancellor" asks who held the post: someone named as one, fully; someone else named, in part
    ("Which Chancellor did the Chair write to?", "I wrote to the Chancellor, Philip Hammond.", 1.0),
    ("Which Chancellor did the Chair write to?", "We will invite Shan Morgan to attend.", 0.5),
    ("Which Chancellor did the Chair write to?", "I wrote to the Chancellor.", 0.0),
])
def test_the_answer_slot_a_question_asks_for(question, sentence, score):
    assert _fit(question, sentence, letter_date="2021-12-21") == score


def test_an_undated_letter_gives_a_day_when_its_file_name_gives_the_year():
    question, sentence = "On what day is the response being released?", "We will respond at 7:30am on 4 September."
    assert _fit(question, sentence, source="2019-09-02_undated_note.txt") == 1.0
    assert _fit(question, sentence, source="note.txt") == 0.2  # a day without any year to read it against


@pytest.mark.parametrize("question, party", [
    ("Who signed the Home Office's reply to the regulator?", LetterParty.SENDER),
    ("Who wrote to the Committee about the budget?", LetterParty.SENDER),
    ("Who sent the letter about Birmingham?", LetterParty.SENDER),
    ("Who was Delyth Jewell's November 2023 letter on draft budget evidence addressed to?", LetterParty.RECIPIENT),
    ("Humpherson's letter about the estimate went to which official, in which department?", LetterParty.RECIPIENT),
    ("To whom was the Minister's letter of 3 May addressed?", LetterParty.RECIPIENT),
    ("To whom did the Director General send his letter about the estimate?", LetterParty.RECIPIENT),
    ("To whom did the Council send its report?", None),  # a report, not a letter's addressee
    ("Who was copied into the Kingsmere direction letter?", LetterParty.COPIED),
    ("Who at DWP got a cc of the regulator's letter?", LetterParty.COPIED),
    ("Who else received a copy of the regulator's letter to Peter Schofield?", LetterParty.COPIED),
    ("Norgrove's note fixing the release slot - who was copied in?", LetterParty.COPIED),
    # The party of an action the letter describes, not of the letter itself.
    ("Who sent the Council the direction?", None),
    ("Who will Bethan Sayed send an update to after the session?", None),
    ("To whom did the Authority submit its formal proposal in March 2019?", None),
    ("Who chaired the Committee at the time Norgrove copied it into his letters?", None),
    ("Who must the Council send its plan to?", None),
])
def test_a_question_about_who_wrote_received_or_was_copied_on_a_letter(question, party):
    assert analyse(question).letter_party == party


@pytest.mark.parametrize(("question", "designated"), [
    ("What did the Minister enclose with his letter of 2 November 2021?", {"day": "2", "month": "November", "year": "2021"}),
    ("In the Minister's 26 October reply, by when is the plan due?", {"day": "26", "month": "October"}),
    ("Did the December letter keep to that timetable?", {"month": "December"}),
    ("What does the July 2019 RPI letter ask for?", {"month": "July", "year": "2019"}),
    ("Does the report say what the Council may note?", None),  # "may" is no month
    ("When did the Council reply?", None),
])
def test_a_letter_is_designated_by_its_date(question, designated):
    from assistant.scope import date_designations

    found = date_designations(question)
    assert (found[0][0] if found else None) == designated


@pytest.mark.parametrize(("question", "within"), [
    ("In the Minister's 26 October reply, by when is the plan due?", True),
    ("In his letter of 2 November 2021, what did the Minister promise?", True),
    ("What did the Minister report after his 26 October reply?", False),  # around the letter, not in it
    ("Did the December letter keep to that timetable?", False),
])
def test_a_question_asking_what_a_dated_letter_says_is_answered_from_that_letter(question, within):
    from assistant.scope import Scope, date_designations

    (_, designation), *_ = date_designations(question)
    assert Scope.answer_within(question, designation) == within


@pytest.mark.parametrize(("question", "party", "named"), [
    ("To whom did the Director General for Regulation send his letter?", ("Ed Humpherson", "Director General for Regulation", None), True),
    ("To whom did Humpherson send his letter?", ("Ed Humpherson", "Director General for Regulation", None), True),
    ("To whom did the Chancellor send his letter?", ("Ed Humpherson", "Director General for Regulation", None), False),
])
def test_a_question_names_a_letters_party_by_any_of_its_names(question, party, named):
    from assistant.letter_facts import names_party
    from index.parties import Party

    assert names_party(question, Party(*party)) == named


@pytest.mark.parametrize(("question", "who", "first"), [
    ("When did the Chair write asking for a timetable for the review?", "the Chair", False),
    ("When did the DPM first reply?", "the DPM", True),
    ("When did Sir John write to Lady Smith about the release time?", "Sir John", False),
    ("When did the Council respond to the direction?", "the Council", False),
    # A date a letter gives, not the day a letter was written.
    ("When did the Minister say she would reply?", None, False),
    ("When did the Authority tell the Committee it would respond?", None, False),
    ("When will the Minister write again?", None, False),
    ("When must the Council reply?", None, False),
    ("When did the Council receive a reply from the Department?", None, False),
])
def test_a_question_asking_when_someone_wrote_names_the_writer(question, who, first):
    from assistant.party_asked import WRITTEN_WHEN

    m = WRITTEN_WHEN.search(question)
    assert (m["who"] if m else None) == who and bool(m and m["first"]) == first


@pytest.mark.parametrize(("source", "own_date", "designation", "designated"), [
    ("2021-11-02_minister_to_committee.txt", "2021-11-02", {"day": "2", "month": "November"}, True),
    ("2021-11-02_minister_to_committee.txt", "2021-11-02", {"month": "December"}, False),
    # An undated letter is designated by its file name's month, never its day (which may stand for the month).
    ("2019-07-31_undated_chair_to_chancellor.txt", None, {"month": "July", "year": "2019"}, True),
    ("2019-07-31_undated_chair_to_chancellor.txt", None, {"day": "31", "month": "July"}, False),
    ("chair_to_chancellor.txt", None, {"month": "July"}, False),
])
def test_a_letter_is_designated_by_its_own_date_or_its_file_names_month(source, own_date, designation, designated):
    from assistant.scope import dated_on
    from index.model import Letter, LetterMetadata

    letter = Letter(source, "", "", "", date.fromisoformat(own_date) if own_date else None, None, LetterMetadata(""), "",
                    (), 0, 0)
    assert dated_on(letter, designation) == designated


@pytest.mark.parametrize(("question", "wants_person"), [
    ("Which Chancellor was the Chair writing to in July 2019?", True),
    ("Which Minister signed the direction?", True),
    ("Which general approach did the Council take?", False),  # a post's word in lower case is no post
    ("Which committee wrote to the Minister?", False),
])
def test_which_post_asks_for_the_person_who_holds_it(question, wants_person):
    assert analyse(question).wants_person == wants_person


@pytest.mark.parametrize(("question", "number"), [
    ("Who owns recommendation 3, and what is its deadline?", "3"),
    ("Who is responsible for action A7?", "a7"),
    ("What does paragraph 4.2 say about funding?", "4.2"),
])
def test_the_numbered_part_of_a_report_a_question_names_is_one_of_its_key_terms(question, number):
    from assistant.evidence import Evidence

    assert number in Evidence.key_terms(question, analyse(question)).values()


@pytest.mark.parametrize("question", ["Who owns recommendation 3?", "Who is responsible for the framework?",
                                      "Which body leads the review?"])
def test_a_body_fully_answers_who_owns_a_duty(question):
    from assistant.fit import fit_one
    from index.model import Letter, LetterMetadata

    letter = Letter("r.pdf", "", "0", "", None, None, LetterMetadata(""), "", (0,), 1, 1)
    assert fit_one(QuestionType.WHO, analyse(question), "The Youth Justice Board should publish it.", letter) == 1.0


@pytest.mark.parametrize("question, wants", [
    ("Which body must bring in approval of drainage on new estates, and what is its deadline?",
     (QuestionType.WHEN, QuestionType.WHO)),
    ("Which body has to make sure children leaving custody have somewhere to live, and from what date?",
     (QuestionType.WHEN, QuestionType.WHO)),
    ("What was the Committee asking the Minister to tell it, and what did it need that for?", (QuestionType.REASON,)),
])
def test_a_party_asked_for_by_its_noun_is_wanted_beside_the_time(question, wants):
    assert analyse(question).wants[:len(wants)] == wants and (QuestionType.WHO in analyse(question).wants) == (
        QuestionType.WHO in wants)
