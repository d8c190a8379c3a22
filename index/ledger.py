"""The commitments ledger: who must do what, for whom, by when — extracted from the letters.

Each sentence or list item that directs, requests, commits or appoints becomes a record with its
actor, action, recipients and deadline (normalised against the letter's date), pointing at its
exact span. Cross-letter links — a date inferred from a covering letter, a deadline a later letter
extends, a request it withdraws, a duty two letters both state — are recomputed over the whole
ledger after every index run (no embedding involved), so nothing stale survives a change.

This module reads one letter (`extract`) and the whole ledger (`build_ledger`), where a writer known by
their body in one letter is known by it in all (index.party_directory). The records are in
index.ledger_records; a sentence's kind in index.ledger_sentences, and who it binds from its first frame
when that names a party or someone who can act (else as the sentence's patterns read it); when no pattern
states its duty, all in its frames (index.ledger_frames); whom a duty is for in index.ledger_parties; changed and
withdrawn duties in index.ledger_changes; the links across letters in index.ledger_links. A letter's
frames are parsed once, when it is indexed (`letter_frames`), and stored (index.frame_store), so
rebuilding the ledger parses nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from index.calendar_days import month_end
from index.canonical import BULLET_MARK, NUMBERED_ITEM
from index.deadlines import Deadline, duty_deadlines, find_deadlines, principal
from index.frames import Frame, frames
from index.ledger_changes import CHANGE, change_dates
from index.ledger_frames import first_frame, frame_records, framed_actor, framed_recipients
from index.ledger_links import infer_dates, link, name_actors
from index.ledger_parties import in_full, recipients_of
from index.ledger_records import LetterView, new_record
from index.ledger_rows import row_record
from index.ledger_sentences import ACTION_VERBS, action_of, actor_of, classify, short
from index.model import Commitment, Kind, Precision, Unit, UnitFrames, UnitKind
from index.party_directory import with_known_bodies
from index.recurrence import recurrence_of
from index.segmenter import segment

# A heading that is a numbered item's label: "Recommendation 3", "Action 12", "R4".
ITEM_HEADING = re.compile(r"^(?:Recommendation|Action|R)\s*\d{1,3}[.:]?$", re.I)


def extract(letter: LetterView) -> list[Commitment]:
    """Ledger records stated in one letter, read against its (stated or inferred) date."""
    when = letter.date
    records: list[Commitment] = []
    previous_actor: str | None = None
    units = letter.units or segment(letter.text, letter.layout)
    starts: dict[int, int] = {}  # where a unit's words begin → its position, to find a record's unit again
    for i, unit in enumerate(units):
        if unit.kind == UnitKind.LINE:
            continue
        row = row_record(letter, unit) if unit.kind == UnitKind.ROW else None
        if row:
            records.append(row)
            continue
        start = _body_start(letter.text, unit)
        starts[start] = i
        body = letter.text[start : unit.end]
        lead_in = _lead_in(letter.text, unit) if unit.kind != UnitKind.ROW else None
        kind = classify(body, lead_in, letter.text)
        deadlines = duty_deadlines(body, when) if kind is not None else []
        if kind is None or not _states_duty(kind, body, deadlines):
            records += frame_records(body, start, letter, when)
            continue
        deadline = _deadline(body, deadlines, when)
        frame = first_frame(body, start, letter)
        actor, actor_name = (kind != Kind.APPOINTMENT and lead_in is None and framed_actor(frame, letter)) \
            or actor_of(kind, body, lead_in, deadline, letter, unit, previous_actor)
        actor = short(actor)
        previous_actor = actor or previous_actor
        if not any(r.start == start and r.end == unit.end for r in records):
            records.append(_record(letter, unit, start, kind, deadline, actor, actor_name, frame))
    for record in records:
        record.actor = in_full(record.actor, letter)
        i = starts.get(record.start)
        later = _item_deadline(letter, units, i, when) if i is not None and record.deadline is None else None
        if later:  # a numbered recommendation dated in a later sentence of its paragraph
            record.deadline, record.deadline_text, record.deadline_precision = later.date, later.text, later.precision
    return records


def letter_frames(text: str, units: list[Unit]) -> UnitFrames:
    """The frames of every unit extraction reads, for the indexer to store with the letter."""
    spans = [(_body_start(text, unit), unit.end) for unit in units if unit.kind != UnitKind.LINE]
    return {(start, end): tuple(frames(text[start:end], start)) for start, end in spans}


def _body_start(text: str, unit: Unit) -> int:
    """Where a unit's words begin: after its bullet mark or its numbered item's label, if it has one."""
    bullet = BULLET_MARK.match(text[unit.start : unit.end]) or NUMBERED_ITEM.match(text[unit.start : unit.end])
    return unit.start + (bullet.end() if bullet else 0)


def _lead_in(text: str, unit: Unit) -> str | None:
    """The first line of the lead-in a list item hangs from ("I therefore ask you to:"), if it is one."""
    return text[unit.lead_in : unit.start].split("\n")[0] if unit.lead_in is not None else None


def _states_duty(kind: Kind, body: str, deadlines: list[Deadline]) -> bool:
    """An appointment always does; another kind needs a time or an action verb to be a duty."""
    return kind == Kind.APPOINTMENT or bool(deadlines) or bool(ACTION_VERBS.search(body))


def _item_deadline(letter: LetterView, units: list[Unit], i: int, when: date | None) -> Deadline | None:
    """Of a numbered recommendation that gives no date in its first sentence, the date a later sentence of its
    paragraph gives ("R11 The Department should establish a board … The board should hold its first meeting by 31
    July 2025"); None for any other unit, or when none does."""
    if not NUMBERED_ITEM.match(letter.text[units[i].start:units[i].end]) and not _opens_item(letter, units, i):
        return None
    for unit in units[i + 1:]:
        if unit.block != units[i].block:
            return None
        found = [d for d in find_deadlines(letter.text[unit.start:unit.end], when) if d.stated]
        if found:
            return principal(found)
    return None


def _opens_item(letter: LetterView, units: list[Unit], i: int) -> bool:
    """Unit `i` is the first under a heading that labels a numbered item ("Recommendation 3" set as a heading, its
    words in the paragraph below)."""
    path = letter.layout.heading_path(units[i].start)
    heading = path[-1] if path else None
    return heading is not None and bool(ITEM_HEADING.match(letter.text[heading.start:heading.end].strip())) \
        and (i == 0 or units[i - 1].start <= heading.start)


def _deadline(body: str, deadlines: list[Deadline], when: date | None) -> Deadline | None:
    """The new date of a changed deadline, else the one the duty is tracked by (`deadlines.principal`)."""
    if CHANGE.search(body) and any(d.stated for d in deadlines):
        return change_dates(body, when)[1]
    return principal(deadlines)


def _record(letter: LetterView, unit: Unit, start: int, kind: Kind, deadline: Deadline | None,
            actor: str | None, actor_name: str | None, frame: Frame | None) -> Commitment:
    body = letter.text[start : unit.end]
    recurrence = recurrence_of(body)
    due = deadline.date if deadline else None
    if recurrence and deadline and deadline.precision == Precision.MONTH and due:
        due = month_end(due.year, due.month)  # a recurring duty dated to a month is first due at its end
    return new_record(
        letter, kind, start, unit.end, actor=actor, actor_name=actor_name,
        # A list item is an imperative ("submit a plan …"): the whole item is the action.
        action=body.rstrip(" ;,.") if unit.lead_in is not None else action_of(body),
        recipients=_recipients(body, letter, frame), deadline=deadline, due=due, recurrence=recurrence,
    )


def _recipients(body: str, letter: LetterView, frame: Frame | None) -> list[str]:
    """Whom the duty goes to, as its words say ("report to me") and as its parse adds ("invite Shan Morgan")."""
    found = recipients_of(body, letter)
    said = " | ".join(found).lower()
    return found + [p for p in framed_recipients(frame, letter) if p.lower() not in said]


def build_ledger(letters: list[LetterView],
                 extract_letter: Callable[[LetterView], list[Commitment]] = extract) -> list[Commitment]:
    """The whole ledger from every letter: dates inferred, records extracted (`extract_letter`: `extract`, or
    one that remembers what it read, index.ledger_cache), links made."""
    dated = with_known_bodies(infer_dates(letters))
    records = [r for letter in dated for r in extract_letter(letter)]
    name_actors(records, {letter.source: letter.text for letter in dated})
    return link(records)
