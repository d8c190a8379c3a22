"""How an answer is matched against a case: facts in any phrasing, gold quotes found in passages and texts."""

from __future__ import annotations

import re
from datetime import date

QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def norm(text: str) -> str:
    return " ".join(text.translate(QUOTES).lower().split())


def with_written_dates(answer: str) -> str:
    """The answer plus the written form of each ISO date in it ('2014-05-31' also reads '31 May 2014')."""
    extra = []
    for m in ISO.finditer(answer):
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        extra.append(f"{d.day} {d:%B %Y}")
    return answer + " " + " ".join(extra)


def lead(answer: str) -> str:
    """The answer's first paragraph: what an official reads, and pastes, first."""
    return answer.strip().split("\n\n", 1)[0]


def facts_stated(answer: str, facts: list[list[str]]) -> list[bool]:
    text = norm(with_written_dates(answer))
    return [any(norm(alt) in text for alt in group) for group in facts]


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where a gold quote stands in a canonical text, whitespace and quote marks aside."""
    pattern = r"\s+".join(re.escape(w.translate(QUOTES)) for w in quote.split())
    m = re.search(pattern, text.translate(QUOTES))
    return (m.start(), m.end()) if m else None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", norm(text))


def passage_holds(passage: str, quote: str) -> bool:
    """Most of the quote's words fall inside the passage (chunk boundaries do not hide it)."""
    words = _words(quote)
    present = set(_words(passage))
    return bool(words) and sum(w in present for w in words) / len(words) > 0.5
