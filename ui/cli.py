"""`assistant`: the command line, and the composition root (heavy parts import lazily).

stdout carries only answers and requested output; progress and logs go to stderr.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

log = logging.getLogger("assistant")


def _settings(args):
    from config.settings import get_settings

    return get_settings(store=getattr(args, "store", None), sources=getattr(args, "sources", None))


def _assistant(args):
    from assistant.service import Assistant

    return Assistant(_settings(args))


def cmd_index(args) -> int:
    from ui.indexing import index_with_progress

    report = index_with_progress(_assistant(args), [Path(p) for p in args.paths])
    return 1 if report.failed else 0


def _print_answer(answer) -> None:
    print(answer.answer)
    if answer.citations:
        print()
        for c in answer.citations:
            where = f"{c.title}"
            if c.date:
                where += f", {c.date}"
            where += f" — {c.source} [{c.start}:{c.end}]"
            if c.section:
                where += f", {c.section}"
            if c.page:
                where += f", page {c.page}"
            print(f"[{c.id}] {where}\n    “{c.quote}”")


def cmd_ask(args) -> int:
    assistant = _assistant(args)
    assistant.require_index()
    if args.questions:
        lines = Path(args.questions).read_text(encoding="utf-8").splitlines()
        for line in (q for q in lines if q.strip()):
            try:
                result = assistant.ask(line, k=args.k).to_dict()
            except Exception as err:  # one bad question must not stop the batch
                log.exception("question failed: %s", line)
                result = {"question": line, "error": str(err)}
            print(json.dumps(result, ensure_ascii=False), flush=True)
        return 0
    if not args.question:
        print("error: give a QUESTION or --questions FILE", file=sys.stderr)
        return 2
    answer = assistant.ask(" ".join(args.question), k=args.k)
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_answer(answer)
    return 0


def cmd_show(args) -> int:
    assistant = _assistant(args)
    from index.folders import source_name
    from index.model import iso

    letter = assistant.store.letter(source_name(Path(args.source))) or assistant.store.letter(args.source)
    if letter is None:
        names = ", ".join(assistant.store.letters()) or "none"
        print(f"error: {args.source} is not indexed in {assistant.store.path} (indexed: {names})", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"source": letter.source, "title": letter.title, "date": iso(letter.date),
                          "metadata": letter.metadata.to_dict(), "text": letter.text}, ensure_ascii=False, indent=2))
    else:
        print(letter.text)
    return 0


def cmd_letters(args) -> int:
    from index.model import iso

    assistant = _assistant(args)
    rows = [
        {"source": v.source, "title": v.title, "date": iso(v.date), "sender": v.metadata.sender,
         "recipient": v.metadata.recipient, "cc": v.metadata.cc, "chunks": v.n_chunks, "units": v.n_units}
        for v in assistant.store.letters().values()
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{r['date'] or '(undated)':10}  {r['title']}  ({r['source']}, {r['chunks']} chunks)")
    return 0


def cmd_commitments(args) -> int:
    from datetime import date

    from assistant.commitments import LedgerFilter, select, to_csv, to_ics, to_table
    from index.model import Kind, Status

    assistant = _assistant(args)
    assistant.require_index()
    flt = LedgerFilter(
        due_before=date.fromisoformat(args.due_before) if args.due_before else None,
        due_from=date.fromisoformat(args.due_from) if args.due_from else None,
        actor=args.actor, recipient=args.recipient, source=args.source,
        status=Status(args.status) if args.status else None, kind=Kind(args.kind) if args.kind else None,
    )
    if assistant.store.ledger_stale():
        print(f"warning: the ledger of {assistant.store.path} is out of date (an index run stopped before building "
              "it); run `assistant index` on your letters to complete it", file=sys.stderr)
    records = select(assistant.store.commitments(), flt)
    if args.json:
        print(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2))
    elif args.csv:
        sys.stdout.write(to_csv(records))
    elif args.ics:
        sys.stdout.buffer.write(to_ics(records))
    else:
        print(to_table(records) if records else "No commitments match.")
    return 0


def cmd_eval(args) -> int:
    from tqdm import tqdm

    from evals.metrics import check_thresholds
    from evals.reports import public, table, write_outputs
    from evals.runner import ANSWERERS, run_eval
    from evals.testset import load_testset

    testset = load_testset(Path(args.testset))
    order = [args.answerer] + [a for a in ANSWERERS if a != args.answerer]
    bar = tqdm(total=len(testset.cases) * len(order), unit="q", file=sys.stderr, desc="eval")
    report = run_eval(testset, answerers=order, k=args.k or 8, progress=lambda i, n, name: bar.update(1))
    bar.close()
    failures = check_thresholds(report["answerers"][args.answerer]["summary"], testset.thresholds)
    report["failures"] = failures
    report["judged"] = args.answerer
    if args.report:
        write_outputs(report, args.answerer, Path(args.report))
    if args.json:
        print(json.dumps(public(report), indent=2, ensure_ascii=False))
    else:
        print(table(report))
        print()
        print("thresholds: " + ("all met" if not failures else "NOT MET: " + "; ".join(failures)))
    return 1 if failures else 0


def cmd_serve(args) -> int:
    from ui.web.access import AccessError
    from ui.web.serve import launch

    settings = _settings(args)
    from assistant.service import Assistant

    assistant = Assistant(settings)
    sources = Path(args.sources or settings.sources)
    try:
        launch(assistant, sources, args.host or settings.host, args.port or settings.port, Path(args.testset),
               watch_sources=args.watch)
    except AccessError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


def cmd_watch(args) -> int:
    import signal
    import time

    from ui.indexing import watch

    assistant = _assistant(args)
    folder = Path(args.folder or assistant.settings.sources)
    # Ctrl-C, and a service manager's SIGTERM, stop the watch — even when it was started with SIGINT ignored, as a
    # shell does for a command run in the background
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, signal.default_int_handler)
    watching = watch(assistant, folder)
    print(f"watching {folder} for letters (Ctrl-C to stop)", file=sys.stderr)
    try:
        while True:  # short sleeps: a Ctrl-C the kernel hands to another thread is acted on only when this one wakes
            time.sleep(0.5)
    except KeyboardInterrupt:
        for stop in (signal.SIGINT, signal.SIGTERM):
            signal.signal(stop, signal.SIG_IGN)  # a second Ctrl-C does not cut the last run short
        print("stopping: the run under way finishes first", file=sys.stderr)
        watching.stop()
    return 0


COMMANDS = {"index": cmd_index, "ask": cmd_ask, "show": cmd_show, "commitments": cmd_commitments, "eval": cmd_eval,
            "serve": cmd_serve, "letters": cmd_letters,
            "watch": cmd_watch}


def main(argv: list[str] | None = None) -> int:
    from ui.arguments import build_parser

    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("httpx", "sentence_transformers", "chromadb", "transformers"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    from evals.testset import TestSetError
    from index.loader import LoadError
    from index.store import StoreError

    try:
        return COMMANDS[args.command](args)
    except (StoreError, LoadError, FileNotFoundError, TestSetError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `assistant … | head`: the reader left; nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
