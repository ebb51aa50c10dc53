"""The one function that opens user files: one message per condition, naming the file."""

from __future__ import annotations

import os

import pytest

from trtune.data import source
from trtune.data.source import read_user_bytes, read_user_text
from trtune.errors import UserError


def _parquet(path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"text": "iyi", "label": "olumlu"}]), path)
    return path


def _conditions(tmp_path):
    """name -> (path, expected reason) for every refused condition."""
    (tmp_path / "a_folder").mkdir()
    os.symlink(tmp_path / "loop_b", tmp_path / "loop_a")
    os.symlink(tmp_path / "loop_a", tmp_path / "loop_b")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "a_pipe")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \r\n\n\xef\xbb\xbf")
    _parquet(tmp_path / "table.txt")  # Parquet bytes where text is read
    return {
        "missing": (tmp_path / "yok.txt", "no such file"),
        "folder": (tmp_path / "a_folder", "this is a folder, not a file"),
        "loop": (tmp_path / "loop_a", "a symbolic link loop (the link leads back to itself)"),
        "dangling": (
            tmp_path / "dangling.txt",
            f"a symbolic link to a missing file ({tmp_path / 'gone.txt'})",
        ),
        "pipe": (tmp_path / "a_pipe", "not a regular file (a pipe, socket or device)"),
        "empty": (tmp_path / "empty.txt", "the file is empty"),
        "blank": (tmp_path / "blank.txt", "the file is empty"),
        "parquet": (tmp_path / "table.txt", "not a text file: this is a Parquet file"),
    }


@pytest.mark.parametrize(
    "name", ["missing", "folder", "loop", "dangling", "pipe", "empty", "blank", "parquet"]
)
def test_each_condition_has_one_message_naming_the_file(tmp_path, name):
    path, reason = _conditions(tmp_path)[name]
    with pytest.raises(UserError) as info:
        read_user_text(path)
    assert info.value.reason == reason
    assert info.value.file == str(path)
    assert info.value.message() == f"{path}: {reason}"


def test_permission_denied_is_one_line_naming_the_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.csv"
    path.write_text("yorum,duygu\niyi,olumlu\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(source, "open", refuse, raising=False)
    with pytest.raises(UserError) as info:
        read_user_bytes(path)
    assert info.value.message() == f"{path}: permission denied: cannot read this file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_on_disk(tmp_path):
    path = tmp_path / "locked.csv"
    path.write_text("yorum,duygu\niyi,olumlu\n", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(UserError, match="permission denied"):
        read_user_bytes(path)


def test_bytes_and_text_of_a_good_file(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes("Şık ürün\n".encode("cp1254"))
    assert read_user_bytes(path) == "Şık ürün\n".encode("cp1254")
    decoded = read_user_text(path)
    assert decoded.text == "Şık ürün\n"
    # Through a symbolic link that resolves, the file reads as itself.
    os.symlink(path, tmp_path / "link.txt")
    assert read_user_text(tmp_path / "link.txt").text == "Şık ürün\n"
