"""A bounded loopback load test: 2,000 requests from 32 concurrent clients, real uvicorn.

About a tenth of the requests are bad on purpose (malformed JSON, too many texts, a
body over the limit); they must get a 4xx and the rest a 200 - no 5xx, nothing dropped.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter

import httpx
import pytest
from serve_tiny_models import tiny_models

from trtune.serve.app import create_app
from trtune.serve.server import BackgroundServer
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
