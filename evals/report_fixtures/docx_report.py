"""Lay out the DOCX report (python-docx) from its data file, harrowfield_review.yaml.

Word "Title"/"Subtitle" front matter, "Heading 1"/"Heading 2" headings, body paragraphs numbered by typed
numbers ("12.<tab>…"), "R1." recommendations with a bold label and Word tables with a shaded header row.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor


def new_document(report: dict) -> Document:
    """A4, Arial 11, fixed core properties and the running header."""
    document = docx.Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)

    props = document.core_properties
    for name, value in report["properties"].items():
        setattr(props, name, value)
    props.created = props.modified = report["date"]
    props.revision = 1

    header = section.header.paragraphs[0]
    header.text = report["page_header"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return document


def shade(cell, hex_fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def table(document: Document, header_cells: list[str], rows: list[list[str]], widths_cm: list[float]):
    """A "Table Grid" table with a bold white-on-green header row."""
    t = document.add_table(rows=1, cols=len(header_cells))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(t.rows[0].cells, header_cells, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        shade(cell, "2F5233")
    for row in rows:
        cells = t.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for row in t.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)
    return t


def hanging(paragraph) -> None:
    """Number or label at the margin, text indented 1 cm after a tab."""
    paragraph.paragraph_format.left_indent = Cm(1.0)
    paragraph.paragraph_format.first_line_indent = Cm(-1.0)


def add_front(document: Document, front: list[dict]) -> None:
    """Title-page paragraphs, each {Word style: text}, then a page break."""
    for item in front:
        ((style, text),) = item.items()
        p = document.add_paragraph(text, style=style)
        if style == "Normal":
            p.paragraph_format.space_after = Pt(2)
    document.add_page_break()


def insert(document: Document, report: dict, name: str) -> None:
    """The blocks a body item {insert: name} places."""
    if name == "page break":
        document.add_page_break()
    elif name == "table1":
        document.add_paragraph(report["table1"]["caption"], style="Caption")
        table(document, report["table1"]["header"], report["table1"]["rows"], [4.0, 3.0, 5.0, 3.0])
        document.add_paragraph("")
    elif name == "recommendations":
        for rec in report["recommendations"]:
            p = document.add_paragraph()
            hanging(p)
            p.add_run(rec["label"]).bold = True
            p.add_run("\t" + rec["text"])
    elif name == "actions":
        header = report["actions"]["header"]
        rows = [[row[h] for h in header] for row in report["actions"]["rows"]]
        table(document, header, rows, [1.3, 6.2, 3.8, 2.7, 2.6])
    else:
        raise ValueError(name)


def add_body(document: Document, report: dict) -> None:
    """Body items {h1|h2|p|plain|bullets|insert: value}; "p" paragraphs are numbered 1., 2., … in order."""
    number = 0
    for item in report["body"]:
        ((kind, value),) = item.items()
        if kind in ("h1", "h2"):
            document.add_heading(value, level=int(kind[1]))
        elif kind == "p":
            number += 1
            hanging(document.add_paragraph(f"{number}.\t{value}"))
        elif kind == "plain":
            document.add_paragraph(value)
        elif kind == "bullets":
            for text in value:
                document.add_paragraph(text, style="List Bullet")
        elif kind == "insert":
            insert(document, report, value)
        else:
            raise ValueError(kind)


def save_reproducibly(document: Document, path: Path, date) -> None:
    """Rewrite the zip with fixed timestamps so that the file is byte-for-byte reproducible."""
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=date.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, src.read(info.filename))


def build_docx(report: dict, path: Path) -> None:
    document = new_document(report)
    add_front(document, report["front"])
    add_body(document, report)
    save_reproducibly(document, path, report["date"])
