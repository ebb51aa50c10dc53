"""Extractive QA speed: trtune ``qa`` against a plain ``transformers.Trainer`` recipe.

Both sides train the same MiniLM on the same TQuAD windows (384 tokens, stride 128), same
seed, batch size, learning rate and steps. The plain recipe is the one a user would copy
from the Hugging Face course and ``run_qa.py``: ``TrainingArguments`` defaults (float32 on a
CPU, AdamW), every window padded to ``max_length`` up front, the default sampler. trtune
runs ``qa train`` on the same windows (``--max-length 384 --null-windows 1``, not its
defaults, so that both sides train on the same windows), otherwise as a user gets it:
float32 (``--precision auto`` on a CPU), no dropout on the attention weights on a CPU
(``--attention-dropout auto``: PyTorch's fused attention kernel takes none;
:mod:`trtune.run.attention`), each batch padded to its longest window and, on one CPU
process, run as length-sorted micro-batches (same gradient). TQuAD contexts are long: most
windows are full, so padding alone saves little. Prediction: trtune's ``QaPredictor``
(length-sorted batches) against the same windows padded to ``max_length`` in fixed batches;
both go through the same span search, so only the model runs differ. Rounds alternate the
sides; the fastest round of each side is kept. The quick form (1 step of 16 windows, the
full form's batch; 2 rounds) takes about 45 s on 2 quiet cores.

ratio = trtune training windows/s / plain windows/s (target 1.5); prediction questions/s
of both sides are reported beside it.

    python bench/bench_qa.py [--quick]
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from rounds import alternate
from transformers import Trainer, TrainingArguments, default_data_collator

from trtune.infer.qa import QaPredictor, answers_from_logits
from trtune.run.attention import attention_dropout_for
from trtune.run.fit import precision_flags
from trtune.run.models import load_model, load_tokenizer, minilm_path, resolve_model
from trtune.tasks.qa.finetune import qa_job
from trtune.tasks.qa.formats import load_qa
from trtune.tasks.qa.settings import QaSettings
from trtune.tasks.qa.windows import encode_windows

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "lm" / "tquad_train.json"
MAX_LENGTH, STRIDE, BATCH, LR = 384, 128, 16, 5e-5


class PaddedWindows(torch.utils.data.Dataset):
    """The plain recipe's dataset: every window padded to ``max_length`` up front."""

    def __init__(self, windows, pad_id: int):
        def pad(rows, value):
            return torch.tensor([r + [value] * (MAX_LENGTH - len(r)) for r in rows])

        self.tensors = {
            "input_ids": pad(windows.input_ids, pad_id),
            "attention_mask": pad(windows.attention_mask, 0),
            "token_type_ids": pad(windows.token_type_ids, 0),
            "start_positions": torch.tensor(windows.start_positions or [0] * len(windows)),
            "end_positions": torch.tensor(windows.end_positions or [0] * len(windows)),
        }

    def __len__(self) -> int:
        return len(self.tensors["input_ids"])

    def __getitem__(self, i: int) -> dict:
        return {k: v[i] for k, v in self.tensors.items()}


def _plain_train(model, dataset, steps: int, batch: int, out: Path) -> float:
    args = TrainingArguments(
        output_dir=str(out),
        max_steps=steps,
        per_device_train_batch_size=batch,
        learning_rate=LR,
        report_to="none",
        seed=42,
        disable_tqdm=True,
        use_cpu=True,
        save_strategy="no",
    )
    trainer = Trainer(
        model=model, args=args, train_dataset=dataset, data_collator=default_data_collator
    )
    start = time.perf_counter()
    trainer.train()
    return time.perf_counter() - start


def _trtune_train(settings, model, tokenizer, split, steps: int, out: Path) -> float:
    from trtune.run.fit import fit

    settings.max_steps = steps
    job = qa_job(settings, model, tokenizer, split)
    # no checkpoints; the one evaluation at the end (4 questions) stays: early stopping needs it
    job.arguments = {"save_strategy": "no", "load_best_model_at_end": False}
    return fit(settings, job, out).train_seconds


def _plain_predict(model, tokenizer, questions, contexts) -> float:
    start = time.perf_counter()
    windows = encode_windows(tokenizer, questions, contexts, MAX_LENGTH, STRIDE)
    data = PaddedWindows(windows, tokenizer.pad_token_id)
    starts, ends = [], []
    with torch.inference_mode():
        for first in range(0, len(data), 32):
            batch = {
                k: v[first : first + 32]
                for k, v in data.tensors.items()
                if k in ("input_ids", "attention_mask", "token_type_ids")
            }
            out = model(**batch)
            starts.append(out.start_logits.numpy())
            ends.append(out.end_logits.numpy())
    answers_from_logits(windows, np.concatenate(starts), np.concatenate(ends), contexts, 30, 12)
    return time.perf_counter() - start


def run(quick: bool = False) -> dict:
    n_train, steps, n_predict, rounds = (36, 1, 8, 2) if quick else (400, 20, 200, 3)
    examples = load_qa(str(SHARED)).examples
    train, held = examples[:n_train], examples[-n_predict:]
    source = resolve_model(str(minilm_path()))
    tokenizer = load_tokenizer(source)
    windows = encode_windows(
        tokenizer,
        [e.question for e in train],
        [e.context for e in train],
        MAX_LENGTH,
        STRIDE,
        [(e.answers[0].start, e.answers[0].end) for e in train],
    )
    windows_per_step = BATCH
    from trtune.tasks.qa.examples import QaSplit

    split = QaSplit(train, train[:4], [])
    questions, contexts = [e.question for e in held], [e.context for e in held]
    models = {}  # side -> a fresh model, loaded untimed before each round

    def load(side: str) -> None:
        models[side] = load_model(source, "question-answering", tokenizer, seed=42)

    with tempfile.TemporaryDirectory() as tmp:
        settings = QaSettings(  # the plain recipe's windows: 384 tokens, every window kept
            data=[str(SHARED)], out=tmp, model=str(source.path), batch_size=windows_per_step, lr=LR,
            max_length=MAX_LENGTH, doc_stride=STRIDE, null_windows=1.0,
        )  # fmt: skip
        plain = PaddedWindows(windows, tokenizer.pad_token_id)
        folders = iter(range(10**6))
        train_rounds = alternate(
            {
                "trtune": lambda: _trtune_train(
                    settings, models["trtune"], tokenizer, split, steps,
                    Path(tmp) / f"t{next(folders)}",
                ),
                "plain": lambda: _plain_train(
                    models["plain"], plain, steps, windows_per_step,
                    Path(tmp) / f"p{next(folders)}",
                ),
            },
            n=rounds,
            label="qa train",
            before=load,
            seconds_of=lambda side, wall, seconds: seconds,  # training alone
        )  # fmt: skip
    model = models["plain"].eval()  # the same trained weights on both prediction sides
    predict_rounds = alternate(
        {
            "trtune": lambda: QaPredictor(model, tokenizer).predict(questions, contexts),
            "plain": lambda: _plain_predict(model, tokenizer, questions, contexts),
        },
        n=rounds,
        label="qa predict",
        seconds_of=lambda side, wall, value: wall if side == "trtune" else value,
    )
    best = {
        "trtune": train_rounds.best("trtune"),
        "plain": train_rounds.best("plain"),
        "trtune_predict": predict_rounds.best("trtune"),
        "plain_predict": predict_rounds.best("plain"),
    }
    seen = steps * windows_per_step
    return {
        "name": "qa_speed",
        "ratio": round(best["plain"] / best["trtune"], 2),
        "target": 1.5,
        "trtune_precision": "bfloat16" if precision_flags()["bf16"] else "float32",
        "trtune_attention_dropout": attention_dropout_for("auto", torch.device("cpu")),
        "train_windows": len(windows),
        "median_window_tokens": int(np.median(windows.lengths)),
        "trtune_train_windows_per_second": round(seen / best["trtune"], 2),
        "plain_train_windows_per_second": round(seen / best["plain"], 2),
        "trtune_predict_questions_per_second": round(n_predict / best["trtune_predict"], 2),
        "plain_predict_questions_per_second": round(n_predict / best["plain_predict"], 2),
        "predict_ratio": round(best["plain_predict"] / best["trtune_predict"], 2),
        "rounds": {"train": train_rounds.to_dict(), "predict": predict_rounds.to_dict()},
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
