"""End to end: classify train (features, finetune, tfidf), the output folder, predict, eval."""

from __future__ import annotations

import json

import pytest

from trtune.cli import main
from trtune.infer.classify import load_classifier
from trtune.tasks.classify.settings import ClassifySettings
from trtune.tasks.classify.train import train_classifier


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    """Run ``trtune ARGS`` in-process; return (exit code, stdout, stderr)."""
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def features_run(reviews_csv, tmp_path_factory):
    """A features run on the tiny encoder (mean pooling) with the baseline beside it."""
    out = tmp_path_factory.mktemp("runs") / "features"
    settings = ClassifySettings(
        data=str(reviews_csv),
        out=str(out),
        model="tiny",
        method="features",
        pooling="mean",
        epochs=60,
        patience=20,
        cache_dir=str(out.parent / "cache"),
    )
    return train_classifier(settings)


def test_features_output_folder(features_run):
    out = features_run.out_dir
    for name in [
        "head.json",
        "head.safetensors",
        "encoder/config.json",
        "metrics.json",
        "report.html",
        "README.md",
        "trtune.json",
        "baseline/tfidf.json",
        "figures/accuracy.png",
        "figures/loss.png",
        "figures/confusion_matrix.png",
    ]:
        assert (out / name).is_file(), name
    assert not list(out.rglob("*.pkl")) and not list(out.rglob("*.tmp"))
    metrics = json.loads((out / "metrics.json").read_text())
    for key in ["accuracy", "macro_f1", "per_class", "confusion_matrix", "baseline", "timing"]:
        assert key in metrics
    assert sum(map(sum, metrics["confusion_matrix"])) == 38  # ceil(150 * 0.25), as scikit-learn
    assert metrics["baseline"]["accuracy"] >= 0.9  # the templates are easy for TF-IDF
    assert metrics["accuracy"] >= 0.6  # a random tiny encoder's mean features still separate
    assert metrics["timing"]["train_samples_per_second"] > 0
    config = json.loads((out / "trtune.json").read_text())
    assert config["settings"]["method"] == "features" and len(config["data"]["sha256"]) == 64
    html = (out / "report.html").read_text()
    assert html.count("data:image/png;base64,") == 3 and "rows kept" in html
    # the test texts it got wrong (most confident first) or right, and only this method's
    # settings
    assert "Most confidently" in html and "<td>pooling</td>" in html
    assert "lora_r" not in html


def test_features_predict_matches_metrics(features_run):
    classifier = load_classifier(features_run.out_dir)
    assert classifier.labels == ["negative", "neutral", "positive"]
    (prediction,) = classifier.predict(["Ürün harika, herkese tavsiye ederim"])
    assert sum(prediction.probabilities.values()) == pytest.approx(1.0, abs=1e-5)


def test_loaded_networks_go_to_the_device_asked(features_run, monkeypatch):
    """``load_classifier`` puts the encoder where ``device`` says (``auto``: the CPU on a
    machine without CUDA), in ``dtype``, and the features are computed there."""
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert load_classifier(features_run.out_dir).device == torch.device("cpu")
    moved, used = [], []
    real_to = torch.nn.Module.to

    def fake_to(self, *args, **kwargs):
        moved.append((kwargs.get("device", args[0] if args else None), kwargs.get("dtype")))
        return real_to(self, "cpu")

    monkeypatch.setattr(torch.nn.Module, "to", fake_to)
    classifier = load_classifier(
        features_run.out_dir, device=torch.device("meta"), dtype=torch.bfloat16
    )
    assert moved == [(torch.device("meta"), torch.bfloat16)]
    import trtune.infer.classify as predict

    real_extract = predict.extract_features
    monkeypatch.setattr(
        predict,
        "extract_features",
        lambda *a, device, **k: used.append(device) or real_extract(*a, device="cpu", **k),
    )
    classifier.predict(["güzel ürün"])
    assert used == [torch.device("meta")]


def test_features_are_extracted_on_a_gpu_when_there_is_one(reviews_csv, tmp_path, monkeypatch):
    import torch

    import trtune.tasks.classify.frozen as frozen

    asked = []

    class Stop(Exception):
        pass

    def spy(*args, device, **kwargs):
        asked.append(device)
        raise Stop

    monkeypatch.setattr(frozen, "cached_features", spy)
    settings = ClassifySettings(
        data=str(reviews_csv), out=str(tmp_path / "f"), model="tiny", method="features"
    )
    for available, expected in ((False, "cpu"), (True, "cuda")):
        monkeypatch.setattr(torch.cuda, "is_available", lambda available=available: available)
        with pytest.raises(Stop):
            train_classifier(settings, overwrite=True)
        assert asked.pop() == torch.device(expected)


def test_cli_predict_and_eval(features_run, reviews_csv, capsys):
    folder = str(features_run.out_dir)
    code, out, _ = run_cli(
        ["classify", "predict", "--model", folder, "--json", "Berbat", "İyi"], capsys
    )
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == ["Berbat", "İyi"]
    assert set(rows[0]["probabilities"]) == {"negative", "neutral", "positive"}
    code, out, _ = run_cli(
        ["classify", "eval", "--model", folder, "--data", str(reviews_csv), "--json"], capsys
    )
    assert code == 0 and json.loads(out)["n"] == 150


def test_cli_refuses_existing_folder_and_dry_run(features_run, reviews_csv, tmp_path, capsys):
    args = ["classify", "train", "--data", str(reviews_csv), "--model", "tiny"]
    code, _, err = run_cli([*args, "--out", str(features_run.out_dir)], capsys)
    assert code == 2 and "--overwrite" in err
    code, out, _ = run_cli([*args, "--out", str(tmp_path / "new"), "--dry-run", "--json"], capsys)
    sizes = json.loads(out)["split_sizes"]  # 10 % of 112: 5 % would be too few to rank
    assert code == 0 and sizes == {"train": 100, "validation": 12, "test": 38}
    assert not (tmp_path / "new").exists()
    flags = ["--validation-size", "0.1", "--test-size", "0.2", "--dry-run", "--json"]
    code, out, _ = run_cli([*args, "--out", str(tmp_path / "new"), *flags], capsys)
    assert code == 0 and json.loads(out)["split_sizes"] == {
        "train": 108,
        "validation": 12,
        "test": 30,
    }


def test_tfidf_method(reviews_csv, tmp_path, capsys):
    out_dir = tmp_path / "t"
    args = ["classify", "train", "--data", str(reviews_csv), "--method", "tfidf"]
    code, out, _ = run_cli([*args, "--out", str(out_dir)], capsys)
    assert code == 0 and (out_dir / "tfidf.safetensors").is_file()
    metrics = json.loads((out_dir / "metrics.json").read_text("utf-8"))
    assert metrics["accuracy"] == metrics["baseline"]["accuracy"]
    assert out.startswith(f"tfidf: accuracy {metrics['accuracy']:.4f}")
    card = (out_dir / "README.md").read_text("utf-8")
    assert "starting from" not in card and "tiny" not in card  # TF-IDF uses no encoder
    assert "baseline" not in out and "baseline" not in card  # it would only repeat itself


@pytest.mark.slow
def test_finetune_tiny_pipeline_and_resume(reviews_csv, tmp_path):
    from transformers import pipeline

    out = tmp_path / "ft"
    common = dict(
        data=str(reviews_csv), out=str(out), model="tiny", method="finetune", lr=5e-3,
        batch_size=16, warmup_ratio=0.1,  # a random tiny BERT at this lr needs a warm-up
    )  # fmt: skip
    first = train_classifier(ClassifySettings(**common, epochs=1))
    steps_per_epoch = json.loads((out / "trtune.json").read_text())["steps"]
    assert first.metrics["accuracy"] > 0
    resumed = train_classifier(ClassifySettings(**common, epochs=6, patience=6), resume=True)
    config = json.loads((out / "trtune.json").read_text())
    assert config["resumed_from"].endswith(f"checkpoint-{steps_per_epoch}")
    assert config["steps"] == 6 * steps_per_epoch
    assert resumed.metrics["accuracy"] >= 0.85  # chance is 0.33; 38 test texts
    history = json.loads((out / "metrics.json").read_text())["history"]
    assert len(history["val_loss"]) == 6 and len(history["train_accuracy"]) == 6
    classify = pipeline("text-classification", model=str(out))
    answer = classify(["Ürün harika, herkese tavsiye ederim 7"])[0]
    assert answer["label"] in {"negative", "neutral", "positive"}


def test_nan_loss_exits_3(reviews_csv, tmp_path, capsys):
    args = [
        "classify",
        "train",
        "--data",
        str(reviews_csv),
        "--model",
        "tiny",
        "--method",
        "finetune",
        "--out",
        str(tmp_path / "nan"),
        "--lr",
        "1e30",
        "--epochs",
        "1",
        "--batch-size",
        "16",
    ]
    code, _, err = run_cli(args, capsys)
    assert code == 3
    line = err.strip().splitlines()[-1]
    assert line.startswith("error: loss became nan at step") or "inf at step" in line


def test_resume_refuses_a_different_split(tmp_path, capsys):
    data = tmp_path / "d.csv"
    rows = [
        f"harika ürün {i},olumlu\nberbat ürün {i},olumsuz\nidare eder {i},nötr" for i in range(20)
    ]
    data.write_text("yorum,duygu\n" + "\n".join(rows) + "\n", "utf-8")
    out = tmp_path / "run"
    args = ["classify", "train", "--data", str(data), "--model", "tiny", "--method", "finetune",
            "--batch-size", "16", "--out", str(out)]  # fmt: skip
    assert run_cli([*args, "--epochs", "1"], capsys)[0] == 0
    split_json = out / "checkpoints" / "split.json"
    recorded = json.loads(split_json.read_text())["sha256"]
    code, _, err = run_cli([*args, "--epochs", "2", "--resume"], capsys)
    assert code == 0, err  # the same data: the same split, and the run goes on
    weights = (out / "model.safetensors").read_bytes()
    data.write_text("yorum,duygu\n" + "\n".join(rows[1:]) + "\n", "utf-8")  # 3 reviews fewer
    code, _, err = run_cli([*args, "--epochs", "3", "--resume"], capsys)
    assert code == 2
    assert err.strip().splitlines()[-1].startswith(f"error: {out}: cannot resume: the data split")
    assert json.loads(split_json.read_text())["sha256"] == recorded
    assert (out / "model.safetensors").read_bytes() == weights  # the 2-epoch run's model stays
    assert json.loads((out / "trtune.json").read_text())["settings"]["epochs"] == 2
