"""trtune shortens GNU OpenMP's spin before PyTorch loads, unless the user chose a policy."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = "import trtune, torch, os; print(os.environ.get('GOMP_SPINCOUNT', '-'))"


def _spin_after_import(**env_values: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
    env.update(env_values)
    out = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_short_spin_by_default():
    assert _spin_after_import() == "10000"


def test_the_users_choice_is_kept():
    assert _spin_after_import(GOMP_SPINCOUNT="500") == "500"
    assert _spin_after_import(OMP_WAIT_POLICY="ACTIVE") == "-"
