"""The seq2seq commands' edges: the tiny-t5 tokenizer, settings, --dry-run and one-line
errors (no training here)."""

from __future__ import annotations

import json

import pytest

from trtune.cli import main
from trtune.errors import UserError
from trtune.infer.seq2seq import GenerationSettings
from trtune.run.presets import train_preset_tokenizer
from trtune.tasks.seq2seq.settings import Seq2SeqSettings, task_prefix


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


def test_tiny_t5_tokenizer_keeps_turkish_letters_case_and_specials():
    texts = ["Işık İstanbul'da yanıyor.", "ılık ışık, GÜZEL çiçek", "çevir en-tr: Hello"] * 4
    tokenizer = train_preset_tokenizer("tiny-t5", texts)
    assert (tokenizer.pad_token_id, tokenizer.eos_token_id, tokenizer.unk_token_id) == (0, 1, 2)
    ids = tokenizer("Işık İstanbul'da yanıyor.")["input_ids"]
    assert ids[-1] == tokenizer.eos_token_id and tokenizer.unk_token_id not in ids
    decoded = tokenizer.decode(ids, skip_special_tokens=True)
    assert decoded == "Işık İstanbul'da yanıyor."  # case, dotted and dotless i kept
    assert tokenizer.decode(tokenizer("çevir en-tr: Hello")["input_ids"][:-1]) == (
        "çevir en-tr: Hello"
    )


def test_settings_defaults_and_checks():
    settings = Seq2SeqSettings(data=["x.tsv"], out="o")
    assert settings.model == "tiny-t5" and settings.lr == 2e-3  # a preset learns from scratch
    assert settings.source_limit == 128 and settings.generation().max_new_tokens == 64
    real = Seq2SeqSettings(data=["x.tsv"], out="o", model="google/mt5-small", method="lora")
    assert real.lr == 1e-3 and real.source_limit == 512
    assert task_prefix("translate", "tr-en", None) == "çevir tr-en: "
    assert task_prefix("summarize", None, "") == ""
    for bad in ({"task": "poem"}, {"direction": "english"}, {"num_beams": 0}):
        with pytest.raises(UserError):
            Seq2SeqSettings(data=["x.tsv"], out="o", **bad)
    assert GenerationSettings(num_beams=1).generate_kwargs() == {
        "max_new_tokens": 64,
        "do_sample": False,
        "num_beams": 1,
    }


def test_dry_run_plan_names_task_prefix_and_split(en_tr_tsv, tmp_path, capsys):
    out = tmp_path / "never"
    args = ["seq2seq", "train", "--data", str(en_tr_tsv), "--out", str(out), "--direction"]
    code, stdout, err = run_cli([*args, "en-tr", "--dry-run", "--json"], capsys)
    assert code == 0, err
    plan = json.loads(stdout)
    assert plan["kind"] == "translate" and plan["prefix"] == "çevir en-tr: "
    assert sum(plan["split_sizes"].values()) == 36 and not out.exists()
    # the estimate counts what each evaluation generates: every validation pair, 4 beams
    generation = plan["estimate"]["generation"]
    assert generation["sources"] == plan["split_sizes"]["validation"]
    assert generation["beams"] == 4 and generation["new_tokens"] == 64


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("empty.tsv", b"", "empty"),
        ("one.csv", "tek\nsütun\n".encode(), "delimiter"),
        ("broken.json", b'{"data": [', "invalid JSON"),
    ],
)
def test_hostile_training_files_stop_with_one_line(tmp_path, capsys, name, content, fragment):
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "out"
    code, _, err = run_cli(["seq2seq", "train", "--data", str(path), "--out", str(out)], capsys)
    assert code == 2 and fragment.lower() in one_error_line(err).lower()
    assert not out.exists()  # a failed start leaves no folder


def test_generate_and_eval_refuse_what_they_cannot_use(tmp_path, capsys):
    code, _, err = run_cli(["seq2seq", "generate", "--model", str(tmp_path), "Merhaba"], capsys)
    assert code == 2 and "not a model folder" in one_error_line(err)
    code, _, err = run_cli(
        ["seq2seq", "generate", "--model", str(tmp_path), "--num-beams", "0", "x"], capsys
    )
    assert code == 2 and "--num-beams" in one_error_line(err)
    code, _, err = run_cli(["seq2seq", "eval", "--model", str(tmp_path)], capsys)
    assert code == 2 and "--data" in one_error_line(err)
