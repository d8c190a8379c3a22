"""What a report's title page says of it: who prepared it, for whom, who commissioned it, who led it.

A letter says who wrote it in its signature and to whom in its address; a report says so in lines of its title
page ("Prepared by …", "Report to …", "Commissioned by …", "Chair: …"). These lines are statements, so the
segmenter reads them as sentences, and the metadata takes its parties from them. Who commissioned a review is as
often said in its opening paragraphs ("The Council commissioned this review in June 2025").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

# How far into a report its title page and front matter reach; and its opening paragraphs (summary, foreword).
FRONT = 2500
OPENING = 8000
# A party runs to its line's end, or to the end of its sentence when more follows on the line (a title's "Dr." and
# the like end none).
BY = r"(?P<party>[A-Z][^\n]{2,150}?)(?:(?<!Dr)(?<!Prof)(?<!Mr)(?<!Mrs)(?<!Ms)(?<!St)\.(?=\s)|\.?\s*$)"
# Where a statement starts: at a line's start, or run on after another on the same line, as when a title page's lines
# are read as one ("… in February 2015 Report to Wyvernham Borough Council"), its first word capitalised.
START = r"(?:^|(?<=\S )(?=(?-i:[A-Z][a-z]+) (?:to|by|for|before)\b))"
PREPARED_BY = re.compile(rf"{START}(?:(?:A |The )?(?:report|review)\s+)?(?:prepared|written|produced|published|carried out|"
                         rf"conducted|undertaken|compiled)\s+by\s+(?:the\s+)?{BY}", re.I | re.M)
REPORT_TO = re.compile(rf"{START}(?:(?:A |The )?report\s+to|presented\s+to|submitted\s+to|prepared\s+for|laid\s+before|"
                       rf"addressed\s+to)\s+{BY}", re.I | re.M)
COMMISSIONED_BY = re.compile(rf"{START}(?:(?:This|The|A)\s+(?:review|report|inquiry)\s+(?:was\s+)?)?commissioned\s+by\s+{BY}",
                             re.I | re.M)
# "Chair: …", "Chair of the Panel: …" (the body the post is of, then a colon).
LED_BY = re.compile(rf"^(?P<label>(?:chair|chaired by|lead reviewer|reviewer|author|authors|led by|chairman|chairwoman|"
                    rf"independent chair)(?:\s+of\s+the\s+[\w ]{{2,40}}?(?=:))?)\s*[:,-]?\s+{BY}", re.I | re.M)
# Any of them: a title page's line that states something, which the segmenter reads as a sentence.
NAMED_GROUP = re.compile(r"\?P<\w+>")
STATEMENT = re.compile("|".join("(?:" + NAMED_GROUP.sub("", p.pattern) + ")"
                                for p in (PREPARED_BY, REPORT_TO, COMMISSIONED_BY, LED_BY)), re.I | re.M)
# The opening paragraphs' way of saying it: "Harrowfield Borough Council commissioned this review in June 2025",
# "The Secretary of State asked me to lead this review", "This review was commissioned by the Minister".
_REVIEW = r"(?:this|the|our) (?:independent )?(?:review|report|inquiry|study|evaluation|audit|investigation)\b"
COMMISSIONED_IN_TEXT = re.compile(
    rf"(?:^|(?<=[.:]\s)|(?<=\n))(?:\d+(?:\.\d+)*\.?\s+)?(?P<party>(?-i:[A-Z])[^.\n]{{2,120}}?)\s+(?:"
    rf"commissioned {_REVIEW}|asked (?:us|me|the (?:panel|reviewers?|review team|committee|inquiry))\b(?: in \w+ \d{{4}})? "
    rf"to (?:carry out|conduct|undertake|lead|look|review|examine|investigate|consider|establish|assess))"
    rf"|(?P<passive>{_REVIEW} was commissioned by (?P<by>[^.\n;]{{3,150}}?))(?=\s+in\s+\w+\s+\d{{4}}|[.,;]|$)",
    re.I | re.M)
# A new sentence run on after a party's name on the same line, as when a title page's lines are read as one
# paragraph: "Presented to the Lord Chancellor and Secretary of State for Justice This report was prepared …".
RUN_ON = re.compile(r"\s+(?=(?:This|These|The|It|Its|Our|We|In|Any)\s+[a-z]|"
                    r"(?:Report|Presented|Submitted|Prepared|Commissioned|Published|Chaired|Led|Laid) (?:to|by|for|before)\b)")

# When it was said, after the party: "… by the Minister for Children in March 2024".
WHEN_SAID = re.compile(r"\s+(?:in|on|during)\s+(?:\w+\s+){0,2}\d{4}$")

# A party cut short at its line's end, and the next line that completes it.
JOINING_END = re.compile(r"\b(?:and|of|for|the|&)$")
CUT_SHORT = re.compile(r",?\s*\n+(?P<rest>(?-i:[A-Z])[^\n.]{2,60}?)\s*$", re.M)


class Role(str, Enum):
    PREPARED_BY = "prepared by"
    LED_BY = "led by"
    REPORT_TO = "addressed to"
    COMMISSIONED_BY = "commissioned by"


TITLE_PAGE = {Role.PREPARED_BY: PREPARED_BY, Role.LED_BY: LED_BY, Role.REPORT_TO: REPORT_TO,
              Role.COMMISSIONED_BY: COMMISSIONED_BY}


@dataclass(frozen=True)
class FrontLine:
    """A party of the report as one of its lines states it; text[start:end] is the statement, up to the party."""

    role: Role
    party: str
    start: int
    end: int
    label: str | None = None  # of a leader: the post the line gives ("Chair", "Lead reviewer")


@dataclass(frozen=True)
class ReportParties:
    prepared_by: str | None = None
    led_by: str | None = None
    report_to: str | None = None
    commissioned_by: str | None = None


def _line(role: Role, m: re.Match[str], group: str = "party", whole: bool = False) -> FrontLine:
    """The party of match `m`, stated from its start up to the party's end — or to the match's end when the party
    is the subject of the words that state its role (`whole`). A party cut by its line's end after a comma or a
    joining word goes on in the next line ("the Secretary of State for Environment," / "Food and Rural Affairs")."""
    party = WHEN_SAID.sub("", RUN_ON.split(m.group(group).strip(), maxsplit=1)[0]).rstrip(" .;")
    end = m.end() if whole else m.start(group) + len(party)
    more = CUT_SHORT.match(m.string, end) if party.endswith(",") or JOINING_END.search(party) else None
    if more:
        party, end = f"{party} {more.group('rest')}", more.end("rest")
    return FrontLine(role, party.rstrip(" ,"), m.start(), end, m.groupdict().get("label"))


def front_lines(text: str, role: Role) -> list[FrontLine]:
    """The lines of the title page that state a party in this role, in order; else, for who commissioned it, the
    sentence of the opening paragraphs that does; none when neither does."""
    found = [_line(role, m) for m in TITLE_PAGE[role].finditer(text[:FRONT])]
    if found or role != Role.COMMISSIONED_BY:
        return found
    said = COMMISSIONED_IN_TEXT.search(text[:OPENING])
    if said is None:
        return []
    return [_line(role, said, "by") if said.group("passive") else _line(role, said, whole=True)]


def front_line(text: str, role: Role) -> FrontLine | None:
    """The first line (or sentence) that states a party in this role; None when none does."""
    return next(iter(front_lines(text, role)), None)


def report_parties(text: str) -> ReportParties:
    """The parties a report's front matter names; None for each it does not."""
    def party(role: Role) -> str | None:
        line = front_line(text, role)
        return line.party if line else None

    return ReportParties(party(Role.PREPARED_BY), party(Role.LED_BY), party(Role.REPORT_TO),
                         party(Role.COMMISSIONED_BY))
