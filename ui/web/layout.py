"""The web page's layout: one function per tab, each wiring its own controls to the controller; the
writes of the Letters tab refresh the Commitments tab."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from index.model import Status
from index.uploads import UploadError
from ui.web.controller import App
from ui.web.render import LEDGER_COLUMNS, LETTER_COLUMNS
from ui.web.timeline import timeline

PRIVATE = {"api_visibility": "private"}  # page events, not part of the API other tools call
ONE_AT_A_TIME = {**PRIVATE, "concurrency_limit": 1}  # writes to the store, and the evaluation


def build(app: App, testset: Path) -> gr.Blocks:
    with gr.Blocks(title="Directions assistant") as demo:
        gr.Markdown("## Directions assistant\nAsk who must report what, to whom, by when — every answer quotes the letters.")
        chat_tab(app)
        letters = letters_tab(app)
        ledger = commitments_tab(app, demo)
        evaluation_tab(app, testset)
        api(app)
        wire_writes(app, letters, ledger)
    return demo


def chat_tab(app: App) -> None:
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
    for trigger in (send.click, box.submit):
        trigger(app.respond, [box, chat, last_question], outputs, concurrency_limit=8, **PRIVATE)


@dataclass
class LettersTab:
    table: gr.Dataframe
    files: gr.File
    upload_results: gr.Dataframe
    upload: gr.Button
    choice: gr.Dropdown
    remove: gr.Button
    reindex: gr.Button
    status: gr.Markdown


def letters_tab(app: App) -> LettersTab:
    with gr.Tab("Letters"):
        table = gr.Dataframe(headers=LETTER_COLUMNS, value=app.letter_rows, interactive=False, wrap=True,
                             elem_id="letters-table")
        with gr.Row():
            files = gr.File(label="Upload letters (PDF, DOCX, TXT, MD, HTML)", file_count="multiple",
                            file_types=[".pdf", ".docx", ".txt", ".md", ".html", ".htm"], elem_id="upload")
            upload_results = gr.Dataframe(headers=["file", "outcome", "message"], interactive=False, wrap=True,
                                          label="Upload results")
        upload = gr.Button("Add uploaded letters", variant="primary", elem_id="upload-button")
        with gr.Row():
            choice = gr.Dropdown(choices=app.letter_choices(), label="Letter", scale=3)
            remove = gr.Button("Remove letter", variant="stop", scale=1)
            reindex = gr.Button("Re-index the sources folder", scale=1)
        status = gr.Markdown()
    return LettersTab(table, files, upload_results, upload, choice, remove, reindex, status)


@dataclass
class CommitmentsTab:
    letter: gr.Dropdown
    inputs: list
    outputs: list
    refresh: object  # the function that redraws the tab from its filters


def commitments_tab(app: App, demo: gr.Blocks) -> CommitmentsTab:
    with gr.Tab("Commitments"):
        with gr.Row():
            inputs = [gr.Textbox(label="Actor contains"), gr.Textbox(label="Recipient contains"),
                      gr.Textbox(label="Due from (YYYY-MM-DD)"), gr.Textbox(label="Due to (YYYY-MM-DD)"),
                      gr.Dropdown(["any", *(s.value for s in Status)], value="any", label="Status"),
                      gr.Dropdown(choices=[""] + app.letter_choices(), value="", label="Letter")]
        apply = gr.Button("Apply filters")
        plot = gr.Plot(label="Timeline")
        table = gr.Dataframe(headers=LEDGER_COLUMNS, interactive=False, wrap=True, elem_id="ledger-table")
        with gr.Row():
            outputs = [plot, table, gr.DownloadButton("Download CSV"), gr.DownloadButton("Download calendar (ICS)")]

    def refresh(actor, recipient, due_from, due_to, status, letter):
        try:
            records = app.ledger(actor, recipient, due_from, due_to, status, letter)
        except ValueError:
            raise gr.Error("Dates must be written YYYY-MM-DD.") from None
        csv_path, ics_path = app.ledger_files(records)
        return timeline(records), app.ledger_rows(records), csv_path, ics_path

    apply.click(refresh, inputs, outputs, **PRIVATE)
    demo.load(refresh, inputs, outputs, **PRIVATE)
    return CommitmentsTab(inputs[-1], inputs, outputs, refresh)


def evaluation_tab(app: App, testset: Path) -> None:
    with gr.Tab("Evaluation"):
        gr.Markdown(f"Runs the test set `{testset}` in a temporary store, beside the rule-free peer and the LangChain baseline.")
        run = gr.Button("Run evaluation", variant="primary")
        verdict = gr.Markdown()
        metrics = gr.Dataframe(headers=["metric", "ours", "peer", "baseline"], interactive=False)
        cases = gr.Dataframe(headers=["id", "category", "result", "question", "answer"], interactive=False, wrap=True)
    run.click(lambda progress=gr.Progress(): app.evaluate(testset, progress), None, [verdict, metrics, cases],
              **ONE_AT_A_TIME)


def api(app: App) -> None:
    """The API other tools call (gradio_client): `ask` and `upload`."""
    question, answer = gr.Textbox(visible=False), gr.JSON(visible=False)
    files, results = gr.File(file_count="multiple", visible=False), gr.JSON(visible=False)
    gr.Button(visible=False).click(lambda q: app.ask(q).to_dict(), question, answer, api_name="ask",
                                   concurrency_limit=8)
    gr.Button(visible=False).click(lambda f: app.upload(f), files, results, api_name="upload", concurrency_limit=1)


def wire_writes(app: App, letters: LettersTab, ledger: CommitmentsTab) -> None:
    """Uploads, removals and re-indexing, one at a time; each refreshes the letter lists and the ledger."""

    def after_write(message_or_rows):
        choices = app.letter_choices()
        return (message_or_rows, app.letter_rows(), gr.update(choices=choices, value=None),
                gr.update(choices=[""] + choices))

    def upload(paths, progress=gr.Progress()):
        return after_write([[r["file"], r["outcome"], r.get("message", "")] for r in app.upload(paths, progress)])

    def remove(source):
        try:
            return after_write(app.remove(source))
        except UploadError as err:
            raise gr.Error(str(err)) from None

    def reindex(progress=gr.Progress()):
        return after_write(app.reindex(progress))

    lists = [letters.table, letters.choice, ledger.letter]
    for button, handler, inputs, message in ((letters.upload, upload, letters.files, letters.upload_results),
                                             (letters.remove, remove, letters.choice, letters.status),
                                             (letters.reindex, reindex, None, letters.status)):
        button.click(handler, inputs, [message, *lists], **ONE_AT_A_TIME) \
            .then(ledger.refresh, ledger.inputs, ledger.outputs, **PRIVATE)
