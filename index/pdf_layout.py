"""Read a PDF's pages as lines with their roles: headings by their type, ruled tables as rows of cells, and the
page furniture left out.

What a reader of the printed page does not read as the text is left out of the canonical text: running headers
and footers and page numbers (a line at the top or foot of a page that recurs, digits aside, on other pages), the
lines of a contents page ("3. Findings ........ 7"), and footnote reference marks (a small digit raised after a
word). A footnote that would split a sentence running over a page break is moved after that sentence.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, replace

from index.canonical import CLOSERS
from index.dates import MONTHS
from index.layout import Line, Role
from index.parties import PERSON_NAME
from index.pdf_page import SMALL_RATIO, PdfTable, PdfText, page_items

# A line is a heading when its type is this much larger than the body's, or bold throughout and short.
HEADING_RATIO = 1.15
HEADING_MAX_WORDS = 16
BOLD_HEADING_MAX_WORDS = 12  # a bold line of body type is a heading only when shorter still
# How many lines at the top and at the foot of a page can be running headers or footers.
FURNITURE_LINES = 2
# A line that stops this share of the text's width short of the margin, with room for the next word, ends on purpose.
SHORT = 0.25
# A run of more lines than this in one heading type is prose set large (a summary box), not a heading.
HEADING_MAX_LINES = 3
PAGE_NUMBER = re.compile(r"(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s+of\s+\d{1,4})?", re.I)
LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$|…+\s*\d{1,4}$")
CONTENTS = re.compile(r"(?:table of )?contents", re.I)
# A caption names a figure or table; it heads no section.
CAPTION = re.compile(r"(?:Figure|Fig\.|Table|Chart|Box|Graph|Map|Source|Note)\s+[A-Z]?\d+[.:]?\s", re.I)
DATE_LINE = re.compile(rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTHS})\s+\d{{4}}", re.I)
# A line ends a sentence or a lead-in (";" ends a list item, which may go on over the page).
SENTENCE_END = rf"[.!?:][{re.escape(CLOSERS)}]*$"


def _half_point(size: float) -> float:
    return round(size * 2) / 2


def _body_size(pdf) -> float:
    """The type size most characters are set in (a first estimate, tables included)."""
    sizes = Counter(_half_point(c["size"]) for page in pdf.pages for c in page.chars if c["text"].strip())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _text_size(pages: list[list[PdfText | PdfTable]], first: float) -> float:
    """The type size of most of the text outside tables: the body's."""
    sizes = Counter()
    for items in pages:
        for item in items:
            if isinstance(item, PdfText):
                sizes[_half_point(item.size)] += len(item.text)
    return sizes.most_common(1)[0][0] if sizes else first


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _furniture(pages: list[list[PdfText | PdfTable]], body: float) -> set[tuple[int, int]]:
    """(page, item) of each running header, footer and page number."""
    edges: dict[tuple[int, int], str] = {}
    for p, items in enumerate(pages):
        texts = [i for i, item in enumerate(items) if isinstance(item, PdfText)]
        for i in texts[:FURNITURE_LINES] + texts[-FURNITURE_LINES:]:
            if items[i].margin and items[i].size < HEADING_RATIO * body:  # type: ignore[union-attr]
                edges[(p, i)] = items[i].text  # type: ignore[union-attr]
    pages_with = Counter()
    for shape in {(p, _shape(text)) for (p, _), text in edges.items()}:
        pages_with[shape[1]] += 1
    recurring = max(2, len(pages) // 3)
    return {key for key, text in edges.items()
            if PAGE_NUMBER.fullmatch(text.strip()) or (len(pages) > 1 and pages_with[_shape(text)] >= recurring)}


def _contents(items: list[PdfText | PdfTable]) -> set[int]:
    """The lines of a contents page: lines with leaders to a page number, and on a page headed "Contents",
    its heading and every line that ends in a page number."""
    texts = [(i, item.text.strip()) for i, item in enumerate(items) if isinstance(item, PdfText)]
    found = {i for i, text in texts if LEADER.search(text)}
    headed = next((i for i, text in texts[:3] if CONTENTS.fullmatch(text)), None)
    if headed is not None:
        numbered = {i for i, text in texts if re.search(r"\s\d{1,4}$", text)}
        if len(numbered | found) >= 3:
            found |= numbered | {headed}
    return found


def _heading_level(item: PdfText, body: float, sizes: list[float]) -> int:
    """0 for body text; else the heading's level: its type's rank among the document's heading sizes."""
    words = len(item.text.split())
    text = item.text.strip()
    if words > HEADING_MAX_WORDS or re.search(r"[.,;]$", text) or DATE_LINE.fullmatch(text) or CAPTION.match(text):
        return 0
    if item.size >= body * HEADING_RATIO:
        return sizes.index(round(item.size)) + 1
    if item.bold and words <= BOLD_HEADING_MAX_WORDS and not PERSON_NAME.fullmatch(text):
        return len(sizes) + 1
    return 0


@dataclass
class _Tables:
    """The document's tables as its pages are read: how many tables and rows so far, and the last table of the page
    before when that page ended with it (its number, its width and its header row), which a table at the top of
    the next page goes on with when it is as wide."""

    count: int = 0
    rows: int = 0
    last: tuple[int, int, list[str]] | None = None
    at_top: bool = False  # the page being read starts with a table


@dataclass
class _Page:
    lines: list[Line]
    small: set[int]  # which lines are set in small type
    runs_on: bool = False  # its last line of text is a sentence that goes on over the page


def _lines_of_page(items: list[PdfText | PdfTable], body: float, sizes: list[float], tables: _Tables) -> _Page:
    """A page's lines: a blank line where the gap says a paragraph ends, a line break where a line ends short of
    the margin (an address, a title page), a wrap where it runs to it."""
    steps = sorted(b.top - a.top for a, b in zip(items, items[1:], strict=False) if b.top > a.top)
    usual = steps[len(steps) // 2] if steps else 0
    texts = [item for item in items if isinstance(item, PdfText)]
    full = max((item.right for item in texts), default=0)
    left = min((item.left for item in texts), default=0)
    page = _Page([], set())
    for i, item in enumerate(items):
        prev = items[i - 1] if i else None
        both = isinstance(prev, PdfText) and isinstance(item, PdfText)
        ended = both and (_ends_short(prev, item, full, left) or prev.columns or item.columns)
        gap = prev and usual and item.top - prev.top > 1.5 * usual or ended and re.search(SENTENCE_END, prev.text)
        if gap and page.lines and page.lines[-1].text:  # one blank line: more would read as a page break
            page.lines.append(Line(""))
        if isinstance(item, PdfTable):
            page.lines += _table_lines(item, tables)
            continue
        level = _heading_level(item, body, sizes)
        if level and item.size < body * HEADING_RATIO and _in_bold_paragraph(items, i, full, left):
            level = 0  # a paragraph set in bold (a recommendation), not a heading
        if not level and item.size <= body * SMALL_RATIO:
            page.small.add(len(page.lines))
        wrapped = False if ended else (True if both and prev.right + 2 * prev.size > full else None)
        page.lines.append(Line(item.text, Role.HEADING, level) if level else Line(item.text, wrapped=wrapped))
    _prose_set_large(page.lines)
    running = [t for t in texts if t.size > body * SMALL_RATIO and not _heading_level(t, body, sizes)]
    # A sentence goes on over the page when its last line reaches the margin (a word of average width would not fit).
    page.runs_on = bool(running) and running[-1].right + 4 * running[-1].size > full \
        and not re.search(SENTENCE_END, running[-1].text)
    return page


def _in_bold_paragraph(items: list[PdfText | PdfTable], i: int, full: float, left: float) -> bool:
    """The bold line `items[i]` wraps into the next line or is wrapped into from the one before: it is part of a
    paragraph set in bold, as reports set their recommendations, not a heading (which ends short)."""
    def wraps(a: PdfText | PdfTable, b: PdfText | PdfTable) -> bool:
        return isinstance(a, PdfText) and isinstance(b, PdfText) and a.bold and b.bold and not a.columns \
            and b.top - a.top < 2 * a.size and not _ends_short(a, b, full, left)

    return (i + 1 < len(items) and wraps(items[i], items[i + 1])) or (i > 0 and wraps(items[i - 1], items[i]))


def _prose_set_large(lines: list[Line]) -> None:
    """Runs of more than HEADING_MAX_LINES heading lines of one level back to body text, in place."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].role is Role.HEADING and lines[j].level == lines[i].level:
            j += 1
        if j - i > HEADING_MAX_LINES:
            lines[i:j] = [Line(line.text) for line in lines[i:j]]
        i = max(j, i + 1)


def _ends_short(prev: PdfText, line: PdfText, full: float, left: float) -> bool:
    """Whether `prev` was ended on purpose: `line`'s first word would have fitted after it, and it stops well short of
    the margin (text wrapped by counting characters rather than by measuring them ends lines ragged)."""
    return prev.right + prev.size * 0.3 + line.first_word < full - 1 and prev.right < full - SHORT * (full - left)


def _table_lines(table: PdfTable, tables: _Tables) -> list[Line]:
    """A table's rows as cells; a table whose columns go on from the previous page's table keeps its number, and
    its header row (repeated at the top of the page) is a header row again."""
    width = len(table.rows[0]) if table.rows else 0
    last = tables.last
    same = last is not None and last[1] == width and tables.at_top
    table_id = last[0] if same and last else tables.count + 1
    tables.count = max(tables.count, table_id)
    header_text = last[2] if same and last else (table.rows[0] if table.rows else [])
    tables.last = (table_id, width, header_text)
    lines: list[Line] = []
    for r, row in enumerate(table.rows):
        tables.rows += 1
        header = row == header_text if same else r == 0
        lines += [Line(cell, Role.CELL, row=tables.rows, header=header, table=table_id) for cell in row]
    return lines


def _move_footnotes(pages: list[_Page]) -> list[list[Line]]:
    """Each page's footnotes (small type below its last line of text) after the page's text, or, when the page
    ends in the middle of a sentence, after the paragraph the next page finishes it with."""
    out: list[list[Line]] = []
    carried: list[Line] = []
    for p, page in enumerate(pages):
        lines, small = page.lines, page.small
        tail = [i for i in sorted(small) if all(j in small or not lines[j].text for j in range(i, len(lines)))]
        notes = [lines[i] for i in tail]
        body = [line for i, line in enumerate(lines) if i not in tail]
        if carried:
            gap = next((i for i, line in enumerate(body) if i and not line.text), len(body))
            body = body[:gap] + [Line("")] + carried + [Line("")] + body[gap:]
            carried = []
        following = next((line for line in pages[p + 1].lines if line.text), None) if p + 1 < len(pages) else None
        if notes and page.runs_on and following and following.role is Role.BODY:
            carried = notes
        elif notes:
            body += [Line("")] + notes
        out.append(body)
    return out


def pdf_lines(data: bytes) -> list[list[Line]]:
    """Each page's lines, their roles read from type and rulings, page furniture and contents lines left out."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        first = _body_size(pdf)
        pages = [page_items(page, first) for page in pdf.pages]
    body = _text_size(pages, first)
    furniture = _furniture(pages, body)
    pages = [[item for i, item in enumerate(items) if (p, i) not in furniture and i not in contents]
             for p, items in enumerate(pages) for contents in [_contents(items)]]
    sizes = sorted({round(t.size) for items in pages for t in items
                    if isinstance(t, PdfText) and t.size >= body * HEADING_RATIO}, reverse=True)
    tables = _Tables()
    read: list[_Page] = []
    for items in pages:
        tables.at_top = bool(items) and isinstance(items[0], PdfTable)
        read.append(_lines_of_page(items, body, sizes, tables))
        if items and not isinstance(items[-1], PdfTable):
            tables.last = None
    _title_levels(read)
    return _move_footnotes(read)


def _title_levels(pages: list[_Page]) -> None:
    """The first page's headings in type larger than any heading after it are the title (level 0 or less, keeping
    their order), not a section."""
    later = [line.level for page in pages[1:] for line in page.lines if line.role is Role.HEADING]
    if not pages or not later:
        return
    top = min(later)
    pages[0].lines = [replace(line, level=line.level - top + 1) if line.role is Role.HEADING and line.level < top else line
                      for line in pages[0].lines]
