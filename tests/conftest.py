"""Shared test helpers: paths to the real data beside the project, and CLI running."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import trtune  # noqa: F401  (before any torch import: it sets OpenMP's spin count)

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"

# Tests never reach a model hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or skip the test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real data not present: {path}")
    return path


def run_two_processes(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """``accelerate launch`` of ``python -m trtune ARGS`` on 2 CPU processes (gloo)."""
    accelerate = shutil.which("accelerate") or str(Path(sys.executable).parent / "accelerate")
    env = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONPATH": str(REPO)}
    command = [
        accelerate, "launch", "--multi_gpu", "--num_processes", "2", "--num_machines", "1",
        "--mixed_precision", "no", "--dynamo_backend", "no", "-m", "trtune", *args,
    ]  # fmt: skip
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 600, stdin: str | None = None):
    """Run ``python -m trtune ARGS`` in a subprocess and return the CompletedProcess."""
    env = dict(os.environ, PYTHONPATH=str(REPO), COLUMNS="200")
    return subprocess.run(
        [sys.executable, "-m", "trtune", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env=env,
        timeout=timeout,
        input=stdin,
    )


def assert_one_line_error(result, *fragments: str, code: int = 2) -> None:
    """The command failed with exactly one ``error:`` line on stderr and no traceback."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for the module's browser tests (see ``tests/browser_support.py``)."""
    from tests.browser_support import chromium

    with chromium() as driver:
        yield driver


@pytest.fixture(autouse=True)
def _float32_by_default(monkeypatch):
    """``--dtype auto`` is bfloat16 on CPUs that multiply it fast (AMX, AVX-512 BF16): tests
    that compare probabilities with a float32 reference would then depend on the CPU that
    runs them. Every test sees a CPU without fast bfloat16; the tests of that check patch it
    themselves (``tests/run/test_run_dtype_option.py`` calls the real one)."""
    from trtune.run import devices

    monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda: False)
