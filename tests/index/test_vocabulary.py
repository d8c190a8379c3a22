"""The vocabulary of names: acronyms the letters' names make, and whether a question's names are mentioned."""

import pytest

from index.vocabulary import HONORIFIC, Mentions, acronyms_in, capitals_in, initials, name_forms

LETTERS = [
    "I am writing as Chair of the UK Statistics Authority to the Department for Work and Pensions.",
    "Copy to: the Secretary of State\nDepartment of Health, NI specific developments",
    "Your Local Safeguarding Children Board in Kingsmere will meet. Lead Commissioner Joanne Pike.",
    "Dear Peter, the data on Universal Credit.",
]
CORPUS = " ".join(" ".join(t.split()).lower() for t in LETTERS)
MENTIONS = Mentions(CORPUS, acronyms_in(LETTERS), capitals_in(LETTERS), frozenset({"peter"}))


@pytest.mark.parametrize("phrase, joiners, expected", [
    ("UK Statistics Authority", False, "UKSA"),
    ("Department for Work and Pensions", False, "DWP"),
    ("Secretary of State", True, "SoS"),
    ("Department of Health", True, "DoH"),
])
def test_initials_of_a_name(phrase, joiners, expected):
    assert initials(phrase, joiners) == expected


def test_acronyms_come_from_runs_within_one_line_of_a_letters_names():
    found = acronyms_in(LETTERS)
    assert {"UKSA", "DWP", "SOS", "DOH", "LC"} <= found
    assert "SDN" not in found  # "State" and "Department" are on different lines


@pytest.mark.parametrize("token, forms", [("DWP's", ["DWP"]), ("Welsh-language", ["Welsh", "language"]), ("Pike’s", ["Pike"])])
def test_a_name_in_a_question_is_looked_for_without_possessive_and_hyphen(token, forms):
    assert name_forms(token) == forms


@pytest.mark.parametrize("question, names, unknown", [
    ("Who asked the UKSA Chair to act?", ["UKSA", "Chair"], 0.0),  # an acronym the letters' names make
    ("What will DWP's new series cover?", ["DWP's"], 0.0),  # a possessive
    ("Who in Northern Ireland will work with the Department of Health?", ["Northern", "Ireland"], 0.0),  # NI
    ("When is the SoS meeting?", ["SoS"], 0.0),
    ("When does Joanne Pike's appointment as Lead Commissioner end?", ["Joanne", "Pike's"], 0.0),
    ("When must Leeds City Council submit its plan?", ["Leeds", "City"], 1.0),  # a place no letter names
    ("Who will chair the Kingsmere Local Safeguarding Children Board review?", ["Kingsmere"], 1.0),
    ("According to the Chair, what next?", ["According"], 0.0),  # a question's first word is no name
    ("What will the Northern Ireland Department of Health publish?", ["Northern", "Ireland"], 0.0),  # NI + DoH
    ("What did the regulator ask Peter Schofield to do?", ["Peter", "Schofield"], 0.0),  # "Dear Peter"
    ("What did the regulator ask Sir Peter Smith to do?", ["Peter", "Smith"], 0.0),
    ("Who received the letter to Peter Schofield on Universal Credit?", ["Peter", "Schofield", "Universal"], 0.0),
    ("What did the regulator ask Paul Schofield to do?", ["Paul", "Schofield"], 1.0),
    ("What did Alan Smith ask the Board to do?", ["Alan", "Smith"], 1.0),  # "as" in the letters is no "AS"
    ("DWP wanted what?", ["DWP"], 0.0),  # an acronym opening a question is still a name
    ("PQR wanted what?", ["PQR"], 1.0),
    ("Who is the DWP Lead Commissioner?", ["DWP", "Lead", "Commissioner"], 0.0),  # a body’s acronym, then a post
])
def test_the_share_of_a_questions_names_no_letter_mentions(question, names, unknown):
    assert MENTIONS.unknown_share(question, names) == unknown


def test_honorifics_are_one_list():
    assert HONORIFIC.match("Rt Hon Alex Morgan") and HONORIFIC.match("Dr. Sam Okafor") and not HONORIFIC.match("Drake")


def test_a_plural_name_is_mentioned_by_its_singular():
    assert MENTIONS.unknown_share("Which Boards are named?", ["Boards"]) == 0.0


def test_the_binding_cue_finds_every_word_that_can_bind():
    from index.vocabulary import (
        BINDING_CUE,
        COMMITMENT_NOUNS,
        DIRECTING_HEADS,
        FUTURE_HEADS,
        OBLIGATION_AUX,
        OBLIGATION_HEADS,
        ONGOING_HEADS,
        REQUEST_HEADS,
        WILLING_ADJECTIVES,
    )

    words = (OBLIGATION_AUX | OBLIGATION_HEADS | FUTURE_HEADS | REQUEST_HEADS | DIRECTING_HEADS | COMMITMENT_NOUNS
             | WILLING_ADJECTIVES | ONGOING_HEADS)
    missed = sorted(w for w in words if w != "have" and not BINDING_CUE.search(w))  # "have to" is cued whole
    assert missed == []  # a sentence whose only binding word the cue misses would never be parsed


def test_each_word_list_and_pattern_is_defined_once():
    """A second assignment of a module-level name silently replaces the first list ("receive" only, where
    another reader needed "receive, have, hear, see"): every concept gets its own name, once."""
    import ast
    from collections import Counter
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    twice = {}
    for module in [*sorted((root / "index").glob("*.py")), *sorted((root / "assistant").glob("*.py"))]:
        names = Counter(target.id for node in ast.parse(module.read_text(encoding="utf-8")).body
                        if isinstance(node, ast.Assign) for target in node.targets if isinstance(target, ast.Name))
        twice |= {f"{module.name}:{name}": n for name, n in names.items() if n > 1}
    assert twice == {}


@pytest.mark.parametrize(("asked", "used", "same"), [
    ("enclose", "attached", True),
    ("enclosed", "annex", True),
    ("attach", "appended", True),
    ("postpone", "deferred", True),
    ("delayed", "postponement", True),
    ("enclose", "deferred", False),
    ("defer", "deference", False),
])
def test_a_question_and_a_letter_may_name_one_act_by_different_words(asked, used, same):
    from index.vocabulary import SAME_ACT

    assert any(act.fullmatch(asked) and act.fullmatch(used) for act in SAME_ACT) == same
