"""What goes wrong with a store, as the user is told it."""

from __future__ import annotations


class StoreError(Exception):
    """A store that cannot be used as asked; the message says how to fix it."""


class StoreBusy(StoreError):
    """Another process is writing the store: wait for it (a watched folder retries) and try again."""
