"""A document's structure beside its canonical text: the headings, and the rows of its tables.

A reader that knows the structure (PDF fonts and rulings, Word styles, HTML tags, Markdown marks) gives the
canonicaliser `Line`s with a role; the canonicaliser keeps each heading a block of its own and each table row a
block whose cells are its lines, and records where they landed (`Layout`). Everything downstream finds the
structure by offset: the heading path of a quote (`section_at`), a row's cells and its table's header row.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from enum import StrEnum

SECTION_PATH = " › "  # between the headings of a section path


class Role(StrEnum):
    BODY = "body"
    HEADING = "heading"
    CELL = "cell"


@dataclass(frozen=True)
class Line:
    """A line of a document as its reader found it. A blank BODY line is a paragraph gap."""

    text: str
    role: Role = Role.BODY
    level: int = 0  # a heading's level, 1 the highest
    row: int | None = None  # a cell's row: cells of one row share it, rows of a document never reuse it
    header: bool = False  # a cell of a table's header row
    table: int | None = None  # a cell's table: a table that runs over a page break keeps one number
    # Whether the line before it ran on into it: True when the reader saw it run to the margin (a wrap), False when
    # it ended where this line's first word would have fitted (a line break); None when the format cannot tell.
    wrapped: bool | None = None


@dataclass(frozen=True)
class Heading:
    start: int
    end: int
    level: int  # 1 the highest; 0 or less the document's own title, which is no section


@dataclass(frozen=True)
class TableRow:
    start: int
    end: int
    cells: tuple[tuple[int, int], ...]
    header: int | None  # start of its table's header row; None for a header row, or a table without one


@dataclass(frozen=True)
class Layout:
    headings: tuple[Heading, ...] = ()
    rows: tuple[TableRow, ...] = ()

    def to_json(self) -> str:
        return json.dumps({
            "headings": [[h.start, h.end, h.level] for h in self.headings],
            "rows": [[r.start, r.end, [list(c) for c in r.cells], r.header] for r in self.rows],
        })

    @classmethod
    def from_json(cls, data: str | None) -> Layout:
        if not data:
            return cls()
        raw = json.loads(data)
        return cls(
            tuple(Heading(*h) for h in raw["headings"]),
            tuple(TableRow(s, e, tuple(tuple(c) for c in cells), header) for s, e, cells, header in raw["rows"]),
        )

    def heading_path(self, offset: int) -> list[Heading]:
        """The headings `offset` sits under, outermost first: the last heading of each level above it."""
        before = self.headings[: bisect_right([h.start for h in self.headings], offset)]
        path: list[Heading] = []
        for heading in before:
            while path and path[-1].level >= heading.level:
                path.pop()
            path.append(heading)
        return path

    def section_at(self, text: str, offset: int) -> str | None:
        """The heading path of `offset` as one line ("3. Findings › 3.2 Placements"); None outside any section."""
        path = [text[h.start : h.end] for h in self.heading_path(offset) if h.start != offset and h.level > 0]
        return SECTION_PATH.join(path) or None

    def row_at(self, offset: int) -> TableRow | None:
        return next((r for r in self.rows if r.start <= offset < r.end), None)

    def header_of(self, row: TableRow) -> TableRow | None:
        return next((r for r in self.rows if r.start == row.header), None) if row.header is not None else None

    def named_cells(self, text: str, offset: int) -> tuple[TableRow, list[tuple[str, str]]] | None:
        """The row at `offset` and its cells, each with the name its header row gives its column; None when
        `offset` is in no row under a header of as many cells."""
        row = self.row_at(offset)
        header = self.header_of(row) if row else None
        if not row or not header or len(header.cells) != len(row.cells):
            return None
        return row, [(text[hs:he], text[s:e]) for (hs, he), (s, e) in zip(header.cells, row.cells, strict=True)]
