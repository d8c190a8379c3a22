"""The files a sources folder holds, and how a letter's source is named from its path."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

log = logging.getLogger(__name__)


def discover(root: Path) -> list[Path]:
    """Files under `root`, recursively: hidden entries skipped, symlinks never followed out of it."""
    if root.is_file():
        return [root]
    base = root.resolve()
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            if path.is_symlink() and not path.resolve().is_relative_to(base):
                log.warning("%s: symlink to outside %s, skipped", path, root)
                continue
            found.append(path)
    return found


def modified_within(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime < seconds
    except OSError:  # gone since the folder was read: the next run sees it removed
        return True


def source_name(path: Path) -> str:
    return os.path.normpath(str(path))
