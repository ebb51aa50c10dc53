"""mask train end to end on a tiny preset: the output folder, perplexity before and after on
the same blanks, the fill-in accuracy against chance, and a folder the other tasks load."""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_one_line_error, run_cli
from trtune.errors import UserError
from trtune.infer.kinds import inspect_folder
from trtune.infer.mask import load_filler
from trtune.run.models import load_model, load_tokenizer, resolve_model
from trtune.run.record import RECORD_KEYS
from trtune.tasks.mask.settings import MaskSettings
from trtune.tasks.mask.train import train_masked_lm

pytestmark = pytest.mark.slow


def test_output_folder_holds_the_contract(tiny_mask_run):
    out, result = tiny_mask_run
    for name in ("config.json", "model.safetensors", "tokenizer.json", "metrics.json",
                 "report.html", "README.md", "trtune.json", "figures/perplexity.png"):  # fmt: skip
        assert (out / name).is_file(), name
    record = json.loads((out / "trtune.json").read_text(encoding="utf-8"))
    assert tuple(record) == RECORD_KEYS
    assert record["task"] == "mask" and record["command"] == "mask train"
    assert record["model"]["head"]["state"] == "random" and record["model"]["head"]["tied"]
    assert record["data"]["split_sizes"] == {"train": 216, "validation": 24, "test": 0}
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["architectures"] == ["BertForMaskedLM"]
    assert inspect_folder(out).task == "mask"
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Perplexity curve" in html and "Fill-in examples" in html


def test_training_lowers_perplexity_and_fills_blanks_far_above_chance(tiny_mask_run):
    out, result = tiny_mask_run
    m = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert m["perplexity_after"] < 0.5 * m["perplexity_before"]
    assert m["perplexity_after"] < m["baseline"]["perplexity"]  # beats token frequencies
    assert m["fill_probes"] == 24 and m["fill_top5"] >= 0.5
    assert m["fill_top5"] > 20 * m["chance"]["fill_top5"]
    assert m["fill_top5"] > m["before"]["fill_top5"]
    assert set(m["baseline"]) == {"perplexity", "accuracy", "fill_top1", "fill_top5"}
    # the curve's epoch 0 is the score before training, on the same blanks
    history = m["history"]["val_perplexity"]
    assert min(history) == pytest.approx(m["perplexity_after"], rel=1e-3)


def test_the_folder_trains_a_classifier_a_tagger_and_a_reader(tiny_mask_run):
    out, _ = tiny_mask_run
    source = resolve_model(str(out))
    tokenizer = load_tokenizer(source)
    for head in ("sequence-classification", "token-classification"):
        model = load_model(source, head, tokenizer, labels=["a", "b"])
        assert model.config.num_labels == 2
    qa = load_model(source, "question-answering", tokenizer)
    assert type(qa).__name__ == "BertForQuestionAnswering"


def test_predict_on_the_trained_folder_from_the_cli(tiny_mask_run):
    out, _ = tiny_mask_run
    # float32 like the library call below (a subprocess: tests/conftest.py's patch of the
    # bfloat16 check does not reach it)
    result = run_cli("mask", "predict", "--model", str(out), "--json", "--top-k", "3",
                     "--dtype", "float32",
                     "Ankara İç Anadolu [MASK] bir şehirdir ve çok güzeldir 5.")  # fmt: skip
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    shown_words = [f["token_str"] for f in answer["masks"][0]]
    assert len(shown_words) == 3
    # the CLI shows what the library fills, in the same order
    expected = load_filler(out).fill(
        ["Ankara İç Anadolu [MASK] bir şehirdir ve çok güzeldir 5."], 3
    )
    assert shown_words == [c.token_str for c in expected[0].masks[0]]
    shown = run_cli(
        "mask", "predict", "--model", str(out), "--lang", "tr", "Bu [MASK] bugün geldi."
    )
    assert "en olası 5 tanesi" in shown.stdout and "->" in shown.stdout


def test_resume_without_checkpoint_and_with_another_split(tmp_path, corpus):
    settings = MaskSettings(data=[str(corpus)], out=str(tmp_path / "r"), epochs=1, fill_probes=5)
    train_masked_lm(settings)
    with pytest.raises(UserError, match="output folder exists"):
        train_masked_lm(settings)
    changed = tmp_path / "changed.txt"
    changed.write_text(corpus.read_text(encoding="utf-8") + "Yeni bir satır.\n", encoding="utf-8")
    other = MaskSettings(data=[str(changed)], out=settings.out, epochs=1, fill_probes=5)
    with pytest.raises(UserError, match="cannot resume"):
        train_masked_lm(other, resume=True)


def test_lora_whole_words_and_blocks(tmp_path, corpus):
    out = tmp_path / "lora"
    settings = MaskSettings(
        data=[str(corpus)], out=str(out), method="lora", epochs=2, whole_word_mask=True,
        pack=True, max_length=32, fill_probes=5, merge=False,
    )  # fmt: skip
    result = train_masked_lm(settings)
    assert inspect_folder(out).kind == "adapter" and (out / "base_model").is_dir()
    assert result.metrics["perplexity_after"] < result.metrics["perplexity_before"]
    assert load_filler(out).fill(["Bu [MASK] bugün geldi."])[0].masks[0]


def test_cli_dry_run_and_one_line_errors(tmp_path, corpus):
    dry = run_cli("mask", "train", "--data", str(corpus), "--out", str(tmp_path / "d"),
                  "--dry-run", "--json")  # fmt: skip
    assert dry.returncode == 0, dry.stderr
    assert '"split_sizes"' in dry.stdout and not (tmp_path / "d").exists()
    binary = tmp_path / "veri.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    bad = run_cli("mask", "train", "--data", str(binary), "--out", str(tmp_path / "b"))
    assert_one_line_error(bad, str(binary))
    assert not (tmp_path / "b").exists()
    probability = run_cli("mask", "train", "--data", str(corpus), "--out", str(tmp_path / "p"),
                          "--mlm-probability", "1.5")  # fmt: skip
    assert_one_line_error(probability, "--mlm-probability")
