"""trtune: understand and fine-tune language models in Turkish."""

from __future__ import annotations

import os

# PyTorch's OpenMP threads spin while they wait for work (GNU OpenMP: 300,000 spins). When
# another job shares the cores, spinning threads steal each other's time. bench/omp_wait.py on
# 2 cores, beside two other PyTorch jobs: a training step took 1.6-1.8x longer with the default
# than with a short spin (GOMP_SPINCOUNT=10000, then sleep); on a quiet machine the short spin
# cost nothing measurable, while OMP_WAIT_POLICY=PASSIVE (never spin) cost up to 1.6x.
# OpenMP reads this when PyTorch loads it, so it applies when trtune is imported before torch
# (the CLI always is); a wait policy or spin count the user set is kept.
if "OMP_WAIT_POLICY" not in os.environ:
    os.environ.setdefault("GOMP_SPINCOUNT", "10000")

__version__ = "0.1.0"

from trtune.errors import UserError

__all__ = ["UserError", "__version__"]
