"""Letter metadata read from the canonical text: date, sender, recipient, people copied in, title.

A field the letter does not give is None; nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from index.dates import FULL_DATE, MONTH_YEAR, parse_date
from index.email_message import MessageHeaders
from index.model import LetterMetadata, MessageLink
from index.parties import LETTER_FROM, ORG_WORDS, PERSON_NAME, POST_WORDS, Party, describe, header
from index.report_metadata import OPENING, report_parties
from index.vocabulary import HONORIFIC

SIGN_OFF = re.compile(r"^(?:yours (?:sincerely|faithfully|truly|ever)|(?:with )?(?:best|kind) (?:wishes|regards)|regards)\b", re.I | re.M)
SALUTATION = re.compile(r"^Dear\s+(?P<name>[^,\n]{1,80}),?\s*$", re.M)
SUBJECT = re.compile(r"^(?:re|subject|ref)\s*:\s*(?P<subject>.{3,150})$", re.I | re.M)
HEADING = re.compile(r"^#{1,3}\s+(?P<heading>.{3,150})$", re.M)
CC_LINE = re.compile(r"^(?:cc|copy to|copies to)\s*:?\s*(?P<names>.+)$", re.I | re.M)
CC_SENTENCE = re.compile(r"\bI am (?:also )?copying this letter to (?P<names>[^.]+)\.", re.I)
# "and" before another party: "the Chancellor and to the Chair …", "Peter Hay and Jane Held – …", not the "and"
# inside a body's name.
CC_AND = re.compile(r"\s+and\s+(?:to\s+)?(?=the\b|[A-Z][a-z'’-]+\s+[A-Z][\w'’-]+\s*(?:[–-]|$))")
# A title page's date line that gives only the month: "July 2015".
MONTH_YEAR_LINE = re.compile(MONTH_YEAR, re.I)
# A line that can be a person's name: a few capitalised words, optionally with honours after.
NAME_LINE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,5}[A-Z][\w.'’-]*$")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n")]


def letter_date(text: str) -> date | None:
    """The date standing alone on a line near the top (before the salutation), or after "Date:"; for a report
    whose title page gives only its month ("July 2015"), the first full date in its opening pages in that month —
    the day its foreword or summary was signed."""
    head = text[: SALUTATION.search(text).start()] if SALUTATION.search(text) else text[:1500]
    month = None
    for line in _lines(head):
        bare = re.sub(r"^(?:date|dated|published)\s*:?\s*", "", line.strip(" ."), flags=re.I)
        m = FULL_DATE.fullmatch(bare)
        parsed = parse_date(m.group(0)) if m else None
        if parsed:
            return parsed
        month = month or (parse_date(f"1 {bare}") if MONTH_YEAR_LINE.fullmatch(bare) else None)
    if month is None:
        return None
    days = (parse_date(m.group(0)) for m in FULL_DATE.finditer(text[:OPENING]))
    return next((d for d in days if d and (d.year, d.month) == (month.year, month.month)), None)


def signature(text: str) -> tuple[str | None, str | None, str | None]:
    """Sender, role and organisation from the lines after the sign-off ('Yours sincerely,'), or, in a
    letter signed without one, from a closing block that starts with a name ('John Swinney')."""
    sign_offs = list(SIGN_OFF.finditer(text))
    if sign_offs:
        after = [line for line in _lines(text[sign_offs[-1].end() :]) if line][:6]
    else:
        blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
        after = _lines(blocks[-1])[:4] if blocks and PERSON_NAME.match(_lines(blocks[-1])[0]) else []
    names = [(i, line) for i, line in enumerate(after) if NAME_LINE.match(line) and len(line.split()) >= 2]
    if not names:
        return None, None, None
    i, name = names[0]
    role = after[i + 1] if i + 1 < len(after) else None
    org = after[i + 2] if i + 2 < len(after) and ORG_WORDS.search(after[i + 2]) else None
    return name, role, org


_BODY = r"(?P<org>(?:the\s+)?[A-Z][\w'’&. -]*?\b(?:Council|Authority|Trust|Board|Department|Agency|Commission|Partnership|Academy|School|College|Ofsted))\b"
# "Leader of Birmingham City Council" names the body after "of"; an address line names it whole.
ORG_AFTER_OF = re.compile(rf"\bof\s+{_BODY}")
ORG = re.compile(rf"(?:^|,\s*){_BODY}")



def organisation(lines: list[str]) -> str | None:
    """The body named in an address block or a role ('Leader of Birmingham City Council')."""
    for pattern in (ORG_AFTER_OF, ORG):
        for line in lines:
            m = pattern.search(line)
            if m:
                return m.group("org").strip()
    return None


LETTERHEAD = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|\b0\d{3}\s?\d{3}\s?\d{4}\b")  # a postcode or a phone number


def _address_blocks(blocks: list[list[str]]) -> list[list[str]]:
    """Blocks, with an address written one line per paragraph ("Nick Ramsay AM / Chair, Public Accounts
    Committee / National Assembly for Wales") joined into one block, from the name up to four lines."""
    out: list[list[str]] = []
    open_address = False
    for block in blocks:
        if any(LETTER_FROM.match(line) for line in block):  # a publication's header, not an address
            open_address = False
            continue
        if open_address and len(block) == 1 and not FULL_DATE.fullmatch(block[0].strip(" .")) and len(out[-1]) < 4:
            out[-1] = out[-1] + block
            continue
        out.append(list(block))
        open_address = len(block) == 1 and bool(PERSON_NAME.match(block[0]))
    return out


def addressee(text: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Recipient, role, organisation and salutation name from the address block before 'Dear …': the
    block opening with the name the salutation greets, else the last block opening with a person's name
    (a sender's letterhead comes first), else the last block of several lines that is no letterhead."""
    salutation = SALUTATION.search(text)
    if not salutation:
        return None, None, None, None
    blocks = _address_blocks([_lines(b) for b in re.split(r"\n\s*\n", text[: salutation.start()]) if b.strip()])
    name = salutation.group("name").strip()
    named = [b for b in blocks if len(b) >= 2 and PERSON_NAME.match(b[0])]
    greeted = [b for b in named if set(name.split()) & set(b[0].split()) - {"Mr", "Mrs", "Ms", "Dr", "Sir", "Lord"}]
    others = [b for b in blocks if len(b) >= 2 and not FULL_DATE.fullmatch(b[0].strip(" .")) and not LETTERHEAD.search(" ".join(b))]
    address = (greeted or named or others or [None])[-1]
    if address:
        # A letterhead can run into the address ("Ofsted / Ms Priya Shah / Director …"): start at the person.
        titled = next((i for i, line in enumerate(address[:4]) if HONORIFIC.match(line)), 0)
        address = address[titled:]
    if address and len(address) >= 2:
        return address[0], address[1], organisation(address[1:4]), name
    return name, None, None, name


def copy_list(text: str) -> re.Match | None:
    """Where a letter says whom it is copied to: a "cc: …" line, else "I am copying this letter to …"."""
    return CC_LINE.search(text) or CC_SENTENCE.search(text)


def copied_to(text: str) -> list[str]:
    """The people and bodies a letter is copied to, each with the post written after its name."""
    m = copy_list(text)
    if not m:
        return []
    names = m.group("names")
    if ":" in names:
        names = names.split(":", 1)[1]
    elif re.match(r"the following\b", names, re.I) and "," in names:
        names = names.split(",", 1)[1]
    return cc_parties(names)


def cc_parties(names: str) -> list[str]:
    """A list of people copied in, divided at commas, semicolons and an "and" before another party (not the
    "and" inside a body's name: "the Public Administration and Constitutional Affairs Committee"); a post
    written after a name stays with it ("Steve Ellerd-Elliott, Chief Statistician for …")."""
    parties: list[str] = []
    for piece in re.split(r"\s*[,;]\s*", names):
        piece = re.sub(r"^(?:and\s+)?(?:to\s+)?", "", piece.strip(" ."))
        if not piece:
            continue
        if parties and POST_WORDS.match(piece) and not re.match(r"the\b", parties[-1]) and not POST_WORDS.search(parties[-1]):
            parties[-1] += ", " + piece
        else:
            parties += CC_AND.split(piece)
    return parties


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
    lines = [line.strip() for line in text.strip().split("\n")[:4] if line.strip()][:2]
    if len(lines) == 2 and _body_only(lines[0]) and _title_like(lines[1]):
        return lines[1]  # a title page naming its body first: "Harrowfield Borough Council" / "Independent review …"
    if _title_like(lines[0]):
        return lines[0]  # a report's own heading
    return re.sub(r"[_\s]+", " ", path.stem).strip().capitalize()


def _title_like(line: str) -> bool:
    return 2 <= len(line.split()) <= 16 and len(line) <= 120 and not re.search(r"[.,;:!?]$", line) \
        and not FULL_DATE.fullmatch(line)


def _body_only(line: str) -> bool:
    """A line that is only a body's name: "Harrowfield Borough Council", "Department for Education"."""
    return len(line.split()) <= 6 and bool(ORG_WORDS.search(line)) and all(
        w[:1].isupper() or w in ("for", "of", "and", "the", "&") for w in line.split())


def extract_metadata(text: str, path: Path) -> LetterMetadata:
    sender, sender_role, sender_org = signature(text)
    recipient, recipient_role, recipient_org, salutation = addressee(text)
    salute = SALUTATION.search(text)
    stated = header(text[: salute.start()] if salute else text[:1500])
    if stated:
        sender = sender or stated.sender.name
        sender_role = sender_role or stated.sender.post
        sender_org = sender_org or stated.sender.organisation
        if not recipient or recipient == salutation:  # a first name or a post from "Dear …"
            recipient = stated.recipient.name or recipient or stated.recipient.post
        recipient_role = recipient_role or stated.recipient.post
        recipient_org = recipient_org or stated.recipient.organisation
    fields = {
        "date": letter_date(text) or (stated.date if stated else None),
        "sender": sender,
        "sender_role": sender_role,
        "sender_org": sender_org,
        "recipient": recipient,
        "recipient_role": recipient_role,
        "recipient_org": recipient_org,
        "salutation": salutation,
        "cc": copied_to(text),
    }
    # A title from the text itself; a report's parties below would make it "Letter from …".
    title = stated.subject if stated and stated.subject else title_for(text, path, fields)
    if not salute:  # a report: its title page says who prepared it, for whom, at whose request
        report = report_parties(text)
        fields["sender"] = fields["sender"] or report.led_by or report.prepared_by
        fields["sender_org"] = fields["sender_org"] or report.prepared_by
        fields["recipient"] = fields["recipient"] or report.report_to
        fields["commissioned_by"] = report.commissioned_by
    return LetterMetadata(title=title, **fields)


def message_metadata(meta: LetterMetadata, headers: MessageHeaders) -> LetterMetadata:
    """An email's metadata: what its text says, with what its headers state exactly put first — to whom it went
    (its headers are no address block), the day it was sent (in the sender's time zone), its subject, and the
    people copied in by name rather than address."""
    to = describe(headers.to[0].shown) if headers.to else Party()
    sender = describe(headers.sender.shown) if headers.sender else Party()
    return replace(
        meta,
        title=headers.subject or meta.title,
        date=headers.sent.date() if headers.sent else meta.date,
        sender=meta.sender or sender.name or sender.post,
        sender_role=meta.sender_role or sender.post,
        sender_org=meta.sender_org or sender.organisation,
        recipient=to.name or to.post,
        recipient_role=to.post,
        recipient_org=to.organisation,
        cc=[mailbox.shown for mailbox in headers.cc] or meta.cc,
    )


def message_link(source: str, headers: MessageHeaders | None) -> MessageLink:
    """How a file attached to the email at `source` names it: when it was sent and by whom."""
    sender = headers.sender.shown if headers and headers.sender else None
    return MessageLink(source, headers.sent.date() if headers and headers.sent else None, sender)
