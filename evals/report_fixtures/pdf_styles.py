"""The PDF report's house style: paragraph styles, colours and the contents' layout."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

NAVY = colors.HexColor("#1d3557")
PALE = colors.HexColor("#e8eef5")

Styles = dict[str, ParagraphStyle]


def make_styles() -> Styles:
    """Every paragraph style the builders use, by name; "H1" and "H2" feed the contents."""
    base = getSampleStyleSheet()
    body = ParagraphStyle("Body", parent=base["Normal"], fontName="Helvetica", fontSize=11, leading=15.5,
                          spaceAfter=8)
    return {"body": body, **_text_styles(body), **_block_styles(body), **_title_styles(body)}


def _text_styles(body: ParagraphStyle) -> Styles:
    return {
        "H1": ParagraphStyle("H1", parent=body, fontName="Helvetica-Bold", fontSize=17, leading=21,
                             textColor=NAVY, spaceBefore=0, spaceAfter=14, keepWithNext=1),
        "H2": ParagraphStyle("H2", parent=body, fontName="Helvetica-Bold", fontSize=12.5, leading=16,
                             textColor=NAVY, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "H3": ParagraphStyle("H3", parent=body, fontName="Helvetica-Bold", fontSize=11, leading=15,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "bullet": ParagraphStyle("Bullet", parent=body, spaceAfter=4),
        "footnote": ParagraphStyle("Footnote", parent=body, fontSize=7.5, leading=9.5, spaceAfter=0),
        "line": ParagraphStyle("Line", parent=body, fontSize=12, leading=17, spaceAfter=4),
        "small": ParagraphStyle("Small", parent=body, fontSize=8.5, leading=11, textColor=colors.grey),
        # Numbered paragraphs ("3.4 ...") and recommendations set as numbered paragraphs ("R4 ..."):
        # the label hangs in the left margin of the text.
        "numbered": ParagraphStyle("Numbered", parent=body, leftIndent=1.2 * cm, bulletIndent=0,
                                   bulletFontName="Helvetica", bulletFontSize=11),
        "recnum": ParagraphStyle("RecNum", parent=body, fontName="Helvetica-Bold", leftIndent=1.2 * cm,
                                 bulletIndent=0, bulletFontName="Helvetica-Bold", bulletFontSize=11,
                                 spaceBefore=4, spaceAfter=10),
    }


def _block_styles(body: ParagraphStyle) -> Styles:
    return {
        "caption": ParagraphStyle("Caption", parent=body, fontName="Helvetica-Bold", fontSize=9.5, leading=12,
                                  spaceBefore=4, spaceAfter=10),
        "source": ParagraphStyle("Source", parent=body, fontSize=8.5, leading=11, textColor=colors.grey),
        "cell": ParagraphStyle("Cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "cellhead": ParagraphStyle("CellHead", parent=body, fontName="Helvetica-Bold", fontSize=9, leading=11.5,
                                   spaceAfter=0, textColor=colors.white),
        "rec": ParagraphStyle("Rec", parent=body, backColor=PALE, borderColor=NAVY, borderWidth=0.6,
                              borderPadding=7, spaceBefore=10, spaceAfter=12, leftIndent=7, rightIndent=7),
        "why": ParagraphStyle("Why", parent=body, fontName="Helvetica-Oblique", fontSize=10, leading=14,
                              leftIndent=7, spaceAfter=6),
    }


def _title_styles(body: ParagraphStyle) -> Styles:
    return {
        "title": ParagraphStyle("Title", parent=body, fontName="Helvetica-Bold", fontSize=28, leading=34,
                                textColor=NAVY, spaceAfter=18),
        "subtitle": ParagraphStyle("Subtitle", parent=body, fontName="Helvetica", fontSize=20, leading=26,
                                   textColor=NAVY, spaceAfter=10),
        "date": ParagraphStyle("Date", parent=body, fontSize=14, leading=18, spaceAfter=40),
        "toc_title": ParagraphStyle("TocTitle", parent=body, fontName="Helvetica-Bold", fontSize=17, leading=21,
                                    textColor=NAVY, spaceAfter=14),
    }


def table_of_contents(body: ParagraphStyle) -> TableOfContents:
    """Chapters in bold, sections indented, dotted leaders to the page numbers."""
    toc = TableOfContents(dotsMinLevel=0)
    toc.tableStyle = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    toc.levelStyles = [
        ParagraphStyle("TOC0", parent=body, fontName="Helvetica-Bold", fontSize=10.5, leading=14,
                       leftIndent=0, firstLineIndent=0, spaceBefore=5, spaceAfter=0),
        ParagraphStyle("TOC1", parent=body, fontSize=10, leading=13, leftIndent=16, firstLineIndent=0,
                       spaceAfter=0),
    ]
    return toc


def grid_style() -> TableStyle:
    """Navy header row, grey rules, alternate rows shaded."""
    return TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, PALE]),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ])
