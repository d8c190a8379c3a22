"""What an answerer returns: the answer's words and its citations, each an exact span of a letter."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from index.model import iso

if TYPE_CHECKING:
    from index.model import Letter


@dataclass
class Citation:
    id: int
    source: str
    title: str
    date: date | None
    quote: str
    start: int
    end: int
    page: int | None
    section: str | None = None  # the headings it sits under, outermost first ("3. Findings › 3.2 Placements")

    @classmethod
    def span(cls, id: int, letter: Letter, start: int, end: int) -> Citation:
        """Citation `id` of the letter's own text from `start` to `end`: the quote is always exactly the source's."""
        return cls(id, letter.source, letter.title, letter.date, letter.text[start:end], start, end,
                   letter.page_at(start), letter.section_at(start))


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The answer in plain values, as the CLI and the API give it: dates as ISO text."""
        out = asdict(self)
        for citation in out["citations"]:
            citation["date"] = iso(citation["date"])
        return out
