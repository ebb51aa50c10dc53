"""The :class:`transformers.Trainer` every Trainer-based task trains with.

:class:`TrtuneTrainer` adds what trtune promises on top of the Trainer: it stops at the
first non-finite loss (:func:`~trtune.run.guard.check_finite`), pads less (micro-batches on
one CPU process, length-grouped batches elsewhere) and counts correct training predictions
for the running training accuracy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import torch
from transformers import Trainer

from trtune.run.guard import check_finite
from trtune.run.microbatch import split_batch
from trtune.run.outdir import latest_checkpoint
from trtune.run.sampler import ShuffledLengthGroupedSampler

MIN_GROUPED_BATCHES = 32  # length grouping only from this many batches per epoch


IGNORE_INDEX = -100  # label positions left out of the loss (padding, sub-words, prompts)


def count_items(labels: torch.Tensor) -> int:
    """Labels that count in the loss: every row of a ``(B,)`` label vector, the positions
    that are not :data:`IGNORE_INDEX` of a ``(B, T)`` one."""
    return int((labels != IGNORE_INDEX).sum())


class TrtuneTrainer(Trainer):
    """A :class:`transformers.Trainer` that stops at the first non-finite training loss,
    pads less, and counts correct training predictions (``fit_correct`` of ``fit_total``)
    for the running accuracy of :class:`~trtune.run.callbacks.TrainAccuracyCallback`.

    Padding: batches are length-grouped when the training set has ``lengths`` and at least
    ``MIN_GROUPED_BATCHES`` batches (:class:`~trtune.run.sampler.ShuffledLengthGroupedSampler`:
    windows sorted by length within each label, batches shuffled; on a single CPU process
    only for a set with a label per example, where it was measured), and in a single CPU
    process each batch is also cut into length-sorted micro-batches
    (:func:`~trtune.run.microbatch.split_batch`: the same examples, the same gradient, less
    padding). Several processes (DDP runs one forward per backward) and GPUs (small kernels
    waste them) get the grouped batches whole. On 1,800 e-ticaret reviews (MiniLM, batch 32,
    one epoch, 2-core CPU) grouping before splitting cut the padded tokens from 92,709 to
    80,838 and took ``classify train`` from 0.83x to 1.03x the samples/s of transformers'
    ``group_by_length`` Trainer, at accuracy 0.73 against its 0.65 (bench/RESULTS.md).

    Labels may be one per row (sequence classification; question answering's
    ``start_positions`` and ``end_positions``, found through the Trainer's ``label_names``)
    or one per token (token classification, language modelling; :data:`IGNORE_INDEX` where
    nothing is scored): the micro-batch losses are weighted by the items they score either
    way."""

    fit_correct: int = 0
    fit_total: int = 0
    token_keys: tuple[str, ...] = ()  # ("labels",) when the labels follow the input tokens

    @property
    def splits_batches(self) -> bool:
        """Whether training batches are split into micro-batches (one CPU process)."""
        return self.args.world_size == 1 and self.args.device.type == "cpu"

    def _get_train_sampler(self, train_dataset=None):  # noqa: D102
        dataset = train_dataset if train_dataset is not None else self.train_dataset
        lengths = getattr(dataset, "lengths", None)
        labels = getattr(dataset, "label_ids", None)
        if lengths is None or (self.splits_batches and labels is None):
            # On one CPU process grouping is measured for labelled texts only (classify);
            # there QA windows and NER sentences keep shuffled batches and micro-batching.
            return super()._get_train_sampler(train_dataset)
        batch = self.args.train_batch_size * self.args.gradient_accumulation_steps
        if len(lengths) < MIN_GROUPED_BATCHES * batch:
            # A few dozen batches: little padding to save, and sorting would put texts of
            # one length (often one label) together. Plain shuffling instead.
            return super()._get_train_sampler(train_dataset)
        return ShuffledLengthGroupedSampler(lengths, batch, self.args.seed, labels=labels)

    def _label_key(self, inputs) -> str | None:
        """The batch key holding the labels: ``labels``, or the first of the model's own
        label names (``start_positions`` for question answering, one per row)."""
        for key in ("labels", *(self.label_names or ())):
            if inputs.get(key) is not None:
                return key
        return None

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # noqa: D102
        label_key = self._label_key(inputs)
        labels = inputs.get(label_key) if label_key else None
        parts = None
        if model.training and not return_outputs and labels is not None and self.splits_batches:
            parts = split_batch(inputs, self.token_keys)
        if parts is None:
            loss, outputs = self.forward_loss(model, inputs, num_items_in_batch)
            if model.training and labels is not None:
                self._count_correct(outputs, labels)
            return (loss, outputs) if return_outputs else loss
        # Each part's loss is a mean over its items (no item count is passed down): weighted by
        # items they give the batch mean. Where the Trainer normalises by the items of all
        # accumulated batches instead (num_items_in_batch), rescale to that.
        items = count_items(labels)
        scale = 1.0
        normalised = self.model_accepts_loss_kwargs or self.compute_loss_func is not None
        if normalised and num_items_in_batch is not None:
            scale = items / float(num_items_in_batch)
        loss = 0.0
        for part in parts:
            part_labels = part[label_key]  # the Trainer pops it when a compute_loss_func is set
            part_loss, outputs = self.forward_loss(model, part)
            loss = loss + part_loss * (scale * count_items(part_labels) / items)
            self._count_correct(outputs, part_labels)
        return loss

    def forward_loss(self, model, inputs, num_items_in_batch=None):
        """``(loss, outputs)`` of one forward pass (a whole batch or a micro-batch): the
        Trainer's own :meth:`~transformers.Trainer.compute_loss`. A task whose loss can be
        computed more cheaply than the model's forward pass does overrides this."""
        return super().compute_loss(
            model, inputs, return_outputs=True, num_items_in_batch=num_items_in_batch
        )

    @staticmethod
    def weighted_loss(class_weights: Sequence[float]) -> Callable[..., torch.Tensor]:
        """A ``compute_loss_func`` for the Trainer: cross-entropy with a weight per class.

        The weighted sum over the batch is divided by the number of examples (of the whole
        accumulated batch when the Trainer passes ``num_items_in_batch``), so that balanced
        weights, which average 1 over the training set, keep the loss on its usual scale.
        """
        weights = torch.tensor(list(class_weights), dtype=torch.float32)

        def loss(outputs, labels: torch.Tensor, num_items_in_batch=None) -> torch.Tensor:
            logits = outputs["logits"] if isinstance(outputs, dict) else outputs[0]
            total = torch.nn.functional.cross_entropy(
                logits.float(), labels, weight=weights.to(logits.device), reduction="sum"
            )
            count = labels.numel() if num_items_in_batch is None else num_items_in_batch
            return total / count

        return loss

    def _count_correct(self, outputs, labels: torch.Tensor) -> None:
        if isinstance(outputs, dict) and "logits" not in outputs:
            return  # e.g. question answering's start/end logits: no accuracy to count
        logits = outputs["logits"] if isinstance(outputs, dict) else outputs[1]
        if logits.shape[:-1] != labels.shape:
            return  # e.g. a causal LM's shifted labels: no accuracy to count
        with torch.no_grad():
            scored = labels != IGNORE_INDEX
            self.fit_correct += int(((logits.argmax(-1) == labels) & scored).sum())
            self.fit_total += int(scored.sum())

    def training_step(self, model, inputs, num_items_in_batch=None):  # noqa: D102
        loss = super().training_step(model, inputs, num_items_in_batch)
        root = Path(self.args.output_dir)
        check_finite(loss, self.state.global_step + 1, lambda: latest_checkpoint(root))
        return loss
