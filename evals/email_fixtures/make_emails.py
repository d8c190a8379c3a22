"""Generate the email fixtures in evals/email_fixtures/corpus/ from emails.yaml.

    .venv/bin/python evals/email_fixtures/make_emails.py        (from the repository root)

Three `.eml` messages as a mail program saves them (MIME, quoted-printable text, base64 attachments):
1. a plain-text email asking for a plan and data, with a two-page PDF visit note attached (numbered
   sections, figures, numbered actions, a running header and page numbers);
2. an email changing a deadline, with a spreadsheet attached (a type the assistant does not read) and a PDF
   cut short in transit (corrupt): both must be reported by name while the message itself indexes;
3. an HTML-only reply with a Word plan attached (headings and a table of commitments).

All names and addresses are invented. The output is byte-for-byte reproducible (fixed MIME boundaries, fixed
PDF and DOCX metadata).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import docx
import yaml
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
MIME = {"pdf": ("application", "pdf"), "broken-pdf": ("application", "pdf"),
        "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")}


def pdf_bytes(doc: dict) -> bytes:
    """A short PDF note: title, date, numbered sections, a running header and a page number on every page."""
    styles = getSampleStyleSheet()

    def furniture(canvas, page):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(60, A4[1] - 36, doc["header"])
        canvas.drawRightString(A4[0] - 60, 28, f"Page {page.page}")
        canvas.restoreState()

    flow = [Paragraph(doc["title"], styles["Title"]), Paragraph(doc["date"], styles["Normal"]), Spacer(1, 12)]
    for section in doc["sections"]:
        flow.append(Paragraph(section["heading"], styles["Heading2"]))
        flow += [Paragraph(text, styles["BodyText"]) for text in section["paragraphs"]]
        if section.get("page_break_after"):
            flow.append(PageBreak())
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, invariant=1, title=doc["title"], author="", subject="", creator="",
                      leftMargin=60, rightMargin=60).build(flow, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


def docx_bytes(doc: dict) -> bytes:
    """A Word plan: a Title, Heading 1 sections, paragraphs and a table with a header row."""
    document = docx.Document()
    props = document.core_properties
    props.author, props.title, props.revision = "", doc["title"], 1
    props.created = props.modified = props.last_printed = datetime(2025, 6, 30, 12, 0)
    document.add_paragraph(doc["title"], style="Title")
    document.add_paragraph(doc["date"])
    for section in doc["sections"]:
        document.add_heading(section["heading"], level=1)
        for text in section.get("paragraphs", []):
            document.add_paragraph(text)
        if "table" in section:
            rows = [section["table"]["header"], *section["table"]["rows"]]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for cells, row in zip(table.rows, rows, strict=True):
                for cell, text in zip(cells.cells, row, strict=True):
                    cell.text = str(text)
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue())


def xlsx_bytes() -> bytes:
    """A placeholder spreadsheet (only its type matters: the assistant reports it as one it does not read)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", (2025, 5, 20, 0, 0, 0)), "<Types/>")
    return out.getvalue()


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member's time fixed, so that the file is reproducible."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, (2025, 6, 30, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def attachment_bytes(attachment: dict) -> bytes:
    kind = attachment["kind"]
    if kind == "pdf":
        return pdf_bytes(attachment)
    if kind == "broken-pdf":  # cut short in transit: the start of a PDF, no cross-reference table, no end
        whole = pdf_bytes(attachment)
        return whole[: len(whole) // 3]
    if kind == "docx":
        return docx_bytes(attachment)
    return xlsx_bytes()


def message(spec: dict) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = spec["from"]
    msg["To"] = ", ".join(spec["to"])
    if spec["cc"]:
        msg["Cc"] = ", ".join(spec["cc"])
    msg["Date"] = spec["date"]
    msg["Subject"] = spec["subject"]
    msg["Message-ID"] = f"<{Path(spec['file']).stem}@fixtures.invalid>"
    msg.set_content(spec["body"], subtype="html" if spec.get("html") else "plain", cte="quoted-printable")
    for attachment in spec["attachments"]:
        maintype, subtype = MIME[attachment["kind"]]
        msg.add_attachment(attachment_bytes(attachment), maintype=maintype, subtype=subtype,
                           filename=attachment["name"])
    for n, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=====fixture-boundary-{n}=====")
    return msg


def write_emails(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in yaml.safe_load((HERE / "emails.yaml").read_text(encoding="utf-8"))["emails"]:
        path = folder / spec["file"]
        path.write_bytes(message(spec).as_bytes(policy=SMTP))
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_emails(CORPUS):
        print(f"wrote {written}")
