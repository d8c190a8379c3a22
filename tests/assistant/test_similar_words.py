"""A question's word earns credit for a word of like meaning in the evidence, with the real packaged model."""

import pytest

from assistant.similar_words import SimilarWords


@pytest.mark.parametrize(("asked", "near", "far"), [
    ("investigate", "examine", "budget"),
    ("respond", "reply", "inspection"),
    ("keep", "continue", "publish"),
    ("copied", "copy", "council"),
])
def test_a_word_of_like_meaning_earns_more_credit_than_an_unrelated_one(embeddings, asked, near, far):
    similar = SimilarWords(embeddings)
    near_credit, = similar.credit([asked], [near])
    far_credit, = similar.credit([asked], [far])
    assert near_credit > 0.3 and far_credit == 0.0


def test_credit_is_the_best_of_the_words_used_and_nothing_when_none_are(embeddings):
    similar = SimilarWords(embeddings)
    assert similar.credit(["reply"], ["budget", "respond"]) == similar.credit(["reply"], ["respond"])
    assert similar.credit(["reply", "budget"], []) == [0.0, 0.0]


def test_one_act_named_by_different_words_earns_full_credit(embeddings):
    similar = SimilarWords(embeddings)
    assert similar.credit(["enclose", "postpone"], ["attached", "deferred"]) == [1.0, 1.0]
