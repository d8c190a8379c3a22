"""The one settings object, read from `ASSISTANT_*` environment variables (and a `.env` file), built
once at the edge (the CLI, the app, the evaluation) and handed to whatever needs it."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_store() -> Path:
    return Path(user_data_dir("directions-assistant", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_file=".env", extra="ignore")

    # -- the index (write side) --
    store: Path = _default_store()
    sources: Path = Path("sources")
    max_file_mb: float = 50.0
    # An email's attachment over this is reported and left out; the rest of the message is indexed.
    max_attachment_mb: float = 25.0
    # Tokens per chunk; the embedding model truncates beyond 256 word pieces.
    chunk_tokens: int = 200
    # A `chroma run` server for the vectors instead of the store folder (unset: embedded).
    chroma_host: str | None = None
    chroma_port: int = 8000
    # Seconds a watched folder must be still (no file event, no file just written) before it is indexed.
    watch_quiet: float = 2.0

    # -- answering (read side) --
    # Passages the retriever hands to the answerer.
    k: int = 8

    # -- the web app --
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str | None = None

    # -- evaluation --
    # Real published letters the real-letter test sets are written on (never copied into the repo).
    real_corpus: Path = Path("../shared/corpus/real")


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (CLI) values taking precedence when not None."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
