"""Functions the ``bench/forked.py`` test calls in forked children."""

from __future__ import annotations

import os
from pathlib import Path


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024  # MiB
    raise OSError(field)


def allocate(mib: int) -> dict:
    """Touch ``mib`` MiB, free it; this process's id and peak resident MiB."""
    block = bytearray(mib * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    del block
    from forked import peak_mib  # the helper the benchmarks report with

    return {"pid": os.getpid(), "peak": peak_mib(), "rss": _status("VmRSS")}


def fail(message: str) -> None:
    raise ValueError(message)
