"""A tokenizer as GGUF metadata: the vocabulary, merges, token types and special ids.

llama.cpp re-implements the tokenizer from this metadata, so it has to say exactly what
the Hugging Face tokenizer does. trtune exports byte-level BPE tokenizers (``gpt2`` in
GGUF terms): the kind ``tiny-gpt`` and ``tiny-llama`` train, GPT-2's, Llama 3's and
Qwen2's. The text is split before BPE by a regular expression that GGUF names
(``tokenizer.ggml.pre``): ``gpt2`` for GPT-2's own, ``llama-bpe`` and ``qwen2`` for the
others; a tokenizer whose split is none of these is refused rather than exported to
tokenize differently. BOS is never added: trtune trains and generates without special
tokens.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from trtune.errors import UserError

# GGUF token types (gguf.TokenType), written as plain numbers in the file.
NORMAL, CONTROL, USER_DEFINED, UNUSED = 1, 3, 4, 5


@dataclass(frozen=True)
class GgufVocab:
    """What the writer needs of a tokenizer.

    Attributes:
        pre: ``tokenizer.ggml.pre``, the pre-tokenizer's GGUF name.
        tokens: every token by id, as the vocabulary spells it, padded to the model's rows.
        types: the GGUF token type of each.
        merges: the BPE merges as ``"a b"``.
        special: ``bos``/``eos``/``unk``/``pad`` -> token id (the ones the tokenizer has).
    """

    pre: str
    tokens: list[str]
    types: list[int]
    merges: list[str]
    special: dict[str, int]


def _known_splits() -> dict[str, str]:
    """Split regex -> GGUF pre-tokenizer name, for the byte-level kinds llama.cpp knows."""
    try:  # the patterns as transformers reads them back from a GGUF
        from transformers.integrations.gguf.gguf_tokenizer_mapping import (
            GGUF_PRE_TOKENIZER_SPLITS,
        )
    except ImportError:
        return {}
    names = ("llama-bpe", "qwen2", "tekken")
    return {GGUF_PRE_TOKENIZER_SPLITS[n]: n for n in names if n in GGUF_PRE_TOKENIZER_SPLITS}


def _pre_tokenizer_name(spec: dict[str, Any] | None) -> str | None:
    """The GGUF name of a tokenizer.json ``pre_tokenizer``, or None when unsupported."""
    if not spec:
        return None
    if spec.get("type") == "ByteLevel" and spec.get("use_regex", True):
        return None if spec.get("add_prefix_space") else "gpt2"
    if spec.get("type") != "Sequence":
        return None
    steps = spec.get("pretokenizers") or []
    if len(steps) != 2 or steps[0].get("type") != "Split" or steps[1].get("type") != "ByteLevel":
        return None
    if steps[1].get("use_regex", True) or steps[1].get("add_prefix_space"):
        return None
    pattern = (steps[0].get("pattern") or {}).get("Regex")
    return _known_splits().get(pattern)


def _merges(model: dict[str, Any]) -> list[str]:
    merges = model.get("merges") or []
    return [m if isinstance(m, str) else " ".join(m) for m in merges]


def gguf_vocab(tokenizer, rows: int) -> GgufVocab:
    """The GGUF description of a fast byte-level BPE ``tokenizer`` for a model whose
    embedding has ``rows`` rows (extra rows become unused ``[PAD<i>]`` tokens).

    Raises:
        UserError: not a fast tokenizer, not byte-level BPE, or a pre-tokenizer llama.cpp
            would not reproduce.
    """
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise UserError("GGUF export needs a fast (tokenizer.json) tokenizer")
    spec = json.loads(backend.to_str())
    model = spec.get("model") or {}
    pre = _pre_tokenizer_name(spec.get("pre_tokenizer"))
    normalizer = (spec.get("normalizer") or {}).get("type")
    if model.get("type") != "BPE" or pre is None or normalizer not in (None, "NFC"):
        raise UserError(
            "GGUF export supports byte-level BPE tokenizers (GPT-2, Llama 3, Qwen2 kind); "
            "this tokenizer is another kind (e.g. SentencePiece) and is not exported yet"
        )
    by_id = {int(i): str(t) for t, i in model["vocab"].items()}
    kinds = {int(i): NORMAL for i in by_id}
    for added in spec.get("added_tokens") or []:
        by_id[int(added["id"])] = str(added["content"])
        kinds[int(added["id"])] = CONTROL if added.get("special") else USER_DEFINED
    size = max(rows, max(by_id) + 1)
    tokens = [by_id.get(i, f"[PAD{i}]") for i in range(size)]
    types = [kinds.get(i, UNUSED) for i in range(size)]
    special = {
        key: int(value)
        for key, value in (
            ("bos", tokenizer.bos_token_id),
            ("eos", tokenizer.eos_token_id),
            ("unk", tokenizer.unk_token_id),
            ("pad", tokenizer.pad_token_id),
        )
        if value is not None
    }
    return GgufVocab(pre, tokens, types, _merges(model), special)


def write_vocab(writer, vocab: GgufVocab, chat_template: str | None) -> None:
    """The tokenizer keys of the GGUF file (``tokenizer.ggml.*``, ``tokenizer.chat_template``)."""
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre(vocab.pre)
    writer.add_token_list(vocab.tokens)
    writer.add_token_types(vocab.types)
    writer.add_token_merges(vocab.merges)
    adders = {
        "bos": writer.add_bos_token_id,
        "eos": writer.add_eos_token_id,
        "unk": writer.add_unk_token_id,
        "pad": writer.add_pad_token_id,
    }
    for key, token_id in vocab.special.items():
        adders[key](token_id)
    writer.add_add_bos_token(False)  # trtune trains and generates without BOS
    writer.add_add_eos_token(False)
    if chat_template:
        writer.add_chat_template(chat_template)
