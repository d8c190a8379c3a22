"""Wires the parts together once per process: settings, store, model, retriever, answerer.

The CLI and the app both build one `Assistant` and keep it; the model loads on first use.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from langchain_core.embeddings import Embeddings

from config.settings import Settings
from index.store import Store, StoreError


class Assistant:
    def __init__(self, settings: Settings, embeddings: Embeddings | None = None) -> None:
        from index.embedder import PackagedEmbeddings

        self.settings = settings
        self.store = Store(Path(settings.store))
        # The packaged model loads on first use, so an assistant that only lists letters never loads it.
        self.embeddings = PackagedEmbeddings() if embeddings is None else embeddings

    @cached_property
    def vectorstore(self):
        from index.chroma import open_chroma

        return open_chroma(self.settings, self.embeddings)

    @cached_property
    def indexer(self):
        from index.indexer import Indexer

        return Indexer(self.store, self.embeddings, self.settings, vectorstore=self.vectorstore)

    def retriever(self, k: int | None = None):
        from assistant.retriever import HybridRetriever

        return HybridRetriever(store=self.store, vectorstore=self.vectorstore, k=k or self.settings.k)

    @cached_property
    def answerer(self):
        from assistant.answerer import ExtractiveAnswerer

        return ExtractiveAnswerer(self.store, self.embeddings, self.retriever())

    def require_index(self) -> None:
        if self.store.is_empty():
            raise StoreError(
                f"the store {self.store.path} has no indexed letters; build it first with "
                f"`assistant index sources/` (or pass --store / set ASSISTANT_STORE to the store you built)"
            )

    def chain(self, k: int | None = None):
        """The read side as one Runnable (`assistant.chain`): {"question", "context", "k"} → Answer."""
        from assistant.chain import answer_chain

        return answer_chain(self.retriever(k), self.answerer)

    def ask(self, question: str, k: int | None = None, context: str | None = None):
        self.require_index()
        k = k or self.settings.k
        with self.store.pinned():  # one state of the store for the whole answer, while letters may be written
            return self.chain(k).invoke({"question": question, "context": context, "k": k})
