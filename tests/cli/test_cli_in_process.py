"""``run_cli`` runs commands in the test's interpreter: it must answer as a process does and
leave nothing behind (the tests after it share the interpreter)."""

from __future__ import annotations

import os

from transformers.utils import logging as hf_logging

from tests.conftest import run_cli


def _state() -> tuple:
    return dict(os.environ), os.getcwd(), hf_logging.get_verbosity()


def test_in_process_answers_as_a_process_and_puts_the_interpreter_back(tmp_path):
    missing = str(tmp_path / "yok.csv")
    before = _state()
    # --debug sets TRTUNE_DEBUG and lets the error out as a traceback (exit code 1)
    runs = [
        (run_cli("--debug", "data", "inspect", missing), run_cli(
            "--debug", "data", "inspect", missing, process=True)),
        (run_cli("data", "inspect", missing, "--lang", "tr"), run_cli(
            "data", "inspect", missing, "--lang", "tr", process=True)),
        (run_cli("ner"), run_cli("ner", process=True)),
    ]  # fmt: skip
    assert _state() == before
    for inside, process in runs:
        assert inside.returncode == process.returncode
        assert inside.stdout == process.stdout
        assert inside.stderr.strip().splitlines()[-1:] == process.stderr.strip().splitlines()[-1:]
    debug, turkish, group = (inside for inside, _ in runs)
    assert debug.returncode == 1 and "Traceback" in debug.stderr
    assert turkish.returncode == 2 and turkish.stderr == f"hata: {missing}: dosya bulunamadı\n"
    assert group.returncode == 2 and "Usage: python -m trtune ner" in group.stdout + group.stderr
