"""Questions that ask two things at once ("When were the documents first promised, and when are they now
expected?"): each later part is answered on its own, read with the first part as its context, and the
answers are joined — one lead stating each asked fact, each quote cited once.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer import Answer

# Where a question's next part begins: "…, and when …", "…; what …", "… and did …", "…, through what channel?".
# Not a comma before "who" or "which" alone, which opens a clause about the word before it.
PART_BREAK = re.compile(
    r"(?:,?\s+and\s+|;\s*(?:and\s+)?)(?=(?:then\s+)?(?:by when|to whom|(?:(?:through|in|by|from|on|under|with|at|for) )?"
    r"(?:what|which)|when|who|whom|how|where|why|did|does|"
    r"do|is|was|were|has|have|will|can)\b)|,\s+(?=(?:through|in|by|from|on|under|with|at) (?:what|which)\b)",
    re.I,
)
# A paragraph that quotes a letter ("The letter of … says: “…”", "… has the row No. “4.2”, …"), as opposed to
# the lead stating the answer.
QUOTING = re.compile(r"(?:says|signed|addressed): “|\bhas the row\b")


def question_parts(question: str) -> list[str]:
    """The question's parts, in order; one part when it asks one thing."""
    return [p.strip(" ,;") for p in PART_BREAK.split(question) if p.strip(" ,;?")]


def _lead_and_quotes(answer: Answer) -> tuple[str, list[str]]:
    paragraphs = answer.answer.split("\n\n")
    if paragraphs and not QUOTING.search(paragraphs[0]):
        return paragraphs[0], paragraphs[1:]
    return "", paragraphs


def _cited(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", text)}


def joined(first: Answer, more: Answer) -> Answer:
    """`first` with what `more` (the answer to a later part) adds: its lead after the first's, its quotes
    after the first's, each citation numbered on from the first's and a quote cited twice cited once."""
    citations = list(first.citations)
    ids: dict[int, int] = {}
    repeated: set[int] = set()
    for c in more.citations:
        same = next((x for x in citations if (x.source, x.start, x.end) == (c.source, c.start, c.end)), None)
        if same is None:
            same = replace(c, id=len(citations) + 1)
            citations.append(same)
        else:
            repeated.add(c.id)
        ids[c.id] = same.id

    def renumbered(text: str) -> str:
        return re.sub(r"\[(\d+)\]", lambda m: f"[{ids.get(int(m.group(1)), m.group(1))}]", text)

    lead, quotes = _lead_and_quotes(first)
    more_lead, more_quotes = _lead_and_quotes(more)
    more_lead = renumbered(more_lead)
    if more_lead and not _cited(more_lead) <= _cited(lead):  # a second lead on the same quotes says it again
        lead = f"{lead} {more_lead}".strip()
    new_quotes = [renumbered(q) for q in more_quotes if not _cited(q) <= repeated]
    return replace(first, answer="\n\n".join(p for p in [lead, *quotes, *new_quotes] if p), citations=citations)


def quote_in_lead(answer: Answer) -> Answer:
    """`answer` with its first quote in its lead's paragraph: for a question asking what something is as well as
    when or who ("What is action 1.1, and when is it due?"), the quote is the answer to its first part, and the
    first paragraph — what an official reads and pastes first — must hold both."""
    lead, quotes = _lead_and_quotes(answer)
    if not lead or not quotes:
        return answer
    return replace(answer, answer="\n\n".join([f"{lead} {quotes[0]}", *quotes[1:]]))
