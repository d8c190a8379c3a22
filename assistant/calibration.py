"""`make calibrate`: fit the evidence ranking model, and log how well it ranks.

Calibration sets only: our own letters (`evals/testset.yaml`), their paraphrases and the real-letter
development half. Never the frozen test half, never the blind set. Every candidate sentence of every
answerable question is a training row, labelled by whether it overlaps a gold span. A second
citation is allowed when its probability is a large enough share of the best's: the share that most
improves gold sentences found plus half the precision of what is cited.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

import numpy as np

from assistant.ranking import Features, Logistic, RankingModel, vector

SETS = (Path("evals/testset.yaml"), Path("evals/paraphrases.yaml"), Path("evals/real_dev.yaml"))
SECONDS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
START, END = "<!-- calibration -->", "<!-- /calibration -->"


@dataclass
class Question:
    set: str
    cands: list  # its candidates (evidence.Candidate), features filled in
    hits: list[bool]  # each candidate overlaps a gold span


def collect(paths=SETS, embeddings=None) -> list[Question]:
    """The candidates of every answerable question of the calibration sets, with their gold labels."""
    from assistant.evaluation import load_testset, locate
    from assistant.question import analyse
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
            for case in (c for c in testset.cases if c.answerable and c.gold):
                spans = [(g.source, *locate(assistant.store.letter(g.source).text, g.quote)) for g in case.gold]
                analysis = analyse(case.question, default_year=answerer._default_year())
                cands = answerer.evidence.candidates(case.question, analysis, 8)
                hits = [any(c.source == s and c.start < e and b < c.end for s, b, e in spans) for c in cands]
                out.append(Question(path.stem, cands, hits))
    return out


def fit_sentence_model(questions: list[Question]) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    x = np.array([vector(c.features) for q in questions for c in q.cands])
    y = np.array([h for q in questions for h in q.hits])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    names = [f.name for f in fields(Features)]
    return Logistic({n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)},
                    round(float(model.intercept_[0]), 4))


def cited(questions: list[Question], model: RankingModel) -> list[tuple[str, bool, bool | None]]:
    """Per question: (set, the best is gold, the second is gold — None when it is not cited)."""
    rows = []
    for q in questions:
        probs = [model.sentence.probability(c.features) for c in q.cands]
        order = sorted(range(len(probs)), key=lambda i: -probs[i])
        if not order:
            rows.append((q.set, False, None))
            continue
        second = len(order) > 1 and probs[order[1]] >= model.second * probs[order[0]]
        rows.append((q.set, q.hits[order[0]], q.hits[order[1]] if second else None))
    return rows


def citing_score(rows) -> float:
    """Share of questions with a gold sentence cited, plus half the share of citations that are gold:
    finding the answer matters most, and a second citation must still earn its place."""
    found = np.mean([best or bool(second) for _, best, second in rows])
    citations = sum(1 + (second is not None) for _, _, second in rows)
    return float(found + 0.5 * sum(best + bool(second) for _, best, second in rows) / citations)


def calibrate(questions: list[Question]) -> tuple[RankingModel, dict[str, dict[str, float]]]:
    sentence = fit_sentence_model(questions)
    second = max(SECONDS, key=lambda s: citing_score(cited(questions, RankingModel(sentence, s))))
    model = RankingModel(sentence, second)
    rows = cited(questions, model)
    quality = {}
    for name in dict.fromkeys(s for s, _, _ in rows):
        mine = [r for r in rows if r[0] == name]
        quality[name] = {"questions": len(mine), "best_is_gold": round(float(np.mean([b for _, b, _ in mine])), 3),
                         "gold_cited": round(float(np.mean([b or bool(s) for _, b, s in mine])), 3)}
    return model, quality


def report_markdown(model: RankingModel, quality: dict, day: date) -> str:
    lines = [START, f"Fitted {day.isoformat()} on {', '.join(p.name for p in SETS)} (answerable questions); a second "
             f"citation when its probability is ≥ {model.second} of the best's.", "",
             "| set | questions | best sentence is gold | a gold sentence is cited |", "|---|---|---|---|"]
    for name, q in quality.items():
        lines.append(f"| {name} | {q['questions']} | {q['best_is_gold']} | {q['gold_cited']} |")
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
    model, quality = calibrate(questions)
    model.save(provenance={"fitted": date.today().isoformat(), "sets": [str(p) for p in SETS],
                           "questions": len(questions), "candidates": sum(len(q.cands) for q in questions)})
    block = report_markdown(model, quality, date.today())
    write_block(args.readme, block)
    print(block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
