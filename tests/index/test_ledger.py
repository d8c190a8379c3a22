"""The ledger on the fixture letters: kinds, actors, recipients, deadlines, and links across letters."""

import shutil
from datetime import date

import pytest

from assistant.commitments import LedgerFilter, select, to_csv, to_ics
from tests.conftest import EVAL_CORPUS


@pytest.fixture(scope="module")
def corpus_assistant(tmp_path_factory, embeddings, settings_factory):
    from tests.conftest import indexed_copy

    return indexed_copy(tmp_path_factory.mktemp("ledger"), EVAL_CORPUS, embeddings, settings_factory)


def record(assistant, words):
    (found,) = [r for r in assistant.store.commitments() if words in r.quote]
    return found


def test_a_list_item_gives_the_commissioner_a_deadline_and_recipient(corpus_assistant):
    assistant, _ = corpus_assistant
    r = record(assistant, "to make recommendations to me on any urgent actions")
    assert (r.kind, r.actor, r.actor_name) == ("direction", "the Commissioner", "Lord Norman Warner")
    assert r.deadline == date(2014, 5, 31) and r.deadline_precision == "day" and r.deadline_text == "by the end of May 2014"
    assert r.recipients == ["Edward Timpson MP"]
    letter = assistant.store.letter(r.source)
    assert letter.text[r.start : r.end] == r.quote


def test_report_to_three_parties_gives_three_recipients(corpus_assistant):
    assistant, _ = corpus_assistant
    r = record(assistant, "your Chief Executive Mark Rogers and me")
    assert r.recipients == ["Birmingham City Council", "Chief Executive Mark Rogers", "Edward Timpson MP"]
    assert r.deadline == date(2014, 6, 30) and r.deadline_precision == "month"


def test_appointments_name_the_person_and_role(corpus_assistant):
    assistant, _ = corpus_assistant
    r = record(assistant, "I am appointing Dame Helen Marsh")
    assert r.kind == "appointment" and r.actor_name == "Dame Helen Marsh" and "Commissioner" in r.actor


def test_an_undated_covering_letter_takes_the_date_of_the_letter_it_encloses(corpus_assistant):
    assistant, _ = corpus_assistant
    r = record(assistant, "to report in September")
    assert r.letter_date == date(2014, 3, 27) and r.letter_date_basis == "inferred"
    assert r.deadline == date(2014, 9, 30)
    note = record(assistant, "first impressions")
    assert note.letter_date_basis == "inferred" and note.deadline == date(2015, 7, 31)


def test_an_extended_deadline_supersedes_the_earlier_one_and_its_restatement(corpus_assistant):
    assistant, _ = corpus_assistant
    original = record(assistant, "submit a costed improvement plan to the Department by 30 September 2015")
    restated = record(assistant, "the Council must submit its costed improvement plan")
    change = record(assistant, "is extended from 30 September 2015 to 30 November 2015")
    assert change.status == "current" and change.deadline == date(2015, 11, 30) and change.supersedes == original.id
    assert change.actor == "the Council"
    assert original.status == "superseded" and original.superseded_by == change.id
    assert restated.status == "superseded" and restated.same_as == original.id


def test_a_withdrawn_request_is_marked_withdrawn(corpus_assistant):
    assistant, _ = corpus_assistant
    request = record(assistant, "commission an external review of its fostering service and to share")
    withdrawal = record(assistant, "is withdrawn")
    assert request.kind == "request" and request.status == "withdrawn" and request.superseded_by == withdrawal.id
    assert request.deadline == date(2015, 9, 7)  # within 12 weeks of 15 June 2015


def test_a_recurring_duty_has_an_rrule_and_its_first_deadline(corpus_assistant):
    assistant, _ = corpus_assistant
    monthly = record(assistant, "monthly performance report on its children")
    assert monthly.recurrence == "FREQ=MONTHLY" and monthly.deadline == date(2015, 8, 31)
    quarterly = record(assistant, "every quarter")
    assert quarterly.recurrence == "FREQ=MONTHLY;INTERVAL=3" and quarterly.deadline == date(2016, 6, 30)


def test_relative_deadlines_resolve_against_the_letter_date(corpus_assistant):
    assistant, _ = corpus_assistant
    assert record(assistant, "within 28 days").deadline == date(2016, 2, 17)
    assert record(assistant, "procurement function").deadline == date(2016, 3, 31)
    assert record(assistant, "permanent Director").deadline == date(2015, 12, 31)
    shortly = record(assistant, "publish this letter")
    assert shortly.deadline is None and shortly.deadline_text == "shortly" and shortly.deadline_precision == "none"


def test_filters_are_exclusive_before_and_case_insensitive(corpus_assistant):
    assistant, _ = corpus_assistant
    records = assistant.store.commitments()
    due = select(records, LedgerFilter(due_before=date(2014, 6, 30), actor="commissioner", status="current"))
    assert [r.deadline for r in due] == [date(2014, 5, 31)]
    dated = [r.deadline for r in select(records, LedgerFilter()) if r.deadline]
    assert dated == sorted(dated)


def test_ics_has_one_stable_uid_per_dated_record_and_csv_a_header(corpus_assistant):
    from icalendar import Calendar

    assistant, _ = corpus_assistant
    records = select(assistant.store.commitments(), LedgerFilter())
    events = Calendar.from_ical(to_ics(records)).walk("VEVENT")
    assert len(events) == sum(1 for r in records if r.deadline)
    assert {str(e["uid"]) for e in events} == {f"{r.id}@directions-assistant" for r in records if r.deadline}
    assert any("RRULE" in e for e in events)
    assert to_csv(records).splitlines()[0].startswith("id,kind,status,deadline")


def test_removing_the_later_letter_restores_the_original_deadline(tmp_path, new_assistant):
    letters = tmp_path / "letters"
    shutil.copytree(EVAL_CORPUS, letters)
    assistant = new_assistant()
    assistant.indexer.run([letters])
    ids_before = {r.id for r in assistant.store.commitments()}
    (letters / "2015-09-10_holloway_to_lang_deadline_extension.txt").unlink()
    assistant.indexer.run([letters])
    original = record(assistant, "submit a costed improvement plan to the Department by 30 September 2015")
    assert original.status == "current" and original.superseded_by is None
    assert original.id in ids_before, "ids are stable for the same span of the same file"


def test_a_pdf_with_bullets_and_a_table_of_actions(new_assistant, tmp_path):
    from tests.helpers import make_monitoring_letter_pdf

    letters = tmp_path / "letters"
    letters.mkdir()
    make_monitoring_letter_pdf(letters / "monitoring.pdf")
    assistant = new_assistant()
    assert not assistant.indexer.run([letters]).failed
    letter = next(iter(assistant.store.letters().values()))
    assert letter.metadata.recipient == "Ms Priya Shah" and letter.date == date(2017, 10, 12)
    by_due = {r.deadline: r for r in assistant.store.commitments()}
    assert {date(2017, 11, 30), date(2017, 12, 31), date(2018, 3, 31)} <= set(by_due)
    assert by_due[date(2017, 11, 30)].quote.startswith("Publish revised threshold guidance")
    assert letter.page_at(by_due[date(2018, 3, 31)].start) == 2
    monthly = [r for r in assistant.store.commitments() if r.recurrence == "FREQ=MONTHLY"]
    assert monthly and monthly[0].recipients == ["the Improvement Board"]


def test_a_follow_up_letter_moving_a_deadline_and_dropping_a_request(new_assistant, tmp_path):
    from tests.conftest import ROOT, copy_seed_letters

    letters = tmp_path / "letters"
    copy_seed_letters(letters)
    shutil.copy(ROOT / "tests" / "fixtures" / "2014-05-20_timpson_followup.txt", letters)
    assistant = new_assistant()
    assistant.indexer.run([letters])
    original = record(assistant, "to make recommendations to me on any urgent actions")
    change = record(assistant, "now due by 30 June 2014 rather than by the end of May 2014")
    assert change.deadline == date(2014, 6, 30) and change.supersedes == original.id  # "new rather than old"
    assert original.status == "superseded" and original.superseded_by == change.id
    untouched = record(assistant, "within Birmingham's Directorate for People")
    assert untouched.status == "current", "the other June 2014 duty is not the one moved"
    budget = record(assistant, "five year indicative budget for children")
    assert budget.status == "withdrawn"  # "I no longer require the Commissioner to …"
    answer = assistant.ask("By when must the Commissioner make recommendations on urgent actions?")
    assert answer.answer.startswith("The current deadline is 30 June 2014 [1], which replaced the earlier deadline of 31 May 2014 [2]")


def test_two_actions_under_one_governing_verb_make_one_record_with_one_id():
    from index.ledger import extract
    from index.ledger_records import LetterView
    from index.model import LetterMetadata

    text = ("Dear Ms Shah,\n\nI would be pleased if you could confirm the timetable and if you could send the "
            "documents to the Committee by 1 May 2016.\n\nYours sincerely,\n\nJo Bloggs\nDirector\n")
    records = extract(LetterView("letter.txt", "A letter", text, LetterMetadata("", recipient="Ms Shah"), date=date(2016, 3, 1)))
    ids = [r.id for r in records]
    assert ids and len(ids) == len(set(ids))
    assert all(text[r.start : r.end] == r.quote for r in records)


@pytest.mark.parametrize("actor, agent", [
    ("the Statistics Authority", True), ("Alex Morgan", True), ("the Department's statisticians", True),
    ("the Chief Executive", True), ("The documents", False), ("The new figures", False), ("Data on prices", False),
    ("This", False), ("which", False), (None, False), ("OSR", True), ("DWP's", True), ("UK", True), ("It", False),
    ("the department", True),
])
def test_an_undated_duty_needs_someone_who_can_act(actor, agent):
    from index.ledger_frames import names_agent

    assert names_agent(actor) is agent


@pytest.mark.parametrize("organisation, post, body", [
    ("Office for Statistics Regulation", "Director General for Regulation", "Office for Statistics Regulation"),
    (None, "Chair of the Committee", "the Committee"),
    (None, "Committee Chair", "Committee"),
    (None, "Leader, Birmingham City Council", "Birmingham City Council"),
    (None, "Chief Executive of the Care Quality Commission", "the Care Quality Commission"),
    (None, "Director General for Regulation", None),  # a post that names no body
    (None, None, None),
])
def test_a_partys_body_is_its_organisation_or_the_body_its_post_names(organisation, post, body):
    from index.ledger_parties import body_of

    assert body_of(organisation, post) == body


def test_we_in_a_letter_is_the_body_its_writer_speaks_for():
    from index.ledger import extract
    from index.ledger_records import LetterView
    from index.model import LetterMetadata

    text = ("Dear Mr Ramsay,\n\nWe will publish the report by 30 May 2019.\n\nI will write to you by 1 June 2019."
            "\n\nYours sincerely,\n\nBethan Sayed\nChair of the Committee\n")
    meta = {"sender": "Bethan Sayed", "sender_role": "Chair of the Committee", "recipient": "Mr Ramsay"}
    records = {r.quote.split()[0]: r for r in extract(LetterView("letter.txt", "A letter", text, LetterMetadata("", **meta), date=date(2019, 3, 20)))}
    assert (records["We"].actor, records["We"].actor_name) == ("the Committee", "Bethan Sayed")
    assert (records["I"].actor, records["I"].actor_name) == ("Chair of the Committee", "Bethan Sayed")


@pytest.mark.parametrize("sentence, actor", [
    ("I am asking officials to prepare a note by 14 May 2020.", "officials"),
    ("I have asked my officials to work with yours to agree a timetable by 14 May 2020.", "officials"),
    ("My officials in the Department's Intervention Unit will meet you every fortnight.",
     "officials in the Department's Intervention Unit"),
    ("We shall report back to the Committee by 1 July 2020.", "Home Office"),
    ("You will need to confirm your attendance by 10 April 2020.", "Department for Transport"),
    ("I should be grateful to receive examples by 14 April 2020.", "Department for Transport"),
    ("The Department is to publish its response within 12 weeks.", "the Department for Transport"),  # the one named
    ("This will allow us to report our findings by 5 May 2020.", "Home Office"),
])
def test_a_record_binds_whom_its_sentence_binds(sentence, actor):
    from index.ledger import extract
    from index.ledger_records import LetterView
    from index.model import LetterMetadata

    text = f"Dear Ms Shah,\n\n{sentence}\n\nYours sincerely,\n\nJo Bloggs\nDirector\n"
    meta = {"sender": "Jo Bloggs", "sender_role": "Director", "sender_org": "Home Office", "recipient": "Ms Shah",
            "recipient_org": "Department for Transport"}
    (record,) = extract(LetterView("letter.txt", "A letter", text, LetterMetadata("", **meta), date=date(2020, 3, 4)))
    assert record.actor == actor


def test_an_undated_letter_filed_under_its_day_resolves_its_deadlines_from_the_file_name(tmp_path, new_assistant):
    letters = tmp_path / "letters"
    letters.mkdir()
    body = "Dear Jo,\n\nWe will publish our first full statistical report in February.\n\nYours sincerely,\nSam Lee\n"
    (letters / "2021-12-01_lee_to_jones.txt").write_text(body, encoding="utf-8")
    (letters / "lee_to_jones_again.txt").write_text(body.replace("February", "March"), encoding="utf-8")
    assistant = new_assistant()
    assistant.indexer.run([letters])
    named = record(assistant, "report in February")
    assert (named.letter_date, named.letter_date_basis, named.deadline) == (date(2021, 12, 1), "file name", date(2022, 2, 28))
    unnamed = record(assistant, "report in March")
    assert unnamed.letter_date is None and unnamed.deadline is None
    answer = assistant.ask("When will the first full statistical report be published?")
    assert answer.answer.startswith("In February (the end of February 2022, reading the undated letter as of its file's date) [1].")


@pytest.mark.parametrize(("sentence", "old", "new"), [
    ("The deadline is extended from 30 September to 30 November.", date(2021, 9, 30), date(2021, 11, 30)),
    ("The documents will now follow by 31 January rather than by 31 December.", date(2021, 12, 31), date(2022, 1, 31)),
    ("My apologies that the documents will follow in the new year rather than before recess.", None, date(2022, 1, 31)),
])
def test_a_sentence_changing_a_deadline_says_which_date_is_new(sentence, old, new):
    from index.ledger_changes import CHANGE, change_dates

    before, after = change_dates(sentence, date(2021, 12, 21))
    assert CHANGE.search(sentence)
    assert (before.date if before else None, after.date) == (old, new)


@pytest.mark.parametrize(("sentence", "changes"), [
    ("The deadline has been revised to 30 June 2021.", True),
    ("I have revised the date by which the plan is due to 30 June 2021.", True),
    ("We have agreed a revised deadline of 30 June 2021.", True),
    ("The timetable is changed so that the plan is due by 30 June 2021.", True),
    ("You must publish a revised strategy by 30 June 2021.", False),
    ("Please send the revised plan to my officials by 30 June 2021.", False),
    ("Your changed arrangements should be in place by 30 June 2021.", False),
])
def test_revised_names_a_change_only_when_the_duty_or_its_timing_is_revised(sentence, changes):
    from index.ledger_changes import CHANGE

    assert bool(CHANGE.search(sentence)) is changes


@pytest.mark.parametrize("actor, text, meta, expected", [
    # a bare body noun takes the one fuller name the letter gives a body of that noun
    ("the Government", "The Scottish Government will report by May.", {}, "the Scottish Government"),
    ("the Department", "Officials of the Department for Transport met us.", {}, "the Department for Transport"),
    ("the Council", "I write about Eastby City Council.", {"recipient_org": "Eastby City Council"}, "the Eastby City Council"),
    ("the Government", "The UK Government and the Welsh Government disagree.", {}, "the Government"),  # two: left
    ("the Committee", "Thank you for your letter.", {}, "the Committee"),  # none: left
    ("the Committee", "The Committee Clerk will write.", {}, "the Committee"),  # a post, not a body's name
    ("In May the Government", "In May the Government agreed.", {}, "In May the Government"),  # no bare noun
    # a commitment is its owner's
    ("the Government’s commitment", "The Scottish Government’s plan is clear.", {}, "the Scottish Government"),
    ("Ann Smith", "Ann Smith will report.", {}, "Ann Smith"),
])
def test_an_actor_is_named_as_the_letter_names_it_in_full(actor, text, meta, expected):
    from index.ledger_parties import in_full
    from index.ledger_records import LetterView
    from index.model import LetterMetadata

    assert in_full(actor, LetterView("letter.txt", "A letter", text, LetterMetadata("", **meta))) == expected


def test_a_clause_describing_a_duty_is_part_of_it_not_a_duty_of_its_own():
    from index.ledger import extract
    from index.ledger_records import LetterView
    from index.model import LetterMetadata

    text = ("Dear Ms Shah,\n\nI will want this to be followed by a second review, reporting in June, which will look at "
            "the funding of services.\n\nYours sincerely,\n\nJo Bloggs\nDirector\n")
    meta = {"sender": "Jo Bloggs", "sender_role": "Director", "recipient": "Ms Shah"}
    (record,) = extract(LetterView("letter.txt", "A letter", text, LetterMetadata("", **meta), date=date(2020, 3, 4)))
    assert record.quote.startswith("I will want this")
