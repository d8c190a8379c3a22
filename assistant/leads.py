"""The first paragraph of an answer: the asked fact in plain words, with its [n] marker, read from the
cited sentence and its ledger record — a date, a recipient, a person, a law, how often."""

from __future__ import annotations

import re

from assistant.answer import Citation
from assistant.fit import HOW_OFTEN, OWNER_ASKED, answering_dates
from assistant.question import Analysis, QuestionType
from assistant.wording import ACTING, LAW, describe, fmt_date, fmt_due, join_names, name_for_role, resolve_people
from index.deadlines import find_times
from index.layout import SECTION_PATH
from index.ledger_parties import TO_LIST, owner_of_document
from index.ledger_records import UNNAMED_RECIPIENT, UNNAMED_SENDER
from index.model import DateBasis, Kind, Letter, MessageLink, Precision, Status
from index.recurrence import how_often, recurrence_of, recurrence_words

# "the first by", "with the first exercise held by", "first due on": the words before a recurring duty's first date.
FIRST_BEFORE = re.compile(r"\bfirst\b[^.;]*$", re.I)


def lead(qtype: QuestionType, analysis: Analysis, letter: Letter, cite: Citation, record=None) -> str | None:
    """A plain-words answer to one kind of question, or None when the sentence gives no such fact."""
    writer = {
        QuestionType.TO_WHOM: _to_whom, QuestionType.APPOINTMENT: _appointed, QuestionType.LEGAL_BASIS: _law,
        QuestionType.WHO: _who, QuestionType.WHEN: _when,
    }.get(qtype)
    said = writer(analysis, letter, cite.quote, record) if writer else None
    return f"{said[0].upper()}{said[1:]} [{cite.id}]." if said else None


def _to_whom(analysis: Analysis, letter: Letter, text: str, record) -> str | None:
    if record and record.recipients:
        return f"To {join_names(record.recipients)}"
    m = TO_LIST.search(text)
    if not m or re.match(r"(?:the\s+)?following\b", m.group("to").strip(), re.I):
        return None  # "to the following key people:": they are named in the quote, not here
    to = m.group("to").strip()
    owner = owner_of_document(to)  # "respond to the Committee's report": to the Committee; "the consultation": no one
    return None if owner == "" else f"To {resolve_people(owner or to, letter.metadata)}"


def _appointed(analysis: Analysis, letter: Letter, text: str, record) -> str | None:
    if record and record.kind == Kind.APPOINTMENT and record.actor_name:
        return f"{record.actor_name}, as {record.actor}"
    return None


def _law(analysis: Analysis, letter: Letter, text: str, record) -> str | None:
    laws = [m.group(0) for m in LAW.finditer(text)]
    return join_names(laws) if laws else None


def _who(analysis: Analysis, letter: Letter, text: str, record) -> str | None:
    named = name_for_role(analysis.text, text)
    if named:
        return named
    if record and record.actor not in (None, UNNAMED_SENDER, UNNAMED_RECIPIENT) and (ACTING.search(analysis.text) or OWNER_ASKED.search(analysis.text)):
        return record.actor + (f" ({record.actor_name})" if record.actor_name and record.actor_name != record.actor else "")
    return None


def _when(analysis: Analysis, letter: Letter, text: str, record) -> str | None:
    often = how_often(text) if HOW_OFTEN.search(analysis.text) else None
    if often:
        first = (record.deadline if record and record.deadline else _first_due(text, letter)) if recurrence_of(text) else None
        return often + (f", first due {fmt_date(first)}" if first else "")
    # A time the question itself states ("… within 45 working days?") is what it asks about, not its answer.
    asked = analysis.text.lower()
    if record and record.deadline_text and record.deadline_precision != Precision.NONE \
            and record.deadline_text.lower() not in asked:
        exact = fmt_due(record.deadline, record.deadline_precision) if record.deadline else ""
        if exact and record.letter_date_basis == DateBasis.FILE_NAME:  # the letter gives no date: say where the year came from
            exact += f", reading the undated {'report' if letter.is_report else 'letter'} as of its file's date"
        due = record.deadline_text + (f" ({exact})" if exact and exact not in record.deadline_text else "")
        # A duty that recurs is due again after its first deadline: "By 31 October 2025, then every quarter".
        return f"{due}, then {recurrence_words(text).lower()}" if record.recurrence and recurrence_of(text) else due
    found = find_times(text, letter.date)
    deadlines = [d for d in answering_dates(analysis, found, text) if d.stated]
    deadlines = [d for d in deadlines if d.text.lower() not in asked] or deadlines
    if not deadlines:
        return None
    d = _nearest_deadline(deadlines, text, analysis)
    due = fmt_due(d.date, d.precision) if d.date and d.precision in (Precision.DAY, Precision.MONTH) else ""
    return d.text + (f" ({due})" if due and due.removeprefix("the ") not in d.text else "")


def _first_due(text: str, letter: Letter):
    """The day a recurring duty is first due, as its sentence says ("…, the first by 31 January 2026"); None when
    it does not say."""
    return next((d.date for d in find_times(text, letter.reading_date()) if d.date and d.precision != Precision.NONE
                 and FIRST_BEFORE.search(text[max(0, d.start - 60):d.start])), None)


def _nearest_deadline(deadlines, text: str, analysis: Analysis):
    """The deadline closest to the words of the question within the sentence."""
    positions = [m.start() for s in analysis.stems for m in re.finditer(re.escape(s), text, re.I)]
    if not positions:
        return deadlines[0]
    return min(deadlines, key=lambda d: min(abs(d.start - p) for p in positions))


def change_lead(current, earlier: list) -> str:
    """The current state of a changed duty, citing the change [1] and what it replaced [2…]."""
    if current.status == Status.WITHDRAWN:
        return f"This was withdrawn [1] and no longer applies. What was withdrawn: {describe(earlier[0])} [2]." if earlier else "This was withdrawn [1]."
    due = current.deadline_text or "no date given"
    if current.deadline:
        due = fmt_due(current.deadline, current.deadline_precision)
    replaced = "; ".join(
        f"{fmt_due(r.deadline, r.deadline_precision) if r.deadline else r.deadline_text} [{n}]"
        for n, r in enumerate(earlier, start=2)
    )
    text = f"The current deadline is {due} [1]"
    if replaced:
        text += f", which replaced the earlier deadline of {replaced}"
    who = current.actor or ""
    return f"{text}. ({who[:1].upper() + who[1:]}: {current.action}.)" if who else text + "."


def introduce(letter: Letter, lead_in: str | None, section: str | None = None, verb: str = "says:") -> str:
    """'The letter of 27 March 2014 from X to Y, under “I ask you to:”, says: ', or 'The report “…” of 14 March 2025,
    in “5. Recommendations”, says: ' (or another `verb`: 'has the row')."""
    meta = letter.metadata
    described = "The report" if letter.is_report else "The email" if letter.is_email else "The letter"
    if letter.is_report or not (meta.sender or meta.recipient):
        described += f" “{letter.title}”"
    if letter.date:
        described += f" of {fmt_date(letter.date)}"
    if meta.sender:
        described += f" from {meta.sender}"
    if meta.recipient:
        described += f" to {meta.recipient}"
    if meta.attached_to:
        described += f", attached to {message_described(meta.attached_to)}"
    if lead_in:
        return f"{described}, under “{lead_in}”, {verb} "
    if section:  # each heading quoted as the source has it; the path between them is ours
        return f"{described}, in “{'” › “'.join(section.split(SECTION_PATH))}”, {verb} "
    return f"{described}, {verb} " if meta.attached_to else f"{described} {verb} "


def message_described(link: MessageLink) -> str:
    """'the email of 4 March 2025 from Jane Smith'."""
    sent = f" of {fmt_date(link.sent)}" if link.sent else ""
    return f"the email{sent} from {link.sender}" if link.sender else f"the email{sent}"


def row_words(letter: Letter, start: int) -> str | None:
    """A table row as its header names its cells: 'Ref “A7”, Owner “Youth Justice Board”, Due date “31 October
    2025”' (every quoted cell the source's own words); None when `start` begins no row under a header."""
    named = letter.layout.named_cells(letter.text, start)
    if named is None:
        return None
    return ", ".join(f"{' '.join(name.split())} “{' '.join(cell.split())}”" for name, cell in named[1] if cell)
