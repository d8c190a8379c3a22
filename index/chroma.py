"""The one Chroma factory: the chunk collection as a LangChain vector store, on a `chroma run` server
when the settings name one (ASSISTANT_CHROMA_HOST/PORT), else embedded in the store directory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from config.settings import Settings

COLLECTION = "chunks"


def date_ord(day: date) -> int:
    """A letter's date as the number a chunk's metadata keeps (20140327), which Chroma's filters can compare."""
    return day.year * 10000 + day.month * 100 + day.day


def open_chroma(settings: Settings, embeddings, collection: str = COLLECTION):
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_host:
        client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
    else:
        client = chromadb.PersistentClient(path=str(Path(settings.store) / "chroma"), settings=chroma_settings)
    return Chroma(
        collection_name=collection,
        embedding_function=embeddings,
        client=client,
        collection_metadata={"hnsw:space": "cosine"},
    )
