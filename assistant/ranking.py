"""How much a sentence answers a question: one small logistic model over generic evidence features,
and a second over the best evidence of a question: the one probability, with one threshold, that decides
whether the letters answer at all.

Fitted by `make calibrate` (`evals.calibration`) on the calibration sets — our own letters, their
paraphrases and the real-letter development half, never the frozen test half or the blind set — and
kept in `ranking.json`. No feature looks at particular words of a question or a letter: each says how
close, how covered, how fitting a sentence is.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, fields
from pathlib import Path

WEIGHTS = Path(__file__).with_name("ranking.json")


@dataclass
class Features:
    """One candidate sentence for one question."""

    dense: float = 0.0  # cosine of question and sentence
    dense_pair: float = 0.0  # cosine of question and sentence read with the one before it
    coverage: float = 0.0  # idf-weighted share of the question's words in the sentence read in context
    coverage_own: float = 0.0  # the same in the sentence alone
    key_coverage: float = 0.0  # the same for the question's key terms (nouns, proper nouns, verbs) in context, a
    # term the context does not use earning the credit of its nearest word in meaning (assistant.similar_words)
    key_coverage_own: float = 0.0  # the same, in the sentence with its lead-in and referents only (not the letter's
    # title and parties): whether the sentence itself is about what was asked
    fit: float = 0.0  # the sentence gives the kind of answer wanted (a date, a person, a recipient…)
    rank_bonus: float = 0.0  # 1 / (1 + rank) of the best retrieved chunk holding the sentence
    verb_match: float = 0.0  # the sentence itself uses one of the question's own verbs (not "be", "have", "ask"…),
    # or else the credit of its word nearest to one in meaning
    is_line: float = 0.0  # an address, heading or signature line rather than a sentence
    is_item: float = 0.0  # a list item under a lead-in
    duty: float = 0.0  # the sentence binds someone to an action (it holds a ledger record)
    dated_duty: float = 0.0  # … with a time
    dense_gap: float = 0.0  # dense minus the best dense among this question's candidates
    coverage_gap: float = 0.0  # coverage minus the best coverage among this question's candidates
    unseen: float = 0.0  # idf-weighted share of the question's words no letter uses at all
    unknown_names: float = 0.0  # share of the question's names (people, places, bodies) no letter mentions
    kind_missing: float = 0.0  # the question wants a kind of answer (a date, a person…) the sentence does not give: 1 - fit
    designated: float = 0.0  # the sentence is in a letter the question designates by its date ("his 2 November note")


@dataclass
class Support:
    """How well the best evidence for one question supports any answer at all."""

    best: float = 0.0  # the best sentence's probability
    key_coverage: float = 0.0  # its share of the question's key terms, in context
    kind_coverage: float = 0.0  # the most key terms any sentence giving the kind of answer wanted covers
    unknown_names: float = 0.0  # share of the question's names no letter mentions
    most_names_unknown: float = 0.0  # … at least half of them: the question is about something else
    unseen: float = 0.0  # idf-weighted share of the question's words no letter uses
    wants_kind: float = 0.0  # the question wants a kind of answer (a date, a person, a recipient…)
    kind_coverage_wanted: float = 0.0  # kind_coverage when a kind is wanted, else 0 (its own slope)
    kind_verbs: float = 0.0  # the best verb_match of a sentence giving the kind of answer wanted: it says the thing asked happens


def vector(features) -> list[float]:
    return [getattr(features, f.name) for f in fields(features)]


@dataclass(frozen=True)
class Logistic:
    weights: dict[str, float]
    bias: float

    def probability(self, features) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in asdict(features).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class RankingModel:
    sentence: Logistic  # P(this sentence answers the question)
    second: float  # a second sentence is cited when its probability is at least this share of the best's
    support: Logistic = Logistic({}, 0.0)  # P(the letters answer the question), from its best evidence (Support)
    threshold: float = 0.0  # the letters answer when that probability reaches this; else they do not say

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> RankingModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(Logistic(**data["sentence"]), data["second"], Logistic(**data["support"]), data["threshold"])

    def save(self, path: Path = WEIGHTS, provenance: dict | None = None) -> None:
        data = {"sentence": asdict(self.sentence), "second": self.second, "support": asdict(self.support),
                "threshold": self.threshold, "provenance": provenance or {}}
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
