"""Bounded loopback load tests, real uvicorn.

- 2,000 requests from 32 concurrent clients against an in-process server: about a tenth
  are bad on purpose (malformed JSON, too many texts, a body over the limit); they must get
  a 4xx and the rest a 200 - no 5xx, nothing dropped.
- 8 hostile clients for 5 seconds against a ``trtune serve`` process (issue 25, item 11):
  valid requests mixed with malformed JSON, wrong types, bodies that are not UTF-8, empty
  texts, over-long texts and too many texts. No 5xx, every refusal in the documented
  ``{"error", "detail"}`` shape, p50/p99 latency of the valid requests printed, and the
  server still answers afterwards.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx
import pytest
from serve_tiny_models import tiny_models

from trtune.serve.app import create_app
from trtune.serve.server import BackgroundServer, free_port
from trtune.serve.settings import ServeSettings

pytestmark = pytest.mark.slow

REQUESTS = 2000
CLIENTS = 32


def _request(i: int) -> tuple[str, bytes, int]:
    """(path, body, expected status) of request number ``i``."""
    if i % 50 == 7:
        return "/v1/classify", b'{"texts": [', 422
    if i % 50 == 17:
        return "/v1/classify", json.dumps({"texts": ["a"] * 20}).encode(), 413
    if i % 50 == 27:
        return "/v1/classify", json.dumps({"texts": ["b" * 1000] * 10}).encode(), 413
    if i % 50 == 37:
        return "/v1/attention", json.dumps({"text": f"Dikkat {i}"}).encode(), 200
    return "/v1/classify", json.dumps({"texts": [f"Yorum {i}: ürün güzel."]}).encode(), 200


async def _load(url: str) -> tuple[Counter, list[tuple[int, int, int]], float]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(REQUESTS):
        queue.put_nowait(i)
    statuses: Counter = Counter()
    wrong: list[tuple[int, int, int]] = []
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    timeout = httpx.Timeout(30.0)

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=timeout) as client:

        async def worker() -> None:
            while not queue.empty():
                i = queue.get_nowait()
                path, body, expected = _request(i)
                headers = {"Content-Type": "application/json"}
                res = await client.post(path, content=body, headers=headers)
                statuses[res.status_code] += 1
                if res.status_code != expected:
                    wrong.append((i, res.status_code, expected))

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CLIENTS)))
        return statuses, wrong, time.perf_counter() - start


def test_two_thousand_requests_from_32_clients_all_answered_no_5xx():
    models = tiny_models()
    settings = ServeSettings(classifier=models.classifier, max_texts=16, max_body_bytes=8000)
    app = create_app(settings)
    with BackgroundServer(app) as server:
        statuses, wrong, seconds = asyncio.run(_load(server.url))
        health = httpx.get(server.url + "/health", timeout=10).json()
    assert sum(statuses.values()) == REQUESTS
    assert not [s for s in statuses if s >= 500], statuses
    assert wrong == [], wrong[:10]
    assert statuses[200] == REQUESTS - 3 * REQUESTS // 50
    assert health["batching"]["largest"] > 1
    print(f"\n{REQUESTS} requests in {seconds:.1f} s; {dict(statuses)}; {health['batching']}")


# (name, path, body, expected status); `trtune serve` defaults: 64 texts, 2,000 characters.
HOSTILE = [
    ("valid", "/v1/classify", json.dumps({"texts": ["Ürün çok güzel, teşekkürler."]}), 200),
    ("valid_batch", "/v1/classify", json.dumps({"texts": [f"Yorum {i}" for i in range(8)]}), 200),
    ("valid_attention", "/v1/attention", json.dumps({"text": "Kargo geç geldi."}), 200),
    ("malformed_json", "/v1/classify", '{"texts": ["eksik"', 422),
    ("wrong_type_list", "/v1/classify", json.dumps({"texts": "tek metin"}), 422),
    ("wrong_type_item", "/v1/classify", json.dumps({"texts": [1, 2.5, None]}), 422),
    ("not_an_object", "/v1/classify", json.dumps(["bir", "iki"]), 422),
    ("unknown_field", "/v1/classify", json.dumps({"texts": ["a"], "model": "/etc"}), 422),
    ("not_utf8", "/v1/classify", b'{"texts": ["G\xfczel \xfcr\xfcn"]}', 400),  # Windows-1254
    ("utf16", "/v1/classify", json.dumps({"texts": ["ağaç"]}).encode("utf-16"), 400),
    ("empty_text", "/v1/classify", json.dumps({"texts": ["iyi", ""]}), 422),
    ("blank_text", "/v1/attention", json.dumps({"text": " \n "}), 422),
    ("lone_surrogate", "/v1/classify", json.dumps({"texts": ["a\ud800"]}), 422),
    ("over_long_text", "/v1/classify", json.dumps({"texts": ["ç" * 2001]}), 413),
    ("too_many_texts", "/v1/classify", json.dumps({"texts": ["a"] * 65}), 413),
    ("no_such_path", "/v1/nothing", "{}", 404),
]
VALID = {name for name, *_, status in HOSTILE if status == 200}
CLIENTS, SECONDS = 8, 5.0
JSON = {"Content-Type": "application/json"}


def _start_serve(classifier: Path, port: int, log: Path) -> subprocess.Popen:
    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ, PYTHONPATH=str(repo), HF_HUB_OFFLINE="1")
    cmd = [sys.executable, "-m", "trtune", "serve", "--classifier", str(classifier),
           "--port", str(port), "--device", "cpu", "--dtype", "float32"]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None:
            break
        time.sleep(0.2)
    proc.kill()
    raise AssertionError(f"trtune serve did not start:\n{log.read_text(errors='replace')}")


async def _hostile_clients(url: str) -> tuple[dict, list[float], list[str]]:
    """Every client cycles through HOSTILE until the time is up."""
    seen: dict[str, Counter] = defaultdict(Counter)
    latencies: list[float] = []
    problems: list[str] = []
    deadline = time.monotonic() + SECONDS
    limits = httpx.Limits(max_connections=CLIENTS)

    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:

        async def worker(offset: int) -> None:
            i = offset
            while time.monotonic() < deadline:
                name, path, body, expected = HOSTILE[i % len(HOSTILE)]
                i += 1
                content = body.encode() if isinstance(body, str) else body
                start = time.perf_counter()
                try:
                    res = await client.post(path, content=content, headers=JSON)
                except httpx.TransportError as exc:  # a dropped connection is a failure too
                    problems.append(f"{name}: {type(exc).__name__} {exc}")
                    continue
                seconds = time.perf_counter() - start
                seen[name][res.status_code] += 1
                if res.status_code != expected:
                    problems.append(f"{name}: {res.status_code} {res.text[:200]}")
                elif name in VALID:
                    latencies.append(seconds)
                else:
                    error = res.json()
                    if set(error) != {"error", "detail"} or "\n" in error["error"]:
                        problems.append(f"{name}: not the error shape: {error}")
                    if name in ("not_utf8", "utf16") and "not valid UTF-8" not in error["error"]:
                        problems.append(f"{name}: {error['error']}")

        await asyncio.gather(*(worker(k * 3) for k in range(CLIENTS)))
    return seen, latencies, problems


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def test_hostile_clients_against_trtune_serve_for_five_seconds(tmp_path):
    port = free_port()
    proc = _start_serve(tiny_models().classifier, port, tmp_path / "serve.log")
    url = f"http://127.0.0.1:{port}"
    try:
        seen, latencies, problems = asyncio.run(_hostile_clients(url))
        # The server keeps answering after it.
        assert httpx.get(url + "/health", timeout=10).json()["status"] == "ok"
        after = httpx.post(url + "/v1/classify", json={"texts": ["Sonra da çalışıyor mu?"]})
        assert after.status_code == 200 and after.json()["results"][0]["label"]
        assert proc.poll() is None
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
    statuses = sum(seen.values(), Counter())
    assert problems == [], problems[:10]
    assert not [s for s in statuses if s >= 500], statuses
    assert set(seen) == {name for name, *_ in HOSTILE}  # every kind was sent
    p50, p99 = _percentile(latencies, 0.50), _percentile(latencies, 0.99)
    print(
        f"\n{sum(statuses.values())} requests from {CLIENTS} clients in {SECONDS:.0f} s: "
        f"{dict(sorted(statuses.items()))}; valid: {len(latencies)}, "
        f"p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"
    )
