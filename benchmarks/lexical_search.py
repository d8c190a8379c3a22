"""Benchmark: lexical (FTS5/BM25) search latency at 100,000 chunks, and a warm answer on the seeds.

Run: `make benchmark` (or `.venv/bin/python benchmarks/lexical_search.py`). Results: benchmarks/RESULTS.md.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from index.store import Store

VOCAB = ("council commissioner report plan improvement direction deadline minister department review budget "
         "safeguarding children services panel recommendations capacity management quarterly monthly publish "
         "submit inspection ofsted director leader chief executive representations housing procurement").split()


def build(store: Store, n: int) -> None:
    rng = random.Random(7)
    with store.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO letters (source, folder, sha256, title, date, date_basis, metadata, text, "
                             "page_starts, n_chunks, n_units, indexed_at, committed) VALUES "
                             "('bench', 'bench', 'x', 'bench', '2015-01-01', 'stated', '{}', '', '[]', 0, 0, 'now', 1)"))
        # Letter-like text: a few common words and a long Zipf tail, about 40 words a chunk.
        vocab = VOCAB + [f"term{j}" for j in range(20_000)]
        weights = [1 / (rank + 1) for rank in range(len(vocab))]
        rows = [{"text": " ".join(rng.choices(vocab, weights, k=40)), "source": "bench", "start": i, "end": i + 1}
                for i in range(n)]
        conn.execute(sa.text('INSERT INTO chunks_fts (text, source, start, "end") VALUES (:text, :source, :start, :end)'), rows)


def main(n: int = 100_000, queries: int = 200) -> None:
    """Queries of two common and two rarer words, like officials' questions."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        t = time.perf_counter()
        build(store, n)
        print(f"built {n} chunks in {time.perf_counter() - t:.1f} s")
        rng = random.Random(11)
        store.lexical_search(VOCAB, 20)  # first use counts the common words once
        timings = []
        for _ in range(queries):
            terms = rng.sample(VOCAB, 2) + [f"term{rng.randrange(50, 5000)}" for _ in range(2)]
            t = time.perf_counter()
            store.lexical_search(terms, 20)
            timings.append((time.perf_counter() - t) * 1000)
        timings.sort()
        print(f"lexical search over {n} chunks: p50 {statistics.median(timings):.1f} ms, "
              f"p95 {timings[int(0.95 * len(timings))]:.1f} ms, max {timings[-1]:.1f} ms ({queries} queries of 4 terms)")


if __name__ == "__main__":
    main()
