"""Plain words for answers: dates as officials write them, ledger records as sentences, names for posts."""

from __future__ import annotations

import re
from datetime import date

from index.calendar_days import month_end
from index.model import LetterMetadata, Precision


def fmt_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def fmt_due(value: date, precision: Precision) -> str:
    """A resolved deadline as precisely as the letter gave it: "in February" resolves to the last day of
    February, which is a bound, not a day the letter named — so it reads "the end of February 2022"."""
    if precision == Precision.YEAR and (value.month, value.day) == (12, 31):
        return f"the end of {value.year}"
    if precision == Precision.MONTH and value == month_end(value.year, value.month):
        return f"the end of {value:%B %Y}"
    return fmt_date(value)


LAW = re.compile(
    r"\b(?:(?:section|sections|regulation|regulations|paragraph|schedule)\s+[\w().]+(?:\s*(?:,|and|or)\s*[\w().]+)*\s+of\s+)?"
    r"the\s+(?:[A-Z][\w'’]*\s+)+(?:Act|Regulations|Order)\s+\d{4}"
)
NAME = r"(?:(?:Lord|Lady|Dame|Sir|Professor|Dr|Mr|Mrs|Ms|Miss|Councillor|Cllr)\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2}"
WHO_IS = re.compile(r"^\s*(?i:who)\s+(?i:is|was|will be|are|were)\s+(?:(?i:the)\s+)?(?P<role>[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*)")
# "Who must…", "who is responsible…": the actor of a duty is wanted.
ACTING = re.compile(r"\b(?:must|should|shall|has to|have to|needs? to|is to|are to|will|responsible|required|expected|asked)\b", re.I)


def name_for_role(question: str, text: str) -> str | None:
    """'Who is the Chief Executive…?' answered from 'your Chief Executive Mark Rogers' or 'Mark Rogers – Chief Executive'."""
    m = WHO_IS.match(question)
    if not m:
        return None
    role = re.escape(m.group("role"))
    # Most specific first: in "Mark Rogers – Chief Executive, Peter Hay – Director" the name before the
    # dash is the post-holder, not the one after the comma.
    for pattern in (rf"(?P<name>{NAME})\s*[–—-]\s*(?:the\s+)?{role}\b", rf"\b{role}\s+(?P<name>{NAME})",
                    rf"(?P<name>{NAME})\s+as\s+(?:the\s+|a\s+|an\s+)?(?:new\s+|interim\s+)?{role}\b",
                    rf"\b{role},\s+(?P<name>{NAME})"):
        found = re.search(pattern, text)
        if found:
            return found.group("name")
    return None


def describe(r) -> str:
    """One ledger record in plain words: who, what, to whom, by when."""
    who = r.actor or "No one named"
    if r.actor_name and r.actor_name != r.actor:
        who += f" ({r.actor_name})"
    text = f"{who[0].upper()}{who[1:]}: {r.action}"
    if r.recipients and not any(x in r.action for x in r.recipients):
        text += f" (to {join_names(r.recipients)})"
    if r.deadline_text and r.deadline_text not in r.action and not (
            r.deadline and r.deadline_text == fmt_due(r.deadline, r.deadline_precision)):
        text += f", {r.deadline_text}"
    if r.deadline:
        text += f" (due {fmt_due(r.deadline, r.deadline_precision)})"
    return text


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def resolve_people(phrase: str, metadata: LetterMetadata) -> str:
    """'your Council, your Chief Executive Mark Rogers and me' with me/you named from the letter."""
    sender, recipient = metadata.sender, metadata.recipient
    if sender:
        phrase = re.sub(r"\b(me|us)\b", f"\\1 ({sender})", phrase)
    if recipient:
        phrase = re.sub(r"\byou\b(?!r)", f"you ({recipient})", phrase)
    return phrase
