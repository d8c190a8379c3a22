"""Which letters a question is about, and whether the letters mention the names it uses.

A question may designate its letter by writer or addressee ("the letter to Sir Albert Bore"), or by the
names only some letters mention; and a name no letter mentions (a place, a person, a body) lowers the
support for any answer (`assistant.evidence`). What the letters mention is built once per store state.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.party_asked import LETTER_DATED_BY, LETTER_WORDS
from assistant.question import Analysis
from index.dates import MONTH_NAMES, MONTH_NUMBER
from index.model import Letter
from index.snapshot import Snapshot
from index.store import Store
from index.text import words
from index.vocabulary import HONORIFICS, Mentions, acronyms_in, capitals_in

# A letter designated by its date: "his letter of 2 November 2021", "the 26 October reply", "the December letter",
# "the July 2019 RPI letter". Month names capitalised, so that "may note" designates nothing.
_DATE = rf"(?P<day>\d{{1,2}})?(?:st|nd|rd|th)?\s*(?P<month>{MONTH_NAMES})(?:\s+(?P<year>\d{{4}}))?"
_LETTER = rf"(?i:{LETTER_WORDS})"
LETTER_DATED = re.compile(rf"(?i:{LETTER_DATED_BY})\s+(?:the\s+)?{_DATE}\b|"
                          rf"\b{_DATE.replace('?P<', '?P<b_')}(?:\s+[\w-]+)?\s+{_LETTER}\b")
LETTER_REFERENCE = re.compile(r"\bletter (?:sent )?(?:to|from|by)\s+(?P<who>(?:[A-Z][\w'’.-]*\s*){1,5})")
# Words that address a person rather than name them ("the letter to Sir Albert Bore").
TITLES = {"the"} | {h.lower() for h in HONORIFICS if " " not in h}


def _mentions(snapshot: Snapshot) -> Mentions:
    letters = snapshot.letters.values()
    given = frozenset(n.lower() for v in letters for n in (v.metadata.sender, v.metadata.recipient)
                      if n and len(n.split()) == 1)
    return Mentions(" ".join(snapshot.flat_texts.values()), acronyms_in(v.text for v in letters),
                    capitals_in(v.text for v in letters), given)


class Scope:
    def __init__(self, store: Store) -> None:
        self.store = store

    def mentions(self) -> Mentions:
        """What the letters mention, built once per snapshot of the store (the texts joined, their acronyms)."""
        return self.store.snapshot().derived(_mentions)

    def unknown_names(self, analysis: Analysis) -> float:
        """Share of the names in the question (people, places, bodies, acronyms) that no letter mentions."""
        return self.mentions().unknown_share(analysis.text, analysis.names)

    # -- which letters ----------------------------------------------------------------------------
    def letters_named(self, question: str) -> list[str]:
        """Sources of the letters a question designates by writer or addressee ("the letter to Sir Albert Bore")."""
        m = LETTER_REFERENCE.search(question)
        if not m:
            return []
        who = set(words(m.group("who"))) - TITLES
        return [
            s for s, v in self.store.letters().items()
            if who and who <= set(words(" ".join(filter(None, (v.metadata.sender, v.metadata.recipient, v.title)))))
        ]

    def letters_dated(self, question: str) -> tuple[list[str], str]:
        """Sources of the letters a question designates by their date ("his 2 November note", "the letter of
        6 October 2021", "the December letter"), and the words that designate them; none when no indexed
        letter has that date (it names a letter the letters answer: "the regulator's 22 April letter")."""
        for parts, words_used in date_designations(question):
            dated = [s for s, v in self.store.letters().items() if dated_on(v, parts)]
            if dated:
                return dated, words_used
        return [], ""

    @staticmethod
    def answer_within(question: str, designation: str) -> bool:
        """The question asks what a letter it designates says ("In the DFM's 26 October reply, by when …"), not
        what happened around it ("After his 26 October letter, what …"): the answer is in that letter."""
        return bool(re.search(rf"\bin\s+(?:the|his|her|their|its|[\w'’-]+['’]s?)\s+(?:[\w'’-]+\s+)?{re.escape(designation)}", question, re.I))

    def name_shares(self, analysis: Analysis) -> dict[str, float]:
        """Per letter, the share of the question's names (people, places, bodies) it mentions; empty when the
        question names nothing."""
        names = [re.sub(r"['’]s$", "", n).lower() for n in analysis.names]
        if not names:
            return {}
        return {s: sum(n in text for n in names) / len(names) for s, text in self.store.snapshot().flat_texts.items()}

    def letters_about(self, analysis: Analysis) -> list[str]:
        """The letters that mention the most of the question's names, when that is fewer than all."""
        shares = self.name_shares(analysis)
        best = max(shares.values(), default=0.0)
        scoped = [s for s, share in shares.items() if share == best]
        return scoped if best and len(scoped) < len(shares) else []


def date_designations(question: str) -> list[tuple[dict[str, str], str]]:
    """Each date a question designates a letter by, as its parts (day, month, year as written), with its words."""
    return [({k.removeprefix("b_"): v for k, v in m.groupdict().items() if v}, m.group(0).strip())
            for m in LETTER_DATED.finditer(question)]


def dated_on(letter: Letter, parts: dict[str, str]) -> bool:
    """The letter is of the date a question gives; an undated letter by its file name's date, to the month
    only ("the July 2019 letter"): a file name's day may stand for the month."""
    if letter.date:
        return _on(letter.date, parts)
    read = letter.reading_date()
    return bool(read and "day" not in parts and _on(read, parts))


def _on(day: date, parts: dict[str, str]) -> bool:
    """The date falls on the (day,) month (and year) a question gives."""
    return day.month == MONTH_NUMBER[parts["month"].lower()] and ("day" not in parts or day.day == int(parts["day"])) \
        and ("year" not in parts or day.year == int(parts["year"]))
