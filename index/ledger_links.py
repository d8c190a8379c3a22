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
from index.ledger_records import Commitment, Kind, LetterView, Status
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
                    about = set(words(" ".join(filter(None, (other.metadata.get("recipient"), other.metadata.get("recipient_role"))))))
                    if about and len(named & about - {"councillor", "sir", "leader", "council"}) >= 1:
                        letter = replace(letter, date=other.date, date_basis="inferred")
                        break
            filed = date_in_name(Path(letter.source).name)
            if letter.date is None and filed:
                letter = replace(letter, date=filed.isoformat(), date_basis="file name")
        elif letter.date_basis is None:
            letter = replace(letter, date_basis="stated")
        out.append(letter)
    return out


def _terms(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit() and len(w) > 2}


def _similar(a: Commitment, b: Commitment) -> float:
    ta, tb = _terms(a.quote), _terms(b.quote)
    return len(ta & tb) / max(1, min(len(ta), len(tb)))


def _order(letter_date: str | None) -> str:
    return letter_date or "9999"


def _seniority(r: Commitment) -> tuple[str, bool, str]:
    """Earlier letters first; of two with the same date, the one that states its date."""
    return (_order(r.letter_date), r.letter_date_basis != "stated", r.source)


def _letter_day(record: Commitment) -> date | None:
    return date.fromisoformat(record.letter_date) if record.letter_date else None


def _group(record: Commitment, records: list[Commitment]) -> list[Commitment]:
    """A record and every record stating the same duty in another letter."""
    return [r for r in records if r is record or r.same_as == record.id or record.same_as == r.id]


def link(records: list[Commitment]) -> list[Commitment]:
    """Same-duty, supersession and withdrawal links across letters (records are updated in place)."""
    changes = [r for r in records if WITHDRAW.search(r.quote) or (CHANGE.search(r.quote) and r.deadline)]
    _link_restatements([r for r in records if r not in changes])
    for later in sorted(changes, key=_seniority):
        withdrawing = bool(WITHDRAW.search(later.quote))
        match = _changed_duty(later, records, withdrawing)
        if match:
            _supersede(match, later, records, withdrawing)
    return records


def _link_restatements(plain: list[Commitment]) -> None:
    """A dated duty another letter states too, with the same deadline, is the same as the senior one."""
    for r in plain:
        for other in sorted(plain, key=_seniority):
            if other is r or other.source == r.source or not r.deadline:
                continue
            if other.deadline == r.deadline and _similar(other, r) >= 0.3:
                r.same_as = other.id
                break


def _changed_duty(later: Commitment, records: list[Commitment], withdrawing: bool) -> Commitment | None:
    """The duty of an earlier letter that `later` withdraws or changes the deadline of: the most alike of
    those earlier (for a change, of those still current with the old deadline, when it says which)."""
    earlier = [r for r in records if r.source != later.source and _seniority(r) <= _seniority(later)]
    old = None
    if withdrawing:
        pool = earlier
    else:
        before, _ = change_dates(later.quote, _letter_day(later))
        old = before.date.isoformat() if before and before.date else None
        pool = [r for r in earlier if r.deadline and (old is None or r.deadline == old) and r.status == Status.CURRENT.value]
    match = max(pool, key=lambda r: _similar(r, later), default=None)
    # A withdrawal, or a change that does not say its old deadline, has a wider pool: it must be more alike.
    if not match or _similar(match, later) < (0.4 if withdrawing or not old else 0.2):
        return None
    return match


def _supersede(match: Commitment, later: Commitment, records: list[Commitment], withdrawing: bool) -> None:
    """Mark `match` and its restatements withdrawn or superseded by `later`, which takes on its duty."""
    status = Status.WITHDRAWN if withdrawing else Status.SUPERSEDED
    for r in _group(match, records):
        r.status, r.superseded_by = status.value, later.id
    later.supersedes = match.id
    later.kind, later.actor, later.actor_name = match.kind, match.actor, match.actor_name
    # The duty is the earlier one's; its old deadline words no longer apply.
    cut = " ".join(match.action.replace(match.deadline_text or "\0", "").split())
    later.action = re.sub(r"\s*,(?:\s*,)+", ",", cut).replace(" ,", ",")
    later.recipients = later.recipients or match.recipients
    if withdrawing:
        later.status = Status.WITHDRAWN.value


def name_actors(records: list[Commitment], texts: dict[str, str]) -> None:
    """Give an actor its person's name when an appointment makes it known: one in the same letter,
    else one whose appointee the letter itself names."""
    appointed = [r for r in records if r.kind == Kind.APPOINTMENT.value and r.actor and r.actor_name]
    for r in records:
        if r.actor_name or not r.actor or r.kind == Kind.APPOINTMENT.value:
            continue
        role = set(words(r.actor.lower().removeprefix("the "))) - STOPWORDS
        fits = [a for a in appointed if role and role <= set(words(a.actor.lower()))]
        local = {a.actor_name for a in fits if a.source == r.source}
        named = {a.actor_name for a in fits if a.actor_name in texts.get(r.source, "")}
        for pool in (local, named):
            if len(pool) == 1:
                r.actor_name = pool.pop()
                break
