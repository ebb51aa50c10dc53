"""Mistakes that need no model are reported before PyTorch and transformers load.

Importing them takes seconds (10 on a slow 2-core host): a mistyped ``--data`` or
``--model`` folder, a forgotten flag or a bad ``--top-k`` must not wait for that. One
interpreter runs every command below in turn and reports, for each, its exit code, its
error line and whether ``torch`` had been imported by then.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO

SCRIPT = r"""
import contextlib, io, json, sys
from trtune.cli import main

out = []
for args in json.loads(sys.argv[1]):
    sys.argv = ["trtune", *args]
    err = io.StringIO()
    code = 0
    with contextlib.redirect_stderr(err):
        try:
            main()
        except SystemExit as exc:
            code = exc.code
    out.append([code, err.getvalue().strip(), "torch" in sys.modules])
print(json.dumps(out))
"""


def test_mistakes_are_said_before_torch_loads(tmp_path):
    missing = str(tmp_path / "yok.csv")
    out = str(tmp_path / "out")
    folder = str(tmp_path)  # a folder that exists, for the checks after the model's
    cases = [
        (["classify", "train", "--data", missing, "--out", out], "no such file"),
        (["classify", "train", "--data", f"{missing}:olumlu", "--out", out],
         f"{missing}: no such file"),
        (["ner", "train", "--data", missing, "--out", out], "no such file"),
        (["qa", "train", "--data", missing, "--out", out], "no such file"),
        (["mask", "train", "--data", missing, "--out", out], "no such file"),
        (["seq2seq", "train", "--data", missing, "--out", out], "no such file"),
        (["lm", "train", "--data", missing, "--out", out], "no such file"),
        (["ner", "train", "--data", str(tmp_path), "--out", out, "--test-data", missing],
         "no such file"),
        (["classify", "eval", "--model", out], "--data is required"),
        (["ner", "eval", "--model", out], "--data is required"),
        (["qa", "eval", "--model", out], "--data is required"),
        (["seq2seq", "eval", "--model", out], "--data is required"),
        (["classify", "predict", "--model", folder, "--file", missing], "no such file"),
        (["ner", "predict", "--model", folder, "--file", missing], "no such file"),
        (["mask", "predict", "--model", out, "--top-k", "0", "Bu [MASK]."], "--top-k"),
        (["qa", "predict", "--model", folder, "--context", "Ankara başkenttir.", " "],
         "at least one question"),
        (["seq2seq", "generate", "--model", out, "--file", missing], "no such file"),
        (["classify", "predict", "--model", out, "iyi"], "model folder not found"),
        (["classify", "eval", "--model", out, "--data", missing], "model folder not found"),
        (["ner", "predict", "--model", out, "Ali"], "model folder not found"),
        (["ner", "eval", "--model", out, "--data", missing], "model folder not found"),
        (["qa", "predict", "--model", out, "--context", "Ankara.", "Ne?"],
         "model folder not found"),
        (["qa", "eval", "--model", out, "--data", missing], "model folder not found"),
        (["export", "onnx", "--model", out, "--out", out + "2"], "model folder not found"),
        (["export", "gguf", "--model", out, "--out", out + ".gguf"], "model folder not found"),
    ]  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps([args for args, _ in cases])],
        capture_output=True, text=True, cwd=REPO, timeout=120,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "TRTUNE_LANG": "en"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for (args, fragment), (code, error, torch_loaded) in zip(
        cases, json.loads(result.stdout), strict=True
    ):
        assert code == 2, (args, code, error)
        assert error.startswith("error: ") and fragment in error, (args, error)
        assert "\n" not in error, (args, error)
        assert not torch_loaded, args
    assert not (tmp_path / "out").exists()
