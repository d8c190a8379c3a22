"""The test-set format (documented in evals/README.md): a corpus, thresholds, and cases of a question
with the facts a right answer states and the gold quotes it should cite."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from config.settings import Settings

CATEGORIES = ("who", "what", "to-whom", "when", "how-often", "due-in-period", "appointment", "legal-basis",
              "consequence", "cross-letter", "changed-deadline", "unanswerable")
# A test set's `base:` names the folder its corpus and gold sources are relative to.
BASES = {"real_corpus": "ASSISTANT_REAL_CORPUS"}


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


def read_yaml(path: Path, what: str) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise TestSetError(f"{path}: cannot read the {what} ({err})") from None
    if not isinstance(data, dict):
        raise TestSetError(f"{path}: the {what} must be a mapping (see evals/README.md)")
    return data


def load_testset(path: Path, settings: Settings | None = None) -> TestSet:
    data = read_yaml(path, "test set")
    if not data.get("cases"):
        raise TestSetError(f"{path}: needs a `cases:` list (see evals/README.md)")
    base = source_base(path, data, settings)
    corpus = [(base / c).resolve() for c in data.get("corpus") or []]
    if not corpus:
        raise TestSetError(f"{path}: needs a `corpus:` list of files or folders")
    cases = [_case(path, base, i, raw) for i, raw in enumerate(data["cases"])]
    ledger = path.parent / data["ledger"] if data.get("ledger") else None
    return TestSet(path, corpus, dict(data.get("thresholds") or {}), cases, ledger, settings)


def _case(path: Path, base: Path, i: int, raw: dict) -> Case:
    if not raw.get("question"):
        raise TestSetError(f"{path}: case {raw.get('id', i)} has no question")
    gold = [Gold(str((base / g["source"]).resolve()), g["quote"]) for g in raw.get("gold") or []]
    facts = [[f] if isinstance(f, str) else list(f) for f in raw.get("facts") or []]
    return Case(str(raw.get("id", i)), raw["question"], raw.get("category", "uncategorised"),
                bool(raw.get("answerable", True)), facts, gold)
