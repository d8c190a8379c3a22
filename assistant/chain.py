"""The read side as one LangChain chain: `retriever | answerer`, composed with LCEL.

The chain takes {"question", "context", "k"} (`context`: the question this one follows, or None) and gives
an `Answer`. The hybrid retriever finds the question's passages in all letters; the answerer reads them,
and retrieves more narrowly itself when the question designates letters ("his letter of 2 November"). Being
one Runnable, the chain can be traced, batched and streamed, and another answerer can take this one's place.
"""

from __future__ import annotations

import time

from langchain_core.runnables import Runnable, RunnableBranch, RunnableLambda, RunnablePassthrough

from assistant.answer import Answer
from assistant.answerer import ExtractiveAnswerer
from assistant.question import asked, search_text
from assistant.retriever import HybridRetriever


def _now(_: dict) -> float:
    return time.perf_counter()


def _blank(inputs: dict) -> bool:
    return not inputs["question"].strip()  # answered with a prompt to ask, nothing to retrieve


def _search(inputs: dict) -> str:
    return search_text(asked(inputs["question"].strip()), inputs.get("context"))


def answer_chain(retriever: HybridRetriever, answerer: ExtractiveAnswerer) -> Runnable[dict, Answer]:
    def answer(inputs: dict) -> Answer:
        result = answerer.answer(inputs["question"], k=inputs["k"], context=inputs.get("context"),
                                 passages=inputs["passages"])
        if result.timings_ms:  # the chain's retrieval counts as the answer's
            retrieved = (inputs["retrieved"] - inputs["started"]) * 1000
            result.timings_ms["retrieve"] = round(result.timings_ms["retrieve"] + retrieved, 1)
            result.timings_ms["total"] = round((time.perf_counter() - inputs["started"]) * 1000, 1)
        return result

    retrieve = RunnableBranch((_blank, RunnableLambda(lambda _: [])), RunnableLambda(_search) | retriever)
    return (
        RunnablePassthrough.assign(started=_now)
        | RunnablePassthrough.assign(passages=retrieve)
        | RunnablePassthrough.assign(retrieved=_now)
        | RunnableLambda(answer)
    )
