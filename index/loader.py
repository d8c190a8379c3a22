"""Load a letter file (TXT, Markdown, PDF, DOCX, HTML) to its canonical text.

Every problem a user can cause (empty, binary, corrupt, encrypted, no text layer, wrong
encoding, unsupported type, too large) raises `LoadError` with a message naming the file.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from index.canonical import Canonical, canonicalise, canonicalise_lines
from index.docx_layout import docx_lines
from index.pdf_layout import pdf_lines

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | {".pdf", ".docx"}


class LoadError(Exception):
    """A file that cannot be indexed; the message names the file and what to do."""


@dataclass(frozen=True)
class LoadedFile:
    path: Path
    canonical: Canonical

    @property
    def text(self) -> str:
        return self.canonical.text


def check_supported(path: Path) -> None:
    if path.suffix.lower() not in SUPPORTED:
        kinds = ", ".join(sorted(SUPPORTED))
        raise LoadError(f"{path}: unsupported file type '{path.suffix or '(none)'}' (supported: {kinds})")


def check_size(path: Path, size: int, max_mb: float) -> None:
    if size > max_mb * 1024 * 1024:
        raise LoadError(f"{path}: {size / 1048576:.1f} MB is over the {max_mb:g} MB limit (ASSISTANT_MAX_FILE_MB)")


def load_bytes(path: Path, data: bytes) -> LoadedFile:
    """Canonical text of `data`, the content of the file at `path`."""
    check_supported(path)
    if not data.strip():
        raise LoadError(f"{path}: the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        canonical = _load_pdf(path, data)
    elif suffix == ".docx":
        canonical = _load_docx(path, data)
    elif suffix in HTML_SUFFIXES:
        canonical = canonicalise(_html_text(_decode(path, data)))
    else:
        canonical = canonicalise(_decode(path, data))
    if not canonical.text.strip():
        raise LoadError(f"{path}: no text found in the file")
    return LoadedFile(path, canonical)


def load_file(path: Path, max_mb: float = 50.0) -> LoadedFile:
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise LoadError(
            f"{path}: {size / 1024 / 1024:.1f} MB is over the {max_mb:g} MB limit (ASSISTANT_MAX_FILE_MB)"
        )
    return load_bytes(path, path.read_bytes())


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


BLOCK_TAGS = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "ul", "ol", "section", "article",
              "header", "footer", "blockquote", "address", "title", "dd", "dt", "pre", "hr"]


def _html_text(html: str) -> str:
    """The page's text with its structure as whitespace: a blank line around every block element,
    a line break for <br> and between table cells, inline markup (<b>, <a>) joined into its line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        if tag.name == "head" and tag.title:  # keep the page title as the first line
            tag.replace_with(tag.title)
        else:
            tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" \n")
    for block in soup.find_all(BLOCK_TAGS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    return _one_blank_line(soup.get_text(""))


def _one_blank_line(text: str) -> str:
    """Nested HTML blocks and empty Word paragraphs leave runs of blank lines; one blank line is the
    paragraph break (a longer gap would read as a page break to the canonicaliser)."""
    return re.sub(r"\n[^\S\n]*\n(?:[^\S\n]*\n)+", "\n\n", text)
