"""`make eval`: the whole picture in one table — every answerer on every test set, and the blind set.

Sets: our own letters (`evals/testset.yaml`), their paraphrases, the real-letter development half (its first
questions, fresh ones a second writer asked of the same letters, and held-out ones a third writer asked,
never used in calibration), the report fixtures' sets (a PDF review report to develop on, a Word report held
out: its totals only, a third report, a PDF written as a command paper, and a fourth, a council's review of
2015 in an older house style, to measure generalising), the
email fixtures' set (messages with attachments), the frozen test half (skipped, with the reason, when
`ASSISTANT_REAL_CORPUS` is absent) and the blind set (`../shared/blind/run`, which scores main's CLI and
prints totals only). The table is printed and appended to the score log in `evals/README.md` with the date
and commit; each set's full report goes to `evals/report/<set>/`, except the frozen half's, which gives its
totals only.
"""

from __future__ import annotations

import argparse
import logging
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

log = logging.getLogger(__name__)

BLIND = Path("../shared/blind/run")


@dataclass(frozen=True)
class EvalSet:
    name: str
    path: Path
    cases_reported: bool = True  # the frozen half gives totals only: nobody reads its answers case by case


SETS = (
    EvalSet("own", Path("evals/testset.yaml")),
    EvalSet("paraphrases", Path("evals/paraphrases.yaml")),
    EvalSet("real-dev", Path("evals/real_dev.yaml")),
    EvalSet("real-dev fresh", Path("evals/real_dev_fresh.yaml")),
    EvalSet("real-dev held-out", Path("evals/real_dev_heldout.yaml")),
    EvalSet("real-test (frozen)", Path("evals/real_test.yaml"), cases_reported=False),
    EvalSet("report", Path("evals/report_testset.yaml")),
    EvalSet("report held-out", Path("evals/report_heldout_testset.yaml"), cases_reported=False),
    EvalSet("report 3", Path("evals/report_third_testset.yaml")),
    EvalSet("report 4", Path("evals/report_fourth_testset.yaml")),
    EvalSet("email", Path("evals/email_testset.yaml")),
)


@dataclass
class Row:
    """One answerer on one set; None where the set does not measure it."""

    set: str
    answerer: str
    cases: int
    facts: float | None = None
    lead: float | None = None
    citation_hit: float | None = None
    citation_precision: float | None = None
    citations_per_answer: float | None = None
    refusal_recall: float | None = None
    refusal_precision: float | None = None
    false_refusal: float | None = None
    ledger: str = "—"


COLUMNS = ("set", "answerer", "cases", "facts", "facts in lead", "citation hit", "citation precision",
           "citations / answer", "refusal recall", "refusal precision", "false refusals",
           "ledger P / R / actor / deadline")


def rows_from_report(name: str, report: dict) -> list[Row]:
    ledger = report.get("ledger")
    rows = []
    for answerer, data in report["answerers"].items():
        s = data["summary"]
        rows.append(Row(name, answerer, s["cases"], s["fact_accuracy"], s["lead_fact_accuracy"], s["citation_hit"],
                        s["citation_precision"], s["citations_per_answer"], s["correct_refusal"],
                        s["refusal_precision"], s["false_refusal"],
                        _ledger_cell(ledger) if ledger and answerer == "extractive" else "—"))
    return rows


def _ledger_cell(ledger: dict) -> str:
    keys = ("precision", "recall", "actor_accuracy", "exact_deadline_accuracy")
    return " / ".join(_fmt(ledger.get(k)) for k in keys)


BLIND_LINE = re.compile(
    r"^all\s+facts (?P<facts>[\d.]+) \(in the lead (?P<lead>[\d.]+)\)\s+citations (?P<hit>[\d.]+) "
    r"\(precise (?P<precise>[\d.]+)\)\s+refusals (?P<refusals>[\d.]+)\s+false refusals (?P<false>[\d.]+).*\((?P<n>\d+) questions\)",
    re.M,
)
BLIND_LEDGER = re.compile(r"^ledger\s+dated duties found with the right date: (?P<found>.*?)\s+\(\d+ s\)", re.M)


def blind_row(output: str) -> Row | None:
    """The blind set's totals line as a row (it measures our CLI, so the extractive answerer)."""
    m = BLIND_LINE.search(output)
    if not m:
        return None
    ledger = BLIND_LEDGER.search(output)
    return Row("blind", "extractive", int(m["n"]), float(m["facts"]), float(m["lead"]), float(m["hit"]),
               float(m["precise"]), None, float(m["refusals"]), None, float(m["false"]),
               f"dated duties {ledger['found']}" if ledger else "—")


def _fmt(value) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def markdown_table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in rows:
        cells = [r.set, r.answerer, r.cases, r.facts, r.lead, r.citation_hit, r.citation_precision,
                 r.citations_per_answer, r.refusal_recall, r.refusal_precision, r.false_refusal, r.ledger]
        lines.append("| " + " | ".join(_fmt(c) for c in cells) + " |")
    return "\n".join(lines)


def log_entry(rows: list[Row], commit: str, day: date, notes: list[str]) -> str:
    lines = [f"### {day.isoformat()} · commit {commit} · `make eval`", "", markdown_table(rows)]
    if notes:
        lines += [""] + [f"- {n}" for n in notes]
    return "\n".join(lines) + "\n"


def append_to_log(readme: Path, entry: str) -> None:
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.rstrip("\n") + "\n\n" + entry, encoding="utf-8")


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True)
        return out.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def report_folder(name: str) -> str:
    """A set's report folder: its whole name ("real-dev held-out" → "real-dev-held-out"), so that no two
    sets share one."""
    return re.sub(r"[^\w-]+", "-", name).strip("-")


def run_sets(sets, reports: Path | None, progress=None) -> tuple[list[Row], list[str]]:
    from evals.reports import write_outputs
    from evals.runner import run_eval
    from evals.testset import TestSetError, load_testset
    from index.embedder import PackagedEmbeddings

    embeddings = PackagedEmbeddings()
    rows, notes = [], []
    for s in sets:
        try:
            report = run_eval(load_testset(s.path), embeddings=embeddings, progress=progress)
        except TestSetError as err:
            notes.append(f"{s.name}: skipped — {err}")
            log.warning("%s: skipped: %s", s.name, err)
            continue
        if reports and s.cases_reported:
            write_outputs(report, "extractive", reports / report_folder(s.name))
        rows += rows_from_report(s.name, report)
    return rows, notes


def run_blind(script: Path) -> tuple[Row | None, str | None]:
    if not script.exists():
        return None, f"blind: skipped — {script} is not here"
    done = subprocess.run([str(script)], capture_output=True, text=True)
    row = blind_row(done.stdout)
    if row is None:
        return None, f"blind: no totals (exit {done.returncode}): {(done.stderr or done.stdout).strip()[-300:]}"
    return row, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scoreboard", description=__doc__.splitlines()[0])
    parser.add_argument("--log", type=Path, default=Path("evals/README.md"), help="README whose score log gets the table")
    parser.add_argument("--reports", type=Path, default=Path("evals/report"), help="folder for each set's full report")
    parser.add_argument("--no-blind", action="store_true", help="leave out the blind set")
    parser.add_argument("--no-log", action="store_true", help="print the table without appending it to the log")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    from tqdm import tqdm

    bar = tqdm(unit="q", file=sys.stderr, desc="eval")
    rows, notes = run_sets(SETS, args.reports, progress=lambda i, n, name: bar.update(1))
    bar.close()
    if not args.no_blind:
        print("blind set: running ../shared/blind/run …", file=sys.stderr)
        row, note = run_blind(BLIND)
        rows += [row] if row else []
        notes += [note] if note else []
    entry = log_entry(rows, _commit(), date.today(), notes)
    print(entry)
    if not args.no_log:
        append_to_log(args.log, entry)
        print(f"appended to {args.log}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
