"""Named retrieval configurations that `thuiswijzer eval --config NAAM` compares side by side.

A configuration says how the assistant retrieves: the search mode (hybrid, dense, bm25),
the dense share in the fusion, and optionally another chunk size, which needs the corpus
re-ingested into a temporary index (only when --corpus is given). A configuration that
cannot run here is skipped with a Dutch reason, never silently.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT = "hybrid"


@dataclass(frozen=True)
class EvalConfig:
    name: str
    label: str  # Dutch, for the report
    mode: str = "hybrid"
    dense_weight: float | None = None  # None: the settings' weight
    chunk_tokens: int | None = None  # None: the index as it is; else re-ingest with this chunk size
    chunk_overlap: int | None = None
    reranker: bool = False

    def settings_json(self, settings) -> dict:
        """What this configuration ran with, given the `Settings` it falls back on."""
        weight = self.dense_weight if self.dense_weight is not None else settings.dense_weight
        return {"mode": self.mode, "dense_weight": weight if self.mode == "hybrid" else None,
                "chunk_tokens": self.chunk_tokens or settings.chunk_tokens,
                "chunk_overlap": self.chunk_overlap if self.chunk_tokens else settings.chunk_overlap}


def _weighted(weight: float) -> EvalConfig:
    return EvalConfig(f"hybrid-w{weight}", f"hybride, dense-aandeel {weight}", "hybrid", weight)


CONFIGS: dict[str, EvalConfig] = {
    c.name: c
    for c in [
        EvalConfig("bm25", "alleen BM25 (trefwoorden)", "bm25"),
        EvalConfig("dense", "alleen dense (embeddings)", "dense"),
        EvalConfig("hybrid", "hybride (standaard)", "hybrid"),
        *(_weighted(w) for w in (0.3, 0.5, 0.7, 0.8)),
        EvalConfig("chunks-120", "hybride, passages van 120 tokens", "hybrid", chunk_tokens=120, chunk_overlap=20),
        EvalConfig("chunks-350", "hybride, passages van 350 tokens", "hybrid", chunk_tokens=350, chunk_overlap=60),
        EvalConfig("reranker", "hybride + cross-encoder-herrangschikking", "hybrid", reranker=True),
    ]
}


class UnknownConfig(ValueError):
    pass


def resolve(names: list[str] | None, corpus: Path | None) -> tuple[list[EvalConfig], list[dict]]:
    """The configurations to run, in the order asked, and the skipped ones as {name, reason}."""
    names = list(dict.fromkeys(names or [DEFAULT]))
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise UnknownConfig(f"Onbekende configuratie: {', '.join(unknown)}. Kies uit: {', '.join(CONFIGS)}.")
    chosen, skipped = [], []
    for name in names:
        config = CONFIGS[name]
        reason = unavailable_reason(config, corpus)
        if reason:
            skipped.append({"name": name, "label": config.label, "reason": reason})
        else:
            chosen.append(config)
    return chosen, skipped


def unavailable_reason(config: EvalConfig, corpus: Path | None) -> str | None:
    if config.reranker:
        if not cross_encoder_available():
            return ("niet beschikbaar: er staat geen cross-encoder offline op deze machine "
                    "(en de index heeft nog geen herrangschikkingsstap); overgeslagen")
        return "niet beschikbaar: Thuiswijzer heeft nog geen herrangschikkingsstap; overgeslagen"
    if config.chunk_tokens is not None and corpus is None:
        return ("vraagt om het corpus opnieuw te knippen: geef --corpus MAP mee "
                "(bijvoorbeeld --corpus corpus/docs); overgeslagen")
    return None


def cross_encoder_available() -> bool:
    """Whether sentence-transformers is installed and a cross-encoder/reranker model is cached locally."""
    if importlib.util.find_spec("sentence_transformers") is None:
        return False
    home = Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface"))
    hub = Path(os.environ.get("HF_HUB_CACHE", home / "hub"))
    if not hub.is_dir():
        return False
    return any(("cross-encoder" in p.name.lower() or "rerank" in p.name.lower()) for p in hub.iterdir())
