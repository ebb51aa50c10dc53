"""The first token's last hidden state without the last layer's other positions."""

from __future__ import annotations

import pytest
import torch
from transformers import (
    AutoModel,
    BertConfig,
    DistilBertConfig,
    ElectraConfig,
    RobertaConfig,
    XLMRobertaConfig,
)

from trtune.run.models import load_tokenizer, resolve_model
from trtune.tasks.classify import features
from trtune.tasks.classify.cls_forward import cls_hidden, last_layer_splits

TEXTS = [
    "Kısa.",
    "Bu ürünü çok beğendim, herkese tavsiye ederim, kargo da hızlıydı.",
    "Berbat",
    "Fiyatına göre idare eder ama kutusu ezik geldi.",
]
SIZES = dict(hidden_size=32, num_hidden_layers=3, num_attention_heads=4, intermediate_size=64)


def _tokenizer():
    return load_tokenizer(resolve_model("tiny"), TEXTS)


def _encoder(config) -> torch.nn.Module:
    torch.manual_seed(0)
    return AutoModel.from_config(config).eval()


def _batch(tokenizer) -> dict:
    return dict(tokenizer(TEXTS, padding=True, return_tensors="pt"))  # padded rows


@pytest.mark.parametrize(
    "config_class", [BertConfig, RobertaConfig, XLMRobertaConfig, ElectraConfig]
)
def test_first_token_equals_the_whole_forward_pass(config_class):
    tokenizer = _tokenizer()
    extra = {"embedding_size": 16} if config_class is ElectraConfig else {}  # projected
    model = _encoder(
        config_class(vocab_size=len(tokenizer), pad_token_id=tokenizer.pad_token_id,
                     **SIZES, **extra)
    )  # fmt: skip
    batch = _batch(tokenizer)
    assert batch["attention_mask"].min() == 0  # some texts are padded
    layers = model.encoder.layer
    calls = []
    hook = layers[-1].register_forward_hook(lambda *args: calls.append(1))
    with torch.inference_mode():
        first = cls_hidden(model, batch)
        hook.remove()
        whole = model(**batch).last_hidden_state[:, 0]
    assert first is not None and not calls  # the last layer as a whole never ran
    assert model.encoder.layer is layers and len(layers) == 3  # put back
    torch.testing.assert_close(first, whole, atol=1e-5, rtol=0)


def test_other_layouts_run_the_whole_model():
    tokenizer = _tokenizer()
    distil = _encoder(
        DistilBertConfig(vocab_size=len(tokenizer), dim=32, n_layers=2, n_heads=4, hidden_dim=64)
    )
    assert not last_layer_splits(distil) and cls_hidden(distil, _batch(tokenizer)) is None
    decoder = _encoder(BertConfig(vocab_size=len(tokenizer), is_decoder=True, **SIZES))
    assert not last_layer_splits(decoder)


def test_extract_features_cls_uses_it_and_keeps_its_vectors(monkeypatch):
    tokenizer = _tokenizer()
    model = _encoder(BertConfig(vocab_size=len(tokenizer), **SIZES))
    fast = features.extract_features(model, tokenizer, TEXTS * 3, "cls", 64, batch_size=5)
    used = []
    monkeypatch.setattr(features, "cls_hidden", lambda m, b: used.append(1))  # -> None
    whole = features.extract_features(model, tokenizer, TEXTS * 3, "cls", 64, batch_size=5)
    assert used  # the path was asked for, and declined here
    torch.testing.assert_close(fast, whole, atol=1e-5, rtol=0)
    assert not torch.equal(fast, torch.zeros_like(fast))
