"""Who may use the app: a login (`ASSISTANT_AUTH`) is required to serve beyond this machine."""

from __future__ import annotations

from pathlib import Path

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class AccessError(Exception):
    """Serving refused: the message says what to set."""


def parse_auth(spec: str | None) -> list[tuple[str, str]] | None:
    """`user:password` pairs separated by commas, or `@PATH` to a file with one pair a line."""
    if not spec:
        return None
    if spec.startswith("@"):
        path = Path(spec[1:])
        try:
            entries = path.read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise AccessError(f"ASSISTANT_AUTH: cannot read {path} ({err.strerror})") from None
    else:
        entries = spec.split(",")
    pairs = []
    for entry in (e.strip() for e in entries):
        if not entry or entry.startswith("#"):
            continue
        user, sep, password = entry.partition(":")
        if not sep or not user or not password:
            raise AccessError("ASSISTANT_AUTH: each entry must be user:password")
        pairs.append((user, password))
    if not pairs:
        raise AccessError("ASSISTANT_AUTH is set but holds no user:password pair")
    return pairs


def check_access(host: str, auth: list[tuple[str, str]] | None) -> None:
    if host not in LOOPBACK and not auth:
        raise AccessError(
            f"refusing to serve on {host} without a login: set ASSISTANT_AUTH to user:password pairs "
            "(or @FILE), or bind to 127.0.0.1"
        )
