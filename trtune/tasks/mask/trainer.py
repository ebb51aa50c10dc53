"""The Trainer of masked-LM training: the shared :class:`~trtune.run.trainer.TrtuneTrainer`
with the head run only on masked positions, and validation scored as perplexity."""

from __future__ import annotations

from trtune.run.trainer import TrtuneTrainer
from trtune.tasks.mask.head import masked_lm_stats


class MaskedLMTrainer(TrtuneTrainer):
    """A :class:`TrtuneTrainer` whose forward pass computes the vocabulary logits only for
    the masked tokens (:func:`~trtune.tasks.mask.head.masked_lm_stats`) and hands
    per-example statistics to the metric instead of ``(B, T, V)`` logits.

    Under ``accelerate launch`` (a model wrapped for data parallelism) the wrapper's own
    forward must run, so that gradients are synchronised: the full forward pass is used
    there, and ``preprocess_logits_for_metrics`` reduces its logits to the same statistics.
    """

    loss_is_scaled_for_ga = False  # the loss is the mean over one batch's masked tokens

    def forward_loss(self, model, inputs, num_items_in_batch=None):  # noqa: D102
        if self.accelerator.unwrap_model(model) is not model:
            return super().forward_loss(model, inputs, num_items_in_batch)
        loss, stats = masked_lm_stats(model, inputs)  # stats: (B, 3)
        if model.training:
            self.fit_total += int(stats[:, 1].sum())
            self.fit_correct += int(stats[:, 2].sum())
        return loss, {"loss": loss, "logits": stats}
