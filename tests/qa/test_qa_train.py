"""`trtune qa train/eval/predict` end to end on the tiny preset."""

from __future__ import annotations

import json

import pytest
from qa_testdata import table_rows, write_jsonl, write_squad

from trtune.cli import main
from trtune.infer.kinds import inspect_folder
from trtune.infer.qa import load_qa_model


def _cli(args: list[str], capsys) -> tuple[str, str]:
    with pytest.raises(SystemExit) as done:
        main(args)
        raise SystemExit(0)
    captured = capsys.readouterr()
    assert done.value.code in (0, None), captured.err
    return captured.out, captured.err


def test_train_writes_the_folder_and_beats_the_baseline(trained):
    metrics = json.loads((trained / "metrics.json").read_text("utf-8"))
    for key in ("exact_match", "f1", "squad", "n"):
        assert key in metrics and key in metrics["baseline"]
    assert metrics["f1"] > metrics["baseline"]["f1"]  # the tiny model learns the templates
    assert metrics["timing"]["train_seconds"] > 0 and metrics["history"]["val_f1"]
    rows = [
        json.loads(line) for line in (trained / "predictions.jsonl").read_text("utf-8").splitlines()
    ]
    assert len(rows) == metrics["n"]
    assert {"prediction", "references", "f1", "baseline"} <= set(rows[0])
    report = (trained / "report.html").read_text("utf-8")
    assert '<mark class="gold">' in report or '<mark class="both">' in report
    assert "f1_histogram" in report
    record = json.loads((trained / "trtune.json").read_text("utf-8"))
    assert record["task"] == "qa" and record["model"]["doc_stride"] == 32
    assert record["data"]["drops"]["kept"] == 120
    assert (trained / "README.md").is_file() and inspect_folder(trained).kind == "full"


def test_predict_gives_exact_substrings_with_offsets(trained, tmp_path, capsys):
    context = "Zeynep 1975 yılında Konya şehrinde doğdu. Üniversiteyi bitirince pilot oldu."
    file = tmp_path / "metin.txt"
    file.write_text(context, "utf-8")
    out, _ = _cli(["qa", "predict", "--model", str(trained), "--context-file", str(file), "--json",
                   "Zeynep nerede doğdu?", "Zeynep ne oldu?"], capsys)  # fmt: skip
    answers = [json.loads(line) for line in out.splitlines()]
    assert len(answers) == 2
    for answer in answers:
        assert set(answer) == {"question", "answer", "score", "start", "end"}
        assert context[answer["start"] : answer["end"]] == answer["answer"] != ""
    out2, _ = _cli(["qa", "predict", "--model", str(trained), "--context", context,
                    "Zeynep nerede doğdu?"], capsys)  # fmt: skip
    first = answers[0]
    assert out2.startswith(f"{first['answer']} ") and f"[{first['start']}:{first['end']}" in out2


def test_eval_prints_the_metrics_object(trained, tmp_path, capsys):
    data = write_squad(tmp_path / "test.json", n=6, seed=5)
    out, _ = _cli(["qa", "eval", "--model", str(trained), "--data", str(data), "--json"], capsys)
    metrics = json.loads(out)
    assert metrics["n"] == 18 and 0 <= metrics["f1"] <= 100
    assert set(metrics["baseline"]) >= {"exact_match", "f1"}
    again = load_qa_model(trained).predict(["Ahmet nerede doğdu?"], ["Ahmet Bursa'da doğdu."])
    assert again[0].answer in "Ahmet Bursa'da doğdu."


@pytest.mark.slow
def test_lora_on_a_table_without_answer_start(tmp_path, capsys):
    data = write_jsonl(tmp_path / "t.jsonl", table_rows(30, with_start=False))
    out_dir = tmp_path / "lora"
    out, err = _cli(["qa", "train", "--data", str(data), "--method", "lora", "--epochs", "2",
                     "--out", str(out_dir), "--lang", "tr"], capsys)  # fmt: skip
    assert "tam eşleşme" in out and "taban çizgisi" in out
    assert inspect_folder(out_dir).kind == "adapter" and (out_dir / "base_model").is_dir()
    record = json.loads((out_dir / "trtune.json").read_text("utf-8"))
    assert record["data"]["drops"]["repairs"]["answer_located"]["count"] == 90
    answer = load_qa_model(out_dir).predict(["Can nerede doğdu?"], ["Can İzmir'de doğdu."])[0]
    assert "Can İzmir'de doğdu."[answer.start : answer.end] == answer.answer


@pytest.mark.slow
def test_squad_v2_tunes_a_no_answer_threshold_and_resume_without_checkpoint(tmp_path, capsys):
    data = write_squad(tmp_path / "v2.json", n=40, impossible=True)
    out_dir = tmp_path / "v2"
    _, err = _cli(["qa", "train", "--data", str(data), "--epochs", "3", "--out", str(out_dir),
                   "--resume"], capsys)  # fmt: skip
    assert "no checkpoint in" in err
    record = json.loads((out_dir / "trtune.json").read_text("utf-8"))
    assert record["model"]["null_threshold"] is not None
    predictor = load_qa_model(out_dir)
    assert predictor.null_threshold == record["model"]["null_threshold"]
    rows = [
        json.loads(line) for line in (out_dir / "predictions.jsonl").read_text("utf-8").splitlines()
    ]
    impossible = [r for r in rows if not r["references"]]
    assert impossible and all(r["f1"] in (0.0, 1.0) for r in impossible)
