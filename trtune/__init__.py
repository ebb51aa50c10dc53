"""trtune: understand and fine-tune language models in Turkish."""

from __future__ import annotations

import os

# PyTorch's OpenMP threads spin while they wait for work. When anything else runs on the same
# cores (a browser, a second job, CI neighbours), spinning threads steal each other's time:
# measured on 2 shared cores, a tiny T5 training step took 6.9 s with the default policy and
# 0.24 s with PASSIVE (bench/omp_wait.py). OpenMP reads the setting when PyTorch loads it, so
# this only applies when trtune is imported before torch (the CLI always is); a value the user
# set is kept.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"

from trtune.errors import UserError

__all__ = ["UserError", "__version__"]
