"""Benchmark: indexing the seed letters and warm answer latency (model loaded once).

Run: `make benchmark` (or `.venv/bin/python benchmarks/answer_latency.py`). Results: benchmarks/RESULTS.md.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from assistant.service import Assistant
from config.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "By when must the Commissioner make recommendations on urgent actions, and to whom?",
    "Who has been appointed Commissioner?",
    "When will the study report?",
    "What is due in June 2014?",
    "Under which legislation will the direction be made?",
    "How much funding will the Council receive?",
]


def main(rounds: int = 20) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        assistant = Assistant(Settings(store=Path(tmp)))
        t = time.perf_counter()
        assistant.embeddings.encode(["warm-up"])
        print(f"model load: {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        report = assistant.indexer.run([ROOT / "sources"])
        print(f"index sources/ ({report.summary()}): {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        assistant.indexer.run([ROOT / "sources"])
        print(f"re-index unchanged: {(time.perf_counter() - t) * 1000:.0f} ms")
        assistant.ask(QUESTIONS[0])
        timings = []
        for _ in range(rounds):
            for q in QUESTIONS:
                assistant.embeddings._query_vector.cache_clear()  # measure the question's embedding too
                t = time.perf_counter()
                assistant.ask(q)
                timings.append((time.perf_counter() - t) * 1000)
        timings.sort()
        print(f"warm answer: p50 {statistics.median(timings):.1f} ms, p95 {timings[int(0.95 * len(timings))]:.1f} ms "
              f"({len(timings)} answers)")


if __name__ == "__main__":
    main()
