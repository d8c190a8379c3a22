"""The app, live: gradio_client against a real server started here, and a real headless Chromium."""

from __future__ import annotations

import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_seed_letters, free_port, indexed_copy
from tests.helpers import NEW_LETTER
from ui.web.access import AccessError, check_access, parse_auth
from ui.web.controller import App
from ui.web.layout import build


@pytest.fixture(scope="module")
def live(tmp_path_factory, embeddings, settings_factory):
    folder = tmp_path_factory.mktemp("app")
    assistant, sources = indexed_copy(folder, None, embeddings, settings_factory)
    app = App(assistant, sources)
    demo = build(app, ROOT / "evals" / "testset.yaml")
    demo.queue(default_concurrency_limit=4)
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, auth=[("official", "s3cret")],
                show_error=True)
    yield {"url": f"http://127.0.0.1:{port}/", "app": app, "folder": folder, "sources": sources}
    demo.close()


@pytest.fixture(scope="module")
def client(live):
    from gradio_client import Client

    return Client(live["url"], auth=("official", "s3cret"), verbose=False)


def test_ask_returns_the_cli_json_object_with_citations(client):
    out = client.predict("Who has been appointed Commissioner for Children's Social Care?", api_name="/ask")
    assert set(out) == {"question", "answer", "abstained", "citations", "timings_ms"}
    assert "Norman Warner" in out["answer"] and out["citations"]
    assert {"id", "source", "title", "date", "quote", "start", "end", "page", "section"} == set(out["citations"][0])


def test_a_wrong_password_is_refused(live):
    from gradio_client import Client

    with pytest.raises(ValueError, match="Could not login"):  # not a connection error: the server said no
        Client(live["url"], auth=("official", "wrong"), verbose=False)


def test_upload_a_letter_then_get_an_answer_from_it(client, live, tmp_path):
    from gradio_client import handle_file

    letter = tmp_path / "../eastwick letter (final).txt"
    letter.write_text(NEW_LETTER)
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    results = client.predict([handle_file(str(letter)), handle_file(str(bad))], api_name="/upload")
    by_file = {Path(r["file"]).name: r for r in results}
    assert by_file["scan.pdf"]["outcome"] == "failed" and "scan.pdf" in by_file["scan.pdf"]["message"]
    added = [r for r in results if r["outcome"] == "added"]
    assert len(added) == 1 and Path(added[0]["saved_as"]).parent == live["sources"]
    assert ".." not in Path(added[0]["saved_as"]).name and " " not in Path(added[0]["saved_as"]).name
    out = client.predict("By when must Eastwick publish its improvement plan?", api_name="/ask")
    assert "31 May 2016" in out["answer"] and not out["abstained"]
    again = client.predict([handle_file(str(letter))], api_name="/upload")
    assert again[0]["outcome"] == "unchanged"


def test_ten_concurrent_questions_are_all_answered_while_an_upload_indexes(client, live, tmp_path):
    from gradio_client import Client, handle_file

    questions = ["Who has been appointed Commissioner for Children's Social Care?",
                 "By when must the Commissioner make recommendations on urgent actions?"] * 5
    other = tmp_path / "second.txt"
    other.write_text(NEW_LETTER.replace("Eastwick", "Westholm").replace("31 May 2016", "30 June 2016"))
    uploader = threading.Thread(target=lambda: client.predict([handle_file(str(other))], api_name="/upload"))
    uploader.start()

    def ask(q):
        return Client(live["url"], auth=("official", "s3cret"), verbose=False).predict(q, api_name="/ask")

    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(ask, questions))
    uploader.join()
    for q, a in zip(questions, answers, strict=True):
        assert not a["abstained"]
        assert ("Norman Warner" in a["answer"]) if "appointed" in q else ("May 2014" in a["answer"])


def test_remove_moves_the_file_aside_and_restoring_it_brings_it_back(live):
    app: App = live["app"]
    source = next(s for s in app.assistant.store.letters() if "le_grand" in s)
    message = app.remove(source)
    assert ".removed" in message and source not in app.assistant.store.letters()
    moved = live["sources"] / ".removed" / Path(source).name
    shutil.move(str(moved), source)
    app.reindex()
    assert source in app.assistant.store.letters()


def test_binding_beyond_loopback_needs_a_login(tmp_path):
    with pytest.raises(AccessError, match="ASSISTANT_AUTH"):
        check_access("0.0.0.0", None)
    check_access("0.0.0.0", [("a", "b")])
    (tmp_path / "users").write_text("ann:pw1\n# comment\nbob:pw2\n")
    assert parse_auth(f"@{tmp_path / 'users'}") == [("ann", "pw1"), ("bob", "pw2")]
    assert parse_auth("ann:pw1,bob:pw2") == [("ann", "pw1"), ("bob", "pw2")]
    with pytest.raises(AccessError):
        parse_auth("no-password")


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make test installs it as root)")
def test_a_browser_asks_sees_the_highlighted_source_and_uploads(live, tmp_path):
    from playwright.sync_api import sync_playwright

    out = ROOT / "test-output" / "browser"
    out.mkdir(parents=True, exist_ok=True)
    letter = tmp_path / "northgate.txt"
    letter.write_text(NEW_LETTER.replace("Eastwick", "Northgate").replace("31 May 2016", "15 July 2016"))
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(live["url"])
        page.locator("input").first.fill("official", timeout=60_000)
        page.locator("input[type='password']").fill("s3cret")
        page.get_by_role("button", name="Login").click()
        page.wait_for_selector("#question textarea", timeout=60_000)
        page.fill("#question textarea", "By when must the Commissioner make recommendations on urgent actions?")
        page.click("#ask-button")
        page.wait_for_selector("#sources mark", timeout=60_000)
        assert "end of May 2014" in page.inner_text("#sources mark")
        page.screenshot(path=str(out / "chat.png"), full_page=True)
        page.get_by_role("tab", name="Letters").click()
        page.set_input_files("#upload input[type='file']", str(letter))
        page.click("#upload-button")
        page.wait_for_function("document.body.innerText.includes('added')", timeout=120_000)
        page.screenshot(path=str(out / "letters.png"), full_page=True)
        page.get_by_role("tab", name="Commitments").click()
        # The seed letters' duty, and the uploaded letter's: the ledger was refreshed after the upload.
        page.wait_for_function("['2014-05-31', '2016-07-15'].every("
                               "due => document.querySelector('#ledger-table').innerText.includes(due))",
                               timeout=60_000)
        assert "Lord Norman Warner" in page.inner_text("#ledger-table")
        page.screenshot(path=str(out / "commitments.png"), full_page=True)
        browser.close()


def test_a_follow_up_in_the_chat_is_read_against_the_previous_question(live):
    app: App = live["app"]
    history, _, _, _, subject = app.respond(
        "Who does the Commissioner report to about senior management capacity?", [], None)
    history, _, sources, briefing, subject = app.respond("and by when?", history, subject)
    assert "June 2014" in history[-1]["content"]
    assert "<mark" in sources and "Sources:" in briefing
    history, _, sources, _, _ = app.respond("How much will the Commissioner be paid?", history, subject)
    assert history[-1]["content"].startswith("**Not in the letters.**") and "Not in the letters" in sources


def test_the_evaluation_page_runs_a_test_set(live, tmp_path):
    testset = tmp_path / "mini.yaml"
    testset.write_text(
        f"corpus: [{copy_seed_letters(tmp_path / 'letters')}]\n"
        "thresholds: {fact_accuracy: 0.5}\n"
        "cases:\n"
        "  - {id: a, question: 'Who has been appointed Commissioner?', facts: [[Norman Warner]], category: appointment}\n"
        "  - {id: b, question: 'How much will the Council be fined?', answerable: false, category: unanswerable}\n"
    )
    verdict, metrics, cases = live["app"].evaluate(testset)
    assert verdict == "All thresholds met."
    assert [row[2] for row in cases] == ["pass", "pass"]
    assert any(row[0] == "fact_accuracy" for row in metrics)
