"""What ``--dry-run`` adds to a task's plan: the optimiser steps, the model's size and a
rough estimate of the training time.

The estimate is floating-point work over measured speed, calibrated on real runs:

    seconds = FLOPs / (probe FLOP/s x EFFICIENCY) + steps x STEP_SECONDS
              + training tokens x TOKEN_SECONDS + generation

- FLOPs: ``k x N x tokens`` for the training tokens (``k`` = 6 for full fine-tuning:
  forward 2, backward 4; 4 for LoRA, whose frozen weights need no weight gradients) plus
  ``2 x N x tokens`` for each evaluation of the validation part; ``N`` counts the weights
  that multiply (embedding lookups excluded, a language-model output layer included);
  tokens per example are measured with the model's tokenizer on a sample of the texts
  (a preset's tokenizer trained on that sample), cut at ``--max-length``.
- probe FLOP/s: a float32 matrix product timed for at most ``PROBE_SECONDS`` on the device
  training would use.
- ``EFFICIENCY`` (the share of the probe's speed training reaches), ``STEP_SECONDS`` (the
  fixed cost of one optimiser step) and ``TOKEN_SECONDS`` (per training token, the work the
  6N rule leaves out: normalisation, softmax, activations, op dispatch; it dominates for a
  narrow model) were fitted (least squares on relative error) on 15 real runs of
  ``classify``, ``ner``, ``qa``, ``mask`` and ``lm train`` (tiny presets and the MiniLM)
  on a quiet 2-core CPU (``features``: ``HEAD_STEP_SECONDS`` a step of its small head);
  ``bench/dry_run_estimate.py`` runs them and prints estimate against measurement
  (docs/classify.md, "``--dry-run``: the plan and how long it will take").
- generation (``seq2seq``: each evaluation generates for up to ``--eval-samples``
  validation pairs, ``max_new_tokens`` decoding steps at most): ``GEN_TOKEN_SECONDS`` per
  source and step (the decoding loop's own work, the no-repeat-n-gram check among it)
  plus ``2 x N`` FLOPs per source, beam and step. Greedy decoding of a young model runs to
  the limit (measured 1.02x of this); beam search may end sooner (one run: 0.47x).

It is a rough figure: early stopping ends runs sooner, load slows them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

from trtune.run.models import ModelSource

PROBE_SECONDS = 0.25
EFFICIENCY = 0.59  # fitted on real runs, see the module docstring
STEP_SECONDS = 0.016  # fitted on real runs
TOKEN_SECONDS = 2.1e-5  # fitted on real runs: per training token, the work 6N leaves out
HEAD_STEP_SECONDS = 1.1e-3  # features: one step of the head on cached vectors (measured)
GEN_TOKEN_SECONDS = 1.0e-3  # fitted on seq2seq runs: one source, one decoding step
TOKEN_SAMPLE = 1000  # texts tokenized to measure tokens per example
# FLOPs per weight and training token: forward 2 + backward 4 (LoRA: no weight gradients).
TRAIN_FACTORS = {"finetune": 6, "full": 6, "lora": 4, "qlora": 4}
FORWARD_ONLY = ("features",)  # a frozen encoder reads every text once; a small head learns
LM_HEADS = ("masked-lm", "causal-lm", "seq2seq-lm")


def schedule(n_train: int, settings) -> dict:
    """The optimiser steps of a run on ``n_train`` training examples: steps per epoch x
    epochs, or ``--max-steps`` (early stopping may end a run sooner)."""
    per_epoch = max(1, math.ceil(n_train / settings.batch_size))
    total = settings.max_steps or max(1, math.ceil(settings.epochs * per_epoch))
    return {
        "examples": n_train,
        "batch_size": settings.batch_size,
        "per_epoch": per_epoch,
        "epochs": settings.epochs,
        "max_steps": settings.max_steps,
        "total": total,
    }


class _VocabStub:
    """Enough of a tokenizer for :func:`~trtune.run.presets.preset_config`: a preset's
    vocabulary at its largest."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pad_token_id, self.bos_token_id, self.eos_token_id = 0, 1, 2

    def __len__(self) -> int:
        return self.size


def _config(source: ModelSource, trust_remote_code: bool):
    """The model's config without downloading (``None``: a Hub model not in the cache)."""
    from transformers import AutoConfig

    from trtune.run.presets import PRESETS, preset_config

    if source.kind == "preset":
        return preset_config(source.name, _VocabStub(PRESETS[source.name].vocab_size))
    try:
        local = {"local_files_only": True} if source.kind == "hub" else {}
        return AutoConfig.from_pretrained(
            source.location, trust_remote_code=trust_remote_code, **local
        )
    except (OSError, ValueError):
        return None


def parameter_counts(
    source: ModelSource,
    head: str,
    labels: Sequence[str] | None = None,
    trust_remote_code: bool = False,
) -> dict | None:
    """The model's weights (``total``) and those that multiply per token (``compute``),
    counted on an empty (meta-device) model built from the config; ``None`` when the
    config cannot be had offline."""
    import torch

    from trtune.run.models import _auto_class, _label_kwargs

    config = _config(source, trust_remote_code)
    if config is None:
        return None
    for key, value in _label_kwargs(head, labels).items():
        setattr(config, key, value)
    try:
        with torch.device("meta"):
            model = _auto_class(head).from_config(config, trust_remote_code=trust_remote_code)
    except (ValueError, TypeError, ImportError):
        return None
    counts = count_parameters(model, head)
    del counts["trainable"]  # an empty model before LoRA: every weight would count
    return counts


def count_parameters(model, head: str) -> dict:
    """``total`` weights (tied ones once), ``trainable`` ones, and ``compute``: those that
    multiply per token (embedding lookups excluded, a language model's output layer in)."""
    import torch

    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    lookups = sum(m.weight.numel() for m in model.modules() if isinstance(m, torch.nn.Embedding))
    compute = total - lookups
    output = model.get_output_embeddings() if head in LM_HEADS else None
    if output is not None:
        compute += output.weight.numel()  # the output layer multiplies every token
    return {"total": total, "trainable": trainable, "compute": max(compute, 1)}


def _tokenizer(source: ModelSource, texts: list[str], trust_remote_code: bool):
    from transformers import AutoTokenizer

    from trtune.run.presets import train_preset_tokenizer

    if source.kind == "preset":
        return train_preset_tokenizer(source.name, texts)
    try:
        local = {"local_files_only": True} if source.kind == "hub" else {}
        return AutoTokenizer.from_pretrained(
            source.location, trust_remote_code=trust_remote_code, **local
        )
    except (OSError, ValueError):
        return None


def tokens_per_example(
    source: ModelSource, texts: Sequence[str], max_length: int, trust_remote_code: bool = False
) -> float | None:
    """Mean tokens of an example (cut at ``max_length``), measured on an even sample of
    ``texts``; ``None`` without a tokenizer offline."""
    texts = [t for t in texts if t]
    if not texts:
        return None
    sample = list(texts[:: max(1, len(texts) // TOKEN_SAMPLE)])[:TOKEN_SAMPLE]
    tokenizer = _tokenizer(source, sample, trust_remote_code)
    if tokenizer is None:
        return None
    ids = tokenizer(sample, truncation=True, max_length=max_length)["input_ids"]
    return sum(len(i) for i in ids) / len(ids)


def probe_flops(device: str | None = None) -> tuple[float, str]:
    """This machine's float32 matrix-product speed (FLOP/s) and the device measured,
    timed for at most :data:`PROBE_SECONDS`."""
    import torch

    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    n = 2048 if device == "cuda" else 384
    a = torch.randn(n, n, device=device)  # (n, n)
    b = torch.randn(n, n, device=device)
    torch.mm(a, b)  # warm-up
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < PROBE_SECONDS:
        torch.mm(a, b)
        if device == "cuda":
            torch.cuda.synchronize()
        done += 1
    return 2 * n**3 * done / (time.perf_counter() - start), device


def estimate(
    method: str,
    params: dict | None,
    tokens: float | None,
    steps: dict,
    n_validation: int,
    speed: tuple[float, str] | None = None,
    generation: dict | None = None,
) -> dict:
    """The rough training time of a transformer method (with its validation passes);
    ``seconds`` is ``None`` with a ``reason`` when it cannot be known.

    ``generation`` (seq2seq): what each evaluation generates, ``sources``, ``beams`` and
    ``new_tokens`` (the most tokens a source gets)."""
    if method not in TRAIN_FACTORS and method not in FORWARD_ONLY:
        return {"seconds": None, "reason": "no_network"}
    if params is None or tokens is None:
        return {"seconds": None, "reason": "model_offline", "parameters": params}
    flops_per_s, device = speed or probe_flops()
    # features: the head's steps, at most, each a small step over cached vectors
    step_seconds = HEAD_STEP_SECONDS if method in FORWARD_ONLY else STEP_SECONDS
    overhead = steps["total"] * step_seconds
    if method in FORWARD_ONLY:  # one forward pass over the training and validation texts
        flops = 2 * params["compute"] * tokens * (steps["examples"] + n_validation)
    else:
        train_tokens = steps["total"] * steps["batch_size"] * tokens
        evaluations = math.ceil(steps["total"] / steps["per_epoch"])
        flops = TRAIN_FACTORS[method] * params["compute"] * train_tokens
        flops += 2 * params["compute"] * tokens * n_validation * evaluations
        overhead += train_tokens * TOKEN_SECONDS
        if generation and generation["sources"]:
            gen_flops, gen_seconds = _generation(generation, params["compute"])
            flops += gen_flops * evaluations
            overhead += gen_seconds * evaluations
    seconds = flops / (flops_per_s * EFFICIENCY) + overhead
    return {
        "seconds": round(seconds, 1),
        "parameters": params,
        "flops": flops,
        "tokens_per_example": round(tokens, 1),
        "probe_flops_per_s": round(flops_per_s),
        "device": device,
        "efficiency": EFFICIENCY,
        "step_seconds": step_seconds,
        "token_seconds": TOKEN_SECONDS,
        **({"generation": generation} if generation else {}),
    }


def _generation(generation: dict, compute: int) -> tuple[float, float]:
    """FLOPs and fixed seconds of one evaluation's generation, at most: every source runs
    ``new_tokens`` decoding steps over its ``beams`` rows."""
    source_steps = generation["sources"] * generation["new_tokens"]
    return 2 * compute * source_steps * generation["beams"], source_steps * GEN_TOKEN_SECONDS


def plan_extras(
    settings,
    source: ModelSource,
    head: str,
    texts: Sequence[str],
    n_train: int,
    n_validation: int,
    labels: Sequence[str] | None = None,
    weight_share: float = 1.0,
    generation: dict | None = None,
) -> dict:
    """The ``steps`` and ``estimate`` parts of a task's ``--dry-run`` plan,
    for a run on ``n_train`` examples whose texts (one per example) are ``texts``
    (``generation``: see :func:`estimate`)."""
    steps = schedule(n_train, settings)
    trust = getattr(settings, "trust_remote_code", False)
    if settings.method not in TRAIN_FACTORS and settings.method not in FORWARD_ONLY:
        return {"steps": steps, "estimate": estimate(settings.method, None, None, steps, 0)}
    params = parameter_counts(source, head, labels, trust)
    tokens = tokens_per_example(source, texts, settings.max_length, trust) if params else None
    if params is not None:  # the weights one token passes through (seq2seq: about half)
        params = {**params, "compute": max(1, round(params["compute"] * weight_share))}
    return {
        "steps": steps,
        "estimate": estimate(
            settings.method, params, tokens, steps, n_validation, generation=generation
        ),
    }
