from index.model import UnitKind
from index.segmenter import segment

LETTER = (
    "Dear Albert,\n\n"
    "My immediate priority is to stabilise services. Mr. Smith agrees, as does Dr. J. Jones. I therefore ask you to:\n"
    "- Work with the Panel by the end of May 2014.\n"
    "- Support the Commissioner by June 2014. The Commissioner will subsequently report to me.\n\n"
    "Yours sincerely,"
)


def texts(kind=None):
    return [LETTER[u.start : u.end] for u in segment(LETTER) if kind is None or u.kind == kind]


def test_each_list_item_is_a_unit_with_its_lead_in():
    units = [u for u in segment(LETTER) if u.kind == UnitKind.ITEM]
    assert [LETTER[u.start : u.end] for u in units] == [
        "- Work with the Panel by the end of May 2014.",
        "- Support the Commissioner by June 2014.",
    ]
    assert all(LETTER[u.lead_in :].startswith("I therefore ask you to:") for u in units)


def test_a_second_sentence_of_an_item_is_its_own_unit():
    assert "The Commissioner will subsequently report to me." in texts(UnitKind.SENTENCE)


def test_abbreviations_do_not_end_sentences():
    assert "Mr. Smith agrees, as does Dr. J. Jones." in texts()


def test_units_are_exact_spans():
    for u in segment(LETTER):
        assert LETTER[u.start : u.end].strip() == LETTER[u.start : u.end]


def test_list_items_without_bullets_follow_their_lead_in():
    text = "The Council must:\n\nestablish a Board by 1 April 2019;\n\nsubmit a plan within 8 weeks;\n\nThe Department will help the Council throughout."
    units = segment(text)
    items = [text[u.start : u.end] for u in units if u.kind == UnitKind.ITEM]
    assert items == ["establish a Board by 1 April 2019;", "submit a plan within 8 weeks;"]
    assert [u.kind for u in units][-1] == UnitKind.SENTENCE
