"""A role asked of someone that the cited passages give no one is a near miss."""

from __future__ import annotations

import pytest

from assistant.asked_roles import role_not_given


@pytest.mark.parametrize("question, passages, missing", [
    ("Who will chair the implementation board?", ["The Department should establish an implementation board."], "chair"),
    ("Who will chair the implementation board?", ["The board will be chaired by the Minister."], None),
    ("Who will fund the alert service?", ["The service will be paid for from the Department's budget."], None),
    ("Who should sit on the board?", ["The board should bring together the Agency and the Met Office."], "sit on"),
    ("Who will establish the board?", ["The Department should establish the board."], None),  # no role asked
])
def test_a_role_asked_needs_a_passage_that_speaks_of_it(question, passages, missing):
    assert role_not_given(question, passages) == missing
