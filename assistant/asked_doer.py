"""A party a question asks about as the one who acts ("When will the Met Office publish its review?") that no
passage the answer would cite names: those passages tell what someone else is to do — a near miss, not an answer.
A party counts as named by its words, its initials ("MHCLG", "Defra") or their expansion, in the passage as its
letter means it (pronouns resolved, the ledger's parties, the letter's own sender and recipient). Of reports only:
a letter's duties are told to "you" and by "I" and "my officials", whom only the reader's knowledge of the letter
joins to the party a question names."""

from __future__ import annotations

import re

# "When will the Met Office …", "By when must Ofwat …", "How often should the Board …": the doer, by its capitals.
DOER_ASKED = re.compile(
    r"^\W*(?i:(?:by\s+)?when|by\s+what\s+date|(?:on|by)\s+which\s+date|how\s+often)\s+"
    r"(?i:will|would|must|should|shall|does|do|is|are|has|have)\s+"
    r"(?P<party>(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:(?:of|for|and|&)\s+)?[A-Z][\w'’&-]*)*)\s+[a-z]")
# A body's name as written, commas and joining words included: "Ministry of Housing, Communities and Local Government".
NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:,?\s+(?:(?:for|of|and|the|on|in|&)\s+)*[A-Z][\w'’-]*)*")
JOINING = frozenset("for of and the on in &".split())


def doer_asked(question: str) -> str | None:
    """The party `question` asks when or how often it will act, as named there; None for any other question."""
    m = DOER_ASKED.match(question)
    # "When is Kingsmere's plan due?": a possessive names whose the thing is, not who acts.
    return m["party"] if m and not re.search(r"['’]s?$", m["party"]) else None


def initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w'’&-]+", name) if w.lower() not in JOINING).lower()


def names(text: str, party: str) -> bool:
    """`text` names `party`: its words in order, its initials, or a name whose initials it is."""
    words = re.findall(r"[\w'’&-]+", re.sub(r"^the\s+", "", party))
    if re.search(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", text, re.I):
        return True
    short = initials(party)
    if len(words) > 1 and len(short) > 1 and re.search(rf"\b{re.escape(short)}\b", text, re.I):
        return True
    return len(words) == 1 and any(initials(m.group()) == words[0].lower() for m in NAME_RUN.finditer(text))


def doer_not_named(question: str, passages: list[str]) -> str | None:
    """The party `question` asks about as the doer when none of `passages` names it; else None."""
    party = doer_asked(question)
    if party is None or any(names(text, party) for text in passages):
        return None
    return party
