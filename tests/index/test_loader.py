"""Each supported format loads to canonical text; each bad input is refused with a message naming the file."""

import re
from datetime import date

import pytest

from index.loader import LoadError, load_file
from tests.helpers import make_docx, make_pdf


def squash(text):
    return re.sub(r"\s+", "", text)


def test_pdf_text_and_page_numbers(tmp_path):
    path = make_pdf(tmp_path / "letter.pdf", [["Dear Ms Hart,", "Please report by 30 June 2015."], ["Yours sincerely,"]])
    loaded = load_file(path)
    assert "Please report by 30 June 2015." in loaded.text
    assert loaded.canonical.page_at(loaded.text.index("Yours")) == 2
    assert loaded.canonical.page_at(loaded.text.index("Please")) == 1


def test_docx_paragraphs(tmp_path):
    path = make_docx(tmp_path / "letter.docx", ["Dear Ms Hart,", "Please report by 30 June 2015."])
    assert load_file(path).text == "Dear Ms Hart,\n\nPlease report by 30 June 2015."


def test_html_text_without_markup_or_scripts(tmp_path):
    path = tmp_path / "letter.html"
    path.write_text("<html><script>var x=1;</script><body><p>Dear Ms Hart,</p><p>Please <b>report</b> by June 2015.</p></body></html>")
    text = load_file(path).text
    assert "Please" in text and "report" in text and "var x" not in text and "<p>" not in text


def test_markdown_differs_only_in_whitespace(tmp_path):
    raw = "# Direction\n\nThe Council must\nreport by 1 May 2015.\n"
    path = tmp_path / "d.md"
    path.write_text(raw)
    assert squash(load_file(path).text) == squash(raw)


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x00\x01\x02ELF" * 50, "binary"),
        ("latin1.txt", "Café à la carte".encode("latin-1"), "not valid UTF-8"),
        ("corrupt.pdf", b"%PDF-1.4\n this is not really a pdf", "corrupt"),
        ("fake.pdf", b"hello, I am text", "not a PDF"),
        ("fake.docx", b"plain text pretending", "not a DOCX"),
        ("sheet.xlsx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_input_is_refused_with_the_file_and_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError) as err:
        load_file(path)
    assert name in str(err.value) and reason in str(err.value)


def test_encrypted_pdf_is_refused(tmp_path):
    path = make_pdf(tmp_path / "secret.pdf", [["Dear Ms Hart,"]], password="x")
    with pytest.raises(LoadError, match="secret.pdf.*encrypted"):
        load_file(path)


def test_pdf_without_text_layer_is_refused(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", [["a", "b"]], text_layer=False)
    with pytest.raises(LoadError, match="scan.pdf.*no text layer"):
        load_file(path)


def test_files_over_the_size_limit_are_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("word " * 300_000)
    with pytest.raises(LoadError, match="huge.txt.*over the 1 MB limit"):
        load_file(path, max_mb=1)


def test_html_blocks_become_paragraphs_and_list_items_lines(tmp_path):
    from tests.conftest import ROOT

    text = load_file(ROOT / "tests" / "fixtures" / "improvement_notice.html").text
    assert "Mr Tom Hale\nChief Executive\nRedbridge Vale Council" in text
    assert "\n\nThe Council must:\n\nestablish an Improvement Board" in text
    assert "<" not in text and "\n\n\n" not in text


def test_docx_address_lines_stay_one_block_and_empty_paragraphs_one_gap(tmp_path):
    from index.metadata import extract_metadata

    path = make_docx(tmp_path / "notice.docx", [
        "Department for Levelling Up, Housing and Communities", "", "Cllr Sam Reid", "Leader, Eastmoor Borough Council",
        "", "", "9 January 2023", "", "Dear Cllr Reid,", "Eastmoor Borough Council: best value notice",
        "The Council is asked to:", "Submit an improvement plan to the Department within three months.",
    ])
    text = load_file(path).text
    assert "Cllr Sam Reid\nLeader, Eastmoor Borough Council\n\n9 January 2023" in text
    meta = extract_metadata(text, path)
    assert (meta.recipient, meta.recipient_org, meta.date) == ("Cllr Sam Reid", "Eastmoor Borough Council", date(2023, 1, 9))
    assert meta.title == "Eastmoor Borough Council: best value notice"
