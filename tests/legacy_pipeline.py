"""transformers 5 removed the ``question-answering`` and ``text2text-generation`` pipelines.
The issues promise that a trained folder loads with them and agrees with trtune, so the
tests run them where they exist: in this process when the installed transformers has the
task, else in a subprocess whose ``PYTHONPATH`` is the transformers 4 folder named by
``TRTUNE_TRANSFORMERS4`` (``make test`` makes it with ``pip install --no-deps --target``),
else the test skips and says why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

_SCRIPT = """
import json, sys
from transformers import pipeline
task, folder, init, calls = json.loads(sys.stdin.read())
pipe = pipeline(task, model=folder, tokenizer=folder, device="cpu", **init)
print(json.dumps([pipe(*c["args"], **c["kwargs"]) for c in calls]))
"""


def has_pipeline(task: str) -> bool:
    """Whether the installed transformers still has pipeline ``task``."""
    try:
        from transformers.pipelines import SUPPORTED_TASKS
    except ImportError:
        return False
    return (
        task in SUPPORTED_TASKS
        or task.startswith("translation")
        and "translation" in (SUPPORTED_TASKS)
    )


def run_pipeline(task: str, folder: str | Path, calls: list[dict], **init) -> list:
    """``pipeline(task, model=folder)`` applied to each call (``{"args": [...], "kwargs":
    {...}}``) in order; the JSON-ready results."""
    if has_pipeline(task):
        from transformers import pipeline

        pipe = pipeline(task, model=str(folder), tokenizer=str(folder), device="cpu", **init)
        return json.loads(json.dumps([pipe(*c["args"], **c["kwargs"]) for c in calls]))
    legacy = os.environ.get("TRTUNE_TRANSFORMERS4")
    if not legacy or not Path(legacy).is_dir():
        pytest.skip(
            f"this transformers has no {task} pipeline (removed in version 5); set "
            "TRTUNE_TRANSFORMERS4 to a folder holding transformers 4 to compare (make test does)"
        )
    env = dict(os.environ, PYTHONPATH=legacy, TRANSFORMERS_VERBOSITY="error")
    payload = json.dumps([task, str(folder), init, calls])
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], input=payload, capture_output=True, text=True, env=env,
        timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
