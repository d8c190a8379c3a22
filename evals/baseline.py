"""The peer baseline: LangChain's tutorial pipeline, measured beside our answerer.

RecursiveCharacterTextSplitter (1000 characters, 200 overlap) -> dense-only Chroma -> top 4;
the answer is the best chunk. It never abstains.
"""

from __future__ import annotations

import time

from langchain_core.documents import Document
from langchain_text_splitters import RecursiveCharacterTextSplitter

from assistant.answer import Answer, Citation
from index.store import Store

COLLECTION = "baseline"


class BaselineAnswerer:
    def __init__(self, store: Store, embeddings, client_vectorstore_factory) -> None:
        self.store = store
        splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
        docs = []
        for letter in store.letters().values():
            for doc in splitter.create_documents([letter.text], metadatas=[{"source": letter.source}]):
                start = doc.metadata["start_index"]
                docs.append(Document(page_content=doc.page_content,
                                     metadata={"source": letter.source, "start": start, "end": start + len(doc.page_content)}))
        self.vectorstore = client_vectorstore_factory(COLLECTION)
        if docs:
            self.vectorstore.add_documents(docs)

    def retrieve(self, question: str, k: int = 4) -> list[Document]:
        return self.vectorstore.similarity_search(question, k=k)

    def passages(self, question: str, k: int = 5) -> list[tuple[str, str]]:
        return [(d.metadata["source"], d.page_content) for d in self.retrieve(question, k)]

    def answer(self, question: str, k: int = 4) -> Answer:
        started = time.perf_counter()
        docs = self.retrieve(question, k)
        retrieved = time.perf_counter()
        if not docs:
            return Answer(question, "", False)
        best = docs[0]
        letter = self.store.letter(best.metadata["source"])
        start, end = best.metadata["start"], best.metadata["end"]
        citation = Citation.span(1, letter, start, end)
        done = time.perf_counter()
        return Answer(question, best.page_content + " [1]", False, [citation], {
            "retrieve": round((retrieved - started) * 1000, 1), "answer": round((done - retrieved) * 1000, 1),
            "total": round((done - started) * 1000, 1)})
