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


def run_cli(
    *args: str,
    cwd: Path | None = None,
    timeout: float = 600,
    stdin: str | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess:
    """``trtune ARGS``: its exit code, stdout and stderr, as a CompletedProcess.

    By default in this interpreter (:func:`run_in_process`): PyTorch and transformers load
    once per test worker instead of once per call (5-10 s a call on a 2-core host, once most
    of the suite's time). ``process=True`` runs ``python -m trtune ARGS`` in a subprocess,
    for what only a process shows: signals, what the libraries print when they load, a
    fresh interpreter's state. ``TRTUNE_TEST_CLI=process`` runs every call that way.
    """
    if not process and os.environ.get("TRTUNE_TEST_CLI") != "process":
        return run_in_process(list(args), cwd, stdin)
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


def run_in_process(
    args: list[str], cwd: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess:
    """:func:`trtune.cli.main` with ``args`` as ``python -m trtune`` runs it (working folder,
    stdin, 200 columns, stdout and stderr captured with transformers' log lines, an uncaught
    exception's traceback on stderr and exit code 1), then the interpreter's state put back:
    environment, working folder, warning filters, transformers' verbosity, log stream and
    progress bars, random generators, threads and the consoles' width."""
    import contextlib
    import io
    import logging
    import random
    import traceback
    import warnings

    import numpy as np
    import torch
    from transformers.utils import logging as hf_logging

    import trtune.__main__
    from trtune.cli import console as cli_console
    from trtune.cli import main

    out, err = io.StringIO(), io.StringIO()
    consoles = (cli_console.console, cli_console.err_console)
    saved = {
        "environ": dict(os.environ), "cwd": os.getcwd(), "argv": sys.argv,
        "stdin": sys.stdin, "main": sys.modules["__main__"],
        "widths": [c._width for c in consoles],
        "verbosity": hf_logging.get_verbosity(),
        "bars": not hf_logging.is_progress_bar_enabled(),
        "rng": (random.getstate(), np.random.get_state(), torch.get_rng_state()),
        "threads": torch.get_num_threads(), "dtype": torch.get_default_dtype(),
    }  # fmt: skip
    # transformers' log lines go to stderr at the level a fresh `python -m trtune` has (main()
    # asks for "error" before transformers loads, unless --debug or the user chose one)
    handlers = [  # get_logger() sets transformers' handler up first
        h for h in hf_logging.get_logger().handlers if isinstance(h, logging.StreamHandler)
    ]
    streams = [h.stream for h in handlers]
    quiet = "--debug" not in args and os.environ.get("TRTUNE_DEBUG") != "1"
    level = os.environ.get("TRANSFORMERS_VERBOSITY", "error" if quiet else "warning")
    code = 0
    try:
        hf_logging.set_verbosity(hf_logging.log_levels.get(level, hf_logging.WARNING))
        for handler in handlers:
            handler.setStream(err)
        os.chdir(cwd or REPO)
        os.environ["COLUMNS"] = "200"
        for c in consoles:
            c.width = 200
        # click names the program from these two: "Usage: python -m trtune ..."
        sys.argv = [str(REPO / "trtune" / "__main__.py"), *args]
        sys.modules["__main__"] = trtune.__main__
        sys.stdin = io.StringIO(stdin or "")
        with (
            warnings.catch_warnings(),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                main(args)
            except SystemExit as exc:
                if isinstance(exc.code, str):
                    err.write(exc.code + "\n")
                code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
            except Exception:
                err.write(traceback.format_exc())
                code = 1
    finally:
        os.environ.clear()
        os.environ.update(saved["environ"])
        os.chdir(saved["cwd"])
        sys.argv, sys.stdin = saved["argv"], saved["stdin"]
        sys.modules["__main__"] = saved["main"]
        for c, width in zip(consoles, saved["widths"], strict=True):
            c._width = width
        hf_logging.set_verbosity(saved["verbosity"])
        (hf_logging.disable_progress_bar if saved["bars"] else hf_logging.enable_progress_bar)()
        random.setstate(saved["rng"][0])
        np.random.set_state(saved["rng"][1])
        torch.set_rng_state(saved["rng"][2])
        torch.set_num_threads(saved["threads"])
        torch.set_default_dtype(saved["dtype"])
        for handler, stream in zip(handlers, streams, strict=True):
            handler.setStream(stream)
    command = [sys.executable, "-m", "trtune", *args]
    return subprocess.CompletedProcess(command, code, out.getvalue(), err.getvalue())


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


# The test files that take longest (seconds of one worker, from `pytest --durations=0` on
# 2 cores), heaviest first. `make test` runs a file per worker (--dist loadfile) in the
# collected order, with xdist's own reordering (files with most tests first) turned off:
# these go first so that the two workers finish together instead of one running a
# three-minute file alone at the end. A file missing from the list only loses its place.
HEAVY_FIRST = (
    "tests/docs/test_readme_tour.py",  # 157 s
    "tests/lm/test_lm_cli.py",  # 135 s
    "tests/docs/test_notebook.py",  # 106 s
    "tests/reliability/test_reliability_kill_resume.py",  # 90 s
    "tests/nanogpt/test_nanogpt_train.py",  # 66 s
    "tests/reliability/test_reliability_signals.py",  # 66 s
    "tests/cli/test_cli_demo.py",  # 47 s
    "tests/serve/test_serve_load.py",  # 47 s
    "tests/nanogpt/test_nanogpt_page_browser.py",  # 38 s
    "tests/classify/test_classify_lora_ddp.py",  # 35 s
    "tests/mask/test_mask_processes.py",  # 34 s
    "tests/export/test_export_onnx_kinds.py",  # 34 s
    "tests/ner/test_ner_ddp.py",  # 29 s
    "tests/lm/test_lm_processes.py",  # 29 s
    "tests/seq2seq/test_seq2seq_train.py",  # 28 s
    "tests/classify/test_classify_tiny_defaults.py",  # 26 s
)


def pytest_collection_modifyitems(config, items):
    """Heaviest files first (:data:`HEAVY_FIRST`); the rest keep their order."""
    rank = {path: i for i, path in enumerate(HEAVY_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))
