"""A report's numbered items as the units they are: "How many recommendations …?" counted from its structure
(its numbered items, "Recommendation 3:", "R3.", and for actions the rows of its action table — never guessed
from a sentence that happens to hold a number), and "recommendation 5" or "action A7" in a question read as
that very item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.evidence import Candidate
from assistant.item_refs import holds_item, item_label, item_named, item_words
from assistant.passages import units_by_source
from index.ledger_rows import Column, columns
from index.model import Letter, UnitKind
from index.store import Store
from index.time_resolvers import NUMBER_WORDS

# "How many recommendations does the panel make?", "How many actions are there in the plan?" — a count of all of
# them; not "how many recommendations are for the Council?", which asks for some of them.
COUNT_ASKED = re.compile(
    r"\bhow many (?P<label>recommendations|actions|findings|conclusions)\b(?P<rest>[^?]*)\??\s*$", re.I)
WHOLE_COUNT = re.compile(
    r"^\s*(?:(?:does|do|did|will|has|have) (?:the |this |its |their |it |they )?[\w'’ -]{0,40}?"
    r"(?:make|makes|made|contains?|contained|includes?|included|set out|lists?|listed|have|has|put forward|"
    r"offers?|offered|gives?|given)|(?:are|were)(?: there| made| set out| listed)?)?"
    r"(?:\s+(?:in|altogether|in all|in total|overall)\b[\w'’ -]*)?\s*$", re.I)
FILTERING = re.compile(r"\b(?:to|for|about|on|by|due|which|that|who|whose|from|with|without|concern\w*|accepted)\b", re.I)


def count_asked(question: str) -> str | None:
    """The items ("recommendations") whose whole number `question` asks; None when it asks none or narrows it."""
    m = COUNT_ASKED.search(question)
    if not m or not WHOLE_COUNT.match(m.group("rest")) or FILTERING.search(m.group("rest")):
        return None
    return m.group("label").lower()


@dataclass(frozen=True)
class Counted:
    """A letter's items of one label, in order, and what the lead says of them."""

    label: str  # plural: "recommendations"
    items: list[Candidate]
    numbers: list[int]  # empty for table rows, which are counted, not numbered
    stated: Candidate | None = None  # the report's own sentence giving the count ("We make eight recommendations.")

    @property
    def cited(self) -> list[Candidate]:
        """What the answer quotes: the report's own count, then its first and last items."""
        ends = self.items[:1] + self.items[1:][-1:]
        return ([self.stated] if self.stated else []) + ends

    def lead(self, cited: int) -> str:
        """'10 recommendations, numbered 1 to 10 [1] [2].', citing each of the `cited` quotes."""
        said = f"{len(self.items)} {self.label if len(self.items) != 1 else self.label[:-1]}"
        if self.numbers:
            low, high = min(self.numbers), max(self.numbers)
            missing = sorted(set(range(low, high + 1)) - set(self.numbers))
            said += f", numbered {low} to {high}" + (f" (no {', '.join(map(str, missing))})" if missing else "")
        else:
            said += " in its action table"
        markers = " ".join(f"[{n}]" for n in range(1, cited + 1))
        return f"{said[0].upper()}{said[1:]} {markers}."


class NumberedItems:
    """Counts a report's numbered items of the kind a question asks about."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def counted(self, question: str, cands: list[Candidate]) -> Counted | None:
        """The items the question asks the number of, in the first retrieved letter that has any; None when the
        question asks no such count, or narrows it ("how many recommendations are for the Council?")."""
        label = count_asked(question)
        if label is None:
            return None
        letters = self.store.letters()
        for source in dict.fromkeys(c.source for c in cands):
            found = self._items(letters[source], label)
            if found is not None:
                return found
        return None

    def named_first(self, question: str, cands: list[Candidate]) -> list[Candidate]:
        """`cands` with the item the question names ("who owns recommendation 5?") first — its numbered paragraph,
        then any table row keyed by it — as probable as the best of them, and marked as named; unchanged when it names none or none of
        them is that item."""
        ref = item_named(question)
        if ref is None or not cands:
            return cands
        units, letters = self.store.snapshot().units, self.store.letters()
        named = sorted((c for c in cands if holds_item(ref, units, c.index, letters)), key=lambda c: c.kind == UnitKind.ROW)
        # The very item asked about is the evidence, however few of the question's words it shares ("Who leads
        # action 4.2?" of a row that says only "4.2 | Launch … | Environment Agency | 1 October 2026").
        top = cands[0].probability
        return [replace(c, probability=max(c.probability, top), named=True) for c in named] + \
            [c for c in cands if c not in named]

    def _items(self, letter: Letter, label: str) -> Counted | None:
        snapshot, letters = self.store.snapshot(), self.store.letters()
        units = snapshot.units
        numbered: dict[int, Candidate] = {}
        rows: list[Candidate] = []
        for i in snapshot.derived(units_by_source).get(letter.source, []):
            unit = units[i]
            item = item_label(letter.text[unit.start : unit.end])
            if item and item[0] == label[:-1]:
                words = item_words(units, i, letters)
                numbered.setdefault(item[1], Candidate(words, units[words]))  # a summary's repeat counts once
            elif label == "actions" and unit.kind == UnitKind.ROW and _in_action_table(letter, unit.start):
                rows.append(Candidate(i, unit))
        items, numbers = (list(numbered.values()), list(numbered)) if numbered else (rows, [])
        return Counted(label, items, numbers, self._stated(letter, label, len(items))) if items else None

    def _stated(self, letter: Letter, label: str, count: int) -> Candidate | None:
        """The letter's sentence saying it has `count` such items ("We make eight recommendations.")."""
        said = re.compile(rf"\b(?:{count}|{'|'.join(w for w, n in NUMBER_WORDS.items() if n == count) or '-'})\s+"
                          rf"(?:[\w-]+\s+)?{label}\b", re.I)
        snapshot = self.store.snapshot()
        for i in snapshot.derived(units_by_source).get(letter.source, []):
            unit = snapshot.units[i]
            if unit.kind in (UnitKind.SENTENCE, UnitKind.ITEM) and said.search(letter.text[unit.start : unit.end]):
                return Candidate(i, unit)
        return None


def _in_action_table(letter: Letter, start: int) -> bool:
    named = letter.layout.named_cells(letter.text, start)
    return named is not None and Column.ACTION in columns([name for name, _ in named[1]])
