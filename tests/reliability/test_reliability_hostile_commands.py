"""The hostile files fed to every command that takes data: a clean run or one line, exit 2.

`classify train` (TF-IDF, the fast method: the reading and checking code is shared by all
methods), `classify eval`, `classify predict --file`, `lm train` and `nanogpt train --text`
run in this process through :func:`trtune.cli.main`, so an escaping exception (a
traceback) fails the test, as does exit code 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.hostile import write_hostile_files
from tests.reliability.test_reliability_hostile_data import NAMES
from trtune.cli import main

BUNDLED = Path(__file__).resolve().parents[2] / "examples" / "data" / "yorumlar.csv"
# Files in odd but readable encodings must train, not just fail politely.
MUST_TRAIN = {
    "classify": {"windows_1254.csv", "mixed_encodings.csv", "unbalanced_quotes.csv"},
    "lm": {"windows_1254.csv", "mixed_encodings.csv", "utf16_no_bom.csv"},
    "nanogpt": {"windows_1254.csv", "utf16_no_bom.csv", "mixed_encodings.csv"},
}


def call(capfd, *args: str) -> tuple[int, str, str]:
    """Run ``trtune args`` in this process; ``(exit code, stdout, stderr)``."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = 0 if exc.code is None else int(exc.code)
    captured = capfd.readouterr()
    return code, captured.out, captured.err


def check(code: int, out: str, err: str, path: Path) -> str:
    """Exit 0, or exit 2 with one `error:` line naming the file; never exit 1."""
    assert "Traceback" not in out + err
    if code == 0:
        return "ok"
    assert code == 2, (code, err[-2000:])
    lines = [line for line in err.splitlines() if line.startswith("error: ")]
    assert len(lines) == 1, err
    assert str(path) in lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return write_hostile_files(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def tfidf_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "tfidf"
    with pytest.raises(SystemExit) as done:
        main(["classify", "train", "--data", str(BUNDLED), "--method", "tfidf", "--out", str(out)])
        raise SystemExit(0)
    assert done.value.code in (0, None)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_classify_train_on_hostile_file(hostile, tmp_path, capfd, name):
    out = tmp_path / "run"
    code, stdout, err = call(
        capfd, "classify", "train", "--data", str(hostile[name]), "--method", "tfidf",
        "--out", str(out),
    )  # fmt: skip
    outcome = check(code, stdout, err, hostile[name])
    assert (outcome == "ok") >= (name in MUST_TRAIN["classify"]), outcome
    assert (out / "metrics.json").is_file() == (outcome == "ok")


@pytest.mark.parametrize("name", NAMES)
def test_classify_eval_and_predict_on_hostile_file(hostile, tfidf_model, capfd, name):
    path = hostile[name]
    check(*call(capfd, "classify", "eval", "--model", str(tfidf_model), "--data", str(path)), path)
    check(
        *call(capfd, "classify", "predict", "--model", str(tfidf_model), "--file", str(path)), path
    )


@pytest.mark.parametrize("name", NAMES)
def test_lm_train_on_hostile_file(hostile, tmp_path, capfd, name):
    out = tmp_path / "lm"
    code, stdout, err = call(
        capfd, "lm", "train", "--data", str(hostile[name]), "--model", "tiny-gpt",
        "--method", "full", "--max-steps", "2", "--batch-size", "2", "--max-length", "64",
        "--out", str(out),
    )  # fmt: skip
    outcome = check(code, stdout, err, hostile[name])
    assert (outcome == "ok") >= (name in MUST_TRAIN["lm"]), outcome
    assert (out / "metrics.json").is_file() == (outcome == "ok")


@pytest.mark.parametrize("name", NAMES)
def test_nanogpt_train_text_on_hostile_file(hostile, tmp_path, capfd, name):
    out = tmp_path / "nano"
    code, stdout, err = call(
        capfd, "nanogpt", "train", "--text", str(hostile[name]), "--out", str(out),
        "--max-steps", "2", "--batch-size", "2", "--block-size", "8",
    )  # fmt: skip
    outcome = check(code, stdout, err, hostile[name])
    assert (outcome == "ok") >= (name in MUST_TRAIN["nanogpt"]), outcome
