"""Tiny models built offline from a config, with a tokenizer trained on the user's texts.

Every model family trtune trains has a small preset, so that tests and demos run in seconds
with no download: ``tiny`` / ``tiny-4l`` (BERT, a cased WordPiece vocabulary), ``tiny-gpt``
/ ``tiny-gpt-4l`` (GPT-2, byte-level BPE), ``tiny-llama`` (Llama, byte-level BPE) and
``tiny-t5`` (T5 encoder-decoder, a cased SentencePiece-style Unigram vocabulary). The
weights are random: a preset shows that the tool works, not what a real model can do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trtune.errors import UserError

if TYPE_CHECKING:  # transformers loads only when a preset is built
    from transformers import PretrainedConfig, PreTrainedModel, PreTrainedTokenizerFast

WORDPIECE_SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
EOS_TOKEN = "<|endoftext|>"
PAD_TOKEN = "<|pad|>"
# T5's special tokens, in T5's order: padding (also the decoder's start), end, unknown.
T5_SPECIALS = ["<pad>", "</s>", "<unk>"]


@dataclass(frozen=True)
class Preset:
    """The size of a model built from scratch.

    Attributes:
        family: ``bert``, ``gpt2``, ``llama`` or ``t5``.
        layers, hidden, heads, intermediate: the transformer's shape.
        vocab_size: the tokenizer trained on the data has at most this many tokens.
        max_positions: the longest sequence the model takes.
        lora_targets: LoRA's layers when the user names none (a random model learns only if
            LoRA reaches enough of it).
    """

    family: str
    layers: int = 2
    hidden: int = 64
    heads: int = 2
    intermediate: int = 128
    vocab_size: int = 2000
    max_positions: int = 512
    lora_targets: tuple[str, ...] = ()


PRESETS: dict[str, Preset] = {
    "tiny": Preset("bert", lora_targets=("query", "value")),
    "tiny-4l": Preset("bert", 4, 128, 4, 256, 4000, lora_targets=("query", "value")),
    "tiny-gpt": Preset("gpt2", 2, 128, 4, 512, lora_targets=("c_attn", "c_proj", "c_fc")),
    "tiny-gpt-4l": Preset("gpt2", 4, 256, 4, 1024, 4000, lora_targets=("c_attn", "c_proj", "c_fc")),
    "tiny-llama": Preset("llama", 2, 128, 4, 384, lora_targets=("q_proj", "v_proj", "up_proj")),
    # layers counts the encoder's and, again, the decoder's
    "tiny-t5": Preset("t5", 2, 128, 4, 512, 4000, lora_targets=("q", "k", "v", "o", "wi", "wo")),
}


def is_preset(name: str) -> bool:
    """Whether ``name`` is a preset (no file or Hub access needed)."""
    return name in PRESETS


def train_wordpiece_tokenizer(
    texts: Sequence[str], vocab_size: int = 2000, max_length: int = 512
) -> PreTrainedTokenizerFast:
    """A cased WordPiece tokenizer for ``texts`` (keeps Turkish letters and case).

    The normaliser keeps case and accents (``BertNormalizer(lowercase=False,
    strip_accents=False)``) because lower-casing ``I`` the English way turns it into ``i``
    where Turkish wants ``ı``. The vocabulary is built deterministically: the special
    tokens, every character (alone and as a ``##`` continuation), then the most frequent
    words (ties by spelling) up to ``vocab_size``; a word outside it is spelled in
    pieces. (``WordPieceTrainer`` breaks ties between equally frequent merges differently
    from one process to the next, so the same seed would not give the same model.)
    """
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=False, lowercase=False
    )
    pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    counts: Counter[str] = Counter()
    for text in texts:
        words = pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(text))
        counts.update(word for word, _ in words)
    chars = sorted({ch for word in counts for ch in word})
    vocab = list(WORDPIECE_SPECIALS) + chars + [f"##{ch}" for ch in chars]
    seen = set(vocab)
    for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if len(vocab) >= vocab_size:
            break
        if word not in seen:
            vocab.append(word)
            seen.add(word)
    tok = Tokenizer(models.WordPiece({t: i for i, t in enumerate(vocab)}, unk_token="[UNK]"))
    tok.normalizer = normalizer
    tok.pre_tokenizer = pre_tokenizer
    tok.decoder = decoders.WordPiece()
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls_id), ("[SEP]", sep_id)],
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=max_length,
    )


def train_bpe_tokenizer(
    texts: Iterable[str], vocab_size: int, max_length: int
) -> PreTrainedTokenizerFast:
    """A byte-level BPE tokenizer trained on ``texts``, with EOS and PAD tokens."""
    from tokenizers import ByteLevelBPETokenizer
    from transformers import PreTrainedTokenizerFast

    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        texts,
        vocab_size=vocab_size,
        min_frequency=2,
        special_tokens=[EOS_TOKEN, PAD_TOKEN],
        show_progress=False,  # its bars print blank lines when stdout is not a terminal
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=bpe._tokenizer,
        eos_token=EOS_TOKEN,
        bos_token=EOS_TOKEN,
        pad_token=PAD_TOKEN,
        # Causal-LM sequences are cut by trtune itself; a small limit here only adds warnings.
        model_max_length=max(max_length, 10**6),
    )


def train_unigram_tokenizer(
    texts: Iterable[str], vocab_size: int, max_length: int
) -> PreTrainedTokenizerFast:
    """A SentencePiece-style Unigram tokenizer (T5's kind) trained on ``texts``.

    Words are split on spaces only and marked with ``▁`` (Metaspace), so decoding gives the
    text back; NFKC keeps Turkish letters and case (``İ``/``I``/``ı``/``i`` stay four
    letters). Every character of the texts is in the vocabulary. ``<pad>`` (id 0, also the
    decoder's start token), ``</s>`` (1, appended to every encoded text) and ``<unk>`` (2).
    """
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
    from tokenizers.trainers import UnigramTrainer
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.Unigram())
    tok.normalizer = normalizers.NFKC()
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    trainer = UnigramTrainer(
        vocab_size=vocab_size,
        special_tokens=T5_SPECIALS,
        unk_token="<unk>",
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer)
    tok = _canonical_unigram(tok)
    eos_id = tok.token_to_id("</s>")
    tok.post_processor = processors.TemplateProcessing(
        single="$A </s>", pair="$A </s> $B </s>", special_tokens=[("</s>", eos_id)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        eos_token="</s>",
        unk_token="<unk>",
        model_max_length=max_length,
    )


def _canonical_unigram(tok):
    """The Unigram trainer breaks ties between pieces in an order that changes from run to
    run (and nudges tied scores apart by 1e-4 steps), so the same texts gave other ids and so
    another model. Pieces whose scores lie within 5e-4 of the next one form a group that gets
    its top score, in the pieces' own order: the same texts, the same tokenizer."""
    import json

    from tokenizers import Tokenizer

    state = json.loads(tok.to_str())
    vocab = state["model"]["vocab"]
    n = len(T5_SPECIALS)
    groups: list[list[str]] = []
    tops: list[float] = []
    previous = None
    for piece, score in sorted(vocab[n:], key=lambda p: -p[1]):
        if previous is None or previous - score > 5e-4:
            groups.append([])
            tops.append(round(score, 6))
        groups[-1].append(piece)
        previous = score
    pieces = [
        [piece, top] for group, top in zip(groups, tops, strict=True) for piece in sorted(group)
    ]
    state["model"]["vocab"] = vocab[:n] + pieces
    return Tokenizer.from_str(json.dumps(state))


def train_preset_tokenizer(name: str, texts: Sequence[str]) -> PreTrainedTokenizerFast:
    """The tokenizer of preset ``name``, trained on ``texts``.

    Raises:
        UserError: no texts to train on.
    """
    preset = PRESETS[name]
    texts = [t for t in texts if t]
    if not texts:
        raise UserError(f"model preset '{name}' needs training texts for its tokenizer")
    if preset.family == "bert":
        return train_wordpiece_tokenizer(texts, preset.vocab_size, preset.max_positions)
    if preset.family == "t5":
        return train_unigram_tokenizer(texts, preset.vocab_size, preset.max_positions)
    return train_bpe_tokenizer(texts, preset.vocab_size, preset.max_positions)


def preset_config(name: str, tokenizer: PreTrainedTokenizerFast) -> PretrainedConfig:
    """The transformers config of preset ``name`` for ``tokenizer``'s vocabulary."""
    from transformers import BertConfig, GPT2Config, LlamaConfig, T5Config

    p, vocab = PRESETS[name], len(tokenizer)
    if p.family == "bert":
        return BertConfig(
            vocab_size=vocab,
            hidden_size=p.hidden,
            num_hidden_layers=p.layers,
            num_attention_heads=p.heads,
            intermediate_size=p.intermediate,
            max_position_embeddings=p.max_positions,
            pad_token_id=0,
        )
    if p.family == "t5":
        return T5Config(
            vocab_size=vocab,
            d_model=p.hidden,
            d_kv=p.hidden // p.heads,
            d_ff=p.intermediate,
            num_layers=p.layers,
            num_decoder_layers=p.layers,
            num_heads=p.heads,
            feed_forward_proj="relu",
            pad_token_id=tokenizer.pad_token_id,
            eos_token_id=tokenizer.eos_token_id,
            decoder_start_token_id=tokenizer.pad_token_id,  # as T5: generation starts at <pad>
            tie_word_embeddings=True,
        )
    special = {
        "bos_token_id": tokenizer.bos_token_id,
        "eos_token_id": tokenizer.eos_token_id,
        "pad_token_id": tokenizer.pad_token_id,
    }
    if p.family == "llama":
        return LlamaConfig(
            vocab_size=vocab,
            hidden_size=p.hidden,
            intermediate_size=p.intermediate,
            num_hidden_layers=p.layers,
            num_attention_heads=p.heads,
            num_key_value_heads=p.heads,
            max_position_embeddings=p.max_positions,
            tie_word_embeddings=True,
            **special,
        )
    return GPT2Config(
        vocab_size=vocab,
        n_positions=p.max_positions,
        n_embd=p.hidden,
        n_layer=p.layers,
        n_head=p.heads,
        **special,
    )


def build_preset_model(
    name: str, config: PretrainedConfig, model_class: type, seed: int
) -> PreTrainedModel:
    """A randomly initialised model of ``model_class`` (a ``*For...`` head class or an
    ``AutoModel...`` class) with ``config``, seeded."""
    import torch

    torch.manual_seed(seed)
    if hasattr(model_class, "from_config"):
        return model_class.from_config(config)
    return model_class(config)
