"""The command line's verbs, flags and help: the contract other tools call (`assistant index`, `ask`,
`show`, `commitments`, `eval`, `serve`, `letters`, `watch`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from index.model import Kind, Status

DESCRIPTION = "`assistant`: the command line, and the composition root (heavy parts import lazily)."


def _with_store(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--store", type=Path, help="store directory (default: $ASSISTANT_STORE or the user data dir)")
    return p


def _add_index(sub) -> None:
    p = _with_store(sub.add_parser("index", help="index files or folders (incremental)"))
    p.add_argument("paths", nargs="+")


def _add_ask(sub) -> None:
    p = _with_store(sub.add_parser("ask", help="answer a question with citations"))
    p.add_argument("question", nargs="*")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--k", type=int, default=None, help="passages retrieved")
    p.add_argument("--questions", type=Path, help="a file with one question a line; prints JSON lines")


def _add_show(sub) -> None:
    p = _with_store(sub.add_parser("show", help="print a letter's canonical text"))
    p.add_argument("source")
    p.add_argument("--json", action="store_true")


def _add_commitments(sub) -> None:
    p = _with_store(sub.add_parser("commitments", help="the ledger: who must do what, for whom, by when"))
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="a JSON list of records")
    out.add_argument("--csv", action="store_true", help="CSV with a header row")
    out.add_argument("--ics", action="store_true", help="iCalendar deadlines (stable UIDs)")
    p.add_argument("--due-before", metavar="YYYY-MM-DD", help="deadline before this date (exclusive)")
    p.add_argument("--due-from", metavar="YYYY-MM-DD", help="deadline on or after this date")
    p.add_argument("--actor", help="actor name or role contains this (any case)")
    p.add_argument("--recipient", help="a recipient contains this (any case)")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--kind", choices=[k.value for k in Kind])
    p.add_argument("--source", help="letter path contains this")


def _add_eval(sub) -> None:
    p = sub.add_parser("eval", help="score answers against a test set (see evals/README.md)")
    p.add_argument("testset", nargs="?", default="evals/testset.yaml")
    p.add_argument("--json", action="store_true", help="print the report JSON to stdout")
    p.add_argument("--report", type=Path, help="write report.json, report.md, categories.png and ragas.jsonl here")
    p.add_argument("--answerer", choices=["extractive", "peer", "baseline"], default="extractive",
                   help="the answerer judged against the thresholds (all three are always measured: ours, the "
                        "rule-free peer and the LangChain tutorial baseline)")
    p.add_argument("--k", type=int, default=None, help="passages retrieved")


def _add_serve(sub) -> None:
    p = _with_store(sub.add_parser("serve", help="open the chat app (http://127.0.0.1:7860)"))
    p.add_argument("--host", help="address to bind (default 127.0.0.1; others need ASSISTANT_AUTH)")
    p.add_argument("--port", type=int, help="port (default 7860)")
    p.add_argument("--sources", type=Path, help="the letters folder (default $ASSISTANT_SOURCES or sources/)")
    p.add_argument("--testset", default="evals/testset.yaml", help="test set for the Evaluation page")
    p.add_argument("--watch", action="store_true", help="index the sources folder again whenever files change in it")


def _add_watch(sub) -> None:
    p = _with_store(sub.add_parser("watch", help="follow a folder and index its letters as they arrive, change or go"))
    p.add_argument("folder", nargs="?", type=Path, help="the folder (default $ASSISTANT_SOURCES or sources/)")


def _add_letters(sub) -> None:
    p = _with_store(sub.add_parser("letters", help="list indexed letters"))
    p.add_argument("--json", action="store_true")


VERBS = (_add_index, _add_ask, _add_show, _add_commitments, _add_eval, _add_serve, _add_letters, _add_watch)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description=DESCRIPTION)
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in VERBS:
        add(sub)
    return parser
