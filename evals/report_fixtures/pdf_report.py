"""Lay out a PDF report (reportlab platypus) from its data file (youth_justice_review.yaml, surface_water_review.yaml,
wyvernham_review.yaml).

Title page, contents with dotted leaders, running header and footer ("Page N of M") on every later page,
chapters on new pages, footnotes at the foot of the page that cites them, a table, two figures,
recommendations in shaded boxes and an action plan that runs over a page break. A report's `house:` entry
(pdf_styles.House) changes the type family, colours, page furniture and chapter breaks.
"""

from __future__ import annotations

import io
from pathlib import Path

import pdf_parts as parts
from pdf_styles import DEFAULT_HOUSE, House, Styles, house_of, make_styles, table_of_contents
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate

# The blocks that a body item {insert: name} places, each built from the report's entry of that name.
INSERTS = {
    "table1": lambda report, styles, house: parts.table1(report["table1"], styles, house),
    "table2": lambda report, styles, house: parts.table1(report["table2"], styles, house),
    "figure1": lambda report, styles, house: [KeepTogether(parts.figure1(report["figure1"], styles))],
    "figure2": lambda report, styles, house: [KeepTogether(parts.figure2(report["figure2"], styles))],
    "recommendations": lambda report, styles, house: parts.recommendations(report["recommendations"], styles),
    "actions": lambda report, styles, house: parts.actions(report["actions"], styles, house),
}


class ReviewDoc(SimpleDocTemplate):
    """Feeds H1/H2 headings to the contents and draws each page's footnotes after its flowables."""

    def setup(self, report: dict, styles: Styles, notes_on_page: dict[int, list[int]], total_pages: int,
              house: House):
        self.report, self.styles, self.notes_on_page, self.total_pages = report, styles, notes_on_page, total_pages
        self.house = house

    def beforeDocument(self):
        self.notes_on_page.clear()

    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name in ("H1", "H2"):
            level = 0 if flowable.style.name == "H1" else 1
            self.notify("TOCEntry", (level, flowable.getPlainText(), self.page))

    def afterPage(self):
        notes = self.notes_on_page.get(self.canv.getPageNumber(), [])
        if notes:
            self.draw_footnotes(notes)

    def draw_footnotes(self, notes: list[int]):
        """A short rule, then the notes stacked up from just above the footer."""
        canv = self.canv
        width = A4[0] - self.leftMargin - self.rightMargin
        paras = [Paragraph(f"<super>{n}</super> {self.report['footnotes'][n]}", self.styles["footnote"])
                 for n in notes]
        heights = [p.wrap(width, 200)[1] for p in paras]
        y = 1.55 * cm + sum(heights) + 3 * (len(paras) - 1)
        canv.saveState()
        canv.setStrokeColor(colors.grey)
        canv.setLineWidth(0.5)
        canv.line(self.leftMargin, y + 5, self.leftMargin + 5 * cm, y + 5)
        canv.restoreState()
        for p, h in zip(paras, heights, strict=True):
            y -= h
            p.drawOn(canv, self.leftMargin, y)
            y -= 3


def first_page(canv, doc):
    if not doc.house.band:
        return
    canv.saveState()
    canv.setFillColor(doc.house.accent)
    canv.rect(0, A4[1] - 1.2 * cm, A4[0], 1.2 * cm, stroke=0, fill=1)
    canv.restoreState()


def later_pages(canv, doc):
    house = doc.house
    canv.saveState()
    canv.setFont(house.regular, 8.5)
    canv.setFillColor(colors.grey)
    top = A4[1] - 1.3 * cm
    canv.drawString(doc.leftMargin, top, doc.report["short_title"])
    if house.header_right:
        canv.drawRightString(A4[0] - doc.rightMargin, top, house.header_right)
    canv.setStrokeColor(colors.lightgrey)
    canv.line(doc.leftMargin, top - 4, A4[0] - doc.rightMargin, top - 4)
    if house.footer_left:
        canv.drawString(doc.leftMargin, 0.9 * cm, house.footer_left)
    total = doc.total_pages or "?"
    label = house.page_label.format(n=canv.getPageNumber(), total=total)
    if house.page_align == "centre":
        canv.drawCentredString(A4[0] / 2, 0.9 * cm, label)
    else:
        canv.drawRightString(A4[0] - doc.rightMargin, 0.9 * cm, label)
    canv.restoreState()


def body_item(item: dict, report: dict, styles: Styles, notes_on_page: dict[int, list[int]],
              house: House = DEFAULT_HOUSE) -> list:
    """The flowables for one body item:
    {h1|h2|h3|p|np|rec|labelled|list|bullets|sign|definitions|newpage|insert: value}."""
    ((kind, value),) = item.items()
    if kind == "h1":
        heading = Paragraph(value, styles["H1"])
        return [PageBreak(), heading] if house.chapter_breaks else [heading]
    if kind == "newpage":
        return [PageBreak()]
    if kind in ("h2", "h3"):
        return [Paragraph(value, styles[kind.upper()])]
    if kind == "p":
        return [parts.para(value, styles, notes_on_page)]
    if kind == "np":
        return [parts.para(value["text"], styles, notes_on_page, "numbered", label=str(value["n"]))]
    if kind == "rec":  # a recommendation is never split over a page break
        return [KeepTogether([parts.para(value["text"], styles, notes_on_page, "recnum", label=str(value["n"]))])]
    if kind == "labelled":
        return parts.labelled(value, styles, notes_on_page)
    if kind == "list":
        return parts.labelled_list(value, styles, notes_on_page)
    if kind == "bullets":
        return [parts.bullets(value, styles)]
    if kind == "sign":
        return parts.signature(value, styles)
    if kind == "definitions":
        return parts.definitions(value, styles)
    if kind == "insert":
        return INSERTS[value](report, styles, house)
    raise ValueError(kind)


def paragraph_text(item: dict) -> str:
    """The text of a paragraph item (p, np, rec, labelled or list), where footnotes are cited; "" for any other."""
    if "p" in item:
        return item["p"]
    if "list" in item:
        return " ".join(entry["text"] for entry in item["list"])
    value = item.get("np") or item.get("rec") or item.get("labelled")
    return value["text"] if value else ""


def story(report: dict, styles: Styles, notes_on_page: dict[int, list[int]], house: House = DEFAULT_HOUSE) -> list:
    s = parts.title_page(report["title_page"], styles)
    s.append(PageBreak())
    s += [Paragraph("Contents", styles["toc_title"]), table_of_contents(styles["body"], house)]
    for item in report["body"]:
        s += body_item(item, report, styles, notes_on_page, house)
    return s


def make(target, report: dict, styles: Styles, total_pages: int, house: House = DEFAULT_HOUSE) -> int:
    """One multi-pass build; returns the number of pages."""
    doc = ReviewDoc(target, pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm, topMargin=2.4 * cm,
                    bottomMargin=3.6 * cm, title=report["short_title"], author=report["author"],
                    subject=report["subject"], invariant=1)
    notes_on_page: dict[int, list[int]] = {}
    doc.setup(report, styles, notes_on_page, total_pages, house)
    doc.multiBuild(story(report, styles, notes_on_page, house), onFirstPage=first_page, onLaterPages=later_pages)
    return doc.page


def build_pdf(report: dict, path: Path) -> int:
    """Write the PDF to path; returns the number of pages."""
    house = house_of(report)
    styles = make_styles(house)
    # Footnotes are numbered in reading order.
    order = [n for item in report["body"] for n in parts.footnotes_in(paragraph_text(item))]
    assert order == sorted(report["footnotes"]), order

    total_pages = make(io.BytesIO(), report, styles, 0, house)  # first build: count the pages for "Page N of M"
    pages = make(str(path), report, styles, total_pages, house)
    assert pages == total_pages, (pages, total_pages)
    return pages
