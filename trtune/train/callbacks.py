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
    """At each epoch end, score (a sample of) the training set and record it in the log
    history under the prefix ``trainfit``, so the curves can show training accuracy beside
    validation accuracy.

    Uses ``trainer.predict`` rather than ``trainer.evaluate``: the latter fires
    ``on_evaluate``, which would cancel the epoch's real evaluation and confuse early stopping.
    Set :attr:`trainer` after building the trainer.
    """

    def __init__(self, train_sample):
        self.train_sample = train_sample
        self.trainer = None

    def on_epoch_end(self, args, state, control, **kwargs):
        if self.trainer is None:
            return
        metrics = self.trainer.predict(self.train_sample, metric_key_prefix="trainfit").metrics
        state.log_history.append({**metrics, "epoch": state.epoch, "step": state.global_step})
