"""trtune sets OpenMP's wait policy to PASSIVE before PyTorch loads, unless the user chose."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = "import trtune, torch, os; print(os.environ['OMP_WAIT_POLICY'])"


def _policy_after_import(value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if value is not None:
        env["OMP_WAIT_POLICY"] = value
    out = subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_passive_by_default():
    assert _policy_after_import(None) == "PASSIVE"


def test_the_users_choice_is_kept():
    assert _policy_after_import("ACTIVE") == "ACTIVE"
