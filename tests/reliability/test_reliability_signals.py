"""Failures that used to look like success: Ctrl-C and SIGTERM during training, `--resume`
with nothing to resume, a file the user may not read.

The signals go to a real `trtune` subprocess once it has written a checkpoint; it must stop
with one line naming the step, keep the checkpoint and exit 130 (SIGINT) or 143 (SIGTERM),
and `--resume` must then finish the run.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.classify.conftest import write_reviews
from tests.conftest import REPO, run_cli

pytestmark = pytest.mark.slow


def _as_from_a_terminal() -> None:
    """Give the child the SIGINT a terminal gives: a test suite started in the background
    (``make test &``, nohup) ignores SIGINT, the child would inherit that and Python would
    then never raise KeyboardInterrupt in it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(args: list[str]) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO), COLUMNS="200")
    return subprocess.Popen(
        [sys.executable, "-m", "trtune", *args],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_as_from_a_terminal,
    )


def _signal_when(proc: subprocess.Popen, ready, signum: int, timeout: float = 600) -> tuple:
    deadline = time.time() + timeout
    while not ready() and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out, err


def _checkpoint_written(folder: Path):
    return lambda: any((p / "trainer_state.json").is_file() for p in folder.glob("checkpoint-*"))


def test_ctrl_c_during_classify_training_exits_130_with_the_step_and_keeps_the_checkpoint(
    tmp_path,
):
    data = write_reviews(tmp_path / "reviews.csv", per_label=40)
    out = tmp_path / "run"
    args = [
        "classify",
        "train",
        "--data",
        str(data),
        "--model",
        "tiny",
        "--epochs",
        "60",
        "--patience",
        "60",
        "--batch-size",
        "8",
        "--out",
        str(out),
    ]
    code, _, err = _signal_when(
        _start(args), _checkpoint_written(out / "checkpoints"), signal.SIGINT
    )
    lines = [line for line in err.splitlines() if line.startswith("interrupted")]
    assert code == 130, err[-2000:]
    assert "Traceback" not in err
    assert len(lines) == 1 and "continue with --resume" in lines[0], err[-2000:]
    assert "last checkpoint kept: " in lines[0]
    kept = Path(lines[0].split("last checkpoint kept: ")[1].split(")")[0])
    assert (kept / "trainer_state.json").is_file()
    step = int(lines[0].split("interrupted at step ")[1].split()[0])
    resumed = run_cli(*args[:-2], "--epochs", "2", "--out", str(out), "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert step >= 1


def test_sigterm_during_lm_training_exits_143_and_resume_finishes(tmp_path):
    data = tmp_path / "metin.txt"
    data.write_text("\n".join(f"Bugün hava {i} derece, yarın yağmur var." for i in range(200)))
    out = tmp_path / "lm"
    args = [
        "lm",
        "train",
        "--data",
        str(data),
        "--model",
        "tiny-gpt",
        "--method",
        "full",
        "--max-steps",
        "400",
        "--eval-every",
        "2",
        "--batch-size",
        "4",
        "--max-length",
        "32",
        "--out",
        str(out),
    ]
    ready = lambda: any((out / "checkpoints").glob("checkpoint-*/state.pt"))  # noqa: E731
    code, stdout, err = _signal_when(_start(args), ready, signal.SIGTERM)
    assert code == 143, err[-2000:]
    assert "Traceback" not in err
    line = err.strip().splitlines()[-1]
    assert line.startswith("interrupted at step ") and "continue with --resume" in line, err
    resumed = run_cli(
        *args[:8],
        "--max-steps",
        "6",
        "--eval-every",
        "2",
        "--batch-size",
        "4",
        "--max-length",
        "32",
        "--out",
        str(out),
        "--resume",
    )
    assert resumed.returncode == 0, resumed.stderr
    assert "resuming from checkpoint-" in resumed.stdout


def test_resume_with_nothing_to_resume_says_so(tmp_path):
    data = write_reviews(tmp_path / "reviews.csv", per_label=20)
    out = tmp_path / "fresh"
    result = run_cli(
        "classify",
        "train",
        "--data",
        str(data),
        "--epochs",
        "1",
        "--out",
        str(out),
        "--resume",
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    assert f"no checkpoint in {out}: starting from the beginning" in result.stderr
    text = tmp_path / "metin.txt"
    text.write_text("\n".join(f"Bugün hava {i} derece." for i in range(40)))
    result = run_cli(
        "lm",
        "train",
        "--data",
        str(text),
        "--max-steps",
        "2",
        "--batch-size",
        "8",
        "--max-length",
        "32",
        "--out",
        str(tmp_path / "lm"),
        "--resume",
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    assert f"no checkpoint in {tmp_path / 'lm'}: starting from the beginning" in result.stdout


def _without_root_reads() -> list[str]:
    """A command prefix under which even root obeys file permissions: ``setpriv`` drops the
    capabilities that let root read anything (no such prefix is needed for other users)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root reads files whatever their mode, and setpriv is not installed")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def test_an_unreadable_file_is_one_line_for_every_command(tmp_path):
    secret = tmp_path / "gizli.csv"
    secret.write_text("yorum,durum\niyi,olumlu\nkötü,olumsuz\n", encoding="utf-8")
    secret.chmod(0o000)
    prefix = _without_root_reads()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for args in (
        ["data", "inspect", str(secret)],
        ["classify", "train", "--data", str(secret), "--out", str(tmp_path / "a")],
        ["lm", "train", "--data", str(secret), "--out", str(tmp_path / "b")],
    ):
        command = [*prefix, sys.executable, "-m", "trtune", *args]
        done = subprocess.run(
            command, env=env, cwd=REPO, capture_output=True, text=True, timeout=300
        )
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        assert done.returncode == 2, (args, done.stderr[-2000:])
        assert lines == [f"error: {secret}: permission denied: cannot read this file"], lines
