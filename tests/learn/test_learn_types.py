"""The three LLM types: the toy tasks, the models' shapes and the held-out accuracies."""

from __future__ import annotations

import json
import time

import pytest
import torch

from trtune.cli import main
from trtune.learn.toy_tasks import MajorityTask, RepeatLanguageTask, ReverseTask, held_out
from trtune.learn.train_types import TypesConfig, train_decoder_only
from trtune.learn.types import DecoderOnly, EncoderDecoder, EncoderOnly, TinyConfig


def _gen(seed: int = 0) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def test_majority_labels_and_no_ties() -> None:
    tokens, labels = MajorityTask().batch(200, _gen())
    counts = torch.nn.functional.one_hot(tokens, 3).sum(dim=1)  # (B, 3)
    top2 = counts.topk(2, dim=1).values
    assert (top2[:, 0] > top2[:, 1]).all()
    assert (counts.gather(1, labels[:, None]).squeeze(1) == top2[:, 0]).all()
    assert not held_out(tokens).any()


def test_held_out_part_is_disjoint_from_training() -> None:
    train = RepeatLanguageTask().batch(500, _gen(1))
    test = RepeatLanguageTask().batch(500, _gen(2), held_out_part=True)
    train_phrases = {tuple(row) for row in train[:, :3].tolist()}
    test_phrases = {tuple(row) for row in test[:, :3].tolist()}
    assert not train_phrases & test_phrases
    assert 0.1 < held_out(RepeatLanguageTask().draw(5000, _gen())).float().mean() < 0.3
    assert train[0].tolist() == train[0, :3].tolist() * 4  # the phrase repeats


def test_reverse_targets() -> None:
    sources, targets = ReverseTask().batch(4, _gen(), held_out_part=True)
    assert targets.tolist() == [row[::-1] for row in sources.tolist()]
    assert held_out(sources).all()


def test_model_shapes() -> None:
    size = TinyConfig(vocab_size=11, block_size=6, n_embd=16, n_head=2, n_layer=1)
    idx = torch.randint(0, 10, (2, 6), generator=_gen())
    assert EncoderOnly(size, n_classes=3)(idx).shape == (2, 3)
    assert DecoderOnly(size)(idx).shape == (2, 6, 11)
    model = EncoderDecoder(size)
    assert model(idx, idx).shape == (2, 6, 11)
    assert model.generate(idx, bos=10, length=6).shape == (2, 6)


def test_config_validation() -> None:
    with pytest.raises(ValueError, match="steps"):
        TypesConfig(steps=0)
    with pytest.raises(ValueError, match="divisible"):
        TinyConfig(vocab_size=4, block_size=4, n_embd=10, n_head=3)


def test_training_is_seeded_and_untrained_models_fail() -> None:
    short = TypesConfig(steps=3, eval_size=50)
    first, second = train_decoder_only(short), train_decoder_only(short)
    assert first.final_loss == second.final_loss and first.accuracy == second.accuracy
    assert first.accuracy < 0.5  # three steps are not enough: the test can fail


@pytest.mark.slow
def test_all_three_types_reach_95_percent(capsys: pytest.CaptureFixture[str]) -> None:
    start = time.perf_counter()
    try:
        main(["learn", "types", "--json", "--lang", "en"])
    except SystemExit as exc:
        assert exc.code in (0, None)
    seconds = time.perf_counter() - start
    out = capsys.readouterr().out
    accuracies = json.loads(out.strip().splitlines()[-1])
    assert set(accuracies) == {"encoder_only", "decoder_only", "encoder_decoder"}
    for name, accuracy in accuracies.items():
        assert accuracy >= 0.95, (name, accuracy)
    assert "accuracy" in out and "encoder_decoder" in out
    assert seconds < 120
