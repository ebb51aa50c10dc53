"""MicroBatcher on its own: grouping, order, size limits, errors (no model, no server)."""

from __future__ import annotations

import asyncio

import pytest

from trtune.serve.batcher import MicroBatcher


def _upper_recording(calls: list[list[str]]):
    def fn(texts):
        calls.append(list(texts))
        return [text.upper() for text in texts]

    return fn


async def _submit_all(batcher: MicroBatcher, requests: list[list[str]]) -> list[list[str]]:
    await batcher.start()
    try:
        return await asyncio.gather(*(batcher.submit(texts) for texts in requests))
    finally:
        await batcher.stop()


def test_concurrent_requests_share_batches_and_get_their_own_results():
    calls: list[list[str]] = []
    batcher = MicroBatcher(_upper_recording(calls), max_batch_size=8, max_wait_ms=50)
    requests = [[f"t{i}"] for i in range(16)]
    results = asyncio.run(_submit_all(batcher, requests))
    assert results == [[f"T{i}"] for i in range(16)]
    assert [len(c) for c in calls] == [8, 8]
    assert batcher.stats.to_dict() == {"batches": 2, "texts": 16, "largest": 8, "mean": 8.0}


def test_batch_size_one_is_one_request_per_forward():
    calls: list[list[str]] = []
    batcher = MicroBatcher(_upper_recording(calls), max_batch_size=1, max_wait_ms=50)
    results = asyncio.run(_submit_all(batcher, [["a"], ["b"], ["c"]]))
    assert results == [["A"], ["B"], ["C"]]
    assert calls == [["a"], ["b"], ["c"]]


def test_a_request_that_does_not_fit_opens_the_next_batch_in_order():
    calls: list[list[str]] = []
    batcher = MicroBatcher(_upper_recording(calls), max_batch_size=4, max_wait_ms=50)
    requests = [["a", "b", "c"], ["d", "e"], ["f"], ["g", "h", "i", "j", "k"]]
    results = asyncio.run(_submit_all(batcher, requests))
    assert results == [["A", "B", "C"], ["D", "E"], ["F"], ["G", "H", "I", "J", "K"]]
    # [a b c] + [d e] would be 5 > 4: d e wait for the next batch, which f joins;
    # the 5-text request is larger than a batch and runs alone.
    assert calls == [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i", "j", "k"]]


def test_a_model_error_reaches_every_request_of_the_batch_and_the_worker_goes_on():
    state = {"fail": True}

    def flaky(texts):
        if state.pop("fail", False):
            raise ValueError("boom")
        return list(texts)

    async def scenario():
        batcher = MicroBatcher(flaky, max_batch_size=8, max_wait_ms=20)
        await batcher.start()
        try:
            first = await asyncio.gather(
                batcher.submit(["x"]), batcher.submit(["y"]), return_exceptions=True
            )
            second = await batcher.submit(["z"])
        finally:
            await batcher.stop()
        return first, second

    first, second = asyncio.run(scenario())
    assert all(isinstance(r, ValueError) for r in first)
    assert second == ["z"]


def test_submit_before_start_is_a_programming_error():
    batcher = MicroBatcher(list, max_batch_size=2, max_wait_ms=1)
    with pytest.raises(RuntimeError, match="start"):
        asyncio.run(batcher.submit(["a"]))


def test_mixed_length_batch_runs_in_parts_with_the_same_probabilities():
    import numpy as np
    from serve_tiny_models import tiny_models

    from trtune.infer.classify import load_classifier

    classifier = load_classifier(tiny_models().classifier, "cpu")
    texts = ["kısa"] * 6 + ["uzun bir yorum " * 20] * 2 + ["orta uzunlukta bir yorum " * 4] * 4
    calls: list[int] = []
    forward = classifier.model.forward

    def counting_forward(*args, **kwargs):
        calls.append(kwargs["input_ids"].shape[1])
        return forward(*args, **kwargs)

    classifier.model.forward = counting_forward
    together = classifier.predict_proba(texts)
    assert len(calls) >= 2 and min(calls) < max(calls)  # parts padded to their own length
    alone = np.concatenate([classifier.predict_proba([text]) for text in texts])
    np.testing.assert_allclose(together, alone, atol=1e-5)
