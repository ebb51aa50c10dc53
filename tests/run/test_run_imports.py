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


def test_the_cli_loads_no_heavy_library_until_a_command_needs_it():
    """``trtune --help`` and every error about flags answer in about a second: building the
    command tree imports neither torch, transformers nor scikit-learn."""
    code = (
        "import sys, trtune.cli; "
        "print([m for m in ('torch', 'transformers', 'sklearn') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
