"""The ledger across letters: a date an undated letter takes from the letter it encloses or its file name,
the same duty stated in two letters, a deadline a later letter changes, a request it withdraws, and an
actor's name an appointment makes known."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from index.dates import date_in_name
from index.ledger_changes import CHANGE, WITHDRAW
from index.ledger_records import LetterView
from index.model import Commitment, DateBasis, Kind, Status
from index.text import STOPWORDS, stem, words

WRITTEN_TODAY = re.compile(r"\bI have (?:today|also today|this day) written to (?P<who>[^.]{3,200}?)(?:,\s*to\b|\.|\s+to\s+(?:set|make|explain|confirm))", re.I)
ATTACHED = re.compile(r"\bI (?:attach|enclose) a copy of (?:that|the|my) letter\b", re.I)
# How alike a withdrawal, or a change that names no old deadline, must be to the duty it is about: it may be
# about any earlier duty, where one that names the old deadline is about one of those with that deadline.
WIDE_POOL_ALIKE = 0.4


def infer_dates(letters: list[LetterView]) -> list[LetterView]:
    """An undated covering letter ('I have today written to …; I attach a copy') takes that letter's date; an
    undated file attached to an email, the day the email was sent; any other undated letter, the date its file's
    name begins with ('2021-12-01_…'), so that its relative deadlines ('in January') resolve — its records say
    where the date came from."""
    out = []
    for letter in letters:
        link = letter.metadata.attached_to
        if letter.date is None and link and link.sent:
            letter = replace(letter, date=link.sent, date_basis=DateBasis.EMAIL)
        elif letter.date is None:
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
    return letter_seniority(r.letter_date, r.letter_date_basis, r.source)


def letter_seniority(day: date | None, basis: DateBasis | None, source: str) -> tuple[date, bool, str]:
    """Earlier letters first (undated ones last); of two with the same date, the one that states its date."""
    return (day or date.max, basis != DateBasis.STATED, source)


class _Ledger:
    """The records with what linking looks them up by, built once: the records by deadline and by word, and
    per record (by its place in the ledger) arrays of what a change's candidates are filtered on, so that a
    change is matched by a few array operations (in C, over the ledger) instead of a Python comparison per
    pair: linking 1,000 letters' records takes a third of a second, not seconds."""

    def __init__(self, records: list[Commitment]) -> None:
        self.records = records
        self.position = {id(r): i for i, r in enumerate(records)}
        order = [_seniority(r) for r in records]
        rank = {s: k for k, s in enumerate(sorted(set(order)))}  # equal seniority, equal rank
        self.rank = np.array([rank[s] for s in order], dtype=np.int64)
        sources: dict[str, int] = {}
        self.letter = np.array([sources.setdefault(r.source, len(sources)) for r in records], dtype=np.int64)
        self.dated = np.array([r.deadline is not None for r in records], dtype=bool)
        self.current = np.array([r.status == Status.CURRENT for r in records], dtype=bool)
        self.terms = [_terms(r.quote) for r in records]
        self.n_terms = np.array([len(t) for t in self.terms], dtype=np.int64)
        postings: dict[str, list[int]] = {}
        for i, terms in enumerate(self.terms):
            for term in terms:
                postings.setdefault(term, []).append(i)
        self.postings = {term: np.array(found, dtype=np.int64) for term, found in postings.items()}
        self.by_id = {r.id: r for r in records}
        self.by_deadline: dict[date, list[Commitment]] = {}  # most senior first
        for i in sorted(range(len(records)), key=lambda i: order[i]):
            if records[i].deadline:
                self.by_deadline.setdefault(records[i].deadline, []).append(records[i])
        self.dated_on = {day: np.sort([self.position[id(r)] for r in found]) for day, found in self.by_deadline.items()}
        self.restating: dict[str, list[Commitment]] = {}  # a record's id → the records the same as it

    def similar(self, a: Commitment, b: Commitment) -> float:
        return _overlap(self.terms[self.position[id(a)]], self.terms[self.position[id(b)]])

    def shared_words(self, i: int) -> np.ndarray:
        """How many words each record shares with record i."""
        found = [self.postings[term] for term in self.terms[i]]
        return np.bincount(np.concatenate(found), minlength=len(self.records)) if found else np.zeros(len(self.records), np.int64)

    def set_status(self, record: Commitment, status: Status) -> None:
        record.status = status
        self.current[self.position[id(record)]] = status == Status.CURRENT

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
    plain, changes = _split(records)
    _link_restatements(ledger, plain, plain)
    ledger.index_restatements()
    for later in changes:
        _link_change(ledger, later)
    return records


def link_added(context: list[Commitment], added: list[Commitment]) -> list[Commitment]:
    """Link the records of letters junior to every other (`added`) into a linked ledger as `link` would link
    them with it: `context` holds, in ledger order, every record of it they can be linked with (those with
    their deadlines or the old deadlines they name, those alike enough to a change that names none, and the
    restatements and superseders of all those). Returns the records of `context` whose links or status changed.

    Nothing of the ledger changes but what touches the added records: no change in it can reach them (they
    are junior to it), and their own changes come after all of its."""
    new = {id(r) for r in added}
    records = sorted(context + added, key=lambda r: r.source)  # stable: each letter's records in their order
    before = {r.id: (r.status, r.superseded_by, r.same_as) for r in context}
    ledger = _Ledger(records)
    plain, changes = _split(records)
    # A restatement links to the first alike in seniority order: only a record that had none can take an added one.
    _link_restatements(ledger, plain, [r for r in plain if id(r) in new or r.same_as is None])
    ledger.index_restatements()
    for later in changes:
        if id(later) in new:
            _link_change(ledger, later)
        elif later.supersedes in ledger.by_id:  # an added restatement joins the duty it changed
            for r in ledger.group(ledger.by_id[later.supersedes]):
                if id(r) in new:
                    ledger.set_status(r, _change_status(later))
                    r.superseded_by = later.id
    return [r for r in context if before[r.id] != (r.status, r.superseded_by, r.same_as)]


def _split(records: list[Commitment]) -> tuple[list[Commitment], list[Commitment]]:
    """The records that change nothing, in ledger order, and the changes, most senior first."""
    plain: list[Commitment] = []
    changes: list[Commitment] = []
    for r in records:
        (changes if is_change(r) else plain).append(r)
    return plain, sorted(changes, key=_seniority)


def is_change(r: Commitment) -> bool:
    """A record that withdraws a duty or changes its deadline (which `link` looks for in earlier letters)."""
    return withdraws(r) or bool(CHANGE.search(r.quote) and r.deadline)


def withdraws(r: Commitment) -> bool:
    return bool(WITHDRAW.search(r.quote))


def _change_status(later: Commitment) -> Status:
    return Status.WITHDRAWN if withdraws(later) else Status.SUPERSEDED


def _link_change(ledger: _Ledger, later: Commitment) -> None:
    withdrawing = withdraws(later)
    match = _changed_duty(ledger, later, withdrawing)
    if match:
        _supersede(ledger, match, later, withdrawing)


def _link_restatements(ledger: _Ledger, plain: list[Commitment], linking: list[Commitment]) -> None:
    """A dated duty another letter states too, with the same deadline, is the same as the senior one (of
    `plain`, the records that change nothing, those `linking` are linked)."""
    considered = {id(r) for r in plain}
    for r in linking:
        for other in ledger.by_deadline.get(r.deadline, ()) if r.deadline else ():
            if other is r or other.source == r.source or id(other) not in considered:
                continue
            if ledger.similar(other, r) >= 0.3:
                r.same_as = other.id
                break


def quote_terms(quotes: list[tuple[str, str]]) -> list[tuple[str, frozenset[str]]]:
    """Records given as (id, quote) as (id, the words linking compares)."""
    return [(rid, _terms(quote)) for rid, quote in quotes]


def alike_to_change(later: Commitment, records: list[tuple[str, frozenset[str]]]) -> set[str]:
    """Of records given as (id, their words: `quote_terms`), those alike enough to be the duty `later` is about
    when it names no old deadline (or withdraws): the only ones `_changed_duty` can find for it."""
    mine = _terms(later.quote)
    return {rid for rid, terms in records if _overlap(mine, terms) >= WIDE_POOL_ALIKE}


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two records' words are: the share of the shorter one's words the other has too."""
    return len(a & b) / max(1, min(len(a), len(b)))


def names_old_deadline(later: Commitment) -> bool:
    return not withdraws(later) and later.replaces_deadline is not None


def _changed_duty(ledger: _Ledger, later: Commitment, withdrawing: bool) -> Commitment | None:
    """The duty of an earlier letter that `later` withdraws or changes the deadline of: the most alike of
    those earlier (for a change, of those still current with the old deadline, when it says which), the
    first in the ledger of those equally alike. Only a record sharing a word with `later` can be alike enough."""
    i = ledger.position[id(later)]
    shared = ledger.shared_words(i)
    old = later.replaces_deadline if names_old_deadline(later) else None
    found = ledger.dated_on.get(old, np.zeros(0, np.int64)) if old else np.flatnonzero(shared)
    keep = (ledger.letter[found] != ledger.letter[i]) & (ledger.rank[found] <= ledger.rank[i])
    if not withdrawing:
        keep &= ledger.dated[found] & ledger.current[found]
    pool = found[keep]
    if not len(pool):
        return None
    alike = shared[pool] / np.maximum(1, np.minimum(ledger.n_terms[pool], ledger.n_terms[i]))
    best = int(np.argmax(alike))  # the first of the most alike, in ledger order
    # A withdrawal, or a change that does not say its old deadline, has a wider pool: it must be more alike.
    if alike[best] < (WIDE_POOL_ALIKE if withdrawing or not old else 0.2):
        return None
    return ledger.records[pool[best]]


def _supersede(ledger: _Ledger, match: Commitment, later: Commitment, withdrawing: bool) -> None:
    """Mark `match` and its restatements withdrawn or superseded by `later`, which takes on its duty."""
    status = Status.WITHDRAWN if withdrawing else Status.SUPERSEDED
    for r in ledger.group(match):
        ledger.set_status(r, status)
        r.superseded_by = later.id
    later.supersedes = match.id
    later.kind, later.actor, later.actor_name = match.kind, match.actor, match.actor_name
    # The duty is the earlier one's; its old deadline words no longer apply.
    cut = " ".join(match.action.replace(match.deadline_text or "\0", "").split())
    later.action = re.sub(r"\s*,(?:\s*,)+", ",", cut).replace(" ,", ",")
    later.recipients = later.recipients or match.recipients
    if withdrawing:
        ledger.set_status(later, Status.WITHDRAWN)


def name_actors(records: list[Commitment], texts: dict[str, str]) -> None:
    """Give an actor its person's name when an appointment makes it known: one in the same letter,
    else one whose appointee the letter itself names."""
    posts: dict[str, list[Commitment]] = {}  # a word of an appointee's post → those appointed to it
    for a in records:
        if is_appointment(a):
            for word in set(words(a.actor.lower())):
                posts.setdefault(word, []).append(a)
    for r in records:
        if r.actor_name or not r.actor or r.kind == Kind.APPOINTMENT:
            continue
        role = _role(r.actor)
        fits = [a for a in posts.get(min(role), ()) if fills(a, role)] if role else []
        local = {a.actor_name for a in fits if a.source == r.source}
        named = {a.actor_name for a in fits if a.actor_name in texts.get(r.source, "")}
        for pool in (local, named):
            if len(pool) == 1:
                r.actor_name = pool.pop()
                break


def is_appointment(r: Commitment) -> bool:
    """A record naming whom a post is given to, which can name the actors of that post (`name_actors`)."""
    return r.kind == Kind.APPOINTMENT and bool(r.actor and r.actor_name)


def fills(appointment: Commitment, role: set[str]) -> bool:
    """Whether the appointee's post is the role an actor is named by (`_role`)."""
    return bool(role) and role <= set(words(appointment.actor.lower()))


def _role(actor: str) -> set[str]:
    return set(words(actor.lower().removeprefix("the "))) - STOPWORDS


def could_name(appointment: Commitment, r: Commitment) -> bool:
    """Whether an appointment can give the actor of a record in a letter naming the appointee their name."""
    return bool(r.actor) and r.kind != Kind.APPOINTMENT and fills(appointment, _role(r.actor))
