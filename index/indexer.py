"""Incremental indexing: make the store mirror the folders (or files) given.

New files are added, changed ones replaced, deleted ones removed, unchanged ones skipped by content hash before any
parsing; letters from other folders are left alone. The same content under a second name is reported as a duplicate
and indexed once. An email's attachments are documents of their own that come and go with their message. A letter's
rows are written in one transaction after its vectors, so a run killed midway leaves no half-indexed letter: the
next run finds its file new or changed and writes it again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from langchain_core.documents import Document
from langchain_core.indexing import index as langchain_index

from config.settings import Settings
from index import faults
from index.chroma import date_ord, open_chroma
from index.chunker import chunk_units
from index.email_message import attachment_source, container, is_email, message_of
from index.embedder import PackagedEmbeddings
from index.faults import FaultPoint
from index.folders import discover, modified_within, source_name
from index.index_report import FileResult, IndexReport, Outcome, Progress
from index.ledger import build_ledger, letter_frames
from index.ledger_append import added_to_ledger
from index.ledger_cache import CachedExtraction, rules_version
from index.ledger_records import LetterView
from index.loader import LoadedFile, LoadError, load_bytes, read_checked
from index.metadata import extract_metadata, message_link, message_metadata
from index.model import Chunk, Indexed, LedgerBuild, LetterMetadata, MessageLink, NewLetter, iso
from index.party_directory import letter_people
from index.segmenter import segment
from index.store import Store


class Indexer:
    """Writes letters into a store. Needs the embedding model; holds the store's writer lock per run."""

    def __init__(self, store: Store, embeddings: PackagedEmbeddings, settings: Settings, vectorstore=None) -> None:
        self.store = store
        self.embeddings = embeddings
        self.settings = settings
        self.vectorstore = vectorstore or open_chroma(settings, embeddings)
        self.record_manager = store.record_manager()

    def run(self, roots: list[Path], progress: Progress | None = None, settle: float = 0.0) -> IndexReport:
        """Mirror these folders or files; a file modified less than `settle` seconds ago may still be being
        copied, so it is left as it stands (indexed or not) for a later run."""
        report = IndexReport()
        with self._writing(report):
            for root in roots:
                if not root.exists():
                    report.results.append(FileResult(source_name(root), Outcome.FAILED, f"{root}: no such file or folder"))
                    continue
                self._mirror(root, report, progress, settle)
        return report

    def add(self, files: list[LoadedFile], folder: Path, progress: Progress | None = None) -> IndexReport:
        """Index these files alone, already parsed (uploads), leaving the rest of their folder as it is."""
        report = IndexReport()
        with self._writing(report):
            for i, loaded in enumerate(files, start=1):
                if progress:
                    progress(i, len(files), str(loaded.path))
                report.results += self.index_file(loaded.path, source_name(folder), loaded)
        return report

    def remove(self, sources: list[str], folder: Path | None = None) -> IndexReport:
        """Take these letters out of the index, leaving their files and every other letter as they are; a file
        in `folder` that was skipped as a duplicate of a removed letter is indexed in its place."""
        report = IndexReport()
        with self._writing(report):
            for source in sources:
                removed = self.store.indexed(source)
                report.results += [FileResult(gone, Outcome.REMOVED) for gone in self._delete(source)]
                for twin in self._unindexed_twins(removed, folder) if removed and folder else []:
                    report.results += self.index_file(twin, source_name(folder))
        return report

    def bring_up_to_date(self) -> bool:
        """Complete the ledger of a run killed before it was built; whether there was anything to do."""
        with self.store.writer_lock():
            return self._complete_ledger()

    @contextmanager
    def _writing(self, report: IndexReport) -> Iterator[None]:
        """The writer lock for one run, which first rebuilds a store an older version wrote; the run ends
        with the ledger built, even when a file failed badly."""
        with self.store.writer_lock():
            if self.store.outdated is not None:
                self._bring_up_to_version(report)
            try:
                self._rebuild(report)
                yield
                faults.reach(FaultPoint.AFTER_COMMIT, self.store.path)
            finally:
                self._complete_ledger()

    def _bring_up_to_version(self, report: IndexReport) -> None:
        """A store an older version wrote: its ledger's tables made again (then built by this run), or, when
        more changed, the store set aside and its letters indexed again."""
        before = self.store.outdated
        if self.store.migrate():
            report.notes.append(f"{self.store.path} was written by an older version of the assistant (store schema "
                                f"{before}): its ledger is built again; its letters are kept.")
        else:
            self._set_aside(report)

    def _set_aside(self, report: IndexReport) -> None:
        """Set the outdated store's database aside, and drop its vectors (they are computed again)."""
        self.vectorstore.reset_collection()
        aside, previous = self.store.set_aside()
        self.record_manager = self.store.record_manager()
        report.notes.append(f"{self.store.path} was written by an older version of the assistant: it was set aside in "
                            f"{aside} and its {len(previous)} letters are indexed again from their files.")

    def _rebuild(self, report: IndexReport) -> None:
        """Index again the letters of a set-aside store, all of them even when an earlier run was killed midway
        (those it had done are unchanged)."""
        pending = self.store.pending_rebuild()
        for source, folder in pending:
            if message_of(source):
                continue  # indexed again with its message
            if Path(source).is_file():
                report.results += self.index_file(Path(source), folder)
            else:
                report.results.append(FileResult(source, Outcome.FAILED, f"{source}: indexed by the older version, "
                                                 "but the file is no longer there"))
        if pending:
            self.store.set_pending_rebuild([])

    def _complete_ledger(self) -> bool:
        # Stale when this run changed a letter, or an earlier run was killed before relinking.
        stale = self.store.ledger_stale()
        if stale:
            self.relink()
        return stale

    def relink(self) -> None:
        """Build the ledger, once per run, from the letters' stored frames and records (index.ledger_cache):
        the letters added since it was last built are added to it when that gives the ledger building it whole
        would (index.ledger_append), else it is built whole. The store records which state of its letters the
        ledger now reflects."""
        rules = rules_version()
        letters = self.store.current_letters()
        # What a letter says of its parties' bodies is read by the index's rules: read again when they change.
        same_rules = self.store.ledger_rules() == rules
        people = {s: letter_people(v.metadata, v.text) for s, v in letters.items() if v.people is None or not same_rules}
        views = [LetterView.of(v, people=people.get(s, v.people)) for s, v in letters.items()]
        extraction = CachedExtraction({}, self.store.letter_frames)  # an added letter has no records stored
        linked = self.store.linked_letters(rules)
        added = set(letters) - linked if linked is not None else set()
        if added and not people:
            addition = added_to_ledger(views, added, self.store.ledger, extraction)
            if addition is not None:
                self.store.write_ledger(LedgerBuild(addition.added, whole=False, rules=rules, updated=addition.updated,
                                                    reread=extraction.reread, extracted=extraction.fresh))
                return
        extraction.take_back(self.store.stored_extractions())
        self.store.write_ledger(LedgerBuild(build_ledger(views, extraction), whole=True, rules=rules,
                                            reread=extraction.reread, extracted=extraction.fresh, people=people))

    def _mirror(self, root: Path, report: IndexReport, progress, settle: float) -> None:
        files = discover(root)
        folder = source_name(root) if root.is_dir() else None
        present = {source_name(p) for p in files}
        known = self.store.catalogue()
        for source, letter in known.items():
            in_scope = letter.folder == folder if folder else source == source_name(root)
            # An attachment goes with its message; one whose message was never stored (a run killed) on its own.
            orphan = message_of(source) not in known
            if in_scope and container(source) not in present and orphan:
                report.results += [FileResult(gone, Outcome.REMOVED) for gone in self._delete(source)]
        for i, path in enumerate(files, start=1):
            if progress:
                progress(i, len(files), str(path))
            if settle and modified_within(path, settle):
                report.results.append(FileResult(source_name(path), Outcome.WAITING, f"{path}: still being written"))
                continue
            report.results += self.index_file(path, folder or source_name(path.parent), indexed=known)

    def index_file(self, path: Path, folder: str, loaded: LoadedFile | None = None,
                   indexed: dict[str, Indexed] | None = None) -> list[FileResult]:
        """Index one file (`loaded`: its content, when already parsed) unless it is unchanged or a duplicate
        (`indexed`: the letters indexed when the run began, read once for a whole folder); an email's attachments
        with it, each with a result of its own."""
        source = source_name(path)
        try:
            data = read_checked(path, self.settings.max_file_mb)
        except LoadError as err:
            return [FileResult(source, Outcome.FAILED, str(err))]
        sha = hashlib.sha256(data).hexdigest()
        previous = indexed.get(source) if indexed is not None else self.store.indexed(source)
        if previous and previous.sha256 == sha:
            return [FileResult(source, Outcome.UNCHANGED)]
        twin = self.store.twin(sha, source)
        if twin:
            if previous:
                self._delete(source)
            return [FileResult(source, Outcome.DUPLICATE, f"{path}: same content as {twin.source}; indexed once")]
        try:
            loaded = loaded or load_bytes(path, data, self.settings.max_attachment_mb)
        except LoadError as err:
            return [FileResult(source, Outcome.FAILED, str(err))]
        parts = self._index_attachments(source, folder, loaded)  # before the message: a run killed between finds it changed
        self.write_letter(source, folder, sha, loaded)
        return [FileResult(source, Outcome.UPDATED if previous else Outcome.ADDED, "; ".join(loaded.notes)), *parts]

    def _index_attachments(self, source: str, folder: str, message: LoadedFile) -> list[FileResult]:
        """Each file attached to an email as a document of its own linked to the message (one that cannot be read
        reported by name), each replaced in one write; those the message no longer carries as it was taken out."""
        earlier = self._attachments_of(source)
        kept, results = set(), []
        for attachment in message.attachments:
            part = attachment_source(source, attachment.name)
            twin = self.store.twin(attachment.sha256, part)
            twin = None if twin and twin.source in earlier else twin  # this message's own, renamed: not a duplicate
            if attachment.loaded is None:
                results.append(FileResult(part, Outcome.FAILED, attachment.problem or ""))
            elif twin:
                results.append(FileResult(part, Outcome.DUPLICATE, f"{part}: same content as {twin.source}; indexed once"))
            elif part in earlier and earlier[part].sha256 == attachment.sha256:
                kept.add(part)
                results.append(FileResult(part, Outcome.UNCHANGED))
            else:
                kept.add(part)
                self.write_letter(part, folder, attachment.sha256, attachment.loaded, message_link(source, message.message))
                results.append(FileResult(part, Outcome.UPDATED if part in earlier else Outcome.ADDED))
        gone = sorted(set(earlier) - kept)
        return results + [FileResult(g, Outcome.REMOVED) for part in gone for g in self._delete(part)]

    def _attachments_of(self, source: str) -> dict[str, Indexed]:
        """An email's attachments as the store holds them (none for any other source), read in one query."""
        return {s: i for s, i in self.store.catalogue().items() if message_of(s) == source} if is_email(source) else {}

    def write_letter(self, source: str, folder: str, sha: str, loaded: LoadedFile,
                     attached_to: MessageLink | None = None) -> None:
        """Read, embed and store one letter: its chunks into the vector store first, then all its rows in
        one transaction (a run killed between the two writes the letter again next time)."""
        text = loaded.text
        meta = extract_metadata(text, loaded.path)
        if loaded.message:
            meta = message_metadata(meta, loaded.message)
        if attached_to:
            meta = replace(meta, attached_to=attached_to)
        units = segment(text, loaded.canonical.layout)
        chunks = chunk_units(text, units, self.embeddings.count_tokens, self.settings.chunk_tokens)
        self._index_chunks(source, text, meta, chunks, loaded.canonical.page_at)
        self.store.write_letter(NewLetter(
            source=source, folder=folder, sha256=sha, text=text, page_starts=loaded.canonical.page_starts,
            metadata=meta, units=units, unit_vectors=self.embeddings.encode([text[u.start : u.end] for u in units]),
            # Parsed once, here: building the ledger reads the stored frames instead of parsing every letter again.
            chunks=chunks, frames=letter_frames(text, units), people=letter_people(meta, text),
            layout=loaded.canonical.layout,
        ))

    def _index_chunks(self, source: str, text: str, meta: LetterMetadata, chunks: list[Chunk],
                      page_of: Callable[[int], int | None]) -> None:
        """The letter's chunks into the vector store (LangChain's record manager skips unchanged ones)."""
        docs = [
            Document(
                page_content=text[c.start : c.end],
                metadata={
                    "source": source, "start": c.start, "end": c.end, "title": meta.title,
                    "letter_date": iso(meta.date) or "",
                    "date_ord": date_ord(meta.date) if meta.date else 0,
                    "page": page_of(c.start) or 0,
                },
            )
            for c in chunks
        ]
        langchain_index(
            docs, self.record_manager, self.vectorstore, cleanup="incremental",
            source_id_key="source", key_encoder="sha256",
        )

    def _unindexed_twins(self, removed: Indexed, folder: Path) -> list[Path]:
        """Files in `folder` with the removed letter's content that are not indexed (its duplicates)."""
        indexed = self.store.catalogue()
        return [path for path in discover(folder) if source_name(path) not in indexed
                and hashlib.sha256(path.read_bytes()).hexdigest() == removed.sha256]

    def _delete(self, source: str) -> list[str]:
        """Take a letter out of the index, an email's attachments with it; the sources taken out."""
        parts = list(self._attachments_of(source))
        for gone in [source, *parts]:
            keys = self.record_manager.list_keys(group_ids=[gone])
            if keys:
                self.vectorstore.delete(ids=keys)
                self.record_manager.delete_keys(keys)
            self.store.delete_letter(gone)
        return [source, *parts]
