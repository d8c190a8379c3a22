"""Who prepared or led a report, to whom it went, who commissioned it and what date it bears: said in plain words
from the lines of its title page (or, for who commissioned it, the sentence of its opening that says so), each
line cited."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.party_asked import LetterParty
from assistant.wording import fmt_date
from index.dates import date_line
from index.model import Letter
from index.report_metadata import FrontLine, Role, front_lines

# The labels of a title page's leader line that are the verb itself: "Chair: X" → "chaired by X".
LEADER_VERBS = {"chair": "chaired by", "chaired by": "chaired by", "chairman": "chaired by", "chairwoman": "chaired by",
                "independent chair": "chaired by", "author": "written by", "authors": "written by", "led by": "led by"}

# The title page's lines that give each party a question can ask of a report.
ROLES_ASKED = {LetterParty.SENDER: [Role.PREPARED_BY, Role.LED_BY], LetterParty.LEADER: [Role.PREPARED_BY, Role.LED_BY],
               LetterParty.RECIPIENT: [Role.REPORT_TO], LetterParty.COMMISSIONER: [Role.COMMISSIONED_BY]}


@dataclass(frozen=True)
class Stated:
    """What to say of a party of a letter or report, with [n] markers, and the spans of its text that say it."""

    said: str
    spans: list[tuple[int, int]]


def report_stated(letter: Letter, party: LetterParty) -> Stated | None:
    """The party asked for as the report states it; None when it does not."""
    described = f"The report “{letter.title}”"
    if party == LetterParty.DATE:
        line = date_line(letter.text, letter.date) if letter.date else None
        return Stated(f"{described} is dated {fmt_date(letter.date)} [1]", [line.span()]) if line else None
    lines = [line for role in ROLES_ASKED.get(party, []) for line in front_lines(letter.text, role)[:2]]
    if not lines:
        return None
    said = " and ".join(f"{_phrase(letter, line)} [{n}]" for n, line in enumerate(lines, start=1))
    return Stated(f"{described} {said}", [(line.start, line.end) for line in lines])


def _phrase(letter: Letter, line: FrontLine) -> str:
    """How the line says it, in the words of its verb: 'was prepared by X', 'was chaired by X', 'was led by X, lead
    reviewer', 'was presented to X', 'is a report to X', 'was commissioned by X'."""
    if line.role == Role.LED_BY:
        label = (line.label or "").lower()
        post = label.split(" of the ")[0]  # "chair of the panel": a chair
        verb = LEADER_VERBS.get(post, "led by")
        return f"was {verb} {line.party}" + (f", {label}" if label and (label != post or post not in LEADER_VERBS) else "")
    if line.role == Role.REPORT_TO:
        head = " ".join(letter.text[line.start:line.end - len(line.party)].split()).lower()
        return f"is a report to {line.party}" if head.endswith("report to") else f"was {head} {line.party}"
    return f"was {line.role.value} {line.party}"
