"""Letters added and removed through the app: safe names, checked content, nothing overwritten silently.

A removed letter is moved to `SOURCES/.removed/` (hidden, so indexing skips it); moving it back and
re-indexing restores it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from index.email_message import container
from index.loader import MAX_ATTACHMENT_MB, LoadedFile, LoadError, check_size, check_supported, load_bytes

REMOVED = ".removed"


class UploadError(Exception):
    """An upload or removal refused; the message names the file and the reason."""


@dataclass
class Saved:
    name: str  # as uploaded
    path: Path  # where it was saved
    loaded: LoadedFile  # parsed once, when it was checked: indexing reuses it


def safe_name(name: str) -> str:
    """A plain file name: no folders, no leading dots, only letters, digits, '.', '-' and '_'."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-") or "letter"
    return f"{stem[:120]}{suffix}"


def save_upload(sources: Path, original_name: str, data: bytes, max_mb: float,
                max_attachment_mb: float = MAX_ATTACHMENT_MB) -> Saved:
    """Check an uploaded file by extension and content, then save it into `sources` under a safe name.

    A different file already under that name is never overwritten: the new one gets a numbered name.
    """
    name = safe_name(original_name)
    try:  # the same checks indexing makes, before anything is saved
        check_supported(Path(original_name))
        check_size(Path(original_name), len(data), max_mb)
        loaded = load_bytes(Path(original_name), data, max_attachment_mb)
    except LoadError as err:
        raise UploadError(str(err)) from None
    sources.mkdir(parents=True, exist_ok=True)
    target = sources / name
    digest = hashlib.sha256(data).hexdigest()
    n = 1
    while target.exists():
        if hashlib.sha256(target.read_bytes()).hexdigest() == digest:
            return Saved(original_name, target, replace(loaded, path=target))
        n += 1
        target = sources / f"{Path(name).stem}-{n}{Path(name).suffix}"
    target.write_bytes(data)
    return Saved(original_name, target, replace(loaded, path=target))


def remove_letter(sources: Path, source: str) -> Path:
    """Move a letter out of the indexed folder into `.removed/`; returns where it went."""
    path = Path(container(source))  # a file attached to an email goes with its message
    root = sources.resolve()
    if not path.resolve().is_relative_to(root) or not path.is_file():
        raise UploadError(f"{source}: not a letter in {sources}")
    bin_ = sources / REMOVED
    bin_.mkdir(exist_ok=True)
    target = bin_ / path.name
    n = 1
    while target.exists():
        n += 1
        target = bin_ / f"{path.stem}-{n}{path.suffix}"
    shutil.move(str(path), target)
    return target
