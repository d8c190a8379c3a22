"""Shared test helpers: builders for real fixture files (PDFs with reportlab, DOCX with python-docx), and waiting for
something another thread or process does."""

from __future__ import annotations

import io
import time
from pathlib import Path


def make_pdf(path: Path, pages: list[list[str]], password: str | None = None, text_layer: bool = True) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            if text_layer:
                pdf.drawString(60, y, line)
            else:
                pdf.rect(60, y, 200, 8, fill=1)  # ink without any text
            y -= 16
        pdf.showPage()
    pdf.save()
    data = buffer.getvalue()
    if password:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter()
        for page in PdfReader(io.BytesIO(data)).pages:
            writer.add_page(page)
        writer.encrypt(password)
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    path.write_bytes(data)
    return path


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


def make_monitoring_letter_pdf(path: Path) -> Path:
    """A two-page inspection letter: a bulleted list of actions, then a table of actions and deadlines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table

    st = getSampleStyleSheet()
    flow = [
        Paragraph("Ofsted", st["Normal"]),
        Paragraph("Ms Priya Shah<br/>Director of Children's Services<br/>Lowmoor Metropolitan Borough Council", st["Normal"]),
        Spacer(1, 12), Paragraph("12 October 2017", st["Normal"]), Spacer(1, 12), Paragraph("Dear Ms Shah,", st["Normal"]),
        Paragraph("Monitoring visit to Lowmoor children's services", st["Heading2"]),
        Paragraph("This letter summarises the findings of the monitoring visit to children's services in Lowmoor on "
                  "26 and 27 September 2017. The local authority should take the following actions:", st["Normal"]),
        Paragraph("• ensure that all children in need have an up-to-date plan by 31 December 2017;", st["Normal"]),
        Paragraph("• improve the timeliness of initial child protection conferences, reporting progress to the "
                  "Improvement Board monthly.", st["Normal"]),
        PageBreak(),
        Paragraph("The next monitoring visit will take place in January 2018. Inspectors will review these actions:",
                  st["Normal"]),
        Table([["Action", "Owner", "Deadline"],
               ["Publish revised threshold guidance", "Director of Children's Services", "30 November 2017"],
               ["Recruit permanent team managers", "Head of HR", "31 March 2018"]]),
        Spacer(1, 12), Paragraph("Yours sincerely,", st["Normal"]), Paragraph("Janet Moss", st["Normal"]),
        Paragraph("Her Majesty's Inspector", st["Normal"]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(flow)
    return path


# A short letter of a kind the sample letters are not: a minister directs a district council.
NEW_LETTER = """Jane Holloway MP
Minister of State for Children and Families

Councillor Ann Price
Leader of Eastwick District Council

3 February 2016

Dear Councillor Price,

I ask the Council to publish a children's services improvement plan by 31 May 2016.

Yours sincerely,

Jane Holloway MP
Minister of State for Children and Families
"""

# The Bore letter answers it (its improvement plan is due by June 2014).
PLAN_QUESTION = "What is the deadline for the Council's improvement plan?"


def until(condition, timeout: float = 120.0, what: str = "the watch to catch up"):
    """Poll `condition` until it is true (returning its value), failing after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def make_report_pdf(path: Path) -> Path:
    """A short review report as reportlab lays one out: a title page, a contents page, running headers and page
    footers, numbered headings, a footnote, a sentence across a page break and a ruled action table that runs
    over a page break with its header row repeated."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    st = getSampleStyleSheet()
    note = ParagraphStyle("note", parent=st["Normal"], fontSize=7, leading=8)

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(72, A4[1] - 40, "Review of school transport commissioning")
        canvas.drawRightString(A4[0] - 72, 30, f"Page {doc.page}")
        canvas.restoreState()

    prose = ("The review heard evidence from officers, parents and transport operators across the county over a "
             "period of six months, and visited every depot the Council uses for home to school transport. ")
    flow = [
        Paragraph("Review of school transport commissioning", st["Title"]),
        Paragraph("Final report", st["Heading2"]), Paragraph("14 March 2025", st["Normal"]),
        Paragraph("Commissioned by the Eastshire County Council Cabinet", st["Normal"]), PageBreak(),
        Paragraph("Contents", st["Heading1"]),
        Paragraph("1. Introduction ........................................ 3", st["Normal"]),
        Paragraph("2. Findings ........................................ 3", st["Normal"]),
        Paragraph("3. Recommendations ........................................ 4", st["Normal"]),
        Paragraph("Annex A: Action plan ........................................ 5", st["Normal"]), PageBreak(),
        Paragraph("1. Introduction", st["Heading1"]),
        Paragraph("The Cabinet asked the review to examine how the Council buys school transport.", st["Normal"]),
        Paragraph("2. Findings", st["Heading1"]),
        Paragraph("2.1 Spending", st["Heading2"]),
        Paragraph("Spending on school transport rose by 38% between 2019-20 and 2023-24.<super>1</super>",
                  st["Normal"]),
        Spacer(1, 470),
        Paragraph(prose + "The review found that routes were last retendered in 2016 and that the Council "
                  "has no way to compare the prices operators charge for the same journeys.", st["Normal"]),
        Paragraph("1 Council outturn statements, 2019-20 to 2023-24.", note), PageBreak(),
        Paragraph("3. Recommendations", st["Heading1"]),
        Paragraph("Recommendation 1: The Council should retender all routes by 31 December 2025.", st["Normal"]),
        Paragraph("Recommendation 2: The Director of Children's Services should report progress to the Cabinet "
                  "each quarter.", st["Normal"]), PageBreak(),
        Paragraph("Annex A: Action plan", st["Heading1"]), Spacer(1, 560),
        Table([["Ref", "Action", "Owner", "Due date"]]
              + [[f"A{i}", f"Publish the route review for area {i}", "Head of Transport", f"{i} September 2025"]
                 for i in range(1, 9)], repeatRows=1,
              style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)])),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(flow, onLaterPages=furniture)
    return path
