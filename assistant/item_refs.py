"""A report's numbered items as a question names them: "recommendation 5", "Recommendation R3", "action A7",
"finding 2" — each the unit labelled so ("Recommendation 5.", "R3.", a table row whose first cell is "A7")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.question import ITEM_REFERENCE
from index.canonical import NUMBERED_ITEM
from index.model import UnitKind

NUMBERED_WORDS = frozenset({"recommendation", "action", "finding", "conclusion"})  # the items labelled by number
ITEM_LABEL = re.compile(r"^(?P<word>[A-Za-z]+?)s?\s?(?P<number>\d{1,3})\b")
# A label the sentence splitter left on its own, its item's words in the next unit: "Recommendation 5."
LABEL_ALONE = re.compile(r"^(?:Recommendations?|Actions?|Findings?|Conclusions?|R)\s?\d{1,3}[.:]?$")
SHORT_LABELS = {"r": "recommendation"}
# An item named by its short label alone: "Who owns R2?", "What is A7?". Not Q or H, which name quarters and halves
# of a year ("Q3", "H1").
BARE_LABEL = re.compile(r"\b(?P<letter>[A-GI-PR-Z])(?P<number>\d{1,3})\b")


@dataclass(frozen=True)
class ItemRef:
    """An item a question names: its kind ("recommendation") and reference as written ("5", "A7")."""

    word: str
    ref: str

    @property
    def number(self) -> str:
        return re.sub(r"\D", "", self.ref)

    def labels(self, text: str, kind: UnitKind) -> bool:
        """`text` (a unit of that `kind`) is this item: its numbered paragraph, or its table row."""
        label = item_label(text)
        if label is not None:
            return label == (self.word, int(self.number))
        # a row keyed by the item: "A7", "7", or "R5" for recommendation 5 in an action plan's table
        return kind == UnitKind.ROW and text.split("\n", 1)[0].strip().upper() in (
            self.ref, self.number, self.word[0].upper() + self.number)


def item_named(question: str) -> ItemRef | None:
    """The first numbered item `question` names ("recommendation 5"); None when it names none."""
    for m in ITEM_REFERENCE.finditer(question):
        if m.group("word").lower() in NUMBERED_WORDS:
            return ItemRef(m.group("word").lower(), m.group("number").upper())
    bare = BARE_LABEL.search(question)
    if bare:
        letter = bare.group("letter").lower()
        return ItemRef(SHORT_LABELS.get(letter, letter), bare.group(0))
    return None


def item_label(text: str) -> tuple[str, int] | None:
    """("recommendation", 3) for a unit that starts "Recommendation 3:" or "R3."; None for any other."""
    item = ITEM_LABEL.match(text) if NUMBERED_ITEM.match(text) or LABEL_ALONE.match(text.strip()) else None
    if item is None:
        return None
    word = item.group("word").lower()
    return SHORT_LABELS.get(word, word), int(item.group("number"))


def item_words(units, i: int, letters) -> int:
    """The position of the unit holding the words of the item labelled at `i`: `i` itself, or the next unit
    when the label stands alone."""
    return i + 1 if _alone(units, i, letters) and i + 1 < len(units) and units[i + 1].source == units[i].source else i


def holds_item(ref: ItemRef, units, i: int, letters) -> bool:
    """Unit `i` holds the words of the item `ref`: it is labelled so, or follows that label standing alone."""
    if _alone(units, i, letters):
        return False
    if ref.labels(_text(units[i], letters), units[i].kind):
        return True
    return i > 0 and units[i - 1].source == units[i].source and _alone(units, i - 1, letters) \
        and ref.labels(_text(units[i - 1], letters), units[i - 1].kind)


def item_units(question: str, snapshot, letters) -> list[int]:
    """Positions in `snapshot` of the units holding the words of the item `question` names, in any letter."""
    ref = item_named(question)
    return [i for i in range(len(snapshot.units)) if holds_item(ref, snapshot.units, i, letters)] if ref else []


def _text(unit, letters) -> str:
    return letters[unit.source].text[unit.start : unit.end]


def _alone(units, i: int, letters) -> bool:
    return bool(LABEL_ALONE.match(_text(units[i], letters).strip()))
