"""A letter's frames are parsed once, when it is indexed, and stored; rebuilding the ledger reads them back."""

import sqlalchemy as sa

from index import frame_store
from index.ledger import build_ledger, letter_frames
from index.ledger_records import LetterView
from index.segmenter import segment

LETTER = (
    "Ms Jane Hart\nChair, Public Accounts Committee\n\n3 March 2021\n\nDear Ms Hart,\n\n"
    "Thank you for your letter of 5 February.\n\n"
    "The Authority will respond to the Committee’s report at 7:30am on 4 September.\n\n"
    "We will publish the revised guidance later this year. "
    "You should look to ensure the revised tables are published alongside it.\n\n"
    "I am sending a copy of this letter to the Permanent Secretary.\n\nYours sincerely,\n\nJo Bloggs\nDirector General\n"
)


def indexed(new_assistant, tmp_path):
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "letter.txt").write_text(LETTER, encoding="utf-8")
    assistant = new_assistant()
    assert not assistant.indexer.run([letters]).failed
    (letter,) = assistant.store.letters().values()
    return assistant, letter


def stored_frames(assistant):
    with assistant.store.engine.connect() as conn:
        return frame_store.load(conn)


def test_the_frames_stored_at_index_time_are_the_ones_relinking_reads(new_assistant, tmp_path, monkeypatch):
    assistant, letter = indexed(new_assistant, tmp_path)
    stored = stored_frames(assistant)[letter.source]
    assert stored == letter_frames(letter.text, segment(letter.text))  # every unit's parse, read back unchanged
    assert sum(len(found) for found in stored.values()) >= 3
    fresh = build_ledger([LetterView.of(letter)])  # no frames stored with the view: parsed afresh
    assert any(r.quote.startswith("The Authority will respond") for r in fresh)  # a record only its frame gives

    def no_parsing(*args, **kwargs):
        raise AssertionError("the ledger parsed a letter whose frames are stored")

    monkeypatch.setattr("index.frames.pipeline", no_parsing)
    assert build_ledger([LetterView.of(letter, stored)]) == fresh
    assistant.indexer.relink()
    by_id = sorted(assistant.store.commitments(), key=lambda r: r.id)
    assert by_id == sorted(fresh, key=lambda r: r.id)


def test_a_removed_letter_takes_its_frames_with_it(new_assistant, tmp_path):
    assistant, letter = indexed(new_assistant, tmp_path)
    assistant.indexer.remove([letter.source])
    assert letter.source not in stored_frames(assistant)
    with assistant.store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM frames")).scalar_one() == 0


def test_frames_read_by_other_code_are_read_again_and_stored_anew(new_assistant, tmp_path, monkeypatch):
    with monkeypatch.context() as old_code:
        old_code.setattr("index.frame_store.version", lambda: "older-rules")
        for module in ("index.ledger_cache", "index.indexer"):
            old_code.setattr(f"{module}.rules_version", lambda: "older-rules")
        assistant, letter = indexed(new_assistant, tmp_path)
    assert letter.source not in stored_frames(assistant)  # stale: not trusted
    assistant.indexer.relink()
    assert stored_frames(assistant)[letter.source] == letter_frames(letter.text, segment(letter.text))
