"""The ledger across letters: a date an undated letter takes from the letter it encloses or its file name,
the same duty stated in two letters, a deadline a later letter changes, a request it withdraws, and an
actor's name an appointment makes known."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from index.dates import date_in_name
from index.ledger_changes import CHANGE, WITHDRAW, change_dates
from index.ledger_records import LetterView
from index.model import Commitment, DateBasis, Kind, Status
from index.text import STOPWORDS, stem, words

WRITTEN_TODAY = re.compile(r"\bI have (?:today|also today|this day) written to (?P<who>[^.]{3,200}?)(?:,\s*to\b|\.|\s+to\s+(?:set|make|explain|confirm))", re.I)
ATTACHED = re.compile(r"\bI (?:attach|enclose) a copy of (?:that|the|my) letter\b", re.I)


def infer_dates(letters: list[LetterView]) -> list[LetterView]:
    """An undated covering letter ('I have today written to …; I attach a copy') takes that letter's date;
    any other undated letter, the date its file's name begins with ('2021-12-01_…'), so that its relative
    deadlines ('in January') resolve — its records say the date came from the file name."""
    out = []
    for letter in letters:
        if letter.date is None:
            m = WRITTEN_TODAY.search(letter.text)
            if m and ATTACHED.search(letter.text):
                named = set(words(m.group("who"))) - STOPWORDS
                for other in letters:
                    if other is letter or not other.date:
                        continue
                    about = set(words(" ".join(filter(None, (other.metadata.recipient, other.metadata.recipient_role)))))
                    if about and len(named & about - {"councillor", "sir", "leader", "council"}) >= 1:
                        letter = replace(letter, date=other.date, date_basis=DateBasis.INFERRED)
                        break
            filed = date_in_name(Path(letter.source).name)
            if letter.date is None and filed:
                letter = replace(letter, date=filed, date_basis=DateBasis.FILE_NAME)
        elif letter.date_basis is None:
            letter = replace(letter, date_basis=DateBasis.STATED)
        out.append(letter)
    return out


def _terms(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 2)


def _seniority(r: Commitment) -> tuple[date, bool, str]:
    """Earlier letters first (undated ones last); of two with the same date, the one that states its date."""
    return (r.letter_date or date.max, r.letter_date_basis != DateBasis.STATED, r.source)


class _Ledger:
    """The records with what linking looks them up by, built once, so that each record is compared only
    with those that share a deadline or a word with it, and linking grows with the ledger, not its square."""

    def __init__(self, records: list[Commitment]) -> None:
        self.position = {id(r): i for i, r in enumerate(records)}
        self.seniority = {id(r): _seniority(r) for r in records}
        self.terms = {id(r): _terms(r.quote) for r in records}
        self.by_id = {r.id: r for r in records}
        self.by_deadline: dict[date, list[Commitment]] = {}
        self.by_term: dict[str, list[Commitment]] = {}
        self.restating: dict[str, list[Commitment]] = {}  # a record's id → the records the same as it
        for r in sorted(records, key=lambda r: self.seniority[id(r)]):
            if r.deadline:
                self.by_deadline.setdefault(r.deadline, []).append(r)
        for r in records:
            for term in self.terms[id(r)]:
                self.by_term.setdefault(term, []).append(r)

    def similar(self, a: Commitment, b: Commitment) -> float:
        ta, tb = self.terms[id(a)], self.terms[id(b)]
        return len(ta & tb) / max(1, min(len(ta), len(tb)))

    def sharing_words(self, record: Commitment) -> list[Commitment]:
        """The records that share a word with `record`, in ledger order (which breaks ties as before)."""
        found = {id(r): r for term in self.terms[id(record)] for r in self.by_term.get(term, ())}
        return self.in_ledger_order(list(found.values()))

    def in_ledger_order(self, records: list[Commitment]) -> list[Commitment]:
        return sorted(records, key=lambda r: self.position[id(r)])

    def earlier(self, record: Commitment, than: Commitment) -> bool:
        return record.source != than.source and self.seniority[id(record)] <= self.seniority[id(than)]

    def index_restatements(self) -> None:
        for r in self.by_id.values():
            if r.same_as:
                self.restating.setdefault(r.same_as, []).append(r)

    def group(self, record: Commitment) -> list[Commitment]:
        """A record and every record stating the same duty in another letter."""
        same = self.by_id.get(record.same_as or "")
        return [record] + self.restating.get(record.id, []) + ([same] if same else [])


def link(records: list[Commitment]) -> list[Commitment]:
    """Same-duty, supersession and withdrawal links across letters (records are updated in place)."""
    ledger = _Ledger(records)
    changes = {id(r) for r in records if WITHDRAW.search(r.quote) or (CHANGE.search(r.quote) and r.deadline)}
    _link_restatements(ledger, [r for r in records if id(r) not in changes])
    ledger.index_restatements()
    for later in sorted((r for r in records if id(r) in changes), key=_seniority):
        withdrawing = bool(WITHDRAW.search(later.quote))
        match = _changed_duty(ledger, later, withdrawing)
        if match:
            _supersede(ledger, match, later, withdrawing)
    return records


def _link_restatements(ledger: _Ledger, plain: list[Commitment]) -> None:
    """A dated duty another letter states too, with the same deadline, is the same as the senior one."""
    considered = {id(r) for r in plain}
    for r in plain:
        for other in ledger.by_deadline.get(r.deadline, ()) if r.deadline else ():
            if other is r or other.source == r.source or id(other) not in considered:
                continue
            if ledger.similar(other, r) >= 0.3:
                r.same_as = other.id
                break


def _changed_duty(ledger: _Ledger, later: Commitment, withdrawing: bool) -> Commitment | None:
    """The duty of an earlier letter that `later` withdraws or changes the deadline of: the most alike of
    those earlier (for a change, of those still current with the old deadline, when it says which). Only a
    record sharing a word with `later` can be alike enough."""
    old = None
    if not withdrawing:
        before, _ = change_dates(later.quote, later.letter_date)
        old = before.date if before else None
    found = ledger.in_ledger_order(ledger.by_deadline.get(old, [])) if old else ledger.sharing_words(later)
    earlier = [r for r in found if ledger.earlier(r, later)]
    pool = earlier if withdrawing else [r for r in earlier if r.deadline and r.status == Status.CURRENT]
    match = max(pool, key=lambda r: ledger.similar(r, later), default=None)
    # A withdrawal, or a change that does not say its old deadline, has a wider pool: it must be more alike.
    if not match or ledger.similar(match, later) < (0.4 if withdrawing or not old else 0.2):
        return None
    return match


def _supersede(ledger: _Ledger, match: Commitment, later: Commitment, withdrawing: bool) -> None:
    """Mark `match` and its restatements withdrawn or superseded by `later`, which takes on its duty."""
    status = Status.WITHDRAWN if withdrawing else Status.SUPERSEDED
    for r in ledger.group(match):
        r.status, r.superseded_by = status, later.id
    later.supersedes = match.id
    later.kind, later.actor, later.actor_name = match.kind, match.actor, match.actor_name
    # The duty is the earlier one's; its old deadline words no longer apply.
    cut = " ".join(match.action.replace(match.deadline_text or "\0", "").split())
    later.action = re.sub(r"\s*,(?:\s*,)+", ",", cut).replace(" ,", ",")
    later.recipients = later.recipients or match.recipients
    if withdrawing:
        later.status = Status.WITHDRAWN


def name_actors(records: list[Commitment], texts: dict[str, str]) -> None:
    """Give an actor its person's name when an appointment makes it known: one in the same letter,
    else one whose appointee the letter itself names."""
    posts: dict[str, list[Commitment]] = {}  # a word of an appointee's post → those appointed to it
    for a in records:
        if a.kind == Kind.APPOINTMENT and a.actor and a.actor_name:
            for word in set(words(a.actor.lower())):
                posts.setdefault(word, []).append(a)
    for r in records:
        if r.actor_name or not r.actor or r.kind == Kind.APPOINTMENT:
            continue
        role = set(words(r.actor.lower().removeprefix("the "))) - STOPWORDS
        fits = [a for a in posts.get(min(role), ()) if role <= set(words(a.actor.lower()))] if role else []
        local = {a.actor_name for a in fits if a.source == r.source}
        named = {a.actor_name for a in fits if a.actor_name in texts.get(r.source, "")}
        for pool in (local, named):
            if len(pool) == 1:
                r.actor_name = pool.pop()
                break
