"""One PDF page as its lines of text and its tables, top to bottom, with what the type and the layout say of each.

A ruled table is found by its rules (pdfplumber); a table drawn without rules by its columns: consecutive lines
split by gaps wider than prose has, their cells placed under the columns of the first (the header row). A line
that only continues a cell of the row above (a wrapped action) is joined to that cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.canonical import BULLET

SMALL_RATIO = 0.85  # footnotes and reference marks are set this much smaller than the body
MARGIN = 0.08  # of the page's height, at its top and at its foot: where running headers and footers are
MARKS = set("0123456789*†‡§")
WORD_GAP = 0.15  # of the type size: a gap between two letters this wide separates words
COLUMN_GAP = 1.0  # of the type size: a gap between words this wide separates columns
# A paragraph's or recommendation's number hung in the margin before its first line: "4.9", "R5", "12.", "(b)".
HUNG_LABEL = re.compile(r"(?:[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*\.?|\((?:[a-z]|[ivx]+|\d{1,2})\))")


@dataclass(frozen=True)
class PdfText:
    """A line of a page's text with what its type says."""

    text: str
    top: float
    size: float
    bold: bool
    left: float
    right: float
    first_word: float  # how wide its first word is
    cells: tuple[tuple[float, str], ...]  # its pieces between column gaps, each with where it starts
    margin: bool  # in the top or bottom margin of its page

    @property
    def columns(self) -> bool:
        """A gap between two of its words wider than prose has: a row of a table drawn without rules."""
        return len(self.cells) > 1


@dataclass(frozen=True)
class PdfTable:
    top: float
    rows: list[list[str]]


def _is_superscript(char: dict, chars: list[dict], body: float) -> bool:
    """A footnote reference: a small mark set right after a full-size character, above its baseline."""
    if char["text"] not in MARKS or char["size"] > body * SMALL_RATIO:
        return False
    return any(
        abs(other["x1"] - char["x0"]) < 1.5 and other["size"] > body * SMALL_RATIO
        and other["top"] - other["size"] < char["top"] < other["bottom"] and char["bottom"] < other["bottom"]
        for other in chars
    )


def _first_word(chars: list[dict]) -> float:
    """Where a line's first word ends: at a space, or at a gap between letters (PDFs often draw no spaces)."""
    for char, after in zip(chars, chars[1:], strict=False):
        if not after["text"].strip() or after["x0"] - char["x1"] > char["size"] * WORD_GAP:
            return char["x1"]
    return chars[-1]["x1"] if chars else 0.0


def _words(chars: list[dict]) -> str:
    out: list[str] = []
    for i, char in enumerate(chars):
        gap = i and char["x0"] - chars[i - 1]["x1"] > chars[i - 1]["size"] * WORD_GAP
        out.append(" " if gap or not char["text"].strip() else "")
        out.append(char["text"].strip())
    return " ".join("".join(out).split())


def _cells(chars: list[dict]) -> tuple[tuple[float, str], ...]:
    """A line's pieces between column gaps, each with its left edge; a list's bullet or number stays with its item,
    as does a paragraph's number hung in the margin before the only other piece."""
    pieces: list[list[dict]] = [[]]
    for i, char in enumerate(chars):
        if i and char["x0"] - chars[i - 1]["x1"] > COLUMN_GAP * chars[i - 1]["size"]:
            pieces.append([])
        pieces[-1].append(char)
    found = [(piece[0]["x0"], _words(piece)) for piece in pieces if _words(piece)]
    hung = len(found) == 2 and HUNG_LABEL.fullmatch(found[0][1])
    if len(found) > 1 and ("(cid:" in found[0][1] or BULLET.match(found[0][1] + " ") or hung):
        found[:2] = [(found[0][0], found[0][1] + " " + found[1][1])]
    return tuple(found)


def _unruled_tables(items: list[PdfText | PdfTable]) -> list[PdfText | PdfTable]:
    """Runs of lines in columns (a header and at least one row) as tables; every other item as it was."""
    out: list[PdfText | PdfTable] = []
    i = 0
    while i < len(items):
        head = items[i]
        if not (isinstance(head, PdfText) and head.columns and not head.margin):
            out.append(head)
            i += 1
            continue
        starts = [x for x, _ in head.cells]
        rows: list[list[str]] = []
        j = i + 1
        while j < len(items) and isinstance(items[j], PdfText) and not items[j].margin:
            row = _placed(items[j], starts, continues=bool(rows))  # type: ignore[arg-type]
            if row is None:
                break
            if row[0] or not rows:
                rows.append(row)
            else:  # a wrapped cell of the row above
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], row, strict=True)]
            j += 1
        if rows:
            out.append(PdfTable(head.top, [[text for _, text in head.cells], *rows]))
            i = j
        else:
            out.append(head)
            i += 1
    return out


def _placed(line: PdfText, starts: list[float], continues: bool) -> list[str] | None:
    """The line's cells under the header's columns, or None when it is no row of the table: it is not in columns
    and does not continue a cell of the row above, or a piece of it starts left of the first column."""
    if not line.columns and not continues:
        return None
    row = [""] * len(starts)
    for x, text in line.cells:
        column = max((c for c, start in enumerate(starts) if start <= x + 2), default=None)
        if column is None:
            return None
        row[column] = f"{row[column]} {text}".strip()
    if not line.columns and (row[0] or line.left > starts[-1] + 2):
        return None  # a line of prose after the table, or one right of every column
    return row


def page_items(page, body: float) -> list[PdfText | PdfTable]:
    """A page's lines and tables, top to bottom; the words inside a ruled table only as its cells."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    chars = page.chars
    marks = {id(c) for c in chars if _is_superscript(c, chars, body)}

    def keep(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return True
        if id(obj) in marks:
            return False
        middle_x, middle_y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes)

    items: list[PdfText | PdfTable] = []
    for line in page.filter(keep).extract_text_lines(return_chars=True):
        sizes = [c["size"] for c in line["chars"] if c["text"].strip()]
        bold = all("bold" in c["fontname"].lower() for c in line["chars"] if c["text"].strip())
        text = re.sub(r"\(cid:\d+\)", "", re.sub(r"^\s*\(cid:\d+\)\s*", "• ", line["text"]))
        items.append(PdfText(text, line["top"], max(sizes, default=body), bold, line["x0"], line["x1"],
                             _first_word(line["chars"]) - line["x0"], _cells(line["chars"]),
                             not MARGIN < line["top"] / page.height < 1 - MARGIN))
    for table in tables:
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        items.append(PdfTable(table.bbox[1], [row for row in rows if any(row)]))
    return _unruled_tables(sorted(items, key=lambda item: item.top))
