"""What an answerer returns: the answer's words and its citations, each an exact span of a letter."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Citation:
    id: int
    source: str
    title: str
    date: str | None
    quote: str
    start: int
    end: int
    page: int | None


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)
