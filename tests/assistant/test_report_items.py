"""A report's numbered recommendations and action rows answer questions as the units they are: counted from the
report's structure, and read as the very item a question names."""

from __future__ import annotations

import pytest

from tests.conftest import make_assistant
from tests.helpers import make_report_pdf

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, embeddings, settings_factory):
    folder = tmp_path_factory.mktemp("review")
    (folder / "sources").mkdir()
    make_report_pdf(folder / "sources" / "2025-03-14_transport_review.pdf")
    (folder / "sources" / "2025-06-02_library_review.txt").write_text(
        "Review of library opening hours\n\n1. Summary\n\nWe make three recommendations about library opening hours.\n\n"
        "2. Recommendations\n\nR1. The Council should open every library on Saturdays from September 2025.\n\n"
        "R2. The Council should publish library opening hours online by July 2025.\n\n"
        "R3. The Head of Libraries should report on visitor numbers to the Cabinet each quarter.\n", encoding="utf-8")
    assistant = make_assistant(folder / "store", embeddings, settings_factory)
    assistant.indexer.run([folder / "sources"])
    return assistant


def test_how_many_recommendations_is_counted_from_the_numbered_items_each_end_cited(reviewed):
    answer = reviewed.ask("How many recommendations does the school transport review make?")
    assert answer.answer.startswith("2 recommendations, numbered 1 to 2 [1] [2].")
    assert [c.quote.split(":")[0] for c in answer.citations[:2]] == ["Recommendation 1", "Recommendation 2"]


def test_a_reports_own_count_is_quoted_first_when_it_agrees_with_its_items(reviewed):
    answer = reviewed.ask("How many recommendations does the review of library opening hours make?")
    assert answer.answer.startswith("3 recommendations, numbered 1 to 3 [1] [2] [3].")
    assert [c.quote[:8] for c in answer.citations[:3]] == ["We make ", "The Coun", "The Head"]  # labels stand alone


def test_how_many_actions_counts_the_rows_of_the_action_table(reviewed):
    answer = reviewed.ask("How many actions are there in the action plan?")
    assert answer.answer.startswith("8 actions in its action table [1] [2].")  # the report gives no count of its own
    assert answer.citations[0].quote.startswith("A1") and answer.citations[1].quote.startswith("A8")


@pytest.mark.parametrize("question, cited", [
    ("What does recommendation 2 ask for?", "Recommendation 2:"),
    ("Who owns action A5, and when is it due?", "A5"),
])
def test_the_item_a_question_names_is_the_one_cited(reviewed, question, cited):
    answer = reviewed.ask(question)
    assert not answer.abstained and answer.citations[0].quote.startswith(cited)
