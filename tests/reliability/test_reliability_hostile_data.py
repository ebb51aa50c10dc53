"""Hostile input files fed to `data inspect`: a clean run or a one-line error, never a traceback.

The training commands are fed the same files in their own test modules.
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.reliability.hostile import write_hostile_files

NAMES = sorted(
    [
        "empty.csv",
        "header_only.csv",
        "random_binary.csv",
        "nul_bytes.csv",
        "huge_single_line.csv",
        "mixed_encodings.csv",
        "windows_1254.csv",
        "utf16_no_bom.csv",
        "excel_named.csv",
        "broken.jsonl",
        "labels_blank.csv",
        "fourth_class.csv",
        "single_class.csv",
        "two_rows.csv",
        "whitespace_emoji.csv",
        "unbalanced_quotes.csv",
        "numbers_only.csv",
        "no_delimiter.csv",
        "latin_garbage.csv",
        "json_not_records.json",
        "a_directory",
        "missing_path.csv",
    ]
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    return write_hostile_files(tmp_path_factory.mktemp("hostile"))


def check_clean_or_one_line(result):
    """Exit 0, or exit 2 with exactly one `error:` line; never a traceback, never exit 1."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-2000:]
    if result.returncode == 0:
        return "ok"
    assert result.returncode == 2, (result.returncode, result.stderr[-2000:])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("name", NAMES)
def test_data_inspect_on_hostile_file(hostile, name):
    result = run_cli("data", "inspect", str(hostile[name]), "--json")
    outcome = check_clean_or_one_line(result)
    if outcome != "ok":
        assert str(hostile[name]) in outcome  # the message names the file


def test_expected_outcomes_for_a_few_files(hostile):
    import json

    fourth = json.loads(
        run_cli("data", "inspect", str(hostile["fourth_class.csv"]), "--json").stdout
    )
    assert fourth["label_counts"]["karışık"] == 1  # kept as written; the copies are duplicates
    assert fourth["dropped"]["duplicate"] >= 2
    blank = run_cli("data", "inspect", str(hostile["labels_blank.csv"]), "--json")
    assert blank.returncode == 2 or json.loads(blank.stdout)["rows_kept"] == 0
    cp1254 = json.loads(
        run_cli("data", "inspect", str(hostile["windows_1254.csv"]), "--json").stdout
    )
    assert cp1254["encoding"] == "windows-1254"
    huge = json.loads(
        run_cli("data", "inspect", str(hostile["huge_single_line.csv"]), "--json").stdout
    )
    assert huge["dropped"] == {"too_long": 1}
    excel = run_cli("data", "inspect", str(hostile["excel_named.csv"]))
    assert "zip" in excel.stderr
