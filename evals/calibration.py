"""`make calibrate`: fit the evidence ranking model and the support model that decides whether the
letters answer at all, with its threshold; log both.

Calibration sets only: our own letters (`evals/testset.yaml`), their paraphrases and the real-letter
development half. Never the frozen test half, never the blind set.
- Every candidate sentence of every question is a training row of the sentence model, labelled by
  whether it overlaps a gold span (so no sentence answers an unanswerable question).
- A second citation is allowed when its probability is a large enough share of the best's: the share
  that most improves the share of gold sentences found plus a quarter of the precision of what is cited, in
  the set it serves worst first (then in all).
- A second small logistic model reads each question's best evidence (`ranking.Support`: the best
  sentence's probability, the key terms covered by it and by any sentence giving the kind of answer
  wanted, names and words no letter uses), labelled by whether the question is answerable, each set
  and each label weighing the same. It learns from each set's evidence as ranked by a sentence model
  fitted on the other sets, so that it reads probabilities like those of letters never seen. One
  threshold on its probability decides whether the letters answer at all: the middle of the range
  that maximises (on those same held-out rankings) the share of questions handled right — answered
  citing a gold sentence (half right citing others), or refused when the letters do not say — in the
  set handled worst, then in the sets on average (each weighing the same). The
  refusal precision/recall curve over thresholds is logged.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

import numpy as np

from assistant.ranking import Features, Logistic, RankingModel, Support, vector

SETS = (Path("evals/testset.yaml"), Path("evals/paraphrases.yaml"), Path("evals/real_dev.yaml"))
SECONDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.05, 0.96, 0.01))
# How well a question is handled, by (answerable, answered, a gold sentence cited): an answerable question
# answered from other sentences is half right (they often still state the fact), refusing it is wrong.
HANDLED = {(True, True, True): 1.0, (True, True, False): 0.5, (True, False, False): 0.0,
           (False, False, False): 1.0, (False, True, False): 0.0}
CURVE = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
START, END = "<!-- calibration -->", "<!-- /calibration -->"


@dataclass
class Question:
    set: str
    cands: list  # its candidates (evidence.Candidate), features filled in
    hits: list[bool]  # each candidate overlaps a gold span
    answerable: bool = True
    support: Support | None = None  # its best evidence's support, once the candidates are ranked
    analysis: object = None  # question.Analysis


def collect(paths=SETS, embeddings=None) -> list[Question]:
    """The candidates of every question of the calibration sets, with their gold labels."""
    from assistant.question import QuestionType, analyse, asked
    from assistant.service import Assistant
    from config.settings import Settings
    from evals.matching import locate
    from evals.testset import load_testset

    out = []
    for path in paths:
        testset = load_testset(path)
        with tempfile.TemporaryDirectory(prefix="assistant-calibrate-") as tmp:
            assistant = Assistant(Settings(store=Path(tmp) / "store", chroma_host=None), embeddings)
            assistant.indexer.run(testset.corpus)
            answerer = assistant.answerer
            for case in testset.cases:
                analysis = analyse(asked(case.question), default_year=answerer._default_year())
                if analysis.type in (QuestionType.DUE_IN_PERIOD, QuestionType.LETTER_DATE):
                    continue  # answered from the ledger and the letters' dates, not from evidence
                spans = [(g.source, *locate(assistant.store.letter(g.source).text, g.quote)) for g in case.gold]
                cands = answerer.evidence.candidates(asked(case.question), analysis, 8)
                hits = [any(c.source == s and c.start < e and b < c.end for s, b, e in spans) for c in cands]
                out.append(Question(path.stem, cands, hits, case.answerable, None, analysis))
    return out


def fit_sentence_model(questions: list[Question]) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    x = np.array([vector(c.features) for q in questions for c in q.cands])
    y = np.array([h for q in questions for h in q.hits])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    names = [f.name for f in fields(Features)]
    return Logistic({n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)},
                    round(float(model.intercept_[0]), 4))


def ranked(q: Question, sentence: Logistic) -> Question:
    """The question with its candidates re-scored by `sentence`, most probable first."""
    from assistant.evidence import Evidence

    for c in q.cands:
        c.probability = sentence.probability(c.features)
    order = sorted(range(len(q.cands)), key=lambda i: -q.cands[i].probability)
    cands = [q.cands[i] for i in order]
    return replace(q, cands=cands, hits=[q.hits[i] for i in order], support=Evidence.support(cands, q.analysis))


def fit_support_model(questions: list[Question]) -> Logistic:
    """P(the letters answer) from each question's best evidence, labelled by whether it is answerable."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([vector(q.support) for q in questions])
    y = np.array([q.answerable for q in questions])
    # Each set weighs the same, and within it answerable and unanswerable questions weigh the same.
    size = Counter((q.set, q.answerable) for q in questions)
    weight = np.array([1.0 / size[q.set, q.answerable] for q in questions])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y, sample_weight=weight * len(questions) / weight.sum())
    names = [f.name for f in fields(Support)]
    return Logistic({n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)},
                    round(float(model.intercept_[0]), 4))


def cited(questions: list[Question], model: RankingModel) -> list[tuple[str, bool, bool | None, int]]:
    """Per question: (set, the best is gold, the second is gold — None when it is not cited, how many gold
    sentences two citations could cite)."""
    rows = []
    for q in (q for q in questions if q.answerable):
        probs = [model.sentence.probability(c.features) for c in q.cands]
        order = sorted(range(len(probs)), key=lambda i: -probs[i])
        if not order:
            rows.append((q.set, False, None, 1))
            continue
        second = len(order) > 1 and probs[order[1]] >= model.second * probs[order[0]]
        rows.append((q.set, q.hits[order[0]], q.hits[order[1]] if second else None, min(2, max(1, sum(q.hits)))))
    return rows


def citing_score(rows) -> float:
    """Mean share of each question's gold sentences cited (of as many as two citations could cite: an answer
    needing two sentences is half an answer with one), plus a quarter of the share of citations that are
    gold: finding the answer matters most, and a second citation must still earn its place."""
    found = np.mean([(best + bool(second)) / wanted for _, best, second, wanted in rows])
    citations = sum(1 + (second is not None) for _, _, second, _ in rows)
    return float(found + 0.25 * sum(best + bool(second) for _, best, second, _ in rows) / citations)


def worst_then_mean(rows) -> tuple[float, float]:
    """(the worst set's citing score, the sets' mean): as for the threshold, the set served worst — usually
    the real letters — comes first, so the many paraphrases of our own letters cannot outvote it."""
    scores = [citing_score([r for r in rows if r[0] == name]) for name in dict.fromkeys(r[0] for r in rows)]
    return min(scores), float(np.mean(scores))


def decisions(questions: list[Question], model: RankingModel) -> list[tuple[str, bool, bool, bool]]:
    """Per question: (set, answerable, answered, answered citing a gold sentence)."""
    rows = []
    for q in questions:
        answered = bool(q.cands) and model.support.probability(q.support) >= model.threshold
        second = len(q.cands) > 1 and q.cands[1].probability >= model.second * q.cands[0].probability
        rows.append((q.set, q.answerable, answered, answered and (q.hits[0] or second and q.hits[1])))
    return rows


def refusal_figures(rows) -> dict[str, dict[str, float]]:
    """Per set: handled right, refusal precision and recall (correct refusals), false refusals."""
    out = {}
    for name in dict.fromkeys(r[0] for r in rows):
        mine = [r for r in rows if r[0] == name]
        refused = [r for r in mine if not r[2]]
        unanswerable = [r for r in mine if not r[1]]
        answerable = [r for r in mine if r[1]]
        out[name] = {
            "handled": round(float(np.mean([HANDLED[r[1], r[2], r[3]] for r in mine])), 3),
            "refusal_precision": round(sum(not r[1] for r in refused) / len(refused), 3) if refused else None,
            "refusal_recall": round(sum(not r[2] for r in unanswerable) / len(unanswerable), 3) if unanswerable else None,
            "false_refusal": round(sum(not r[2] for r in answerable) / len(answerable), 3) if answerable else None,
        }
    return out


def held_out(questions: list[Question]) -> list[Question]:
    """Each set's questions ranked by a sentence model fitted on the other sets only: the probabilities
    the support model and its threshold learn from are those of evidence the sentence model has not seen,
    as a new letter's will be."""
    out = []
    for name in dict.fromkeys(q.set for q in questions):
        sentence = fit_sentence_model([q for q in questions if q.set != name])
        out += [ranked(q, sentence) for q in questions if q.set == name]
    return out


def calibrate(questions: list[Question]) -> tuple[RankingModel, dict, dict, dict]:
    sentence = fit_sentence_model(questions)
    unseen = held_out(questions)
    questions = [ranked(q, sentence) for q in questions]
    second = max(SECONDS, key=lambda s: worst_then_mean(cited(questions, RankingModel(sentence, s))))
    model = RankingModel(sentence, second, fit_support_model(unseen))

    def handled(m: RankingModel, rows: list[Question]) -> tuple[float, float]:
        """(the worst-handled set's share, the sets' mean share): letters never seen are the point, so the
        threshold serves the set it handles worst first (usually the real letters), then all of them."""
        shares = [f["handled"] for f in refusal_figures(decisions(rows, m)).values()]
        return min(shares), float(np.mean(shares))

    scores = {t: handled(replace(model, threshold=t), unseen) for t in THRESHOLDS}
    best = [t for t, s in scores.items() if s == max(scores.values())]
    model = replace(model, threshold=best[len(best) // 2])
    rows = cited(questions, model)
    quality = {}
    for name in dict.fromkeys(r[0] for r in rows):
        mine = [r for r in rows if r[0] == name]
        quality[name] = {"questions": len(mine), "best_is_gold": round(float(np.mean([r[1] for r in mine])), 3),
                         "gold_cited": round(float(np.mean([b or bool(s) for _, b, s, _ in mine])), 3)}
    curve = {t: refusal_figures(decisions(questions, replace(model, threshold=t))) for t in CURVE}
    return model, quality, refusal_figures(decisions(questions, model)), curve


def report_markdown(model: RankingModel, quality: dict, refusals: dict, curve: dict, day: date) -> str:
    lines = [START, f"Fitted {day.isoformat()} on {', '.join(p.name for p in SETS)}: a second citation when its "
             f"probability is ≥ {model.second} of the best's; the letters answer when the support model's probability "
             f"is ≥ {model.threshold}, else they do not say. Measured on the evidence alone (the ledger's and the "
             "letters' dates answer their own questions), in-sample: on the very sets it was fitted on.", "",
             "| set | answerable | best sentence is gold | a gold sentence is cited | handled right | refusal precision "
             "| refusal recall | false refusals |", "|---|---|---|---|---|---|---|---|"]
    for name, q in quality.items():
        r = refusals[name]
        cells = [name, q["questions"], q["best_is_gold"], q["gold_cited"], r["handled"], r["refusal_precision"],
                 r["refusal_recall"], r["false_refusal"]]
        lines.append("| " + " | ".join("—" if c is None else str(c) for c in cells) + " |")
    names = list(quality)
    lines += ["", "Refusals by threshold (precision / recall / false refusals):", "",
              "| threshold | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for t, figures in curve.items():
        cells = [" / ".join("—" if figures[n][k] is None else str(figures[n][k])
                            for k in ("refusal_precision", "refusal_recall", "false_refusal")) for n in names]
        lines.append(f"| {t}{' (chosen)' if t == model.threshold else ''} | " + " | ".join(cells) + " |")
    return "\n".join(lines + [END])


def write_block(readme: Path, block: str) -> None:
    text = readme.read_text(encoding="utf-8")
    if START in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n## Evidence ranking\n\n" + block + "\n"
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, default=Path("evals/README.md"))
    args = parser.parse_args(argv)
    questions = collect()
    model, quality, refusals, curve = calibrate(questions)
    model.save(provenance={"fitted": date.today().isoformat(), "sets": [str(p) for p in SETS],
                           "questions": len(questions), "candidates": sum(len(q.cands) for q in questions)})
    block = report_markdown(model, quality, refusals, curve, date.today())
    write_block(args.readme, block)
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
