"""The real-letter test sets keep the rules they were written to (issue: yardsticks we cannot fit).

They read real published letters from ASSISTANT_REAL_CORPUS (default ../shared/corpus/real), which is
never copied into this repository: without it these tests skip and say why.
"""

import re
from collections import Counter

import pytest
import yaml

from config.settings import Settings
from evals.matching import locate
from evals.testset import CATEGORIES, load_testset
from tests.conftest import ROOT

REAL = Settings().real_corpus.resolve()
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"the real letters are not at {REAL} (ASSISTANT_REAL_CORPUS)")

HALVES = {"dev": ROOT / "evals" / "real_dev.yaml", "test": ROOT / "evals" / "real_test.yaml"}
# Letters on one matter over time: each chain must lie wholly in one half (from the corpus MANIFEST).
CHAINS = [
    ("measuring-inflation-response-timing", "rpi-response-timetable", "rpi-response-at-0730"),
    ("rpi-consultation-timing", "rpi-consultation-extension.txt", "rpi-consultation-extension-reply", "rpi-consultation-outcome"),
    ("handling-formal-complaints",),
    ("uk-eu-white-paper",),
    ("no-recourse-to-public-funds",),
    ("police-uplift",),
]


def _sets():
    return {name: load_testset(path) for name, path in HALVES.items()}


def _names(testset) -> set[str]:
    return {p.name for p in testset.corpus}


def test_the_halves_split_the_real_letters_by_letter_with_each_chain_on_one_side():
    sets = _sets()
    dev, test = _names(sets["dev"]), _names(sets["test"])
    assert not dev & test
    assert dev | test == {p.name for p in REAL.glob("*.txt")}
    for chain in CHAINS:
        sides = {side for side, names in (("dev", dev), ("test", test)) for n in names if any(k in n for k in chain)}
        assert len(sides) == 1, f"chain {chain} is split across halves"


@pytest.mark.parametrize("half", HALVES)
def test_each_half_is_an_officials_question_set_by_the_rules(half):
    testset = _sets()[half]
    cases = testset.cases
    assert len(cases) >= 55 and len({c.id for c in cases}) == len(cases)
    assert sum(not c.answerable for c in cases) / len(cases) >= 0.2
    categories = Counter(c.category for c in cases)
    assert set(categories) <= set(CATEGORIES)
    assert len(categories) >= 10, categories
    for case in cases:
        if case.answerable:
            assert case.facts and case.gold, case.id
        for group in case.facts:
            assert len(group) <= 3 and all(len(alt.split()) <= 6 for alt in group), (case.id, group)


@pytest.mark.parametrize("half", HALVES)
def test_every_gold_quote_and_gold_ledger_record_stands_in_its_letter(half):
    testset = _sets()[half]
    texts = {p.name: p.read_text(encoding="utf-8") for p in testset.corpus}
    for case in testset.cases:
        for g in case.gold:
            assert locate(texts[g.source.rsplit("/", 1)[-1]], g.quote), (case.id, g.quote)
    ledger = yaml.safe_load(testset.ledger.read_text(encoding="utf-8"))
    assert ledger["records"]
    for record in ledger["records"]:
        assert locate(texts[record["source"]], record["quote"]), record["quote"]
        assert record["deadline"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(record["deadline"]))


SECOND_WRITERS = {"fresh": ROOT / "evals" / "real_dev_fresh.yaml", "held-out": ROOT / "evals" / "real_dev_heldout.yaml"}


@pytest.mark.parametrize("name", SECOND_WRITERS)
def test_other_writers_ask_of_the_development_letters_only_and_their_quotes_stand(name):
    testset = load_testset(SECOND_WRITERS[name])
    assert _names(testset) == _names(load_testset(HALVES["dev"]))
    assert sum(not c.answerable for c in testset.cases) / len(testset.cases) >= 0.2
    texts = {p.name: p.read_text(encoding="utf-8") for p in testset.corpus}
    for case in testset.cases:
        assert not case.answerable or case.facts and case.gold, case.id
        for g in case.gold:
            assert locate(texts[g.source.rsplit("/", 1)[-1]], g.quote), (case.id, g.quote)
