"""The CLI contract other tools rely on: verbs, flags, JSON fields, stdout only for answers."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, copy_seed_letters

pytestmark = pytest.mark.integration  # the CLI in real processes, each loading the model


def run(*args, env, check=True):
    proc = subprocess.run([sys.executable, "-m", "ui.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    import os

    folder = tmp_path_factory.mktemp("cli")
    copy_seed_letters(folder / "sources")
    (folder / "sources" / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    env = {**os.environ, "ASSISTANT_STORE": str(folder / "store")}
    indexed = run("index", str(folder / "sources"), env=env, check=False)
    assert indexed.returncode == 1, "a failed file gives exit status 1"
    assert "broken.pdf" in indexed.stderr and "2 added" in indexed.stderr and indexed.stdout == ""
    return env, folder


def test_ask_json_has_the_contract_fields(cli_env):
    env, folder = cli_env
    out = json.loads(run("ask", "--json", "--k", "5", "Who was appointed Commissioner?", env=env).stdout)
    assert set(out) == {"question", "answer", "abstained", "citations", "timings_ms"}
    assert set(out["timings_ms"]) == {"retrieve", "answer", "total"}
    citation = out["citations"][0]
    assert set(citation) == {"id", "source", "title", "date", "quote", "start", "end", "page", "section"}
    shown = run("show", citation["source"], env=env).stdout
    assert shown.rstrip("\n")[citation["start"] : citation["end"]] == citation["quote"]


def test_questions_file_gives_one_json_line_per_question_in_order(cli_env, tmp_path):
    env, _ = cli_env
    questions = tmp_path / "q.txt"
    questions.write_text("When will the study report?\n\nHow much will the Council be fined?\n")
    lines = run("ask", "--json", "--questions", str(questions), env=env).stdout.splitlines()
    answers = [json.loads(line) for line in lines]
    assert [a["question"] for a in answers] == ["When will the study report?", "How much will the Council be fined?"]
    assert answers[1]["abstained"] is True and answers[1]["citations"] == []


def test_ask_against_an_empty_store_says_how_to_build_it(tmp_path):
    import os

    env = {**os.environ, "ASSISTANT_STORE": str(tmp_path / "nothing")}
    proc = run("ask", "Who?", env=env, check=False)
    assert proc.returncode == 1
    assert "assistant index" in proc.stderr and proc.stdout == ""
