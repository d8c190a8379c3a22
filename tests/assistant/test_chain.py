"""The read side is one LCEL chain, `retriever | answerer`: it answers as `ask` does, batches, and is traced."""

from __future__ import annotations

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.runnables import Runnable

QUESTIONS = ["Who has been appointed Commissioner?", "How much funding will the Council receive?"]


class Seen(BaseCallbackHandler):
    def __init__(self) -> None:
        self.retrievals: list[str] = []

    def on_retriever_start(self, serialized, query, **kwargs):
        self.retrievals.append(query)


def test_the_chain_answers_as_the_answerer_retrieving_for_itself_does_and_batches(seed_assistant):
    chain = seed_assistant.chain(k=8)
    assert isinstance(chain, Runnable)
    inputs = [{"question": q, "context": None, "k": 8} for q in QUESTIONS]
    batched = chain.batch(inputs)
    for question, answer in zip(QUESTIONS, batched, strict=True):
        alone = seed_assistant.answerer.answer(question, k=8)  # no passages given: it retrieves them itself
        assert (answer.answer, answer.abstained) == (alone.answer, alone.abstained)
        assert [c.quote for c in answer.citations] == [c.quote for c in alone.citations]
    assert "Norman Warner" in batched[0].answer


def test_a_blank_question_is_asked_for_again_without_retrieving(seed_assistant):
    seen = Seen()
    answer = seed_assistant.chain().invoke({"question": "  ", "context": None, "k": 8}, config={"callbacks": [seen]})
    assert answer.abstained and "Please ask a question" in answer.answer
    assert seen.retrievals == []


def test_the_chains_retrieval_is_seen_by_a_tracer(seed_assistant):
    seen = Seen()
    answer = seed_assistant.chain().invoke({"question": QUESTIONS[0], "context": None, "k": 8},
                                           config={"callbacks": [seen]})
    assert seen.retrievals and seen.retrievals[0] == QUESTIONS[0]
    assert answer.timings_ms["retrieve"] > 0 and answer.timings_ms["total"] >= answer.timings_ms["retrieve"]
