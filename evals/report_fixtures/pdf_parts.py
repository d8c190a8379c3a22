"""The PDF report's building blocks: paragraphs with footnotes, lists, tables, figures, recommendations."""

from __future__ import annotations

import re

from pdf_styles import DEFAULT_HOUSE, NAVY, PALE, House, Styles, grid_style
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Paragraph, Spacer, Table, TableStyle

FOOTNOTE = re.compile(r"\{fn:(\d+)\}")


def markup(text: str) -> str:
    """Paragraph markup: footnote markers {fn:N} become superscript numbers."""
    return FOOTNOTE.sub(r"<super>\1</super>", text)


def footnotes_in(text: str) -> list[int]:
    return [int(n) for n in FOOTNOTE.findall(text)]


class FootnoteMark(Flowable):
    """Zero-size flowable that files its notes under the page it is drawn on."""

    def __init__(self, numbers, notes_on_page):
        super().__init__()
        self.numbers = numbers
        self.notes_on_page = notes_on_page
        self.width = self.height = 0

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.notes_on_page.setdefault(self.canv.getPageNumber(), []).extend(self.numbers)


def para(text: str, styles: Styles, notes_on_page: dict[int, list[int]], style: str = "body",
         label: str | None = None):
    """A paragraph; with a label ("3.4", "R4") it is a numbered paragraph, the label hanging to its left."""
    p = Paragraph(markup(text), styles[style], bulletText=label)
    notes = footnotes_in(text)
    # The mark goes first: it is drawn on the page where the paragraph starts.
    return KeepTogether([FootnoteMark(notes, notes_on_page), p]) if notes else p


def labelled_list(items: list[dict], styles: Styles, notes_on_page: dict[int, list[int]]) -> list:
    """A list whose items carry their own labels ({n: "1", text: ...}), indented under the body text."""
    return [para(item["text"], styles, notes_on_page, "listitem", label=str(item["n"])) for item in items]


def labelled(value: dict, styles: Styles, notes_on_page: dict[int, list[int]]) -> list:
    """A bold label on a line of its own ("Recommendation 4") and its paragraph, never split over a page."""
    return [KeepTogether([Paragraph(value["label"], styles["label"]), para(value["text"], styles, notes_on_page)])]


def bullets(items: list[str], styles: Styles) -> ListFlowable:
    return ListFlowable([ListItem(Paragraph(markup(t), styles["bullet"]), leftIndent=14) for t in items],
                        bulletType="bullet", start="•", leftIndent=14, bulletFontSize=9)


def signature(lines: list[str], styles: Styles) -> list:
    """The first line (the name) in bold, the rest in the larger line style."""
    return [Spacer(1, 10)] + [Paragraph(f"<b>{line}</b>" if i == 0 else line,
                                        styles["body"] if i == 0 else styles["line"])
                              for i, line in enumerate(lines)]


def definitions(items: list[dict], styles: Styles) -> list:
    return [Paragraph(f"<b>{item['term']}</b>: {item['text']}", styles["body"]) for item in items]


def title_page(items: list[dict], styles: Styles) -> list:
    """Each item is {style: text}, or {gap: points} for vertical space."""
    out = []
    for item in items:
        ((kind, value),) = item.items()
        out.append(Spacer(1, float(value)) if kind == "gap" else Paragraph(value, styles[kind]))
    return out


def grid(header: list[str], rows: list[list[str]], widths: list[float], styles: Styles, repeat=True,
         house: House = DEFAULT_HOUSE, cell_colours: dict[str, str] | None = None,
         colour_column: str | None = None) -> Table:
    """A ruled table; a cell whose whole text is a key of cell_colours ("Red", "Amber") is shaded that colour,
    in the column headed colour_column only when one is named."""
    data = [[Paragraph(h, styles["cellhead"]) for h in header]]
    data += [[Paragraph(c, styles["cell"]) for c in row] for row in rows]
    t = Table(data, colWidths=widths, repeatRows=1 if repeat else 0)
    t.setStyle(grid_style(house))
    if cell_colours:
        columns = [header.index(colour_column)] if colour_column else range(len(header))
        t.setStyle(TableStyle([("BACKGROUND", (c, r), (c, r), colors.HexColor(cell_colours[row[c]]))
                               for r, row in enumerate(rows, start=1) for c in columns if row[c] in cell_colours]))
    return t


def widths(table: dict, default: list[float]) -> list[float]:
    """The table's column widths: its own `widths` (in cm) when it gives them, else the default."""
    return [w * cm for w in table["widths"]] if "widths" in table else default


def table1(table: dict, styles: Styles, house: House = DEFAULT_HOUSE) -> list:
    w = widths(table, [2.4 * cm, 2.6 * cm, 3.0 * cm, 4.2 * cm, 3.6 * cm])
    t = grid(table["header"], table["rows"], w, styles, repeat=False, house=house)
    return [KeepTogether([Paragraph(table["caption"], styles["caption"]), t,
                          Paragraph(table["source"], styles["source"])]), Spacer(1, 8)]


def actions(table: dict, styles: Styles, house: House = DEFAULT_HOUSE) -> list:
    """The action plan: rows keyed by heading, run over pages with the header row repeated; its cells may be
    shaded by their text (`cell_colours`, in the column `colour_column`: e.g. a RAG status)."""
    w = widths(table, [1.1 * cm, 5.8 * cm, 3.5 * cm, 3.3 * cm, 2.9 * cm])
    rows = [[row[h] for h in table["header"]] for row in table["rows"]]
    return [grid(table["header"], rows, w, styles, house=house, cell_colours=table.get("cell_colours"),
                 colour_column=table.get("colour_column"))]


def recommendations(recs: list[dict], styles: Styles) -> list:
    return [KeepTogether([Paragraph(f"<b>{rec['label']}</b> {rec['text']}", styles["rec"]),
                          Paragraph(rec["why"], styles["why"])]) for rec in recs]


def figure1(figure: dict, styles: Styles) -> list:
    """Boxes: each commissioner on the left, what it commissions on the right."""
    d = Drawing(16 * cm, 7.4 * cm)
    row_h = 1.25 * cm
    for i, box in enumerate(figure["boxes"]):
        y = d.height - (i + 1) * (row_h + 0.2 * cm)
        d.add(Rect(0, y, 6.2 * cm, row_h, fillColor=NAVY, strokeColor=None))
        d.add(String(0.25 * cm, y + row_h / 2 - 3, box["who"], fontName="Helvetica-Bold", fontSize=8.5,
                     fillColor=colors.white))
        d.add(Line(6.2 * cm, y + row_h / 2, 7.0 * cm, y + row_h / 2, strokeColor=NAVY, strokeWidth=1.2))
        d.add(Rect(7.0 * cm, y, 9.0 * cm, row_h, fillColor=PALE, strokeColor=NAVY, strokeWidth=0.5))
        d.add(String(7.25 * cm, y + row_h / 2 - 3, box["what"], fontName="Helvetica", fontSize=8.5))
    return [d, Paragraph(figure["caption"], styles["caption"])]


def figure2(figure: dict, styles: Styles) -> list:
    """A bar chart of one value a year."""
    d = Drawing(15 * cm, 7 * cm)
    chart = VerticalBarChart()
    chart.x, chart.y = 1.6 * cm, 1.0 * cm
    chart.width, chart.height = 12.5 * cm, 5.4 * cm
    chart.data = [figure["values"]]
    chart.categoryAxis.categoryNames = figure["years"]
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = figure.get("value_max", 1800), figure.get("value_step", 300)
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = NAVY
    chart.barLabelFormat = "%d"
    chart.barLabels.nudge = 6
    chart.barLabels.fontName = "Helvetica"
    chart.barLabels.fontSize = 8
    d.add(chart)
    return [d, Paragraph(figure["caption"], styles["caption"])]
