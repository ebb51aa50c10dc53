"""`classify train` on files too small for a meaningful test part (issue 25, item 6).

A file that keeps 4 texts used to train and report "accuracy 1.0000" from a one-text test
part. Now a test part without every label is refused unless --test-size was chosen, and a
small one is warned about in the output, trtune.json and report.html.
"""

from __future__ import annotations

import json

from tests.reliability.test_reliability_hostile_commands import call


def _write(tmp_path, rows: list[tuple[str, str]]):
    path = tmp_path / "yorumlar.csv"
    path.write_text("yorum,duygu\n" + "".join(f"{t},{lab}\n" for t, lab in rows), "utf-8")
    return path


def _train(capfd, path, out, *extra: str):
    return call(capfd, "classify", "train", "--data", str(path), "--method", "tfidf",
                "--out", str(out), *extra)  # fmt: skip


def test_four_texts_are_refused_then_accepted_with_a_chosen_test_size(tmp_path, capfd):
    rows = [("çok güzel bir ürün", "olumlu"), ("harika, hızlı kargo", "olumlu"),
            ("berbat bir şey", "olumsuz"), ("bayıldım", "olumlu")]  # fmt: skip
    path = _write(tmp_path, rows)
    code, out, err = _train(capfd, path, tmp_path / "a")
    assert code == 2, out + err
    assert err.strip() == (
        f"error: {path}: the test part (1 text) has no text labelled negative, so the model "
        "is never scored on it: add texts of that label, or choose the test share with "
        "--test-size"
    )
    assert not (tmp_path / "a").exists()
    code, out, err = _train(capfd, path, tmp_path / "b", "--test-size", "0.3")
    assert code == 0, err
    assert "warning: the test part has only 1 text" in err
    assert "warning: the test part has no text labelled negative" in err
    saved = json.loads((tmp_path / "b" / "trtune.json").read_text(encoding="utf-8"))
    assert any("only 1 text" in w for w in saved["data"]["warnings"])


def test_a_small_test_part_is_warned_about_in_the_output_and_the_report(tmp_path, capfd):
    rows = [(f"güzel ürün {i}", "olumlu") for i in range(16)]
    rows += [(f"kötü ürün {i}", "olumsuz") for i in range(16)]
    rows += [(f"idare eder {i}", "nötr") for i in range(4)]
    code, out, err = _train(capfd, _write(tmp_path, rows), tmp_path / "run")
    assert code == 0, err
    expected = [
        "the test part has only 9 texts: its accuracy and F1 say little (20 texts or more "
        "give a rough figure)",
        "the test part has fewer than 5 texts labelled neutral (1), negative (4), positive "
        "(4): their per-label scores say little",
    ]
    assert [line.removeprefix("warning: ") for line in err.splitlines()
            if line.startswith("warning: ")] == expected  # fmt: skip
    page = (tmp_path / "run" / "report.html").read_text(encoding="utf-8")
    assert all(w in page for w in expected)
    assert "only 9 texts" in (tmp_path / "run" / "README.md").read_text(encoding="utf-8")
