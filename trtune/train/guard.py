"""Stop training at the first NaN or infinite loss, naming the step.

A NaN loss poisons every weight after one optimiser step, so going on is pointless. The
guard raises :class:`~trtune.errors.NumericalFault` (exit code 3) before the optimiser
applies the bad gradient; checkpoints saved earlier stay untouched on disk.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

import torch
from transformers import Trainer

from trtune.errors import NumericalFault
from trtune.train.outdir import latest_checkpoint
from trtune.train.sampler import ShuffledLengthGroupedSampler
from trtune.train.split import split_batch


def check_finite(
    loss: float | torch.Tensor,
    step: int,
    checkpoint: Path | Callable[[], Path | None] | None = None,
) -> None:
    """Raise :class:`NumericalFault` when ``loss`` is NaN or infinite.

    Args:
        loss: the loss of one step.
        step: the 1-based optimiser step it belongs to.
        checkpoint: the last good checkpoint kept on disk, named in the message; a callable
            is asked only when the loss is bad (finding it costs a folder listing).
    """
    value = float(loss.detach().float().item()) if isinstance(loss, torch.Tensor) else loss
    if math.isfinite(value):
        return
    if callable(checkpoint):
        checkpoint = checkpoint()
    kept = f"last good checkpoint kept: {checkpoint}" if checkpoint else "no checkpoint saved yet"
    raise NumericalFault(
        f"loss became {value} at step {step}; training stopped ({kept}); try a smaller --lr or fp32"
    )


MIN_GROUPED_BATCHES = 32  # length grouping only from this many batches per epoch


class NanGuardTrainer(Trainer):
    """A :class:`transformers.Trainer` that stops at the first non-finite training loss,
    pads less, and counts correct training predictions (``fit_correct`` of ``fit_total``)
    for the running accuracy of :class:`~trtune.train.callbacks.TrainAccuracyCallback`.

    Padding: in a single CPU process each shuffled batch is cut into length-sorted
    micro-batches (:func:`~trtune.train.split.split_batch`): the same examples, the same
    gradient, less padding. Several processes (DDP runs one forward per backward) and GPUs
    (small kernels waste them) get length-grouped batches instead when the training set has
    ``lengths`` (:class:`~trtune.train.sampler.ShuffledLengthGroupedSampler`)."""

    fit_correct: int = 0
    fit_total: int = 0

    @property
    def splits_batches(self) -> bool:
        """Whether training batches are split into micro-batches (one CPU process)."""
        return self.args.world_size == 1 and self.args.device.type == "cpu"

    def _get_train_sampler(self, train_dataset=None):  # noqa: D102
        dataset = train_dataset if train_dataset is not None else self.train_dataset
        lengths = getattr(dataset, "lengths", None)
        if lengths is None or self.splits_batches:
            return super()._get_train_sampler(train_dataset)
        batch = self.args.train_batch_size * self.args.gradient_accumulation_steps
        if len(lengths) < MIN_GROUPED_BATCHES * batch:
            # A few dozen batches: little padding to save, and sorting would put texts of
            # one length (often one label) together. Plain shuffling instead.
            return super()._get_train_sampler(train_dataset)
        labels = getattr(dataset, "label_ids", None)
        return ShuffledLengthGroupedSampler(lengths, batch, self.args.seed, labels=labels)

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):  # noqa: D102
        labels = inputs.get("labels")
        parts = None
        if model.training and not return_outputs and labels is not None and self.splits_batches:
            parts = split_batch(inputs)
        if parts is None:
            loss, outputs = super().compute_loss(
                model, inputs, return_outputs=True, num_items_in_batch=num_items_in_batch
            )
            if model.training and labels is not None:
                self._count_correct(outputs, labels)
            return (loss, outputs) if return_outputs else loss
        # Each part's loss is a mean over its rows (no item count is passed down): weighted by
        # rows they give the batch mean. Where the Trainer normalises by the items of all
        # accumulated batches instead (num_items_in_batch), rescale to that.
        scale = 1.0
        normalised = self.model_accepts_loss_kwargs or self.compute_loss_func is not None
        if normalised and num_items_in_batch is not None:
            scale = labels.numel() / float(num_items_in_batch)
        loss = 0.0
        for part in parts:
            part_labels = part["labels"]  # the Trainer pops it when a compute_loss_func is set
            part_loss, outputs = super().compute_loss(model, part, return_outputs=True)
            loss = loss + part_loss * (scale * part_labels.numel() / labels.numel())
            self._count_correct(outputs, part_labels)
        return loss

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
        logits = outputs["logits"] if isinstance(outputs, dict) else outputs[1]
        with torch.no_grad():
            self.fit_correct += int((logits.argmax(-1) == labels).sum())
            self.fit_total += int(labels.numel())

    def training_step(self, model, inputs, num_items_in_batch=None):  # noqa: D102
        loss = super().training_step(model, inputs, num_items_in_batch)
        root = Path(self.args.output_dir)
        check_finite(loss, self.state.global_step + 1, lambda: latest_checkpoint(root))
        return loss
