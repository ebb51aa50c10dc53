"""`trtune lm` end to end on a tiny model: train, adapter round trip, merge, chat, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from lm_testdata import SHARED_LM, write_alpaca
from transformers import AutoModelForCausalLM

from trtune.cli import main
from trtune.infer.generate import Generator, SamplingSettings, user_turn
from trtune.infer.lm import load_lm
from trtune.tasks.lm.formats import load_records
from trtune.tasks.lm.report import records_sha256


def _run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    return exc.value.code, capsys.readouterr()


@pytest.fixture(scope="module")
def lora_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("lm")
    data = write_alpaca(root / "alpaca.jsonl")
    out = root / "lora"
    args = [
        "lm",
        "train",
        "--data",
        str(data),
        "--model",
        "tiny-gpt",
        "--method",
        "lora",
        "--out",
        str(out),
        "--max-steps",
        "4",
        "--batch-size",
        "8",
        "--max-length",
        "64",
    ]
    main(args)
    return root, data, out


def test_output_folder_contract(lora_run):
    _, data, out = lora_run
    for name in (
        "trtune.json",
        "metrics.json",
        "figures/loss.png",
        "report.html",
        "README.md",
        "adapter_config.json",
        "base_model/config.json",
    ):
        assert (out / name).is_file(), name
    metrics = json.loads((out / "metrics.json").read_text("utf-8"))
    for key in ("perplexity_before", "perplexity_after", "val_loss_before", "val_loss_after"):
        assert metrics[key] > 0
    assert metrics["tokens_per_second"] > 0
    record = json.loads((out / "trtune.json").read_text("utf-8"))
    assert record["model"]["base"] == "base_model" and record["model"]["template"] == "turkish"
    # The SHA-256 of the kept examples, as every task records it.
    assert record["data"]["sha256"] == records_sha256(load_records(data).records)
    assert "data:image/png;base64," in (out / "report.html").read_text("utf-8")


def test_existing_folder_needs_resume_or_overwrite(lora_run, capsys):
    _, data, out = lora_run
    code, io = _run(
        ["lm", "train", "--data", str(data), "--model", "tiny-gpt", "--out", str(out)], capsys
    )
    assert code == 2
    assert "--overwrite" in io.err and len(io.err.strip().splitlines()) == 1


def test_bad_data_file_exits_2_with_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"instruction": "a", "output": "b"}\n{oops\n', "utf-8")
    code, io = _run(["lm", "train", "--data", str(bad), "--out", str(tmp_path / "o")], capsys)
    assert code == 2
    assert io.err.strip().startswith(f"error: {bad}:2: not valid JSON")
    assert len(io.err.strip().splitlines()) == 1


def test_adapter_reload_and_merge_give_same_logits(lora_run, tmp_path):
    _, _, out = lora_run
    lm = load_lm(out)
    ids = torch.tensor([[5, 17, 42, 99, 3]])
    with torch.no_grad():
        adapter_logits = lm.model(input_ids=ids).logits
    merged_dir = tmp_path / "merged"
    main(["lm", "merge", "--model", str(out), "--out", str(merged_dir)])
    merged = AutoModelForCausalLM.from_pretrained(merged_dir).eval()
    with torch.no_grad():
        merged_logits = merged(input_ids=ids).logits
    assert torch.allclose(adapter_logits, merged_logits, atol=1e-4)
    # The adapter really changed the model: the bare base gives other logits.
    base = AutoModelForCausalLM.from_pretrained(out / "base_model").eval()
    with torch.no_grad():
        assert not torch.allclose(base(input_ids=ids).logits, merged_logits, atol=1e-4)


def test_chat_with_piped_stdin_keeps_and_resets_history(lora_run):
    _, _, out = lora_run
    stdin = "Faiz nedir?\nPeki enflasyon?\n/reset\nMerhaba\n/exit\nbu satır okunmaz\n"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "trtune",
            "lm",
            "chat",
            "--model",
            str(out),
            "--max-new-tokens",
            "5",
            "--temperature",
            "0",
        ],
        input=stdin,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("(conversation reset)") == 1
    # Three prompts answered (three "> " prompts before the reset and after), then /exit.
    assert done.stdout.count("> ") == 5


def test_generate_applies_training_template_and_streams(lora_run):
    _, _, out = lora_run
    lm = load_lm(out)
    assert lm.template == "turkish"
    pieces: list[str] = []
    settings = SamplingSettings(temperature=0, max_new_tokens=12)
    reply = Generator(lm).generate(user_turn("Faiz nedir?"), settings, pieces.append)
    assert "".join(pieces).strip() == reply


def test_dtype_auto_decodes_in_float32_on_a_cpu_and_bfloat16_when_asked(
    lora_run, monkeypatch, capsys
):
    """``auto`` for the LM (one sequence at a time) is float32 on any CPU, even one that
    multiplies bfloat16 fast; ``--dtype bfloat16`` loads and generates in bfloat16."""
    from trtune.run import devices

    _, _, out = lora_run
    monkeypatch.setattr(devices, "cpu_has_bf16_matmul", lambda: True)
    assert next(load_lm(out, "cpu", "auto").model.parameters()).dtype == torch.float32
    in_bf16 = load_lm(out, "cpu", "bfloat16")
    assert next(in_bf16.model.parameters()).dtype == torch.bfloat16
    settings = SamplingSettings(temperature=0, max_new_tokens=6)
    expected = Generator(in_bf16).generate(user_turn("Faiz nedir?"), settings, lambda _: None)
    loaded = []

    def load_and_keep(*args, **kwargs):
        loaded.append(load_lm(*args, **kwargs))
        return loaded[-1]

    monkeypatch.setattr("trtune.infer.lm.load_lm", load_and_keep)
    args = ["lm", "generate", "Faiz nedir?", "--model", str(out), "--dtype", "bfloat16"]
    main([*args, "--temperature", "0", "--max-new-tokens", "6"])  # returns: no SystemExit
    assert next(loaded[0].model.parameters()).dtype == torch.bfloat16
    assert capsys.readouterr().out.strip() == expected.strip()


def test_dry_run_writes_nothing(tmp_path, capsys):
    data = write_alpaca(tmp_path / "a.jsonl")
    code = main(["lm", "train", "--data", str(data), "--out", str(tmp_path / "o"), "--dry-run"])
    assert code is None
    out = capsys.readouterr().out
    assert "(alpaca)" in out and "examples      : 40 kept" in out
    assert "3 steps/epoch × 1 epoch = at most" in out
    assert "time estimate : ≈ " in out
    assert not (tmp_path / "o").exists()


def test_qlora_without_cuda_is_one_line(tmp_path, capsys):
    if torch.cuda.is_available():
        pytest.skip("has CUDA")
    data = write_alpaca(tmp_path / "a.jsonl")
    code, io = _run(
        ["lm", "train", "--data", str(data), "--method", "qlora", "--out", str(tmp_path / "q")],
        capsys,
    )
    assert code == 2 and "needs a CUDA GPU" in io.err


def test_nan_loss_is_one_line_exit_3_and_keeps_checkpoint(tmp_path, capsys):
    data = write_alpaca(tmp_path / "a.jsonl")
    out = tmp_path / "nan"
    base = ["lm", "train", "--data", str(data), "--method", "full", "--out", str(out),
            "--batch-size", "8", "--max-length", "64"]  # fmt: skip
    main([*base, "--max-steps", "2"])  # a good run leaves checkpoint-2
    capsys.readouterr()
    code, io = _run([*base, "--max-steps", "4", "--resume", "--lr", "1e30"], capsys)
    lines = [line for line in io.err.splitlines() if line.strip()]
    assert code == 3 and len(lines) == 1, io.err
    assert lines[0].startswith("error: loss became") and " at step " in lines[0]
    kept = lines[0].split("last good checkpoint kept: ")[1].split(")")[0]
    assert (Path(kept) / "state.pt").is_file()  # named, and still on disk


@pytest.mark.slow
@pytest.mark.realdata
@pytest.mark.parametrize("method", ["full", "lora"])
def test_alpaca_perplexity_falls(method, tmp_path):
    data = SHARED_LM / "alpaca_tr_finans_ml.csv"
    if not data.is_file():
        pytest.skip("shared data absent")
    out = tmp_path / method
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "trtune",
            "lm",
            "train",
            "--data",
            str(data),
            "--model",
            "tiny-gpt",
            "--method",
            method,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    metrics = json.loads((out / "metrics.json").read_text("utf-8"))
    assert metrics["perplexity_after"] < 0.9 * metrics["perplexity_before"]


def test_unreachable_hub_name_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    data = write_alpaca(tmp_path / "a.jsonl")
    code, io = _run(
        [
            "lm",
            "train",
            "--data",
            str(data),
            "--model",
            "someorg/yok-model",
            "--out",
            str(tmp_path / "o"),
            "--dry-run",
        ],
        capsys,
    )
    assert code == 2
    assert io.err.strip().startswith("error: model 'someorg/yok-model' is not a folder")
    assert "--model path/to/folder" in io.err and len(io.err.strip().splitlines()) == 1
    out = tmp_path / "real"  # not a dry run: the folder made for it is taken away again
    code, io = _run(
        ["lm", "train", "--data", str(data), "--model", "someorg/yok-model", "--out", str(out)],
        capsys,
    )
    assert code == 2 and "someorg/yok-model" in io.err
    assert not out.exists() and tmp_path.is_dir()


def test_resume_continues_from_checkpoint(tmp_path, capsys):
    data = write_alpaca(tmp_path / "a.jsonl")
    out = tmp_path / "full"
    base = [
        "lm",
        "train",
        "--data",
        str(data),
        "--method",
        "full",
        "--out",
        str(out),
        "--batch-size",
        "8",
        "--max-length",
        "64",
    ]
    main([*base, "--max-steps", "2"])
    assert (out / "checkpoints" / "checkpoint-2" / "state.pt").is_file()
    capsys.readouterr()
    main([*base, "--max-steps", "4", "--resume"])
    assert "resuming from checkpoint-2 (step 2)" in capsys.readouterr().out
    metrics = json.loads((out / "metrics.json").read_text("utf-8"))
    assert metrics["steps"] == 4
    assert sorted(p.name for p in (out / "checkpoints").iterdir()) == ["checkpoint-4"]


def test_piped_output_has_no_blank_lines(tmp_path):
    # Progress bars (rich's, and the BPE trainer's in Rust, which writes straight to the
    # file descriptor) print only blank lines when stdout is a pipe: a subprocess sees them.
    data = write_alpaca(tmp_path / "a.jsonl")
    done = subprocess.run(
        [sys.executable, "-m", "trtune", "lm", "train", "--data", str(data), "--out",
         str(tmp_path / "run"), "--max-steps", "2", "--batch-size", "8", "--max-length", "64"],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("alpaca data:"), lines[:3]
    assert "" not in [line.strip() for line in lines], done.stdout
