"""The masked-LM head: added to a bare encoder, run only on masked positions (same numbers as
the full forward pass), and filling blanks exactly as ``transformers.pipeline`` does."""

from __future__ import annotations

import pytest
import torch

from tests.mask.conftest import turkish_lines
from trtune.errors import UserError
from trtune.infer.mask import MaskFiller, load_filler
from trtune.run.models import load_model, load_tokenizer, minilm_path, resolve_model
from trtune.run.trainer import IGNORE_INDEX
from trtune.tasks.mask.head import (
    head_modules,
    lacks_head,
    load_masked_lm,
    logits_at,
    masked_lm_stats,
    split_head,
    stats_from_logits,
)


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory):
    """A random tiny BertForMaskedLM saved as a plain folder (bolder weights: the
    probabilities differ visibly)."""
    source = resolve_model("tiny")
    tokenizer = load_tokenizer(source, turkish_lines(80))
    model = load_model(source, "masked-lm", tokenizer, seed=0)
    with torch.no_grad():
        model.cls.predictions.transform.dense.weight.normal_(0.0, 0.5)
    folder = tmp_path_factory.mktemp("tinymlm")
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def _batch(tokenizer, texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    labels = torch.full_like(batch["input_ids"], IGNORE_INDEX)
    labels[:, 2] = batch["input_ids"][:, 2]
    labels[0, 4] = batch["input_ids"][0, 4]
    return {**batch, "labels": labels}


def test_head_on_masked_positions_equals_the_full_forward_pass(tiny_folder):
    filler = load_filler(tiny_folder)
    model, tokenizer = filler.model, filler.tokenizer
    batch = _batch(tokenizer, ["Ankara'da aldığım kitap çok güzel.", "Bu saat bugün geldi."])
    assert split_head(model) is not None
    with torch.no_grad():
        loss, stats = masked_lm_stats(model, batch)
        full = model(**batch)
        where = batch["labels"] != IGNORE_INDEX
        features = {k: v for k, v in batch.items() if k != "labels"}
        assert torch.allclose(logits_at(model, features, where), full.logits[where], atol=1e-5)
        assert torch.allclose(loss, full.loss, atol=1e-5)
        assert torch.allclose(stats, stats_from_logits(full.logits, batch["labels"]), atol=1e-4)
    assert stats[:, 1].tolist() == [2.0, 1.0]  # masked tokens per row


def test_fill_matches_the_transformers_pipeline(tiny_folder):
    from transformers import pipeline

    filler = load_filler(tiny_folder)
    reference = pipeline("fill-mask", model=str(tiny_folder), top_k=5)
    for text in ["Ankara'da aldığım [MASK] çok güzel.", "Bu [MASK] bugün [MASK] ulaştı."]:
        ours = filler.fill([text], top_k=5)[0]
        theirs = reference(text)
        theirs = [theirs] if isinstance(theirs[0], dict) else theirs
        assert len(ours.masks) == len(theirs)
        for mine, expected in zip(ours.masks, theirs, strict=True):
            assert [f.token_id for f in mine] == [e["token"] for e in expected]
            assert [f.token_str for f in mine] == [e["token_str"] for e in expected]
            for f, e in zip(mine, expected, strict=True):
                assert f.probability == pytest.approx(e["score"], abs=1e-5)


def test_a_long_text_runs_apart_from_the_short_ones_with_the_same_answers(tiny_folder):
    """A batch of 31 short texts and one long one: padding all 32 to the long one's length
    took 2.7x longer on MiniLM (bench_mask_fill at 128 sentences); on a CPU the batch is cut
    into parts (trtune.run.microbatch.inference_parts), and every answer stays what the text
    gets alone."""
    filler = load_filler(tiny_folder)
    texts = [f"Bu [MASK] {i}. gün geldi." for i in range(31)]
    texts.append("Uzun bir yorum: " + "kargo hızlı geldi ve ürün güzel, " * 12 + "[MASK] oldu.")
    shapes = []  # (rows, tokens) of each forward pass of the encoder
    encoder = split_head(filler.model)[0]
    hook = encoder.register_forward_pre_hook(
        lambda module, args, kwargs: shapes.append(tuple(kwargs["input_ids"].shape)),
        with_kwargs=True,
    )
    try:
        together = filler.fill(texts, top_k=3)
    finally:
        hook.remove()
    longest = max(tokens for _, tokens in shapes)
    assert sum(rows for rows, _ in shapes) == 32 and (1, longest) in shapes
    assert max(tokens for rows, tokens in shapes if rows > 1) < longest / 3
    for text, found in zip(texts, together, strict=True):
        alone = filler.fill([text], top_k=3)[0]
        assert [[f.token_id for f in m] for m in found.masks] == [
            [f.token_id for f in m] for m in alone.masks
        ]
        for mine, single in zip(found.masks, alone.masks, strict=True):
            for f, g in zip(mine, single, strict=True):
                assert f.probability == pytest.approx(g.probability, abs=1e-5)


def test_both_mask_spellings_and_refusals(tiny_folder):
    filler = load_filler(tiny_folder)
    upper, lower, angle = filler.fill(
        ["Bu [MASK] güzel.", "Bu [mask] güzel.", "Bu <mask> güzel."], top_k=3
    )
    assert upper.masks == lower.masks == angle.masks
    assert upper.filled.startswith("Bu ") and "[MASK]" not in upper.filled
    with pytest.raises(UserError, match="text 2 has no blank"):
        filler.fill(["Bu [MASK].", "Boşluk yok."])
    short = MaskFiller(filler.model, filler.tokenizer, max_length=4)
    with pytest.raises(UserError, match="falls after the first 4 tokens"):
        short.fill(["Bir iki üç dört beş [MASK]."])


def test_a_model_without_mask_token_is_refused(tmp_path):
    from trtune.run.presets import train_bpe_tokenizer

    tokenizer = train_bpe_tokenizer(turkish_lines(40), 300, 64)
    source = resolve_model("tiny-gpt")
    with pytest.raises(UserError, match="no mask token"):
        load_masked_lm(source, tokenizer)


def test_lacks_head_ignores_a_missing_decoder_bias():
    assert not lacks_head([])
    assert not lacks_head(["cls.predictions.decoder.bias"])
    assert lacks_head(["cls.predictions.transform.dense.weight", "cls.predictions.bias"])


@pytest.mark.slow
def test_minilm_export_gets_a_new_tied_head_and_predict_refuses_it():
    source = resolve_model(str(minilm_path()))
    tokenizer = load_tokenizer(source)
    loaded = load_masked_lm(source, tokenizer, seed=1)
    assert loaded.head == "added" and loaded.tied
    assert "cls.predictions.transform.dense.weight" in loaded.new_weights
    assert head_modules(loaded.model, loaded.new_weights) == [
        "cls.predictions.transform.LayerNorm",
        "cls.predictions.transform.dense",
    ]
    with pytest.raises(UserError, match="run `trtune mask train --model"):
        load_filler(minilm_path())
