"""An email message (`.eml`, RFC 5322 / MIME) read with the standard library: its headers, its body and its
attachments, each attachment kept as bytes for the loader to read as a document of its own.

An attachment is named by its message's source and its file name ("inbox/plan.eml#review.pdf"), so that its
citations say which message it came with, and removing or changing the message removes or changes it too.
"""

from __future__ import annotations

import email
import email.policy
import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage

EMAIL_SUFFIXES = {".eml"}
# Between a message's source and the name of a file attached to it.
ATTACHED = "#"
ATTACHMENT_OF = re.compile("|".join(rf"{re.escape(suffix)}(?={ATTACHED})" for suffix in EMAIL_SUFFIXES), re.I)
# The headers a message is shown with, in the order a mail program shows them.
SHOWN = ("From", "To", "Cc", "Date", "Subject")


class MessageError(ValueError):
    """Content that is not an email message at all (the loader names the file)."""


@dataclass(frozen=True)
class Mailbox:
    name: str | None
    address: str

    @property
    def shown(self) -> str:
        """How a person reads the mailbox: their name, else the address."""
        return self.name or self.address


@dataclass(frozen=True)
class MessageHeaders:
    sender: Mailbox | None
    to: tuple[Mailbox, ...]
    cc: tuple[Mailbox, ...]
    sent: datetime | None
    subject: str | None


@dataclass(frozen=True)
class RawAttachment:
    name: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Message:
    headers: MessageHeaders
    shown_headers: tuple[str, ...]  # the headers as a mail program shows them, one a line ("From: Jane Smith <…>")
    body: str
    body_is_html: bool
    attachments: tuple[RawAttachment, ...]
    defects: tuple[str, ...]  # what is malformed in it, for the person indexing it


def attachment_source(message_source: str, name: str) -> str:
    return f"{message_source}{ATTACHED}{name}"


def message_of(source: str) -> str | None:
    """The message an attachment's source names, or None for a source that is a file of its own."""
    m = ATTACHMENT_OF.search(source)
    return source[: m.end()] if m else None


def is_email(source: str) -> bool:
    return any(source.lower().endswith(suffix) for suffix in EMAIL_SUFFIXES)


def container(source: str) -> str:
    """The file a source is read from: its message's for an attachment, else its own."""
    return message_of(source) or source


def read_message(data: bytes) -> Message:
    """The message `data` holds; MessageError when it holds none (no header a message has)."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage) or not any(msg.get(h) for h in SHOWN):
        raise MessageError("not an email message (it has no From, To, Date or Subject header)")
    defects = [_defect(d) for d in msg.defects]
    body_part = msg.get_body(preferencelist=("plain", "html"))
    body, is_html = _body(body_part, defects) if body_part is not None else ("", False)
    attachments = []
    for n, part in enumerate(_attached(msg, body_part), start=1):
        defects += [f"attachment {n}: {_defect(d)}" for d in part.defects]
        attachments.append(_attachment(part, n))
    return Message(_headers(msg), _shown(msg), body, is_html, tuple(_unique(attachments)), tuple(defects))


def _defect(defect: Exception) -> str:
    return (defect.__doc__ or type(defect).__name__).strip().rstrip(".")


def _headers(msg: EmailMessage) -> MessageHeaders:
    return MessageHeaders(sender=next(iter(_mailboxes(msg, "From")), None), to=_mailboxes(msg, "To"),
                          cc=_mailboxes(msg, "Cc"), sent=_sent(msg),
                          subject=" ".join(str(msg.get("Subject") or "").split()) or None)


def _mailboxes(msg: EmailMessage, name: str) -> tuple[Mailbox, ...]:
    header = msg.get(name)
    addresses: tuple[Address, ...] = getattr(header, "addresses", ()) if header is not None else ()
    return tuple(Mailbox(a.display_name or None, a.addr_spec) for a in addresses)


def _sent(msg: EmailMessage) -> datetime | None:
    header = msg.get("Date")
    return getattr(header, "datetime", None) if header is not None else None  # None: a Date no parser can read


def _shown(msg: EmailMessage) -> tuple[str, ...]:
    """The headers as the message has them (the policy would rewrite a date: "6 May 2025 09:15 +0100 (BST)" as
    "Tue, 06 May 2025 09:15:00 +0100"), encoded words ("=?utf-8?q?…?=") decoded, folded lines unfolded."""
    raw = {}
    for name, value in msg.raw_items():
        raw.setdefault(name.lower(), value)
    lines = []
    for name in SHOWN:
        value = raw.get(name.lower())
        if value:
            try:
                value = str(make_header(decode_header(value)))
            except (LookupError, UnicodeError, HeaderParseError):  # an unknown charset: the words as they stand
                pass
            lines.append(f"{name}: {' '.join(value.split())}")
    return tuple(lines)


def _body(part: EmailMessage, defects: list[str]) -> tuple[str, bool]:
    """The body's text (an HTML body converted by the loader): in its declared character set, else UTF-8, else
    Windows-1252 (what an undeclared "£" or "é" most often is), the fallback noted."""
    data = part.get_payload(decode=True) or b""
    declared = part.get_content_charset()
    for charset in dict.fromkeys(c for c in (declared, "utf-8", "cp1252") if c):
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeError):
            continue
        if charset != (declared or "utf-8"):
            said = f"is not in its declared character set '{declared}'" if declared else "declares no character set"
            defects.append(f"the body {said}: read as {charset}")
        return text.replace("\r\n", "\n"), part.get_content_type() == "text/html"
    defects.append("the body's character set could not be read: damaged characters replaced")
    return data.decode("utf-8", "replace").replace("\r\n", "\n"), part.get_content_type() == "text/html"


def _attached(part: EmailMessage, body: EmailMessage | None) -> list[EmailMessage]:
    """Every file the message carries, at any depth (an Apple Mail message nests its files in an alternative), but
    not its body, nor the body's other forms or inline text without a file name; a forwarded message is one file."""
    if part is body:
        return []
    if part.is_multipart() and part.get_content_type() != "message/rfc822":
        return [leaf for inner in part.iter_parts() for leaf in _attached(inner, body)]
    inline_text = part.get_content_maintype() == "text" and not part.get_filename() \
        and part.get_content_disposition() != "attachment"
    return [] if inline_text else [part]


def _attachment(part: EmailMessage, n: int) -> RawAttachment:
    content_type = part.get_content_type()
    name = (part.get_filename() or "").replace("/", "_").replace("\\", "_").strip()
    if not name:
        name = f"attachment-{n}{mimetypes.guess_extension(content_type) or ''}"
    # A forwarded message (message/rfc822) has no bytes of its own here: the loader reports it, unread.
    return RawAttachment(name, content_type, part.get_payload(decode=True) or b"")


def _unique(attachments: list[RawAttachment]) -> list[RawAttachment]:
    """Two attachments of one name ("scan.pdf" twice) are told apart by a number, as a mail program saves them."""
    taken: set[str] = set()
    out = []
    for a in attachments:
        name, n = a.name, 1
        while name in taken:
            n += 1
            stem, dot, suffix = a.name.rpartition(".")
            name = f"{stem} ({n}).{suffix}" if dot else f"{a.name} ({n})"
        taken.add(name)
        out.append(RawAttachment(name, a.content_type, a.data))
    return out
