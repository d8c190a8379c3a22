"""How much of a question a text covers: the question's words weighted by how rare they are in the
letters (a word no letter uses weighs most), found in the text exactly or — for its key terms and verbs —
by the text's word nearest in meaning (`assistant.similar_words`)."""

from __future__ import annotations

import math
import re
from collections import Counter

from assistant.question import Analysis
from assistant.similar_words import SimilarWords
from index.snapshot import Snapshot
from index.store import Store
from index.text import STOPWORDS, stem, words

FOCUS_WEIGHT = 3.0
COMPOUND = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")


def _used(text: str) -> list[str]:
    """The words of a text that can carry meaning, lower-cased."""
    return [w for w in (w.lower() for w in words(text)) if w not in STOPWORDS]


def _idf(snapshot: Snapshot) -> dict[str, float]:
    """Each stem's inverse document frequency over the letters' units (built once per snapshot)."""
    df: Counter[str] = Counter()
    for u in snapshot.units:
        df.update({stem(w) for w in words(snapshot.letters[u.source].text[u.start : u.end])})
    n = max(len(snapshot.units), 1)
    return {s: math.log(1 + n / c) for s, c in df.items()}


class Coverage:
    def __init__(self, store: Store, similar: SimilarWords) -> None:
        self.store = store
        self.similar = similar

    def idf(self) -> dict[str, float]:
        return self.store.snapshot().derived(_idf)

    def _weights(self, analysis: Analysis) -> dict[str, float]:
        idf = self.idf()
        unseen = 2 * max(idf.values(), default=1.0)  # a word no letter uses weighs most
        weights = {s: idf.get(s, unseen) for s in analysis.stems}
        focus = stem(analysis.focus) if analysis.focus else None
        if focus in weights:  # "which developments …": the answer must name the thing asked about
            weights[focus] *= FOCUS_WEIGHT
        return weights

    def coverage(self, analysis: Analysis, text: str) -> float:
        weights = self._weights(analysis)
        if not weights:
            return 0.0
        present = self._present(analysis, words(text), text)
        return sum(w for s, w in weights.items() if s in present) / sum(weights.values())

    @staticmethod
    def _present(analysis: Analysis, used: list[str], text: str) -> set[str]:
        """Stems of the words used, less the parts of a compound the question asks about whole
        ("re-inspection" is not "inspection")."""
        present = {stem(w) for w in used}
        for compound in COMPOUND.findall(analysis.text):
            parts = compound.split("-")
            if not re.search(r"\b" + r"[\s-]".join(map(re.escape, parts)) + r"\b", text, re.I):
                present -= {stem(p) for p in parts}
        return present

    def near_coverage(self, keyed: Analysis, text: str) -> float:
        """`coverage` of the key terms, where a word the text does not use earns the credit of the text's
        nearest word in meaning (`SimilarWords`) — unless it is part of a name: "Scottish" is near "Ireland" in
        meaning, but names another place — or of a number."""
        weights = self._weights(keyed)
        if not weights:
            return 0.0
        used = _used(text)
        present = self._present(keyed, used, text)
        withheld = {stem(w) for w in used} - present  # a compound's part used alone earns no credit either
        named = {stem(re.sub(r"['’]s$", "", n).lower()) for n in keyed.names}
        # A number or code ("3", "A7") identifies: only itself counts, never a word near it in meaning ("4", "A5").
        missing = [(s, w) for s, w in zip(keyed.stems, keyed.terms, strict=True)
                   if s not in present | withheld | named and not re.search(r"\d", w)]
        credit = dict(zip((s for s, _ in missing), self.similar.credit([w for _, w in missing], used), strict=True))
        return sum(w * (1.0 if s in present else credit.get(s, 0.0)) for s, w in weights.items()) / sum(weights.values())

    def verb_match(self, verbs: list[str], text: str) -> float:
        """1 when the text uses one of the question's own verbs, else the credit of its nearest word in
        meaning to any of them ("backed" for "supported")."""
        if not verbs:
            return 0.0
        used = _used(text)
        if {stem(v) for v in verbs} & {stem(w) for w in used}:
            return 1.0
        return max(self.similar.credit(verbs, used), default=0.0)

    def unseen(self, analysis: Analysis) -> float:
        """Share of the question's weight on words no letter uses (a place, a person the letters never name)."""
        weights = self._weights(analysis)
        idf = self.idf()
        total = sum(weights.values())
        return sum(w for s, w in weights.items() if s not in idf) / total if total else 0.0
