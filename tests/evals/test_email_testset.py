"""The email fixtures and their test set: the messages are what their generator writes, and every gold quote
stands in the message or attachment it names, as the loader reads it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from evals.matching import locate
from evals.testset import load_testset
from index.email_message import message_of
from index.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "evals" / "email_fixtures"


def _generator():
    spec = importlib.util.spec_from_file_location("make_emails", FIXTURES / "make_emails.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_messages_are_what_their_generator_writes(tmp_path):
    written = _generator().write_emails(tmp_path)
    assert [p.name for p in written] == sorted(p.name for p in (FIXTURES / "corpus").glob("*.eml"))
    for path in written:
        assert path.read_bytes() == (FIXTURES / "corpus" / path.name).read_bytes(), path.name


def _text(source: str) -> str:
    message = message_of(source)
    if message is None:
        return load_file(Path(source)).text
    (attachment,) = [a for a in load_file(Path(message)).attachments if source == f"{message}#{a.name}"]
    return attachment.loaded.text


def test_every_gold_quote_stands_in_the_message_or_attachment_it_names():
    testset = load_testset(ROOT / "evals" / "email_testset.yaml")
    assert sum(not case.answerable for case in testset.cases) >= 3, "unanswerable questions too"
    attachments = {g.source for case in testset.cases for g in case.gold if message_of(g.source)}
    assert len(attachments) >= 2, "questions on a PDF and on a Word attachment"
    for case in testset.cases:
        for gold in case.gold:
            assert locate(_text(gold.source), gold.quote), (case.id, gold.quote)
