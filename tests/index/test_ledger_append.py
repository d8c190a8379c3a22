"""A letter added after those indexed is added to the ledger without building it again over every letter,
and the ledger is the one building it whole gives (index.ledger_append)."""

import shutil
from datetime import date
from pathlib import Path

import pytest

from benchmarks.synthetic_letters import write_corpus
from config.settings import Settings
from index.dates import date_in_name
from index.ledger import build_ledger
from index.ledger_cache import CachedExtraction
from index.ledger_records import LetterView
from index.loader import load_bytes
from index.metadata import extract_metadata
from index.model import LedgerBuild
from index.store import Store
from tests.conftest import EVAL_CORPUS

REAL = Settings().real_corpus.resolve()


def in_date_order(paths: list[Path]) -> list[Path]:
    """Files in the order their letters are dated (as the index reads the date: stated, else in the file name)."""
    def reading_date(path: Path):
        text = load_bytes(path, path.read_bytes()).text
        return extract_metadata(text, path).date or date_in_name(path.name) or date.max
    return sorted(paths, key=lambda p: (reading_date(p), p.name))


@pytest.fixture
def letters(tmp_path) -> list[Path]:
    """The evaluation corpus, the real letters when they are here, and synthetic ones with follow-ups that
    extend deadlines: in date order."""
    found = write_corpus(tmp_path / "synthetic", 24, seed=11)
    found += [p for p in EVAL_CORPUS.iterdir() if p.is_file()]
    found += sorted(REAL.glob("*.txt")) if REAL.is_dir() else []
    return in_date_order(found)


def ledger_rows(records) -> list[dict]:
    return [r.to_dict() for r in records]


def whole_ledger(store: Store, reading: CachedExtraction) -> list[dict]:
    """The ledger built over every letter the store holds, as a fresh build reads them."""
    return ledger_rows(build_ledger([LetterView.of(v) for v in store.current_letters().values()], reading))


def test_letters_added_in_date_order_are_added_to_the_ledger_the_whole_build_gives(new_assistant, letters, tmp_path,
                                                                                    monkeypatch):
    builds: list[LedgerBuild] = []
    write_ledger = Store.write_ledger
    monkeypatch.setattr(Store, "write_ledger", lambda store, built: builds.append(built) or write_ledger(store, built))
    assistant, folder, reading = new_assistant(), tmp_path / "letters", CachedExtraction({})
    folder.mkdir()
    runs = [letters[i : i + 2] if i % 10 == 5 else letters[i : i + 1] for i in range(len(letters)) if i % 10 != 6]
    for added in runs:  # one letter a run, now and then two
        for path in added:
            shutil.copy(path, folder / path.name)
        assert not assistant.indexer.run([folder]).failed
        assert ledger_rows(assistant.store.commitments()) == whole_ledger(assistant.store, reading), added[0].name
    appended = [b for b in builds if not b.whole]
    assert len(appended) >= len(runs) - 4, "all but a few runs added their letters, rather than building it whole"
    assert any(r.supersedes for b in appended for r in b.records), "an added letter changed an earlier duty"
    assert any(r.same_as for b in appended for r in b.records), "an added letter restated an earlier duty"
    assert any(b.updated for b in appended), "an added letter changed the links of an earlier one's records"


def test_a_letter_dated_before_those_indexed_or_a_removal_builds_the_ledger_whole(new_assistant, letters, tmp_path,
                                                                                  monkeypatch):
    assistant, folder, reading = new_assistant(), tmp_path / "letters", CachedExtraction({})
    folder.mkdir()
    for path in letters[len(letters) // 2 :]:
        shutil.copy(path, folder / path.name)
    assistant.indexer.run([folder])
    builds: list[bool] = []
    write_ledger = Store.write_ledger
    monkeypatch.setattr(Store, "write_ledger", lambda store, built: builds.append(built.whole) or write_ledger(store, built))
    shutil.copy(letters[0], folder / letters[0].name)  # older than every letter indexed
    assistant.indexer.run([folder])
    assert ledger_rows(assistant.store.commitments()) == whole_ledger(assistant.store, reading)
    (folder / letters[-1].name).unlink()
    assistant.indexer.run([folder])
    assert ledger_rows(assistant.store.commitments()) == whole_ledger(assistant.store, reading)
    assert builds == [True, True]
