"""The four real sentiment files in ../shared/data (skipped when absent)."""

import json

import pytest

from tests.conftest import assert_one_line_error, run_cli, shared_file

EXPECTED = {
    "eticaret_urun_yorumlari.csv": dict(
        encoding="utf-8-sig",
        delimiter=";",
        header=True,
        rows_read=15170,
        labels={"negative", "positive", "neutral"},
        label_map="0=negative,1=positive,2=neutral",
    ),
    "magaza_yorumlari.csv": dict(
        encoding="utf-16-le (BOM)",
        delimiter=",",
        header=True,
        rows_read=11428,
        labels={"negative", "positive", "neutral"},
        label_map=None,
    ),
    "17bintweet_train.csv": dict(
        encoding="utf-8-sig",
        delimiter=";",
        header=False,
        rows_read=13832,
        labels={"negative", "positive", "neutral"},
        label_map=None,
    ),
    "17bintweet_test.csv": dict(
        encoding="utf-8-sig",
        delimiter=";",
        header=False,
        rows_read=3464,
        labels={"negative", "positive", "neutral"},
        label_map=None,
    ),
}


@pytest.mark.realdata
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_sentiment_file_through_the_cli(name):
    path = shared_file("sentiment", name)
    expected = EXPECTED[name]
    args = ["data", "inspect", str(path), "--json"]
    if expected["label_map"]:
        args += ["--label-map", expected["label_map"]]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("encoding", "delimiter", "header", "rows_read"):
        assert report[key] == expected[key], key
    assert set(report["label_counts"]) == expected["labels"]
    assert report["rows_kept"] == report["rows_read"] - sum(report["dropped"].values())
    assert report["rows_kept"] > 0.85 * report["rows_read"]


def test_missing_file_and_folder_are_one_line_errors(tmp_path):
    assert_one_line_error(run_cli("data", "inspect", str(tmp_path / "yok.csv")), "no such file")
    assert_one_line_error(run_cli("data", "inspect", str(tmp_path)), "folder")


def test_debug_shows_the_traceback(tmp_path):
    result = run_cli("--debug", "data", "inspect", str(tmp_path / "yok.csv"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_version_and_help_list_groups():
    from trtune import __version__

    assert run_cli("--version").stdout.strip() == f"trtune {__version__}"
    out = run_cli("--help").stdout
    for group in ("data", "demo"):
        assert group in out
