"""Micro-batching: texts from concurrent requests share one forward pass.

Each request puts its texts on a queue with a future and awaits it. One worker task
takes the first waiting item, then keeps collecting until the batch holds
``max_batch_size`` texts or ``max_wait_ms`` has passed since that first item, runs the
model once on all of them in a worker thread (``run_in_executor``, so the event loop
keeps accepting requests), and hands each request its own slice of the result.

With ``max_batch_size=1`` this is plain one-request-at-a-time serving, the baseline
that ``bench/bench_serve.py`` compares against.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any


@dataclass
class _Pending:
    texts: list[str]
    future: asyncio.Future


@dataclass
class BatchStats:
    """What the worker has done: how many batches of which size (in texts)."""

    batch_sizes: Counter = field(default_factory=Counter)

    @property
    def batches(self) -> int:
        """Forward passes run."""
        return sum(self.batch_sizes.values())

    @property
    def largest(self) -> int:
        """Texts in the largest batch so far (0 before the first)."""
        return max(self.batch_sizes, default=0)

    def to_dict(self) -> dict:
        """JSON-ready form."""
        texts = sum(size * n for size, n in self.batch_sizes.items())
        return {
            "batches": self.batches,
            "texts": texts,
            "largest": self.largest,
            "mean": texts / self.batches if self.batches else 0.0,
        }


class MicroBatcher:
    """Group concurrent calls of ``fn(texts) -> list`` into batches.

    Args:
        fn: runs on a list of texts and returns one result per text, in order.
        max_batch_size: texts per call of ``fn`` at most (a request with more texts
            than this still runs, alone).
        max_wait_ms: how long the first item of a batch waits for more.
    """

    def __init__(
        self, fn: Callable[[Sequence[str]], Sequence[Any]], max_batch_size: int, max_wait_ms: float
    ):
        self.fn = fn
        self.max_batch_size = max_batch_size
        self.max_wait_s = max_wait_ms / 1000.0
        self.stats = BatchStats()
        self._queue: asyncio.Queue[_Pending] | None = None
        self._worker: asyncio.Task | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._carry: _Pending | None = None  # too big for the last batch: opens the next

    async def start(self) -> None:
        """Start the worker on the running event loop."""
        self._queue = asyncio.Queue()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="trtune-batch")
        self._worker = asyncio.create_task(self._run(), name="trtune-batcher")

    async def stop(self) -> None:
        """Stop the worker; requests still waiting get a ``RuntimeError``."""
        if self._worker is not None:
            self._worker.cancel()
            try:
                await self._worker
            except asyncio.CancelledError:
                pass
        waiting = [self._carry] if self._carry is not None else []
        while self._queue is not None and not self._queue.empty():
            waiting.append(self._queue.get_nowait())
        for item in waiting:
            if not item.future.done():
                item.future.set_exception(RuntimeError("server shutting down"))
        if self._executor is not None:
            self._executor.shutdown(wait=False)
        self._worker = self._queue = self._executor = self._carry = None

    async def submit(self, texts: Sequence[str]) -> list[Any]:
        """Results of ``fn`` for ``texts``, computed in a batch with other requests' texts."""
        if self._queue is None:
            raise RuntimeError("MicroBatcher.start() was not called")
        if not texts:
            return []
        future = asyncio.get_running_loop().create_future()
        await self._queue.put(_Pending(list(texts), future))
        return await future

    async def _collect(self) -> list[_Pending]:
        """The next batch: the first item, then whatever arrives in time and fits."""
        assert self._queue is not None
        first, self._carry = self._carry, None
        items = [first if first is not None else await self._queue.get()]
        size = len(items[0].texts)
        deadline = time.monotonic() + self.max_wait_s
        while size < self.max_batch_size:
            if self._queue.empty():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    item = await asyncio.wait_for(self._queue.get(), remaining)
                except asyncio.TimeoutError:
                    break
            else:
                item = self._queue.get_nowait()
            if size + len(item.texts) > self.max_batch_size:
                self._carry = item  # too big to join: it opens the next batch, keeping order
                break
            items.append(item)
            size += len(item.texts)
        return items

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            items = await self._collect()
            texts = [text for item in items for text in item.texts]
            try:
                results = await loop.run_in_executor(self._executor, self.fn, texts)
            except asyncio.CancelledError:
                for item in items:
                    if not item.future.done():
                        item.future.set_exception(RuntimeError("server shutting down"))
                raise
            except Exception as exc:  # noqa: BLE001 - the model's error belongs to the requests
                for item in items:
                    if not item.future.done():
                        item.future.set_exception(exc)
                continue
            self.stats.batch_sizes[len(texts)] += 1
            start = 0
            for item in items:
                end = start + len(item.texts)
                if not item.future.done():  # the client may have gone
                    item.future.set_result(list(results[start:end]))
                start = end
