"""The teaching half stands alone: importing it loads no `transformers`."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module", ["trtune.learn", "trtune.nanogpt.train", "trtune.nanogpt.page", "trtune.run.outdir"]
)
def test_module_loads_without_transformers(module):
    code = f"import sys, {module}; print('transformers' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
