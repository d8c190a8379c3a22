"""What the app's buttons do to the store: an upload is parsed once and indexes only itself; a removal
takes out only its letter; serving an empty store indexes its sources folder first."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from index import ledger_store, store_state
from tests.conftest import copy_seed_letters, free_port, indexed_copy
from tests.helpers import NEW_LETTER
from ui.indexing import prepare_to_serve
from ui.web.controller import App
from ui.web.serve import launch

pytestmark = pytest.mark.integration


@pytest.fixture
def app(tmp_path, embeddings, settings_factory) -> App:
    assistant, sources = indexed_copy(tmp_path, None, embeddings, settings_factory)
    return App(assistant, sources)


def test_an_upload_is_parsed_once_and_indexes_only_itself(app, tmp_path, monkeypatch):
    parsed = []
    import index.loader

    real_load = index.loader.load_bytes
    monkeypatch.setattr("index.uploads.load_bytes", lambda path, data, *limit: parsed.append(path) or real_load(path, data, *limit))
    monkeypatch.setattr("index.indexer.load_bytes", lambda path, data, *limit: parsed.append(path) or real_load(path, data, *limit))
    gone = sorted(app.sources.glob("*.txt"))[0]
    gone.unlink()  # a change to the folder the upload has nothing to do with
    upload = tmp_path / "eastwick.txt"
    upload.write_text(NEW_LETTER)

    results = app.upload([str(upload)])

    assert [r["outcome"] for r in results] == ["added"]
    assert parsed == [Path("eastwick.txt")], "parsed once, when it was checked"
    indexed = app.assistant.store.letters()
    assert str(app.sources / "eastwick.txt") in indexed
    assert str(gone) in indexed, "the upload did not mirror the folder's other changes"
    assert any(r.source.endswith("eastwick.txt") for r in app.assistant.store.commitments()), \
        "the ledger was built for the upload"


def test_a_removal_takes_out_its_letter_and_no_other(app):
    first, second = sorted(app.assistant.store.letters())
    before = [r for r in app.assistant.store.commitments() if r.source == second]
    Path(second).unlink()  # not removed through the app: left for a re-index to notice
    app.remove(first)
    assert set(app.assistant.store.letters()) == {second}
    assert not app.assistant.store.ledger_stale()
    assert {r.id for r in app.assistant.store.commitments()} == {r.id for r in before}


def test_removing_a_letter_indexes_the_duplicate_that_was_skipped_for_it(app):
    first = sorted(app.assistant.store.letters())[0]
    twin = app.sources / "copy-of-first.txt"
    shutil.copy(first, twin)
    assert app.reindex()  # the copy is skipped as a duplicate
    assert str(twin) not in app.assistant.store.letters()
    app.remove(first)
    assert str(twin) in app.assistant.store.letters()


def test_serving_an_empty_store_indexes_the_sources_folder_first(tmp_path, new_assistant, capfd):
    sources = tmp_path / "letters"
    copy_seed_letters(sources)
    assistant = new_assistant()
    demo = launch(assistant, sources, "127.0.0.1", free_port(), Path("evals/testset.yaml"), block=False)
    try:
        assert len(assistant.store.letters()) == 2
        assert "is empty: indexing" in capfd.readouterr().err
        assert "Norman Warner" in assistant.ask("Who has been appointed Commissioner?").answer
    finally:
        demo.close()


def test_the_chat_says_when_there_are_no_letters_to_answer_from(tmp_path, new_assistant):
    app = App(new_assistant(), tmp_path / "empty")
    history, *_ = app.respond("Who must report?", [], None)
    assert "No letters are indexed yet" in history[-1]["content"]
    assert "Letters tab" in history[-1]["content"]


def test_serving_a_store_whose_ledger_a_killed_run_left_unbuilt_builds_it_first(app, capfd):
    with app.assistant.store.engine.begin() as conn:  # the state a run killed before relinking leaves
        conn.execute(ledger_store.commitments.delete())
        store_state.letters_changed(conn)
    assert app.assistant.store.ledger_stale()
    prepare_to_serve(app.assistant, app.sources)
    assert app.assistant.store.commitments() and not app.assistant.store.ledger_stale()
    assert "Built the ledger" in capfd.readouterr().err


def test_serving_a_store_an_older_version_wrote_rebuilds_it_first(tmp_path, new_assistant, capfd):
    sources = copy_seed_letters(tmp_path / "letters")
    (tmp_path / "store").mkdir()
    with closing(sqlite3.connect(tmp_path / "store" / "store.sqlite")) as conn:  # written before schema versions
        conn.execute("CREATE TABLE letters (source TEXT PRIMARY KEY, folder TEXT NOT NULL)")
        conn.commit()
    assistant = new_assistant()
    prepare_to_serve(assistant, sources)
    assert "older version" in capfd.readouterr().err
    assert len(assistant.store.letters()) == 2
