"""Read a Word document as lines with their roles, in the order Word shows them: a paragraph styled as a heading
("Heading 2") is a heading of that level, the title's styles ("Title", "Subtitle") the document's own title, and a
table's rows are rows of cells, its first row the header.

Word paragraphs are paragraphs, except the short unpunctuated ones of a letterhead and address before "Dear …",
which are lines of one block.
"""

from __future__ import annotations

import re

from index.layout import Line, Role

HEADING_STYLE = re.compile(r"Heading\s*(\d)", re.I)
TITLE_STYLES = {"title": -1, "subtitle": 0}  # the document's own title: no section (index.layout.Heading)
ADDRESS_LINE = 60  # characters: a letterhead's or an address's line is shorter


def _paragraph_lines(paragraph, prev: str, in_header: bool) -> list[Line]:
    text = paragraph.text
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    heading = HEADING_STYLE.match(style)
    level = int(heading.group(1)) if heading else TITLE_STYLES.get(style.lower())
    if level is not None and text.strip():
        return [Line(""), Line(" ".join(text.split()), Role.HEADING, level)]
    short = in_header and 0 < len(prev) < ADDRESS_LINE and 0 < len(text.strip()) < ADDRESS_LINE \
        and not re.search(r"[.!?:;]$", prev)
    return ([] if short else [Line("")]) + [Line(line) for line in text.split("\n")]


def _table_lines(table, table_id: int, first_row: int) -> list[Line]:
    """A table's rows, each cell once (a merged cell spans several grid columns), the first row its header. A cell
    merged down several rows is read in each of them, as Word shows it to each."""
    lines: list[Line] = []
    for r, row in enumerate(table.rows):
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(cell.text.split())  # an empty cell still holds its column's place
            lines.append(Line(text, Role.CELL, row=first_row + r, header=r == 0, table=table_id))
    return lines


def docx_lines(document) -> list[Line]:
    """The document's lines, paragraphs and tables in their order."""
    from docx.table import Table

    lines: list[Line] = []
    prev, in_header, rows, tables = "", True, 0, 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            tables += 1
            lines += [Line("")] + _table_lines(block, tables, rows) + [Line("")]
            rows += len(block.rows)
            prev = ""
            continue
        lines += _paragraph_lines(block, prev, in_header)
        if re.match(r"Dear\b", block.text.strip()):
            in_header = False
        prev = block.text.strip()
    # One blank line between paragraphs, whatever empty paragraphs Word keeps: more would read as a page break.
    return [line for i, line in enumerate(lines) if line.text.strip() or (i and lines[i - 1].text.strip())]
