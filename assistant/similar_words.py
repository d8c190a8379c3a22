"""How nearly a sentence uses a question's words when it does not use them exactly: "look into" for
"investigate", "backed" for "supported", "keep working" for "continue to work".

Each word is embedded alone by the packaged sentence model, once per process (a few hundred words a
second on two cores, so a corpus's words are all embedded after its first questions). Two unrelated
words sit near 0.25 in its cosine, a synonym near 0.5-0.8: the credit a word earns rises from nothing
at `UNRELATED` to full at `SAME`.
"""

from __future__ import annotations

import numpy as np

from index.vocabulary import SAME_ACT

UNRELATED = 0.4
SAME = 0.7


class SimilarWords:
    def __init__(self, embeddings) -> None:
        self.embeddings = embeddings
        self._vectors: dict[str, np.ndarray] = {}

    def vectors(self, words: list[str]) -> np.ndarray:
        missing = [w for w in dict.fromkeys(words) if w not in self._vectors]
        if missing:
            self._vectors.update(zip(missing, np.asarray(self.embeddings.embed_documents(missing), dtype=np.float32), strict=True))
        return np.stack([self._vectors[w] for w in words]) if words else np.zeros((0, 0), dtype=np.float32)

    def credit(self, asked: list[str], used: list[str]) -> list[float]:
        """For each asked word, 0..1: how nearly some used word means the same."""
        if not asked or not used:
            return [0.0] * len(asked)
        best = (self.vectors(asked) @ self.vectors(used).T).max(axis=1)
        same = [any(act.fullmatch(a) and any(act.fullmatch(u) for u in used) for act in SAME_ACT) for a in asked]
        return [1.0 if s else float(np.clip((b - UNRELATED) / (SAME - UNRELATED), 0.0, 1.0)) for b, s in zip(best, same, strict=True)]
