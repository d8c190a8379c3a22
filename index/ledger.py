"""The commitments ledger: who must do what, for whom, by when — extracted from the letters.

Each sentence or list item that directs, requests, commits or appoints becomes a record with its
actor, action, recipients and deadline (normalised against the letter's date), pointing at its
exact span. Cross-letter links — a date inferred from a covering letter, a deadline a later letter
extends, a request it withdraws, a duty two letters both state — are recomputed over the whole
ledger after every index run (no embedding involved), so nothing stale survives a change.

This module reads one letter (`extract`) and the whole ledger (`build_ledger`). The records are in
index.ledger_records; a sentence's kind and actor in index.ledger_sentences, or, when no pattern states
its duty, in its frames (index.ledger_frames); whom a duty is for in index.ledger_parties; changed and
withdrawn duties in index.ledger_changes; the links across letters in index.ledger_links.
"""

from __future__ import annotations

from datetime import date

from index.canonical import BULLET_MARK
from index.dates import Precision, find_deadlines, month_end, recurrence_of
from index.ledger_changes import CHANGE, change_dates
from index.ledger_frames import frame_records
from index.ledger_links import infer_dates, link, name_actors
from index.ledger_parties import recipients_of
from index.ledger_records import Commitment, Kind, LetterView, Status, record_id
from index.ledger_sentences import ACTION_VERBS, action_of, actor_of, classify, short
from index.segmenter import UnitKind, segment


def extract(letter: LetterView) -> list[Commitment]:
    """Ledger records stated in one letter, read against its (stated or inferred) date."""
    text = letter.text
    units = letter.units or segment(text)
    when = date.fromisoformat(letter.date) if letter.date else None
    records: list[Commitment] = []
    previous_actor: str | None = None
    for unit in units:
        if unit.kind == UnitKind.LINE:
            continue
        raw = text[unit.start : unit.end]
        bullet = BULLET_MARK.match(raw)
        start = unit.start + (bullet.end() if bullet else 0)
        body = text[start : unit.end]
        lead_in = text[unit.lead_in : unit.start].split("\n")[0] if unit.lead_in is not None else None
        kind = classify(body, lead_in, text)
        if kind is None:
            records += frame_records(body, start, letter, when)
            continue
        deadlines = find_deadlines(body, when)
        stated = [d for d in deadlines if d.stated]
        if kind != Kind.APPOINTMENT and not deadlines and not ACTION_VERBS.search(body):
            records += frame_records(body, start, letter, when)
            continue
        if CHANGE.search(body) and stated:
            deadline = change_dates(body, when)[1]
        else:
            deadline = stated[0] if stated else (deadlines[0] if deadlines else None)
        actor, actor_name = actor_of(kind, body, lead_in, deadline, letter, unit, previous_actor)
        actor = short(actor)
        previous_actor = actor or previous_actor
        recurrence = recurrence_of(body)
        first_due = deadline.date if deadline else None
        if recurrence and deadline and deadline.precision == Precision.MONTH and first_due:
            first_due = month_end(first_due.year, first_due.month)
        if any(r.start == start and r.end == unit.end for r in records):
            continue
        records.append(
            Commitment(
                id=record_id(letter.source, start, unit.end), kind=kind.value, actor=actor, actor_name=actor_name,
                # A list item is an imperative ("submit a plan …"): the whole item is the action.
                action=body.rstrip(" ;,.") if unit.lead_in is not None else action_of(body),
                recipients=recipients_of(body, letter),
                deadline=first_due.isoformat() if first_due else None,
                deadline_text=deadline.text if deadline else None,
                deadline_precision=(deadline.precision.value if deadline else Precision.NONE.value),
                recurrence=recurrence, status=Status.CURRENT.value, superseded_by=None, supersedes=None, same_as=None,
                source=letter.source, title=letter.title, letter_date=letter.date, letter_date_basis=letter.date_basis,
                quote=body, start=start, end=unit.end,
            )
        )
    return records


def build_ledger(letters: list[LetterView]) -> list[Commitment]:
    """The whole ledger from every committed letter: dates inferred, records extracted, links made."""
    dated = infer_dates(letters)
    records = [r for letter in dated for r in extract(letter)]
    name_actors(records, {letter.source: letter.text for letter in dated})
    return link(records)
