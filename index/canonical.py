"""Canonical text: the decoded file with only its whitespace changed.

Hard-wrapped lines are joined, page-break gaps inside a sentence are closed, runs of spaces
collapse, and paragraphs stay separated by a blank line. Nothing else is added or removed,
so `re.sub(r"\\s+", "", canonical) == re.sub(r"\\s+", "", decoded)` always holds, and every
offset downstream points into this one string.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# A line that starts a list item: "- ", "• ", "(a) ", "1. ", "ii) ".
# Includes the private-use glyphs Word's Symbol-font bullets become in PDF text.
_MARKER = r"^(?:[-•*–·▪●◦\uf0b7\uf0a7\uf076\uf0d8]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])"
BULLET = re.compile(_MARKER + r"\s")
# The marker with the space after it: what quotes and ledger actions leave out.
BULLET_MARK = re.compile(_MARKER + r"\s+")
# A line this long was most likely wrapped by the writer's editor rather than ended on purpose.
WRAP_WIDTH = 45
SENTENCE_END = ".!?:;"
# A line ending in a date is a row of a table of actions and deadlines, not a wrapped sentence.
ENDS_WITH_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}$"
)
CLOSERS = "\"'”’)]"


@dataclass(frozen=True)
class Canonical:
    text: str
    # Offset in `text` where each page starts (page 1 first); empty for unpaged formats.
    page_starts: tuple[int, ...] = ()

    def page_at(self, offset: int) -> int | None:
        return page_at(self.page_starts, offset)


def page_at(page_starts: tuple[int, ...], offset: int) -> int | None:
    """The page (from 1) holding `offset`, given where each page starts; None for unpaged text."""
    return max(1, bisect_right(page_starts, offset)) if page_starts else None


def _ends_sentence(line: str) -> bool:
    return line.rstrip(CLOSERS)[-1:] in SENTENCE_END


def _separator(prev: str, line: str, blank_lines: int, page_break: bool) -> str:
    if BULLET.match(line):
        return "\n\n" if blank_lines or page_break else "\n"
    if not blank_lines and not page_break:
        # A line ending in ":" or ";" closes a lead-in or a list item, not a wrapped sentence.
        ends_item = bool(re.search(r"[:;]$|;\s+(?:and|or)$", prev)) or bool(ENDS_WITH_DATE.search(prev))
        return " " if len(prev) >= WRAP_WIDTH and not ends_item else "\n"
    continues = not _ends_sentence(prev) and (
        line[0].islower() or ((blank_lines >= 2 or page_break) and len(prev) >= WRAP_WIDTH)
    )
    return " " if continues else "\n\n"


def canonicalise_pages(pages: list[str], paged: bool = True) -> Canonical:
    """Canonical text of a document given as the decoded text of each of its pages."""
    parts: list[str] = []
    length = 0
    page_starts: list[int] = []
    prev: str | None = None
    for page_text in pages:
        blank_lines = 0
        first_on_page = True
        for raw_line in page_text.splitlines():
            line = " ".join(raw_line.split())
            if not line:
                blank_lines += 1
                continue
            if prev is not None:
                sep = _separator(prev, line, blank_lines, page_break=first_on_page)
                parts.append(sep)
                length += len(sep)
            if first_on_page:
                page_starts.append(length)
                first_on_page = False
            parts.append(line)
            length += len(line)
            prev = line
            blank_lines = 0
        if first_on_page:  # a page with no text still counts as a page
            page_starts.append(length)
    text = "".join(parts)
    return Canonical(text, tuple(page_starts) if paged else ())


def canonicalise(text: str) -> Canonical:
    """Canonical text of an unpaged document (TXT, Markdown, HTML, DOCX)."""
    return canonicalise_pages([text], paged=False)
