"""The evidence ranking model and its calibration helpers, from tables (no embedding model)."""

import json

import pytest

from assistant.ranking import Features, Logistic, RankingModel
from evals.calibration import cited, citing_score, worst_then_mean
from index.model import StoredUnit, UnitKind


class Cand:
    def __init__(self, dense: float):
        self.features = Features(dense=dense)


def model(second: float = 0.7) -> RankingModel:
    return RankingModel(Logistic({"dense": 4.0}, -2.0), second)


def test_probability_rises_with_a_positively_weighted_feature():
    m = model()
    assert m.sentence.probability(Features(dense=0.9)) > m.sentence.probability(Features(dense=0.2))
    assert 0.0 < m.sentence.probability(Features(dense=-100.0)) < 1e-10  # clipped, never overflows


def test_the_model_saves_and_loads_its_weights(tmp_path):
    path = tmp_path / "ranking.json"
    model().save(path, provenance={"sets": ["x"]})
    assert RankingModel.load(path) == model()
    assert json.loads(path.read_text())["provenance"] == {"sets": ["x"]}


def test_a_second_sentence_is_cited_only_when_close_enough_to_the_best():
    from evals.calibration import Question

    q = Question("dev", [Cand(0.5), Cand(0.9), Cand(0.85)], [False, True, False])
    assert cited([q], model(second=0.7)) == [("dev", True, False, 1)]
    assert cited([q], model(second=1.01)) == [("dev", True, None, 1)]


def test_a_wrong_second_citation_costs_precision():
    alone, with_wrong = [("dev", True, None, 1)], [("dev", True, False, 1)]
    assert citing_score(alone) == 1.25
    assert citing_score(with_wrong) == 1.125


def test_an_answer_needing_two_sentences_is_half_found_with_one():
    one, both = [("dev", True, None, 2)], [("dev", True, True, 2)]
    assert citing_score(one) == 0.5 + 0.25
    assert citing_score(both) == 1.0 + 0.25


def test_the_letters_answer_only_when_the_best_evidence_is_supported_enough():
    from assistant.ranking import Support
    from evals.calibration import Question, decisions

    m = RankingModel(Logistic({"dense": 4.0}, -2.0), 0.7, Logistic({"kind_coverage": 10.0}, -5.0), 0.5)
    covered = Question("dev", [Cand(0.9)], [True], True, Support(kind_coverage=0.8))
    thin = Question("dev", [Cand(0.9)], [False], False, Support(kind_coverage=0.1))
    unanswered = Question("dev", [Cand(0.9)], [True], True, Support(kind_coverage=0.2))
    assert decisions([covered, thin, unanswered], m) == [
        ("dev", True, True, True), ("dev", False, False, False), ("dev", True, False, False)]


def test_names_no_letter_mentions_lower_the_support_but_decide_nothing_alone():
    from assistant.ranking import Support

    support = Logistic({"kind_coverage": 6.0, "unknown_names": -3.0}, -2.0)
    strong = support.probability(Support(kind_coverage=1.0, unknown_names=0.5))
    assert support.probability(Support(kind_coverage=1.0)) > strong > 0.5


def test_the_set_served_worst_decides_before_the_many():
    many_fine = [("own", True, None, 1)] * 9
    assert worst_then_mean(many_fine + [("real", False, None, 1)]) == (0.0, 0.625)


@pytest.mark.parametrize(("question", "fits", "refused"), [
    ("When does the Commissioner's appointment end?", [0.0], True),  # the passage gives no time at all
    ("When does the Commissioner's appointment end?", [0.0, 1.0], False),  # the second sentence cited gives one
    ("When will the figures be published?", [0.2], False),  # "shortly": said how far the letters go instead
    ("Who will publish the figures?", [0.0], True),
    ("Why did the Minister ask for more time?", [0.0], False),  # a reason is said in too many ways to tell
    ("What did the Minister ask, and by when?", [0.0], False),  # what was asked is given without the time
])
def test_an_answer_is_refused_when_no_sentence_it_cites_gives_the_one_kind_asked_for(question, fits, refused):
    from assistant.evidence import Candidate, kind_not_given
    from assistant.question import analyse

    unit = StoredUnit("l.txt", 0, 1, UnitKind.SENTENCE, 0, None)
    cited = [Candidate(i, unit, Features(fit=f)) for i, f in enumerate(fits)]
    assert kind_not_given(cited, analyse(question)) == refused
