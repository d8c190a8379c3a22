"""The sentences a question reads: those inside the passages retrieved for it (each with the rank bonus of
the best passage holding it), and every sentence of a letter the question designates ("his letter of 2
November 2021"), which is short enough to read whole and whose answer the passages may miss."""

from __future__ import annotations

from assistant.retriever import HybridRetriever
from index.store import Store


class UnitsBySource:
    """The store's sentences grouped by letter, built once per state of the store rather than per question."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._built: tuple[list[dict], dict[str, list[int]]] | None = None

    def get(self) -> tuple[list[dict], dict[str, list[int]]]:
        units, _ = self.store.units()
        if self._built is None or self._built[0] is not units:
            by_source: dict[str, list[int]] = {}
            for i, u in enumerate(units):
                by_source.setdefault(u["source"], []).append(i)
            self._built = (units, by_source)
        return self._built


class Passages:
    def __init__(self, index: UnitsBySource, retriever: HybridRetriever, question: str, k: int) -> None:
        self.retriever = retriever
        self.question = question
        self.k = k
        self.all_units, self.by_source = index.get()
        self.units: dict[int, float] = {}  # unit index → 1 / (1 + rank) of the best retrieved passage holding it

    def retrieve(self, sources: list[str] | None) -> None:
        """Read the passages retrieved from `sources` (all letters when None)."""
        retriever = self.retriever.model_copy(update={"k": self.k, "sources": sources})  # a copy per question
        for doc in retriever.invoke(self.question):
            meta = doc.metadata
            bonus = 1.0 / (1 + meta["rank"])
            for i in self.by_source.get(meta["source"], []):
                u = self.all_units[i]
                if u["start"] < meta["end"] and meta["start"] < u["end"]:
                    self.units[i] = max(self.units.get(i, 0.0), bonus)

    def whole(self, sources: list[str]) -> None:
        """Read every sentence of `sources`; those no passage held have no rank bonus."""
        for source in sources:
            for i in self.by_source.get(source, []):
                self.units.setdefault(i, 0.0)
