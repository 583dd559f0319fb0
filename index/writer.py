"""Writing the index: add, update and remove documents as one atomic new generation.

Unchanged files are recognised by a fingerprint (file bytes, sidecar, metadata flags and
chunk settings) before they are parsed; vectors of unchanged passages are reused, so only
new text is embedded, in batches.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from ingest.chunking import Chunker
from ingest.errors import IngestError
from ingest.loaders import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_EXPANDED_BYTES,
    iter_document_paths,
    load_document,
    sidecar_path,
)
from ingest.models import Chunk, Document
from index import faiss_store
from index.bm25_store import BM25Store
from index.chunk_store import ChunkStore, write_store
from index.embedders import Embedder
from index.models import DocumentRecord, FileResult, IngestReport
from index.searcher import check_compatible
from index.storage import (
    Manifest,
    current_generation,
    held_writer_lock,
    new_generation_dir,
    publish_generation,
    remove_stale,
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
PIPELINE_VERSION = 3  # 2: law formats (XML, regelrecht YAML); 3: PDF words by position, tables as rows, dates of texts


def embedding_text(chunk: Chunk, title: str) -> str:
    """What is embedded and BM25-indexed: the passage under its title and heading path,
    so a passage that only says "dit artikel" still carries what it is about."""
    heading = f"{title} › {chunk.section}" if chunk.section else title
    return f"{heading}\n{chunk.text}"


@dataclass
class _State:
    """An index generation loaded for rewriting."""

    documents: dict[str, DocumentRecord]
    chunks: dict[str, list[Chunk]]
    vectors: dict[str, np.ndarray]


class IndexWriter:
    def __init__(self, index_dir: str | Path, embedder: Embedder, chunk_tokens: int = 220, chunk_overlap: int = 40,
                 max_file_bytes: int = DEFAULT_MAX_BYTES, vector_index: str = "auto",
                 max_expanded_bytes: int = DEFAULT_MAX_EXPANDED_BYTES, max_passages: int = DEFAULT_MAX_PASSAGES):
        self.index_dir = Path(index_dir)
        self.embedder = embedder
        self.chunk_tokens = chunk_tokens
        self.chunk_overlap = chunk_overlap
        self.max_file_bytes = max_file_bytes
        self.max_expanded_bytes = max_expanded_bytes
        self.max_passages = max_passages
        self.vector_index = vector_index
        self._chunker = Chunker(embedder.count_tokens, chunk_tokens, chunk_overlap)

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
            state = self._load_state()
            files, errors = iter_document_paths(paths)
            report = IngestReport([FileResult(e.path, "failed", reason=e.reason) for e in errors])
            if prune:
                present = {str(p.resolve()) for p in files}
                report.files += self._prune(state, paths, present)
            self._apply(state, [(f, overrides) for f in files], force, progress, report)
        report.seconds = time.monotonic() - started
        return report

    def remove(self, targets: Iterable[str]) -> IngestReport:
        """Remove documents by id or by source path; unknown targets are reported as failed."""
        started = time.monotonic()
        with held_writer_lock(self.index_dir):
            state = self._load_state()
            report = IngestReport()
            for target in targets:
                doc_id = self._find(state, target)
                if doc_id is None:
                    report.files.append(FileResult(target, "failed", reason="geen document met dit id of pad in de index"))
                    continue
                self._drop(state, doc_id)
                report.files.append(FileResult(target, "removed", doc_id=doc_id))
            if report.count("removed"):
                self._write(state)
        report.seconds = time.monotonic() - started
        return report

    def reindex(self, progress: Progress | None = None) -> IngestReport:
        """Rebuild every document from its source file with this writer's embedder and chunk
        settings (also when the index was built with another embedder); metadata given as flags is kept."""
        started = time.monotonic()
        with held_writer_lock(self.index_dir):
            generation = current_generation(self.index_dir)
            documents = []
            if generation is not None:
                store = ChunkStore(generation / "chunks.sqlite")
                documents = store.documents()
                store.close()
            items = [(Path(d.source), d.overrides) for d in documents]
            report = IngestReport()
            self._apply(_State({}, {}, {}), items, True, progress, report, always_write=True)
        report.seconds = time.monotonic() - started
        return report

    # -- steps -----------------------------------------------------------------------
    def _apply(self, state: _State, items: list[tuple[Path, dict]], force: bool, progress: Progress | None,
               report: IngestReport, always_write: bool = False) -> None:
        by_source = {d.source: d for d in state.documents.values()}
        loaded: list[tuple[Document, list[Chunk], str, dict]] = []
        for done, (path, overrides) in enumerate(items, start=1):
            result, item = self._read(path, overrides, by_source, force)
            report.files.append(result)
            if item is not None:
                loaded.append((*item, overrides))
            if progress:
                progress("lezen", done, len(items))
        # taken before old versions are dropped, so unchanged passages of an updated document keep their vectors
        reusable = _vectors_by_text(state)
        for document, chunks, fingerprint, overrides in loaded:
            self._replace(state, document, chunks, fingerprint, overrides, report)
        self._embed_new(state, [c for _, chunks, _, _ in loaded for c in chunks], reusable, progress)
        if always_write or any(f.status in ("added", "updated", "removed") for f in report.files):
            self._write(state)

    def _load_state(self) -> _State:
        remove_stale(self.index_dir, keep=(current_generation(self.index_dir) or Path("-")).name)
        generation = current_generation(self.index_dir)
        if generation is None:
            return _State({}, {}, {})
        manifest = Manifest.load(generation)
        check_compatible(manifest, self.embedder, self.index_dir)
        store = ChunkStore(generation / "chunks.sqlite")
        try:
            documents = {d.doc_id: d for d in store.documents()}
            all_chunks = store.all_chunks()
        finally:
            store.close()
        vectors = faiss_store.all_vectors(faiss_store.load_index(generation / "vectors.faiss"))
        chunks: dict[str, list[Chunk]] = {d: [] for d in documents}
        rows: dict[str, list[int]] = {d: [] for d in documents}
        for row, chunk in enumerate(all_chunks):
            chunks[chunk.doc_id].append(chunk)
            rows[chunk.doc_id].append(row)
        return _State(documents, chunks, {d: vectors[r] for d, r in rows.items()})

    def _fingerprint(self, path: Path, overrides: dict) -> str:
        digest = hashlib.sha256(path.read_bytes())
        sidecar = sidecar_path(path)
        if sidecar is not None:
            digest.update(sidecar.read_bytes())
        settings = {"overrides": overrides, "tokens": self.chunk_tokens, "overlap": self.chunk_overlap,
                    "pipeline": PIPELINE_VERSION}
        digest.update(json.dumps(settings, sort_keys=True, ensure_ascii=False).encode())
        return digest.hexdigest()

    def _read(self, path: Path, overrides: dict, by_source: dict[str, DocumentRecord], force: bool):
        source = str(path.resolve())
        try:
            fingerprint = self._fingerprint(path, overrides)
            known = by_source.get(source)
            if known is not None and known.content_hash == fingerprint and not force:
                return FileResult(source, "skipped", doc_id=known.doc_id), None
            document = load_document(path, overrides, self.max_file_bytes, self.max_expanded_bytes)
            if sum(len(page.text) for page in document.pages) > self.max_passages * self.chunk_tokens * CHARS_PER_TOKEN_BOUND:
                raise IngestError(source, self._too_many_passages(None))
            chunks = self._chunker.chunk(document)
            if not chunks:
                raise IngestError(source, "geen tekst gevonden om te doorzoeken")
            if len(chunks) > self.max_passages:
                raise IngestError(source, self._too_many_passages(len(chunks)))
        except IngestError as error:
            return FileResult(source, "failed", reason=error.reason), None
        except OSError as error:
            return FileResult(source, "failed", reason=f"het bestand kon niet worden gelezen ({error.strerror})"), None
        return FileResult(source, "pending", doc_id=document.doc_id, chunks=len(chunks)), (document, chunks, fingerprint)

    def _too_many_passages(self, count: int | None) -> str:
        found = (f"het document levert {count} passages op; de grens is {self.max_passages} per document" if count
                 else f"het document is te lang: het zou meer dan {self.max_passages} passages opleveren, "
                      "de grens per document")
        return f"{found}. Splits het document, of vraag de beheerder de grens (THUISWIJZER_MAX_PASSAGES) te verhogen."

    def _replace(self, state: _State, document: Document, chunks: list[Chunk], fingerprint: str, overrides: dict,
                 report: IngestReport) -> None:
        result = next(f for f in report.files if f.path == document.source and f.status == "pending")
        previous = next((d for d in state.documents.values() if d.source == document.source), None)
        if previous is not None:
            self._drop(state, previous.doc_id)
        doc_id = document.doc_id
        if doc_id in state.documents:  # another file already has this id
            doc_id = f"{doc_id}-{hashlib.sha1(document.source.encode()).hexdigest()[:6]}"
            for chunk in chunks:
                chunk.doc_id = doc_id
        state.documents[doc_id] = DocumentRecord(
            doc_id=doc_id,
            source=document.source,
            metadata=document.metadata,
            content_hash=fingerprint,
            n_chunks=len(chunks),
            n_pages=len(document.pages) if document.pages and document.pages[0].number is not None else None,
            added_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            overrides=overrides,
        )
        state.chunks[doc_id] = chunks
        result.status = "updated" if previous is not None else "added"
        result.doc_id = doc_id

    def _embed_new(self, state: _State, new_chunks: list[Chunk], reusable: dict[str, np.ndarray],
                   progress: Progress | None) -> None:
        """Embed the chunks without vectors, reusing vectors of identical passages."""
        texts = [embedding_text(c, state.documents[c.doc_id].title) for c in new_chunks]
        todo = [t for t in dict.fromkeys(texts) if _text_key(t) not in reusable]
        for start in range(0, len(todo), EMBED_BATCH):
            batch = todo[start : start + EMBED_BATCH]
            for text, vector in zip(batch, self.embedder.embed_passages(batch)):
                reusable[_text_key(text)] = vector
            if progress:
                progress("embedden", min(start + EMBED_BATCH, len(todo)), len(todo))
        by_doc: dict[str, list[np.ndarray]] = {}
        for chunk, text in zip(new_chunks, texts):
            by_doc.setdefault(chunk.doc_id, []).append(reusable[_text_key(text)])
        for doc_id, vectors in by_doc.items():
            state.vectors[doc_id] = np.vstack(vectors)

    def _prune(self, state: _State, roots: list[Path], present: set[str]) -> list[FileResult]:
        directories = [str(r.resolve()) for r in roots if r.is_dir()]
        gone = [
            d for d in state.documents.values()
            if d.source not in present and any(d.source.startswith(root.rstrip("/") + "/") for root in directories)
            and not Path(d.source).exists()
        ]
        for document in gone:
            self._drop(state, document.doc_id)
        return [FileResult(d.source, "removed", doc_id=d.doc_id) for d in gone]

    def _find(self, state: _State, target: str) -> str | None:
        if target in state.documents:
            return target
        resolved = str(Path(target).resolve())
        return next((d.doc_id for d in state.documents.values() if d.source == resolved), None)

    @staticmethod
    def _drop(state: _State, doc_id: str) -> None:
        state.documents.pop(doc_id, None)
        state.chunks.pop(doc_id, None)
        state.vectors.pop(doc_id, None)

    def _write(self, state: _State) -> Path:
        documents = sorted(state.documents.values(), key=lambda d: d.doc_id)
        chunks = [c for d in documents for c in state.chunks[d.doc_id]]
        parts = [state.vectors[d.doc_id] for d in documents if len(state.chunks[d.doc_id])]
        vectors = np.vstack(parts) if parts else np.zeros((0, self.embedder.dim), dtype=np.float32)
        titles = {d.doc_id: d.title for d in documents}
        target = new_generation_dir(self.index_dir)
        try:
            write_store(target / "chunks.sqlite", documents, chunks)
            vector_index = faiss_store.build_index(vectors, self.vector_index)
            faiss_store.save_index(vector_index, target / "vectors.faiss")
            BM25Store.build([embedding_text(c, titles[c.doc_id]) for c in chunks]).save(target / "bm25")
            Manifest(
                embedder_space=self.embedder.space,
                embedder_name=self.embedder.name,
                dim=self.embedder.dim,
                chunk_tokens=self.chunk_tokens,
                chunk_overlap=self.chunk_overlap,
                query_prefix=getattr(self.embedder, "query_prefix", ""),
                passage_prefix=getattr(self.embedder, "passage_prefix", ""),
                n_documents=len(documents),
                n_chunks=len(chunks),
                vector_index=type(vector_index).__name__,
                created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                document_hashes={d.doc_id: d.content_hash for d in documents},
            ).save(target)
            return publish_generation(self.index_dir, target)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise


def _vectors_by_text(state: _State) -> dict[str, np.ndarray]:
    return {
        _text_key(embedding_text(chunk, state.documents[doc_id].title)): vectors[i]
        for doc_id, vectors in state.vectors.items()
        if doc_id in state.documents
        for i, chunk in enumerate(state.chunks.get(doc_id, []))
    }


def _clean(overrides: dict | None) -> dict:
    return {k: v for k, v in (overrides or {}).items() if v not in (None, "", [])}


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
