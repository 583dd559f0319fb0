"""The index directory: immutable generations, the CURRENT pointer, the manifest and the writer lock.

    data/index/
      CURRENT            name of the complete generation readers use
      gen-000007/        manifest.json: the segments of this generation and their deletions
      segments/seg-000012/  chunks.sqlite · rows.npy · vectors.faiss · bm25/ (see segments.py)
      .write.lock

A writer builds its new segment(s) and the next manifest in a temporary directory, moves
the segments into segments/, and switches CURRENT with an atomic rename, so a crash or
Ctrl-C at any moment leaves the previous generation complete and in use. Segments no kept
generation lists are removed by the next writer.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from filelock import FileLock, Timeout

from index.segments import SegmentRef

SCHEMA_VERSION = 3
CURRENT = "CURRENT"
SEGMENTS = "segments"
MANIFEST = "manifest.json"
LEGACY_STORE = "chunks.sqlite"  # in a generation of schema 2, which held its passages itself
LOCK = ".write.lock"
KEEP_GENERATIONS = 2  # the current one and the one readers may still have open


class IndexProblem(Exception):
    """An index problem the user can act on; the message is Dutch and says what to do."""


class IndexNotFound(IndexProblem):
    pass


class IndexLocked(IndexProblem):
    pass


class EmbedderMismatch(IndexProblem):
    pass


@dataclass
class Manifest:
    embedder_space: str
    embedder_name: str
    dim: int
    chunk_tokens: int
    chunk_overlap: int
    query_prefix: str = ""
    passage_prefix: str = ""
    schema_version: int = SCHEMA_VERSION
    n_documents: int = 0
    n_chunks: int = 0
    vector_index: str = "flat"
    created_at: str = ""
    document_hashes: dict[str, str] = field(default_factory=dict)
    segments: list[SegmentRef] = field(default_factory=list)

    def save(self, directory: Path) -> None:
        # not asdict(self): its deep copy of a library's document hashes costs a second at 50k documents
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["segments"] = [asdict(ref) for ref in self.segments]
        (directory / MANIFEST).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> "Manifest":
        data = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
        if data.get("schema_version") == 2:
            raise IndexProblem(
                f"De index in {directory.parent} heeft nog de indeling van voor de segmenten (schemaversie 2). "
                f"De eerstvolgende ingest of verwijdering zet hem om zonder iets opnieuw te embedden, bijvoorbeeld: "
                f"thuiswijzer ingest corpus/docs --index {directory.parent}"
            )
        if data.get("schema_version") != SCHEMA_VERSION:
            raise IndexProblem(
                f"De index in {directory.parent} heeft schemaversie {data.get('schema_version')}, "
                f"deze versie van Thuiswijzer leest versie {SCHEMA_VERSION}. "
                f"Bouw de index opnieuw: thuiswijzer reindex --index {directory.parent}"
            )
        data["segments"] = [SegmentRef(**ref) for ref in data.get("segments", [])]
        return cls(**data)


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / CURRENT
    if not pointer.exists():
        return None
    generation = index_dir / pointer.read_text(encoding="utf-8").strip()
    return generation if (generation / MANIFEST).exists() else None


def require_generation(index_dir: Path) -> Path:
    generation = current_generation(index_dir)
    if generation is None:
        raise IndexNotFound(
            f"Geen index gevonden in {index_dir}. Bouw er een met: thuiswijzer ingest corpus/docs --index {index_dir}"
        )
    return generation


def new_generation_dir(index_dir: Path) -> Path:
    """A fresh temporary directory inside the index directory, for a writer to fill."""
    index_dir.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".tmp-gen-", dir=index_dir))


def segment_dir(index_dir: Path, name: str) -> Path:
    return index_dir / SEGMENTS / name


def next_segment_name(index_dir: Path, taken: set[str] = frozenset()) -> str:
    """A segment name no segment, published or being written, has had."""
    names = {p.name for p in (index_dir / SEGMENTS).glob("seg-*")} | set(taken)
    numbers = [int(n.split("-")[1]) for n in names]
    return f"seg-{max(numbers, default=0) + 1:06d}"


def publish_generation(index_dir: Path, filled: Path) -> Path:
    """Make a filled temporary generation the current one, atomically, and tidy up old ones.

    `filled` holds manifest.json and the new segments (seg-*); the segments move into
    segments/ first, where no reader looks until the new manifest is current."""
    existing = sorted(p.name for p in index_dir.glob("gen-*"))
    number = int(existing[-1].split("-")[1]) + 1 if existing else 1
    final = index_dir / f"gen-{number:06d}"
    _fsync_tree(filled)
    (index_dir / SEGMENTS).mkdir(exist_ok=True)
    for segment in sorted(filled.glob("seg-*")):
        os.rename(segment, segment_dir(index_dir, segment.name))
    _fsync_dir(index_dir / SEGMENTS)
    os.rename(filled, final)
    pointer_tmp = index_dir / f".{CURRENT}.tmp"
    pointer_tmp.write_text(final.name, encoding="utf-8")
    with open(pointer_tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(pointer_tmp, index_dir / CURRENT)
    _fsync_dir(index_dir)
    remove_stale(index_dir, keep=final.name)
    return final


def remove_stale(index_dir: Path, keep: str | None = None) -> None:
    """Drop temporary leftovers of interrupted writers, all but the newest generations, and
    the segments none of the kept generations lists. Only a writer holding the lock calls it."""
    for leftover in index_dir.glob(".tmp-gen-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    generations = sorted(p for p in index_dir.glob("gen-*") if p.name != keep)
    for old in generations[: max(0, len(generations) - (KEEP_GENERATIONS - 1))]:
        shutil.rmtree(old, ignore_errors=True)
    listed = set()
    for generation in index_dir.glob("gen-*"):
        try:
            listed |= {ref.name for ref in Manifest.load(generation).segments}
        except (OSError, ValueError, TypeError, IndexProblem):
            continue  # a generation of an older schema lists no segments
    for segment in (index_dir / SEGMENTS).glob("seg-*"):
        if segment.name not in listed:
            shutil.rmtree(segment, ignore_errors=True)


def writer_lock(index_dir: Path) -> FileLock:
    """The lock a writer holds; a second writer gets IndexLocked at once instead of waiting."""
    index_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(index_dir / LOCK), timeout=0)


class held_writer_lock:
    def __init__(self, index_dir: Path):
        self._lock = writer_lock(index_dir)
        self._index_dir = index_dir

    def __enter__(self) -> None:
        try:
            self._lock.acquire()
        except Timeout:
            raise IndexLocked(
                f"Er wordt al geschreven in de index {self._index_dir} (een andere ingest of verwijdering loopt). "
                "Wacht tot die klaar is en probeer het dan opnieuw."
            ) from None

    def __exit__(self, *exc) -> None:
        self._lock.release()


def _fsync_tree(directory: Path) -> None:
    for path in directory.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(directory)


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
