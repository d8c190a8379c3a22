from datetime import date

import pytest

from index.deadlines import find_deadlines, find_times, principal
from index.model import Precision
from index.recurrence import how_often, recurrence_of, recurrence_words

LETTER_DATE = date(2014, 3, 27)


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("the Commissioner then, by the end of May 2014, to make recommendations", date(2014, 5, 31), Precision.DAY),
        ("with recommendations by June 2014.", date(2014, 6, 30), Precision.MONTH),
        ("A further report by the end of the year will", date(2014, 12, 31), Precision.DAY),
        ("to get underway now and to report in September.", date(2014, 9, 30), Precision.MONTH),
        ("respond within 28 days of this letter", date(2014, 4, 24), Precision.DAY),
        ("by the end of the financial year", date(2014, 3, 31), Precision.DAY),  # the next 31 March
        ("the deadline is now 30 November 2015", date(2015, 11, 30), Precision.DAY),
        ("a report in January", date(2015, 1, 31), Precision.MONTH),
    ],
)
def test_deadlines_resolve_against_the_letter_date(text, expected, precision):
    (deadline,) = [d for d in find_deadlines(text, LETTER_DATE) if d.stated]
    assert deadline.date == expected
    assert deadline.precision == precision
    assert text[deadline.start : deadline.end] == deadline.text


def test_relative_deadlines_stay_unresolved_without_a_letter_date():
    (deadline,) = find_deadlines("by the end of the year", None)
    assert deadline.date is None and deadline.precision == Precision.NONE


def test_vague_words_are_kept_without_a_date():
    (deadline,) = find_deadlines("we will shortly be consulting you", LETTER_DATE)
    assert deadline.vague and deadline.date is None and deadline.text == "shortly"


def test_modal_may_is_not_a_month():
    assert find_deadlines("the Council may wish to respond", LETTER_DATE) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("respond within 10 working days", date(2014, 4, 10)),  # 27 March 2014 was a Thursday
        ("within three months of the date of this letter", date(2014, 6, 27)),
        ("by the end of the 2016/17 financial year", date(2017, 3, 31)),
        ("by the end of next financial year", date(2015, 3, 31)),
        ("a full review by 2016", date(2016, 12, 31)),
        ("reply by Friday 4 April 2014", date(2014, 4, 4)),
        ("by 27th March 2015", date(2015, 3, 27)),
    ],
)
def test_more_ways_of_writing_a_deadline(text, expected):
    (deadline,) = [d for d in find_deadlines(text, LETTER_DATE) if d.stated]
    assert deadline.date == expected


@pytest.mark.parametrize("text, letter_date, expected", [
    ("we plan to publish the report in early May", date(2019, 3, 20), date(2019, 5, 10)),
    ("in the first week of September", date(2019, 7, 20), date(2019, 9, 7)),
    ("by mid-June", date(2019, 7, 20), date(2020, 6, 20)),
    ("at the end of March 2023", None, date(2023, 3, 31)),
    ("the review will report later this year", date(2017, 3, 10), date(2017, 12, 31)),
    ("the Department will set out its plans in the autumn", date(2017, 4, 1), date(2017, 11, 30)),
    ("I will write again in the spring", date(2020, 7, 1), date(2021, 5, 31)),
    ("over the winter", date(2020, 11, 1), date(2021, 2, 28)),
    ("the documents will follow in the new year", date(2021, 12, 21), date(2022, 1, 31)),
])
def test_parts_of_months_seasons_and_later_this_year_end_where_an_official_would_diary_them(text, letter_date, expected):
    assert [d.date for d in find_deadlines(text, letter_date)] == [expected]


@pytest.mark.parametrize("text, letter_date, expected", [
    # a day without its year is the one nearest the letter: ahead for a duty, behind for what was done
    ("please provide the information by 31 January", date(2020, 12, 1), date(2021, 1, 31)),
    ("we will respond at 7:30am on 4 September", date(2019, 9, 2), date(2019, 9, 4)),
    ("On 26 October I wrote to you", date(2021, 12, 21), date(2021, 10, 26)),
    ("by the 14th of June", date(2020, 3, 1), date(2020, 6, 14)),
    ("I would welcome your views by 30 September", date(2020, 3, 4), date(2020, 9, 30)),
    ("we will publish the full dataset on 9 December", date(2020, 3, 4), date(2020, 12, 9)),
    ("the deadline is 2 March", date(2020, 3, 4), date(2020, 3, 2)),  # a letter dated a little late
    ("On 4 March we made the proposal", date(2019, 7, 31), date(2019, 3, 4)),
    ("I have agreed to extend the consultation by six weeks to 21 August", date(2020, 6, 10), date(2020, 8, 21)),
    ("we will report our findings by the end of the summer", date(2020, 6, 10), date(2020, 8, 31)),
    ("an update by the end of the month", date(2020, 12, 10), date(2020, 12, 31)),
    ("by the end of next month", date(2020, 12, 10), date(2021, 1, 31)),
    ("we will review the statistics again in 12 months", date(2020, 12, 10), date(2021, 12, 10)),
    ("a decision in six weeks' time", date(2020, 12, 10), date(2021, 1, 21)),
])
def test_dates_written_short_resolve_against_the_letter(text, letter_date, expected):
    assert [d.date for d in find_deadlines(text, letter_date)] == [expected]


@pytest.mark.parametrize("text", [
    "Thank you for your letter of 13 October.",  # a letter's date is no deadline
    "prices rose in 12 months to March",  # a span of figures, not a period from the letter
    "by 31 February",  # no such day
])
def test_what_is_no_deadline_written_short(text):
    assert [d.text for d in find_deadlines(text, date(2020, 12, 10)) if "March" not in d.text] == []


def test_a_parliamentary_recess_is_not_a_season_but_a_time_without_a_day():
    (recess,) = find_deadlines("the Bill should complete its passage before the summer recess", date(2017, 4, 1))
    assert recess.text == "before the summer recess" and recess.stated and recess.date is None


@pytest.mark.parametrize("text, letter_date, expected, precision", [
    ("we will publish our plan this autumn", date(2019, 3, 20), date(2019, 11, 30), Precision.MONTH),
    ("a review by spring 2020", date(2019, 3, 20), date(2020, 5, 31), Precision.MONTH),  # its own year
    ("a review in winter 2019", date(2019, 3, 20), date(2020, 2, 29), Precision.MONTH),
    ("we will publish next week", date(2019, 3, 20), date(2019, 3, 29), Precision.DAY),  # that week's Friday
    ("we will publish the figures this month", date(2019, 3, 20), date(2019, 3, 31), Precision.MONTH),
    ("we will consult next year", date(2019, 3, 20), date(2020, 12, 31), Precision.YEAR),
    ("the scheme opens in the next financial year", date(2019, 3, 20), date(2020, 3, 31), Precision.YEAR),
    ("the funding is for use in 2019-20", date(2019, 3, 20), date(2020, 3, 31), Precision.YEAR),
    ("the survey will run in early 2020", date(2019, 3, 20), date(2020, 4, 30), Precision.YEAR),
    ("the survey will run in the first half of 2020", date(2019, 3, 20), date(2020, 6, 30), Precision.YEAR),
    ("we hope to finish before Christmas", date(2019, 3, 20), date(2019, 12, 25), Precision.DAY),
    # a council's municipal year ends with May
    ("appoint a director by the end of the municipal year", date(2015, 7, 20), date(2016, 5, 31), Precision.MONTH),
    ("appoint a director by the end of the municipal year", date(2016, 2, 1), date(2016, 5, 31), Precision.MONTH),
    ("the panel meets in the week commencing 4 March", date(2019, 2, 20), date(2019, 3, 4), Precision.DAY),
    # a financial year's quarters run from April; a calendar year's from January
    ("publish the plan by Q3 2025-26", date(2025, 3, 14), date(2025, 12, 31), Precision.MONTH),
    ("complete the audit in Q4 2025/26", date(2025, 3, 14), date(2026, 3, 31), Precision.MONTH),
    ("report by the end of the first quarter of 2026-27", date(2025, 3, 14), date(2026, 6, 30), Precision.MONTH),
    ("report by the end of the third quarter of 2026", date(2025, 3, 14), date(2026, 9, 30), Precision.MONTH),
    ("report in Q2 2025", date(2025, 3, 14), date(2025, 6, 30), Precision.MONTH),
])
def test_seasons_years_and_weeks_are_times_a_duty_can_be_due_by(text, letter_date, expected, precision):
    (deadline,) = find_deadlines(text, letter_date)
    assert (deadline.date, deadline.precision) == (expected, precision)


@pytest.mark.parametrize("text", [
    "please reply at the earliest opportunity", "we will write again in the coming weeks", "as soon as is practicable",
])
def test_times_named_without_a_date_are_vague(text):
    (deadline,) = find_deadlines(text, date(2019, 3, 20))
    assert deadline.vague and deadline.date is None


@pytest.mark.parametrize("text", [
    "next year's budget will be smaller",  # a thing of a year, not a time
    "the plan covers 2019-2022",  # a span of years
    "as soon as the review is complete we will act",  # a time set by an event, not "soon"
])
def test_what_is_no_time_of_a_duty(text):
    assert find_deadlines(text, date(2019, 3, 20)) == []


@pytest.mark.parametrize("text, expected", [
    ("The review was published last year.", date(2018, 12, 31)),
    ("The figures came out last month.", date(2019, 2, 28)),
    ("I met the Chair yesterday.", date(2019, 3, 19)),
    ("I have today written to the Leader.", date(2019, 3, 20)),
    ("The report was laid on Monday.", None),
    ("The Committee wrote earlier this year.", date(2019, 3, 20)),
])
def test_times_something_happened_answer_when_but_are_no_deadlines(text, expected):
    (time,) = find_times(text, date(2019, 3, 20))
    assert time.stated and time.date == expected
    assert find_deadlines(text, date(2019, 3, 20)) == []


def test_a_duty_is_tracked_by_its_dated_time():
    text = "The documents will be available to the Committee before recess in December 2021."
    assert principal(find_deadlines(text, date(2021, 10, 26))).text == "in December 2021"


def test_from_today_is_the_letters_own_date_and_a_past_today_is_no_deadline():
    assert [d.date for d in find_deadlines("advertised on the website from today", date(2021, 11, 2))] == [date(2021, 11, 2)]
    assert find_deadlines("I have today written to the Leader of the Council", date(2021, 11, 2)) == []


@pytest.mark.parametrize("text, rule, said", [
    ("a monthly performance report on its children's services", "FREQ=MONTHLY", "monthly"),
    ("report to the Board every quarter", "FREQ=MONTHLY;INTERVAL=3", "every quarter"),
    ("reviewed on an annual basis", "FREQ=YEARLY", "on an annual basis"),
    ("meet every two weeks", "FREQ=WEEKLY;INTERVAL=2", "every two weeks"),
    ("submit a plan by 1 May 2016", None, None),
])
def test_how_often_a_duty_recurs_as_a_rule_and_in_the_letters_words(text, rule, said):
    assert recurrence_of(text) == rule
    assert recurrence_words(text) == said


@pytest.mark.parametrize(("name", "expected"), [
    ("2021-12-01_undated_lee-agency_to_jones-office.txt", date(2021, 12, 1)),
    ("2019-09-02 letter to the Board.pdf", date(2019, 9, 2)),
    ("2019-02-30_impossible.txt", None),
    ("letter-2019-09-02.txt", None),  # only a name that begins with its day
    ("20190902.txt", None),
])
def test_a_file_named_by_its_day_gives_that_date(name, expected):
    from index.dates import date_in_name

    assert date_in_name(name) == expected


@pytest.mark.parametrize(("stated", "source", "expected", "basis"), [
    (date(2021, 11, 2), "2019-09-02_note.txt", date(2021, 11, 2), "stated"),  # the letter's own date first
    (None, "2019-09-02_undated_note.txt", date(2019, 9, 2), "file name"),  # else its file name's
    (None, "note.txt", None, None),
])
def test_a_letter_reads_its_relative_dates_against_its_own_date_else_its_file_names(stated, source, expected, basis):
    from index.model import Letter, LetterMetadata

    assert Letter(source, "", "0", "", stated, None, LetterMetadata(""), "", (0,), 0, 0).reading_date() == expected


@pytest.mark.parametrize(("stated", "source", "expected", "basis"), [
    (date(2021, 11, 2), "2019-09-02_note.txt", date(2021, 11, 2), "stated"),
    (None, "2019-09-02_undated_note.txt", date(2019, 9, 2), "file name"),
    (None, "note.txt", None, None),
])
def test_the_ledger_dates_an_undated_letter_by_its_file_name_and_says_so(stated, source, expected, basis):
    from index.ledger_links import infer_dates
    from index.ledger_records import LetterView
    from index.model import LetterMetadata

    (letter,) = infer_dates([LetterView(source, "", "Dear X,\n\nText.\n", LetterMetadata(""), date=stated)])
    assert (letter.date, letter.date_basis) == (expected, basis)


@pytest.mark.parametrize("text, expected, precision", [
    ("Before April 2027", date(2027, 3, 31), Precision.DAY),  # the day before the month begins
    ("before March", date(2026, 2, 28), Precision.DAY),
    ("before the end of April 2027", date(2027, 4, 30), Precision.DAY),
    ("by April 2027", date(2027, 4, 30), Precision.MONTH),
    ("Annually; first by end of 2025-26", date(2026, 3, 31), Precision.DAY),  # a financial year's end
    ("by the end of 2025", date(2025, 12, 31), Precision.YEAR),
])
def test_before_a_month_and_the_end_of_a_financial_year_written_short(text, expected, precision):
    found = find_deadlines(text, date(2025, 6, 17))
    assert (found[0].date, found[0].precision) == (expected, precision)


@pytest.mark.parametrize("text, said", [
    ("report to the Board every quarter", "every quarter"),
    ("receive a report on progress at each of its meetings", "at each of its meetings"),
    ("Report the number of homes without a record to each Cabinet meeting", "to each Cabinet meeting"),
    ("Each meeting", "Each meeting"),  # a table's cell
    ("each meeting was minuted", None),  # the meetings that were, not a duty's recurrence
])
def test_how_often_a_duty_recurs_by_the_calendar_or_by_an_event(text, said):
    assert how_often(text) == said
    assert recurrence_of(text) is None or said == "every quarter"  # an event gives no calendar rule
