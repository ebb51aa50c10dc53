"""Turkish letters in tokenizers that strip accents: fold the dotless ``ı`` as well."""

from __future__ import annotations

from tokenizers import Tokenizer, normalizers
from transformers import PreTrainedTokenizerBase, PreTrainedTokenizerFast

FOLD_NOTE = "tokenizer: strips Turkish accents (ş -> s); ı is folded to i as well"


def _normalizer(tokenizer: PreTrainedTokenizerBase):
    """The ``tokenizers`` normaliser behind a fast tokenizer (None for slow ones)."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    return backend.normalizer if backend is not None else None


def folds_dotless_i(tokenizer: PreTrainedTokenizerBase) -> bool:
    """Whether ``tokenizer`` normalises ``ı`` to ``i``."""
    normalizer = _normalizer(tokenizer)
    return normalizer is not None and normalizer.normalize_str("ı") == "i"


def fold_dotless_i(tokenizer: PreTrainedTokenizerBase) -> PreTrainedTokenizerBase:
    """Make a tokenizer that strips accents fold the dotless ``ı`` to ``i`` as well.

    Uncased English and multilingual WordPiece tokenizers (MiniLM, ``bert-base-uncased``)
    lower-case and strip accents: ş, ç, ğ, ö, ü, İ and I become s, c, g, o, u, i, i. The
    dotless ``ı`` has no accent to strip and stays, so ``IŞIK`` becomes ``is ##ik`` while
    ``ışık`` falls apart into ``ı ##s ##ı ##k``, and every word with an ``ı`` is spelled
    letter by letter. Folding ``ı`` too gives each word one spelling. The result is a
    generic fast tokenizer whose ``tokenizer.json`` carries the extra normaliser step, so a
    saved copy loads with it in plain ``transformers``. Tokenizers that keep Turkish
    letters (BERTurk, trtune's presets) are returned unchanged.
    """
    normalizer = _normalizer(tokenizer)
    if normalizer is None or normalizer.normalize_str("şı") != "sı":
        return tokenizer
    folded = Tokenizer.from_str(tokenizer.backend_tokenizer.to_str())
    folded.normalizer = normalizers.Sequence([normalizers.Replace("ı", "i"), normalizer])
    return PreTrainedTokenizerFast(
        tokenizer_object=folded,
        model_max_length=tokenizer.model_max_length,
        model_input_names=list(tokenizer.model_input_names),
        padding_side=tokenizer.padding_side,
        truncation_side=tokenizer.truncation_side,
        **tokenizer.special_tokens_map,
    )
