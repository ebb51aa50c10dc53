"""Tiny random models for the serve tests, built once per test session (well under 5 s).

- a 2-layer BERT sequence classifier (hidden 32, 2 heads) with labels
  negative/neutral/positive and a WordPiece tokenizer trained on a few Turkish sentences;
- a 2-layer GPT-2 with a byte-level BPE tokenizer.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import torch

SENTENCES = [
    "Bu film harikaydı, herkese tavsiye ederim.",
    "Hiç beğenmedim, çok sıkıcı bir kitaptı.",
    "Ürün zamanında geldi, fena değil.",
    "Kargo gecikti ama satıcı ilgiliydi.",
    "Yemekler soğuktu ve garson kabaydı.",
    "Oyunculuk muhteşem, müzikler çok güzel.",
    "İstanbul'da yağmurlu bir gün, ışıklar yanıyor.",
    "Ödevimi bitirdim, şimdi çay içeceğim.",
]
LABELS = {0: "negative", 1: "neutral", 2: "positive"}


@dataclass(frozen=True)
class TinyModels:
    """Folders of the two tiny models."""

    classifier: Path
    lm: Path


def _build_classifier(out: Path) -> None:
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator(
        SENTENCES, trainers.WordPieceTrainer(vocab_size=200, special_tokens=special)
    )
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B [SEP]",
        special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))],
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        mask_token="[MASK]",
        model_max_length=128,
    )
    config = BertConfig(
        vocab_size=tok.get_vocab_size(),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=128,
        id2label=LABELS,
        label2id={v: k for k, v in LABELS.items()},
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(config)
    with torch.no_grad():  # bolder random weights: probabilities and attention differ visibly
        model.classifier.weight.normal_(0.0, 2.0)
        for layer in model.bert.encoder.layer:
            layer.attention.self.query.weight.normal_(0.0, 0.6)
            layer.attention.self.key.weight.normal_(0.0, 0.6)
    model.save_pretrained(out)
    fast.save_pretrained(out)


def _build_lm(out: Path) -> None:
    from tokenizers import ByteLevelBPETokenizer
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(SENTENCES, vocab_size=320, special_tokens=["<|endoftext|>"])
    fast = PreTrainedTokenizerFast(
        tokenizer_object=bpe._tokenizer,
        bos_token="<|endoftext|>",
        eos_token="<|endoftext|>",
        unk_token="<|endoftext|>",
        model_max_length=128,
    )
    config = GPT2Config(
        vocab_size=bpe.get_vocab_size(),
        n_positions=128,
        n_embd=32,
        n_layer=2,
        n_head=2,
        bos_token_id=fast.bos_token_id,
        eos_token_id=fast.eos_token_id,
    )
    torch.manual_seed(0)
    GPT2LMHeadModel(config).save_pretrained(out)
    fast.save_pretrained(out)


@functools.lru_cache(maxsize=1)
def tiny_models() -> TinyModels:
    """Build (once per process) and return the two model folders."""
    root = Path(tempfile.mkdtemp(prefix="trtune-serve-test-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    models = TinyModels(classifier=root / "classifier", lm=root / "lm")
    _build_classifier(models.classifier)
    _build_lm(models.lm)
    return models
