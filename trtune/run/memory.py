"""Give memory that training no longer needs back to the operating system.

When the optimiser steps end, the activations, gradients and optimiser state they held are
freed inside the process, but glibc's allocator keeps most of the freed pages, so the
process's resident size stays at its training peak and whatever comes next (evaluation,
the report's imports, saving) adds to it. :func:`release_training_memory` drops the
gradients and optimiser state, collects garbage, and asks the allocator to return free pages
(``malloc_trim``, glibc only; a no-op elsewhere). Measured on ``lm train`` (tiny GPT, 16 packed
rows of 512): see ``bench/bench_lm_trl.py`` and ``bench/RESULTS.md``.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim``, or None where the C library has none (macOS, Windows, musl)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None)
    except OSError:
        return None


def release_training_memory(model: Any = None, optimizer: Any = None) -> None:
    """Free ``model``'s gradients and ``optimizer``'s state (both unusable for training
    afterwards: call this once the last step is done) and return free pages to the system."""
    import torch

    if model is not None:
        for param in model.parameters():
            param.grad = None
    if optimizer is not None:
        optimizer.state.clear()
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


__all__ = ["release_training_memory"]
