"""release_training_memory: gradients and optimiser state dropped, pages given back."""

from __future__ import annotations

import sys

import pytest
import torch

from trtune.run.memory import _malloc_trim, release_training_memory


def _rss_mib() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_gradients_and_optimizer_state_are_dropped():
    model = torch.nn.Linear(8, 4)
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.1)
    model(torch.randn(3, 8)).sum().backward()
    optimizer.step()
    assert optimizer.state and model.weight.grad is not None
    release_training_memory(model, optimizer)
    assert not optimizer.state
    assert all(p.grad is None for p in model.parameters())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc malloc_trim")
def test_freed_heap_goes_back_to_the_system():
    if _malloc_trim() is None:
        pytest.skip("no glibc malloc_trim (musl?)")
    # Many mid-sized tensors (below glibc's mmap threshold) land on the heap; freed, their
    # pages stay resident until trimmed. Trim first: pages that earlier tests freed would
    # otherwise be reused without the resident size growing.
    release_training_memory()
    before = _rss_mib()
    blocks = [torch.ones(16_000) for _ in range(6_000)]  # ~64 KB each, ~380 MiB
    del blocks
    held = _rss_mib()
    release_training_memory()
    released = _rss_mib()
    assert held - before > 100, "the allocation did not show in the resident size"
    assert held - released > 100
