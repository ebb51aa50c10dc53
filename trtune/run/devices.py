"""Where a model runs and in which number format: ``--device`` and ``--dtype``.

``auto`` picks what is fast on this machine: a CUDA GPU when there is one, and on it
bfloat16 (float16 on GPUs without bfloat16). On a CPU, ``auto`` is bfloat16 only for
batched work (prediction over many texts, the classifier behind the micro-batcher) and only
where the CPU multiplies bfloat16 matrices in hardware: Intel AMX (Sapphire Rapids and
later) or the AVX-512 BF16 dot-product instructions (AMD Zen 4 and later, Intel Cooper
Lake). On AMX a batch of 16 short reviews through MiniLM ran 1.1-2x as fast per text as in
float32 (five runs on 2 cores, 2026-11-30). On a Zen 4 EPYC (avx512_bf16, no AMX; 2 cores
shared with other jobs, 2026-12-01) a 512x384 by 384x1536 matrix product took 6.5-12 ms in
bfloat16 against 29-34 ms in float32, and MiniLM with bfloat16 weights classified 256
reviews in batches of 16 in 3.4 s against 8.5 s (each batch's fastest of 5 alternations;
254 of 256 labels the same with a random head); bfloat16 *autocast* over float32 weights
was slower than float32 there (127 s against 89 s for 512 reviews under load), so trtune
casts the weights instead. Batched generation counts as batched work: ``seq2seq
generate`` of a T5-small-sized model over batches of 32 sources ran 1.59-1.71x as fast in
bfloat16 on that Zen 4 (``bench/bench_generate_dtype.py``). One text alone gained little
or nothing for the classifier, so a CPU LM, which decodes one sequence token by token,
stays in float32 under ``auto`` (``--dtype bfloat16`` asks for it: 1.3-1.5x for GPT-2-small-sized
greedy decoding on the Zen 4 in one probe, its effect on a trained model's text not
measured), as does everything on CPUs without these instructions, where bfloat16 is
emulated and slow.
"""

from __future__ import annotations

import torch

from trtune.errors import UserError

DTYPES = {
    "float32": torch.float32,
    "fp32": torch.float32,
    "bfloat16": torch.bfloat16,
    "bf16": torch.bfloat16,
    "float16": torch.float16,
    "fp16": torch.float16,
}


def resolve_device(name: str) -> torch.device:
    """The device ``--device`` names: ``auto`` is the first CUDA GPU when there is one, else
    the CPU.

    Raises:
        UserError: an unknown name, or a CUDA device this machine does not have.
    """
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    try:
        device = torch.device(name)
    except RuntimeError:
        raise UserError(
            f"--device: unknown device {name!r}; use auto, cpu, cuda or cuda:N"
        ) from None
    if device.type not in ("cpu", "cuda"):
        raise UserError(f"--device: unknown device {name!r}; use auto, cpu, cuda or cuda:N")
    if device.type == "cuda":
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        if count == 0:
            raise UserError(f"--device {name}: this machine has no CUDA GPU; use --device cpu")
        if device.index is not None and device.index >= count:
            raise UserError(f"--device {name}: this machine has {count} CUDA GPU(s)")
    return device


def _cpu_probe(name: str) -> bool:
    """A private ``torch.cpu`` capability probe; absent or failing -> no."""
    probe = getattr(torch.cpu, name, None)
    try:
        return bool(probe()) if probe is not None else False
    except RuntimeError:
        return False


def cpu_has_bf16_matmul() -> bool:
    """Whether this CPU multiplies bfloat16 matrices in hardware: AMX tiles, or the AVX-512
    BF16 dot products (see the module docstring for what each measured)."""
    return _cpu_probe("_is_amx_tile_supported") or _cpu_probe("_is_avx512_bf16_supported")


def resolve_dtype(name: str, device: torch.device, batched: bool = True) -> torch.dtype:
    """The number format ``--dtype`` names for a model on ``device`` that runs ``batched``
    inputs or one sequence at a time (see the module docstring for ``auto``).

    Raises:
        UserError: an unknown name, or float16 on a CPU.
    """
    if name == "auto":
        if device.type == "cuda":
            return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        return torch.bfloat16 if batched and cpu_has_bf16_matmul() else torch.float32
    if name not in DTYPES:
        raise UserError(f"--dtype: unknown type {name!r}; use auto, float32, bfloat16 or float16")
    dtype = DTYPES[name]
    if dtype is torch.float16 and device.type == "cpu":
        raise UserError("--dtype float16 needs a CUDA GPU; on the CPU use bfloat16 or float32")
    return dtype


def dtype_name(dtype: torch.dtype) -> str:
    """``torch.bfloat16`` -> ``bfloat16``."""
    return str(dtype).removeprefix("torch.")
