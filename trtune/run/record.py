"""``trtune.json``: what every training run records about itself, in one schema.

Every training command writes the same top-level keys (:data:`RECORD_KEYS`):
``trtune_version``, ``command``, ``task``, ``method``, ``created``, ``settings`` (the
settings dataclass), ``data`` (the files, their format, the SHA-256 of the kept examples,
the drop report, the split sizes), ``model`` (the base model, what the folder holds and
what prediction needs: labels, length limit, template, ...), ``versions``, ``steps``,
``resumed_from``, ``timings`` and ``details`` (anything else the task wants to keep).
Readers use :func:`read_record`, which also understands folders written before this schema.
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from trtune import __version__
from trtune.run.outdir import atomic_write_json

RECORD_FILE = "trtune.json"
RECORD_KEYS = (
    "trtune_version",
    "command",
    "task",
    "method",
    "created",
    "settings",
    "data",
    "model",
    "versions",
    "steps",
    "resumed_from",
    "timings",
    "details",
)


def examples_sha256(lines: Iterable[str]) -> str:
    """SHA-256 over the kept examples, one line each (e.g. ``label<TAB>text``), in order."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def drop_report(
    kept: int, counts: dict[str, int], first_rows: dict[str, list[int]]
) -> dict[str, Any]:
    """The drop report in the one shape every task records: ``kept``, ``dropped`` and per
    reason its ``count`` and ``first_rows``."""
    return {
        "kept": kept,
        "dropped": sum(counts.values()),
        "reasons": {
            reason: {"count": count, "first_rows": list(first_rows.get(reason, []))}
            for reason, count in counts.items()
        },
    }


def versions() -> dict[str, str]:
    """The versions that decide what a run does: Python and the libraries trtune trains with."""
    import importlib.metadata as metadata

    found = {"python": platform.python_version()}
    for package in ("torch", "transformers", "peft", "accelerate", "tokenizers", "scikit-learn"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return found


@dataclass
class RunRecord:
    """The content of ``trtune.json`` (see the module docstring for the keys)."""

    command: str
    task: str
    method: str
    settings: dict[str, Any]
    data: dict[str, Any] = field(default_factory=dict)
    model: dict[str, Any] = field(default_factory=dict)
    steps: int | None = None
    resumed_from: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object, keys in :data:`RECORD_KEYS` order."""
        values = {
            "trtune_version": __version__,
            "command": self.command,
            "task": self.task,
            "method": self.method,
            "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "settings": self.settings,
            "data": self.data,
            "model": self.model,
            "versions": versions(),
            "steps": self.steps,
            "resumed_from": self.resumed_from,
            "timings": self.timings,
            "details": self.details,
        }
        return {key: values[key] for key in RECORD_KEYS}

    def write(self, out_dir: str | Path) -> Path:
        """Write ``out_dir/trtune.json`` atomically."""
        return atomic_write_json(Path(out_dir) / RECORD_FILE, self.to_dict())


def is_random_init(record: dict[str, Any]) -> bool:
    """Whether a folder's model grew from a tiny preset's random weights (a test model)."""
    return bool(record.get("model", {}).get("random_init"))


def read_record(folder: str | Path) -> dict[str, Any]:
    """``trtune.json`` of ``folder`` in the current schema (``{}`` when there is none).

    Folders written before the one schema kept the settings under ``config`` (``lm``) and
    the template, base model and labels at the top level; they are moved where they
    belong now.
    """
    path = Path(folder) / RECORD_FILE
    if not path.is_file():
        return {}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict):
        return {}
    if "config" in record and "settings" not in record:
        record["settings"] = record.pop("config")
    model = record.setdefault("model", {})
    for old, new in (
        ("template", "template"),
        ("base_model", "base"),
        ("labels", "labels"),
        ("instruction_tuned", "instruction_tuned"),
    ):
        if old in record and new not in model:
            model[new] = record[old]
    return record
