"""Writing the index: add, update and remove documents as one atomic new generation.

Unchanged files are recognised by a fingerprint (file bytes, sidecar, metadata flags and
chunk settings) before they are parsed. A write costs what it adds: new and changed documents
go into one new segment, replaced and removed ones are recorded as deletions, and segments
are merged as they pile up (segments.py). Vectors of unchanged passages of an updated
document are reused, so only new text is embedded, in batches.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from pathlib import Path

import faiss
import numpy as np

from ingest.errors import IngestError
from ingest.loaders import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_EXPANDED_BYTES,
    check_file,
    check_kind,
    iter_document_paths,
    load_document,
    sidecar_path,
)
from ingest.models import Chunk, Document
from index import faiss_store
from index.chunk_store import ChunkStore
from index.embedders import Embedder
from index.models import DocumentRecord, FileResult, IngestReport, passages
from index.searcher import check_compatible
from index.segments import NewDocument, Segment, SegmentRef, embedding_text, merge_plan, write_segment
from index.storage import (
    LEGACY_STORE,
    MANIFEST,
    IndexProblem,
    Manifest,
    current_generation,
    held_writer_lock,
    new_generation_dir,
    next_segment_name,
    publish_generation,
    remove_stale,
    segment_dir,
)

# progress(stage, done, total): stage is "lezen" (loading and chunking) or "embedden"
Progress = Callable[[str, int, int], None]
EMBED_BATCH = 64
DEFAULT_MAX_PASSAGES = 4000  # per document: a 1,500-page report; more is a mistake or an attack
# Dutch averages about 4.5 characters per e5 token: a text longer than passages × tokens × this
# cannot fit the passage cap, and is refused before chunking (which takes ~9 s per MB)
CHARS_PER_TOKEN_BOUND = 8
# part of every fingerprint: bump it when loaders or chunking change how text is cut, so
# the next ingest redoes every document instead of skipping it as unchanged
# 2: law formats (XML, regelrecht YAML); 3: PDF words by position, tables as rows, dates of texts;
# 4: no dates from running text; 5: run-in headings in Markdown; 6: dates from wrapped text and
# "Wet van …" inside a sentence left alone, no run-in heading after a list number; 7: Markdown
# table cells wrapped onto the next row joined again; 8: a law's citeertitel shown as its title
# 9: the heading every section sits under, a PDF's own name and a Staatsblad's opschrift, regelgeving by BWB id;
# 10: the same after a review (no name from a quoted law, a maker or a date line; a chapter stays in the path)
# 11: a PDF's footnotes as notes after their page (or list), a sentence across a page break joined
# 12: a footnote that is a web address, and notes after one or two missed
# 13: notes set a little smaller than the body (the PBL report: 10 against 10.5 pt)
# 14: a PDF's note references (raised small numbers) out of its sentences
# 15: the articles of an amending law side by side, not under the chapter or section one of them inserts
# 16: a numbered section the text has passed ("2.11") no longer holds a later one ("2.12.1") whose parent the PDF did not set as a heading
# 17: a raised number after "W/m" or a lone letter ("pseudo R2") is a power, not a note reference
# 18: "Vraag 4" a heading over its question and answer; a PDF's /Subject as its title when /Title is empty
# 19: every heading all sections share is the document's heading, not only the first
# 20: a footnote written into a Markdown sentence (<sup> 5 Ver van huis … </sup>) as a note after its paragraph
# 21: symbol-font bullets as list marks (measured and reverted in the forty-second round; an index built then has it)
# 22: a PDF's first line in body type that reads as a title heads the first page, not its first sentence
# 23: parliamentary questions dated by when their answer was received, not when they were sent in
PIPELINE_VERSION = 23

@dataclass
class RayTarget:
    """A Ray cluster to prepare files on, and the embedder its workers load (by name)."""

    address: str  # "auto" starts a local cluster
    embedder: str = "auto"
    query_prefix: str = ""
    passage_prefix: str = ""


@dataclass
class _Known:
    """A document of the library as a writer needs it (a DocumentRecord without its metadata)."""

    doc_id: str
    source: str
    content_hash: str
    n_chunks: int
    overrides: dict = field(default_factory=dict)  # the metadata flags it was ingested with
    display_title: str = ""  # as editors see it in the list of documents


@dataclass
class _Library:
    """What a writer knows of the current generation: its segments and live documents, never
    its passages or vectors. `new` collects the documents of this write."""

    manifest: Manifest | None
    refs: list[SegmentRef]
    documents: dict[str, _Known | DocumentRecord]
    home: dict[str, str]  # doc id -> the segment holding its live version
    new: dict[str, NewDocument] = field(default_factory=dict)

    def drop(self, doc_id: str) -> None:
        record = self.documents.pop(doc_id)
        self.new.pop(doc_id, None)
        segment = self.home.pop(doc_id, None)
        if segment is not None:
            ref = next(r for r in self.refs if r.name == segment)
            ref.deleted.append(doc_id)
            ref.deleted_chunks += record.n_chunks


class IndexWriter:
    def __init__(self, index_dir: str | Path, embedder: Embedder, chunk_tokens: int = 220, chunk_overlap: int = 40,
                 max_file_bytes: int = DEFAULT_MAX_BYTES, vector_index: str = "auto",
                 max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES, max_passages: int = DEFAULT_MAX_PASSAGES,
                 ray: RayTarget | None = None):
        """`ray`: load, chunk and embed changed files on that Ray cluster instead of here."""
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.chunk_tokens = chunk_tokens
        self.chunk_overlap = chunk_overlap
        self.max_file_bytes = max_file_bytes
        self.max_expanded_bytes = max_expanded_bytes
        self.max_passages = max_passages
        self.vector_index = vector_index
        self.ray = ray
        self._chunker = None

    # -- public operations -----------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], overrides: dict | None = None, prune: bool = False,
               force: bool = False, progress: Progress | None = None) -> IngestReport:
        """Add or update the files (directories are walked); bad files fail alone.

        With `prune`, documents that came from a given directory but whose file is gone are removed.
        """
        started = time.monotonic()
        paths = [Path(p) for p in paths]
        overrides = _clean(overrides)
        with held_writer_lock(self.index_dir):
            library = self._load_library()
            files, errors = iter_document_paths(paths)
            report = IngestReport([FileResult(e.path, "failed", reason=e.reason) for e in errors])
            if prune:
                present = {str(p.resolve()) for p in files}
                report.files += self._prune(library, paths, present)
            self._apply(library, [(f, overrides) for f in files], force, progress, report)
        report.seconds = time.monotonic() - started
        return report

    def remove(self, targets: Iterable[str]) -> IngestReport:
        """Remove documents by id or by source path; unknown targets are reported as failed."""
        started = time.monotonic()
        with held_writer_lock(self.index_dir):
            library = self._load_library()
            report = IngestReport()
            for target in targets:
                doc_id = self._find(library, target)
                if doc_id is None:
                    report.files.append(FileResult(target, "failed", reason=NOT_IN_INDEX))
                    continue
                library.drop(doc_id)
                report.files.append(FileResult(target, "removed", doc_id=doc_id))
            if report.count("removed"):
                self._write(library)
        report.seconds = time.monotonic() - started
        return report

    def reindex(self, progress: Progress | None = None) -> IngestReport:
        """Rebuild every document from its source file with this writer's embedder and chunk
        settings (also when the index was built with another embedder); metadata given as flags is kept."""
        started = time.monotonic()
        with held_writer_lock(self.index_dir):
            documents = self._documents_to_rebuild()
            items = [(Path(d.source), d.overrides) for d in documents]
            report = IngestReport()
            self._apply(_Library(None, [], {}, {}), items, True, progress, report, always_write=True)
        for result in report.files:  # every document is rebuilt: "added" would read as new to the library
            if result.status == "added":
                result.status = "reindexed"
        report.seconds = time.monotonic() - started
        return report

    def write_prepared(self, documents: list[NewDocument]) -> Path:
        """Add documents already loaded, chunked and embedded elsewhere (a benchmark, another
        pipeline) as one new segment; a document with the id of a live one replaces it."""
        with held_writer_lock(self.index_dir):
            library = self._load_library()
            for document in documents:
                if document.record.doc_id in library.documents:
                    library.drop(document.record.doc_id)
                library.documents[document.record.doc_id] = document.record
                library.new[document.record.doc_id] = document
            return self._write(library, embedded=True)

    # -- steps -----------------------------------------------------------------------
    def _apply(self, library: _Library, items: list[tuple[Path, dict]], force: bool, progress: Progress | None,
               report: IngestReport, always_write: bool = False) -> None:
        by_source = {d.source: d for d in library.documents.values()}
        # a file already in the library under another path: a copy, not a new text, whatever flags either
        # was given (helper-66 had three copies of the Kamervragen, the first added with --type and --region)
        by_content = {file_digest(d.content_hash): d.source for d in library.documents.values()}
        twins: dict[str, str] = {}  # the duplicates of this run, by the file they copy
        changed: list[tuple[Path, dict, str]] = []
        for path, given in items:
            # flags given before stay until others are given: re-ingesting a folder without
            # --type must not turn the handreiking added with --type handreiking into "overig"
            known = by_source.get(str(path.resolve()))
            overrides = with_flags(known.overrides if known is not None else {}, given)
            result, fingerprint = self._check(path, overrides, by_source, force)
            if result.status == "pending":
                twin = by_content.setdefault(file_digest(fingerprint), result.path)
                if known is None and twin != result.path and Path(twin).exists():
                    result = FileResult(result.path, "duplicate", reason=duplicate_of(twin, library))
                    twins[result.path] = twin
                else:
                    changed.append((path, overrides, fingerprint))
            report.files.append(result)
        if progress and items:
            progress("lezen", len(items) - len(changed), len(items))
        reusable: dict[str, np.ndarray] = {}
        if self.ray is not None:
            loaded = self._prepare_on_ray(changed, reusable, report, progress, len(items))
        else:
            loaded = self._load_here(changed, report, progress, len(items))
        # read before old versions are dropped, so unchanged passages of an updated document keep their vectors
        reusable |= self._previous_vectors(library, [by_source[d.source].doc_id for d, *_ in loaded
                                                     if d.source in by_source])
        for document, chunks, fingerprint, overrides in loaded:
            self._replace(library, document, chunks, fingerprint, overrides, report)
        failed = {f.path: f.reason for f in report.files if f.status == "failed"}
        for result in report.files:  # a copy of a file of this run that could not be read fails as it did
            if twins.get(result.path) in failed:
                result.status, result.reason = "failed", failed[twins[result.path]]
        embedded = self._embed_new(library, reusable, progress)
        if always_write or any(f.status in ("added", "updated", "removed") for f in report.files):
            self._write(library, embedded)

    def _load_here(self, changed: list[tuple[Path, dict, str]], report: IngestReport, progress: Progress | None,
                   total: int) -> list[tuple[Document, list[Chunk], str, dict]]:
        loaded = []
        for done, (path, overrides, fingerprint) in enumerate(changed, start=1):
            try:
                document, chunks = load_and_chunk(path, overrides, self._get_chunker(), self.max_file_bytes,
                                                  self.max_expanded_bytes, self.max_passages)
                loaded.append((document, chunks, fingerprint, overrides))
            except IngestError as error:
                _fail(report, path, error.reason)
            if progress:
                progress("lezen", total - len(changed) + done, total)
        return loaded

    def _prepare_on_ray(self, changed: list[tuple[Path, dict, str]], reusable: dict[str, np.ndarray],
                        report: IngestReport, progress: Progress | None,
                        total: int) -> list[tuple[Document, list[Chunk], str, dict]]:
        """Load, chunk and embed the changed files on the Ray cluster; their vectors go into
        `reusable`, so nothing is embedded again here."""
        from index.ray_ingest import FileWork, connect, prepare_on_cluster

        connect(self.ray.address)
        fingerprints = {path: (fingerprint, overrides) for path, overrides, fingerprint in changed}
        work = [FileWork(path, overrides, self.ray.embedder, self.ray.query_prefix, self.ray.passage_prefix,
                         self.chunk_tokens, self.chunk_overlap, self.max_file_bytes) for path, overrides, _ in changed]
        loaded = []
        finished = 0

        def done(prepared) -> None:
            nonlocal finished
            finished += 1
            if prepared.reason is not None:
                _fail(report, prepared.path, prepared.reason)
            else:
                title = prepared.document.metadata.title or prepared.document.doc_id
                for chunk, vector in zip(prepared.chunks, prepared.vectors):
                    reusable[_text_key(embedding_text(chunk, title))] = vector
                fingerprint, overrides = fingerprints[prepared.path]
                loaded.append((prepared.document, prepared.chunks, fingerprint, overrides))
            if progress:
                progress("lezen", total - len(changed) + finished, total)

        prepare_on_cluster(work, done)
        # the order of the files, not of the workers' finishing, decides which of two equal ids is renamed
        order = {str(path.resolve()): i for i, (path, _, _) in enumerate(changed)}
        return sorted(loaded, key=lambda item: order[item[0].source])

    def _load_library(self) -> _Library:
        remove_stale(self.index_dir, keep=(current_generation(self.index_dir) or Path("-")).name)
        generation = current_generation(self.index_dir)
        if generation is None:
            return _Library(None, [], {}, {})
        if (generation / LEGACY_STORE).exists():
            generation = self._migrate(generation)
        manifest = Manifest.load(generation)
        check_compatible(manifest, self.embedder, self.index_dir)
        documents, home = {}, {}
        refs = [replace(ref, deleted=list(ref.deleted)) for ref in manifest.segments]
        for ref in refs:
            store = ChunkStore(segment_dir(self.index_dir, ref.name) / "chunks.sqlite")
            try:
                gone = set(ref.deleted)
                for doc_id, source, content_hash, n_chunks, overrides, title in store.document_keys():
                    if doc_id not in gone:
                        documents[doc_id] = _Known(doc_id, source, content_hash, n_chunks, overrides, title)
                        home[doc_id] = ref.name
            finally:
                store.close()
        return _Library(manifest, refs, documents, home)

    def _documents_to_rebuild(self) -> list[DocumentRecord]:
        """The live documents with their metadata flags, also from an index of schema 2."""
        generation = current_generation(self.index_dir)
        if generation is None:
            return []
        try:
            stores = [(segment_dir(self.index_dir, ref.name) / "chunks.sqlite", set(ref.deleted))
                      for ref in Manifest.load(generation).segments]
        except IndexProblem:
            stores = [(generation / LEGACY_STORE, set())]  # schema 2: one store per generation, no segments
            if not stores[0][0].exists():
                raise
        documents = []
        for path, deleted in stores:
            store = ChunkStore(path)
            try:
                documents += [d for d in store.documents() if d.doc_id not in deleted]
            finally:
                store.close()
        return documents

    def _migrate(self, generation: Path) -> Path:
        """An index of schema 2 (one store per generation) rewritten as one segment, its vectors
        reused: nothing is embedded again. Returns the new generation."""
        data = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
        base = Manifest(**{k: v for k, v in data.items() if k in {f.name for f in fields(Manifest)}})
        check_compatible(base, self.embedder, self.index_dir)
        store = ChunkStore(generation / LEGACY_STORE)
        try:
            records, chunks = store.documents(), store.all_chunks()
        finally:
            store.close()
        vectors = faiss.read_index(str(generation / "vectors.faiss"))
        by_doc: dict[str, list[int]] = {}
        for row, chunk in enumerate(chunks):
            by_doc.setdefault(chunk.doc_id, []).append(row)
        library = _Library(base, [], {r.doc_id: r for r in records}, {})
        for record in records:
            rows = by_doc.get(record.doc_id, [])
            library.new[record.doc_id] = NewDocument(
                record, [chunks[r] for r in rows], faiss_store.vectors_of(vectors, np.array(rows, dtype=np.int64)))
        return self._write(library)

    def _previous_vectors(self, library: _Library, doc_ids: list[str]) -> dict[str, np.ndarray]:
        """Vectors of the passages of documents about to be replaced, by passage text."""
        by_segment: dict[str, list[str]] = {}
        for doc_id in doc_ids:
            if doc_id in library.home:
                by_segment.setdefault(library.home[doc_id], []).append(doc_id)
        reusable = {}
        for name, ids in by_segment.items():
            segment = Segment(segment_dir(self.index_dir, name))
            try:
                for part in segment.parts_of(ids):
                    for chunk, vector in zip(part.chunks, part.vectors):
                        reusable[_text_key(embedding_text(chunk, part.record.title))] = vector
            finally:
                segment.close()
        return reusable

    def _get_chunker(self):
        if self._chunker is None:
            # imported here: LangChain's splitters take a second to import, which an ingest
            # of unchanged files (nothing to chunk) should not pay
            from ingest.chunking import Chunker

            self._chunker = Chunker(self.embedder.count_tokens, self.chunk_tokens, self.chunk_overlap)
        return self._chunker

    def _fingerprint(self, path: Path, data: bytes, overrides: dict) -> str:
        """"<file digest>:<settings digest>": the file with its sidecar, and what it is read with."""
        digest = hashlib.sha256(data)
        sidecar = sidecar_path(path)
        if sidecar is not None:
            digest.update(sidecar.read_bytes())
        settings = {"overrides": overrides, "tokens": self.chunk_tokens, "overlap": self.chunk_overlap,
                    "pipeline": PIPELINE_VERSION}
        read_with = hashlib.sha256(json.dumps(settings, sort_keys=True, ensure_ascii=False).encode())
        return f"{digest.hexdigest()}:{read_with.hexdigest()}"

    def _check(self, path: Path, overrides: dict, by_source: dict[str, DocumentRecord],
               force: bool) -> tuple[FileResult, str | None]:
        """Skipped (unchanged), failed (unreadable, empty, too large, of another kind than its name says)
        or pending with its fingerprint. A file fails for what it is before it can be called a copy of
        another: an empty leeg.pdf was "dubbel" of an empty leeg.md (helper-66)."""
        source = str(path.resolve())
        try:
            check_file(path, self.max_file_bytes)
            data = path.read_bytes()
            check_kind(path, data)
            fingerprint = self._fingerprint(path, data, overrides)
        except IngestError as error:
            return FileResult(source, "failed", reason=error.reason), None
        except OSError as error:
            return FileResult(source, "failed", reason=_unreadable(error)), None
        known = by_source.get(source)
        if known is not None and known.content_hash == fingerprint and not force:
            return FileResult(source, "skipped", doc_id=known.doc_id), None
        return FileResult(source, "pending"), fingerprint

    def _replace(self, library: _Library, document: Document, chunks: list[Chunk], fingerprint: str, overrides: dict,
                 report: IngestReport) -> None:
        result = next(f for f in report.files if f.path == document.source and f.status == "pending")
        result.chunks = len(chunks)
        previous = next((d for d in library.documents.values() if d.source == document.source), None)
        if previous is not None:
            library.drop(previous.doc_id)
        doc_id = document.doc_id
        if doc_id in library.documents:  # another file already has this id
            other = library.documents[doc_id]
            doc_id = f"{doc_id}-{hashlib.sha1(document.source.encode()).hexdigest()[:6]}"
            for chunk in chunks:
                chunk.doc_id = doc_id
            # helper-66 took a changed copy from another folder for a new version: both answered side by side
            result.reason = (f"er staat al een document {other.doc_id} met deze bestandsnaam ({other.source}); dit "
                             f"bestand is er apart naast gezet als {doc_id}. Is het een nieuwe versie, verwijder dan "
                             f"{other.doc_id}.")
        library.documents[doc_id] = DocumentRecord(
            doc_id=doc_id,
            source=document.source,
            metadata=document.metadata,
            content_hash=fingerprint,
            n_chunks=len(chunks),
            n_pages=len(document.pages) if document.pages and document.pages[0].number is not None else None,
            added_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            overrides=overrides,
        )
        library.new[doc_id] = NewDocument(library.documents[doc_id], chunks, np.zeros((0, 0), dtype=np.float32))
        result.status = "updated" if previous is not None else "added"
        result.doc_id = doc_id

    def _embed_new(self, library: _Library, reusable: dict[str, np.ndarray], progress: Progress | None) -> bool:
        """Give the new documents their vectors, reusing those of identical passages; True if
        anything was embedded."""
        new = list(library.new.values())
        texts = [[embedding_text(c, d.record.title) for c in d.chunks] for d in new]
        todo = [t for t in dict.fromkeys(t for group in texts for t in group) if _text_key(t) not in reusable]
        for start in range(0, len(todo), EMBED_BATCH):
            batch = todo[start : start + EMBED_BATCH]
            for text, vector in zip(batch, self.embedder.embed_passages(batch)):
                reusable[_text_key(text)] = vector
            if progress:
                progress("embedden", min(start + EMBED_BATCH, len(todo)), len(todo))
        for document, group in zip(new, texts):
            document.vectors = np.vstack([reusable[_text_key(t)] for t in group])
        return bool(todo)

    def _prune(self, library: _Library, roots: list[Path], present: set[str]) -> list[FileResult]:
        directories = [str(r.resolve()) for r in roots if r.is_dir()]
        gone = [
            d for d in library.documents.values()
            if d.source not in present and any(d.source.startswith(root.rstrip("/") + "/") for root in directories)
            and not Path(d.source).exists()
        ]
        for document in gone:
            library.drop(document.doc_id)
        return [FileResult(d.source, "removed", doc_id=d.doc_id) for d in gone]

    @staticmethod
    def _find(library: _Library, target: str) -> str | None:
        """The id of the document `target` names by id (ids are lower case: "HOOFDLETTERS" names the
        document of HOOFDLETTERS.PDF) or by its source path; None when none does."""
        for doc_id in (target, target.strip().lower()):
            if doc_id in library.documents:
                return doc_id
        resolved = str(Path(target).resolve())
        return next((d.doc_id for d in library.documents.values() if d.source == resolved), None)

    def _write(self, library: _Library, embedded: bool = False) -> Path:
        """Publish the next generation: the kept segments with their deletions, a new segment
        for this write's documents, and whatever merges that calls for."""
        target = new_generation_dir(self.index_dir)
        try:
            refs = list(library.refs)
            if library.new:
                refs.append(self._new_segment(target, list(library.new.values())))
            while plan := merge_plan(refs):
                refs = [r for r in refs if r not in plan]
                merged = self._merge(target, plan)
                if merged is not None:
                    refs.append(merged)
            self._manifest(library, refs, embedded).save(target)
            return publish_generation(self.index_dir, target)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise

    def _new_segment(self, target: Path, documents: list[NewDocument]) -> SegmentRef:
        name = next_segment_name(self.index_dir, {p.name for p in target.glob("seg-*")})
        kind = write_segment(target / name, documents, self.embedder.dim, self.vector_index)
        return SegmentRef(name, sum(len(d.chunks) for d in documents), vector_index=kind)

    def _merge(self, target: Path, plan: list[SegmentRef]) -> SegmentRef | None:
        """One segment of the live documents of `plan`'s segments (None if none is live)."""
        documents = []
        for ref in plan:
            directory = target / ref.name if (target / ref.name).exists() else segment_dir(self.index_dir, ref.name)
            segment = Segment(directory)
            try:
                documents += segment.live_parts(ref.deleted)
            finally:
                segment.close()
        merged = self._new_segment(target, documents) if documents else None
        for ref in plan:
            shutil.rmtree(target / ref.name, ignore_errors=True)  # a segment of this very write, merged at once
        return merged

    def _manifest(self, library: _Library, refs: list[SegmentRef], embedded: bool) -> Manifest:
        documents = sorted(library.documents.values(), key=lambda d: d.doc_id)
        base = library.manifest
        # without new vectors the embedder that made them stays on record (and is not loaded)
        same = base is not None and not embedded and base.embedder_space == self.embedder.space
        return Manifest(
            embedder_space=self.embedder.space,
            embedder_name=base.embedder_name if same else self.embedder.name,
            dim=self.embedder.dim,
            chunk_tokens=self.chunk_tokens,
            chunk_overlap=self.chunk_overlap,
            query_prefix=base.query_prefix if same else getattr(self.embedder, "query_prefix", ""),
            passage_prefix=base.passage_prefix if same else getattr(self.embedder, "passage_prefix", ""),
            n_documents=len(documents),
            n_chunks=sum(r.live_chunks for r in refs),
            vector_index="+".join(sorted({r.vector_index for r in refs})) or "IndexFlatIP",
            created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            document_hashes={d.doc_id: d.content_hash for d in documents},
            segments=refs,
        )


def load_and_chunk(path: Path, overrides: dict, chunker, max_file_bytes: int,
                   max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES,
                   max_passages: int = DEFAULT_MAX_PASSAGES) -> tuple[Document, list[Chunk]]:
    """A file's document and passages; IngestError with a Dutch reason when it cannot be read or
    holds more than `max_passages` passages. Runs here or on a Ray worker (ray_ingest.py)."""
    source = str(Path(path).resolve())
    try:
        document = load_document(path, overrides, max_file_bytes, max_expanded_bytes)
    except OSError as error:
        raise IngestError(source, _unreadable(error)) from error
    # refuse what cannot fit before chunking it: chunking costs about 9 s per MB
    if sum(len(page.text) for page in document.pages) > max_passages * chunker.max_tokens * CHARS_PER_TOKEN_BOUND:
        raise IngestError(source, too_many_passages(max_passages, None))
    chunks = chunker.chunk(document)
    if not chunks:
        # a file of headings alone (helper-71: "# Titel" and nothing under it) has no passage to cite
        raise IngestError(source, "geen tekst gevonden om te doorzoeken: het bestand heeft alleen kopjes of lege "
                                  "regels. Voeg de tekst toe en probeer het opnieuw.")
    if len(chunks) > max_passages:
        raise IngestError(source, too_many_passages(max_passages, len(chunks)))
    return document, chunks


NOT_IN_INDEX = "geen document met dit id of pad in de index; de ids staan in de lijst van `thuiswijzer docs`"


def file_digest(fingerprint: str) -> str:
    """The part of a fingerprint (`IndexWriter._fingerprint`) that is the file's own."""
    return fingerprint.split(":", 1)[0]


def duplicate_of(source: str, library: _Library) -> str:
    """Why a file was left out: the library holds the same text from `source` (Dutch), named by the title
    and id an editor finds in the list of documents, not by a path on the server (helper-67)."""
    twin = next((d for d in library.documents.values() if d.source == source), None)
    named = f"'{twin.display_title}' (id {twin.doc_id})" if twin is not None and twin.display_title else source
    return (f"dezelfde inhoud als {named}; niet nog eens toegevoegd. Verwijder eerst het andere document "
            f"als dit bestand het moet vervangen.")


def too_many_passages(limit: int, count: int | None) -> str:
    found = (f"het document levert {passages(count)} op; de grens is {limit} per document" if count
             else f"het document is te lang: het zou meer dan {limit} passages opleveren, de grens per document")
    return f"{found}. Splits het document, of vraag de beheerder de grens (THUISWIJZER_MAX_PASSAGES) te verhogen."


def _unreadable(error: OSError) -> str:
    return f"het bestand kon niet worden gelezen ({error.strerror})"


def _fail(report: IngestReport, path: Path, reason: str) -> None:
    source = str(Path(path).resolve())
    result = next(f for f in report.files if f.path == source and f.status == "pending")
    result.status, result.reason = "failed", reason


CLEARED = "-"  # a flag given as "-" takes back what an earlier ingest gave (`with_flags`)


def with_flags(earlier: dict, given: dict) -> dict:
    """The flags a document is read with: those given before, replaced by those given now, without
    those given now as CLEARED ("--region -"): helper-65 found no way to take a wrong region back."""
    merged = {**earlier, **given}
    return {key: value for key, value in merged.items() if value not in (CLEARED, [CLEARED])}


def _clean(overrides: dict | None) -> dict:
    return {k: v for k, v in (overrides or {}).items() if v not in (None, "", [])}


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
