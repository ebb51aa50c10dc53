"""Character-level text: reading files (plain and SQuAD JSON), training, resuming, sampling."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trtune.errors import UserError
from trtune.nanogpt.text import CharVocab, read_text, sample_text
from trtune.nanogpt.train import TrainConfig, train

TEXT = "Ankara Türkiye'nin başkentidir. İstanbul en kalabalık şehirdir. Çay içer misiniz?\n" * 20


def _config(tmp_path, **kw):
    (tmp_path / "t.txt").write_text(TEXT, encoding="utf-8")
    base = dict(out_dir=tmp_path / "run", text_file=tmp_path / "t.txt", steps=12, batch_size=4,
                block_size=16, eval_every=4, checkpoint_every=6)  # fmt: skip
    return TrainConfig(**{**base, **kw})


def test_vocab_round_trip_and_unknown_chars():
    vocab = CharVocab.from_text("çığış")
    assert vocab.chars == sorted(set("çığış"))
    assert vocab.decode(vocab.encode("ışığ")) == "ışığ"
    with pytest.raises(UserError, match="vocabulary"):
        vocab.encode("x")


def test_read_squad_contexts(tmp_path):
    ctx = "Van Gölü Türkiye'nin en büyük gölüdür ve sodalı bir göldür."
    doc = {"data": [{"paragraphs": [{"context": ctx, "qas": []}, {"context": ctx, "qas": []}]}]}
    path = tmp_path / "squad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert read_text(path) == ctx  # duplicates dropped, questions left out
    with pytest.raises(UserError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    turkish = "Şişli'de güzel bir gün; İstanbul'da yağmur yağıyor. " * 2
    for codec in ("utf-16", "cp1254", "iso-8859-9"):  # encodings are detected, not assumed
        (tmp_path / f"{codec}.txt").write_bytes(turkish.encode(codec))
        assert read_text(tmp_path / f"{codec}.txt") == turkish
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UserError, match="binary"):
        read_text(tmp_path / "binary.txt")


def test_train_text_resume_and_sample(tmp_path):
    metrics = train(_config(tmp_path))
    assert metrics["task"] == "text" and metrics["steps"] == 12
    assert metrics["history"][-1]["val_loss"] < metrics["history"][0]["val_loss"] + 0.5
    run = tmp_path / "run"
    info = json.loads((run / "trtune.json").read_text(encoding="utf-8"))
    assert "ş" in info["chars"] and "İ" in info["chars"]
    resumed = train(_config(tmp_path, resume=True))  # already finished: same result
    assert resumed["history"] == metrics["history"]
    out = sample_text(run, prompt="Ankara", tokens=30, seed=1)
    assert out.startswith("Ankara") and len(out) == 36
    assert set(out) <= set(info["chars"])
    assert out == sample_text(run, prompt="Ankara", tokens=30, seed=1)  # seeded
    with pytest.raises(UserError, match="vocabulary"):
        sample_text(run, prompt="xyz@", tokens=5)


@pytest.mark.slow
def test_sample_cli(tmp_path):
    train(_config(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "trtune", "nanogpt", "sample", "--model", str(tmp_path / "run"),
         "--prompt", "Çay", "--tokens", "20"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Çay") and len(result.stdout.rstrip("\n")) >= 20


TQUAD = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "lm" / "tquad_train.json"


@pytest.mark.realdata
def test_reads_tquad_contexts():
    if not TQUAD.is_file():
        pytest.skip("shared/data/lm/tquad_train.json is not present")
    text = read_text(TQUAD, max_chars=100_000)
    assert len(text) == 100_000 and "ş" in text and '"qas"' not in text
