"""release_training_memory: gradients and optimiser state dropped, pages given back."""

from __future__ import annotations

import sys

import pytest
import torch

from tests.conftest import REPO
from trtune.run.memory import _malloc_trim, release_training_memory


def test_gradients_and_optimizer_state_are_dropped():
    model = torch.nn.Linear(8, 4)
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)
    model(torch.randn(3, 8)).sum().backward()
    optimizer.step()
    assert optimizer.state and model.weight.grad is not None
    release_training_memory(model, optimizer)
    assert not optimizer.state
    assert all(p.grad is None for p in model.parameters())


_CHILD = """
import torch
from trtune.run.memory import release_training_memory
def rss():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
before = rss()
blocks = [torch.ones(16_000) for _ in range(6_000)]  # ~64 KB each, ~380 MiB
del blocks
held = rss()
release_training_memory()
print(before, held, rss())
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc_trim")
def test_freed_heap_goes_back_to_the_system():
    """In a fresh process (a test worker's heap holds pages earlier tests freed): many
    mid-sized tensors land on the heap; freed, their pages stay resident until trimmed."""
    import subprocess

    if _malloc_trim() is None:
        pytest.skip("no glibc malloc_trim (musl?)")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True, cwd=REPO
    )
    before, held, released = map(float, done.stdout.split())
    assert held - before > 100, "the allocation did not show in the resident size"
    assert held - released > 100
