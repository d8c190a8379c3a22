"""Serving the web app: check access, load the model once, launch Gradio."""

from __future__ import annotations

from pathlib import Path

from assistant.service import Assistant
from ui.indexing import prepare_to_serve, watch
from ui.web.access import check_access, parse_auth
from ui.web.controller import App
from ui.web.layout import build


def launch(assistant: Assistant, sources: Path, host: str, port: int, testset: Path, block: bool = True,
           watch_sources: bool = False):
    auth = parse_auth(assistant.settings.auth)
    check_access(host, auth)
    prepare_to_serve(assistant, sources)
    # Once the store is up to date, so the watch never races the first indexing for the writer lock.
    watching = watch(assistant, sources) if watch_sources else None
    app = App(assistant, sources)
    assistant.embeddings.encode(["warm-up"])  # load the model once, before the first question
    demo = build(app, testset)
    demo.queue(default_concurrency_limit=4)
    try:
        demo.launch(server_name=host, server_port=port, auth=auth, prevent_thread_lock=not block,
                    show_error=True, footer_links=["api"])
    finally:
        if watching and block:
            watching.stop()
    return demo
