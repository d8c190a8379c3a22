"""The evaluation: its matching rules, its format errors, and the real test set (a regression gate)."""

import pytest

from assistant.evaluation import (
    TestSetError,
    check_thresholds,
    facts_stated,
    load_testset,
    passage_holds,
    run_eval,
)
from tests.conftest import ROOT


def test_a_fact_matches_any_phrasing_of_its_group_and_iso_dates_match_their_written_form():
    answer = "The Commissioner must report by 2014-05-31 to the “Minister”."
    assert facts_stated(answer, [["end of May 2014", "31 May 2014"], ["minister", "Secretary of State"]]) == [True, True]
    assert facts_stated(answer, [["June 2014"]]) == [False]


def test_a_gold_quote_is_retrieved_when_most_of_its_words_are_in_one_passage():
    assert passage_holds("... the Commissioner then, by the end of May 2014, to make", "by the end of May 2014, to make recommendations")
    assert not passage_holds("an unrelated passage about budgets", "by the end of May 2014, to make recommendations")


def test_thresholds_are_minimums_and_max_prefixed_ones_are_caps():
    summary = {"fact_accuracy": 0.8, "false_refusal": 0.1}
    assert check_thresholds(summary, {"fact_accuracy": 0.75, "max_false_refusal": 0.15}) == []
    assert len(check_thresholds(summary, {"fact_accuracy": 0.9, "max_false_refusal": 0.05})) == 2


def test_a_test_set_without_cases_is_refused_with_its_name(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("corpus: [x/]\n")
    with pytest.raises(TestSetError, match="bad.yaml"):
        load_testset(path)


@pytest.fixture(scope="module")
def report(embeddings):
    return run_eval(load_testset(ROOT / "evals" / "testset.yaml"), embeddings=embeddings)


def test_our_answerer_meets_the_test_set_thresholds(report):
    testset = load_testset(ROOT / "evals" / "testset.yaml")
    summary = report["answerers"]["extractive"]["summary"]
    assert check_thresholds(summary, testset.thresholds) == []
    assert summary["quote_fidelity"] == 1.0


def test_the_baseline_fails_the_thresholds_so_they_bite(report):
    testset = load_testset(ROOT / "evals" / "testset.yaml")
    assert check_thresholds(report["answerers"]["baseline"]["summary"], testset.thresholds)


def test_the_ledger_is_scored_against_the_gold_ledger(report):
    ledger = report["ledger"]
    assert ledger["recall"] >= 0.75 and ledger["precision"] >= 0.9
    assert ledger["exact_deadline_accuracy"] >= 0.9
