"""``lm train``'s "after" figure is the kept weights' own validation result: the best
weights were evaluated on the same batches when they were kept, so the run does not
evaluate them a second time."""

from __future__ import annotations

import json


def test_after_is_the_best_evaluation_without_a_second_pass(tmp_path, monkeypatch):
    from lm_testdata import write_alpaca

    import trtune.tasks.lm.train as train_module
    from trtune.cli import main

    losses: list[float] = []
    real = train_module.evaluate

    def counted(*args, **kwargs):
        result = real(*args, **kwargs)
        losses.append(result.loss)
        return result

    monkeypatch.setattr(train_module, "evaluate", counted)
    data = write_alpaca(tmp_path / "a.jsonl")
    out = tmp_path / "run"
    main(
        ["lm", "train", "--data", str(data), "--method", "full", "--max-length", "64",
         "--max-steps", "4", "--eval-every", "2", "--batch-size", "8", "--out", str(out)]
    )  # fmt: skip
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert len(losses) == 3  # before, step 2, step 4: no evaluation of the kept weights again
    assert metrics["val_loss_before"] == losses[0]
    assert metrics["val_loss_after"] == min(losses)  # the kept (best) weights' own result
    assert metrics["val_loss_after"] < metrics["val_loss_before"]
