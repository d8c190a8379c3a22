"""The Gradio app officials use: Chat, Letters, Commitments and Evaluation pages.

One `Assistant` (model, store, answerer) is built at start and shared by every request; the app is
the store's writer while it runs (uploads, removals and re-indexing happen in-process, one at a
time), and readers see the new state as soon as a write commits.
"""

from __future__ import annotations

import html
import logging
import tempfile
import threading
from datetime import date
from pathlib import Path

import gradio as gr

from assistant.answer import Answer
from assistant.commitments import LedgerFilter, select, to_csv, to_ics
from assistant.question import is_follow_up
from assistant.service import Assistant
from assistant.uploads import UploadError, remove_letter, save_upload

log = logging.getLogger(__name__)

# Inline styles: they survive any theme and reach copied HTML too.
CARD = "border:1px solid #d1d5db;border-radius:8px;padding:10px 14px;margin-bottom:10px"
META = "color:#4b5563;font-size:0.9em;margin-bottom:6px"
PARA = "white-space:pre-wrap;line-height:1.45"
MARK = "background:#fde68a;padding:0 2px"
REFUSAL = "border-left:4px solid #b45309;background:#fffbeb;padding:10px 14px;border-radius:6px"
LEDGER_COLUMNS = ["due", "kind", "status", "actor", "person", "action", "to", "deadline words", "letter", "quote"]
LETTER_COLUMNS = ["date", "title", "sender", "recipient", "copied to", "commitments", "chunks", "source"]


def paragraph_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (blank-line separated) holding text[start:end]."""
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    return (0 if left < 0 else left + 2), (len(text) if right < 0 else right)


def citations_html(answer: Answer, store) -> str:
    if answer.abstained:
        return f"<div class='refusal' style='{REFUSAL}'><b>Not in the letters.</b> {html.escape(answer.answer)}</div>"
    cards = []
    for c in answer.citations:
        letter = store.letter(c.source)
        meta = letter.metadata if letter else {}
        p_start, p_end = paragraph_around(letter.text, c.start, c.end) if letter else (c.start, c.end)
        before = html.escape(letter.text[p_start : c.start]) if letter else ""
        after = html.escape(letter.text[c.end : p_end]) if letter else ""
        parties = " → ".join(x for x in (meta.get("sender"), meta.get("recipient")) if x)
        details = [c.date or "undated", parties, f"page {c.page}" if c.page else "", f"{c.source} [{c.start}:{c.end}]"]
        cards.append(
            f"<div class='source-card' style='{CARD}'><div style='{META}'><b>[{c.id}] {html.escape(c.title)}</b><br>"
            f"{html.escape(' · '.join(d for d in details if d))}</div>"
            f"<div style='{PARA}'>{before}<mark style='{MARK}'>{html.escape(c.quote)}</mark>{after}</div></div>"
        )
    return "".join(cards)


def briefing_text(answer: Answer) -> str:
    """The answer with its citations, ready to paste into a briefing note."""
    if answer.abstained:
        return answer.answer
    lines = [answer.answer, "", "Sources:"]
    for c in answer.citations:
        where = ", ".join(x for x in (c.title, c.date, f"page {c.page}" if c.page else None) if x)
        lines.append(f"[{c.id}] “{c.quote}” — {where} ({c.source})")
    return "\n".join(lines)


def chat_markdown(answer: Answer) -> str:
    if answer.abstained:
        return f"**Not in the letters.** {answer.answer}"
    return answer.answer


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
            history = history + [{"role": "user", "content": message}, {"role": "assistant", "content": f"Error: {err}"}]
            return history, "", "", "", last_question
        history = history + [{"role": "user", "content": message}, {"role": "assistant", "content": chat_markdown(answer)}]
        subject = last_question if context else message
        return history, "", citations_html(answer, self.assistant.store), briefing_text(answer), subject

    # -- letters -------------------------------------------------------------------------------
    def letter_rows(self) -> list[list]:
        ledger = self.assistant.store.commitments()
        rows = []
        for v in self.assistant.store.letters().values():
            m = v.metadata
            rows.append([v.date or "undated", v.title, m.get("sender") or "", m.get("recipient") or "",
                         "; ".join(m.get("cc") or []), sum(r.source == v.source for r in ledger), v.n_chunks, v.source])
        return sorted(rows, key=lambda r: (r[0], r[1]))

    def letter_choices(self) -> list[str]:
        return sorted(self.assistant.store.letters())

    def _reindex(self, progress=None):
        def step(i: int, total: int, name: str) -> None:
            if progress is not None:
                progress((i, total), desc=f"Indexing {Path(name).name}")

        return self.assistant.indexer.run([self.sources], progress=step)

    def upload(self, paths: list[str], progress=None) -> list[dict]:
        """Save and index uploaded files; one result per file: added / updated / unchanged / duplicate / failed."""
        results: list[dict] = []
        saved: dict[str, str] = {}
        for raw in paths or []:
            path = Path(raw if isinstance(raw, str) else raw.name)
            name = getattr(raw, "orig_name", None) or path.name
            try:
                result = save_upload(self.sources, name, path.read_bytes(), self.assistant.settings.max_file_mb)
            except UploadError as err:
                results.append({"file": name, "outcome": "failed", "message": str(err)})
                continue
            except OSError as err:
                results.append({"file": name, "outcome": "failed", "message": f"{name}: cannot read ({err.strerror})"})
                continue
            saved[str(result.path)] = name
        if saved:
            with self.write_lock:
                report = self._reindex(progress)
            by_source = {r.source: r for r in report.results}
            from index.indexer import source_name

            for path, name in saved.items():
                r = by_source.get(source_name(Path(path)))
                outcome = r.outcome.value if r else "unchanged"
                results.append({"file": name, "saved_as": path, "outcome": outcome, "message": r.message if r else ""})
        return results

    def remove(self, source: str) -> str:
        if not source:
            return "Choose a letter to remove."
        with self.write_lock:
            moved = remove_letter(self.sources, source)
            self._reindex()
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
            status=None if status in ("", "any") else status, source=letter or None,
        )
        return select(self.assistant.store.commitments(), flt)

    def ledger_rows(self, records) -> list[list]:
        return [[r.deadline or "", r.kind, r.status, r.actor or "", r.actor_name or "", r.action,
                 "; ".join(r.recipients), r.deadline_text or "", r.title, r.quote] for r in records]

    def ledger_files(self, records) -> tuple[str, str]:
        csv_path = self.downloads / "commitments.csv"
        ics_path = self.downloads / "deadlines.ics"
        csv_path.write_text(to_csv(records), encoding="utf-8")
        ics_path.write_bytes(to_ics(records))
        return str(csv_path), str(ics_path)

    # -- evaluation ------------------------------------------------------------------------------
    def evaluate(self, testset: Path, progress=None):
        from assistant.evaluation import check_thresholds, load_testset, run_eval

        ts = load_testset(testset)

        def step(i: int, total: int, name: str) -> None:
            if progress is not None:
                progress((i, total), desc=f"{name}: question {i} of {total}")

        report = run_eval(ts, embeddings=self.assistant.embeddings, progress=step)
        ours = report["answerers"]["extractive"]
        failures = check_thresholds(ours["summary"], ts.thresholds)
        others = [report["answerers"][name]["summary"] for name in ("peer", "baseline")]
        metrics = [[k, _cell(v), *(_cell(s[k]) for s in others)] for k, v in ours["summary"].items()]
        cases = [[c["id"], c["category"], "pass" if c["passed"] else "FAIL", c["question"], " ".join(c["answer"].split())]
                 for c in ours["cases"]]
        verdict = "All thresholds met." if not failures else "Below threshold: " + "; ".join(failures)
        return verdict, metrics, cases


def _cell(value) -> str:
    return "—" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def _date(text: str | None) -> date | None:
    text = (text or "").strip()
    return date.fromisoformat(text) if text else None


def _day_after(text: str | None) -> date | None:
    from datetime import timedelta

    day = _date(text)
    return day + timedelta(days=1) if day else None


def timeline(records, today: date | None = None):
    """Deadlines over time, one row per actor, today marked."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    today = today or date.today()
    dated = [r for r in records if r.deadline]
    fig, ax = plt.subplots(figsize=(10, max(2.5, 0.45 * len({r.actor for r in dated}) + 1.5)))
    colours = {"current": "#1d4ed8", "superseded": "#9ca3af", "withdrawn": "#dc2626"}
    actors = sorted({(r.actor_name or r.actor or "?")[:40] for r in dated})
    for r in dated:
        y = actors.index((r.actor_name or r.actor or "?")[:40])
        ax.scatter(date.fromisoformat(r.deadline), y, color=colours.get(r.status, "#1d4ed8"), s=60, zorder=3,
                   marker="o" if r.status == "current" else "x")
    days = [date.fromisoformat(r.deadline) for r in dated]
    if days:
        from datetime import timedelta

        pad = timedelta(days=max(20, (max(days) - min(days)).days // 12))
        low, high = min(days) - pad, max(days) + pad
        if low <= today <= high:
            ax.axvline(today, color="#b45309", linestyle="--", label=f"today ({today.isoformat()})")
        else:  # keep the deadlines readable; say where today lies
            high = max(high, today) if (today - high).days < 180 else high
            side = "after" if today > high else "before"
            ax.plot([], [], color="#b45309", linestyle="--", label=f"today ({today.isoformat()}) is {side} this range")
            if low <= today <= high:
                ax.axvline(today, color="#b45309", linestyle="--")
        ax.set_xlim(low, high)
    else:
        ax.axvline(today, color="#b45309", linestyle="--", label=f"today ({today.isoformat()})")
    ax.set_yticks(range(len(actors)), actors)
    ax.set_title("Deadlines (blue: current, grey ×: superseded, red ×: withdrawn)")
    ax.legend(loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def build(app: App, testset: Path) -> gr.Blocks:
    with gr.Blocks(title="Directions assistant") as demo:
        gr.Markdown("## Directions assistant\nAsk who must report what, to whom, by when — every answer quotes the letters.")
        with gr.Tab("Chat"):
            last_question = gr.State(None)
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Conversation", height=420)
                    with gr.Row():
                        box = gr.Textbox(placeholder="e.g. By when must the Commissioner report, and to whom?",
                                         show_label=False, scale=5, elem_id="question")
                        send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask-button")
                    briefing = gr.Textbox(label="Copy answer with citations (for a briefing note)", lines=6,
                                          buttons=["copy"], interactive=False, elem_id="briefing")
                with gr.Column(scale=2):
                    gr.Markdown("### Sources")
                    sources = gr.HTML(elem_id="sources")
            outputs = [chat, box, sources, briefing, last_question]
            send.click(app.respond, [box, chat, last_question], outputs, api_visibility="private", concurrency_limit=8)
            box.submit(app.respond, [box, chat, last_question], outputs, api_visibility="private", concurrency_limit=8)

        with gr.Tab("Letters"):
            letters = gr.Dataframe(headers=LETTER_COLUMNS, value=app.letter_rows, interactive=False, wrap=True,
                                   elem_id="letters-table")
            with gr.Row():
                files = gr.File(label="Upload letters (PDF, DOCX, TXT, MD, HTML)", file_count="multiple",
                                file_types=[".pdf", ".docx", ".txt", ".md", ".html", ".htm"], elem_id="upload")
                upload_results = gr.Dataframe(headers=["file", "outcome", "message"], interactive=False, wrap=True,
                                              label="Upload results")
            upload_btn = gr.Button("Add uploaded letters", variant="primary", elem_id="upload-button")
            with gr.Row():
                choice = gr.Dropdown(choices=app.letter_choices(), label="Letter", scale=3)
                remove_btn = gr.Button("Remove letter", variant="stop", scale=1)
                reindex_btn = gr.Button("Re-index the sources folder", scale=1)
            status = gr.Markdown()

        with gr.Tab("Commitments"):
            with gr.Row():
                f_actor = gr.Textbox(label="Actor contains")
                f_recipient = gr.Textbox(label="Recipient contains")
                f_from = gr.Textbox(label="Due from (YYYY-MM-DD)")
                f_to = gr.Textbox(label="Due to (YYYY-MM-DD)")
                f_status = gr.Dropdown(["any", "current", "superseded", "withdrawn"], value="any", label="Status")
                f_letter = gr.Dropdown(choices=[""] + app.letter_choices(), value="", label="Letter")
            filter_btn = gr.Button("Apply filters")
            plot = gr.Plot(label="Timeline")
            table = gr.Dataframe(headers=LEDGER_COLUMNS, interactive=False, wrap=True, elem_id="ledger-table")
            with gr.Row():
                csv_btn = gr.DownloadButton("Download CSV")
                ics_btn = gr.DownloadButton("Download calendar (ICS)")

        with gr.Tab("Evaluation"):
            gr.Markdown(f"Runs the test set `{testset}` in a temporary store, beside the rule-free peer and the LangChain baseline.")
            eval_btn = gr.Button("Run evaluation", variant="primary")
            verdict = gr.Markdown()
            metrics = gr.Dataframe(headers=["metric", "ours", "peer", "baseline"], interactive=False)
            cases = gr.Dataframe(headers=["id", "category", "result", "question", "answer"], interactive=False, wrap=True)

        # API for other tools (gradio_client): ask and upload.
        api_question = gr.Textbox(visible=False)
        api_answer = gr.JSON(visible=False)
        api_files = gr.File(file_count="multiple", visible=False)
        api_results = gr.JSON(visible=False)
        api_ask = gr.Button(visible=False)
        api_upload = gr.Button(visible=False)
        api_ask.click(lambda q: app.ask(q).to_dict(), api_question, api_answer, api_name="ask", concurrency_limit=8)
        api_upload.click(lambda f: app.upload(f), api_files, api_results, api_name="upload", concurrency_limit=1)

        def refresh_ledger(actor, recipient, due_from, due_to, status_, letter):
            try:
                records = app.ledger(actor, recipient, due_from, due_to, status_, letter)
            except ValueError:
                raise gr.Error("Dates must be written YYYY-MM-DD.") from None
            csv_path, ics_path = app.ledger_files(records)
            return timeline(records), app.ledger_rows(records), csv_path, ics_path

        ledger_inputs = [f_actor, f_recipient, f_from, f_to, f_status, f_letter]
        ledger_outputs = [plot, table, csv_btn, ics_btn]
        filter_btn.click(refresh_ledger, ledger_inputs, ledger_outputs, api_visibility="private")
        demo.load(refresh_ledger, ledger_inputs, ledger_outputs, api_visibility="private")

        def after_write(message_or_rows):
            choices = app.letter_choices()
            return (message_or_rows, app.letter_rows(), gr.update(choices=choices, value=None),
                    gr.update(choices=[""] + choices))

        def do_upload(paths, progress=gr.Progress()):
            rows = [[r["file"], r["outcome"], r.get("message", "")] for r in app.upload(paths, progress)]
            return after_write(rows)

        def do_remove(source):
            try:
                return after_write(app.remove(source))
            except UploadError as err:
                raise gr.Error(str(err)) from None

        def do_reindex(progress=gr.Progress()):
            return after_write(app.reindex(progress))

        write_outputs = [letters, choice, f_letter]
        upload_btn.click(do_upload, files, [upload_results, *write_outputs], api_visibility="private", concurrency_limit=1) \
            .then(refresh_ledger, ledger_inputs, ledger_outputs, api_visibility="private")
        remove_btn.click(do_remove, choice, [status, *write_outputs], api_visibility="private", concurrency_limit=1) \
            .then(refresh_ledger, ledger_inputs, ledger_outputs, api_visibility="private")
        reindex_btn.click(do_reindex, None, [status, *write_outputs], api_visibility="private", concurrency_limit=1) \
            .then(refresh_ledger, ledger_inputs, ledger_outputs, api_visibility="private")
        eval_btn.click(lambda progress=gr.Progress(): app.evaluate(testset, progress), None, [verdict, metrics, cases],
                       api_visibility="private", concurrency_limit=1)
    return demo


# -- serving ---------------------------------------------------------------------------------------
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class AccessError(Exception):
    """Serving refused: the message says what to set."""


def parse_auth(spec: str | None) -> list[tuple[str, str]] | None:
    """`user:password` pairs separated by commas, or `@PATH` to a file with one pair a line."""
    if not spec:
        return None
    if spec.startswith("@"):
        path = Path(spec[1:])
        try:
            entries = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise AccessError(f"ASSISTANT_AUTH: cannot read {path} ({err.strerror})") from None
    else:
        entries = spec.split(",")
    pairs = []
    for entry in (e.strip() for e in entries):
        if not entry or entry.startswith("#"):
            continue
        user, sep, password = entry.partition(":")
        if not sep or not user or not password:
            raise AccessError("ASSISTANT_AUTH: each entry must be user:password")
        pairs.append((user, password))
    if not pairs:
        raise AccessError("ASSISTANT_AUTH is set but holds no user:password pair")
    return pairs


def check_access(host: str, auth: list[tuple[str, str]] | None) -> None:
    if host not in LOOPBACK and not auth:
        raise AccessError(
            f"refusing to serve on {host} without a login: set ASSISTANT_AUTH to user:password pairs "
            "(or @FILE), or bind to 127.0.0.1"
        )


def launch(assistant: Assistant, sources: Path, host: str, port: int, testset: Path, block: bool = True):
    auth = parse_auth(assistant.settings.auth)
    check_access(host, auth)
    app = App(assistant, sources)
    assistant.embeddings.encode(["warm-up"])  # load the model once, before the first question
    demo = build(app, testset)
    demo.queue(default_concurrency_limit=4)
    demo.launch(server_name=host, server_port=port, auth=auth, prevent_thread_lock=not block,
                show_error=True, footer_links=["api"])
    return demo
