"""The sentences a question reads: those inside the passages retrieved for it (each with the rank bonus of
the best passage holding it), and every sentence of a letter the question designates ("his letter of 2
November 2021"), which is short enough to read whole and whose answer the passages may miss."""

from __future__ import annotations

from langchain_core.documents import Document

from assistant.retriever import HybridRetriever
from index.snapshot import Snapshot


def units_by_source(snapshot: Snapshot) -> dict[str, list[int]]:
    """The positions of each letter's units in the snapshot (built once per snapshot: `Snapshot.derived`)."""
    by_source: dict[str, list[int]] = {}
    for i, u in enumerate(snapshot.units):
        by_source.setdefault(u.source, []).append(i)
    return by_source


class Passages:
    def __init__(self, snapshot: Snapshot, retriever: HybridRetriever, question: str, k: int) -> None:
        self.retriever = retriever
        self.question = question
        self.k = k
        self.all_units, self.by_source = snapshot.units, snapshot.derived(units_by_source)
        self.units: dict[int, float] = {}  # unit index → 1 / (1 + rank) of the best retrieved passage holding it

    def retrieve(self, sources: list[str] | None) -> None:
        """Read the passages retrieved from `sources` (all letters when None)."""
        retriever = self.retriever.model_copy(update={"k": self.k, "sources": sources})  # a copy per question
        self.read(retriever.invoke(self.question))

    def read(self, passages: list[Document]) -> None:
        """Read passages already retrieved (each with `source`, `start`, `end` and `rank` in its metadata)."""
        for doc in passages:
            meta = doc.metadata
            bonus = 1.0 / (1 + meta["rank"])
            for i in self.by_source.get(meta["source"], []):
                u = self.all_units[i]
                if u.start < meta["end"] and meta["start"] < u.end:
                    self.units[i] = max(self.units.get(i, 0.0), bonus)

    def whole(self, sources: list[str]) -> None:
        """Read every sentence of `sources`; those no passage held have no rank bonus."""
        for source in sources:
            for i in self.by_source.get(source, []):
                self.units.setdefault(i, 0.0)

    def add(self, units: list[int]) -> None:
        """Read these units as if the best passage held them."""
        for i in units:
            self.units[i] = 1.0
