"""The PDF report's house style: paragraph styles, colours, type family, page furniture and the contents' layout.

The defaults are the first PDF's style; a report's optional `house:` entry changes them (see `House`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

NAVY = colors.HexColor("#1d3557")
PALE = colors.HexColor("#e8eef5")

Styles = dict[str, ParagraphStyle]

# A type family's regular, bold and italic faces (reportlab's standard fonts).
FAMILIES = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
}


@dataclass(frozen=True)
class House:
    """A report's house style, from its optional `house:` entry; every default is the first PDF's."""

    font: str = "Helvetica"  # a key of FAMILIES
    accent: colors.Color = NAVY  # headings, the table header row, the title page's band
    shade: colors.Color = PALE  # alternate table rows, recommendation boxes
    band: bool = True  # a band of the accent colour across the top of the title page
    header_right: str = "OFFICIAL"  # the running header: the short title on the left, this on the right
    footer_left: str = "OFFICIAL"
    page_label: str = "Page {n} of {total}"  # the page number in the footer
    page_align: str = "right"  # where the page number stands: "right" or "centre"
    chapter_breaks: bool = True  # each h1 starts a new page (else only a `newpage` item does)

    @property
    def regular(self) -> str:
        return FAMILIES[self.font][0]

    @property
    def bold(self) -> str:
        return FAMILIES[self.font][1]

    @property
    def italic(self) -> str:
        return FAMILIES[self.font][2]


DEFAULT_HOUSE = House()


def house_of(report: dict) -> House:
    """The report's house style: its `house:` entry (colours as "#rrggbb") over the defaults."""
    given = dict(report.get("house") or {})
    for key in ("accent", "shade"):
        if key in given:
            given[key] = colors.HexColor(given[key])
    return House(**given)


def make_styles(house: House = DEFAULT_HOUSE) -> Styles:
    """Every paragraph style the builders use, by name; "H1" and "H2" feed the contents."""
    base = getSampleStyleSheet()
    body = ParagraphStyle("Body", parent=base["Normal"], fontName=house.regular, fontSize=11, leading=15.5,
                          spaceAfter=8)
    return {"body": body, **_text_styles(body, house), **_block_styles(body, house), **_title_styles(body, house)}


def _text_styles(body: ParagraphStyle, house: House) -> Styles:
    return {
        "H1": ParagraphStyle("H1", parent=body, fontName=house.bold, fontSize=17, leading=21,
                             textColor=house.accent, spaceBefore=0, spaceAfter=14, keepWithNext=1),
        "H2": ParagraphStyle("H2", parent=body, fontName=house.bold, fontSize=12.5, leading=16,
                             textColor=house.accent, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "H3": ParagraphStyle("H3", parent=body, fontName=house.bold, fontSize=11, leading=15,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "bullet": ParagraphStyle("Bullet", parent=body, spaceAfter=4),
        "footnote": ParagraphStyle("Footnote", parent=body, fontSize=7.5, leading=9.5, spaceAfter=0),
        "line": ParagraphStyle("Line", parent=body, fontSize=12, leading=17, spaceAfter=4),
        "small": ParagraphStyle("Small", parent=body, fontSize=8.5, leading=11, textColor=colors.grey),
        # Numbered paragraphs ("3.4 ...") and recommendations set as numbered paragraphs ("R4 ..."):
        # the label hangs in the left margin of the text.
        "numbered": ParagraphStyle("Numbered", parent=body, leftIndent=1.2 * cm, bulletIndent=0,
                                   bulletFontName=house.regular, bulletFontSize=11),
        "recnum": ParagraphStyle("RecNum", parent=body, fontName=house.bold, leftIndent=1.2 * cm,
                                 bulletIndent=0, bulletFontName=house.bold, bulletFontSize=11,
                                 spaceBefore=4, spaceAfter=10),
        # A list whose items carry their own labels ("1", "(a)"), indented under a numbered paragraph's text.
        "listitem": ParagraphStyle("ListItem", parent=body, leftIndent=2.0 * cm, bulletIndent=1.2 * cm,
                                   bulletFontName=house.regular, bulletFontSize=11, spaceAfter=4),
        # A bold label on a line of its own ("Recommendation 4"), kept with the paragraph under it.
        "label": ParagraphStyle("Label", parent=body, fontName=house.bold, spaceBefore=6, spaceAfter=3,
                                keepWithNext=1),
    }


def _block_styles(body: ParagraphStyle, house: House) -> Styles:
    return {
        "caption": ParagraphStyle("Caption", parent=body, fontName=house.bold, fontSize=9.5, leading=12,
                                  spaceBefore=4, spaceAfter=10),
        "source": ParagraphStyle("Source", parent=body, fontSize=8.5, leading=11, textColor=colors.grey),
        "cell": ParagraphStyle("Cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        "cellhead": ParagraphStyle("CellHead", parent=body, fontName=house.bold, fontSize=9, leading=11.5,
                                   spaceAfter=0, textColor=colors.white),
        "rec": ParagraphStyle("Rec", parent=body, backColor=house.shade, borderColor=house.accent, borderWidth=0.6,
                              borderPadding=7, spaceBefore=10, spaceAfter=12, leftIndent=7, rightIndent=7),
        "why": ParagraphStyle("Why", parent=body, fontName=house.italic, fontSize=10, leading=14,
                              leftIndent=7, spaceAfter=6),
    }


def _title_styles(body: ParagraphStyle, house: House) -> Styles:
    return {
        "title": ParagraphStyle("Title", parent=body, fontName=house.bold, fontSize=28, leading=34,
                                textColor=house.accent, spaceAfter=18),
        "subtitle": ParagraphStyle("Subtitle", parent=body, fontName=house.regular, fontSize=20, leading=26,
                                   textColor=house.accent, spaceAfter=10),
        "date": ParagraphStyle("Date", parent=body, fontSize=14, leading=18, spaceAfter=40),
        "toc_title": ParagraphStyle("TocTitle", parent=body, fontName=house.bold, fontSize=17, leading=21,
                                    textColor=house.accent, spaceAfter=14),
    }


def table_of_contents(body: ParagraphStyle, house: House = DEFAULT_HOUSE) -> TableOfContents:
    """Chapters in bold, sections indented, dotted leaders to the page numbers."""
    toc = TableOfContents(dotsMinLevel=0)
    toc.tableStyle = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
    toc.levelStyles = [
        ParagraphStyle("TOC0", parent=body, fontName=house.bold, fontSize=10.5, leading=14,
                       leftIndent=0, firstLineIndent=0, spaceBefore=5, spaceAfter=0),
        ParagraphStyle("TOC1", parent=body, fontSize=10, leading=13, leftIndent=16, firstLineIndent=0,
                       spaceAfter=0),
    ]
    return toc


def grid_style(house: House = DEFAULT_HOUSE) -> TableStyle:
    """Header row in the accent colour (navy), grey rules, alternate rows shaded."""
    return TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), house.accent),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, house.shade]),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ])
