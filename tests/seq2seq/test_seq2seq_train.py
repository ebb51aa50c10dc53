"""End to end with tiny-t5: train on TSV, JSONL and SQuAD, the output folder, LoRA, and the
folder generating the same text through trtune and through plain transformers."""

from __future__ import annotations

import json

import pytest
import torch
from seq2seq_testdata import tiny_settings, write_squad

from tests.legacy_pipeline import run_pipeline
from trtune.cli import main
from trtune.infer.seq2seq import load_seq2seq
from trtune.tasks.seq2seq.metrics import METRIC_KEYS
from trtune.tasks.seq2seq.train import train_seq2seq

pytestmark = pytest.mark.slow
SOURCES = ["I see the cat.", "I love the sea.", "I want the big red car."]


def run_cli(args: list[str], capsys, stdin: str | None = None, monkeypatch=None):
    """Run ``trtune ARGS`` in-process; return (exit code, stdout, stderr)."""
    if stdin is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_output_folder_metrics_and_record(trained_folder):
    for name in [
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "generation_config.json",
        "metrics.json",
        "report.html",
        "README.md",
        "trtune.json",
        "figures/loss.png",
        "figures/validation_metric.png",
        "figures/lengths.png",
        "checkpoints/split.json",
    ]:
        assert (trained_folder / name).is_file(), name
    metrics = json.loads((trained_folder / "metrics.json").read_text())
    assert set(metrics["baseline"]) == set(METRIC_KEYS) <= set(metrics)
    assert metrics["baseline_name"] == "copy" and metrics["headline"] == "chrf"
    assert metrics["history"]["val_chrf"] and 0 < metrics["timing"]["steps"] <= 24
    elapsed = float((trained_folder.parent / "elapsed.txt").read_text())
    assert 0 < metrics["timing"]["test_seconds"] < elapsed
    record = json.loads((trained_folder / "trtune.json").read_text())
    assert record["task"] == "seq2seq" and record["command"] == "seq2seq train"
    model = record["model"]
    assert model["prefix"] == "çevir en-tr: " and model["task_kind"] == "translate"
    assert model["direction"] == "en-tr" and model["generation"]["num_beams"] == 1
    assert record["data"]["drops"]["kept"] == 36
    assert record["data"]["drops"]["reasons"] == {}
    config = json.loads((trained_folder / "config.json").read_text())
    assert config["prefix"] == "çevir en-tr: "
    assert "translation_en_to_tr" in config["task_specific_params"]
    tokenizer_config = json.loads((trained_folder / "tokenizer_config.json").read_text())
    assert tokenizer_config["tokenizer_class"] == "PreTrainedTokenizerFast"  # transformers 4 too
    html = (trained_folder / "report.html").read_text()
    assert "copy" in html and "chrf" in html and "I see the" in html


def test_plain_transformers_generates_what_trtune_generates(trained_folder):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    ours = load_seq2seq(trained_folder).generate(SOURCES, {"num_beams": 1, "max_new_tokens": 8})
    tokenizer = AutoTokenizer.from_pretrained(trained_folder)
    model = AutoModelForSeq2SeqLM.from_pretrained(trained_folder).eval()
    theirs = []
    for source in SOURCES:
        inputs = tokenizer(model.config.prefix + source, return_tensors="pt")
        with torch.no_grad():
            out = model.generate(**inputs, num_beams=1, do_sample=False, max_new_tokens=8)
        theirs.append(tokenizer.decode(out[0], skip_special_tokens=True).strip())
    assert ours == theirs
    assert any(ours)  # not all empty: the comparison means something


def test_text2text_pipeline_agrees(trained_folder):
    ours = load_seq2seq(trained_folder).generate(SOURCES, {"num_beams": 1, "max_new_tokens": 8})
    settings = {"num_beams": 1, "max_new_tokens": 8}
    calls = [{"args": [SOURCES], "kwargs": settings}]
    (theirs,) = run_pipeline("text2text-generation", trained_folder, calls)
    assert [r["generated_text"].strip() for r in theirs] == ours
    (translated,) = run_pipeline("translation_en_to_tr", trained_folder, calls)
    assert [r["translation_text"].strip() for r in translated] == ours


def test_generate_cli_arguments_file_stdin_and_json(trained_folder, tmp_path, capsys, monkeypatch):
    expected = load_seq2seq(trained_folder).generate(SOURCES)
    code, out, err = run_cli(
        ["seq2seq", "generate", "--model", str(trained_folder), *SOURCES], capsys
    )
    assert code == 0, err
    assert out.splitlines() == expected
    listing = tmp_path / "sources.txt"
    listing.write_text("\n".join(SOURCES) + "\n", encoding="utf-8")
    code, out, _ = run_cli(
        ["seq2seq", "generate", "--model", str(trained_folder), "--file", str(listing), "--json"],
        capsys,
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == expected and rows[0]["source"] == SOURCES[0]
    code, out, _ = run_cli(
        ["seq2seq", "generate", "--model", str(trained_folder), "--num-beams", "2"],
        capsys,
        stdin="\n".join(SOURCES),
        monkeypatch=monkeypatch,
    )
    assert out.splitlines() == load_seq2seq(trained_folder).generate(SOURCES, {"num_beams": 2})


def test_generate_dtype_bfloat16_auto_and_float16_on_cpu(trained_folder, capsys, monkeypatch):
    """``--dtype bfloat16`` generates what the folder loaded in bfloat16 does; ``auto`` is
    bfloat16 for batches of sources only where the CPU multiplies bfloat16 fast."""
    from trtune.run import devices

    in_bf16 = load_seq2seq(trained_folder, dtype=torch.bfloat16)
    assert in_bf16.generator.model.dtype == torch.bfloat16
    args = ["seq2seq", "generate", "--model", str(trained_folder), "--num-beams", "1"]
    code, out, err = run_cli([*args, "--dtype", "bfloat16", *SOURCES], capsys)
    assert code == 0, err
    assert out.splitlines() == in_bf16.generate(SOURCES, {"num_beams": 1})
    for fast, dtype in ((True, torch.bfloat16), (False, torch.float32)):
        monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda fast=fast: fast)
        assert load_seq2seq(trained_folder, "cpu", "auto").generator.model.dtype == dtype
    code, _, err = run_cli([*args, "--dtype", "float16", "x"], capsys)
    assert code == 2 and "float16 needs a CUDA GPU" in err and "Traceback" not in err


def test_eval_cli_scores_model_and_baseline(trained_folder, en_tr_tsv, capsys):
    args = ["seq2seq", "eval", "--model", str(trained_folder), "--data", str(en_tr_tsv)]
    code, out, err = run_cli([*args, "--json"], capsys)
    assert code == 0, err
    metrics = json.loads(out)
    assert metrics["n"] == 36 and set(metrics["baseline"]) == set(METRIC_KEYS)
    assert metrics["generation"]["num_beams"] == 1
    code, out, _ = run_cli([*args, "--lang", "tr"], capsys)
    assert "taban çizgisi copy" in out and out.startswith("chrf")


def test_lora_with_merge_and_adapter_folders(en_tr_tsv, tmp_path):
    merged = tmp_path / "merged"
    settings = tiny_settings(
        data=[str(en_tr_tsv)], out=str(merged), method="lora", merge=True, max_steps=3
    )
    result = train_seq2seq(settings)
    assert (merged / "config.json").is_file() and (
        merged / "adapter" / "adapter_config.json"
    ).is_file()
    assert set(result.metrics) >= set(METRIC_KEYS)
    adapter = tmp_path / "adapter"
    train_seq2seq(
        tiny_settings(data=[str(en_tr_tsv)], out=str(adapter), method="lora", max_steps=3)
    )
    assert (adapter / "adapter_config.json").is_file() and (adapter / "base_model").is_dir()
    loaded = load_seq2seq(adapter)
    assert loaded.generator.prefix == "" and loaded.task == "generic"  # no --direction given
    assert len(loaded.generate(SOURCES)) == 3


def test_squad_question_generation_run_without_leaks(tmp_path, capsys):
    train = write_squad(tmp_path / "tquad_train.json", extra=6)
    test = write_squad(tmp_path / "tquad_dev.json")  # its two paragraphs are in train too
    out = tmp_path / "qg"
    args = ["seq2seq", "train", "--data", str(train), "--test-data", str(test)]
    args += ["--out", str(out), "--max-steps", "2", "--validation-size", "0.2"]
    args += ["--num-beams", "1", "--max-new-tokens", "6", "--batch-size", "4"]
    code, stdout, err = run_cli(args, capsys)
    assert code == 0, err
    assert stdout.split()[1] == "rougeL" and "copy baseline" in stdout
    assert "4 training pairs have a source that is also in the test file" in err
    record = json.loads((out / "trtune.json").read_text())
    assert record["model"]["task_kind"] == "question-generation"
    assert record["model"]["prefix"] == "soru üret: "
    reasons = record["data"]["drops"]["reasons"]
    assert reasons["answer_not_in_context"]["count"] == 1
    assert reasons["source_in_test_file"]["count"] == 4
    assert record["data"]["split_sizes"]["test"] == 4


def test_jsonl_summaries_have_lead_baselines(tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [
        {
            "document": f"Haber {i}. Belediye yeni park açtı. Vatandaşlar memnun. Dördüncü cümle.",
            "summary": f"Belediye park {i} açtı.",
        }
        for i in range(20)
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    result = train_seq2seq(tiny_settings(data=[str(path)], out=str(tmp_path / "sum"), max_steps=2))
    metrics = json.loads((tmp_path / "sum" / "metrics.json").read_text())
    assert result.baseline_name == "lead-3" and set(metrics["baselines"]) == {"lead-3", "lead-1"}
    assert metrics["headline"] == "rougeL"
    assert (
        json.loads((tmp_path / "sum" / "trtune.json").read_text())["model"]["prefix"] == "özetle: "
    )
