"""TrtuneTrainer's micro-batches with labels that are not called ``labels``: question
answering's ``start_positions``/``end_positions`` (one per row) are cut with their rows,
and, with the QA task's padding-free span loss, the weighted loss of the parts is the loss
of the whole batch (the plain ``*ForQuestionAnswering`` loss counts padding positions in
its softmax, so it changes with the padding)."""

from __future__ import annotations

import torch
from transformers import BertConfig, BertForQuestionAnswering, TrainingArguments

from trtune.run.microbatch import split_batch
from trtune.tasks.qa.finetune import QaTrainer
from trtune.tasks.qa.finetune import _SpanLossOverTokens as SpanLoss


def test_question_answering_batches_split_with_the_same_loss(tmp_path):
    torch.manual_seed(0)
    config = BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=320)  # fmt: skip
    model = BertForQuestionAnswering(config)
    args = TrainingArguments(output_dir=str(tmp_path), use_cpu=True, report_to="none")
    trainer = QaTrainer(model=model, args=args)
    assert trainer.splits_batches and trainer.label_names == ["start_positions", "end_positions"]
    lengths = [300, 290, 20, 18, 15, 12]  # two long rows, four short: worth two parts
    T = max(lengths)
    mask = torch.tensor([[1] * n + [0] * (T - n) for n in lengths])
    inputs = {
        "input_ids": torch.randint(1, 50, (len(lengths), T)) * mask,
        "attention_mask": mask,
        "start_positions": torch.tensor([3, 0, 2, 1, 0, 3]),
        "end_positions": torch.tensor([5, 0, 4, 1, 2, 3]),
    }
    parts = split_batch(inputs)
    assert parts is not None and len(parts) >= 2
    assert [len(p["start_positions"]) for p in parts] == [len(p["input_ids"]) for p in parts]
    for module in model.modules():  # no dropout: the two losses must agree exactly
        if isinstance(module, torch.nn.Dropout):
            module.p = 0.0
    model.train()  # compute_loss splits only in training mode
    with torch.no_grad():
        whole = SpanLoss.compute_loss(trainer, model, dict(inputs))  # the unsplit loss
        split = trainer.compute_loss(model, dict(inputs))
        alone = sum(
            SpanLoss.compute_loss(
                trainer,
                model,
                {k: v[i : i + 1, :n] if v.dim() == 2 else v[i : i + 1] for k, v in inputs.items()},
            )
            for i, n in enumerate(lengths)
        ) / len(lengths)
        padded = model(**inputs).loss  # transformers' own loss: padding in the softmax
    assert torch.allclose(split, whole, atol=1e-5), (split, whole)
    assert torch.allclose(whole, alone, atol=1e-5), (whole, alone)  # as if never padded
    assert not torch.allclose(padded, whole, atol=1e-2)
    assert trainer.fit_total == 0  # no accuracy is counted from start/end logits
