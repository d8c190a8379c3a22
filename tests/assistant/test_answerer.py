"""Answers to officials' questions on the seed letters: the right facts, the right sentence, real quotes."""

import re
from datetime import date

import pytest


def ask(assistant, question):
    return assistant.ask(question)


def norm(text):
    return re.sub(r"\s+", " ", text).lower()


@pytest.mark.parametrize(
    "question, facts, cited",
    [
        (
            "By when must the Commissioner make recommendations on urgent actions, and to whom?",
            ["end of may 2014", "edward timpson"],
            "by the end of May 2014, to make recommendations to me",
        ),
        (
            "Who does the Commissioner report to about strengthening senior management?",
            ["your council", "mark rogers"],
            "report to your Council, your Chief Executive Mark Rogers and me",
        ),
        ("Who has been appointed Commissioner for Children's Social Care?", ["lord norman warner"], "Lord Norman Warner"),
        ("When is the work overseen by Professor Le Grand due to report?", ["september 2014"], "This will report by September 2014."),
        (
            "Under which legislation will the draft direction be made?",
            ["section 15(5) of the local government act 1999", "education act 1996"],
            "section 15(5) of the Local Government Act 1999",
        ),
        ("When does the second piece of work report?", ["december"], "reporting in December"),
    ],
)
def test_answers_state_the_facts_and_cite_the_sentence(seed_assistant, question, facts, cited):
    answer = ask(seed_assistant, question)
    assert not answer.abstained
    for fact in facts:
        assert fact in norm(answer.answer), (fact, answer.answer)
    assert any(cited in c.quote for c in answer.citations), [c.quote for c in answer.citations]


def test_a_back_reference_is_said_in_the_answer(seed_assistant):
    answer = ask(seed_assistant, "When is the work overseen by Professor Le Grand due to report?")
    assert "piece of work" in answer.answer and "This" in answer.answer


def test_what_is_due_in_a_month_lists_every_match(seed_assistant):
    answer = ask(seed_assistant, "What is due in June 2014?")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "senior management capacity" in quotes and "single and coherent plan" in quotes
    assert "end of May 2014" not in quotes


@pytest.mark.parametrize(
    "question",
    [
        "How much money will the Council be given to improve children's services?",
        "When must Leeds City Council submit its improvement plan?",
        "What penalty will the Council face if it misses the deadline?",
        "What is due in October 2014?",
        "Who will chair the Local Safeguarding Children Board review?",
    ],
)
def test_questions_the_letters_do_not_answer_are_refused(seed_assistant, question):
    answer = ask(seed_assistant, question)
    assert answer.abstained, answer.answer
    assert answer.citations == []
    assert "do not say" in answer.answer


def test_every_quote_is_the_exact_source_span(seed_assistant):
    for question in ["Who is copied into the letter to Sir Albert Bore?", "What has the Council been asked to do?"]:
        answer = ask(seed_assistant, question)
        assert answer.citations
        for c in answer.citations:
            letter = seed_assistant.store.letter(c.source)
            assert letter.text[c.start : c.end] == c.quote
            assert c.title == letter.title and c.date == letter.date


def test_warm_answers_are_timed(seed_assistant):
    answer = ask(seed_assistant, "Who will support Lord Warner?")
    assert set(answer.timings_ms) == {"retrieve", "answer", "total"}


def test_the_date_of_a_named_letter_cites_its_date_line(seed_assistant):
    answer = ask(seed_assistant, "On what date was the letter to Sir Albert Bore sent?")
    assert "27 March 2014" in answer.answer and answer.citations[0].quote == "27 March 2014"


def test_when_someone_wrote_is_their_letters_date_citing_its_date_line(seed_assistant):
    answer = ask(seed_assistant, "When did Edward Timpson write to Sir Albert Bore?")
    assert answer.answer.startswith("Edward Timpson MP wrote to Councillor Sir Albert Bore on 27 March 2014 [1].")
    assert answer.citations[0].quote == "27 March 2014"


@pytest.mark.parametrize("question, said, quoted", [
    ("Who signed the letter to Sir Albert Bore?", "written by Edward Timpson MP, Parliamentary Under Secretary of State",
     "Edward Timpson MP\nParliamentary Under Secretary of State for Children and Families"),
    ("To whom was Edward Timpson's letter about Birmingham's children's services addressed?",
     "addressed to Councillor Sir Albert Bore, Leader of Birmingham City Council",
     "Councillor Sir Albert Bore\nLeader of Birmingham City Council"),
    ("Who was copied into the letter to Sir Albert Bore?", "copied to Councillor Brigid Jones - Lead Member; Mark Rogers",
     "I am copying this letter to the following key people in Birmingham"),
])
def test_who_wrote_received_or_was_copied_on_a_letter_is_read_from_its_own_lines(seed_assistant, question, said, quoted):
    answer = ask(seed_assistant, question)
    assert said in answer.answer.split("\n")[0]
    cited = answer.citations[0]
    assert cited.quote.startswith(quoted) and cited.source.endswith("timpson_to_bore_birmingham_childrens_services.txt")
    # The second line of a signature or address block is the last: the span ends with the post, not the next line.
    assert "Dear" not in cited.quote and "Yours" not in cited.quote


def test_a_pdf_letter_answers_with_its_page_number(new_assistant, tmp_path):
    from tests.helpers import make_docx, make_pdf

    letters = tmp_path / "letters"
    letters.mkdir()
    make_pdf(letters / "direction.pdf", [
        ["Department for Education", "Ms Ruth Hart", "Director of Children's Services, Exshire County Council",
         "1 April 2016", "Dear Ms Hart,"],
        ["I ask the Council to submit its fostering sufficiency plan to the Department", "by 30 September 2016.",
         "Yours sincerely,", "Anna Lee", "Deputy Director"],
    ])
    make_docx(letters / "note.docx", ["Dear Ms Hart,", "We will publish the inspection report within 20 working days."])
    assistant = new_assistant()
    report = assistant.indexer.run([letters])
    assert not report.failed
    answer = assistant.ask("When is Exshire's fostering sufficiency plan due?")
    assert "30 September 2016" in answer.answer
    cite = answer.citations[0]
    assert cite.page == 2 and cite.source.endswith("direction.pdf")
    assert assistant.store.letter(cite.source).text[cite.start : cite.end] == cite.quote


def test_who_is_a_named_post_answers_with_the_person(seed_assistant):
    answer = ask(seed_assistant, "Who is the Chief Executive of Birmingham City Council?")
    assert answer.answer.startswith("Mark Rogers [1]")


def test_legal_basis_answers_name_the_sections_and_acts(seed_assistant):
    answer = ask(seed_assistant, "Which Acts are cited in the letter to the Council?")
    assert answer.answer.startswith("Section 15(5) of the Local Government Act 1999 and section 497A(4B) of the Education Act 1996")


def test_a_time_given_only_as_shortly_is_reported_as_no_date(seed_assistant):
    answer = ask(seed_assistant, "When will the Department consult the Council on the draft direction?")
    assert not answer.abstained and "No date is given" in answer.answer and "“shortly”" in answer.answer
    assert "shortly be consulting you" in answer.citations[0].quote


def test_a_day_asked_for_that_the_letters_give_only_as_a_month_is_refused_citing_the_month(seed_assistant):
    answer = ask(seed_assistant, "On exactly which day in September 2014 will the work overseen by Professor Le Grand report?")
    assert answer.abstained and answer.answer.startswith("The letters do not give the day: the letter says only “by September 2014” [1]")
    assert answer.citations[0].quote == "This will report by September 2014."


def test_what_an_actor_must_do_by_a_month_lists_its_records_up_to_then(seed_assistant):
    answer = ask(seed_assistant, "What must the Commissioner deliver by June 2014?")
    quotes = " ".join(c.quote for c in answer.citations)
    assert "end of May 2014" in quotes and "senior management capacity" in quotes
    assert "single and coherent plan" not in quotes  # that one is the Council's


@pytest.fixture(scope="module")
def notice_assistant(tmp_path_factory, embeddings, settings_factory):
    from tests.conftest import ROOT, indexed_copy

    notice = ROOT / "tests" / "fixtures" / "improvement_notice.html"
    return indexed_copy(tmp_path_factory.mktemp("notice"), notice, embeddings, settings_factory)[0]


@pytest.mark.parametrize(
    "question, fact",
    [
        ("When must Redbridge Vale set up its Improvement Board?", "1 april 2019"),
        ("By when must the improvement plan be submitted, and to whom?", "29 april 2019"),
        ("Who is the Children's Services Adviser?", "mrs carol dane"),
        ("Under what powers was the notice issued?", "section 497a of the education act 1996"),
        ("What is due in June 2019?", "quarterly progress reports"),
    ],
)
def test_an_html_improvement_notice_answers(notice_assistant, question, fact):
    answer = notice_assistant.ask(question)
    assert fact in norm(answer.answer), answer.answer


def test_an_html_notice_gives_ledger_records_for_each_list_item(notice_assistant):
    records = {r.deadline: r for r in notice_assistant.store.commitments() if r.deadline}
    assert set(records) >= {date(2019, 4, 1), date(2019, 4, 29), date(2019, 6, 30)}
    assert records[date(2019, 6, 30)].recurrence == "FREQ=MONTHLY;INTERVAL=3"
    assert records[date(2019, 4, 29)].recipients == ["the Improvement Board"]
    letter = notice_assistant.store.letter(records[date(2019, 4, 1)].source)
    assert letter.metadata.recipient == "Mr Tom Hale" and letter.metadata.recipient_org == "Redbridge Vale Council"


def test_a_why_question_cites_the_sentence_a_back_reference_points_to(tmp_path, new_assistant):
    from tests.conftest import EVAL_CORPUS

    assistant = new_assistant()
    assistant.indexer.run([EVAL_CORPUS])
    answer = assistant.ask("Why was the fostering review request dropped?")
    quotes = [c.quote for c in answer.citations]
    assert any("withdrawn" in q for q in quotes) and any(q.startswith("Ofsted's monitoring visit") for q in quotes)
    often = assistant.ask("How often will the Department's Intervention Unit meet the Commissioner?")
    assert often.answer.startswith("Every fortnight [1]")


def test_a_letter_the_question_designates_by_its_date_is_read_whole(seed_assistant):
    from assistant.question import analyse

    question = "What did the Minister enclose with his letter of 27 March 2014?"
    evidence = seed_assistant.answerer.evidence
    (designated,), _ = evidence.scope.letters_dated(question)
    units = seed_assistant.store.snapshot().units
    read = {(c.source, c.start) for c in evidence.candidates(question, analyse(question), k=2)}
    assert {(u.source, u.start) for u in units if u.source == designated} <= read


INVITATION = """Ms Jane Smith
Chief Executive
Northby Council

3 March 2021

Dear Jane,

Review of adult social care

I am writing to invite you to give evidence to the Committee at its meeting on 14 April 2021. The Committee will
consider the Council's plan for adult social care at that meeting.

Yours sincerely,

John Brown
Chair of the Health Committee
"""


def _indexing(folder, new_assistant, **letters: str):
    """A new assistant with `letters` (file stem → text) written into `folder` and indexed."""
    folder.mkdir(exist_ok=True)
    for stem, text in letters.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    assistant = new_assistant()
    assistant.indexer.run([folder])
    return assistant


def test_what_happened_after_the_letters_were_written_is_refused_citing_what_they_planned(tmp_path, new_assistant):
    assistant = _indexing(tmp_path / "letters", new_assistant, invitation=INVITATION)
    outcome = assistant.ask("What did Jane Smith tell the Committee at its meeting on 14 April 2021?")
    assert outcome.abstained and outcome.answer.startswith("The letters do not say: they were written before 14 April 2021")
    assert "invite you to give evidence" in outcome.citations[0].quote  # what the letter does say of it
    planned = assistant.ask("What did the Chair invite Jane Smith to do at the meeting on 14 April 2021?")
    assert not planned.abstained and "give evidence" in planned.citations[0].quote


REQUEST = """Dear Ann,

Estimates of trade

I have reviewed the estimate of trade in the Department's paper. I would encourage you to publish the method
behind the estimate at the earliest opportunity.

Yours sincerely,

Ed Brown
Director General for Regulation
"""
REPORTED = "Dear Ed,\n\nEstimates of trade\n\nThe Department published the method behind the estimate of trade on 5 March.\n\nYours sincerely,\n\nAnn Green\n"


def test_whether_an_act_was_later_done_is_refused_when_the_letters_only_ask_for_it(tmp_path, new_assistant):
    assistant = _indexing(tmp_path / "letters", new_assistant, request=REQUEST)
    outcome = assistant.ask("Did the Department go on to publish the method behind the estimate of trade?")
    assert outcome.abstained and outcome.answer.startswith("The letters do not say whether it was done")
    assert "encourage you to publish the method" in outcome.citations[0].quote  # what the letter does say of it
    (tmp_path / "letters" / "reply.txt").write_text(REPORTED, encoding="utf-8")
    assistant.indexer.run([tmp_path / "letters"])
    done = assistant.ask("Did the Department go on to publish the method behind the estimate of trade?")
    assert not done.abstained and "published the method" in done.answer



def test_a_name_earns_no_credit_from_another_name_near_it_in_meaning(seed_assistant):
    from assistant.question import analyse

    cover = seed_assistant.answerer.evidence.words
    named, common = analyse("When will Ireland publish the figures?"), analyse("When will the inspectors publish the figures?")
    assert cover.near_coverage(named, "Scotland will publish the figures.") == cover.coverage(named, "Scotland will publish the figures.")
    assert cover.near_coverage(common, "The examiners will publish the figures.") > cover.coverage(common, "The examiners will publish the figures.")
