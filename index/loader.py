"""Load a letter file (TXT, Markdown, PDF, DOCX, HTML, an email) to its canonical text.

Every problem a user can cause (empty, binary, corrupt, encrypted, no text layer, wrong
encoding, unsupported type, too large) raises `LoadError` with a message naming the file. An email's body is
its text, and each of its attachments is loaded as a file of its own: one that cannot be read is reported by
its name, and the rest of the message still loads.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from index.canonical import Canonical, canonicalise, canonicalise_lines
from index.docx_layout import docx_lines
from index.email_message import (
    EMAIL_SUFFIXES,
    MessageError,
    MessageHeaders,
    RawAttachment,
    attachment_source,
    read_message,
)
from index.html_text import html_text
from index.layout import Line
from index.pdf_layout import pdf_lines

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | EMAIL_SUFFIXES | {".pdf", ".docx"}
# What a mail server commonly lets through; an attachment over it is left out of the index.
MAX_ATTACHMENT_MB = 25.0


class LoadError(Exception):
    """A file that cannot be indexed; the message names the file and what to do."""


@dataclass(frozen=True)
class LoadedFile:
    path: Path
    canonical: Canonical
    message: MessageHeaders | None = None  # of an email: its headers
    attachments: tuple[Attachment, ...] = ()  # of an email
    notes: tuple[str, ...] = ()  # what is malformed in it, though it loaded

    @property
    def text(self) -> str:
        return self.canonical.text


def check_supported(path: Path) -> None:
    if path.suffix.lower() not in SUPPORTED:
        kinds = ", ".join(sorted(SUPPORTED))
        raise LoadError(f"{path}: unsupported file type '{path.suffix or '(none)'}' (supported: {kinds})")


@dataclass(frozen=True)
class Attachment:
    """A file attached to an email: loaded as a document of its own, or the problem that kept it out."""

    name: str
    sha256: str
    loaded: LoadedFile | None
    problem: str | None = None


def check_size(path: Path, size: int, max_mb: float, setting: str = "ASSISTANT_MAX_FILE_MB") -> None:
    if size > max_mb * 1024 * 1024:
        raise LoadError(f"{path}: {size / 1048576:.1f} MB is over the {max_mb:g} MB limit ({setting})")


def load_bytes(path: Path, data: bytes, max_attachment_mb: float = MAX_ATTACHMENT_MB) -> LoadedFile:
    """Canonical text of `data`, the content of the file at `path`."""
    check_supported(path)
    if not data.strip():
        raise LoadError(f"{path}: the file is empty")
    suffix = path.suffix.lower()
    if suffix in EMAIL_SUFFIXES:
        return _load_email(path, data, max_attachment_mb)
    if suffix == ".pdf":
        canonical = _load_pdf(path, data)
    elif suffix == ".docx":
        canonical = _load_docx(path, data)
    elif suffix in HTML_SUFFIXES:
        canonical = canonicalise(html_text(_decode(path, data)))
    else:
        canonical = canonicalise(_decode(path, data))
    if not canonical.text.strip():
        raise LoadError(f"{path}: no text found in the file")
    return LoadedFile(path, canonical)


def read_checked(path: Path, max_mb: float) -> bytes:
    """The file's bytes, once it is known to be of a supported kind and within the size limit."""
    check_supported(path)
    try:
        check_size(path, path.stat().st_size, max_mb)
        return path.read_bytes()
    except OSError as err:
        raise LoadError(f"{path}: cannot read the file ({err.strerror})") from None


def load_file(path: Path, max_mb: float = 50.0) -> LoadedFile:
    check_size(path, path.stat().st_size, max_mb)
    return load_bytes(path, path.read_bytes())


def _load_email(path: Path, data: bytes, max_attachment_mb: float) -> LoadedFile:
    """The message's headers and body as one text (its citable words), and each attachment loaded on its own."""
    if b"\x00" in data[:8192]:
        raise LoadError(f"{path}: looks like a binary file, not an email message (it contains NUL bytes)")
    try:
        message = read_message(data)
    except MessageError as err:
        raise LoadError(f"{path}: {err}") from None
    body = html_text(message.body) if message.body_is_html else message.body
    # Each header a line of its own (never joined as a wrapped sentence), then the body as a text file reads.
    headers = [Line(shown, wrapped=False) for shown in message.shown_headers]
    canonical = canonicalise_lines([[*headers, Line(""), *(Line(raw) for raw in body.strip().splitlines())]], paged=False)
    attachments = tuple(_attachment(path, raw, max_attachment_mb) for raw in message.attachments)
    notes = tuple(f"{path}: malformed message: {defect}" for defect in message.defects)
    return LoadedFile(path, canonical, message.headers, attachments, notes)


def _attachment(message: Path, raw: RawAttachment, max_mb: float) -> Attachment:
    where = Path(attachment_source(str(message), raw.name))
    sha = hashlib.sha256(raw.data).hexdigest()
    try:
        if raw.content_type == "message/rfc822" or where.suffix.lower() in EMAIL_SUFFIXES:
            raise LoadError(f"{where}: an email attached to an email is not read; save it and index it on its own")
        check_supported(where)
        check_size(where, len(raw.data), max_mb, "ASSISTANT_MAX_ATTACHMENT_MB")
        # Its own name, not its message's, is what its title falls back to.
        return Attachment(raw.name, sha, replace(load_bytes(where, raw.data), path=Path(raw.name)))
    except LoadError as err:
        return Attachment(raw.name, sha, None, str(err))


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise LoadError(f"{path}: looks like a binary file, not text (it contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise LoadError(
            f"{path}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "save it as UTF-8 and index again"
        ) from None


def _load_pdf(path: Path, data: bytes) -> Canonical:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip().startswith(b"%PDF"):
        raise LoadError(f"{path}: not a PDF (the content does not start with %PDF)")
    try:
        if PdfReader(io.BytesIO(data)).is_encrypted:
            raise LoadError(f"{path}: the PDF is encrypted (password-protected); save an unprotected copy")
        pages = pdf_lines(data)
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError, Exception) as err:
        raise LoadError(f"{path}: the PDF is corrupt or unreadable ({type(err).__name__}: {err})") from None
    if not any(line.text.strip() for page in pages for line in page):
        raise LoadError(f"{path}: the PDF has no text layer (a scan?); run OCR on it first")
    return canonicalise_lines(pages)


def _load_docx(path: Path, data: bytes) -> Canonical:
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise LoadError(f"{path}: not a DOCX file (the content is not a Word document)")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # python-docx raises a variety of zip/xml errors for broken files
        raise LoadError(f"{path}: the Word document is corrupt or unreadable ({err})") from None
    return canonicalise_lines([docx_lines(document)], paged=False)
