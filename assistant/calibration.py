"""`make calibrate`: fit the evidence ranking model and the coverage it needs to answer; log both.

Calibration sets only: our own letters (`evals/testset.yaml`), their paraphrases and the real-letter
development half. Never the frozen test half, never the blind set.
- Every candidate sentence of every answerable question is a training row of the sentence model,
  labelled by whether it overlaps a gold span.
- A second citation is allowed when its probability is a large enough share of the best's: the share
  that most improves gold sentences found plus a quarter of the precision of what is cited.
- The least key-term coverage to answer (with and without a kind of answer wanted) maximises the share
  of questions handled right — answered from a gold sentence, or refused when the letters do not
  say — each set weighing the same; the refusal precision/recall at that choice is logged.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path

import numpy as np

from assistant.ranking import Features, Logistic, RankingModel, vector

SETS = (Path("evals/testset.yaml"), Path("evals/paraphrases.yaml"), Path("evals/real_dev.yaml"))
SECONDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
COVERAGES = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
START, END = "<!-- calibration -->", "<!-- /calibration -->"


@dataclass
class Question:
    set: str
    cands: list  # its candidates (evidence.Candidate), features filled in
    hits: list[bool]  # each candidate overlaps a gold span
    answerable: bool = True
    wants_kind: bool = False  # wants a kind of answer (evidence.WANTED)
    unknown_names: float = 0.0  # share of its names no letter mentions


def collect(paths=SETS, embeddings=None) -> list[Question]:
    """The candidates of every answerable question of the calibration sets, with their gold labels."""
    from assistant.evaluation import load_testset, locate
    from assistant.evidence import WANTED
    from assistant.question import QuestionType, analyse
    from assistant.service import Assistant
    from index.settings import Settings

    out = []
    for path in paths:
        testset = load_testset(path)
        with tempfile.TemporaryDirectory(prefix="assistant-calibrate-") as tmp:
            assistant = Assistant(Settings(store=Path(tmp) / "store"))
            if embeddings is not None:
                assistant.__dict__["embeddings"] = embeddings
            assistant.indexer.run(testset.corpus)
            answerer = assistant.answerer
            for case in testset.cases:
                analysis = analyse(case.question, default_year=answerer._default_year())
                if analysis.type in (QuestionType.DUE_IN_PERIOD, QuestionType.LETTER_DATE):
                    continue  # answered from the ledger and the letters' dates, not from evidence
                spans = [(g.source, *locate(assistant.store.letter(g.source).text, g.quote)) for g in case.gold]
                cands = answerer.evidence.candidates(case.question, analysis, 8)
                hits = [any(c.source == s and c.start < e and b < c.end for s, b, e in spans) for c in cands]
                out.append(Question(path.stem, cands, hits, case.answerable, analysis.type in WANTED,
                                    answerer.evidence.unknown_names(analysis)))
    return out


def fit_sentence_model(questions: list[Question]) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    x = np.array([vector(c.features) for q in questions if q.answerable for c in q.cands])
    y = np.array([h for q in questions if q.answerable for h in q.hits])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    names = [f.name for f in fields(Features)]
    return Logistic({n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)},
                    round(float(model.intercept_[0]), 4))


def cited(questions: list[Question], model: RankingModel) -> list[tuple[str, bool, bool | None]]:
    """Per question: (set, the best is gold, the second is gold — None when it is not cited)."""
    rows = []
    for q in (q for q in questions if q.answerable):
        probs = [model.sentence.probability(c.features) for c in q.cands]
        order = sorted(range(len(probs)), key=lambda i: -probs[i])
        if not order:
            rows.append((q.set, False, None))
            continue
        second = len(order) > 1 and probs[order[1]] >= model.second * probs[order[0]]
        rows.append((q.set, q.hits[order[0]], q.hits[order[1]] if second else None))
    return rows


def citing_score(rows) -> float:
    """Share of questions with a gold sentence cited, plus a quarter of the share of citations that are gold:
    finding the answer matters most, and a second citation must still earn its place."""
    found = np.mean([best or bool(second) for _, best, second in rows])
    citations = sum(1 + (second is not None) for _, _, second in rows)
    return float(found + 0.25 * sum(best + bool(second) for _, best, second in rows) / citations)


def decisions(questions: list[Question], model: RankingModel) -> list[tuple[str, bool, bool, bool]]:
    """Per question: (set, answerable, answered, answered from a gold sentence)."""
    rows = []
    for q in questions:
        least = model.key_coverage_with_kind if q.wants_kind else model.key_coverage
        passing = [(model.sentence.probability(c.features), h) for c, h in zip(q.cands, q.hits, strict=True)
                   if c.features.key_coverage >= least and (c.features.fit >= 1.0 or not q.wants_kind)]
        answered = bool(passing) and q.unknown_names < 0.5
        gold = answered and max(passing, key=lambda p: p[0])[1]
        rows.append((q.set, q.answerable, answered, gold))
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
            "handled": round(float(np.mean([(r[1] and r[3]) or (not r[1] and not r[2]) for r in mine])), 3),
            "refusal_precision": round(sum(not r[1] for r in refused) / len(refused), 3) if refused else None,
            "refusal_recall": round(sum(not r[2] for r in unanswerable) / len(unanswerable), 3) if unanswerable else None,
            "false_refusal": round(sum(not r[2] for r in answerable) / len(answerable), 3) if answerable else None,
        }
    return out


def calibrate(questions: list[Question]) -> tuple[RankingModel, dict, dict]:
    sentence = fit_sentence_model(questions)
    second = max(SECONDS, key=lambda s: citing_score(cited(questions, RankingModel(sentence, s))))
    model = RankingModel(sentence, second)

    def handled(m: RankingModel) -> float:
        return float(np.mean([f["handled"] for f in refusal_figures(decisions(questions, m)).values()]))

    grid = [replace(model, key_coverage=a, key_coverage_with_kind=b) for a in COVERAGES for b in COVERAGES]
    model = max(grid, key=lambda m: (handled(m), -m.key_coverage - m.key_coverage_with_kind))
    rows = cited(questions, model)
    quality = {}
    for name in dict.fromkeys(s for s, _, _ in rows):
        mine = [r for r in rows if r[0] == name]
        quality[name] = {"questions": len(mine), "best_is_gold": round(float(np.mean([b for _, b, _ in mine])), 3),
                         "gold_cited": round(float(np.mean([b or bool(s) for _, b, s in mine])), 3)}
    return model, quality, refusal_figures(decisions(questions, model))


def report_markdown(model: RankingModel, quality: dict, refusals: dict, day: date) -> str:
    lines = [START, f"Fitted {day.isoformat()} on {', '.join(p.name for p in SETS)}: a second citation when its "
             f"probability is ≥ {model.second} of the best's; a sentence answers when it covers ≥ {model.key_coverage} "
             f"of the question's key terms (≥ {model.key_coverage_with_kind}, and gives it, when a kind of answer is "
             "wanted). Measured on the evidence alone (names no letter mentions refuse too; the ledger's and the "
             "letters' dates answer their own questions), in-sample: on the very sets it was fitted on.", "",
             "| set | answerable | best sentence is gold | a gold sentence is cited | handled right | refusal precision "
             "| refusal recall | false refusals |", "|---|---|---|---|---|---|---|---|"]
    for name, q in quality.items():
        r = refusals[name]
        cells = [name, q["questions"], q["best_is_gold"], q["gold_cited"], r["handled"], r["refusal_precision"],
                 r["refusal_recall"], r["false_refusal"]]
        lines.append("| " + " | ".join("—" if c is None else str(c) for c in cells) + " |")
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
    model, quality, refusals = calibrate(questions)
    model.save(provenance={"fitted": date.today().isoformat(), "sets": [str(p) for p in SETS],
                           "questions": len(questions), "candidates": sum(len(q.cands) for q in questions)})
    block = report_markdown(model, quality, refusals, date.today())
    write_block(args.readme, block)
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
