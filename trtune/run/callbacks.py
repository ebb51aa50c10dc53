"""Trainer callbacks every Trainer-based task shares: progress, evaluation lines, accuracy,
and a clean stop on Ctrl-C or SIGTERM."""

from __future__ import annotations

from contextlib import ExitStack

from transformers import TrainerCallback

from trtune.i18n import say
from trtune.run.messages import MESSAGES
from trtune.run.progress import Reporter


class ProgressCallback(TrainerCallback):
    """A bar over the optimiser steps with the running loss and an ETA, and one line per
    evaluation (epoch, step, losses, the task's headline metric) on the main process."""

    def __init__(self, reporter: Reporter, total_epochs: float, metric: str = "accuracy"):
        self.reporter = reporter
        self.total_epochs = total_epochs
        self.metric = metric
        self.last_train_loss: float | None = None
        self._stack = ExitStack()
        self._task = None

    def on_train_begin(self, args, state, control, **kwargs):
        if state.is_world_process_zero:
            title = say(MESSAGES, "progress.training", self.reporter.lang)
            progress = self.reporter.progress(title, state.max_steps, state.global_step)
            self._task = self._stack.enter_context(progress)

    def on_step_end(self, args, state, control, **kwargs):
        if self._task is not None:
            loss = "" if self.last_train_loss is None else f"loss {self.last_train_loss:.4f}"
            self._task.update(state.global_step, loss)

    def on_train_end(self, args, state, control, **kwargs):
        self._stack.close()
        self._task = None

    def on_log(self, args, state, control, logs=None, **kwargs):
        if logs and "loss" in logs:
            self.last_train_loss = float(logs["loss"])

    def on_evaluate(self, args, state, control, metrics=None, **kwargs):
        if not state.is_world_process_zero or not metrics or "eval_loss" not in metrics:
            return
        t = lambda key, **f: say(MESSAGES, key, self.reporter.lang, **f)  # noqa: E731
        epoch = t("eval.epoch", epoch=f"{state.epoch:.2f}", total=f"{self.total_epochs:g}")
        parts = [epoch, t("eval.step", step=state.global_step)]
        if self.last_train_loss is not None:
            parts.append(t("eval.train_loss", loss=f"{self.last_train_loss:.4f}"))
        parts.append(t("eval.val_loss", loss=f"{metrics['eval_loss']:.4f}"))
        key = f"eval_{self.metric}"
        if key in metrics:
            named = f"eval.metric.{self.metric}"
            name = t(named) if named in MESSAGES else self.metric
            parts.append(t("eval.val_metric", name=name, value=f"{metrics[key]:.4f}"))
        self.reporter.line("  ".join(parts))


class TrainAccuracyCallback(TrainerCallback):
    """At each epoch end, record the epoch's training accuracy in the log history under
    ``trainfit_accuracy``, so the curves can show it beside validation accuracy.

    The accuracy is the running one over the epoch's own training batches (as Keras reports
    it, and as the report's plots show): :class:`~trtune.run.trainer.TrtuneTrainer` counts
    correct predictions from the logits it computes anyway, so this costs no extra forward
    pass. Set :attr:`trainer` after building the trainer.
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
