"""Fixtures shared by the whole suite: the embedder (loaded once) and small real indexes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thuiswijzer.config import external_dir

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "docs"
SHARED = external_dir()

# a handful of bundled documents, in all formats, that the assistant tests ask about
SMALL_CORPUS = [
    "handreiking-regionaal-en-lokaal.pdf",
    "handreiking-procesorganisatie.pdf",
    "regelgeving-urgentieregeling-aandachtsgroepen.md",
    "regioprofiel-parkstad-limburg.md",
    "handreiking-woonzorgvisie-opstellen.docx",
    "programma-een-thuis-voor-iedereen.html",
]


@pytest.fixture(scope="session")
def embedder():
    """The product's default embedder ("auto"), loaded once for the whole run."""
    from index.embedders import make_embedder

    return make_embedder("auto")


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    """A folder with a few bundled documents (and their sidecars)."""
    import shutil

    folder = tmp_path_factory.mktemp("small-corpus")
    for name in SMALL_CORPUS:
        shutil.copy(CORPUS / name, folder / name)
        stem = name.rsplit(".", 1)[0]
        sidecar = CORPUS / f"{stem}.meta.yaml"
        if sidecar.exists():
            shutil.copy(sidecar, folder / sidecar.name)
    return folder


@pytest.fixture(scope="session")
def small_index(tmp_path_factory, small_corpus, embedder) -> Path:
    """An index of the small corpus, built once; copy it before changing it."""
    from index.writer import IndexWriter

    index_dir = tmp_path_factory.mktemp("small-index") / "index"
    report = IndexWriter(index_dir, embedder).ingest([small_corpus])
    assert report.count("failed") == 0, report.files
    return index_dir


@pytest.fixture(scope="session")
def eval_cache() -> Path:
    """Where `thuiswijzer eval --set …` keeps its libraries; the slow tests share them."""
    return ROOT / "data" / "eval"


@pytest.fixture(scope="session")
def real_library(embedder, eval_cache) -> Path:
    """The index of the 23 third-party documents in ../shared/external/docs (laws, Staatsblad,
    a PBL report, Utrecht's policy), built in data/eval as `thuiswijzer eval --set real` builds
    it: the first run embeds some 4,000 passages (minutes), later runs skip unchanged files."""
    from evals import sets
    from thuiswijzer.config import Settings

    if not (SHARED / "docs").is_dir():
        pytest.skip("the third-party documents in ../shared/external/docs are not on this machine")
    return sets.build_library(sets.real(), eval_cache, Settings(), embedder)


FAULT_CASES = ROOT.parent / "shared" / "cases" / "ingest-faults"


@pytest.fixture(scope="session")
def fault_cases() -> Path:
    """The small files of ../shared/cases/ingest-faults (CASES.md), read in place, never copied."""
    if not FAULT_CASES.is_dir():
        pytest.skip("the fault cases in ../shared/cases/ingest-faults are not on this machine")
    return FAULT_CASES
