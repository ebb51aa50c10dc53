"""mask predict from the command line: hostile inputs end in one line, never a traceback."""

from __future__ import annotations

import pytest

from tests.conftest import assert_one_line_error, run_cli
from trtune.run.models import minilm_path


@pytest.mark.parametrize(
    ("content", "fragment"),
    [(b"", "empty"), (b"\x00\x01binary\x00" * 10, "binary"), (b"\xff\xfe\x00\xd8", "")],
)
def test_predict_refuses_hostile_files(tmp_path, content, fragment):
    path = tmp_path / "cumleler.txt"
    path.write_bytes(content)
    result = run_cli("mask", "predict", "--model", str(tmp_path), "--file", str(path))
    assert_one_line_error(result, str(path), fragment)


def test_predict_refuses_bad_arguments(tmp_path):
    bad_k = run_cli("mask", "predict", "--model", "x", "--top-k", "0", "Bu [MASK].")
    assert_one_line_error(bad_k, "--top-k")
    missing = run_cli("mask", "predict", "--model", str(tmp_path / "yok"), "Bu [MASK].")
    assert_one_line_error(missing, "not found")
    preset = run_cli("mask", "predict", "--model", "tiny", "Bu [MASK].")
    assert_one_line_error(preset, "random weights")


@pytest.mark.slow
def test_predict_on_the_minilm_export_says_to_run_mask_train_first():
    # a process: what transformers prints while it loads a model without that head shows
    result = run_cli(
        "mask", "predict", "--model", str(minilm_path()), "Ankara [MASK] bir şehir.", process=True
    )
    assert_one_line_error(result, "without a masked-LM head", "mask train")
