"""Benchmark: indexing cost follows the work (letters added or changed), not the corpus already indexed.

Run: `.venv/bin/python benchmarks/indexing_cost.py [SIZES...]` (default `10 1000`). For each size N: index N
synthetic letters into a fresh store (time split into the encoder, token counting and everything else), add one
letter dated after all of them and index again, five times (median and slowest reported, then once more under
cProfile), add a letter dated before most of them (which builds the ledger whole), then re-index unchanged.
"""

from __future__ import annotations

import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from synthetic_letters import write_corpus

from assistant.service import Assistant
from config.settings import Settings
from index.embedder import PackagedEmbeddings

ROOT = Path(__file__).resolve().parent.parent
OWN = (str(ROOT / "index") + "/", str(ROOT / "assistant") + "/")
SEED, EXTRA_SEED, ADDS = 1, 99, 5
COLUMNS = ["letters", "total s", "encoder s", "count_tokens s", "non-enc s", "non-enc ms/letter", "add-one s",
           "add-one enc s", "add-one non-enc s", "add-one non-enc max s", "add-older non-enc s", "unchanged s"]


class Timer:
    """Replaces `obj.name` with a wrapper that adds each call's wall time to `seconds`."""

    def __init__(self, obj, name: str) -> None:
        self.seconds = 0.0
        original = getattr(obj, name)

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        setattr(obj, name, timed)


def timed_run(run: Callable[[], object], encoder: Timer, tokens: Timer) -> dict:
    """Wall time of `run()`, and the part of it spent in the encoder and in token counting."""
    enc0, tok0 = encoder.seconds, tokens.seconds
    start = time.perf_counter()
    report = run()
    total = time.perf_counter() - start
    enc, tok = encoder.seconds - enc0, tokens.seconds - tok0
    return {"total": total, "encoder": enc, "tokens": tok, "other": total - enc - tok, "report": report.summary()}


def profiled(run: Callable[[], object]) -> pstats.Stats:
    profile = cProfile.Profile()
    profile.enable()
    try:
        run()
    finally:
        profile.disable()
    return pstats.Stats(profile)


def print_own_top(stats: pstats.Stats, top: int = 12) -> None:
    """The project's own functions (index/, assistant/) by cumulative time."""
    rows = [(ct, tt, nc, f"{Path(file).relative_to(ROOT)}:{line}({func})")
            for (file, line, func), (_, nc, tt, ct, _) in stats.stats.items() if file.startswith(OWN)]
    print(f"  {'cum s':>7} {'own s':>7} {'calls':>7}  function")
    for ct, tt, nc, where in sorted(rows, reverse=True)[:top]:
        print(f"  {ct:7.3f} {tt:7.3f} {nc:7d}  {where}")


def measure(size: int, embeddings: PackagedEmbeddings, encoder: Timer, tokens: Timer) -> list[str]:
    """One size: full index, add one letter, add another under the profiler, unchanged re-index."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "letters"
        write_corpus(folder, size, seed=SEED)
        indexer = Assistant(Settings(store=Path(tmp) / "store", chroma_host=None), embeddings=embeddings).indexer
        full = timed_run(lambda: indexer.run([folder]), encoder, tokens)
        adds = []
        for extra in range(ADDS):
            write_corpus(folder, 1, seed=EXTRA_SEED + 10 + extra, first=size + extra, after=newest(folder))
            adds.append(timed_run(lambda: indexer.run([folder]), encoder, tokens))
        write_corpus(folder, 1, seed=EXTRA_SEED + 1, first=size + ADDS, after=newest(folder))
        stats = profiled(lambda: indexer.run([folder]))
        write_corpus(folder, 1, seed=EXTRA_SEED + 3, first=size + ADDS + 1, after=date(2011, 1, 1))
        older = timed_run(lambda: indexer.run([folder]), encoder, tokens)
        same = timed_run(lambda: indexer.run([folder]), encoder, tokens)
    add = {part: statistics.median(run[part] for run in adds) for part in ("total", "encoder", "other")}
    print(f"\n{size} letters: full run {full['report']}; add-one {adds[0]['report']}; add-older {older['report']}; "
          f"unchanged {same['report']}")
    print("second add-one letter under cProfile, top 12 project functions by cumulative time:")
    print_own_top(stats)
    return [str(size), f"{full['total']:.2f}", f"{full['encoder']:.2f}", f"{full['tokens']:.2f}",
            f"{full['other']:.2f}", f"{full['other'] * 1000 / size:.0f}", f"{add['total']:.3f}",
            f"{add['encoder']:.3f}", f"{add['other']:.3f}", f"{max(run['other'] for run in adds):.3f}",
            f"{older['other']:.3f}", f"{same['total']:.3f}"]


def newest(folder: Path) -> date:
    """The date of the newest synthetic letter (their file names begin with it)."""
    return max(date.fromisoformat(p.name[:10]) for p in folder.iterdir())


def warm(embeddings: PackagedEmbeddings) -> None:
    """Load the model, and whatever the indexer loads lazily (spaCy, parsers), on a throwaway store."""
    start = time.perf_counter()
    embeddings.encode(["warm-up"])
    embeddings.count_tokens("warm-up")
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp) / "letters", 2, seed=EXTRA_SEED + 2)
        assistant = Assistant(Settings(store=Path(tmp) / "store", chroma_host=None), embeddings=embeddings)
        assistant.indexer.run([Path(tmp) / "letters"])
    print(f"warm-up (model load, lazy imports, 2 letters): {time.perf_counter() - start:.1f} s")


def main(sizes: list[int]) -> None:
    embeddings = PackagedEmbeddings()
    warm(embeddings)
    encoder, tokens = Timer(embeddings, "encode"), Timer(embeddings, "count_tokens")
    rows = [measure(size, embeddings, encoder, tokens) for size in sizes]
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]
    print("\n| " + " | ".join(c.rjust(w) for c, w in zip(COLUMNS, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(v.rjust(w) for v, w in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [10, 1000])
