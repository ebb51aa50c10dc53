"""``seq2seq eval``: score a saved model and its baseline on a file of pairs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trtune.infer.seq2seq import LoadedSeq2Seq, load_seq2seq
from trtune.tasks.seq2seq.baseline import score_baselines
from trtune.tasks.seq2seq.metrics import score
from trtune.tasks.seq2seq.readers import ReadOptions, read_all


def evaluate_loaded(
    loaded: LoadedSeq2Seq,
    data: list[str],
    overrides: dict[str, Any] | None = None,
    source_col: str | None = None,
    target_col: str | None = None,
    batch_size: int = 32,
) -> dict:
    """Metrics of ``loaded`` on every pair of ``data``, read as its run read its data (the
    recorded task, direction and context window), with the baselines beside them."""
    recorded = loaded.record.get("model", {})
    options = ReadOptions(
        task=loaded.task,
        direction=recorded.get("direction"),
        source_col=source_col,
        target_col=target_col,
        context_chars=int(recorded.get("context_chars", 400)),
    )
    pairs = read_all(list(data), options).pairs
    outputs = loaded.generate([p.source for p in pairs], overrides, batch_size)
    baselines = score_baselines(loaded.task, pairs)
    name = next(iter(baselines))
    return {
        **score(outputs, [p.target for p in pairs]),
        "baseline": baselines[name],
        "baseline_name": name,
        "baselines": baselines,
        "task": loaded.task,
        "n": len(pairs),
        "generation": loaded.generation.from_values(
            loaded.generation.to_dict(), overrides
        ).to_dict(),
    }


def evaluate_folder(
    model_dir: str | Path,
    data: list[str],
    overrides: dict[str, Any] | None = None,
    source_col: str | None = None,
    target_col: str | None = None,
    device: str = "auto",
    batch_size: int = 32,
    dtype: str = "float32",
) -> dict:
    """:func:`evaluate_loaded` on the model in ``model_dir`` loaded in ``dtype`` (a
    ``--dtype`` name)."""
    loaded = load_seq2seq(model_dir, device, dtype)
    return evaluate_loaded(loaded, data, overrides, source_col, target_col, batch_size)
