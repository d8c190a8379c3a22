"""What the web page shows, as HTML and text: source cards with the quote marked in its paragraph,
the chat's answer, and the answer with its citations ready for a briefing note."""

from __future__ import annotations

import html

from assistant.answer import Answer, Citation
from index.model import Letter, iso
from index.store import Store

# Inline styles: they survive any theme and reach copied HTML too.
CARD = "border:1px solid #d1d5db;border-radius:8px;padding:10px 14px;margin-bottom:10px"
META = "color:#4b5563;font-size:0.9em;margin-bottom:6px"
PARA = "white-space:pre-wrap;line-height:1.45"
MARK = "background:#fde68a;padding:0 2px"
REFUSAL = "border-left:4px solid #b45309;background:#fffbeb;padding:10px 14px;border-radius:6px"
LEDGER_COLUMNS = ["due", "kind", "status", "actor", "person", "action", "to", "deadline words", "letter", "quote"]
LETTER_COLUMNS = ["date", "title", "sender", "recipient", "copied to", "commitments", "chunks", "source"]


def paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line separated) holding text[start:end]."""
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    return (0 if left < 0 else left + 2), (len(text) if right < 0 else right)


def citations_html(answer: Answer, store: Store) -> str:
    if answer.abstained:
        return f"<div class='refusal' style='{REFUSAL}'><b>Not in the letters.</b> {html.escape(answer.answer)}</div>"
    return "".join(source_card(c, store.letter(c.source)) for c in answer.citations)


def source_card(c: Citation, letter: Letter | None) -> str:
    """One citation: where it is from, and its quote marked inside its paragraph."""
    meta = letter.metadata if letter else None
    p_start, p_end = paragraph_around(letter.text, c.start, c.end) if letter else (c.start, c.end)
    before = html.escape(letter.text[p_start : c.start]) if letter else ""
    after = html.escape(letter.text[c.end : p_end]) if letter else ""
    parties = " → ".join(x for x in (meta.sender, meta.recipient) if x) if meta else ""
    details = [iso(c.date) or "undated", parties, c.section or "", f"page {c.page}" if c.page else "",
               f"{c.source} [{c.start}:{c.end}]"]
    return (
        f"<div class='source-card' style='{CARD}'><div style='{META}'><b>[{c.id}] {html.escape(c.title)}</b><br>"
        f"{html.escape(' · '.join(d for d in details if d))}</div>"
        f"<div style='{PARA}'>{before}<mark style='{MARK}'>{html.escape(c.quote)}</mark>{after}</div></div>"
    )


def briefing_text(answer: Answer) -> str:
    """The answer with its citations, ready to paste into a briefing note."""
    if answer.abstained:
        return answer.answer
    lines = [answer.answer, "", "Sources:"]
    for c in answer.citations:
        where = ", ".join(x for x in (c.title, iso(c.date), c.section, f"page {c.page}" if c.page else None) if x)
        lines.append(f"[{c.id}] “{c.quote}” — {where} ({c.source})")
    return "\n".join(lines)


def chat_markdown(answer: Answer) -> str:
    if answer.abstained:
        return f"**Not in the letters.** {answer.answer}"
    return answer.answer


def cell(value) -> str:
    """A metric as the Evaluation page shows it."""
    return "—" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)
