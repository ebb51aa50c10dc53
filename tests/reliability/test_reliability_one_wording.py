"""One condition, one message, whichever command reads the file (issue 25, item 10).

Every command that takes a user file is fed the same bad path; each must stop with the same
single line ``error: <file>: <reason>``. Commands run in this process through
:func:`trtune.cli.main`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.reliability.test_reliability_hostile_commands import BUNDLED, call
from trtune.cli import main

CONDITIONS = {
    "missing": "no such file",
    "loop": "a symbolic link loop (the link leads back to itself)",
    "dangling": "a symbolic link to a missing file ({target})",
    "folder": "this is a folder, not a file",
    "header_only": "only a header (columns: yorum, duygu), no rows",
}
# A folder is a valid --data for the labelled-data commands (one file or sub-folder per label).
FILE_ONLY = ("classify predict", "lm train", "nanogpt train")
# nanogpt reads any text, so a header line is text to it.
TABLE_READERS = ("data inspect", "classify train", "classify eval", "classify predict", "lm train")


@pytest.fixture(scope="module")
def tfidf_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("model") / "tfidf"
    with pytest.raises(SystemExit) as done:
        main(["classify", "train", "--data", str(BUNDLED), "--method", "tfidf", "--out", str(out)])
        raise SystemExit(0)
    assert done.value.code in (0, None)
    return out


def _path(folder: Path, condition: str) -> tuple[Path, str]:
    """A path in ``condition`` and the reason every command must give for it."""
    reason = CONDITIONS[condition]
    if condition == "missing":
        return folder / "yok.csv", reason
    if condition == "loop":
        os.symlink(folder / "loop_b.csv", folder / "loop_a.csv")
        os.symlink(folder / "loop_a.csv", folder / "loop_b.csv")
        return folder / "loop_a.csv", reason
    if condition == "dangling":
        os.symlink(folder / "gone.csv", folder / "link.csv")
        return folder / "link.csv", reason.format(target=folder / "gone.csv")
    if condition == "folder":
        (folder / "sub").mkdir()
        (folder / "sub" / "olumlu.txt").write_text("güzel\n", encoding="utf-8")
        return folder / "sub", reason
    (folder / "header_only.csv").write_text("yorum,duygu\n", encoding="utf-8")
    return folder / "header_only.csv", reason


def _commands(path: Path, model: Path, out: Path) -> dict[str, list[str]]:
    return {
        "data inspect": ["data", "inspect", str(path)],
        "classify train": ["classify", "train", "--data", str(path), "--method", "tfidf",
                           "--out", str(out / "c")],
        "classify eval": ["classify", "eval", "--model", str(model), "--data", str(path)],
        "classify predict": ["classify", "predict", "--model", str(model), "--file", str(path)],
        "lm train": ["lm", "train", "--data", str(path), "--model", "tiny-gpt", "--max-steps",
                     "1", "--out", str(out / "l")],
        "nanogpt train": ["nanogpt", "train", "--text", str(path), "--max-steps", "1",
                          "--out", str(out / "n")],
    }  # fmt: skip


@pytest.mark.parametrize("condition", sorted(CONDITIONS))
def test_every_command_gives_the_same_line(tmp_path, capfd, tfidf_model, condition):
    path, reason = _path(tmp_path, condition)
    commands = _commands(path, tfidf_model, tmp_path / "out")
    if condition == "folder":
        commands = {name: args for name, args in commands.items() if name in FILE_ONLY}
    if condition == "header_only":
        commands = {name: args for name, args in commands.items() if name in TABLE_READERS}
    lines = {}
    for name, args in commands.items():
        code, _, err = call(capfd, *args)
        assert code == 2, (name, err)
        lines[name] = err.strip()
    assert set(lines.values()) == {f"error: {path}: {reason}"}, lines
    for run in ("c", "l", "n"):  # no half-made output folder is left behind
        assert not (tmp_path / "out" / run).exists()


def test_parquet_given_as_text_is_called_parquet(tmp_path, capfd):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "yorumlar.parquet"
    pq.write_table(pa.Table.from_pylist([{"text": "Çok güzel bir ürün"}] * 50), path)
    code, _, err = call(capfd, "nanogpt", "train", "--text", str(path), "--max-steps", "1",
                        "--out", str(tmp_path / "n"))  # fmt: skip
    assert code == 2
    assert err.strip() == f"error: {path}: not a text file: this is a Parquet file"


def test_nanogpt_text_shorter_than_the_block_names_the_file(tmp_path, capfd):
    path = tmp_path / "kisa.txt"
    path.write_text("Kısa bir metin, ama otuz iki harften uzun.\n", encoding="utf-8")
    code, _, err = call(capfd, "nanogpt", "train", "--text", str(path), "--max-steps", "1",
                        "--block-size", "64", "--out", str(tmp_path / "n"))  # fmt: skip
    assert code == 2
    assert err.strip().startswith(f"error: {path}: "), err
    assert "block" in err
