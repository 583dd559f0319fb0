"""The bundled corpus as an index, built once per session for the quality tests.

Embedding all of `corpus/docs` takes a few minutes on two cores; every test that needs the
real corpus shares this one index (read-only) and uses the suite's `embedder`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "docs"


@pytest.fixture(scope="session")
def bundled_index(tmp_path_factory, embedder) -> Path:
    """An index of the bundled corpus (corpus/docs) with the default chunk settings."""
    from index.writer import IndexWriter
    from thuiswijzer.config import Settings

    if not any(CORPUS.glob("*.md")):
        pytest.skip("corpus/docs is empty: the bundled corpus is not there")
    settings = Settings()
    index_dir = tmp_path_factory.mktemp("bundled-index") / "index"
    report = IndexWriter(index_dir, embedder, settings.chunk_tokens, settings.chunk_overlap).ingest([CORPUS])
    assert report.count("failed") == 0, [f"{f.path}: {f.reason}" for f in report.files if f.status == "failed"]
    return index_dir
