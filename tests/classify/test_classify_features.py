"""Feature extraction (fast path equals the slow reference), its cache, and the head."""

from __future__ import annotations

import torch

from trtune.run.models import load_model, load_tokenizer, minilm_path, resolve_model
from trtune.tasks.classify.features import cached_features, extract_features
from trtune.tasks.classify.head import FeatureHead, train_head

TEXTS = [
    "Kısa.",
    "Bu ürünü çok beğendim, herkese tavsiye ederim, kargo da hızlıydı.",
    "Berbat",
    "Fiyatına göre idare eder ama kutusu ezik geldi, biraz üzüldüm açıkçası.",
    "Harika!",
    "Telefon bugün elime ulaştı, henüz kullanmadım, kullandıkça yorum yapacağım.",
] * 3


def _tiny():
    source = resolve_model("tiny")
    tokenizer = load_tokenizer(source, TEXTS)
    return load_model(source, "encoder", tokenizer), tokenizer


def test_sorted_dynamic_padding_equals_reference():
    encoder, tokenizer = _tiny()
    for pooling in ("cls", "mean"):
        fast = extract_features(encoder, tokenizer, TEXTS, pooling, 64, batch_size=5)
        slow = extract_features(
            encoder, tokenizer, TEXTS, pooling, 64, 8, sort_by_length=False, padding="max_length"
        )
        assert fast.shape == (len(TEXTS), 64)
        torch.testing.assert_close(fast, slow, atol=1e-4, rtol=0)


def test_token_budget_batches_hold_fewer_long_texts():
    from trtune.tasks.classify.features import _batches

    lengths = [100, 90, 30, 20, 10, 10, 10, 5]
    order = list(range(8))
    batches = _batches(order, lengths, batch_size=4, max_tokens=200, sorted_longest_first=True)
    assert [i for b in batches for i in b] == order
    assert batches[0] == [0, 1]  # 2 x 100 tokens fills the budget
    assert all(len(b) * lengths[b[0]] <= 200 or len(b) == 1 for b in batches)
    assert max(len(b) for b in batches) == 4  # short texts: capped by batch_size
    assert _batches(order, lengths, 3, None, True) == [[0, 1, 2], [3, 4, 5], [6, 7]]
    encoder, tokenizer = _tiny()
    capped = extract_features(encoder, tokenizer, TEXTS, "mean", 64, max_batch_tokens=40)
    plain = extract_features(encoder, tokenizer, TEXTS, "mean", 64, max_batch_tokens=None)
    torch.testing.assert_close(capped, plain, atol=1e-5, rtol=0)


def test_a_batch_of_mixed_lengths_runs_in_parts_with_the_same_vectors():
    encoder, tokenizer = _tiny()
    texts = [" ".join(["çok güzel bir ürün"] * 12)] + ["İyi.", "Kötü.", "Fena değil."] * 10
    shapes = []
    hook = encoder.register_forward_hook(lambda m, args, kw, out: shapes.append(
        tuple(kw["input_ids"].shape)), with_kwargs=True)  # fmt: skip
    for pooling in ("cls", "mean"):
        shapes.clear()
        batched = extract_features(encoder, tokenizer, texts, pooling, 64, batch_size=64)
        passes = list(shapes)
        alone = torch.cat([extract_features(encoder, tokenizer, [t], pooling, 64) for t in texts])
        torch.testing.assert_close(batched, alone, atol=1e-5, rtol=0)
        # one batch of 31 texts on a CPU: the long one (64 tokens) apart, the short ones in
        # parts padded to their own longest (the old code: one pass of (31, 64))
        assert (1, 64) in passes and sum(n for n, _ in passes) == len(texts), passes
        assert all(t < 20 for n, t in passes if n > 1), passes
    hook.remove()


def test_minilm_features_match_reference():
    source = resolve_model(str(minilm_path()))
    tokenizer = load_tokenizer(source)
    encoder = load_model(source, "encoder", tokenizer)
    texts = TEXTS[:6]
    fast = extract_features(encoder, tokenizer, texts, "mean", 128, batch_size=4)
    slow = extract_features(
        encoder, tokenizer, texts, "mean", 128, 8, sort_by_length=False, padding="max_length"
    )
    assert fast.shape == (6, 384)
    torch.testing.assert_close(fast, slow, atol=1e-4, rtol=0)


def test_cache_hit_returns_same_features(tmp_path):
    encoder, tokenizer = _tiny()
    first, path, hit = cached_features(encoder, tokenizer, TEXTS, "cls", 64)
    assert not hit and path.is_file() and str(tmp_path / "cache") in str(path)
    second, path2, hit2 = cached_features(encoder, tokenizer, TEXTS, "cls", 64)
    assert hit2 and path2 == path
    torch.testing.assert_close(first, second)
    _, path3, hit3 = cached_features(encoder, tokenizer, TEXTS, "mean", 64)
    assert not hit3 and path3 != path


def test_cache_key_follows_the_tokenizer(tmp_path):
    source = resolve_model(str(minilm_path()))
    encoder = load_model(source, "encoder", load_tokenizer(source))
    texts = ["Işık kısa sürede geldi", "Kırık çıktı"]
    folded, path, _ = cached_features(encoder, load_tokenizer(source), texts, "mean", 32)
    plain, path2, hit = cached_features(
        encoder, load_tokenizer(source, fold=False), texts, "mean", 32
    )
    assert not hit and path2 != path  # same encoder and texts, other token ids: no false hit
    assert not torch.allclose(folded, plain)


def test_head_architecture_and_training():
    head = FeatureHead(16, 3)
    linear = [m for m in head if isinstance(m, torch.nn.Linear)]
    assert [m.out_features for m in linear] == [128, 64, 32, 3]
    assert sum(isinstance(m, torch.nn.BatchNorm1d) for m in head) == 3
    generator = torch.Generator().manual_seed(0)
    centres = torch.randn(3, 16, generator=generator) * 3
    y = torch.arange(300) % 3
    x = centres[y] + torch.randn(300, 16, generator=generator)
    trained, history = train_head(
        x[:240], y[:240], x[240:], y[240:], 3, epochs=40, batch_size=32, patience=5
    )
    assert max(history.val_accuracy) >= 0.95
    assert history.val_accuracy[history.best_epoch - 1] == max(history.val_accuracy)
    assert history.stopped_epoch <= 40 and len(history.val_loss) == history.stopped_epoch
    with torch.no_grad():
        accuracy = (trained(x[240:]).argmax(1) == y[240:]).float().mean().item()
    assert accuracy == max(history.val_accuracy)
