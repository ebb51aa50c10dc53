"""Baseline, metrics, report, settings, output-folder helpers and the NaN guard."""

from __future__ import annotations

import numpy as np
import pytest

from trtune.errors import NumericalFault, UserError
from trtune.report import Section, classification_metrics, plot_curves, write_report
from trtune.run.guard import check_finite
from trtune.run.outdir import (
    atomic_write_text,
    latest_checkpoint,
    prepare_out_dir,
    removed_if_left_empty,
    save_pretrained_atomic,
)
from trtune.tasks.classify.baseline import TfidfClassifier
from trtune.tasks.classify.settings import ClassifySettings, validation_share

TEXTS = ["çok güzel ürün", "harika ve güzel", "berbat ürün", "çok kötü ve berbat"] * 3
LABELS = ["positive", "positive", "negative", "negative"] * 3


def test_tfidf_round_trip_without_pickle(tmp_path):
    model = TfidfClassifier.fit(TEXTS, LABELS)
    assert model.predict(["güzel", "berbat"]) == ["positive", "negative"]
    model.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tfidf.json", "tfidf.safetensors"]
    loaded = TfidfClassifier.load(tmp_path)
    np.testing.assert_allclose(loaded.predict_proba(TEXTS), model.predict_proba(TEXTS))


def test_tfidf_lowercases_the_turkish_way():
    model = TfidfClassifier.fit(["IŞIK iyi", "ışık iyi", "KIRIK kötü", "kırık kötü"], list("ppnn"))
    assert "ışık" in model.vocabulary and "kırık" in model.vocabulary
    assert "işik" not in model.vocabulary


def test_metrics_golden():
    m = classification_metrics(["a", "a", "b", "b"], ["a", "b", "b", "b"], ["a", "b"])
    assert m["accuracy"] == 0.75
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)
    assert m["confusion_matrix"] == [[1, 1], [0, 2]]
    assert m["per_class"]["a"] == {"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2}


def test_report_inlines_images(tmp_path):
    png = plot_curves({"train": [1.0, 0.5], "validation": [1.1, 0.7]}, tmp_path / "l.png", "Loss")
    assert png.read_bytes()[:4] == b"\x89PNG"
    page = write_report(
        tmp_path / "r.html", "T", [Section("S", ["p <b>"], [["a", "b"], [1, 0.5]], [png])]
    ).read_text()
    assert "data:image/png;base64," in page and "p &lt;b&gt;" in page and "0.5000" in page


def test_settings_defaults_config_and_errors(tmp_path):
    s = ClassifySettings(data="d.csv", out="o", method="features")
    assert (s.epochs, s.lr, s.patience) == (500, 1e-3, 50)
    config = tmp_path / "c.yaml"
    config.write_text("method: finetune\nepochs: 7\nbatch-size: 4\n")
    s = ClassifySettings.from_config(config, data="d.csv", out="o", epochs=2)
    assert (s.method, s.epochs, s.batch_size) == ("finetune", 2, 4)
    with pytest.raises(UserError, match="unknown method"):
        ClassifySettings(data="d", out="o", method="svm")
    config.write_text("epoch: 3\n")
    with pytest.raises(UserError, match="unknown setting"):
        ClassifySettings.from_config(config, data="d", out="o")


def test_out_dir_rules(tmp_path):
    out = tmp_path / "run"
    prepare_out_dir(out)
    atomic_write_text(out / "a.txt", "x")
    with pytest.raises(UserError, match="--resume"):
        prepare_out_dir(out)
    assert prepare_out_dir(out, resume=True) == out and (out / "a.txt").exists()
    prepare_out_dir(out, overwrite=True)
    assert list(out.iterdir()) == []
    for step in (5, 40, 100, 120):
        (out / f"checkpoint-{step}").mkdir()
        if step != 120:  # 120 was cut off mid-save: no trainer state yet
            (out / f"checkpoint-{step}" / "trainer_state.json").write_text("{}")
    (out / "checkpoint-130").mkdir()
    (out / "checkpoint-130" / "trainer_state.json").write_text('{"global_st')  # torn write
    assert latest_checkpoint(out).name == "checkpoint-100"


def test_resume_sweeps_what_a_kill_left_half_written(tmp_path):
    out = tmp_path / "run"
    prepare_out_dir(out)
    atomic_write_text(out / "trtune.json", "{}")
    (out / ".save-abc.tmp").mkdir()  # save_pretrained_atomic killed mid-save
    (out / ".save-abc.tmp" / "model.safetensors").write_bytes(b"torn")
    (out / ".metrics.json.x1.tmp").write_text("{")  # atomic_write_bytes killed
    (out / ".hidden-by-user").write_text("keep")
    prepare_out_dir(out, resume=True)
    names = sorted(p.name for p in out.iterdir())
    assert names == [".hidden-by-user", "trtune.json"]


def test_failed_start_removes_only_the_empty_folder_it_made(tmp_path):
    made = tmp_path / "new"
    with pytest.raises(UserError), removed_if_left_empty(made):
        prepare_out_dir(made)
        raise UserError("model not found")
    assert not made.exists()
    there = tmp_path / "there"
    there.mkdir()  # made by the user before the run: stays
    with pytest.raises(UserError), removed_if_left_empty(there):
        raise UserError("model not found")
    assert there.is_dir()
    written = tmp_path / "written"
    with pytest.raises(RuntimeError), removed_if_left_empty(written):
        prepare_out_dir(written)
        atomic_write_text(written / "metrics.json", "{}")
        raise RuntimeError("later failure")
    assert (written / "metrics.json").read_text() == "{}"
    with removed_if_left_empty(tmp_path / "ok"):
        prepare_out_dir(tmp_path / "ok")
    assert (tmp_path / "ok").is_dir()  # success keeps even an empty folder


def test_save_pretrained_atomic_never_leaves_a_torn_file(tmp_path):
    class Saver:
        def __init__(self, payload, fail=False):
            self.payload, self.fail = payload, fail

        def save_pretrained(self, folder):
            (folder / "config.json").write_text("{}")
            with open(folder / "model.safetensors", "wb") as handle:
                handle.write(self.payload[:3])
                if self.fail:
                    raise KeyboardInterrupt  # killed mid-write
                handle.write(self.payload[3:])
            (folder / "sub").mkdir()
            (folder / "sub" / "x.json").write_text("[]")

    out = tmp_path / "run"
    save_pretrained_atomic(Saver(b"old weights"), out)
    assert (out / "model.safetensors").read_bytes() == b"old weights"
    assert (out / "sub" / "x.json").read_text() == "[]"
    with pytest.raises(KeyboardInterrupt):
        save_pretrained_atomic(Saver(b"new weights", fail=True), out)
    assert (out / "model.safetensors").read_bytes() == b"old weights"
    assert sorted(p.name for p in out.iterdir()) == ["config.json", "model.safetensors", "sub"]


def test_nan_guard_names_the_step():
    check_finite(0.5, 1)
    with pytest.raises(NumericalFault, match="at step 7") as info:
        check_finite(float("nan"), 7)
    assert info.value.exit_code == 3


def test_length_grouped_sampler_pads_little_and_keeps_batch_order_random():
    import random

    from trtune.run.sampler import ShuffledLengthGroupedSampler

    lengths = [random.Random(i).randint(5, 120) for i in range(1000)]
    sampler = ShuffledLengthGroupedSampler(lengths, batch_size=32, seed=1)
    first = list(sampler)
    assert sorted(first) == list(range(1000)) and first == list(sampler)  # a permutation, stable
    sampler.set_epoch(1)
    assert list(sampler) != first  # a new order every epoch
    batches = [first[i : i + 32] for i in range(0, 1000, 32)]
    padded = sum(32 * max(lengths[i] for i in b) for b in batches[:-1])
    shuffled = [list(range(1000))[i : i + 32] for i in range(0, 992, 32)]
    naive = sum(32 * max(lengths[i] for i in b) for b in shuffled)
    assert padded < 0.75 * naive  # grouping saves padding
    longest = [max(lengths[i] for i in b) for b in batches[:-1]]
    assert longest != sorted(longest, reverse=True)  # not one long-to-short sweep


def test_atomic_writes_get_the_usual_file_mode(tmp_path):
    import os
    import stat

    path = atomic_write_text(tmp_path / "metrics.json", "{}")
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    assert stat.S_IMODE(os.stat(path).st_mode) == stat.S_IMODE(os.stat(plain).st_mode)


def test_saved_weights_get_the_usual_file_mode_too(tmp_path):
    """safetensors writes 0600; a model folder on a shared server must be readable."""
    import os
    import stat

    import torch
    from safetensors.torch import save_file

    from trtune.run.outdir import save_pretrained_atomic

    class Weights:
        def save_pretrained(self, folder):
            save_file({"w": torch.zeros(2)}, str(folder / "model.safetensors"))

    folder = save_pretrained_atomic(Weights(), tmp_path / "model")
    plain = tmp_path / "plain.txt"
    plain.write_text("x")
    mode = stat.S_IMODE(os.stat(folder / "model.safetensors").st_mode)
    assert mode == stat.S_IMODE(os.stat(plain).st_mode)


def test_schedule_defaults_per_method_and_flags_override(tmp_path):
    # A pretrained model's schedule (tiny presets have their own, see test_classify_tiny_defaults)
    common = dict(data="d.csv", out=str(tmp_path), model="dbmdz/bert-base-turkish-cased")
    finetune = ClassifySettings.from_config(**common, method="finetune")
    assert (finetune.epochs, finetune.warmup_ratio, finetune.weight_decay) == (3, 0.0, 0.0)
    # finetune: 5 % of the training part, at least 200 texts, at most 10 %
    shares = [validation_share(finetune, n) for n in (13_465, 3_000, 150)]
    assert shares == [0.05, pytest.approx(200 / 2_250), 0.1]
    assert (
        validation_share(ClassifySettings.from_config(**common, validation_size=0.3), 13_465) == 0.3
    )
    with pytest.raises(UserError, match="validation_size must be above 0 for finetune"):
        ClassifySettings.from_config(**common, validation_size=0)
    assert (
        ClassifySettings.from_config(**common, method="tfidf", validation_size=0).validation_size
        == 0
    )
    lora = ClassifySettings.from_config(**common, method="lora")
    assert (lora.warmup_ratio, lora.weight_decay, lora.validation_size) == (0.1, 0.01, 0.1)
    assert ClassifySettings.from_config(**common, method="features").validation_size == 0.1
    assert (
        ClassifySettings.from_config(
            **common, method="finetune", validation_size=0.2
        ).validation_size
        == 0.2
    )
    assert (
        ClassifySettings.from_config(**common, method="finetune", warmup_ratio=0.2).warmup_ratio
        == 0.2
    )
    with pytest.raises(UserError, match="warmup_ratio"):
        ClassifySettings.from_config(**common, warmup_ratio=1.5)
