"""Benchmark: lexical (FTS5/BM25) search latency at 100,000 chunks, and a warm answer on the seeds.

Run: `make benchmark` (or `.venv/bin/python benchmarks/lexical_search.py`). Results: benchmarks/RESULTS.md.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from pathlib import Path

from index import schema, store_state
from index.lexical import Passage
from index.model import LetterMetadata
from index.store import Store

VOCAB = ("council commissioner report plan improvement direction deadline minister department review budget "
         "safeguarding children services panel recommendations capacity management quarterly monthly publish "
         "submit inspection ofsted director leader chief executive representations housing procurement").split()


def build(store: Store, n: int) -> None:
    rng = random.Random(7)
    with store.engine.begin() as conn:
        conn.execute(schema.letters.insert().values(
            source="bench", folder="bench", sha256="x", title="bench", date="2015-01-01", date_basis="stated",
            metadata=json.dumps(LetterMetadata("bench").to_dict()), text="", page_starts="[]", n_chunks=n, n_units=0, indexed_at="now"))
        # Letter-like text: a few common words and a long Zipf tail, about 40 words a chunk.
        vocab = VOCAB + [f"term{j}" for j in range(20_000)]
        weights = [1 / (rank + 1) for rank in range(len(vocab))]
        store.lexical.add(conn, (Passage("bench", i, i + 1, " ".join(rng.choices(vocab, weights, k=40))) for i in range(n)))
        store_state.letters_changed(conn)


def main(n: int = 100_000, queries: int = 200) -> None:
    """Queries of two common and two rarer words, like officials' questions."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        t = time.perf_counter()
        build(store, n)
        print(f"built {n} chunks in {time.perf_counter() - t:.1f} s")
        rng = random.Random(11)
        snapshot = store.snapshot()
        snapshot.lexical_search(VOCAB, 20)  # first use counts the common words once
        timings = []
        for _ in range(queries):
            terms = rng.sample(VOCAB, 2) + [f"term{rng.randrange(50, 5000)}" for _ in range(2)]
            t = time.perf_counter()
            snapshot.lexical_search(terms, 20)
            timings.append((time.perf_counter() - t) * 1000)
        timings.sort()
        print(f"lexical search over {n} chunks: p50 {statistics.median(timings):.1f} ms, "
              f"p95 {timings[int(0.95 * len(timings))]:.1f} ms, max {timings[-1]:.1f} ms ({queries} queries of 4 terms)")


if __name__ == "__main__":
    main()
