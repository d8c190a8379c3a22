"""The evaluation: its matching rules, its format errors, and the real test set (a regression gate)."""

import hashlib
import re

import pytest

from config.settings import Settings
from evals.matching import facts_stated, lead, passage_holds
from evals.metrics import check_thresholds
from evals.runner import run_eval
from evals.testset import TestSetError, load_testset
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


def test_the_lead_is_the_answers_first_paragraph():
    answer = "The Council must report by 30 June 2014 [1].\n\nIt also asks for a budget [2]."
    assert lead(answer) == "The Council must report by 30 June 2014 [1]."
    assert facts_stated(lead(answer), [["30 June 2014"], ["budget"]]) == [True, False]


def test_a_test_set_based_on_the_real_corpus_reads_its_letters_from_the_setting(tmp_path):
    letters = tmp_path / "letters"
    letters.mkdir()
    (tmp_path / "sets").mkdir()
    path = tmp_path / "sets" / "real.yaml"
    path.write_text("base: real_corpus\ncorpus: [a.txt]\nledger: gold.yaml\n"
                    "cases: [{id: q1, question: When is it due, facts: [[May]], gold: [{source: a.txt, quote: by May}]}]\n")
    testset = load_testset(path, Settings(real_corpus=letters))
    assert testset.corpus == [(letters / "a.txt").resolve()]
    assert testset.cases[0].gold[0].source == str((letters / "a.txt").resolve())
    assert testset.ledger == tmp_path / "sets" / "gold.yaml"  # the gold ledger sits beside its test set
    with pytest.raises(TestSetError, match="ASSISTANT_REAL_CORPUS"):
        load_testset(path, Settings(real_corpus=tmp_path / "absent"))


def test_a_gold_quote_that_is_not_in_its_letter_stops_the_evaluation(tmp_path, embeddings):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "letter.txt").write_text("Dear Ms Shah,\n\nPlease send the plan by 1 May 2016.\n")
    path = tmp_path / "set.yaml"
    path.write_text("corpus: [corpus/]\ncases: [{id: q1, question: When is the plan due, facts: [[1 May 2016]],\n"
                    "  gold: [{source: corpus/letter.txt, quote: send the budget by 1 May 2016}]}]\n")
    with pytest.raises(TestSetError, match="q1.*not in the letter"):
        run_eval(load_testset(path), embeddings=embeddings, answerers=("peer",))


def test_the_frozen_test_half_is_unchanged_since_its_sha256_was_recorded():
    recorded = dict(
        reversed(line.split()) for line in (ROOT / "evals" / "README.md").read_text().splitlines()
        if re.fullmatch(r"\s*[0-9a-f]{64}\s+evals/real_test\w*\.yaml", line)
    )
    assert set(recorded) == {"evals/real_test.yaml", "evals/real_test_ledger.yaml"}
    for name, digest in recorded.items():
        assert hashlib.sha256((ROOT / name).read_bytes()).hexdigest() == digest, f"{name} was edited after freezing"


def test_our_answerer_the_peer_and_the_baseline_are_all_measured(report):
    assert set(report["answerers"]) == {"extractive", "peer", "baseline"}
    peer = report["answerers"]["peer"]["summary"]
    assert peer["correct_refusal"] == 0.0 and peer["false_refusal"] == 0.0  # the peer never abstains
    assert peer["citations_per_answer"] == 2.0 and peer["quote_fidelity"] == 1.0


def test_our_answerer_meets_the_paraphrase_thresholds_and_the_rule_free_answerers_do_not(embeddings):
    testset = load_testset(ROOT / "evals" / "paraphrases.yaml")
    assert len(testset.cases) >= 3 * len(load_testset(ROOT / "evals" / "testset.yaml").cases)
    report = run_eval(testset, embeddings=embeddings)
    assert check_thresholds(report["answerers"]["extractive"]["summary"], testset.thresholds) == []
    for name in ("peer", "baseline"):
        assert check_thresholds(report["answerers"][name]["summary"], testset.thresholds)
