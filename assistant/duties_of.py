"""What is asked of one party: "What does the review ask of the Department?", "What is NHS England asked to do?",
"Which recommendations are for local authorities?" — every current duty in the ledger whose actor is that party,
soonest first, each cited, rather than the one sentence most like the question.

Only a question that asks for the party's duties as a whole is read so: one that narrows them ("… to do about
placements?", "… by March?") is answered from its evidence as before.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.answer import Answer, Citation
from assistant.evidence import Candidate
from assistant.wording import describe
from index.model import Commitment, Status
from index.store import Store
from index.text import STOPWORDS, stem, words

_DOC = r"(?:the|this|that|these|its)\s+(?:[\w'’-]+\s+){0,4}?(?:review|report|panel|inquiry|letters?|plan|action plan|recommendations)"
_PARTY = r"(?P<party>(?:the\s+|each\s+|every\s+|all\s+)?(?:[\w'’&-]+\s+){0,7}?[\w'’&-]+)"
_ASK = r"(?:ask|require|expect|want|need|recommend|direct|tell)s?"
_ASKED = r"(?:asked|required|expected|told|directed|recommended|recommending|requested|tasked)"
_DO = r"(?:do|deliver|provide|achieve|produce|undertake|carry out|complete)"
_UNDER = rf"(?:\s+(?:under|in|by|from|according to|as part of)\s+{_DOC})?"
# "…, and by when?": the duties' deadlines, which their list gives anyway.
_END = rf"{_UNDER}(?:,?\s+and\s+(?:by\s+)?when(?:\s+\w+){{0,4}})?\s*\?*\s*$"
DUTIES_ASKED = [re.compile(p, re.I) for p in (
    rf"^\W*(?:what|which things)\s+(?:does|do|did)\s+{_DOC}\s+{_ASK}\s+(?:of|from)\s+{_PARTY}{_END}",
    rf"^\W*what\s+(?:does|do|did)\s+{_DOC}\s+{_ASK}\s+{_PARTY}\s+to\s+{_DO}{_END}",
    rf"^\W*what\s+(?:is|are|has|have|was|were)\s+{_PARTY}\s+(?:been\s+)?{_ASKED}\s+to\s+{_DO}{_END}",
    rf"^\W*what\s+(?:is|are)\s+{_PARTY}\s+(?:responsible|accountable)\s+for{_END}",
    rf"^\W*what\s+(?:must|should|does|do|will|is|are)\s+{_PARTY}\s+(?:have\s+to\s+|need\s+to\s+|going\s+to\s+)?{_DO}{_END}",
    rf"^\W*what\s+is\s+(?:expected|required|asked)\s+of\s+{_PARTY}{_END}",
    rf"^\W*(?:what|which)\s+(?:recommendations|actions|duties|tasks)\s+(?:does|do|will)\s+{_PARTY}\s+(?:own|lead|have)"
    rf"(?:\s+to\s+{_DO})?{_END}",
    rf"^\W*(?:what|which)\s+(?:recommendations|actions|duties|tasks|commitments)\s+(?:\w+\s+)?(?:are|fall|falls)\s+"
    rf"(?:for|to|on|with|owned by|addressed to|directed at)\s+{_PARTY}{_END}",
)]
# How much of what is to be done two records of one duty share (see same_duty).
SAME_DUTY_SHARE = 0.25
# A party of a question is a body or a post, not a thing ("what is the plan asked to do"); these words name none.
NOT_A_PARTY = frozenset("it this that they review report panel plan recommendation recommendations action actions".split())


def party_of_duties(question: str) -> str | None:
    """The party whose duties the question asks for as a whole, as the question names it; None for any other question."""
    m = next((m for pattern in DUTIES_ASKED if (m := pattern.search(question))), None)
    if m is None:
        return None
    party = m.group("party")
    return None if set(words(party)) <= NOT_A_PARTY | STOPWORDS else party


def _stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def _phrase(party: str) -> list[str]:
    """The party's words as a phrase to find, without its determiner: "the Department for Education" → department
    for education."""
    return _stems(re.sub(r"^(?:the|each|every|all)\s+", "", party.strip(), flags=re.I))


def falls_to(record: Commitment, party: str) -> bool:
    """The record's actor names the party, its words in their order ("the Department" → "Department for Education
    and Ministry of Justice"; "local authorities" → "Local authorities, with the Youth Justice Board"; but not "the
    Youth Justice Board" → "Youth justice management boards")."""
    wanted = _phrase(party)
    n = len(wanted)
    return any(wanted == actor[i:i + n] for actor in (_stems(record.actor or ""), _stems(record.actor_name or ""))
               for i in range(len(actor) - n + 1)) if n else False


def _content(text: str) -> set[str]:
    return {w for w in _stems(text) if w not in STOPWORDS}


def same_duty(a: Commitment, b: Commitment) -> bool:
    """Two records of one duty: a report's recommendation and its action-plan row — due the same day in the same
    report, by the same party, to do much the same (a quarter of the words of what is to be done in common)."""
    if a.source != b.source or a.deadline is None or a.deadline != b.deadline:
        return False
    if not _content(a.actor or "") & _content(b.actor or ""):
        return False
    first, second = _content(a.action), _content(b.action)
    return len(first & second) >= SAME_DUTY_SHARE * len(first | second)


def duty_line(group: list[Commitment], first_id: int) -> str:
    """One duty in plain words with its first record's marker, and each other record of it in its own words:
    "Local authorities: complete a joint assessment … (due 14 September 2025) [3]; also: Complete a joint
    sufficiency assessment for each region [4]"."""
    also = "".join(f"; also: {r.action} [{first_id + n}]" for n, r in enumerate(group[1:], start=1))
    return f"{describe(group[0])} [{first_id}]{also}"


def grouped(records: list[Commitment]) -> list[list[Commitment]]:
    """The records with each duty's records together, in the order of each duty's first."""
    groups: list[list[Commitment]] = []
    for r in records:
        group = next((g for g in groups if same_duty(g[0], r)), None)
        group.append(r) if group else groups.append([r])
    return groups


class DutiesOf:
    def __init__(self, store: Store) -> None:
        self.store = store

    def answer(self, question: str, cands: list[Candidate]) -> Answer | None:
        """The party's current duties in the letters of the evidence, soonest first; None when the question does not
        ask for a party's duties as a whole or when fewer than two fall to it (its evidence answers one)."""
        party = party_of_duties(question)
        if party is None:
            return None
        letters = self.store.letters()
        sources = {c.source for c in cands}
        if re.search(r"\b(?:review|report|panel|inquiry)\b", question, re.I):
            sources = {s for s in sources if s in letters and letters[s].is_report} or sources
        records = [r for r in self.store.commitments() if r.source in sources and r.status == Status.CURRENT
                   and falls_to(r, party)]
        if len(records) < 2:
            return None
        records.sort(key=lambda r: (r.deadline is None, r.deadline or date.min, r.source, r.start))
        citations, lines = [], []
        for n, group in enumerate(grouped(records), start=1):
            first = len(citations) + 1
            lines.append(f"{n}. {duty_line(group, first)}")
            citations += [Citation.span(first + i, letters[r.source], r.start, r.end) for i, r in enumerate(group)]
        head = f"{len(lines)} duties fall to {party}, soonest first:" if len(lines) > 1 else f"1 duty falls to {party}:"
        return Answer(question, head + "\n" + "\n".join(lines), False, citations)
