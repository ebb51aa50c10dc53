"""Less padding without changing training: micro-batch splitting and label-aware grouping."""

from __future__ import annotations

import random

import pytest
import torch
from transformers import BertConfig, BertForSequenceClassification, TrainingArguments

from trtune.run.microbatch import budget_split, plan_split, split_batch
from trtune.run.sampler import ShuffledLengthGroupedSampler
from trtune.run.trainer import TrtuneTrainer


def test_plan_split_covers_every_row_once_and_pads_less():
    lengths = [random.Random(i).randint(5, 128) for i in range(32)]
    parts = plan_split(lengths)
    assert sorted(i for part in parts for i in part) == list(range(32))
    assert 2 <= len(parts) <= 4
    padded = sum(len(part) * max(lengths[i] for i in part) for part in parts)
    assert padded < 0.7 * 32 * max(lengths)
    longest = [max(lengths[i] for i in part) for part in parts]
    shortest = [min(lengths[i] for i in part) for part in parts]
    assert all(s >= nxt for s, nxt in zip(shortest, longest[1:], strict=False))  # sorted cuts


def test_plan_split_keeps_an_even_batch_whole():
    assert plan_split([40] * 32) == [list(range(32))]


def test_budget_split_keeps_each_part_within_the_budget():
    rng = random.Random(1)
    lengths = [rng.randint(1, 300) for _ in range(40)] + [400]
    parts = budget_split(lengths, 512)
    assert sorted(i for part in parts for i in part) == list(range(41))
    for part in parts:
        longest = max(lengths[i] for i in part)
        assert lengths[part[0]] == longest and len(part) * longest <= 512
    assert budget_split([600, 5], 512) == [[0], [1]]  # a row over the budget runs alone
    assert len(parts) < len(lengths) / 2  # short rows share a part


def test_inference_is_cut_into_parts_on_the_cpu_only():
    from trtune.run.microbatch import INFERENCE_CALL_COST, INFERENCE_MAX_PARTS, inference_parts

    lengths = [random.Random(i).randint(5, 128) for i in range(32)]
    on_cpu = inference_parts(lengths, torch.device("cpu"))
    assert on_cpu == plan_split(lengths, INFERENCE_CALL_COST, INFERENCE_MAX_PARTS)
    assert 4 < len(on_cpu) <= 8  # more parts than training's 4: no gradient to sum
    (whole,) = inference_parts(lengths, torch.device("cuda"))
    assert sorted(whole) == list(range(32))
    assert [lengths[i] for i in whole] == sorted(lengths, reverse=True)


def _padded_batch(lengths: list[int], vocab: int = 50) -> dict[str, torch.Tensor]:
    width = max(lengths)
    generator = torch.Generator().manual_seed(0)
    ids = torch.randint(5, vocab, (len(lengths), width), generator=generator)
    mask = (torch.arange(width)[None, :] < torch.tensor(lengths)[:, None]).long()
    return {
        "input_ids": ids * mask,
        "token_type_ids": torch.zeros_like(ids),
        "attention_mask": mask,
        "labels": torch.arange(len(lengths)) % 3,
    }


def test_split_batch_trims_each_part_and_refuses_left_padding():
    batch = _padded_batch([3, 120, 4, 118, 5, 121])
    parts = split_batch(batch)
    assert parts is not None and len(parts) == 2
    for part in parts:
        assert part["input_ids"].shape[1] == int(part["attention_mask"].sum(1).max())
        assert part["labels"].shape[0] == part["input_ids"].shape[0]
    left = dict(batch, attention_mask=batch["attention_mask"].flip(1))
    assert split_batch(left) is None


@pytest.mark.parametrize("weights", [None, (0.5, 1.0, 3.0)])
@pytest.mark.parametrize("num_items", [None, 12])
def test_split_training_loss_has_the_whole_batch_gradient(tmp_path, num_items, weights):
    config = BertConfig(
        vocab_size=50, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, num_labels=3, hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0, classifier_dropout=0.0,
    )  # fmt: skip
    torch.manual_seed(0)
    model = BertForSequenceClassification(config).train()
    args = TrainingArguments(output_dir=str(tmp_path), use_cpu=True, report_to="none")
    loss_func = None if weights is None else TrtuneTrainer.weighted_loss(weights)
    trainer = TrtuneTrainer(model=model, args=args, compute_loss_func=loss_func)
    assert trainer.splits_batches
    batch = _padded_batch([3, 120, 4, 118, 5, 121])
    assert len(split_batch(batch)) == 2
    # The whole batch in one pass: cross-entropy weighted per class, summed, divided by rows.
    model.zero_grad()
    logits = model(**{k: v for k, v in batch.items() if k != "labels"}).logits
    weight = torch.tensor(weights or (1.0, 1.0, 1.0))
    total = torch.nn.functional.cross_entropy(logits, batch["labels"], weight, reduction="sum")
    (total / 6).backward()
    whole = [p.grad.clone() for p in model.parameters() if p.grad is not None]
    model.zero_grad()
    loss = trainer.compute_loss(model, batch, num_items_in_batch=num_items)
    if num_items:  # normalised by the items of all accumulated batches, like the Trainer's
        loss = loss * num_items / 6
    torch.testing.assert_close(loss, total / 6, atol=1e-5, rtol=1e-4)
    loss.backward()
    split = [p.grad.clone() for p in model.parameters() if p.grad is not None]
    assert len(split) == len(whole)
    for a, b in zip(split, whole, strict=True):
        torch.testing.assert_close(a, b, atol=1e-5, rtol=1e-4)
    assert trainer.fit_total == 6


def test_grouped_sampler_keeps_the_label_mix_of_each_batch():
    rng = random.Random(0)
    labels = [rng.randrange(3) for _ in range(960)]
    # Label 0 texts tend to be short, label 2 long: plain sorting would separate them.
    lengths = [10 + 20 * label + rng.randint(0, 60) for label in labels]
    plain = list(ShuffledLengthGroupedSampler(lengths, 32, seed=1))
    mixed = list(ShuffledLengthGroupedSampler(lengths, 32, seed=1, labels=labels))
    assert sorted(mixed) == list(range(960))

    def worst_share(order):
        batches = [order[i : i + 32] for i in range(0, 960, 32)]
        return max(max(sum(labels[i] == k for i in b) for k in range(3)) / 32 for b in batches)

    assert worst_share(plain) > 0.75  # batches mostly of one label
    assert worst_share(mixed) < 0.6

    def padded(order):
        return sum(32 * max(lengths[i] for i in order[s : s + 32]) for s in range(0, 960, 32))

    assert padded(mixed) < 0.85 * padded(list(range(960)))  # still saves padding


class _Texts(torch.utils.data.Dataset):
    def __init__(self, n: int, labelled: bool):
        self.lengths = [5 + (i * 7) % 100 for i in range(n)]
        if labelled:
            self.label_ids = [i % 3 for i in range(n)]

    def __len__(self) -> int:
        return len(self.lengths)

    def __getitem__(self, i):
        return {"input_ids": [1] * self.lengths[i]}


def test_one_cpu_process_groups_labelled_texts_only(tmp_path):
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1,
                        num_attention_heads=2, intermediate_size=32, num_labels=3)  # fmt: skip
    args = TrainingArguments(output_dir=str(tmp_path), use_cpu=True, report_to="none",
                             per_device_train_batch_size=8)  # fmt: skip
    trainer = TrtuneTrainer(model=BertForSequenceClassification(config), args=args)
    assert trainer.splits_batches
    grouped = trainer._get_train_sampler(_Texts(8 * 40, labelled=True))
    assert isinstance(grouped, ShuffledLengthGroupedSampler)
    assert not isinstance(  # QA windows, NER sentences: no label per example
        trainer._get_train_sampler(_Texts(8 * 40, labelled=False)), ShuffledLengthGroupedSampler
    )
    assert not isinstance(  # under 32 batches: plain shuffling
        trainer._get_train_sampler(_Texts(8 * 20, labelled=True)), ShuffledLengthGroupedSampler
    )
