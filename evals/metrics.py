"""Metrics over case results: retrieval, facts, citations, refusals and latency, overall and per
category; thresholds checked against them; the report every output is written from."""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the runner builds its report with these functions
    from evals.runner import CaseResult, Run


def _mean(values) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else None


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def metrics(results: list[CaseResult]) -> dict:
    return {"cases": len(results), **retrieval(results), **answers(results), **refusals(results), **latency(results)}


def retrieval(results: list[CaseResult]) -> dict:
    with_gold = [r for r in results if r.case.answerable and r.case.gold]
    return {
        "hit@1": _mean(r.first_hit == 1 for r in with_gold),
        "hit@5": _mean(r.first_hit is not None for r in with_gold),
        "recall@5": _mean(r.recall5 for r in with_gold),
        "mrr": _mean(1 / r.first_hit if r.first_hit else 0.0 for r in with_gold),
    }


def answers(results: list[CaseResult]) -> dict:
    with_facts = [r for r in results if r.case.answerable and r.case.facts]
    answered = [r for r in results if r.case.answerable and not r.answer["abstained"]]
    cited = [c for r in results for c in r.answer["citations"]]
    return {
        "fact_accuracy": _mean(all(r.facts) and not r.answer["abstained"] for r in with_facts),
        "lead_fact_accuracy": _mean(all(r.lead_facts) and not r.answer["abstained"] for r in with_facts),
        "partial_fact_score": _mean(sum(r.facts) / len(r.facts) if not r.answer["abstained"] else 0.0
                                    for r in with_facts),
        "citation_hit": _mean(r.citation_hit for r in results if r.case.answerable and r.case.gold),
        "citation_precision": ratio(sum(r.citations_supporting for r in answered),
                                     sum(len(r.answer["citations"]) for r in answered)),
        "citations_per_answer": _mean(len(r.answer["citations"]) for r in results if not r.answer["abstained"]),
        "quote_fidelity": ratio(sum(r.citations_verbatim for r in results), len(cited)),
    }


def refusals(results: list[CaseResult]) -> dict:
    abstained = [r for r in results if r.answer["abstained"]]
    return {
        "correct_refusal": _mean(r.answer["abstained"] for r in results if not r.case.answerable),
        "false_refusal": _mean(r.answer["abstained"] for r in results if r.case.answerable),
        "refusal_precision": _mean(not r.case.answerable for r in abstained),
        "refusal_accuracy": _mean(r.answer["abstained"] == (not r.case.answerable) for r in results),
    }


def latency(results: list[CaseResult]) -> dict:
    ms = sorted(r.latency_ms for r in results)
    return {
        "latency_p50_ms": round(statistics.median(ms), 1) if ms else None,
        "latency_p95_ms": round(ms[min(len(ms) - 1, int(0.95 * len(ms)))], 1) if ms else None,
    }


def check_thresholds(summary: dict, thresholds: dict[str, float]) -> list[str]:
    """Failures as sentences; a `max_X` threshold caps metric X (false_refusal for max_false_refusal)."""
    failures = []
    for name, limit in thresholds.items():
        if name.startswith("max_"):
            value = summary.get(name[4:])
            if value is not None and value > limit:
                failures.append(f"{name[4:]} {value:.3f} is above its maximum {limit}")
        else:
            value = summary.get(name)
            if value is None or value < limit:
                failures.append(f"{name} {value if value is None else f'{value:.3f}'} is below its minimum {limit}")
    return failures


def build_report(run: Run) -> dict:
    report: dict = {"testset": str(run.testset.path), "indexed": run.indexed, "thresholds": run.testset.thresholds,
                    "answerers": {name: answerer_report(rs) for name, rs in run.results.items()}}
    if run.ledger:
        report["ledger"] = run.ledger
    return report


def answerer_report(results: list[CaseResult]) -> dict:
    by_category: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        by_category[r.case.category].append(r)
    return {
        "summary": metrics(results),
        "categories": {c: metrics(v) for c, v in sorted(by_category.items())},
        "cases": [
            {"id": r.case.id, "category": r.case.category, "question": r.case.question,
             "answerable": r.case.answerable, "abstained": r.answer["abstained"], "answer": r.answer["answer"],
             "facts": r.facts, "first_hit": r.first_hit, "citation_hit": r.citation_hit,
             "passed": passed(r), "citations": r.answer["citations"], "latency_ms": r.latency_ms}
            for r in results
        ],
        "_results": results,
    }


def passed(r: CaseResult) -> bool:
    if not r.case.answerable:
        return r.answer["abstained"]
    return not r.answer["abstained"] and all(r.facts) and (r.citation_hit or not r.case.gold)
