"""Hybrid retrieval: dense (Chroma) and lexical (SQLite FTS5, BM25) results fused by reciprocal rank."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from index.chroma import date_ord
from index.lexical import LetterFilter
from index.model import UnitKind, iso
from index.snapshot import Snapshot
from index.store import Store
from index.text import STOPWORDS, words

RRF_K = 60  # the usual reciprocal-rank-fusion constant


def _document(letter, start: int, end: int) -> Document:
    """A chunk found only by a lexical or sentence list, built from the stored letter."""
    return Document(
        page_content=letter.text[start:end],
        metadata={"source": letter.source, "start": start, "end": end, "title": letter.title,
                  "letter_date": iso(letter.date) or "", "page": letter.page_at(start) or 0},
    )


class HybridRetriever(BaseRetriever):
    """Chunks ranked by weighted reciprocal-rank fusion of three lists: dense chunk search (Chroma),
    BM25 (FTS5), and chunks ordered by their best-matching sentence (the store's unit vectors).

    Filters: `sources` (exact source names) and a letter date range (`date_from`, `date_to`, inclusive).
    Each returned Document carries `source`, `start`, `end`, `score` and `rank` in its metadata.
    """

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Store
    vectorstore: Any
    k: int = 8
    fetch_k: int = 20
    dense_weight: float = 0.5
    lexical_weight: float = 1.0
    sentence_weight: float = 0.5  # the two dense lists share the weight lexical search has alone
    sources: list[str] | None = None
    date_from: date | None = None
    date_to: date | None = None

    def _where(self) -> dict | None:
        clauses: list[dict] = []
        if self.sources:
            clauses.append({"source": {"$in": list(self.sources)}})
        if self.date_from:
            clauses.append({"date_ord": {"$gte": date_ord(self.date_from)}})
        if self.date_to:
            clauses.append({"date_ord": {"$lte": date_ord(self.date_to)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def _sentence_ranking(self, snapshot: Snapshot, q_vec: np.ndarray) -> list[tuple[str, int, int]]:
        """Chunks in the order of their best-matching sentence (unit vectors kept in the store)."""
        units = snapshot.units
        if not units:
            return []
        scores = snapshot.vectors @ q_vec
        spans = snapshot.chunk_spans
        lo, hi = self.date_from, self.date_to
        seen: dict[tuple[str, int, int], None] = {}
        for i in np.argsort(-scores)[: self.fetch_k * 3]:
            u = units[int(i)]
            letter = snapshot.letters.get(u.source)
            if u.kind == UnitKind.LINE:  # letterheads, addresses and sign-offs are not sentences
                continue
            if letter is None or (self.sources and u.source not in self.sources):
                continue
            if (lo and (not letter.date or letter.date < lo)) or (hi and (not letter.date or letter.date > hi)):
                continue
            for start, end in spans.get(u.source, []):
                if start <= u.start < end:
                    seen.setdefault((u.source, start, end), None)
                    break
            if len(seen) >= self.fetch_k:
                break
        return list(seen)

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        q_vec = np.asarray(self.vectorstore.embeddings.embed_query(query), dtype=np.float32)
        dense = self.vectorstore.similarity_search_by_vector_with_relevance_scores(
            q_vec.tolist(), k=self.fetch_k, filter=self._where()
        )
        snapshot = self.store.snapshot()
        letters = snapshot.letters
        terms = [w for w in words(query) if w not in STOPWORDS]
        where = LetterFilter(tuple(self.sources or ()), self.date_from, self.date_to)
        lexical = snapshot.lexical_search(terms, self.fetch_k, where)
        fused: dict[tuple[str, int, int], float] = {}
        docs: dict[tuple[str, int, int], Document] = {}
        for rank, (doc, _distance) in enumerate(dense):
            key = (doc.metadata["source"], int(doc.metadata["start"]), int(doc.metadata["end"]))
            fused[key] = fused.get(key, 0.0) + self.dense_weight / (RRF_K + rank + 1)
            docs[key] = doc
        for rank, hit in enumerate(lexical):
            key = source, start, end = hit.source, hit.start, hit.end
            fused[key] = fused.get(key, 0.0) + self.lexical_weight / (RRF_K + rank + 1)
            if key not in docs and source in letters:
                docs[key] = _document(letters[source], start, end)
        for rank, key in enumerate(self._sentence_ranking(snapshot, q_vec)):
            fused[key] = fused.get(key, 0.0) + self.sentence_weight / (RRF_K + rank + 1)
            if key not in docs and key[0] in letters:
                source, start, end = key
                docs[key] = _document(letters[source], start, end)
        ranked = sorted(fused, key=fused.__getitem__, reverse=True)
        out = []
        # A chunk the vector store holds for a letter rewritten since the snapshot is not this snapshot's text.
        for rank, key in enumerate(k for k in ranked if snapshot.holds(*k, docs[k].page_content)):
            if rank >= self.k:
                break
            doc = docs[key]
            out.append(Document(page_content=doc.page_content, metadata={**doc.metadata, "score": fused[key], "rank": rank}))
        return out
