"""An email message (`.eml`, RFC 5322 / MIME) read with the standard library: its headers, its body and its
attachments, each attachment kept as bytes for the loader to read as a document of its own.

An attachment is named by its message's source and its file name ("inbox/plan.eml#review.pdf"), so that its
citations say which message it came with, and removing or changing the message removes or changes it too.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
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
    body, is_html = _body(msg, defects)
    header_lines = [f"{h}: {' '.join(str(msg[h]).split())}" for h in SHOWN if msg.get(h)]
    attachments = []
    for n, part in enumerate(msg.iter_attachments(), start=1):
        defects += [f"attachment {n}: {_defect(d)}" for d in part.defects]
        attachments.append(_attachment(part, n))
    return Message(_headers(msg), tuple(header_lines), body, is_html, tuple(_unique(attachments)), tuple(defects))


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
    if header is None:
        return None
    sent = getattr(header, "datetime", None)
    if sent is None:  # an unparsable Date header: the policy keeps its text only
        try:
            sent = email.utils.parsedate_to_datetime(str(header))
        except (TypeError, ValueError):
            return None
    return sent


def _body(msg: EmailMessage, defects: list[str]) -> tuple[str, bool]:
    """The message's text: its plain-text body, else its HTML body (converted by the loader), else nothing."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return "", False
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # an unknown or wrong charset: read as UTF-8, damaged bytes marked
        defects.append(f"the body's character set '{part.get_content_charset()}' could not be read")
        content = (part.get_payload(decode=True) or b"").decode("utf-8", "replace")
    return content.replace("\r\n", "\n"), part.get_content_type() == "text/html"


def _attachment(part: EmailMessage, n: int) -> RawAttachment:
    content_type = part.get_content_type()
    name = (part.get_filename() or "").replace("/", "_").replace("\\", "_").strip()
    if not name:
        name = f"attachment-{n}{mimetypes.guess_extension(content_type) or ''}"
    if content_type == "message/rfc822":  # a forwarded message: its own bytes, not a file's
        inner = part.get_payload()
        data = inner[0].as_bytes() if isinstance(inner, list) and inner else b""
    else:
        data = part.get_payload(decode=True) or b""
    return RawAttachment(name, content_type, data)


def _unique(attachments: list[RawAttachment]) -> list[RawAttachment]:
    """Two attachments of one name ("scan.pdf" twice) are told apart by a number, as a mail program saves them."""
    seen: dict[str, int] = {}
    out = []
    for a in attachments:
        seen[a.name] = seen.get(a.name, 0) + 1
        if seen[a.name] > 1:
            stem, dot, suffix = a.name.rpartition(".")
            a = RawAttachment(f"{stem} ({seen[a.name]}).{suffix}" if dot else f"{a.name} ({seen[a.name]})",
                              a.content_type, a.data)
        out.append(a)
    return out
