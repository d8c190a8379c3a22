"""A writer's body, known from any letter that gives it, is theirs in every letter."""

import pytest

from index.ledger_records import LetterView
from index.model import LetterMetadata
from index.party_directory import person_key, with_known_bodies


@pytest.mark.parametrize(("name", "key"), [
    ("Sir David Norgrove", "david norgrove"),
    ("David Norgrove", "david norgrove"),
    ("Kenneth Gibson MSP", "kenneth gibson"),
    ("Chancellor", None),  # a post, not a person
    ("Peter", None),  # a first name alone could be anyone
    (None, None),
])
def test_a_person_is_filed_without_honorifics_or_post_nominals(name, key):
    assert person_key(name) == key


def _letter(source: str, meta: dict) -> LetterView:
    return LetterView(source, "", "Dear X,\n\nText.\n", LetterMetadata("", **meta))


def test_a_writer_whose_signature_names_no_body_takes_the_one_another_letter_gives():
    signed = _letter("a.txt", {"sender": "Ed Humpherson", "sender_role": "Director General for Regulation",
                               "sender_org": "Office for Statistics Regulation"})
    bare = _letter("b.txt", {"sender": "Ed Humpherson", "recipient": "Peter"})
    addressed = _letter("c.txt", {"sender": "Jo Bloggs", "recipient": "Mr Ed Humpherson"})
    _, b, c = with_known_bodies([signed, bare, addressed])
    assert b.metadata.sender_org == "Office for Statistics Regulation"
    assert c.metadata.recipient_org == "Office for Statistics Regulation"
    assert c.metadata.sender_org is None  # nobody said whom Jo Bloggs writes for


def test_a_person_given_two_bodies_is_not_guessed():
    one = _letter("a.txt", {"sender": "Ann Smith", "sender_org": "Home Office"})
    two = _letter("b.txt", {"sender": "Ann Smith", "sender_org": "Cabinet Office"})
    bare = _letter("c.txt", {"sender": "Ann Smith"})
    assert with_known_bodies([one, two, bare])[2].metadata.sender_org is None


def test_a_writer_introduced_with_their_post_in_another_letter_takes_its_body():
    introducing = LetterView("a.txt", "", "Dear Philip,\n\nOn 13 October Sir David Norgrove, Chair of the UK Statistics "
                             "Authority, received a letter. Ed Humpherson, Director General for Regulation, wrote.\n",
                             LetterMetadata("", sender="Ed Humpherson"))
    bare = _letter("b.txt", {"sender": "Sir David Norgrove", "recipient": "Lord Forsyth"})
    _, b = with_known_bodies([introducing, bare])
    assert b.metadata.sender_org == "UK Statistics Authority"
    assert with_known_bodies([introducing])[0].metadata.sender_org is None  # "for Regulation" names no body
