"""Runs a test set: the corpus is indexed into a temporary store (never the user's), and every question
is put, with one model load, to each answerer under test; each case is scored as it is answered."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from assistant.answer import Answer
from assistant.service import Assistant
from config.settings import Settings
from evals.gold_ledger import ledger_scores
from evals.matching import facts_stated, lead, locate, norm, passage_holds
from evals.metrics import build_report
from evals.testset import Case, TestSet, TestSetError
from index.store import Store

ANSWERERS = ("extractive", "peer", "baseline")
PASSAGES_SCORED = 5  # retrieval is scored on the first five passages
Progress = Callable[[int, int, str], None]


class AnswererUnderTest(Protocol):
    """What the runner needs of an answerer: its answer, and the passages it retrieved, best first."""

    def answer(self, question: str) -> Answer: ...

    def passages(self, question: str) -> list[tuple[str, str]]:
        """(source, text) of the passages retrieved for the question, best first."""
        ...


class Ours:
    """Our answerer, through the same `Assistant` the CLI and the app use."""

    def __init__(self, assistant: Assistant, k: int) -> None:
        self.assistant, self.k = assistant, k
        self.retriever = assistant.retriever(k=PASSAGES_SCORED)

    def answer(self, question: str) -> Answer:
        return self.assistant.ask(question, k=self.k)

    def passages(self, question: str) -> list[tuple[str, str]]:
        return [(d.metadata["source"], d.page_content) for d in self.retriever.invoke(question)]


def answerer(name: str, assistant: Assistant, k: int) -> AnswererUnderTest:
    if name == "peer":
        from evals.peer import PeerAnswerer

        return PeerAnswerer(assistant.store, assistant.embeddings)
    if name == "baseline":
        from evals.baseline import BaselineAnswerer
        from index.chroma import open_chroma

        return BaselineAnswerer(assistant.store, assistant.embeddings,
                                lambda collection: open_chroma(assistant.settings, assistant.embeddings, collection))
    return Ours(assistant, k)


@dataclass
class CaseResult:
    case: Case
    answerer: str
    answer: dict
    retrieved: list[dict]  # {"source", "text"} in rank order
    facts: list[bool]
    lead_facts: list[bool]  # stated in the answer's first paragraph
    first_hit: int | None  # 1-based rank of the first retrieved passage holding a gold quote
    recall5: float
    citation_hit: bool
    citations_supporting: int
    citations_verbatim: int
    latency_ms: float


@dataclass
class Run:
    """Every answerer's case results, and what indexing the corpus reported."""

    testset: TestSet
    results: dict[str, list[CaseResult]]
    indexed: str
    ledger: dict | None = None


def run_eval(testset: TestSet, embeddings=None, answerers: Iterable[str] = ANSWERERS, k: int = 8,
             progress: Progress | None = None) -> dict:
    with tempfile.TemporaryDirectory(prefix="assistant-eval-") as tmp:
        # Embedded Chroma in the temporary store, even when the user's settings name a Chroma server.
        assistant = Assistant(Settings(store=Path(tmp) / "store", chroma_host=None), embeddings)
        report = assistant.indexer.run(testset.corpus)
        if not assistant.store.letters():
            raise TestSetError(f"{testset.path}: no letter of the corpus could be indexed: {report.summary()}")
        check_gold(testset, assistant.store)
        results = {}
        for name in answerers:
            under_test = answerer(name, assistant, k)
            results[name] = [score_case(c, name, under_test, assistant.store)
                             for c in _progress(testset.cases, progress, name)]
        ledger = ledger_scores(testset, assistant.store) if testset.ledger else None
    return build_report(Run(testset, results, report.summary(), ledger))


def check_gold(testset: TestSet, store: Store) -> None:
    """Every gold quote stands in its indexed letter: a quote that does not would silently score as a miss."""
    for case in testset.cases:
        for g in case.gold:
            letter = store.letter(g.source)
            if letter is None or locate(letter.text, g.quote) is None:
                where = "its letter was not indexed" if letter is None else "it is not in the letter's text"
                raise TestSetError(f"{testset.path}: case {case.id}: gold quote “{g.quote[:60]}” in {g.source}: {where}")


def _progress(cases: list[Case], progress: Progress | None, name: str) -> Iterator[Case]:
    for i, case in enumerate(cases, start=1):
        if progress:
            progress(i, len(cases), name)
        yield case


def score_case(case: Case, name: str, under_test: AnswererUnderTest, store: Store) -> CaseResult:
    data = under_test.answer(case.question).to_dict()
    passages = under_test.passages(case.question)[:PASSAGES_SCORED]
    first_hit, found = None, set()
    for rank, (source, text) in enumerate(passages, start=1):
        for gi, g in enumerate(case.gold):
            if g.source == source and passage_holds(text, g.quote):
                found.add(gi)
                first_hit = first_hit or rank
    on_gold = _on_gold(case, data["citations"], store)
    # A citation is precise when it covers a gold span or itself states a fact of the answer.
    supporting = sum(gold or any(norm(a) in norm(c["quote"]) for grp in case.facts for a in grp)
                     for gold, c in zip(on_gold, data["citations"], strict=True))
    return CaseResult(
        case, name, data, [{"source": s, "text": t} for s, t in passages], facts_stated(data["answer"], case.facts),
        facts_stated(lead(data["answer"]), case.facts), first_hit, len(found) / len(case.gold) if case.gold else 0.0,
        any(on_gold), supporting, _verbatim(data["citations"], store), data.get("timings_ms", {}).get("total", 0.0),
    )


def _on_gold(case: Case, cited: list[dict], store: Store) -> list[bool]:
    """For each citation, whether it overlaps a gold quote's span."""
    spans = []
    for g in case.gold:
        letter = store.letter(g.source)
        where = locate(letter.text, g.quote) if letter else None
        if where:
            spans.append((g.source, *where))
    return [any(c["source"] == s and c["start"] < e and b < c["end"] for s, b, e in spans) for c in cited]


def _verbatim(cited: list[dict], store: Store) -> int:
    """Citations whose quote is the exact text at their span, whitespace aside."""
    count = 0
    for c in cited:
        letter = store.letter(c["source"])
        count += bool(letter) and " ".join(letter.text[c["start"] : c["end"]].split()) == " ".join(c["quote"].split())
    return count
