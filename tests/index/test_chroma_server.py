"""The one Chroma factory also opens a real `chroma run` server (ASSISTANT_CHROMA_HOST)."""

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import copy_seed_letters, free_port


@pytest.fixture
def chroma_server(tmp_path):
    chroma = Path(sys.executable).parent / "chroma"
    port = free_port()
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import chromadb

    deadline = time.time() + 60
    while True:
        try:
            chromadb.HttpClient(host="127.0.0.1", port=port).heartbeat()
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("chroma run did not start")
            time.sleep(0.3)
    yield port
    proc.terminate()
    proc.wait(timeout=20)


def test_index_and_answer_through_a_chroma_server(chroma_server, new_assistant, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("ASSISTANT_CHROMA_PORT", str(chroma_server))
    letters = tmp_path / "letters"
    copy_seed_letters(letters)
    assistant = new_assistant()
    assert not assistant.indexer.run([letters]).failed
    assert not (assistant.store.path / "chroma").exists(), "vectors went to the server, not the store folder"
    answer = assistant.ask("Who has been appointed Commissioner for Children's Social Care?")
    assert "Norman Warner" in answer.answer
