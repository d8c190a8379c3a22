"""The canonical text differs from the decoded file only in whitespace."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from index.canonical import canonicalise, canonicalise_pages, page_at


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@settings(deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_only_whitespace_changes(raw):
    assert squash(canonicalise(raw).text) == squash(raw)


@settings(deadline=None)
@given(st.lists(st.text(max_size=120), min_size=1, max_size=5))
def test_pages_keep_their_text_and_start_offsets(pages):
    canonical = canonicalise_pages(pages)
    assert squash(canonical.text) == squash("".join(pages))
    assert len(canonical.page_starts) == len(pages)
    assert list(canonical.page_starts) == sorted(canonical.page_starts)


def test_hard_wrapped_lines_are_joined_and_paragraphs_kept():
    raw = (
        "It is clear from your Report that whilst your discussions pointed to \n"
        "some building blocks, significant concerns remain.  \n \nI accept the recommendations."
    )
    assert canonicalise(raw).text == (
        "It is clear from your Report that whilst your discussions pointed to some building blocks, "
        "significant concerns remain.\n\nI accept the recommendations."
    )


def test_a_page_break_gap_inside_a_sentence_is_closed():
    raw = "to appoint a Commissioner for Children's Social Care in Birmingham – Lord \n\n\n\nNorman Warner; and"
    assert canonicalise(raw).text.endswith("– Lord Norman Warner; and")


def test_address_lines_and_bullets_stay_on_their_own_lines():
    raw = "Councillor Sir Albert Bore\nLeader of Birmingham City Council\n\nI ask you to:\n- Work with the Panel.\n- Support the Commissioner."
    assert canonicalise(raw).text == (
        "Councillor Sir Albert Bore\nLeader of Birmingham City Council\n\n"
        "I ask you to:\n- Work with the Panel.\n- Support the Commissioner."
    )


def test_page_of_an_offset():
    canonical = canonicalise_pages(["First page ends here.", "Second page starts."])
    assert canonical.page_at(0) == 1
    assert canonical.page_at(canonical.text.index("Second")) == 2


def test_page_of_an_offset_follows_the_page_starts():
    cases = [((), 5, None), ((0,), 0, 1), ((0, 10, 20), 9, 1), ((0, 10, 20), 10, 2), ((0, 10, 20), 99, 3),
             ((0, 10, 10), 10, 3)]  # an empty page: the text at its offset is on the next page
    for starts, offset, page in cases:
        assert page_at(starts, offset) == page, (starts, offset)
