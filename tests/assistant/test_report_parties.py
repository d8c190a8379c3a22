"""Who prepared, led or commissioned a report, to whom it went and what date it bears are answered from the report's
own title page (or the sentence of its opening that says so), each line cited — not from the sentence most like
the question."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_assistant
from tests.helpers import make_report_pdf

pytestmark = pytest.mark.integration

# The library review as Word lays it out: (style, text), the headings in heading styles.
LIBRARY_REVIEW = [
    ("Title", "Review of library opening hours"), ("Normal", "Report to the Communities Scrutiny Committee"),
    ("Normal", "Prepared by Northgate Policy Partners"), ("Normal", "Lead reviewer: Dr Amira Patel"),
    ("Normal", "Date: 2 June 2025"), ("Heading 1", "1. Summary"),
    ("Normal", "1.1 The Cabinet Member for Culture commissioned this review in January 2025, after visitor numbers fell."),
    ("Normal", "1.2 We make three recommendations about library opening hours."),
    ("Heading 1", "2. Recommendations"),
    ("Normal", "R1. The Council should open every library on Saturdays from September 2025."),
    ("Normal", "R2. The Council should publish library opening hours online by July 2025."),
    ("Normal", "R3. The Head of Libraries should report on visitor numbers to the Cabinet each quarter."),
    ("Heading 1", "3. Next steps"), ("Normal", "The Committee will consider this report at its meeting in July 2025."),
]


def make_library_review(path: Path) -> None:
    import docx

    document = docx.Document()
    for style, text in LIBRARY_REVIEW:
        document.add_paragraph(text, style=style)
    document.save(path)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, embeddings, settings_factory):
    folder = tmp_path_factory.mktemp("reviews")
    (folder / "sources").mkdir()
    make_report_pdf(folder / "sources" / "2025-03-14_transport_review.pdf")
    make_library_review(folder / "sources" / "2025-06-02_library_review.docx")
    assistant = make_assistant(folder / "store", embeddings, settings_factory)
    assistant.indexer.run([folder / "sources"])
    return assistant


@pytest.mark.parametrize("question, lead, quotes", [
    ("Who commissioned the school transport review?",
     "The report “Review of school transport commissioning” was commissioned by the Eastshire County Council Cabinet [1].",
     ["Commissioned by the Eastshire County Council Cabinet"]),
    ("Who commissioned the library review?",  # said in the summary, not on the title page
     "The report “Review of library opening hours” was commissioned by The Cabinet Member for Culture [1].",
     ["1.1 The Cabinet Member for Culture commissioned this review"]),
    ("Who carried out the library review?",
     "The report “Review of library opening hours” was prepared by Northgate Policy Partners [1] and was led by "
     "Dr Amira Patel, lead reviewer [2].",
     ["Prepared by Northgate Policy Partners", "Lead reviewer: Dr Amira Patel"]),
    ("To whom was the library report presented?",
     "The report “Review of library opening hours” is a report to the Communities Scrutiny Committee [1].",
     ["Report to the Communities Scrutiny Committee"]),
    ("What is the date of the school transport report?",
     "The report “Review of school transport commissioning” is dated 14 March 2025 [1].", ["14 March 2025"]),
])
def test_a_question_about_the_report_itself_is_answered_from_its_own_lines(reviewed, question, lead, quotes):
    answer = reviewed.ask(question)
    assert answer.answer.split("\n\n")[0] == lead
    assert [c.quote for c in answer.citations] == quotes


def test_a_report_that_does_not_say_who_led_it_is_answered_from_its_evidence_instead(reviewed):
    answer = reviewed.ask("Who led the school transport review?")  # its title page names no one
    assert "led by" not in answer.answer.split("\n\n")[0]


def test_what_a_report_asks_of_a_party_lists_every_duty_whose_owner_it_is(reviewed):
    answer = reviewed.ask("What does the school transport review ask of the Head of Transport?")
    head, *items = answer.answer.split("\n\n")[0].split("\n")
    assert head == "8 duties fall to the Head of Transport, soonest first:"
    assert items[0].startswith("1. Head of Transport: Publish the route review for area 1 (due 1 September 2025) [1]")
    assert [c.quote[:2] for c in answer.citations] == [f"A{i}" for i in range(1, 9)]


def test_the_action_a_question_names_is_answered_however_few_words_its_row_shares(reviewed):
    answer = reviewed.ask("Who is the owner of action A6, and when is it due?")
    assert not answer.abstained and answer.citations[0].quote.startswith("A6")
    assert "6 September 2025" in answer.answer.split("\n\n")[0]
