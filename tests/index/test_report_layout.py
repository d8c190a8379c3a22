"""A report's structure: page furniture left out, headings and their paths, tables as rows, rows as ledger records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.layout import Heading, Layout, TableRow
from index.ledger import extract
from index.ledger_records import LetterView
from index.ledger_rows import Column, columns
from index.loader import load_file
from index.metadata import extract_metadata
from index.model import UnitKind
from index.segmenter import segment
from tests.helpers import make_report_pdf


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = make_report_pdf(tmp_path_factory.mktemp("report") / "2025-03-14_transport_review.pdf")
    return load_file(path)


def test_running_headers_page_numbers_and_contents_lines_are_left_out(report):
    text = report.text
    assert text.count("Review of school transport commissioning") == 1, "the title page's title, not the header"
    assert "Page 3" not in text and "Contents" not in text and "......" not in text
    assert text.index("1. Introduction") < text.index("The Cabinet asked")


def test_a_footnote_mark_is_left_out_and_the_footnote_kept(report):
    assert "2019-20 and 2023-24.\n" in report.text, "the raised mark after the sentence is not text"
    assert "1 Council outturn statements, 2019-20 to 2023-24." in report.text


def test_headings_have_levels_and_every_offset_a_heading_path(report):
    text, layout = report.text, report.canonical.layout
    heads = {text[h.start : h.end]: h.level for h in layout.headings}
    assert heads["2. Findings"] < heads["2.1 Spending"]
    assert layout.section_at(text, text.index("Spending on school")) == "2. Findings › 2.1 Spending"
    assert layout.section_at(text, text.index("Recommendation 1:")).endswith("3. Recommendations")


def test_numbered_recommendations_are_units_of_their_own(report):
    units = [report.text[u.start : u.end] for u in segment(report.text, report.canonical.layout)]
    assert "Recommendation 1: The Council should retender all routes by 31 December 2025." in units


def test_a_table_over_a_page_break_is_rows_whose_cells_stay_together(report):
    text, layout = report.text, report.canonical.layout
    rows = [[text[s:e] for s, e in row.cells] for row in layout.rows]
    assert rows[0] == ["Ref", "Action", "Owner", "Due date"]
    body = [row for row in rows if row[0] != "Ref"]
    assert [row[0] for row in body] == [f"A{i}" for i in range(1, 9)], "every row once, in order"
    assert all(row[2] == "Head of Transport" for row in body)
    after_break = next(r for r in layout.rows if text[r.start : r.end].startswith("A5"))
    assert layout.header_of(after_break) is not None
    units = segment(text, layout)
    assert sum(u.kind == UnitKind.ROW for u in units) == 8, "a header row is a line, each other row one unit"


def test_a_table_of_actions_gives_one_ledger_record_per_row(report):
    meta = extract_metadata(report.text, Path(report.path))
    letter = LetterView(str(report.path), meta.title, report.text, meta, date=date(2025, 3, 14),
                        layout=report.canonical.layout)
    rows = [r for r in extract(letter) if r.quote.startswith("A")]
    assert len(rows) == 8
    first = rows[0]
    assert (first.actor, first.action, first.deadline) == ("Head of Transport", "Publish the route review for area 1",
                                                         date(2025, 9, 1))


@pytest.mark.unit
@pytest.mark.parametrize("header, expected", [
    (["Ref", "Action", "Owner", "Due date"], {Column.ACTION: 1, Column.OWNER: 2, Column.DUE: 3}),
    (["Recommendation", "Lead", "Timescale", "Frequency"],
     {Column.ACTION: 0, Column.OWNER: 1, Column.DUE: 2, Column.FREQUENCY: 3}),
    (["No.", "What will be done", "Action owner", "Target date"], {Column.ACTION: 1, Column.OWNER: 2, Column.DUE: 3}),
    # the recommendation's number beside the action itself
    (["Recommendation", "Action", "Responsible officer", "Target date", "RAG status"],
     {Column.ACTION: 1, Column.OWNER: 2, Column.DUE: 3}),
    (["Year", "Placements", "Per cent"], {}),
])
def test_a_tables_header_says_which_column_holds_what(header, expected):
    assert columns(header) == expected


@pytest.mark.unit
def test_the_heading_path_is_the_last_heading_of_each_level_above():
    text = "Report\n\n1. Findings\n\n1.1 Money\n\nA fact.\n\n2. Recommendations\n\nDo this."
    at = text.index
    layout = Layout((Heading(0, 6, 1), Heading(at("1. F"), at("1. F") + 11, 2), Heading(at("1.1"), at("1.1") + 9, 3),
                     Heading(at("2. R"), at("2. R") + 18, 2)))
    assert layout.section_at(text, at("A fact")) == "Report › 1. Findings › 1.1 Money"
    assert layout.section_at(text, at("Do this")) == "Report › 2. Recommendations"
    assert layout.section_at(text, 0) is None
    assert Layout.from_json(layout.to_json()) == layout
    rows = Layout(rows=(TableRow(0, 5, ((0, 2), (3, 5)), None), TableRow(6, 9, ((6, 7), (8, 9)), 0)))
    assert Layout.from_json(rows.to_json()) == rows and rows.header_of(rows.rows[1]) == rows.rows[0]


def test_a_word_report_keeps_its_heading_styles_and_its_tables_rows_in_place(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Review of library services", style="Title")
    document.add_paragraph("1. Findings", style="Heading 1")
    document.add_paragraph("1.1 Opening hours", style="Heading 2")
    document.add_paragraph("Opening hours fell by 12% between 2019 and 2024.")
    document.add_paragraph("Appendix A: Actions", style="Heading 1")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells + table.rows[1].cells,
                          ["Action", "Lead officer", "Completion date", "Publish new opening hours",
                           "Head of Libraries", "31 January 2026"], strict=True):
        cell.text = text
    document.add_paragraph("The Committee will review progress in March 2026.")
    document.save(tmp_path / "2025-10-02_library_review.docx")
    loaded = load_file(tmp_path / "2025-10-02_library_review.docx")
    text, layout = loaded.text, loaded.canonical.layout
    assert layout.section_at(text, text.index("Opening hours fell")) == "1. Findings › 1.1 Opening hours"
    header, row = layout.rows
    assert [text[s:e] for s, e in row.cells] == ["Publish new opening hours", "Head of Libraries", "31 January 2026"]
    assert row.header == header.start
    assert text.index("Head of Libraries") < text.index("The Committee will review"), "the table where Word has it"
    meta = extract_metadata(text, Path("2025-10-02_library_review.docx"))
    letter = LetterView("library.docx", meta.title, text, meta, date=date(2025, 10, 2), layout=layout)
    (record,) = [r for r in extract(letter) if r.actor == "Head of Libraries"]
    assert record.deadline == date(2026, 1, 31)


@pytest.mark.unit
def test_an_empty_cell_keeps_its_columns_place_so_every_cell_stays_under_its_header():
    from index.canonical import canonicalise_lines
    from index.layout import Line, Role

    def cells(row: int, texts: list[str], header: bool = False) -> list[Line]:
        return [Line(t, Role.CELL, row=row, header=header, table=1) for t in texts]

    canonical = canonicalise_lines([cells(1, ["", "Action", "Owner"], header=True) + cells(2, ["A1", "Publish it", ""])
                                    + cells(3, ["A2", "Agree it", "Board"])], paged=False)
    text, (header, first, second) = canonical.text, canonical.layout.rows
    assert [text[s:e] for s, e in header.cells] == ["", "Action", "Owner"]
    assert [text[s:e] for s, e in first.cells] == ["A1", "Publish it", ""]
    assert [text[s:e] for s, e in second.cells] == ["A2", "Agree it", "Board"]
    assert first.header == second.header == header.start


@pytest.mark.unit
def test_a_footnote_waits_until_the_sentence_a_page_break_splits_has_ended():
    from index.layout import Line
    from index.pdf_layout import _move_footnotes, _Page

    pages = [_Page([Line("Spending rose by 38% and the Council"), Line(""), Line("1 Outturn statements.")], {2},
                   runs_on=True),
             _Page([Line("could not say why."), Line(""), Line("Next paragraph.")], set())]
    moved = [[line.text for line in page if line.text] for page in _move_footnotes(pages)]
    assert moved == [["Spending rose by 38% and the Council"],
                     ["could not say why.", "1 Outturn statements.", "Next paragraph."]]


def make_bold_recommendations_pdf(path: Path) -> Path:
    """Numbered paragraphs with their numbers hung in the margin, and recommendations set in bold the same way."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    st = getSampleStyleSheet()
    hung = ParagraphStyle("hung", parent=st["Normal"], fontSize=11, leading=14, leftIndent=34, firstLineIndent=-34,
                          spaceAfter=8)
    bold = ParagraphStyle("rec", parent=hung, fontName="Helvetica-Bold")
    flow = [
        Paragraph("4. Warnings", st["Heading1"]),
        Paragraph("4.9\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0Warnings help only if people know what to do when they receive them. "
                  "In the areas we visited, households that had taken simple steps suffered much less damage.", hung),
        Paragraph("R5\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0The Environment Agency should report to the Department "
                  "every quarter on the number of properties registered for flood warnings, with the first report "
                  "by 31 October 2025.", bold),
        Paragraph("5. New development", st["Heading1"]),
        Paragraph("Sustainable drainage", ParagraphStyle("h3", parent=st["Normal"], fontName="Helvetica-Bold")),
        Paragraph("5.1 Sustainable drainage systems slow the flow of rainwater.", hung),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(flow)
    return path


def test_a_paragraph_set_in_bold_with_its_number_hung_in_the_margin_is_one_paragraph_not_headings(tmp_path):
    loaded = load_file(make_bold_recommendations_pdf(tmp_path / "review.pdf"))
    text = loaded.text
    assert "R5 The Environment Agency should report to the Department every quarter on the number of properties " \
           "registered for flood warnings, with the first report by 31 October 2025." in " ".join(text.split())
    assert "\n" not in text[text.index("4.9"):text.index("damage.")], "the hung number is no column of a table"
    headings = [text[h.start:h.end] for h in loaded.canonical.layout.headings]
    assert headings == ["4. Warnings", "5. New development", "Sustainable drainage"], "a short bold line still heads"


def test_a_recommendation_dated_in_a_later_sentence_of_its_paragraph_takes_that_date():
    text = ("Review of flooding\n\n7. Implementation\n\nR11 The Department should establish an implementation board. "
            "The board should hold its first meeting by 31 July 2025.\n\n7.4 The Department has told us that the "
            "Government will respond to the report.\n")
    meta = extract_metadata(text, Path("review.txt"))
    letter = LetterView("review.txt", meta.title, text, meta, date=date(2025, 6, 17))
    (record,) = [r for r in extract(letter) if "establish" in r.action]
    assert (record.deadline, record.deadline_text) == (date(2025, 7, 31), "by 31 July 2025")


def test_a_recommendation_under_its_own_numbered_heading_is_dated_by_a_later_sentence_not_by_when_its_subject_began():
    text = ("Review of repairs\n\nRecommendations\n\nRecommendation 1\n\nThe Council should commission an audit of every "
            "payment made since the contract began in April 2012. The findings should be reported to the Audit "
            "Committee no later than 31 October 2015.\n")
    headings = tuple(Heading(text.index(h), text.index(h) + len(h), level)
                     for h, level in (("Recommendations", 1), ("Recommendation 1", 2)))
    meta = extract_metadata(text, Path("review.txt"))
    letter = LetterView("review.txt", meta.title, text, meta, date=date(2015, 7, 20), layout=Layout(headings))
    (record,) = [r for r in extract(letter) if "commission" in r.action]
    assert (record.actor, record.deadline) == ("The Council", date(2015, 10, 31))
