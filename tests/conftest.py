"""Shared fixtures: the real packaged model (loaded once) and real embedded Chroma stores."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
EVAL_CORPUS = ROOT / "evals" / "corpus"
BORE_LETTER = "2014-03-27_timpson_to_bore_birmingham_childrens_services.txt"
LE_GRAND_LETTER = "2014-03_timpson_to_le_grand_thanks_for_report.txt"


def free_port() -> int:
    """A port nothing listens on now, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_seed_letters(dest: Path) -> Path:
    """The two sample letters, copied from the evaluation corpus into `dest` (created). Tests never read
    or write `sources/`: the app saves uploads there, so it is the user's folder, not a fixture."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in (BORE_LETTER, LE_GRAND_LETTER):
        shutil.copy(EVAL_CORPUS / name, dest / name)
    return dest


@pytest.fixture(scope="session")
def embeddings():
    from index.embedder import PackagedEmbeddings

    return PackagedEmbeddings()


@pytest.fixture(scope="session")
def settings_factory():
    from config.settings import Settings

    def make(store: Path, **kw) -> Settings:
        return Settings(store=store, **kw)

    return make


def make_assistant(store: Path, embeddings, settings_factory):
    from assistant.service import Assistant

    return Assistant(settings_factory(store), embeddings)  # every assistant shares the one loaded model


@pytest.fixture
def new_assistant(tmp_path, embeddings, settings_factory):
    """A factory for assistants over fresh stores in this test's temp folder."""

    def make(name: str = "store"):
        return make_assistant(tmp_path / name, embeddings, settings_factory)

    return make


def indexed_copy(folder: Path, letters: Path | None, embeddings, settings_factory):
    """Copy `letters` (a folder or one file; None: the seed letters) into `folder/sources`, index it into
    `folder/store`."""
    sources = folder / "sources"
    if letters is None:
        copy_seed_letters(sources)
    elif letters.is_dir():
        shutil.copytree(letters, sources)
    else:
        sources.mkdir(parents=True)
        shutil.copy(letters, sources)
    assistant = make_assistant(folder / "store", embeddings, settings_factory)
    report = assistant.indexer.run([sources])
    assert not report.failed, report.failed
    return assistant, sources


@pytest.fixture(scope="session")
def seed_assistant(tmp_path_factory, embeddings, settings_factory):
    """An assistant over the two seed letters, indexed once for the session (read-only use)."""
    return indexed_copy(tmp_path_factory.mktemp("seed"), None, embeddings, settings_factory)[0]


# Fixtures that bring the embedding model (and a real store) with them.
MODEL_FIXTURES = {"embeddings", "seed_assistant", "new_assistant"}


def pytest_collection_modifyitems(items):
    """Every test is `unit` (pure logic, no embedding model) or `integration` (real parts together): a test
    module may say which; otherwise a test that asks for the model is integration, and the rest unit."""
    for item in items:
        if item.get_closest_marker("unit") or item.get_closest_marker("integration"):
            continue
        needs_model = MODEL_FIXTURES & set(item.fixturenames)
        item.add_marker(pytest.mark.integration if needs_model else pytest.mark.unit)


@pytest.fixture(autouse=True)
def _unit_tests_never_load_the_model(request, monkeypatch):
    """A unit test that reaches for the embedding model fails at once, naming the fix."""
    if request.node.get_closest_marker("unit"):
        from index.embedder import PackagedEmbeddings

        def refuse(self):
            raise AssertionError("a unit test loaded the embedding model: give it a model fixture (integration)")

        monkeypatch.setattr(PackagedEmbeddings, "model", property(refuse))
