"""Who wrote a letter, to whom, and who was copied in: answered from the letter's own lines (its signature,
its address or salutation, its copy list), citing them, rather than from the sentence most like the question.

The letter is the one the question names ("the letter to Lord Forsyth") or else the most probable source of
its evidence that gives the party asked for ("Norgrove's note fixing the release slot — who was copied in?").
When no such letter gives it, the ordinary answer stands.
"""

from __future__ import annotations

import re

from assistant.answer import Answer, Citation
from assistant.evidence import Candidate, Evidence
from assistant.leads import introduce
from assistant.party_asked import WRITTEN_WHEN, LetterParty
from assistant.question import Analysis
from assistant.report_facts import Stated, report_stated
from assistant.wording import fmt_date
from index.dates import date_line
from index.metadata import copy_list
from index.model import Letter
from index.parties import Party, letter_parties
from index.report_metadata import FRONT
from index.store import Store

# The parties only a report has.
REPORT_PARTIES = (LetterParty.LEADER, LetterParty.COMMISSIONER, LetterParty.DATE)
# How far after a name its post may be written (the next line or two of a signature or address block).
POST_REACH = 200


class LetterFacts:
    def __init__(self, store: Store, evidence: Evidence) -> None:
        self.store = store
        self.evidence = evidence

    def answer(self, question: str, analysis: Analysis, cands: list[Candidate]) -> Answer | None:
        if analysis.letter_party is None:
            written = WRITTEN_WHEN.search(question)
            return self._written_when(question, written, cands) if written else None
        party = analysis.letter_party
        found = next(((letter, stated) for letter in self._letters(question, cands, party, analysis.names)
                      if (stated := self._stated(letter, party))), None)
        if found is None:
            return None
        letter, stated = found
        citations = [Citation.span(n, letter, start, end) for n, (start, end) in enumerate(stated.spans, start=1)]
        quotes = "; ".join(f"“{' '.join(c.quote.split())}” [{c.id}]" for c in citations)
        opening = {LetterParty.SENDER: "It is signed: ", LetterParty.RECIPIENT: "It is addressed: "}.get(party)
        body = (introduce(letter, None) if letter.is_report or opening is None else opening) + quotes
        return Answer(question, f"{stated.said}.\n\n{body}.", False, citations)

    def _written_when(self, question: str, asked: re.Match, cands: list[Candidate]) -> Answer | None:
        """When the party the question names wrote: the date of their letter the evidence is most about
        (their first, when asked so), citing its date line. None when they wrote no dated letter here."""
        letters = self.store.letters()
        theirs = [v for v in letters.values() if v.date and names_party(asked["who"], letter_parties(v.metadata)[0])]
        if not theirs:
            return None
        rest = question[asked.end():]  # "… reply to the Convener": their letters to whom it names first
        to_named = [v for v in theirs if names_party(rest, letter_parties(v.metadata)[1])]
        theirs = to_named or theirs
        likely: dict[str, float] = {}  # each letter's best candidate
        for c in cands:
            likely[c.source] = max(likely.get(c.source, 0.0), c.probability)
        in_evidence = [v for v in theirs if v.source in likely]
        if asked["first"]:
            letter = min(in_evidence or theirs, key=lambda v: v.date)
        else:
            letter = max(in_evidence, key=lambda v: likely[v.source]) if in_evidence else None
        line = date_line(letter.text, letter.date) if letter else None
        if line is None:
            return None
        when, meta = letter.date, letter.metadata
        citation = Citation.span(1, letter, line.start(), line.end())
        to = f" to {meta.recipient}" if meta.recipient else ""
        said = f"{meta.sender or 'The writer'} wrote{to} on {fmt_date(when)} [1]."
        return Answer(question, f"{said}\n\n{introduce(letter, None)}“{' '.join(citation.quote.split())}” [1].", False, [citation])

    def _letters(self, question: str, cands: list[Candidate], party: LetterParty, names: list[str]) -> list[Letter]:
        """The letter the question names, or else the letters of its evidence, most probable first — a report
        whose title page carries a name the question gives ("the Harrowfield review") before the rest."""
        letters = self.store.letters()
        named = self.evidence.scope.letters_named(question)
        sources = named if len(named) == 1 else list(dict.fromkeys(c.source for c in cands))
        found = sorted((letters[s] for s in sources if s in letters), key=lambda v: not (
            v.is_report and any(re.search(rf"\b{re.escape(n)}\b", v.text[:FRONT]) for n in names)))
        # Asked to whom someone wrote, the letters they wrote come first; asked who wrote to someone, those to them.
        other = {LetterParty.RECIPIENT: 0, LetterParty.SENDER: 1}.get(party)
        if other is None:
            return found
        return sorted(found, key=lambda v: not names_party(question, letter_parties(v.metadata)[other]))

    def _stated(self, letter: Letter, party: LetterParty) -> Stated | None:
        """What to say of the party and the lines that say it, or None when the letter does not give it."""
        if letter.is_report:
            return report_stated(letter, party)
        if party in REPORT_PARTIES:
            return None
        meta = letter.metadata
        if party == LetterParty.COPIED:
            m = copy_list(letter.text)
            if not m or not meta.cc:
                return None
            return Stated(f"{_described(letter, party)} was copied to {_listed(meta.cc)} [1]", [m.span()])
        side = "sender" if party == LetterParty.SENDER else "recipient"
        name = getattr(meta, side)
        if not name:
            return None
        found = list(re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", letter.text))
        if not found:
            return None
        at = found[-1] if party == LetterParty.SENDER else found[0]  # the signature ends a letter; the address opens it
        end = at.end()
        described = [name]
        for key in ("role", "org"):
            value = getattr(meta, f"{side}_{key}")
            if value and value not in described and (i := letter.text.find(value, end, end + POST_REACH)) >= 0:
                described.append(value)
                end = i + len(value)
        verb = "was written by" if party == LetterParty.SENDER else "was addressed to"
        return Stated(f"{_described(letter, party)} {verb} {', '.join(described)} [1]", [(at.start(), end)])


def _described(letter: Letter, party: LetterParty) -> str:
    """'The letter of 1 December 2021 to Ed': the letter by its date and the party not asked for."""
    meta = letter.metadata
    described = "The letter"
    if letter.date:
        described += f" of {fmt_date(letter.date)}"
    if party != LetterParty.SENDER and meta.sender:
        described += f" from {meta.sender}"
    if party == LetterParty.SENDER and meta.recipient:
        described += f" to {meta.recipient}"
    return described if described != "The letter" else f"The letter “{letter.title}”"


def _listed(parties: list[str]) -> str:
    return parties[0] if len(parties) == 1 else "; ".join(parties[:-1]) + "; and " + parties[-1]


def names_party(question: str, party: Party) -> bool:
    """The question names the party by one of its names (name, surname, post, organisation, acronym)."""
    return any(re.search(rf"\b{re.escape(alias)}\b", question, re.I) for alias in party.aliases() if len(alias) > 2)
