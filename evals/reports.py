"""A run's report in the forms people read: a terminal table, report.json, report.md, a per-category
chart, and ragas.jsonl rows for tools that score answers by other means."""

from __future__ import annotations

import json
from pathlib import Path

SHOWN = ["hit@1", "hit@5", "mrr", "fact_accuracy", "citation_hit", "citation_precision", "quote_fidelity",
         "correct_refusal", "false_refusal", "latency_p50_ms"]
ALSO_IN_THE_TABLE = ["recall@5", "partial_fact_score", "refusal_precision", "refusal_accuracy", "latency_p95_ms"]


def _fmt(value) -> str:
    return "—" if value is None else (f"{value:.2f}" if isinstance(value, float) and value <= 1.0 else f"{value}")


def category_score(metrics: dict, category: str) -> float | None:
    """What a category is judged by: refusals for unanswerable questions, facts for the rest."""
    return metrics["correct_refusal"] if category == "unanswerable" else metrics["fact_accuracy"]


def table(report: dict) -> str:
    names = list(report["answerers"])
    lines = [f"{'metric':22}" + "".join(f"{n:>12}" for n in names)]
    for metric in SHOWN + ALSO_IN_THE_TABLE:
        lines.append(f"{metric:22}" + "".join(f"{_fmt(report['answerers'][n]['summary'][metric]):>12}" for n in names))
    lines += ["", f"{'category (facts/refusal)':28}" + "".join(f"{n:>12}" for n in names)]
    for cat in report["answerers"][names[0]]["categories"]:
        cells = [f"{_fmt(category_score(report['answerers'][n]['categories'][cat], cat)):>12}" for n in names]
        lines.append(f"{cat:28}" + "".join(cells))
    if report.get("ledger"):
        lines += ["", "ledger: " + ", ".join(f"{k} {_fmt(v)}" for k, v in report["ledger"].items())]
    return "\n".join(lines)


def public(report: dict) -> dict:
    """The report without in-memory objects (what report.json holds)."""
    out = json.loads(json.dumps({k: v for k, v in report.items() if k != "answerers"}))
    out["answerers"] = {n: {k: v for k, v in a.items() if k != "_results"} for n, a in report["answerers"].items()}
    return out


def markdown(report: dict, primary: str) -> str:
    pub = public(report)
    lines = [f"# Evaluation report: {Path(pub['testset']).name}", "", f"Corpus indexed: {pub['indexed']}.", "",
             "| metric | " + " | ".join(pub["answerers"]) + " |", "|---|" + "---|" * len(pub["answerers"])]
    for metric in pub["answerers"][primary]["summary"]:
        lines.append(f"| {metric} | " + " | ".join(_fmt(a["summary"][metric]) for a in pub["answerers"].values()) + " |")
    if pub.get("failures") is not None:
        lines += ["", "**Thresholds:** " + ("all met." if not pub["failures"] else "; ".join(pub["failures"]))]
    if pub.get("ledger"):
        lines += ["", "## Ledger against the gold ledger", ""] + [f"- {k}: {_fmt(v)}" for k, v in pub["ledger"].items()]
    lines += ["", f"## Cases ({primary})", "", "| id | category | pass | answer |", "|---|---|---|---|"]
    for c in pub["answerers"][primary]["cases"]:
        answer = " ".join(c["answer"].split())[:160].replace("|", "\\|")
        lines.append(f"| {c['id']} | {c['category']} | {'✔' if c['passed'] else '✘'} | {answer} |")
    return "\n".join(lines) + "\n"


def chart(report: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(report["answerers"])
    cats = list(report["answerers"][names[0]]["categories"])
    fig, ax = plt.subplots(figsize=(11, 4.5))
    width = 0.8 / len(names)
    for i, n in enumerate(names):
        values = [category_score(report["answerers"][n]["categories"][cat], cat) or 0.0 for cat in cats]
        ax.bar([x + i * width for x in range(len(cats))], values, width, label=n)
    ax.set_xticks([x + width * (len(names) - 1) / 2 for x in range(len(cats))], cats, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("fact accuracy (refusal rate for unanswerable)")
    ax.legend()
    ax.set_title("Answer quality per category")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def ragas_rows(report: dict, primary: str) -> list[dict]:
    return [{
        "user_input": r.case.question,
        "response": r.answer["answer"],
        "retrieved_contexts": [p["text"] for p in r.retrieved],
        "reference": "; ".join(" / ".join(g) for g in r.case.facts) if r.case.answerable else "The letters do not say.",
        "reference_contexts": [g.quote for g in r.case.gold],
        "id": r.case.id, "category": r.case.category,
    } for r in report["answerers"][primary]["_results"]]


def write_outputs(report: dict, primary: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(public(report), indent=2, ensure_ascii=False), encoding="utf-8")
    (folder / "report.md").write_text(markdown(report, primary), encoding="utf-8")
    chart(report, folder / "categories.png")
    with open(folder / "ragas.jsonl", "w", encoding="utf-8") as out:
        for row in ragas_rows(report, primary):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
