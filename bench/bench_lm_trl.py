"""``trtune lm train`` against TRL's ``SFTTrainer``: tokens/s, peak memory, validation loss.

Both sides train the same tiny GPT (the ``tiny-gpt-4l`` preset: GPT-2, 4 layers, hidden
256, a 4,000-token byte-level BPE trained on the data, saved once to a folder both load)
on the same packed rows: TQuAD instruction examples (``../shared/data/lm/tquad_train.json``;
the bundled reviews when absent) rendered with trtune's Turkish template, completion-only
labels (prompt tokens -100), packed into rows of 512 tokens, 16 rows per optimiser step (4 in
the quick form), the same AdamW, learning-rate schedule (warm-up then linear decay),
gradient clipping and row order. Validation loss is measured after the same number of steps
by the same function (``trtune.tasks.lm.loss.evaluate``) on the same held-out examples.

- trtune: ``train_lm`` itself (the ``lm train`` command), ``--pack``; tokens/s is its
  own figure (real tokens over the summed time of its optimiser steps). Its defaults apply
  as for any user: micro-batches of 512 tokens, the output layer's loss in chunks, GPT-2's
  GELU as one kernel, and ``--attention-dropout auto``, which trains a loaded model on a CPU
  without attention dropout (the base is a folder, so it counts as loaded) so that PyTorch's
  fused attention kernel runs. TRL trains the model as loaded: attention dropout 0.1.
- TRL 1.16: ``SFTTrainer`` given trtune's packed rows as a tokenized dataset
  (``input_ids``, completion-only ``labels``, ``seq_lengths``; ``skip_prepare_dataset``)
  with ``padding_free=True``, ``per_device_train_batch_size=1`` and
  ``gradient_accumulation_steps=16``, float32 (``bf16=False``: SFTConfig defaults to
  bfloat16 autocast, which this CPU, AVX-512 BF16 without AMX, runs slower) and TRL's
  default gradient checkpointing. That is the CPU-fair configuration: TRL's
  padding-free collator flattens a micro-batch into one sequence, so 16 rows per
  micro-batch would be one 8,192-token sequence whose block-diagonal mask SDPA builds
  densely on a CPU (no FlashAttention varlen kernels there). TRL computes the loss with its
  chunked ``fused_lm_head``. Tokens/s: the same real tokens over the summed time between
  ``on_step_begin`` and ``on_step_end`` (data loading excluded on both sides).

The full form also compares unpacked batches (``lm_vs_trl_full_unpacked``,
``lm_vs_trl_lora_unpacked``): the same 16 examples per step, each a row padded to the
batch's longest; TRL gets them in that order with ``per_device_train_batch_size=16``,
``padding_free=False`` (its collator pads the batch) and no accumulation; ``lm train``
without ``--pack`` runs them as its length-grouped micro-batches.

Each side runs in a child process of its own, so that its peak resident memory (the whole
process: imports, model, data, training, evaluation) is its own: a server per side imports
that side's modules once and forks a fresh child per round (:mod:`forked`; a forked child's
peak starts at its size at the fork, imports included, as a fresh process's would).
Rounds alternate the sides (trtune, TRL, trtune, TRL, ...) and the fastest round of each
side is kept, so that load from other jobs on the machine does not decide the ratio.

ratio = trtune tokens/s / TRL tokens/s (target 1.3); ``memory_ratio`` = TRL peak / trtune
peak (target 1.0); ``conditions_met`` also asks for a validation loss within 2% of TRL's.

    python bench/bench_lm_trl.py [--quick]   # quick: packed, 2 steps of 4 rows; full: 8 of 16
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from benchdata import BUNDLED, TQUAD  # noqa: E402
from forked import Forked, peak_mib  # noqa: E402

PRESET = "tiny-gpt-4l"
MAX_LENGTH = 512
BATCH = 16
SEED = 0
LR = {"full": 1e-3, "lora": 3e-3}
LORA = {"r": 8, "alpha": 16, "dropout": 0.05, "targets": ["c_attn", "c_proj", "c_fc"]}
VAL_TOLERANCE = 0.02  # relative


def _data() -> str:
    return str(TQUAD if TQUAD.is_file() else BUNDLED)


def _settings(
    method: str, base: str, steps: int, examples: int, out: str | None, pack: bool, batch: int
):
    from trtune.tasks.lm.settings import LMSettings

    return LMSettings(
        data=[_data()],
        model=base,
        method=method,
        out=out or "unused",
        max_steps=steps,
        batch_size=batch,
        max_length=MAX_LENGTH,
        pack=pack,
        template="turkish",
        lr=LR[method],
        warmup_ratio=0.05,
        weight_decay=0.0,
        eval_every=steps,
        max_examples=examples,
        num_generations=0,
        seed=SEED,
        lora_r=LORA["r"],
        lora_alpha=LORA["alpha"],
        lora_dropout=LORA["dropout"],
        lora_target_modules=LORA["targets"],
    )


def build_base(folder: Path, examples: int) -> None:
    """The tiny GPT both sides start from: the preset's tokenizer (trained on the data)
    and its seeded random weights, saved as an ordinary model folder."""
    from trtune.infer.lm import ensure_pad_token
    from trtune.run.models import load_model, load_tokenizer, resolve_model
    from trtune.tasks.lm.formats import load_records
    from trtune.tasks.lm.setup import _tokenizer_texts

    records = load_records(_data(), examples).records
    source = resolve_model(PRESET)
    tokenizer = ensure_pad_token(load_tokenizer(source, _tokenizer_texts(records)))
    model = load_model(source, "causal-lm", tokenizer, seed=SEED)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)


def side_trtune(
    method: str, base: str, steps: int, examples: int, pack: bool, batch: int = BATCH
) -> dict:
    """``lm train`` as a user runs it (evaluation at the end only)."""
    from trtune.tasks.lm.train import train_lm

    with tempfile.TemporaryDirectory() as tmp:
        settings = _settings(method, base, steps, examples, str(Path(tmp) / "out"), pack, batch)
        metrics = train_lm(settings).metrics
    return {
        "tokens_per_second": metrics["tokens_per_second"],
        "tokens": metrics["train_tokens"],
        "steps": metrics["steps"],
        "val_loss": metrics["val_loss"],
        "peak_mib": peak_mib(),
    }


def _rows(batches, pad_id: int) -> dict[str, list]:
    """trtune's batches as TRL dataset rows: ids and labels without the padding tail, and
    for packed rows the example lengths inside each row (``seq_lengths``)."""
    ids, labels, lengths = [], [], []
    for batch in batches:
        for r in range(batch.input_ids.size(0)):
            if batch.attention_mask is not None:  # one example per row
                n = int(batch.attention_mask[r].sum())
                starts = [0, n]
            else:
                n = int((batch.input_ids[r] != pad_id).sum())
                starts = (batch.position_ids[r, :n] == 0).nonzero().flatten().tolist() + [n]
            ids.append(batch.input_ids[r, :n].tolist())
            labels.append(batch.labels[r, :n].tolist())
            lengths.append([b - a for a, b in zip(starts, starts[1:], strict=False)])
    rows = {"input_ids": ids, "labels": labels}
    if batches and batches[0].attention_mask is None:
        rows["seq_lengths"] = lengths
    return rows


def side_trl(
    method: str, base: str, steps: int, examples: int, pack: bool, batch: int = BATCH
) -> dict:
    """TRL's ``SFTTrainer`` on trtune's rows (see the module docstring for the config)."""
    import torch
    from datasets import Dataset
    from peft import LoraConfig
    from transformers import TrainerCallback
    from trl import SFTConfig, SFTTrainer

    from trtune.tasks.lm.encode import make_batches
    from trtune.tasks.lm.loss import evaluate, lr_at
    from trtune.tasks.lm.setup import prepare_run

    settings = _settings("full", base, steps, examples, None, pack, batch)
    prep = prepare_run(settings, None)  # the same split, encoding and (unwrapped) model
    pad = prep.tokenizer.pad_token_id
    generator = torch.Generator().manual_seed(SEED)  # train_lm's first epoch: seed + 0
    batches = make_batches(prep.train, batch, prep.max_length, pad, pack, generator)[:steps]
    dataset = Dataset.from_dict(_rows(batches, pad))
    tokens = sum(b.tokens for b in batches)
    model = prep.model
    lr, warmup = LR[method], int(0.05 * steps)
    peft = None
    if method == "lora":
        peft = LoraConfig(
            r=LORA["r"],
            lora_alpha=LORA["alpha"],
            lora_dropout=LORA["dropout"],
            target_modules=LORA["targets"],
            task_type="CAUSAL_LM",
        )
        from peft import get_peft_model

        model, peft = get_peft_model(model, peft), None
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=lr, weight_decay=0.0)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: lr_at(step, steps, warmup, lr) / lr
    )
    timer = _StepTimer(TrainerCallback)
    with tempfile.TemporaryDirectory() as tmp:
        config = SFTConfig(
            output_dir=tmp,
            per_device_train_batch_size=1 if pack else batch,
            gradient_accumulation_steps=batch if pack else 1,
            max_steps=steps,
            padding_free=pack,
            packing=False,
            max_length=None,
            completion_only_loss=True,
            dataset_kwargs={"skip_prepare_dataset": True},
            train_sampling_strategy="sequential",
            max_grad_norm=1.0,
            logging_steps=steps,
            save_strategy="no",
            eval_strategy="no",
            report_to=[],
            seed=SEED,
            use_cpu=True,
            bf16=False,  # SFTConfig's default is True; this CPU has no AMX (see docstring)
            dataloader_num_workers=0,
        )
        trainer = SFTTrainer(
            model=model,
            args=config,
            train_dataset=dataset,
            processing_class=prep.tokenizer,
            optimizers=(optimizer, schedule),
            callbacks=[timer.callback],
        )
        trainer.train()
    val_batches = make_batches(prep.val, batch, prep.max_length, pad, False)
    val = evaluate(model, val_batches, torch.device("cpu"))
    return {
        "tokens_per_second": tokens / max(timer.seconds, 1e-9),
        "tokens": tokens,
        "steps": timer.steps,
        "val_loss": val.loss,
        "peak_mib": peak_mib(),
    }


class _StepTimer:
    """Sums the time of each optimiser step (``on_step_begin`` to ``on_step_end``)."""

    def __init__(self, base: type) -> None:
        owner = self
        self.seconds, self.steps, self._start = 0.0, 0, 0.0

        class Callback(base):  # type: ignore[misc, valid-type]
            def on_step_begin(self, args, state, control, **kwargs):
                owner._start = time.perf_counter()

            def on_step_end(self, args, state, control, **kwargs):
                owner.seconds += time.perf_counter() - owner._start
                owner.steps += 1

        self.callback = Callback()


SIDES = {  # each side's function and what its server imports before forking
    "trtune": ("bench_lm_trl:side_trtune", ["trtune.tasks.lm.train"]),
    "trl": (
        "bench_lm_trl:side_trl",
        ["datasets", "peft", "transformers", "trl", "trtune.tasks.lm.setup"],
    ),
}


def _brief(result: dict) -> list:
    """One round as ``[tokens/s, peak MiB, validation loss]``."""
    return [round(result["tokens_per_second"]), result["peak_mib"], round(result["val_loss"], 4)]


def compare(
    servers: dict[str, Forked],
    method: str,
    base: str,
    steps: int,
    examples: int,
    rounds: int,
    pack: bool,
    batch: int = BATCH,
) -> dict:
    """Alternating rounds of both sides; the fastest round of each kept."""
    runs: dict[str, list[dict]] = {"trtune": [], "trl": []}
    name = f"lm_vs_trl_{method}" + ("" if pack else "_unpacked")
    for r in range(rounds):
        for side in ("trtune", "trl"):
            result = servers[side].call(method, base, steps, examples, pack, batch)
            runs[side].append(result)
            print(
                f"  {name} round {r + 1} {side}: {result['tokens_per_second']:.0f} tokens/s, "
                f"peak {result['peak_mib']:.0f} MiB, val loss {result['val_loss']:.4f}",
                flush=True,
            )
    best = {side: max(rs, key=lambda x: x["tokens_per_second"]) for side, rs in runs.items()}
    peak = {side: min(x["peak_mib"] for x in rs) for side, rs in runs.items()}
    ours, theirs = best["trtune"], best["trl"]
    close = abs(ours["val_loss"] - theirs["val_loss"]) <= VAL_TOLERANCE * theirs["val_loss"]
    memory_ratio = peak["trl"] / peak["trtune"]
    return {
        "name": name,
        "ratio": round(ours["tokens_per_second"] / theirs["tokens_per_second"], 2),
        "target": 1.3,
        "memory_ratio": round(memory_ratio, 2),
        "memory_target": 1.0,
        "conditions_met": bool(close and memory_ratio >= 1.0),
        "trtune_tokens_per_second": round(ours["tokens_per_second"]),
        "trl_tokens_per_second": round(theirs["tokens_per_second"]),
        "trtune_peak_mib": peak["trtune"],
        "trl_peak_mib": peak["trl"],
        "trtune_val_loss": round(ours["val_loss"], 4),
        "trl_val_loss": round(theirs["val_loss"], 4),
        "steps": steps,
        "batch": f"{batch} packed rows x {MAX_LENGTH}"
        if pack
        else f"{batch} examples padded to the batch's longest (at most {MAX_LENGTH})",
        "data": Path(_data()).name,
        "rounds": {side: [_brief(x) for x in rs] for side, rs in runs.items()},
    }


def run(quick: bool = False) -> list[dict]:
    """``lm_vs_trl_full`` and ``lm_vs_trl_lora`` (packed rows); the full form adds both
    unpacked (``lm_vs_trl_full_unpacked``, ``lm_vs_trl_lora_unpacked``)."""
    steps = 2 if quick else 8
    batch = 4 if quick else BATCH  # rows per optimiser step, the same on both sides
    examples = 240 if quick else 1400  # one epoch holds at least ``steps`` batches
    rounds = 2
    packings = (True,) if quick else (True, False)
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        # the servers import while the base is built (wall time only: nothing is timed yet)
        servers = {side: stack.enter_context(Forked(*SIDES[side])) for side in SIDES}
        base = Path(tmp) / "base"
        build_base(base, examples)
        return [
            compare(servers, m, str(base), steps, examples, rounds, pack, batch)
            for pack in packings
            for m in ("full", "lora")
        ]


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv), indent=1))
