"""Letters that arrive by email: the message is a letter its headers describe, and each attachment a document of
its own linked to the message; what cannot be read is reported by name and the rest still indexes."""

from __future__ import annotations

import shutil
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from index.email_message import MessageError, attachment_source, container, message_of, read_message
from index.index_report import Outcome
from index.loader import LoadError, load_bytes, load_file
from index.metadata import extract_metadata, message_metadata
from tests.helpers import make_report_pdf

FIXTURES = Path(__file__).resolve().parents[2] / "evals" / "email_fixtures" / "corpus"
VISIT = FIXTURES / "2025-05-06_eastmoor-monitoring-visit.eml"
BROKEN = FIXTURES / "2025-05-20_eastmoor-caseload-return.eml"
REPLY = FIXTURES / "2025-06-30_re-eastmoor-revised-improvement-plan.eml"


def email(body: str = "Dear Sam,\n\nPlease reply by 4 April 2025.\n\nRegards,\nAlex Park\n", **attachments: bytes) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"] = "Alex Park <alex.park@dept.gov.uk>", "Sam Lee <sam.lee@council.gov.uk>"
    msg["Date"], msg["Subject"] = "Fri, 21 Mar 2025 18:30:00 -0500", "Annual return"
    msg.set_content(body)
    for name, data in attachments.items():
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name.replace("_", "."))
    return msg.as_bytes()


@pytest.mark.parametrize("source, message", [
    ("inbox/plan.eml#review.pdf", "inbox/plan.eml"),
    ("inbox/PLAN.EML#notes #2.txt", "inbox/PLAN.EML"),
    ("inbox/plan.eml", None),
    ("letters/report #3.pdf", None),
])
def test_an_attachments_source_names_its_message(source, message):
    assert message_of(source) == message
    assert container(source) == (message or source)


def test_an_attachment_is_named_after_its_message():
    assert attachment_source("inbox/plan.eml", "review.pdf") == "inbox/plan.eml#review.pdf"


def test_a_message_is_its_headers_one_a_line_then_its_body():
    loaded = load_bytes(Path("annual.eml"), email())
    assert loaded.text.startswith("From: Alex Park <alex.park@dept.gov.uk>\nTo: Sam Lee <sam.lee@council.gov.uk>\n"
                                  "Date: Fri, 21 Mar 2025 18:30:00 -0500\nSubject: Annual return\n\nDear Sam,")
    assert loaded.message.subject == "Annual return"


def test_a_message_is_dated_the_day_its_sender_sent_it_and_described_by_its_headers():
    loaded = load_bytes(Path("annual.eml"), email())
    meta = message_metadata(extract_metadata(loaded.text, loaded.path), loaded.message)
    assert meta.date == date(2025, 3, 21), "the sender's day, not the day in UTC"
    assert (meta.title, meta.sender, meta.recipient) == ("Annual return", "Alex Park", "Sam Lee")


def test_an_html_body_is_read_as_its_text():
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@x.gov.uk", "b@y.gov.uk", "Plan"
    msg.set_content("<html><body><p>Dear Sam,</p><p>Send the <b>plan</b> by 4 April 2025.</p></body></html>",
                    subtype="html")
    assert "Dear Sam,\n\nSend the plan by 4 April 2025." in load_bytes(Path("m.eml"), msg.as_bytes()).text


def test_attachments_of_one_name_are_told_apart():
    names = [a.name for a in read_message(email(**{"a_txt": b"1", "a (2)_txt": b"2", "a.txt": b"3"})).attachments]
    assert names == ["a.txt", "a (2).txt", "a (3).txt"]


@pytest.mark.parametrize("data, problem", [
    (b"just some words, not a message\n", "not an email message"),
    (b"From: a@b.c\n\x00\x01\x02binary", "binary file"),
])
def test_content_that_is_no_message_is_refused_by_name(data, problem):
    with pytest.raises(LoadError, match=rf"bad\.eml: .*{problem}"):
        load_bytes(Path("bad.eml"), data)


def test_not_an_email_message_is_the_parsers_own_word():
    with pytest.raises(MessageError):
        read_message(b"no headers here\n")


def test_an_unreadable_unsupported_or_oversized_attachment_is_reported_by_name_and_the_message_still_loads(tmp_path):
    pdf = make_report_pdf(tmp_path / "review.pdf").read_bytes()
    loaded = load_bytes(Path("in/m.eml"), email(**{"cut_pdf": pdf[:2000], "sheet_xlsx": b"PK\x03\x04 data",
                                                  "big_txt": b"words " * 300_000, "review_pdf": pdf}),
                        max_attachment_mb=1)
    problems = {a.name: a.problem for a in loaded.attachments}
    assert "in/m.eml#cut.pdf: the PDF is corrupt" in problems["cut.pdf"]
    assert "in/m.eml#sheet.xlsx: unsupported file type '.xlsx'" in problems["sheet.xlsx"]
    assert "in/m.eml#big.txt: 1.7 MB is over the 1 MB limit (ASSISTANT_MAX_ATTACHMENT_MB)" in problems["big.txt"]
    assert problems["review.pdf"] is None
    assert "Please reply by 4 April 2025." in loaded.text


def test_a_malformed_message_loads_what_it_can_with_a_note_naming_it():
    data = email(**{"plan_txt": b"Please send the plan by 4 April 2025."})
    loaded = load_bytes(Path("in/m.eml"), data[: data.rindex(b"\n--")])  # its closing boundary lost
    assert loaded.notes == ("in/m.eml: malformed message: A start boundary was found, but not the corresponding "
                            "close boundary",)
    assert "Please reply by 4 April 2025." in loaded.text
    assert loaded.attachments[0].loaded.text == "Please send the plan by 4 April 2025."


def test_the_headers_are_quoted_as_the_message_has_them_encoded_words_decoded():
    raw = (b"From: =?utf-8?q?Si=C3=A2n_Evans?= <sian@dept.gov.uk>\r\nTo: b@council.gov.uk\r\n"
           b"Date: 6 May 2025 09:15 +0100 (BST)\r\nSubject: Plan\r\n\r\nPlease reply by 4 April 2025.\r\n")
    text = load_bytes(Path("m.eml"), raw).text
    assert text.startswith("From: Siân Evans <sian@dept.gov.uk>\nTo: b@council.gov.uk\nDate: 6 May 2025 09:15 +0100 (BST)")


def test_an_undeclared_windows_body_is_read_with_a_note():
    raw = b"From: a@x.gov.uk\nTo: b@y.gov.uk\nSubject: Grant\n\nThe grant is \xa35,000.\n"
    loaded = load_bytes(Path("m.eml"), raw)
    assert "The grant is £5,000." in loaded.text
    assert loaded.notes == ("m.eml: malformed message: the body declares no character set: read as cp1252",)


def test_files_nested_at_any_depth_are_attachments_and_a_message_that_is_only_a_file_is_one():
    inner = EmailMessage()
    inner.set_content("Dear Sam,\n\nThe plan is attached.\n")
    inner.add_attachment(b"Notes of the meeting.", maintype="text", subtype="plain", filename="notes.txt")
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = "a@x.gov.uk", "b@y.gov.uk", "Plan"
    outer.make_alternative()
    outer.attach(inner)  # as Apple Mail nests a message's files
    assert [a.name for a in read_message(outer.as_bytes()).attachments] == ["notes.txt"]
    only = EmailMessage()
    only["From"], only["To"], only["Subject"] = "a@x.gov.uk", "b@y.gov.uk", "Scan"
    only.set_content(b"%PDF-1.4 scan", maintype="application", subtype="pdf", filename="scan.pdf")
    assert [a.name for a in read_message(only.as_bytes()).attachments] == ["scan.pdf"]


def test_the_fixture_messages_load_with_their_attachments():
    visit, broken = load_file(VISIT), load_file(BROKEN)
    (note,) = visit.attachments
    assert note.loaded is not None and len(note.loaded.canonical.page_starts) == 2
    assert {a.name: a.loaded is None for a in broken.attachments} == {
        "caseload-return-template.xlsx": True, "revised-monitoring-timetable.pdf": True}


# -- indexed and answered ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def mailbox(tmp_path_factory, embeddings, settings_factory):
    """The three fixture messages indexed from a folder of their own."""
    from tests.conftest import make_assistant

    root = tmp_path_factory.mktemp("mail")
    shutil.copytree(FIXTURES, root / "sources")
    assistant = make_assistant(root / "store", embeddings, settings_factory)
    report = assistant.indexer.run([root / "sources"])
    return assistant, root / "sources", report


def test_each_attachment_has_a_result_and_a_broken_one_fails_by_name(mailbox):
    _, sources, report = mailbox
    outcomes = {Path(r.source).name: r.outcome for r in report.results}
    assert outcomes == {
        VISIT.name: Outcome.ADDED, f"{VISIT.name}#eastmoor-monitoring-visit-note.pdf": Outcome.ADDED,
        BROKEN.name: Outcome.ADDED, f"{BROKEN.name}#caseload-return-template.xlsx": Outcome.FAILED,
        f"{BROKEN.name}#revised-monitoring-timetable.pdf": Outcome.FAILED,
        REPLY.name: Outcome.ADDED, f"{REPLY.name}#eastmoor-revised-improvement-plan.docx": Outcome.ADDED,
    }
    assert all(str(sources) in r.message for r in report.failed)


def test_an_attachment_is_linked_to_its_message_and_dated_by_it_when_undated(mailbox):
    assistant, sources, _ = mailbox
    note = assistant.store.letter(str(sources / f"{VISIT.name}#eastmoor-monitoring-visit-note.pdf"))
    assert note.metadata.attached_to.source == str(sources / VISIT.name)
    assert (note.metadata.attached_to.sent, note.metadata.attached_to.sender) == (date(2025, 5, 6), "Priya Raman")
    assert note.date == date(2025, 4, 24), "its own date line"


def test_a_question_on_the_body_is_cited_to_the_message(mailbox):
    assistant, sources, _ = mailbox
    answer = assistant.ask("By when must the revised improvement plan be sent?")
    assert "30 June 2025" in answer.answer
    cite = answer.citations[0]
    assert cite.source == str(sources / VISIT.name) and "revised improvement plan by 30 June 2025" in cite.quote
    assert "The email of 6 May 2025 from Priya Raman to Mark Ellison says:" in answer.answer


def test_a_question_on_an_attachment_is_cited_to_its_page_and_says_which_email_brought_it(mailbox):
    assistant, sources, _ = mailbox
    answer = assistant.ask("What proportion of the workforce were agency social workers?")
    assert "38%" in answer.answer
    cite = next(c for c in answer.citations if "38%" in c.quote)
    assert cite.source == str(sources / f"{VISIT.name}#eastmoor-monitoring-visit-note.pdf") and cite.page == 1
    assert "attached to the email of 6 May 2025 from Priya Raman" in answer.answer


def test_a_removed_message_takes_its_attachments_with_it(tmp_path, embeddings, settings_factory):
    from tests.conftest import make_assistant

    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(VISIT, sources)
    shutil.copy(REPLY, sources)
    assistant = make_assistant(tmp_path / "store", embeddings, settings_factory)
    assistant.indexer.run([sources])
    assert len(assistant.store.catalogue()) == 4
    (sources / VISIT.name).unlink()
    report = assistant.indexer.run([sources])
    removed = {Path(r.source).name for r in report.results if r.outcome == Outcome.REMOVED}
    assert removed == {VISIT.name, f"{VISIT.name}#eastmoor-monitoring-visit-note.pdf"}
    assert {Path(s).name for s in assistant.store.catalogue()} == {REPLY.name, f"{REPLY.name}#eastmoor-revised-improvement-plan.docx"}
    assert not any("38%" in c.quote for c in assistant.ask("What share of the workforce was agency staff?").citations)


def _changed(assistant, folder: Path, before: dict[str, bytes], after: dict[str, bytes]):
    """Index a message with the attachments `before`, then again with those `after`: the second run's outcomes by
    file name, and the message's path."""
    folder.mkdir()
    path = folder / "return.eml"
    path.write_bytes(email(**before))
    assistant.indexer.run([folder])
    path.write_bytes(email(**after))
    return {(Path(r.source).name, r.outcome) for r in assistant.indexer.run([folder]).results}, path


def test_a_changed_message_replaces_its_attachments_and_drops_those_it_no_longer_carries(new_assistant, tmp_path):
    assistant = new_assistant()
    outcomes, path = _changed(assistant, tmp_path / "sources",
                              {"plan_txt": b"Send the plan by 4 April 2025.", "notes_txt": b"Notes of the meeting."},
                              {"plan_txt": b"Send the plan by 11 April 2025."})
    assert outcomes == {("return.eml", Outcome.UPDATED), ("return.eml#plan.txt", Outcome.UPDATED),
                        ("return.eml#notes.txt", Outcome.REMOVED)}
    assert "11 April 2025" in assistant.store.letter(f"{path}#plan.txt").text


def test_an_attachment_renamed_in_a_changed_message_is_kept_under_its_new_name(new_assistant, tmp_path):
    assistant = new_assistant()
    outcomes, path = _changed(assistant, tmp_path / "sources", {"plan_txt": b"Send the plan by 4 April 2025."},
                              {"plan-final_txt": b"Send the plan by 4 April 2025."})
    assert outcomes == {("return.eml", Outcome.UPDATED), ("return.eml#plan-final.txt", Outcome.ADDED),
                        ("return.eml#plan.txt", Outcome.REMOVED)}
    assert "4 April 2025" in assistant.store.letter(f"{path}#plan-final.txt").text
