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


def test_the_chain_answers_as_ask_does_and_batches(seed_assistant):
    chain = seed_assistant.chain(k=8)
    assert isinstance(chain, Runnable)
    inputs = [{"question": q, "context": None, "k": 8} for q in QUESTIONS]
    batched = chain.batch(inputs)
    for question, answer in zip(QUESTIONS, batched, strict=True):
        asked = seed_assistant.ask(question, k=8)
        assert (answer.answer, answer.abstained) == (asked.answer, asked.abstained)
        assert [c.quote for c in answer.citations] == [c.quote for c in asked.citations]
    assert "Norman Warner" in batched[0].answer


def test_the_chains_retrieval_is_seen_by_a_tracer(seed_assistant):
    seen = Seen()
    answer = seed_assistant.chain().invoke({"question": QUESTIONS[0], "context": None, "k": 8},
                                           config={"callbacks": [seen]})
    assert seen.retrievals and seen.retrievals[0] == QUESTIONS[0]
    assert answer.timings_ms["retrieve"] > 0 and answer.timings_ms["total"] >= answer.timings_ms["retrieve"]
