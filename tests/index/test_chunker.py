"""Units and chunks are exact spans of the canonical text and fit the model's window."""

from hypothesis import given, settings
from hypothesis import strategies as st

from index.canonical import canonicalise
from index.chunker import chunk_units
from index.segmenter import segment

WORDS = st.sampled_from(
    ["The", "Council", "must", "report", "to", "me", "by", "June", "2014.", "I", "ask", "you", "to:", "-", "Mr.",
     "Smith", "will", "review", "the", "plan;", "and,", "Commissioner", "\n", "\n\n", "– ", "(a)", "1.", "section", "15(5)"]
)


def count(text: str) -> int:
    """A stand-in tokenizer for the property: one token per word (the real one is tested on the seeds)."""
    return len(text.split())


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=300))
def test_units_and_chunks_are_exact_spans_within_the_budget(tokens):
    text = canonicalise(" ".join(tokens)).text
    units = segment(text)
    for u in units:
        assert 0 <= u.start < u.end <= len(text)
        assert text[u.start : u.end] == text[u.start : u.end].strip()
    chunks = chunk_units(text, units, count, max_tokens=12)
    for c in chunks:
        assert 0 <= c.start < c.end <= len(text)
        assert count(text[c.start : c.end]) <= 12
    covered = "".join(text[c.start : c.end] for c in chunks)
    assert "".join(covered.split()) == "".join("".join(text[u.start : u.end] for u in units).split())


def test_a_sentence_longer_than_the_window_is_cut_at_clause_breaks():
    sentence = "The Council must " + ", ".join(f"review item {i}" for i in range(60)) + "."
    text = canonicalise(sentence).text
    chunks = chunk_units(text, segment(text), count, max_tokens=40)
    assert len(chunks) > 1
    assert all(count(text[c.start : c.end]) <= 40 for c in chunks)
    assert all(text[c.start : c.end].endswith(",") or c.end == len(text) for c in chunks)
