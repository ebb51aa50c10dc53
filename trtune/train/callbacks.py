"""Trainer callbacks shared by the training commands: progress lines and train accuracy."""

from __future__ import annotations

from transformers import TrainerCallback

from trtune.cli.console import err_console


class EpochLineCallback(TrainerCallback):
    """Print one line per evaluation on the main process: epoch, losses, accuracy."""

    def __init__(self, total_epochs: int):
        self.total_epochs = total_epochs
        self.last_train_loss: float | None = None

    def on_log(self, args, state, control, logs=None, **kwargs):
        if logs and "loss" in logs:
            self.last_train_loss = float(logs["loss"])

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):
        if not state.is_world_process_zero or not metrics or "eval_loss" not in metrics:
            return
        parts = [f"epoch {state.epoch:.2f}/{self.total_epochs}", f"step {state.global_step}"]
        if self.last_train_loss is not None:
            parts.append(f"train loss {self.last_train_loss:.4f}")
        parts.append(f"val loss {metrics['eval_loss']:.4f}")
        if "eval_accuracy" in metrics:
            parts.append(f"val acc {metrics['eval_accuracy']:.4f}")
        err_console.print("  ".join(parts), markup=False)


class TrainAccuracyCallback(TrainerCallback):
    """At each epoch end, record the epoch's training accuracy in the log history under
    ``trainfit_accuracy``, so the curves can show it beside validation accuracy.

    The accuracy is the running one over the epoch's own training batches (as Keras reports
    it, and as the report's plots show): :class:`~trtune.train.guard.NanGuardTrainer`
    counts correct predictions from the logits it computes anyway, so this costs no extra
    forward pass. Set :attr:`trainer` after building the trainer.
    """

    def __init__(self):
        self.trainer = None

    def on_epoch_end(self, args, state, control, **kwargs):
        if self.trainer is None or not self.trainer.fit_total:
            return
        accuracy = self.trainer.fit_correct / self.trainer.fit_total
        self.trainer.fit_correct = self.trainer.fit_total = 0
        state.log_history.append(
            {"trainfit_accuracy": accuracy, "epoch": state.epoch, "step": state.global_step}
        )
