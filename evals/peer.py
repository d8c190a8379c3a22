"""The rule-free peer: a yardstick measured beside our answerer in every evaluation. FROZEN — do not
tune it; it exists to show what no rules at all would score on the same letters and questions.

Every unit of our segmenter (sentence, list item, line) is embedded alone with the same MiniLM
model; the answer is the two units most cosine-similar to the question, best first, each cited with
its exact span. It never abstains.
"""

from __future__ import annotations

import time

import numpy as np

from assistant.answer import Answer, Citation
from index.segmenter import segment
from index.store import Store

TOP = 2


class PeerAnswerer:
    def __init__(self, store: Store, embeddings) -> None:
        self.store = store
        self.embeddings = embeddings
        self.units: list[tuple[str, int, int]] = [
            (letter.source, u.start, u.end) for letter in store.letters().values() for u in segment(letter.text)
        ]
        texts = [store.letter(source).text[start:end] for source, start, end in self.units]
        self.vectors = np.asarray(embeddings.embed_documents(texts), dtype=np.float32).reshape(len(texts), -1)

    def ranked(self, question: str) -> list[tuple[str, int, int]]:
        """Every unit, most similar to the question first."""
        if not self.units:
            return []
        scores = self.vectors @ np.asarray(self.embeddings.embed_query(question), dtype=np.float32)
        return [self.units[i] for i in np.argsort(-scores, kind="stable")]

    def passages(self, question: str, k: int = 5) -> list[tuple[str, str]]:
        return [(s, self.store.letter(s).text[a:b]) for s, a, b in self.ranked(question)[:k]]

    def answer(self, question: str) -> Answer:
        started = time.perf_counter()
        citations = []
        for n, (source, start, end) in enumerate(self.ranked(question)[:TOP], start=1):
            letter = self.store.letter(source)
            citations.append(Citation.span(n, letter, start, end))
        text = " ".join(f"{' '.join(c.quote.split())} [{c.id}]" for c in citations)
        total = round((time.perf_counter() - started) * 1000, 1)
        return Answer(question, text, False, citations, {"total": total})
