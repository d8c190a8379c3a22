"""The web app's behaviour, apart from its layout, so it can be tested and called by the API.

One `Assistant` (model, store, answerer) is built at start and shared by every request; the app is
the store's writer while it runs (uploads, removals and re-indexing happen in-process, one at a
time), and readers see the new state as soon as a write commits.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from datetime import date, timedelta
from pathlib import Path

import gradio as gr

from assistant.answer import Answer
from assistant.commitments import LedgerFilter, select, to_csv, to_ics
from assistant.question import is_follow_up
from assistant.service import Assistant
from index.email_message import container
from index.folders import source_name
from index.model import Status, iso
from index.uploads import Saved, UploadError, remove_letter, save_upload
from ui.web.render import briefing_text, cell, chat_markdown, citations_html

log = logging.getLogger(__name__)


class App:
    """The app's behaviour, separate from its layout so it can be tested and called by the API."""

    def __init__(self, assistant: Assistant, sources: Path) -> None:
        self.assistant = assistant
        self.sources = Path(sources)
        self.write_lock = threading.Lock()
        self.downloads = Path(tempfile.mkdtemp(prefix="assistant-downloads-"))

    # -- chat ----------------------------------------------------------------------------------
    def ask(self, question: str, context: str | None = None) -> Answer:
        return self.assistant.ask(question, context=context)

    def respond(self, message: str, history: list, last_question: str | None):
        message = (message or "").strip()
        if not message:
            return history, "", gr.update(), gr.update(), last_question
        context = last_question if last_question and is_follow_up(message) else None
        try:
            answer = self.ask(message, context=context)
        except Exception as err:  # shown to the user, never swallowed
            log.exception("question failed")
            said = self.no_letters() if self.assistant.store.is_empty() else f"Error: {err}"
            history = history + [{"role": "user", "content": message}, {"role": "assistant", "content": said}]
            return history, "", "", "", last_question
        history = history + [{"role": "user", "content": message}, {"role": "assistant", "content": chat_markdown(answer)}]
        subject = last_question if context else message
        return history, "", citations_html(answer, self.assistant.store), briefing_text(answer), subject

    def no_letters(self) -> str:
        return (f"No letters are indexed yet, so there is nothing to answer from. Add letters on the Letters tab, "
                f"or put them in {self.sources} and press “Re-index the sources folder”.")

    # -- letters -------------------------------------------------------------------------------
    def letter_rows(self) -> list[list]:
        ledger = self.assistant.store.commitments()
        rows = []
        for v in self.assistant.store.letters().values():
            m = v.metadata
            rows.append([iso(v.date) or "undated", v.title, m.sender or "", m.recipient or "",
                         "; ".join(m.cc), sum(r.source == v.source for r in ledger), v.n_chunks, v.source])
        return sorted(rows, key=lambda r: (r[0], r[1]))

    def letter_choices(self) -> list[str]:
        return sorted(self.assistant.store.letters())

    def _reindex(self, progress=None):
        return self.assistant.indexer.run([self.sources], progress=_steps(progress))

    def upload(self, paths: list[str], progress=None) -> list[dict]:
        """Save and index uploaded files; one result per file: added / updated / unchanged / duplicate / failed."""
        results: list[dict] = []
        saved: list[Saved] = []
        for raw in paths or []:
            path = Path(raw if isinstance(raw, str) else raw.name)
            name = getattr(raw, "orig_name", None) or path.name
            try:
                result = save_upload(self.sources, name, path.read_bytes(), self.assistant.settings.max_file_mb,
                                     self.assistant.settings.max_attachment_mb)
            except UploadError as err:
                results.append({"file": name, "outcome": "failed", "message": str(err)})
                continue
            except OSError as err:
                results.append({"file": name, "outcome": "failed", "message": f"{name}: cannot read ({err.strerror})"})
                continue
            saved.append(result)
        if saved:
            with self.write_lock:
                report = self.assistant.indexer.add([s.loaded for s in saved], self.sources, _steps(progress))
            by_source = {source_name(s.path): s for s in saved}
            for r in report.results:  # an email's attachments have results of their own, after the message's
                s = by_source.get(container(r.source))  # None: a file the run indexed besides (a rebuilt store's)
                name = s.name + r.source.removeprefix(source_name(s.path)) if s else r.source
                results.append({"file": name, "saved_as": str(s.path) if s else r.source, "outcome": r.outcome.value,
                                "message": r.message})
        return results

    def remove(self, source: str) -> str:
        if not source:
            return "Choose a letter to remove."
        with self.write_lock:
            moved = remove_letter(self.sources, source)
            self.assistant.indexer.remove([container(source)], self.sources)
        return f"Removed {source}: the file is now {moved}. Move it back and re-index to restore it."

    def reindex(self, progress=None) -> str:
        with self.write_lock:
            report = self._reindex(progress)
        failed = "".join(f"\n- {r.message}" for r in report.failed)
        return f"Re-indexed {self.sources}: {report.summary()}.{failed}"

    # -- commitments -----------------------------------------------------------------------------
    def ledger(self, actor: str, recipient: str, due_from: str, due_to: str, status: str, letter: str):
        flt = LedgerFilter(
            due_from=_date(due_from), due_before=_day_after(due_to), actor=actor or None, recipient=recipient or None,
            status=None if status in ("", "any") else Status(status), source=letter or None,
        )
        return select(self.assistant.store.commitments(), flt)

    def ledger_rows(self, records) -> list[list]:
        return [[iso(r.deadline) or "", r.kind, r.status, r.actor or "", r.actor_name or "", r.action,
                 "; ".join(r.recipients), r.deadline_text or "", r.title, r.quote] for r in records]

    def ledger_files(self, records) -> tuple[str, str]:
        csv_path = self.downloads / "commitments.csv"
        ics_path = self.downloads / "deadlines.ics"
        csv_path.write_text(to_csv(records), encoding="utf-8")
        ics_path.write_bytes(to_ics(records))
        return str(csv_path), str(ics_path)

    # -- evaluation ------------------------------------------------------------------------------
    def evaluate(self, testset: Path, progress=None):
        from evals.metrics import check_thresholds
        from evals.runner import run_eval
        from evals.testset import load_testset

        ts = load_testset(testset)

        def step(i: int, total: int, name: str) -> None:
            if progress is not None:
                progress((i, total), desc=f"{name}: question {i} of {total}")

        report = run_eval(ts, embeddings=self.assistant.embeddings, progress=step)
        ours = report["answerers"]["extractive"]
        failures = check_thresholds(ours["summary"], ts.thresholds)
        others = [report["answerers"][name]["summary"] for name in ("peer", "baseline")]
        metrics = [[k, cell(v), *(cell(s[k]) for s in others)] for k, v in ours["summary"].items()]
        cases = [[c["id"], c["category"], "pass" if c["passed"] else "FAIL", c["question"], " ".join(c["answer"].split())]
                 for c in ours["cases"]]
        verdict = "All thresholds met." if not failures else "Below threshold: " + "; ".join(failures)
        return verdict, metrics, cases


def _date(text: str | None) -> date | None:
    text = (text or "").strip()
    return date.fromisoformat(text) if text else None


def _day_after(text: str | None) -> date | None:
    day = _date(text)
    return day + timedelta(days=1) if day else None


def _steps(progress):
    """Indexing progress as Gradio's progress bar shows it."""

    def step(i: int, total: int, name: str) -> None:
        if progress is not None:
            progress((i, total), desc=f"Indexing {Path(name).name}")

    return step
