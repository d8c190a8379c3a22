"""Generate the four review-report fixtures in evals/report_fixtures/corpus/.

    .venv/bin/python evals/report_fixtures/make_reports.py        (from the repository root)

1. A PDF (reportlab platypus): "Independent Review of Youth Justice Commissioning", final report of a
   fictional independent panel, 14 March 2025 - title page, contents with dotted leaders, running
   header and footer, numbered sections, footnotes at the foot of the page, a table and two figures,
   ten numbered recommendations and an action-plan table that runs over a page break.
   Text: youth_justice_review.yaml; layout: pdf_report.py, pdf_parts.py, pdf_styles.py.
2. A DOCX (python-docx): "Independent review of adult social care finances" for a fictional borough
   council, 2 October 2025 - Word headings, typed paragraph numbers, "R1." recommendations and a Word
   action-plan table with a frequency column. Text: harrowfield_review.yaml; layout: docx_report.py.
3. A second PDF, laid out by the same builder but written as a departmental command paper: "Independent
   Review of Surface Water Flooding", report to the Secretary of State for Environment, Food and Rural
   Affairs, 17 June 2025 - numbered paragraphs ("3.4"), recommendations R1 to R11 in bold at the end of
   their chapters, and an action plan (No. | Action | Lead | Timescale) whose timescales are dates or words
   ("Q3 2025-26", "Within 6 months", "Annually from April 2026"). Text: surface_water_review.yaml.
4. A third PDF by the same builder in an older council house style (Times, no chapter numbers, its own page
   furniture): Wyvernham Borough Council, "Independent Review of Housing Repairs and Maintenance", report of
   an independent panel to the Council, July 2015 - paragraphs numbered "1." to "74." straight through,
   unnumbered section headings, twelve recommendations listed in brief near the front and in full near the
   end ("Recommendation 4" on a line of its own), two tables of figures and an improvement plan
   (Recommendation | Action | Responsible officer | Target date | RAG status) with target dates such as
   "31/10/2015", "Q4 2015/16", "Ongoing" and "Complete". Text: wyvernham_review.yaml.

All names of people, councils and firms are invented. The text lives in the YAML files beside this script;
the builders only lay it out. All outputs are byte-for-byte reproducible.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from docx_report import build_docx
from pdf_report import build_pdf

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def load(name: str) -> dict:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))


def main() -> None:
    CORPUS.mkdir(parents=True, exist_ok=True)
    for name in ("youth_justice_review.yaml", "surface_water_review.yaml", "wyvernham_review.yaml"):
        report = load(name)
        pdf_path = CORPUS / report["file"]
        pages = build_pdf(report, pdf_path)
        print(f"wrote {pdf_path} ({pages} pages)")
    harrowfield = load("harrowfield_review.yaml")
    docx_path = CORPUS / harrowfield["file"]
    build_docx(harrowfield, docx_path)
    print(f"wrote {docx_path}")


if __name__ == "__main__":
    main()
