"""The rule-free peer: the two sentences nearest the question, cited exactly, never a refusal."""

from evals.peer import PeerAnswerer


def test_the_peer_answers_with_the_two_nearest_units_cited_verbatim(seed_assistant):
    peer = PeerAnswerer(seed_assistant.store, seed_assistant.embeddings)
    answer = peer.answer("That study will report to me and to you, jointly.")
    assert not answer.abstained
    assert [c.id for c in answer.citations] == [1, 2]
    first = answer.citations[0]
    assert first.quote == "That study will report to me and to you, jointly."
    for c in answer.citations:
        assert seed_assistant.store.letter(c.source).text[c.start : c.end] == c.quote
    assert answer.answer.startswith("That study will report to me and to you, jointly. [1] ")


def test_the_peer_never_refuses_even_when_the_letters_do_not_say(seed_assistant):
    answer = PeerAnswerer(seed_assistant.store, seed_assistant.embeddings).answer("What salary will the Commissioner be paid?")
    assert not answer.abstained and len(answer.citations) == 2
