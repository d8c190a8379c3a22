"""What is asked of one party is every duty whose actor is that party, read from the ledger: the question forms that
ask for them as a whole, and how a record's actor is matched to the party."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.duties_of import falls_to, grouped, party_of_duties
from index.model import Commitment, Kind, Precision, Status


@pytest.mark.parametrize("question, party", [
    ("What does the review ask of the Department?", "the Department"),
    ("What is the Department for Education asked to deliver under the review?", "the Department for Education"),
    ("What does the report want NHS England to do?", "NHS England"),
    ("Which recommendations are for local authorities?", "local authorities"),
    ("What is the Youth Justice Board responsible for?", "the Youth Justice Board"),
    ("What has the Council been asked to do?", "the Council"),
    ("What does the letter ask of Birmingham City Council?", "Birmingham City Council"),
    ("Which actions fall to the Youth Justice Board?", "the Youth Justice Board"),
    ("What must the Environment Agency do, and by when?", "the Environment Agency"),
    ("What does the Council need to do?", "the Council"),
    ("What is expected of local resilience forums?", "local resilience forums"),
    ("Which actions does Defra lead?", "Defra"),
])
def test_a_question_asking_for_a_partys_duties_as_a_whole_names_the_party(question, party):
    assert party_of_duties(question) == party


@pytest.mark.parametrize("question", [
    "What is NHS England asked to do about speech and language?",  # narrowed to one subject
    "What must the Council do by 30 April?",
    "What is the plan asked to do?",  # a thing, not a party
    "What did the Council do?",  # what was done, not what is asked
    "What does the review do, and when?",
    "Who is responsible for recommendation 3?",
    "What does the review say about placements?",
])
def test_a_question_that_narrows_the_duties_or_names_no_party_is_not_read_so(question):
    assert party_of_duties(question) is None


def record(actor: str, action: str = "publish a plan", due: date | None = None, start: int = 0) -> Commitment:
    return Commitment(
        id=f"r{start}", kind=Kind.DIRECTION, actor=actor, actor_name=None, action=action, recipients=[],
        deadline=due, deadline_text=None, deadline_precision=Precision.DAY, replaces_deadline=None, recurrence=None,
        status=Status.CURRENT, superseded_by=None, supersedes=None, same_as=None, source="r.pdf", title="Review",
        letter_date=date(2025, 3, 14), letter_date_basis=None, quote=action, start=start, end=start + 10)


@pytest.mark.parametrize("actor, party, falls", [
    ("Department for Education and Ministry of Justice", "the Department", True),
    ("Department for Education", "the Department for Education", True),
    ("Local authorities, with the Youth Justice Board", "local authorities", True),
    ("Youth justice management boards", "the Youth Justice Board", False),  # the words, but not the name
    ("Ministry of Justice", "the Department", False),
])
def test_a_duty_falls_to_the_party_its_actor_names_in_order(actor, party, falls):
    assert falls_to(record(actor), party) is falls


def test_a_recommendation_and_its_action_row_are_one_duty_of_one_party():
    due = date(2025, 9, 30)
    rec = record("The Department", "establish a capital fund for small secure homes, with the first bidding round "
                 "to open by September 2025", due, start=0)
    row = record("Department", "Open the first bidding round of the capital fund for small secure homes", due, start=100)
    other = record("Department", "Publish a workforce plan", date(2026, 1, 31), start=200)
    elsewhere = record("Ministry of Justice", "Open the first bidding round of the capital fund", due, start=300)
    assert grouped([rec, row, other, elsewhere]) == [[rec, row], [other], [elsewhere]]
