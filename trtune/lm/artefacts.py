"""The output folder of `trtune lm train`: model, trtune.json, metrics, figures, card.

A ``full`` run saves a plain Hugging Face folder. A ``lora``/``qlora`` run saves the
adapter (``adapter_config.json`` + ``adapter_model.safetensors``) and the tokenizer; its
``adapter_config.json`` and ``trtune.json`` record the base model: a Hub name, an absolute
folder, or ``base`` meaning the ``base/`` folder inside the output (tiny presets).
"""

from __future__ import annotations

import json
import platform
from pathlib import Path
from typing import Any

import torch

from trtune.lm.report import write_loss_figure, write_model_card, write_report
from trtune.lm.settings import LMTrainConfig
from trtune.lm.setup import Prepared
from trtune.train.outdir import atomic_write_bytes, save_pretrained_atomic

CONFIG_FILE = "trtune.json"
METRICS_FILE = "metrics.json"


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def _data_hash(path: str) -> str:
    """SHA-256 of the data file, read in chunks (the whole 64 hex digits, as classify)."""
    import hashlib

    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run_record(config: LMTrainConfig, prep: Prepared) -> dict[str, Any]:
    """What trtune.json holds: the settings, what they resolved to, versions."""
    import peft
    import transformers

    return {
        "task": "lm",
        "config": config.to_dict(),
        "learning_rate": config.learning_rate,
        "method": config.method,
        "template": prep.template,
        "instruction_tuned": prep.data.format != "text",
        "data_format": prep.data.format,
        "data_sha256": _data_hash(config.data),
        "base_model": prep.base_model if config.method != "full" else None,
        "model_type": prep.model.config.model_type,
        "versions": {
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "peft": peft.__version__,
            "python": platform.python_version(),
        },
    }


def save_model(out_dir: Path, config: LMTrainConfig, prep: Prepared, model: Any) -> None:
    """Save the weights (or adapter) and the tokenizer into ``out_dir``."""
    save_pretrained_atomic(model, out_dir)
    save_pretrained_atomic(prep.tokenizer, out_dir)
    if config.method == "full":
        return
    adapter_config = out_dir / "adapter_config.json"
    values = json.loads(adapter_config.read_text("utf-8"))
    values["base_model_name_or_path"] = prep.base_model
    atomic_write_bytes(adapter_config, _json_bytes(values))


def write_outputs(
    out_dir: Path,
    config: LMTrainConfig,
    prep: Prepared,
    model: Any,
    metrics: dict[str, Any],
    train_curve: list[tuple[int, float]],
    val_curve: list[tuple[int, float]],
    generations: dict[str, Any],
) -> Path:
    """Write everything a finished run leaves behind; returns the report's path."""
    save_model(out_dir, config, prep, model)
    record = run_record(config, prep)
    atomic_write_bytes(out_dir / CONFIG_FILE, _json_bytes(record))
    atomic_write_bytes(out_dir / METRICS_FILE, _json_bytes(metrics))
    figure = write_loss_figure(out_dir / "figures" / "loss.png", train_curve, val_curve,
                               metrics["val_loss_before"])  # fmt: skip
    report = write_report(out_dir / "report.html", record, metrics, figure, generations)
    write_model_card(out_dir / "README.md", record, metrics)
    return report
