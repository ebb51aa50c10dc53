"""Load a folder ``qa train`` wrote and answer questions about a context.

:func:`load_qa_model` loads a full model or a LoRA adapter through
:mod:`trtune.infer.kinds`, with what its run recorded in ``trtune.json`` (window length,
stride, longest answer, no-answer threshold). :class:`QaPredictor` cuts each context into
windows (:mod:`trtune.tasks.qa.windows`), runs them in length-sorted batches and picks the
answer with the n-best span search of :mod:`trtune.infer.spans`, which follows
``transformers``' question-answering pipeline step by step: a full-model folder answers the
same through ``pipeline("question-answering", model=DIR)`` (transformers 4; version 5
removed that pipeline). ``qa predict``, ``qa eval``, the test scoring after training,
validation during training and ``serve`` all answer through here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import torch

from trtune.errors import UserError
from trtune.infer.kinds import inspect_folder, load_model_folder
from trtune.infer.onnx_backend import choose_backend, load_onnx_folder
from trtune.infer.spans import QaAnswer, best_answer
from trtune.run.devices import resolve_device, resolve_dtype
from trtune.run.microbatch import inference_rows
from trtune.tasks.qa.windows import Windows, encode_windows, long_questions, question_limit

DEFAULTS = {"max_length": 384, "doc_stride": 128, "max_answer_length": 30, "n_best": 12}


def answers_from_logits(
    windows: Windows,
    start_logits: np.ndarray,
    end_logits: np.ndarray,
    contexts: Sequence[str],
    max_answer_length: int,
    n_best: int,
    null_threshold: float | None = None,
) -> list[QaAnswer]:
    """One answer per context from the logits of all its windows.

    Args:
        windows: the windows of the questions, in order.
        start_logits, end_logits: ``(W, T)`` per window (rows may be padded past a window's
            length; the padding is never read).
    """
    by_example: list[list[int]] = [[] for _ in contexts]
    for w, example in enumerate(windows.example):
        by_example[example].append(w)
    return [
        best_answer(
            context,
            [
                (start_logits[w], end_logits[w], windows.offsets[w], windows.word_ids[w])
                for w in by_example[i]
            ],
            max_answer_length,
            n_best,
            null_threshold,
        )
        for i, context in enumerate(contexts)
    ]


class QaPredictor:
    """An extractive QA model with its tokenizer and its search settings."""

    def __init__(
        self,
        model,
        tokenizer,
        max_length: int = DEFAULTS["max_length"],
        doc_stride: int = DEFAULTS["doc_stride"],
        max_answer_length: int = DEFAULTS["max_answer_length"],
        n_best: int = DEFAULTS["n_best"],
        null_threshold: float | None = None,
        batch_size: int = 32,
    ):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.max_length = min(max_length, int(getattr(tokenizer, "model_max_length", max_length)))
        self.doc_stride = min(doc_stride, self.max_length // 2)
        self.max_answer_length = max_answer_length
        self.n_best = n_best
        self.null_threshold = null_threshold
        self.batch_size = batch_size
        self.record: dict = {}  # the folder's trtune.json, when loaded from one

    def window_logits(self, windows: Windows) -> tuple[np.ndarray, np.ndarray]:
        """``(W, T)`` start and end logits of every window (``T``: the longest window)."""
        lengths = windows.lengths
        width = max(lengths, default=0)
        starts = np.zeros((len(windows), width), dtype=np.float32)
        ends = np.zeros((len(windows), width), dtype=np.float32)
        names = [n for n in self.tokenizer.model_input_names if hasattr(windows, n)]
        device = next(self.model.parameters()).device
        with torch.inference_mode():
            for rows in inference_rows(lengths, self.batch_size, device):
                batch = self.tokenizer.pad(
                    {n: [getattr(windows, n)[i] for i in rows] for n in names},
                    return_tensors="pt",
                ).to(device)
                out = self.model(**batch)
                T = batch["input_ids"].shape[1]
                starts[rows, :T] = out.start_logits.float().cpu().numpy()  # (B, T)
                ends[rows, :T] = out.end_logits.float().cpu().numpy()  # (B, T)
        return starts, ends

    def predict(
        self, questions: Sequence[str], contexts: Sequence[str], strict: bool = True
    ) -> list[QaAnswer]:
        """The answer to each question about its context, in order.

        Args:
            strict: refuse a question too long to share a window with its context; when
                False it gets the empty answer instead (scoring a file keeps going).

        Raises:
            UserError: a question is too long (``strict`` only).
        """
        if not questions:
            return []
        too_long = set(long_questions(self.tokenizer, questions, self.max_length, self.doc_stride))
        if too_long and strict:
            limit = question_limit(self.max_length, self.doc_stride)
            raise UserError(f"question {min(too_long) + 1} is longer than {limit} tokens")
        keep = [i for i in range(len(questions)) if i not in too_long]
        windows = encode_windows(
            self.tokenizer,
            [questions[i] for i in keep],
            [contexts[i] for i in keep],
            self.max_length,
            self.doc_stride,
        )
        starts, ends = self.window_logits(windows)
        found = answers_from_logits(
            windows,
            starts,
            ends,
            [contexts[i] for i in keep],
            self.max_answer_length,
            self.n_best,
            self.null_threshold,
        )
        answers = [QaAnswer("", 0.0, 0, 0)] * len(questions)
        for i, answer in zip(keep, found, strict=True):
            answers[i] = answer
        return answers


def search_settings(record: dict) -> dict:
    """The window and search settings a folder's run recorded (defaults for others)."""
    model, settings = record.get("model", {}), record.get("settings", {})
    found = {key: model.get(key, settings.get(key, default)) for key, default in DEFAULTS.items()}
    found["null_threshold"] = model.get("null_threshold")
    return found


def load_qa_model(
    folder: str | Path,
    device: torch.device | str = "auto",
    dtype: torch.dtype | str = torch.float32,
    backend: str = "auto",
) -> QaPredictor:
    """Load the QA model saved in ``folder`` (full model or LoRA adapter) on ``device`` in
    ``dtype`` (a ``--dtype`` name is resolved by :func:`~trtune.run.devices.resolve_dtype`),
    or an ONNX export with onnxruntime (``backend``: see :mod:`trtune.infer.onnx_backend`).

    Raises:
        UserError: ``folder`` holds no model, or one of another task.
    """
    if choose_backend(folder, backend) == "onnx":
        model, tokenizer, record = load_onnx_folder(folder, "qa")
        predictor = QaPredictor(model, tokenizer, **search_settings(record))
        predictor.record = record
        return predictor
    info = inspect_folder(folder)
    if info.task != "qa":
        what = f"a {info.task} model" if info.task else "no question-answering head"
        raise UserError(f"this folder holds {what}, not a QA model", file=folder)
    device = resolve_device(device) if isinstance(device, str) else device
    dtype = resolve_dtype(dtype, device) if isinstance(dtype, str) else dtype
    model, tokenizer = load_model_folder(info, device=device, dtype=dtype)
    predictor = QaPredictor(model, tokenizer, **search_settings(info.record))
    predictor.record = info.record
    return predictor
