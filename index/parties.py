"""Who writes and who is written to, as letters and their publication pages say it.

A party is a name, a post and an organisation, each optional. Besides the address block and the
signature (index/metadata.py), letters as published carry headers that name both parties:
- "Letter from the Convener to the Deputy First Minister of 6 October 2021" (parliament pages);
- "Ed Humpherson, Director General for Regulation, Office for Statistics Regulation to Philip Rycroft,
  Permanent Secretary, Department for Exiting the European Union (DExEU)." (regulators' pages);
- "From: …", "To: …", "Date: …", "Subject: …" (emails saved as text).
A party's aliases are every way a question may name it: name, surname, post, organisation and the
acronym the organisation's name makes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from index.dates import FULL_DATE, parse_date
from index.model import LetterMetadata
from index.vocabulary import HONORIFIC, HONORIFIC_RUN, initials

# Letters after a name: "Mark Drakeford MS", "Jane Doe CBE".
POST_NOMINALS = ("MP", "MSP", "MS", "AM", "MLA", "CBE", "OBE", "MBE", "KCB", "QC", "KC")
# Words that make a line a post or an organisation rather than a person's name.
POST_WORDS = re.compile(
    r"\b(?:Minister|Secretary|Chair|Chairman|Chairwoman|Convener|Director|Head|Chief|Commissioner|Leader|"
    r"Officer|Statistician|President|Governor|Adviser|Advisor|Deputy|Permanent|General|Principal|"
    r"Manager|Controller|Registrar|Chancellor)\b"
)
ORG_WORDS = re.compile(
    r"\b(?:Council|Authority|Department|Office|Committee|Government|Agency|Board|Trust|Commission|Parliament|"
    r"Ministry|Service|Executive|Assembly|Senedd|Treasury|Unit|Group|Regulation|Partnership)\b"
)
# A word of a person's name: "Smith", "McGill", "MacDonald", "O'Brien", "Ellerd-Elliott".
NAME_WORD = r"(?:Ma?c|O['’]|D['’])?[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*"
PERSON_NAME = re.compile(
    r"^" + HONORIFIC_RUN + NAME_WORD + r"(?:\s+" + NAME_WORD + r"){1,3}(?:\s+(?:" + "|".join(POST_NOMINALS) + r"))*$"
)
LETTER_FROM = re.compile(
    r"^Letter\s+(?:from\s+(?P<sender>.+?)\s+)?to\s+(?P<recipient>.+?)(?:\s+(?:of|dated|on)\s+(?P<date>" + FULL_DATE.pattern + r"))?\s*\.?$",
    re.I,
)
FROM_TO = re.compile(r"^(?P<sender>[A-Z][^.:;]*?,[^:;]*?)\s+to\s+(?P<recipient>[A-Z][^:;]*?,.*?)\.?$")
EMAIL_FIELD = re.compile(r"^(?P<field>From|To|Cc|Date|Sent|Subject)\s*:\s*(?P<value>.+)$", re.I | re.M)


@dataclass(frozen=True)
class Party:
    name: str | None = None
    post: str | None = None
    organisation: str | None = None

    def aliases(self) -> list[str]:
        """The ways a question may name this party, longest first."""
        out = []
        if self.name:
            bare = HONORIFIC.sub("", self.name).strip()
            out += [self.name, bare]
            if len(bare.split()) > 1:
                out.append(re.sub(r"(?:\s+(?:" + "|".join(POST_NOMINALS) + r"))+$", "", bare).split()[-1])
        # Two posts held together ("Deputy First Minister and Cabinet Secretary for COVID Recovery") are each
        # a name of the party: "the DFM".
        # A one-word half ("Chair and Chief Executive") is too common a word to name the party by.
        held = [p for p in re.split(r"\s+and\s+", self.post) if POST_WORDS.search(p) and " " in p] if self.post else []
        for text in (self.post, self.organisation, *(held if len(held) > 1 else [])):
            if text:
                out.append(re.sub(r"\s*\([^)]*\)", "", text))
                out += re.findall(r"\(([A-Za-z]{2,8})\)", text)  # "Department for … (DExEU)"
                short = initials(text)
                if len(short) > 1:
                    out.append(short)
        return sorted(dict.fromkeys(a for a in out if a), key=len, reverse=True)


@dataclass(frozen=True)
class Header:
    sender: Party
    recipient: Party
    date: date | None = None
    subject: str | None = None


def describe(text: str) -> Party:
    """'Ed Humpherson, Director General for Regulation, Office for Statistics Regulation' or
    'the Deputy First Minister and Cabinet Secretary for COVID Recovery' as a party."""
    parts = [p.strip(" .") for p in re.split(r",\s*", text.strip()) if p.strip(" .")]
    name = post = org = None
    for part in parts:
        bare = re.sub(r"^the\s+", "", part, flags=re.I)
        if name is None and post is None and PERSON_NAME.match(bare) and not POST_WORDS.search(bare):
            name = bare
        elif post is None and POST_WORDS.search(bare):
            post = bare
        elif org is None and ORG_WORDS.search(bare):
            org = bare
    if not (name or post or org) and parts:
        post = re.sub(r"^the\s+", "", parts[0], flags=re.I)
    return Party(name, post, org)


def header(head: str) -> Header | None:
    """The parties (and date) a publication page or an email header states, from the text before the salutation."""
    fields = {m.group("field").lower(): m.group("value").strip() for m in EMAIL_FIELD.finditer(head)}
    if "from" in fields and "to" in fields:
        sent = fields.get("date") or fields.get("sent")
        found = FULL_DATE.search(sent or "")
        return Header(_email_party(fields["from"]), _email_party(fields["to"]), parse_date(found.group(0)) if found else None,
                      fields.get("subject"))
    lines = [line.strip() for line in head.split("\n") if line.strip()]
    for i, line in enumerate(lines):
        m = LETTER_FROM.match(line) or FROM_TO.match(line)
        if m and (m.re is LETTER_FROM or _names_a_party(m.group("sender"))):
            date_text = m.groupdict().get("date")
            # A page's title sits between its publisher's name and the header: "Finance and Public Administration
            # Committee / Resource Spending Review / Letter from … to …".
            title = lines[i - 1] if i >= 2 else None
            return Header(describe(m.group("sender") or ""), describe(m.group("recipient")), parse_date(date_text) if date_text else None, title)
    return None


def _names_a_party(text: str) -> bool:
    """Whether a "X, …, to Y, …" line starts with a person, a post or a body, and is no sentence ("However, only 61%
    of assessments in the three months to March …")."""
    first = re.sub(r"^the\s+", "", text.split(",")[0].strip(), flags=re.I)
    return bool(PERSON_NAME.match(first) or POST_WORDS.search(first) or ORG_WORDS.search(first))


def _email_party(value: str) -> Party:
    """'Jane Smith <jane.smith@dept.gov.uk>' → Jane Smith; a bare address stays as it is."""
    name = re.sub(r"\s*<[^>]*>", "", value).strip(' "') or value.strip()
    return describe(name)


def letter_parties(metadata: LetterMetadata) -> tuple[Party, Party]:
    """(sender, recipient) of a letter from its metadata."""
    sender = Party(metadata.sender, metadata.sender_role, metadata.sender_org)
    recipient = Party(metadata.recipient, metadata.recipient_role, metadata.recipient_org)
    return sender, recipient
