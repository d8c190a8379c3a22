"""Sentence-aware chunks within the embedding model's window.

Consecutive units of one paragraph are packed up to a token budget; a unit too long on its own
is cut at clause boundaries (";", ":", ",", dashes), then at spaces, keeping its offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from index.model import Chunk, Unit

CLAUSE_BREAK = re.compile(r"(?<=[;:,])\s+|\s+(?=[–—-]\s)")


def _fit(text: str, start: int, end: int, count: Callable[[str], int], limit: int) -> list[tuple[int, int]]:
    """Cut text[start:end] into pieces of at most `limit` tokens, at clause breaks when possible."""
    if count(text[start:end]) <= limit:
        return [(start, end)]
    for pattern in (CLAUSE_BREAK, re.compile(r"\s+")):
        cuts = [m.end() for m in pattern.finditer(text, start, end)]
        if not cuts:
            continue
        middle = (start + end) / 2
        cut = min(cuts, key=lambda c: abs(c - middle))
        left_end = len(text[start:cut].rstrip()) + start
        return _fit(text, start, left_end, count, limit) + _fit(text, cut, end, count, limit)
    # One enormous "word": cut by characters (a token is at least one character).
    return [(s, min(s + limit // 2, end)) for s in range(start, end, limit // 2)]


def chunk_units(
    text: str, units: list[Unit], count_tokens: Callable[[str], int], max_tokens: int
) -> list[Chunk]:
    pieces: list[tuple[int, int, int]] = []  # (start, end, block)
    for unit in units:
        for s, e in _fit(text, unit.start, unit.end, count_tokens, max_tokens):
            pieces.append((s, e, unit.block))
    chunks: list[Chunk] = []
    current: tuple[int, int, int] | None = None
    for s, e, block in pieces:
        if current and current[2] == block and count_tokens(text[current[0] : e]) <= max_tokens:
            current = (current[0], e, block)
            continue
        if current:
            chunks.append(Chunk(current[0], current[1]))
        current = (s, e, block)
    if current:
        chunks.append(Chunk(current[0], current[1]))
    return chunks
