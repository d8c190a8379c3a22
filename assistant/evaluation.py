"""`assistant eval`: score answers against a test set (format: evals/README.md).

The corpus is indexed into a temporary store (never the user's); every question is asked with one
model load, by our answerer and by the LangChain tutorial baseline side by side; the report gives
retrieval, fact, citation, refusal, latency and ledger metrics, overall and per category.
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from index.settings import Settings

ANSWERERS = ("extractive", "peer", "baseline")
CATEGORIES = ("who", "what", "to-whom", "when", "how-often", "due-in-period", "appointment", "legal-basis",
              "consequence", "cross-letter", "changed-deadline", "unanswerable")
# A test set's `base:` names the folder its corpus and gold sources are relative to.
BASES = {"real_corpus": "ASSISTANT_REAL_CORPUS"}
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


class TestSetError(Exception):
    """A test set file that does not follow the documented format."""

    __test__ = False  # not a pytest test class


@dataclass
class Gold:
    source: str  # as indexed (resolved path)
    quote: str


@dataclass
class Case:
    id: str
    question: str
    category: str
    answerable: bool = True
    facts: list[list[str]] = field(default_factory=list)
    gold: list[Gold] = field(default_factory=list)


@dataclass
class TestSet:
    __test__ = False
    path: Path
    corpus: list[Path]
    thresholds: dict[str, float]
    cases: list[Case]
    ledger: Path | None = None
    settings: Settings | None = None  # resolves `base:` of the gold ledger too


def source_base(path: Path, data: dict, settings: Settings | None = None) -> Path:
    """The folder a test set's (or gold ledger's) sources are relative to: its own folder, or a setting's."""
    name = data.get("base")
    if not name:
        return path.parent
    if name not in BASES:
        raise TestSetError(f"{path}: unknown `base: {name}` (known: {', '.join(BASES)})")
    folder = Path(getattr(settings or Settings(), name)).resolve()
    if not folder.is_dir():
        raise TestSetError(f"{path}: its letters are in {folder}, which does not exist; set {BASES[name]} to their folder")
    return folder


def load_testset(path: Path, settings: Settings | None = None) -> TestSet:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise TestSetError(f"{path}: cannot read the test set ({err})") from None
    if not isinstance(data, dict) or not data.get("cases"):
        raise TestSetError(f"{path}: needs a `cases:` list (see evals/README.md)")
    base = source_base(path, data, settings)
    corpus = [(base / c).resolve() for c in data.get("corpus") or []]
    if not corpus:
        raise TestSetError(f"{path}: needs a `corpus:` list of files or folders")
    cases = []
    for i, raw in enumerate(data["cases"]):
        if not raw.get("question"):
            raise TestSetError(f"{path}: case {raw.get('id', i)} has no question")
        gold = [Gold(str((base / g["source"]).resolve()), g["quote"]) for g in raw.get("gold") or []]
        facts = [[f] if isinstance(f, str) else list(f) for f in raw.get("facts") or []]
        cases.append(Case(str(raw.get("id", i)), raw["question"], raw.get("category", "uncategorised"),
                          bool(raw.get("answerable", True)), facts, gold))
    ledger = path.parent / data["ledger"] if data.get("ledger") else None
    return TestSet(path, corpus, dict(data.get("thresholds") or {}), cases, ledger, settings)


# -- matching ------------------------------------------------------------------------------------
def norm(text: str) -> str:
    return " ".join(text.translate(QUOTES).lower().split())


def with_written_dates(answer: str) -> str:
    """The answer plus the written form of each ISO date in it ('2014-05-31' also reads '31 May 2014')."""
    extra = []
    for m in ISO.finditer(answer):
        try:
            d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        extra.append(f"{d.day} {d:%B %Y}")
    return answer + " " + " ".join(extra)


def lead(answer: str) -> str:
    """The answer's first paragraph: what an official reads, and pastes, first."""
    return answer.strip().split("\n\n", 1)[0]


def facts_stated(answer: str, facts: list[list[str]]) -> list[bool]:
    text = norm(with_written_dates(answer))
    return [any(norm(alt) in text for alt in group) for group in facts]


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where a gold quote stands in a canonical text, whitespace and quote marks aside."""
    pattern = r"\s+".join(re.escape(w.translate(QUOTES)) for w in quote.split())
    m = re.search(pattern, text.translate(QUOTES))
    return (m.start(), m.end()) if m else None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", norm(text))


def passage_holds(passage: str, quote: str) -> bool:
    """Most of the quote's words fall inside the passage (chunk boundaries do not hide it)."""
    words = _words(quote)
    present = set(_words(passage))
    return bool(words) and sum(w in present for w in words) / len(words) > 0.5


# -- running ---------------------------------------------------------------------------------------
@dataclass
class CaseResult:
    case: Case
    answerer: str
    answer: dict
    retrieved: list[dict]  # {"source", "text"} in rank order
    facts: list[bool]
    lead_facts: list[bool]  # stated in the answer's first paragraph
    first_hit: int | None  # 1-based rank of the first retrieved passage holding a gold quote
    recall5: float
    citation_hit: bool
    citations_supporting: int
    citations_verbatim: int
    latency_ms: float


def run_eval(testset: TestSet, embeddings=None, answerers=ANSWERERS, k: int = 8, progress=None) -> dict:
    from assistant.baseline import BaselineAnswerer
    from assistant.service import Assistant
    from index.store import open_chroma

    with tempfile.TemporaryDirectory(prefix="assistant-eval-") as tmp:
        assistant = Assistant(Settings(store=Path(tmp) / "store"))
        if embeddings is not None:
            assistant.__dict__["embeddings"] = embeddings
        report = assistant.indexer.run(testset.corpus)
        if not assistant.store.letters():
            raise TestSetError(f"{testset.path}: no letter of the corpus could be indexed: {report.summary()}")
        check_gold(testset, assistant.store)
        results: dict[str, list[CaseResult]] = {}
        for name in answerers:
            ask, retrieve = _answerer(name, assistant, k, open_chroma, BaselineAnswerer)
            results[name] = [score_case(c, name, ask, retrieve, assistant.store) for c in _progress(testset.cases, progress, name)]
        ledger = ledger_scores(testset, assistant.store) if testset.ledger else None
    return build_report(testset, results, ledger, indexed=report.summary())


def check_gold(testset: TestSet, store) -> None:
    """Every gold quote stands in its indexed letter: a quote that does not would silently score as a miss."""
    for case in testset.cases:
        for g in case.gold:
            letter = store.letter(g.source)
            if letter is None or locate(letter.text, g.quote) is None:
                where = "its letter was not indexed" if letter is None else "it is not in the letter's text"
                raise TestSetError(f"{testset.path}: case {case.id}: gold quote “{g.quote[:60]}” in {g.source}: {where}")


def _answerer(name: str, assistant, k: int, open_chroma, baseline_class):
    """(ask, retrieve) functions for one answerer; retrieve gives (source, text) of the top 5 passages."""
    if name == "peer":
        from assistant.peer import PeerAnswerer

        peer = PeerAnswerer(assistant.store, assistant.embeddings)

        def passages(q: str):
            return [(s, assistant.store.letter(s).text[a:b]) for s, a, b in peer.ranked(q)[:5]]

        return peer.answer, passages
    if name == "baseline":
        base = baseline_class(assistant.store, assistant.embeddings,
                              lambda c: open_chroma(assistant.store.path, assistant.embeddings, c))
        return base.answer, lambda q: [(d.metadata["source"], d.page_content) for d in base.retrieve(q, 5)]
    retriever = assistant.retriever(k=5)
    return (lambda q: assistant.ask(q, k=k)), (lambda q: [(d.metadata["source"], d.page_content) for d in retriever.invoke(q)])


def _progress(cases, progress, name):
    for i, case in enumerate(cases, start=1):
        if progress:
            progress(i, len(cases), name)
        yield case


def score_case(case: Case, name: str, ask, retrieve, store) -> CaseResult:
    answer = ask(case.question)
    passages = retrieve(case.question)
    data = answer.to_dict()
    first_hit, found = None, set()
    for rank, (source, text) in enumerate(passages[:5], start=1):
        for gi, g in enumerate(case.gold):
            if g.source == source and passage_holds(text, g.quote):
                found.add(gi)
                first_hit = first_hit or rank
    spans = []
    for g in case.gold:
        letter = store.letter(g.source)
        where = locate(letter.text, g.quote) if letter else None
        if where:
            spans.append((g.source, *where))
    cited = data["citations"]
    on_gold = [any(c["source"] == s and c["start"] < e and b < c["end"] for s, b, e in spans) for c in cited]
    hit = any(on_gold)
    # A citation is precise when it covers a gold span or itself states a fact of the answer.
    supporting = sum(gold or any(norm(a) in norm(c["quote"]) for grp in case.facts for a in grp)
                     for gold, c in zip(on_gold, cited, strict=True))
    verbatim = 0
    for c in cited:
        letter = store.letter(c["source"])
        verbatim += bool(letter) and " ".join(letter.text[c["start"] : c["end"]].split()) == " ".join(c["quote"].split())
    return CaseResult(
        case, name, data, [{"source": s, "text": t} for s, t in passages], facts_stated(data["answer"], case.facts),
        facts_stated(lead(data["answer"]), case.facts), first_hit, len(found) / len(case.gold) if case.gold else 0.0, hit, supporting, verbatim,
        data.get("timings_ms", {}).get("total", 0.0),
    )


# -- scoring -----------------------------------------------------------------------------------------
def _mean(values) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else None


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def metrics(results: list[CaseResult]) -> dict:
    answerable = [r for r in results if r.case.answerable]
    unanswerable = [r for r in results if not r.case.answerable]
    with_gold = [r for r in answerable if r.case.gold]
    abstained = [r for r in results if r.answer["abstained"]]
    cited = [c for r in results for c in r.answer["citations"]]
    answered = [r for r in answerable if not r.answer["abstained"]]
    latencies = sorted(r.latency_ms for r in results)
    return {
        "cases": len(results),
        "hit@1": _mean(r.first_hit == 1 for r in with_gold),
        "hit@5": _mean(r.first_hit is not None for r in with_gold),
        "recall@5": _mean(r.recall5 for r in with_gold),
        "mrr": _mean(1 / r.first_hit if r.first_hit else 0.0 for r in with_gold),
        "fact_accuracy": _mean(all(r.facts) and not r.answer["abstained"] for r in answerable if r.case.facts),
        "lead_fact_accuracy": _mean(all(r.lead_facts) and not r.answer["abstained"] for r in answerable if r.case.facts),
        "partial_fact_score": _mean(sum(r.facts) / len(r.facts) if not r.answer["abstained"] else 0.0 for r in answerable if r.case.facts),
        "citation_hit": _mean(r.citation_hit for r in with_gold),
        "citation_precision": _ratio(sum(r.citations_supporting for r in answered),
                                     sum(len(r.answer["citations"]) for r in answered)),
        "citations_per_answer": _mean(len(r.answer["citations"]) for r in results if not r.answer["abstained"]),
        "quote_fidelity": round(sum(r.citations_verbatim for r in results) / len(cited), 4) if cited else None,
        "correct_refusal": _mean(r.answer["abstained"] for r in unanswerable),
        "false_refusal": _mean(r.answer["abstained"] for r in answerable),
        "refusal_precision": _mean(not r.case.answerable for r in abstained),
        "refusal_accuracy": _mean(r.answer["abstained"] == (not r.case.answerable) for r in results),
        "latency_p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "latency_p95_ms": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))], 1) if latencies else None,
    }


def check_thresholds(summary: dict, thresholds: dict[str, float]) -> list[str]:
    """Failures as sentences; a `max_X` threshold caps metric X (false_refusal for max_false_refusal)."""
    failures = []
    for name, limit in thresholds.items():
        if name.startswith("max_"):
            value = summary.get(name[4:])
            if value is not None and value > limit:
                failures.append(f"{name[4:]} {value:.3f} is above its maximum {limit}")
        else:
            value = summary.get(name)
            if value is None or value < limit:
                failures.append(f"{name} {value if value is None else f'{value:.3f}'} is below its minimum {limit}")
    return failures


def build_report(testset: TestSet, results: dict[str, list[CaseResult]], ledger: dict | None, indexed: str) -> dict:
    report: dict = {"testset": str(testset.path), "indexed": indexed, "thresholds": testset.thresholds, "answerers": {}}
    for name, rs in results.items():
        by_cat: dict[str, list[CaseResult]] = defaultdict(list)
        for r in rs:
            by_cat[r.case.category].append(r)
        report["answerers"][name] = {
            "summary": metrics(rs),
            "categories": {c: metrics(v) for c, v in sorted(by_cat.items())},
            "cases": [
                {"id": r.case.id, "category": r.case.category, "question": r.case.question,
                 "answerable": r.case.answerable, "abstained": r.answer["abstained"], "answer": r.answer["answer"],
                 "facts": r.facts, "first_hit": r.first_hit, "citation_hit": r.citation_hit,
                 "passed": _passed(r), "citations": r.answer["citations"], "latency_ms": r.latency_ms}
                for r in rs
            ],
            "_results": rs,
        }
    if ledger:
        report["ledger"] = ledger
    return report


def _passed(r: CaseResult) -> bool:
    if not r.case.answerable:
        return r.answer["abstained"]
    return not r.answer["abstained"] and all(r.facts) and (r.citation_hit or not r.case.gold)


# -- the gold ledger ------------------------------------------------------------------------------------
def ledger_scores(testset: TestSet, store) -> dict:
    data = yaml.safe_load(testset.ledger.read_text(encoding="utf-8"))
    base = source_base(testset.ledger, data, testset.settings)
    predicted = store.commitments()
    gold = []
    for g in data["records"]:
        source = str((base / g["source"]).resolve())
        letter = store.letter(source)
        where = locate(letter.text, g["quote"]) if letter else None
        if not where:
            raise TestSetError(f"{testset.ledger}: gold record “{g['quote'][:60]}” is not in {source}")
        gold.append((g, source, where))
    matched, actor_ok, recipients_ok, deadline_ok, status_ok, kind_ok = 0, 0, 0, 0, 0, 0
    recurring, recurrence_ok = 0, 0
    used: set[str] = set()
    for g, source, (start, end) in gold:
        match = next((p for p in predicted if p.source == source and p.start < end and start < p.end and p.id not in used), None)
        if not match:
            continue
        used.add(match.id)
        matched += 1
        actor_ok += _actor_matches(g.get("actor"), match)
        recipients_ok += _recipients_match(g.get("recipients") or [], match.recipients)
        deadline_ok += (g.get("deadline") and str(g["deadline"])) == match.deadline or (not g.get("deadline") and not match.deadline)
        status_ok += g.get("status", "current") == match.status
        kind_ok += g.get("kind") == match.kind
        if g.get("recurrence"):
            recurring += 1
            recurrence_ok += RECURRENCES.get(g["recurrence"]) == match.recurrence
    n_gold, n_pred = len(gold), len(predicted)
    return {
        "gold_records": n_gold, "predicted_records": n_pred, "matched": matched,
        "precision": round(matched / n_pred, 4) if n_pred else None,
        "recall": round(matched / n_gold, 4) if n_gold else None,
        "actor_accuracy": round(actor_ok / matched, 4) if matched else None,
        "recipients_accuracy": round(recipients_ok / matched, 4) if matched else None,
        "exact_deadline_accuracy": round(deadline_ok / matched, 4) if matched else None,
        "status_accuracy": round(status_ok / matched, 4) if matched else None,
        "kind_accuracy": round(kind_ok / matched, 4) if matched else None,
        "recurrence_accuracy": round(recurrence_ok / recurring, 4) if recurring else None,
    }


# A gold record's `recurrence:` in words, as the ledger's iCalendar rule.
RECURRENCES = {"weekly": "FREQ=WEEKLY", "fortnightly": "FREQ=WEEKLY;INTERVAL=2", "monthly": "FREQ=MONTHLY",
               "quarterly": "FREQ=MONTHLY;INTERVAL=3", "six-monthly": "FREQ=MONTHLY;INTERVAL=6", "annual": "FREQ=YEARLY"}


def _actor_matches(expected: str | None, record) -> bool:
    if not expected:
        return not record.actor
    found = norm(" ".join(filter(None, (record.actor, record.actor_name))))
    return norm(expected) in found


def _recipients_match(expected: list[str], got: list[str]) -> bool:
    joined = norm(" | ".join(got))
    return len(expected) == len(got) and all(norm(e) in joined for e in expected)


# -- output ----------------------------------------------------------------------------------------------
SHOWN = ["hit@1", "hit@5", "mrr", "fact_accuracy", "citation_hit", "citation_precision", "quote_fidelity",
         "correct_refusal", "false_refusal", "latency_p50_ms"]


def _fmt(value) -> str:
    return "—" if value is None else (f"{value:.2f}" if isinstance(value, float) and value <= 1.0 else f"{value}")


def table(report: dict) -> str:
    names = list(report["answerers"])
    lines = [f"{'metric':22}" + "".join(f"{n:>12}" for n in names)]
    for metric in SHOWN + ["recall@5", "partial_fact_score", "refusal_precision", "refusal_accuracy", "latency_p95_ms"]:
        lines.append(f"{metric:22}" + "".join(f"{_fmt(report['answerers'][n]['summary'][metric]):>12}" for n in names))
    lines.append("")
    lines.append(f"{'category (facts/refusal)':28}" + "".join(f"{n:>12}" for n in names))
    primary = names[0]
    for cat in report["answerers"][primary]["categories"]:
        cells = []
        for n in names:
            m = report["answerers"][n]["categories"][cat]
            value = m["correct_refusal"] if cat == "unanswerable" else m["fact_accuracy"]
            cells.append(f"{_fmt(value):>12}")
        lines.append(f"{cat:28}" + "".join(cells))
    if report.get("ledger"):
        lines.append("")
        lines.append("ledger: " + ", ".join(f"{k} {_fmt(v)}" for k, v in report["ledger"].items()))
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
        values = []
        for cat in cats:
            m = report["answerers"][n]["categories"][cat]
            values.append((m["correct_refusal"] if cat == "unanswerable" else m["fact_accuracy"]) or 0.0)
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
    rows = []
    for r in report["answerers"][primary]["_results"]:
        rows.append({
            "user_input": r.case.question,
            "response": r.answer["answer"],
            "retrieved_contexts": [p["text"] for p in r.retrieved],
            "reference": "; ".join(" / ".join(g) for g in r.case.facts) if r.case.answerable else "The letters do not say.",
            "reference_contexts": [g.quote for g in r.case.gold],
            "id": r.case.id, "category": r.case.category,
        })
    return rows


def write_outputs(report: dict, primary: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(public(report), indent=2, ensure_ascii=False), encoding="utf-8")
    (folder / "report.md").write_text(markdown(report, primary), encoding="utf-8")
    chart(report, folder / "categories.png")
    with open(folder / "ragas.jsonl", "w", encoding="utf-8") as out:
        for row in ragas_rows(report, primary):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
