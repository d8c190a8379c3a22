"""The ledger as officials use it: filtered, sorted soonest first, as a table, JSON, CSV or iCalendar."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime

from index.model import Commitment, Kind, Status

CSV_FIELDS = [
    "id", "kind", "status", "deadline", "deadline_text", "deadline_precision", "recurrence", "actor", "actor_name",
    "action", "recipients", "source", "title", "letter_date", "letter_date_basis", "supersedes", "superseded_by",
    "same_as", "quote", "start", "end",
]


@dataclass(frozen=True)
class LedgerFilter:
    due_before: date | None = None  # exclusive
    due_from: date | None = None  # inclusive
    actor: str | None = None
    recipient: str | None = None
    status: Status | None = None
    kind: Kind | None = None
    source: str | None = None

    def keep(self, r: Commitment) -> bool:
        due = r.deadline
        if self.due_before and not (due and due < self.due_before):
            return False
        if self.due_from and not (due and due >= self.due_from):
            return False
        if self.actor and not _mentions(self.actor, [r.actor, r.actor_name]):
            return False
        if self.recipient and not _mentions(self.recipient, r.recipients):
            return False
        if self.status and r.status != self.status:
            return False
        if self.kind and r.kind != self.kind:
            return False
        return not (self.source and self.source not in r.source)


def _mentions(needle: str, haystack: list[str | None]) -> bool:
    return any(h and needle.lower() in h.lower() for h in haystack)


def select(records: list[Commitment], flt: LedgerFilter) -> list[Commitment]:
    """Matching records, soonest deadline first; undated ones last, in letter order."""
    kept = [r for r in records if flt.keep(r)]
    return sorted(kept, key=lambda r: (r.deadline is None, r.deadline or date.min, r.letter_date or date.min, r.source, r.start))


def to_csv(records: list[Commitment]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for r in records:
        row = r.to_dict()
        row["recipients"] = "; ".join(r.recipients)
        writer.writerow({k: row[k] for k in CSV_FIELDS})
    return out.getvalue()


def to_ics(records: list[Commitment]) -> bytes:
    """An all-day event per dated record; UIDs are the record ids, so re-imports update, not duplicate."""
    from icalendar import Calendar, Event, vRecur

    cal = Calendar()
    cal.add("prodid", "-//Directions assistant//commitments ledger//EN")
    cal.add("version", "2.0")
    stamp = datetime.now(UTC)
    for r in records:
        if not r.deadline:
            continue
        event = Event()
        event.add("uid", f"{r.id}@directions-assistant")
        event.add("dtstamp", stamp)
        event.add("dtstart", r.deadline)
        who = r.actor_name or r.actor or "Unassigned"
        event.add("summary", f"{who}: {r.action}"[:200])
        description = f"“{r.quote}”\n{r.title} ({r.letter_date or 'undated'})\n{r.source} [{r.start}:{r.end}]"
        if r.status != Status.CURRENT:
            description = f"[{r.status.upper()}] " + description
        event.add("description", description)
        event.add("status", "CANCELLED" if r.status == Status.WITHDRAWN else "CONFIRMED")
        if r.recurrence:
            event.add("rrule", vRecur.from_ical(r.recurrence))
        cal.add_component(event)
    return cal.to_ical()


def to_table(records: list[Commitment]) -> str:
    lines = []
    for r in records:
        due = r.deadline or "—"
        who = r.actor or "?"
        if r.actor_name and r.actor_name != r.actor:
            who += f" ({r.actor_name})"
        status = "" if r.status == Status.CURRENT else f" [{r.status}]"
        to = f" → {', '.join(r.recipients)}" if r.recipients else ""
        words = f" “{r.deadline_text}”" if r.deadline_text else ""
        if r.recurrence:
            words += f" (repeats: {r.recurrence})"
        lines.append(f"{due:10}  {r.kind:11} {who}{to}{status}\n            {r.action}{words}\n            {r.source} [{r.start}:{r.end}]")
    return "\n".join(lines)
