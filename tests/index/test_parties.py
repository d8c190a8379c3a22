"""Parties from the headers letters are published with, and the names a question may use for them."""

from datetime import date

import pytest

from index.parties import Party, describe, header


@pytest.mark.parametrize("head, sender, recipient, date", [
    ("Finance and Public Administration Committee\n\nHandling formal complaints\n\n"
     "Letter from the Deputy First Minister and Cabinet Secretary for COVID Recovery to the Convener of 26 October 2021\n",
     Party(None, "Deputy First Minister and Cabinet Secretary for COVID Recovery"), Party(None, "Convener"), date(2021, 10, 26)),
    ("Ed Humpherson, Director General for Regulation, Office for Statistics Regulation to Jane Doe, Permanent "
     "Secretary, Department for Transport.\n",
     Party("Ed Humpherson", "Director General for Regulation", "Office for Statistics Regulation"),
     Party("Jane Doe", "Permanent Secretary", "Department for Transport"), None),
    ("From: Sam Patel <sam.patel@example.gov.uk>\nTo: Alex Brown\nDate: 3 May 2022\nSubject: Quarterly returns\n",
     Party("Sam Patel"), Party("Alex Brown"), date(2022, 5, 3)),
    ("Annex B\n\nLetter from the Chair to the Permanent Secretary\n", Party(None, "Chair"),
     Party(None, "Permanent Secretary"), None),
])
def test_a_publication_or_email_header_names_both_parties(head, sender, recipient, date):
    found = header(head)
    assert (found.sender, found.recipient, found.date) == (sender, recipient, date)


def test_a_publication_pages_title_is_the_line_between_its_publisher_and_its_header():
    page = ("Finance and Public Administration Committee\n\nHandling formal complaints\n\n"
            "Letter from the Convener to the Deputy First Minister of 6 October 2021\n")
    assert header(page).subject == "Handling formal complaints"
    assert header("Annex B\n\nLetter from the Chair to the Permanent Secretary\n").subject is None  # a label, no title


def test_text_without_a_header_has_none():
    assert header("Dear Ms Shah,\n") is None
    assert header("Response to the consultation\n") is None


def test_a_party_is_named_by_name_surname_post_organisation_and_its_acronym():
    party = describe("Ed Humpherson, Director General for Regulation, Office for Statistics Regulation")
    assert {"Ed Humpherson", "Humpherson", "Director General for Regulation", "Office for Statistics Regulation",
            "OSR"} <= set(party.aliases())
    assert "Drakeford" in Party("Mark Drakeford MS", "First Minister").aliases()
    # Two posts held together are each a name, with their initials.
    dual = Party("John Swinney", "Deputy First Minister and Cabinet Secretary for COVID Recovery").aliases()
    assert {"Deputy First Minister", "DFM", "Cabinet Secretary for COVID Recovery"} <= set(dual)
    assert "Cabinet Secretary for Finance" not in Party(None, "Cabinet Secretary for Finance and the Economy").aliases()
    assert "Chair" not in Party("Ann Lee", "Chair and Chief Executive").aliases()


@pytest.mark.parametrize(("phrase", "owner"), [
    ("the Committee’s report ‘Measuring Inflation’", "the Committee"),
    ("your letter of 3 May", "you"),
    ("my letter", "me"),
    ("the consultation", ""),  # a document, nobody's
    ("the Review team", None),  # no document: a party as it stands
    ("the Chancellor", None),
    ("the report of the Panel", "the Panel"),
    ("the annual report", ""),
    ("their report", ""),  # someone, but not one the phrase names
])
def test_a_document_sent_to_belongs_to_its_owner(phrase, owner):
    from index.vocabulary import owner_of_document

    assert owner_of_document(phrase) == owner


@pytest.mark.parametrize("sentence", [
    "I look forward to the meeting in May.",
    "The present arrangements will continue to the end of the year.",
    "We will give effect to the above by June.",
])
def test_words_that_only_look_like_sending_name_no_recipient(sentence):
    from index.ledger_parties import TO_LIST

    assert TO_LIST.search(sentence) is None


@pytest.mark.parametrize(("sentence", "to"), [
    ("The Authority put a formal proposal to your predecessor in March.", "your predecessor"),
    ("I am copying this letter to the Chancellor.", "the Chancellor"),
    ("The Council must report to me by 30 June.", "me"),
])
def test_what_is_sent_or_put_to_someone_names_them(sentence, to):
    from index.ledger_parties import TO_LIST

    assert TO_LIST.search(sentence).group("to") == to


@pytest.mark.parametrize(("sentence", "parties"), [
    ("She will be in touch with David McGill to discuss the background.", ["David McGill"]),
    ("I propose to engage further with staff and trade unions on the procedure.", ["staff and trade unions"]),
    ("The Minister will meet the Committee in June.", ["the Committee"]),
    ("I met with officials last week.", ["officials"]),
    ("We will publish the plan in June.", []),
    ("The Council met the deadline and will meet the requirements of the Code.", []),
    ("Officials will work closely with your team to deliver these.", []),
])
def test_someone_met_or_consulted_is_reached(sentence, parties):
    from index.ledger_parties import CONTACT

    assert [m.group("to") for m in CONTACT.finditer(sentence)] == parties


@pytest.mark.parametrize(("text", "person"), [
    ("David McGill", True), ("Ann O'Brien", True), ("Steve Ellerd-Elliott", True), ("Fiona MacDonald MSP", True),
    ("Mark Drakeford MS", True), ("The Chief Executive’s Office of", False),
])
def test_a_persons_name_may_have_inner_capitals(text, person):
    from index.parties import PERSON_NAME

    assert bool(PERSON_NAME.match(text)) == person


def test_a_sentence_with_to_between_commas_is_no_from_to_header():
    findings = ("2. Findings\n\nHowever, only 61% of assessments in the three months to March 2025 were completed "
                "within 45 working days, compared with 58% at the time of the inspection.")
    assert header(findings) is None
