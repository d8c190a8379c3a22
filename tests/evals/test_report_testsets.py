"""The report fixtures and their test sets: every gold quote and ledger record stands in the report as the loader
reads it, and the PDF is the long report the issue describes, read without its page furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evals.matching import locate
from evals.testset import load_testset
from index.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
SETS = {"development": ROOT / "evals" / "report_testset.yaml", "held out": ROOT / "evals" / "report_heldout_testset.yaml"}


@pytest.mark.parametrize("name", SETS)
def test_every_gold_quote_and_ledger_record_stands_in_the_report_as_read(name):
    testset = load_testset(SETS[name])
    (report,) = testset.corpus
    text = load_file(report).text
    assert any(not case.answerable for case in testset.cases), "unanswerable questions too"
    for case in testset.cases:
        for gold in case.gold:
            assert locate(text, gold.quote), (case.id, gold.quote)
    for record in yaml.safe_load(testset.ledger.read_text(encoding="utf-8"))["records"]:
        assert locate(text, record["quote"]), record["quote"]


def test_the_pdf_report_is_long_and_read_without_its_running_header_or_contents_lines():
    testset = load_testset(SETS["development"])
    loaded = load_file(testset.corpus[0])
    text = loaded.text
    assert len(loaded.canonical.page_starts) >= 20
    assert text.count("Recommendation ") >= 8 and "Page 3 of" not in text and "........" not in text
    rows = [r for r in loaded.canonical.layout.rows if r.header is not None]
    assert len({loaded.canonical.page_at(r.start) for r in rows if text[r.start : r.end].startswith("A")}) >= 2, \
        "the action table runs over a page break"
