"""The ledger scored against a gold ledger: which gold records it found, and how many of their
fields (actor, recipients, deadline, status, kind, recurrence) it got right."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from evals.matching import locate, norm
from evals.metrics import ratio
from evals.testset import TestSet, TestSetError, read_yaml, source_base
from index.store import Store

# A gold record's `recurrence:` in words, as the ledger's iCalendar rule.
RECURRENCES = {"weekly": "FREQ=WEEKLY", "fortnightly": "FREQ=WEEKLY;INTERVAL=2", "monthly": "FREQ=MONTHLY",
               "quarterly": "FREQ=MONTHLY;INTERVAL=3", "six-monthly": "FREQ=MONTHLY;INTERVAL=6", "annual": "FREQ=YEARLY"}
FIELDS = ("actor", "recipients", "exact_deadline", "status", "kind")


@dataclass
class GoldRecord:
    fields: dict  # as written in the gold ledger
    source: str
    start: int
    end: int


def gold_records(testset: TestSet, store: Store) -> list[GoldRecord]:
    data = read_yaml(testset.ledger, "gold ledger")
    base = source_base(testset.ledger, data, testset.settings)
    gold = []
    for g in data["records"]:
        source = str((base / g["source"]).resolve())
        letter = store.letter(source)
        where = locate(letter.text, g["quote"]) if letter else None
        if not where:
            raise TestSetError(f"{testset.ledger}: gold record “{g['quote'][:60]}” is not in {source}")
        gold.append(GoldRecord(g, source, *where))
    return gold


def field_hits(g: dict, record) -> Counter:
    """Which fields of one predicted record agree with its gold record."""
    deadline = g.get("deadline")  # YAML reads 2014-05-31 as a date; quoted, it is text
    deadline = date.fromisoformat(deadline) if isinstance(deadline, str) else deadline
    hits = Counter(actor=_actor_matches(g.get("actor"), record),
                   recipients=_recipients_match(g.get("recipients") or [], record.recipients),
                   exact_deadline=deadline == record.deadline or (deadline is None and not record.deadline),
                   status=g.get("status", "current") == record.status, kind=g.get("kind") == record.kind)
    if g.get("recurrence"):
        hits.update(recurring=1, recurrence=RECURRENCES.get(g["recurrence"]) == record.recurrence)
    return hits


def ledger_scores(testset: TestSet, store: Store) -> dict:
    gold, predicted = gold_records(testset, store), store.commitments()
    hits, used = Counter(), set()
    for g in gold:
        match = next((p for p in predicted if p.source == g.source and p.start < g.end and g.start < p.end
                      and p.id not in used), None)
        if match:
            used.add(match.id)
            hits.update(matched=1, **field_hits(g.fields, match))
    matched = hits["matched"]
    return {
        "gold_records": len(gold), "predicted_records": len(predicted), "matched": matched,
        "precision": ratio(matched, len(predicted)), "recall": ratio(matched, len(gold)),
        **{f"{name}_accuracy": ratio(hits[name], matched) for name in FIELDS},
        "recurrence_accuracy": ratio(hits["recurrence"], hits["recurring"]),
    }


def _actor_matches(expected: str | None, record) -> bool:
    if not expected:
        return not record.actor
    found = norm(" ".join(filter(None, (record.actor, record.actor_name))))
    return norm(expected) in found


def _recipients_match(expected: list[str], got: list[str]) -> bool:
    joined = norm(" | ".join(got))
    return len(expected) == len(got) and all(norm(e) in joined for e in expected)
