"""A report's numbered items as a question names them, and how many of them a report makes."""

import pytest

from assistant.item_refs import ItemRef, item_label, item_named
from assistant.numbered_items import count_asked
from index.model import UnitKind


@pytest.mark.parametrize("question, named", [
    ("Who owns recommendation 5 and by when?", ItemRef("recommendation", "5")),
    ("Who is responsible for action A7?", ItemRef("action", "A7")),
    ("Who leads action 4.2 and when is it due?", ItemRef("action", "4.2")),
    ("What does Recommendation R3 ask of the Council?", ItemRef("recommendation", "R3")),
    ("Who owns R2 and by when?", ItemRef("recommendation", "R2")),  # the report's own short label
    ("What is A7, and who leads it?", ItemRef("a", "A7")),
    ("Which actions fall due in Q3 2025-26?", None),  # a quarter, not an item
    ("What does section 5 say?", None),  # a section is found by its heading, not as a numbered item
    ("What does the review recommend?", None),
])
def test_the_item_a_question_names(question, named):
    assert item_named(question) == named


@pytest.mark.parametrize("text, label", [
    ("Recommendation 3: The Ministry should publish a framework.", ("recommendation", 3)),
    ("Recommendation 5.", ("recommendation", 5)),  # a label on its own: its words are in the next unit
    ("R6. The Council and the Board should agree a protocol.", ("recommendation", 6)),
    ("Action 2 – Publish the data.", ("action", 2)),
    ("The capital fund we propose in Recommendation 5 is the exception.", None),
])
def test_a_numbered_items_label(text, label):
    assert item_label(text) == label


@pytest.mark.parametrize("ref, text, kind, labels", [
    (ItemRef("recommendation", "5"), "Recommendation 5. We recommend a fund.", UnitKind.SENTENCE, True),
    (ItemRef("recommendation", "R5"), "R5. The Council should act.", UnitKind.SENTENCE, True),
    (ItemRef("recommendation", "5"), "Recommendation 15: The Council should act.", UnitKind.SENTENCE, False),
    (ItemRef("action", "5"), "Recommendation 5. We recommend a fund.", UnitKind.SENTENCE, False),
    (ItemRef("action", "A7"), "A7\nAgree a protocol\nYouth Justice Board\n31 October 2025", UnitKind.ROW, True),
    (ItemRef("a", "A7"), "A7\nAgree a protocol\nYouth Justice Board\n31 October 2025", UnitKind.ROW, True),
    (ItemRef("action", "A7"), "A17\nAgree a protocol\nYouth Justice Board", UnitKind.ROW, False),
    (ItemRef("action", "4.2"), "4.2\nLaunch an alert service\nEnvironment Agency\n1 October 2026", UnitKind.ROW, True),
    (ItemRef("action", "4.2"), "4.1\nRun a pilot\nEnvironment Agency\n1 November 2025", UnitKind.ROW, False),
])
def test_a_unit_is_the_item_named_by_its_own_label(ref, text, kind, labels):
    assert ref.labels(text, kind) is labels


@pytest.mark.parametrize("question, items", [
    ("How many recommendations does the panel make?", "recommendations"),
    ("How many recommendations are there?", "recommendations"),
    ("How many actions are in the action plan?", "actions"),
    ("How many recommendations does the report make in total?", "recommendations"),
    ("How many recommendations has the panel made?", "recommendations"),
    ("How many recommendations did the review put forward?", "recommendations"),
    ("How many recommendations are for the Council?", None),  # some of them, not all
    ("How many recommendations has the Ministry accepted?", None),
    ("How many recommendations are due by March 2026?", None),
    ("How many children were placed out of area?", None),
])
def test_a_count_of_all_a_reports_items_is_told_from_one_narrowed(question, items):
    assert count_asked(question) == items
