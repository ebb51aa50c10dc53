"""The texts of every ``predict``/``generate``: arguments, ``--file`` or stdin, read by one
function; an empty argument is a one-line error naming it, not a prediction."""

import pytest

from tests.conftest import assert_one_line_error, run_cli
from trtune.cli.texts import input_texts
from trtune.errors import UserError

COMMANDS = {  # the texts are checked before the (empty) model folder is read
    "classify": ["classify", "predict"],
    "ner": ["ner", "predict"],
    "mask": ["mask", "predict"],
    "seq2seq": ["seq2seq", "generate"],
}


def test_file_then_arguments_and_errors():
    assert input_texts(["b"], "x.txt", lambda path: [f"a from {path}"]) == ["a from x.txt", "b"]
    assert input_texts(["bir", "iki"], None, lambda path: []) == ["bir", "iki"]
    with pytest.raises(UserError, match="text 2 is empty"):
        input_texts(["bir", "  "], None, lambda path: [])


@pytest.mark.parametrize("task", sorted(COMMANDS))
def test_an_empty_text_is_refused_by_every_task(task, tmp_path):
    result = run_cli(*COMMANDS[task], "--model", str(tmp_path), "dolu [MASK]", "")
    assert_one_line_error(result, "text 2 is empty")


def test_stdin_blank_lines_are_skipped(tmp_path):
    from io import StringIO

    import trtune.cli.texts as texts

    class Pipe(StringIO):
        def isatty(self) -> bool:
            return False

    saved = texts.sys.stdin
    texts.sys.stdin = Pipe("bir\n\n  \niki\n")
    try:
        assert input_texts(["-"], None, lambda path: []) == ["bir", "iki"]
    finally:
        texts.sys.stdin = saved
