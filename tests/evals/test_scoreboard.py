"""`make eval`'s table: rows from reports and from the blind set's totals, logged with date and commit."""

from datetime import date

from evals.scoreboard import SETS, Row, append_to_log, blind_row, log_entry, report_folder, rows_from_report

BLIND_OUTPUT = """\
seed     facts 0.60 (in the lead 0.52)  citations 0.60 (precise 0.69)  refusals 1.00  false refusals 0.20  verbatim 1.00  (28 questions)
all      facts 0.68 (in the lead 0.52)  citations 0.66 (precise 0.73)  refusals 0.83  false refusals 0.11  verbatim 1.00  (50 questions)
ledger   dated duties found with the right date: seed+reindex 7/11 = 0.64;  report 0/7 = 0.00   (42 s)
"""


def test_the_blind_sets_overall_totals_become_a_row_of_our_answerer():
    row = blind_row(BLIND_OUTPUT)
    assert (row.set, row.answerer, row.cases) == ("blind", "extractive", 50)
    assert (row.facts, row.lead, row.citation_hit, row.citation_precision) == (0.68, 0.52, 0.66, 0.73)
    assert (row.refusal_recall, row.false_refusal) == (0.83, 0.11)
    assert row.ledger == "dated duties seed+reindex 7/11 = 0.64;  report 0/7 = 0.00"
    assert blind_row("blind test: no .venv/bin/assistant here") is None


def test_a_report_gives_one_row_per_answerer_and_the_ledger_only_for_ours():
    summary = {"cases": 4, "fact_accuracy": 0.5, "lead_fact_accuracy": 0.25, "citation_hit": 0.5,
               "citation_precision": 0.75, "citations_per_answer": 2.0, "correct_refusal": 1.0,
               "refusal_precision": 1.0, "false_refusal": 0.0}
    report = {"answerers": {"extractive": {"summary": summary}, "peer": {"summary": summary}},
              "ledger": {"precision": 0.9, "recall": 0.5, "actor_accuracy": 0.8, "exact_deadline_accuracy": 1.0}}
    ours, peer = rows_from_report("real-test", report)
    assert ours.ledger == "0.90 / 0.50 / 0.80 / 1.00" and peer.ledger == "—"
    assert (peer.set, peer.answerer, peer.lead) == ("real-test", "peer", 0.25)


def test_the_table_is_appended_to_the_score_log_with_date_and_commit(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# Evaluation\n\n## Score log\n\n| old | row |\n")
    entry = log_entry([Row("own", "peer", 71, facts=0.43)], "abc1234", date(2026, 11, 25), ["real-dev: skipped — absent"])
    append_to_log(readme, entry)
    text = readme.read_text()
    assert text.startswith("# Evaluation\n\n## Score log\n\n| old | row |\n\n### 2026-11-25 · commit abc1234")
    assert "| own | peer | 71 | 0.43 | — |" in text
    assert text.endswith("- real-dev: skipped — absent\n")


def test_each_set_reports_to_a_folder_of_its_own():
    folders = [report_folder(s.name) for s in SETS]
    assert len(set(folders)) == len(folders)
    assert report_folder("real-dev held-out") == "real-dev-held-out"
