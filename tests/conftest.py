"""Shared fixtures: the real packaged model (loaded once) and real embedded Chroma stores."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
EVAL_CORPUS = ROOT / "evals" / "corpus"
BORE_LETTER = "2014-03-27_timpson_to_bore_birmingham_childrens_services.txt"
LE_GRAND_LETTER = "2014-03_timpson_to_le_grand_thanks_for_report.txt"


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


def indexed_copy(folder: Path, letters: Path, embeddings, settings_factory):
    """Copy `letters` (a folder or one file) into `folder/sources`, index it into `folder/store`."""
    sources = folder / "sources"
    if letters.is_dir():
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
    return indexed_copy(tmp_path_factory.mktemp("seed"), SOURCES, embeddings, settings_factory)[0]
