"""The one Chroma factory: the chunk collection as a LangChain vector store, on a `chroma run` server
when the settings name one (ASSISTANT_CHROMA_HOST/PORT), else embedded in the store directory."""

from __future__ import annotations

from pathlib import Path

from config.settings import Settings

COLLECTION = "chunks"


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
