"""Canonical text: the decoded file with only its whitespace changed.

Hard-wrapped lines are joined, page-break gaps inside a sentence are closed, runs of spaces
collapse, and paragraphs stay separated by a blank line. Nothing else is added or removed,
so `re.sub(r"\\s+", "", canonical) == re.sub(r"\\s+", "", decoded)` always holds, and every
offset downstream points into this one string.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from index.layout import Heading, Layout, Line, Role, TableRow

# A line that starts a list item: "- ", "• ", "(a) ", "1. ", "ii) ".
# Includes the private-use glyphs Word's Symbol-font bullets become in PDF text.
_MARKER = r"^(?:[-•*–·▪●◦\uf0b7\uf0a7\uf076\uf0d8]|\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)])"
BULLET = re.compile(_MARKER + r"\s")
# The marker with the space after it: what quotes and ledger actions leave out.
BULLET_MARK = re.compile(_MARKER + r"\s+")
# A line that starts a numbered item of a report: "Recommendation 3:", "R3.", "Action 4 –"; the match is its label.
NUMBERED_ITEM = re.compile(r"^(?:Recommendations?|Actions?|Findings?|Conclusions?|R)\s?\d{1,3}[.:)]?(?:\s+[-–—:])?\s+(?=[A-Z])")
# A line this long was most likely wrapped by the writer's editor rather than ended on purpose.
WRAP_WIDTH = 45
SENTENCE_END = ".!?:;"
# A line ending in a date is a row of a table of actions and deadlines, not a wrapped sentence.
ENDS_WITH_DATE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}$"
)
SECTION_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|(?:Annex|Appendix|Chapter|Part|Section)\s+\w+)\s")
CLOSERS = "\"'”’)]"


@dataclass(frozen=True)
class Canonical:
    text: str
    # Offset in `text` where each page starts (page 1 first); empty for unpaged formats.
    page_starts: tuple[int, ...] = ()
    layout: Layout = field(default_factory=Layout)

    def page_at(self, offset: int) -> int | None:
        return page_at(self.page_starts, offset)


def page_at(page_starts: tuple[int, ...], offset: int) -> int | None:
    """The page (from 1) holding `offset`, given where each page starts; None for unpaged text."""
    return max(1, bisect_right(page_starts, offset)) if page_starts else None


def _starts_item(line: str) -> bool:
    """A bulleted or numbered list item, or a report's numbered recommendation: it starts a line of its own."""
    return bool(BULLET.match(line) or NUMBERED_ITEM.match(line))


def _ends_sentence(line: str) -> bool:
    return line.rstrip(CLOSERS)[-1:] in SENTENCE_END


def _separator(prev: str, line: str, blank_lines: int, page_break: bool) -> str:
    if _starts_item(line):
        return "\n\n" if blank_lines or page_break else "\n"
    if not blank_lines and not page_break:
        # A line ending in ":" or ";" closes a lead-in or a list item, not a wrapped sentence.
        ends_item = bool(re.search(r"[:;]$|;\s+(?:and|or)$", prev)) or bool(ENDS_WITH_DATE.search(prev))
        return " " if len(prev) >= WRAP_WIDTH and not ends_item else "\n"
    continues = not _ends_sentence(prev) and (
        line[0].islower() or ((blank_lines >= 2 or page_break) and len(prev) >= WRAP_WIDTH)
    )
    return " " if continues else "\n\n"


class _Builder:
    """Canonical text as it is built line by line, with where each page, heading and table row landed."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page_starts: list[int] = []
        self.headings: list[Heading] = []
        self.rows: list[TableRow] = []
        self.header_rows: dict[int, int] = {}  # table → start of its header row
        self.row_cells: list[tuple[int, int]] = []
        self.row_line: Line | None = None  # a cell of the row being built: its row, table and whether a header
        self.prev: Line | None = None

    def add(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def separator(self, line: Line, blank_lines: int, page_break: bool) -> str:
        prev = self.prev
        assert prev is not None
        if line.role is Role.HEADING and prev.role is Role.HEADING and prev.level == line.level and not blank_lines \
                and not page_break and not SECTION_NUMBER.match(line.text):
            return " "  # a heading wrapped over two lines (a numbered one starts a heading of its own)
        if line.role is Role.CELL and prev.role is Role.CELL and prev.row == line.row:
            return "\n"
        if Role.BODY not in (line.role, prev.role) or line.role is not prev.role:
            return "\n\n"
        if blank_lines or page_break or line.wrapped is None or _starts_item(line.text):
            return _separator(prev.text, line.text, blank_lines, page_break)
        return " " if line.wrapped else "\n"

    def close_row(self) -> None:
        first, cells = self.row_line, self.row_cells
        self.row_line, self.row_cells = None, []
        filled = [cell for cell in cells if cell[1] > cell[0]]
        if first is None or not filled:
            return
        start, end = filled[0][0], filled[-1][1]
        if first.header and first.table is not None:
            self.header_rows[first.table] = start
            header = None
        else:
            header = self.header_rows.get(first.table) if first.table is not None else None
        self.rows.append(TableRow(start, end, tuple(cells), header))

    def cell(self, line: Line, span: tuple[int, int]) -> None:
        """A cell of a table's row, in its column's place: an empty one is an empty span, so that every row has as
        many cells as its header."""
        if self.row_line is None or self.row_line.row != line.row:
            self.close_row()
            self.row_line = line
        self.row_cells.append(span)

    def place(self, line: Line, text: str, sep: str) -> None:
        if line.role is not Role.CELL:
            self.close_row()
        if line.role is Role.HEADING:
            if sep == " " and self.headings:
                last = self.headings[-1]
                self.headings[-1] = Heading(last.start, self.length + len(text), last.level)
            else:
                self.headings.append(Heading(self.length, self.length + len(text), line.level))
        elif line.role is Role.CELL:
            self.cell(line, (self.length, self.length + len(text)))
        self.add(text)
        self.prev = replace(line, text=text)


def canonicalise_lines(pages: list[list[Line]], paged: bool = True) -> Canonical:
    """Canonical text of a document given as the lines of each of its pages, each line with its role."""
    out = _Builder()
    for lines in pages:
        blank_lines = 0
        first_on_page = True
        for line in lines:
            text = " ".join(line.text.split())
            if not text:
                if line.role is Role.CELL:
                    out.cell(line, (out.length, out.length))
                else:
                    blank_lines += 1
                continue
            sep = out.separator(line, blank_lines, page_break=first_on_page) if out.prev else ""
            out.add(sep)
            if first_on_page:
                out.page_starts.append(out.length)
                first_on_page = False
            out.place(line, text, sep)
            blank_lines = 0
        if first_on_page:  # a page with no text still counts as a page
            out.page_starts.append(out.length)
    out.close_row()
    layout = Layout(tuple(out.headings), tuple(out.rows))
    return Canonical("".join(out.parts), tuple(out.page_starts) if paged else (), layout)


def canonicalise_pages(pages: list[str], paged: bool = True) -> Canonical:
    """Canonical text of a document given as the decoded text of each of its pages."""
    return canonicalise_lines([[Line(raw) for raw in page.splitlines()] for page in pages], paged)


def canonicalise(text: str) -> Canonical:
    """Canonical text of an unpaged document (TXT, Markdown, HTML, DOCX)."""
    return canonicalise_pages([text], paged=False)
