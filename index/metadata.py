"""Letter metadata read from the canonical text: date, sender, recipient, people copied in, title.

A field the letter does not give is None; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from index.dates import FULL_DATE, parse_date

SIGN_OFF = re.compile(r"^(?:yours (?:sincerely|faithfully|truly|ever)|(?:with )?(?:best|kind) (?:wishes|regards)|regards)\b", re.I | re.M)
SALUTATION = re.compile(r"^Dear\s+(?P<name>[^,\n]{1,80}),?\s*$", re.M)
SUBJECT = re.compile(r"^(?:re|subject|ref)\s*:\s*(?P<subject>.{3,150})$", re.I | re.M)
HEADING = re.compile(r"^#{1,3}\s+(?P<heading>.{3,150})$", re.M)
CC_LINE = re.compile(r"^(?:cc|copy to|copies to)\s*:?\s*(?P<names>.+)$", re.I | re.M)
CC_SENTENCE = re.compile(r"\bI am (?:also )?copying this letter to (?P<names>[^.]+)\.", re.I)
# A line that can be a person's name: a few capitalised words, optionally with honours after.
NAME_LINE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,5}[A-Z][\w.'’-]*$")


@dataclass(frozen=True)
class LetterMetadata:
    title: str
    date: str | None = None  # ISO date
    sender: str | None = None
    sender_role: str | None = None
    recipient: str | None = None
    recipient_role: str | None = None
    recipient_org: str | None = None  # the body the recipient writes for, from the address block
    salutation: str | None = None
    cc: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n")]


def letter_date(text: str) -> str | None:
    """The date standing alone on a line near the top (before the salutation), as ISO."""
    head = text[: SALUTATION.search(text).start()] if SALUTATION.search(text) else text[:1500]
    for line in _lines(head):
        m = FULL_DATE.fullmatch(line.strip(" ."))
        if m:
            parsed = parse_date(m.group(0))
            if parsed:
                return parsed.isoformat()
    return None


def signature(text: str) -> tuple[str | None, str | None]:
    """Sender and role from the lines after the sign-off ('Yours sincerely,')."""
    sign_offs = list(SIGN_OFF.finditer(text))
    if not sign_offs:
        return None, None
    after = [line for line in _lines(text[sign_offs[-1].end() :]) if line][:6]
    names = [(i, line) for i, line in enumerate(after) if NAME_LINE.match(line) and len(line.split()) >= 2]
    if not names:
        return None, None
    i, name = names[0]
    role = after[i + 1] if i + 1 < len(after) else None
    return name, role


_BODY = r"(?P<org>(?:the\s+)?[A-Z][\w'’&. -]*?\b(?:Council|Authority|Trust|Board|Department|Agency|Commission|Partnership|Academy|School|College|Ofsted))\b"
# "Leader of Birmingham City Council" names the body after "of"; an address line names it whole.
ORG_AFTER_OF = re.compile(rf"\bof\s+{_BODY}")
ORG = re.compile(rf"(?:^|,\s*){_BODY}")


HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Professor|Prof|Sir|Dame|Lord|Lady|Baroness|Councillor|Cllr|The Rt Hon|Rt Hon)\b\.?\s")


def organisation(lines: list[str]) -> str | None:
    """The body named in an address block or a role ('Leader of Birmingham City Council')."""
    for pattern in (ORG_AFTER_OF, ORG):
        for line in lines:
            m = pattern.search(line)
            if m:
                return m.group("org").strip()
    return None


def addressee(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Recipient, role, organisation and salutation name from the address block before 'Dear …'."""
    salutation = SALUTATION.search(text)
    if not salutation:
        return None, None, None, None
    blocks = [b for b in re.split(r"\n\s*\n", text[: salutation.start()]) if b.strip()]
    address = None
    for block in reversed(blocks):
        lines = _lines(block)
        if len(lines) >= 2 and not FULL_DATE.fullmatch(lines[0].strip(" .")):
            address = lines
            break
    name = salutation.group("name").strip()
    if address:
        # A letterhead can run into the address ("Ofsted / Ms Priya Shah / Director …"): start at the person.
        titled = next((i for i, line in enumerate(address[:4]) if HONORIFIC.match(line)), 0)
        address = address[titled:]
    if address and len(address) >= 2:
        return address[0], address[1], organisation(address[1:4]), name
    return name, None, None, name


def copied_to(text: str) -> list[str]:
    m = CC_LINE.search(text) or CC_SENTENCE.search(text)
    if not m:
        return []
    names = m.group("names")
    if ":" in names:
        names = names.split(":", 1)[1]
    elif re.match(r"the following\b", names, re.I) and "," in names:
        names = names.split(",", 1)[1]
    parts = re.split(r",\s*|\s+and\s+|;\s*", names)
    return [p.strip(" .") for p in parts if p.strip() and p.strip()[0].isupper()]


def subject_line(text: str) -> str | None:
    """A heading standing alone right after the salutation, as UK letters often have."""
    m = SALUTATION.search(text)
    if not m:
        return None
    rest = text[m.end() :].lstrip("\n")
    line = rest.split("\n", 1)[0].strip()
    if 3 <= len(line) <= 120 and not re.search(r"[.!?,;]$", line) and "\n\n" in rest[: len(line) + 3]:
        return line
    return None


def title_for(text: str, path: Path, meta: dict) -> str:
    for pattern, group in ((HEADING, "heading"), (SUBJECT, "subject")):
        m = pattern.search(text[:3000])
        if m:
            return m.group(group).strip()
    subject = subject_line(text)
    if subject:
        return subject
    sender, recipient = meta.get("sender"), meta.get("recipient")
    if sender or recipient:
        parts = ["Letter"]
        if sender:
            parts.append(f"from {sender}")
        if recipient:
            parts.append(f"to {recipient}")
        return " ".join(parts)
    first = text.strip().split("\n", 1)[0].strip()
    if 2 <= len(first.split()) <= 16 and len(first) <= 120 and not re.search(r"[.,;:!?]$", first) \
            and not FULL_DATE.fullmatch(first):
        return first  # a report's own heading
    return re.sub(r"[_\s]+", " ", path.stem).strip().capitalize()


def extract_metadata(text: str, path: Path) -> LetterMetadata:
    sender, sender_role = signature(text)
    recipient, recipient_role, recipient_org, salutation = addressee(text)
    fields = {
        "date": letter_date(text),
        "sender": sender,
        "sender_role": sender_role,
        "recipient": recipient,
        "recipient_role": recipient_role,
        "recipient_org": recipient_org,
        "salutation": salutation,
        "cc": copied_to(text),
    }
    return LetterMetadata(title=title_for(text, path, fields), **fields)
