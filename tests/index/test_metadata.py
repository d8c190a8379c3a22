from pathlib import Path

from index.loader import load_file
from index.metadata import extract_metadata
from tests.conftest import BORE_LETTER, LE_GRAND_LETTER, SOURCES


def meta(name):
    path = SOURCES / name
    return extract_metadata(load_file(path).text, path)


def test_a_full_letter_gives_date_sender_recipient_and_copies():
    m = meta(BORE_LETTER)
    assert m.date == "2014-03-27"
    assert m.sender == "Edward Timpson MP"
    assert m.sender_role == "Parliamentary Under Secretary of State for Children and Families"
    assert m.recipient == "Councillor Sir Albert Bore"
    assert m.recipient_role == "Leader of Birmingham City Council"
    assert m.salutation == "Albert"
    assert m.cc[0] == "Councillor Brigid Jones - Lead Member"
    assert len(m.cc) == 4 and any(c.startswith("Mark Rogers") for c in m.cc)
    assert "Edward Timpson MP" in m.title and "Albert Bore" in m.title


def test_fields_a_letter_does_not_give_are_null_not_guessed():
    m = meta(LE_GRAND_LETTER)
    assert (m.date, m.sender, m.recipient) == (None, None, None)
    assert m.title


def test_a_subject_line_becomes_the_title(tmp_path):
    path = Path(tmp_path / "x.txt")
    text = "10 May 2015\n\nDear Ms Hart,\n\nRe: Improvement notice for Exshire children's services\n\nI write."
    assert extract_metadata(text, path).title == "Improvement notice for Exshire children's services"
