"""Answers read from the ledger and the letters' dates rather than from one sentence: what falls due in
a period, when a letter was written, and the history of a changed duty."""

from __future__ import annotations

import re
from datetime import date

from assistant.answer import Answer, Citation
from assistant.duties_of import duty_line, grouped
from assistant.question import Analysis
from assistant.wording import fmt_date, fmt_due
from index.dates import date_line
from index.model import DateBasis, Status
from index.store import Store

WRITTEN_SAME_DAY = re.compile(r"[^.\n]*\bI have (?:today|also today) written to[^.]*\.")


class LedgerAnswers:
    def __init__(self, store: Store, evidence) -> None:
        self.store = store
        self.evidence = evidence

    def history(self, record) -> tuple[object, list]:
        """(the current record, the earlier ones it replaced, newest first) for a changed duty."""
        by_id = {r.id: r for r in self.store.commitments()}
        current = record
        while current.superseded_by and current.superseded_by in by_id and current.status != Status.WITHDRAWN:
            current = by_id[current.superseded_by]
        earlier, r = [], current
        while r.supersedes and r.supersedes in by_id:
            r = by_id[r.supersedes]
            earlier.append(r)
        return current, earlier

    def due_in_period(self, question: str, analysis: Analysis) -> Answer | str:
        """Every ledger record due in the period asked about, soonest first, current ones before history;
        narrowed to the letters and the actor the question names. A string says why there is none."""
        lo, hi = analysis.period
        span = f"by {fmt_date(hi)}" if lo == date.min else f"between {fmt_date(lo)} and {fmt_date(hi)}"
        if analysis.period_read_from:  # "the next quarter": say from when
            span += f" (counted from {fmt_date(analysis.period_read_from)}, the date of the newest document)"
        scope = set(self.evidence.scope.letters_about(analysis))
        # "By the end of 2025" asks what is due from each letter on, not the past events it dates.
        records = [r for r in self.store.commitments() if r.deadline and lo <= r.deadline <= hi
                   and (not scope or r.source in scope)
                   and not (lo == date.min and r.letter_date and r.deadline < r.letter_date)]
        actors = [t for t in analysis.terms if any(t in (r.actor or "").lower() for r in records)]
        if actors:
            records = [r for r in records if any(t in f"{r.actor} {r.actor_name}".lower() for t in actors)]
        if not records:
            return f"No deadline in the indexed letters falls {span}."
        records.sort(key=lambda r: (r.status != Status.CURRENT, r.deadline, r.source, r.start))
        citations, lines = [], []
        for n, group in enumerate(grouped(records), start=1):  # a recommendation and its action row: one duty
            first = len(citations) + 1
            lines.append(f"{n}. {duty_line(group, first)}{self._no_longer(group[0])}")
            citations += [self._cite(first + i, r.source, r.start, r.end) for i, r in enumerate(group)]
        head = f"{len(lines)} item{'s' if len(lines) > 1 else ''} due {span}:"
        return Answer(question, head + "\n" + "\n".join(lines), False, citations)

    def _no_longer(self, record) -> str:
        if record.status == Status.CURRENT:
            return ""
        note = f" — {record.status}, no longer in force"
        current, _ = self.history(record)
        if record.status == Status.SUPERSEDED and current.deadline:
            note += f" (now due {fmt_due(current.deadline, current.deadline_precision)})"
        return note

    def letter_dates(self, question: str, analysis: Analysis) -> Answer | str:
        """The date of the letter(s) a question designates, citing the date line; an undated letter's
        date is given only when the ledger could infer it, citing the sentence it was inferred from."""
        scope = self.evidence.scope.letters_named(question) or self.evidence.scope.letters_about(analysis)
        if not scope or len(scope) > 3:
            return "Name the letter (its writer, addressee or subject) to get its date."
        parts, citations = [], []
        for source in scope:
            said, citation = self._dated(source, len(citations) + 1)
            parts.append(said)
            citations += [citation] if citation else []
        if not citations:
            return " ".join(p for p in parts if p)
        return Answer(question, " ".join(p for p in parts if p), False, citations)

    def _dated(self, source: str, n: int) -> tuple[str, Citation | None]:
        letter = self.store.letters()[source]
        if letter.date:
            when = letter.date
            m = date_line(letter.text, when)
            if not m:
                return "", None
            return f"The letter “{letter.title}” is dated {fmt_date(when)} [{n}].", self._cite(n, source, m.start(), m.end())
        inferred = next((r for r in self.store.commitments() if r.source == source and r.letter_date_basis == DateBasis.INFERRED), None)
        written = WRITTEN_SAME_DAY.search(letter.text)
        if not (inferred and written):
            return f"The letter “{letter.title}” gives no date.", None
        start = written.start() + len(written.group(0)) - len(written.group(0).lstrip())
        said = (f"The letter “{letter.title}” is undated; it says it was written the same day as the letter it encloses, "
                f"which is dated {fmt_date(inferred.letter_date)} [{n}].")
        return said, self._cite(n, source, start, written.end())

    def _cite(self, n: int, source: str, start: int, end: int) -> Citation:
        return Citation.span(n, self.store.letters()[source], start, end)
