from datetime import date
from pathlib import Path

import pytest

from index.loader import load_file
from index.metadata import cc_parties, extract_metadata
from index.model import UnitKind
from index.report_metadata import Role, front_line, front_lines
from index.segmenter import segment
from tests.conftest import BORE_LETTER, EVAL_CORPUS, LE_GRAND_LETTER


def meta(name):
    path = EVAL_CORPUS / name
    return extract_metadata(load_file(path).text, path)


def test_a_full_letter_gives_date_sender_recipient_and_copies():
    m = meta(BORE_LETTER)
    assert m.date == date(2014, 3, 27)
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


def test_a_publication_pages_title_and_header_are_no_address(tmp_path):
    text = ("Finance and Public Administration Committee\n\nResource Spending Review\n\n"
            "Letter from Cabinet Secretary for Finance and the Economy to the Convener of 8 November 2021\n\n"
            "Dear Kenneth\n\nI intend to publish the review by end May 2022.\n\nYours sincerely\n\nKate Forbes\n")
    m = extract_metadata(text, tmp_path / "x.txt")
    assert (m.recipient, m.recipient_role) == ("Kenneth", "Convener")  # not the page's title "Resource Spending Review"
    assert (m.sender, m.sender_role, m.date) == ("Kate Forbes", "Cabinet Secretary for Finance and the Economy", date(2021, 11, 8))
    assert m.title == "Resource Spending Review"


@pytest.mark.parametrize("names, parties", [
    ("the Chancellor, the Chair of the Treasury Committee, and the Chair of the Public Administration and Constitutional "
     "Affairs Committee", ["the Chancellor", "the Chair of the Treasury Committee",
                           "the Chair of the Public Administration and Constitutional Affairs Committee"]),
    ("the Chancellor and to the Chair of the Finance Committee", ["the Chancellor", "the Chair of the Finance Committee"]),
    ("Steve Ellerd-Elliott, Chief Statistician for the Department for Work and Pensions",
     ["Steve Ellerd-Elliott, Chief Statistician for the Department for Work and Pensions"]),
    ("Peter Hay – Director for People and Jane Held – Board Chair", ["Peter Hay – Director for People", "Jane Held – Board Chair"]),
    ("Ann Smith and Bob Jones", ["Ann Smith", "Bob Jones"]),
    ("Sarah Quinn", ["Sarah Quinn"]),
])
def test_a_copy_list_divides_between_parties_not_inside_their_names(names, parties):
    assert cc_parties(names) == parties


@pytest.mark.unit
def test_a_reports_title_page_says_who_prepared_it_for_whom_and_at_whose_request():
    text = ("Harrowfield Borough Council\n\nIndependent review of adult social care finances\n\n"
            "Report to the Audit and Governance Committee\nPrepared by Calder Vale Public Finance Associates\n\n"
            "Commissioned by the Chief Executive of Harrowfield Borough Council\n\n"
            "Lead reviewer: Alison Threlfall CPFA\nDate: 2 October 2025\n\nSummary\n\n1. The Council overspent.\n")
    meta = extract_metadata(text, Path("review.docx"))
    assert meta.date == date(2025, 10, 2), "a date line may say it is one"
    assert (meta.sender, meta.sender_org, meta.recipient, meta.commissioned_by) == (
        "Alison Threlfall CPFA", "Calder Vale Public Finance Associates", "the Audit and Governance Committee",
        "the Chief Executive of Harrowfield Borough Council")
    units = [text[u.start : u.end] for u in segment(text) if u.kind != UnitKind.LINE]
    assert "Commissioned by the Chief Executive of Harrowfield Borough Council" in units, "a statement, not a line"


@pytest.mark.parametrize("front, title", [
    ("Harrowfield Borough Council\nIndependent review of adult social care finances\nReport to the Committee",
     "Independent review of adult social care finances"),  # a title page naming its body first
    ("Independent Review of Youth Justice Commissioning\nFinal report", "Independent Review of Youth Justice Commissioning"),
    ("Department for Education\nSchool funding in 2025\nA review", "School funding in 2025"),
])
def test_a_reports_title_is_its_title_pages_title_not_the_body_above_it(front, title):
    assert extract_metadata(front + "\n\n1. Introduction\n\nThe review began in 2024.", Path("r.pdf")).title == title


def test_a_title_page_with_blank_lines_between_its_lines_gives_its_title():
    text = "Harrowfield Borough Council\n\nIndependent review of adult social care finances\n\nReport to the Committee\n\nIt began."
    assert extract_metadata(text, Path("r.docx")).title == "Independent review of adult social care finances"


@pytest.mark.parametrize("text, role, party, stated", [
    ("Review of X\n\nChair: Prof. Jane Smith\n\nIt began.", Role.LED_BY, "Prof. Jane Smith", "Chair: Prof. Jane Smith"),
    ("Review of X\n\nPresented to the Secretary of State for Justice This report was prepared by a panel. Its views "
     "are its own.", Role.REPORT_TO, "the Secretary of State for Justice",
     "Presented to the Secretary of State for Justice"),  # a title page's lines read as one paragraph
    ("Review of X\n\nSummary\n\n1. Harrowfield Borough Council commissioned this review in June 2025, after an "
     "overspend.", Role.COMMISSIONED_BY, "Harrowfield Borough Council",
     "1. Harrowfield Borough Council commissioned this review"),  # said in its opening, not its title page
    ("Review of X\n\nForeword\n\nThe Secretary of State asked me to lead this review in 2024.", Role.COMMISSIONED_BY,
     "The Secretary of State", "The Secretary of State asked me to lead"),
    ("Review of X\n\nThis review was commissioned by the Minister for Children in March 2024.", Role.COMMISSIONED_BY,
     "the Minister for Children", "This review was commissioned by the Minister for Children"),
])
def test_a_reports_party_is_read_from_the_line_or_sentence_that_states_it(text, role, party, stated):
    line = front_line(text, role)
    assert line.party == party
    assert text[line.start:line.end] == stated


def test_a_report_that_names_no_party_in_a_role_gives_none():
    text = "Review of X\n\nSummary\n\nThe Council asked for more money in 2024."
    assert [front_line(text, role) for role in Role] == [None] * len(Role)


def test_a_party_cut_by_its_lines_end_goes_on_in_the_next_line_and_every_such_line_is_read():
    text = ("Review of X\n\nReport to the Secretary of State for Environment,\n\nFood and Rural Affairs\n\n"
            "Presented to Parliament by Command of His Majesty\n\n1. Summary\n\nIt began.")
    lines = front_lines(text, Role.REPORT_TO)
    assert [line.party for line in lines] == ["the Secretary of State for Environment, Food and Rural Affairs",
                                              "Parliament by Command of His Majesty"]
    assert text[lines[0].start:lines[0].end].endswith("Food and Rural Affairs")
