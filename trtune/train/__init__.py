"""What the training commands share: output folders, atomic writes, checkpoints, NaN guard."""

from trtune.train.guard import check_finite
from trtune.train.outdir import (
    atomic_write_bytes,
    atomic_write_json,
    atomic_write_text,
    latest_checkpoint,
    prepare_out_dir,
    removed_if_left_empty,
    save_pretrained_atomic,
)

__all__ = [
    "atomic_write_bytes",
    "atomic_write_json",
    "atomic_write_text",
    "check_finite",
    "latest_checkpoint",
    "prepare_out_dir",
    "removed_if_left_empty",
    "save_pretrained_atomic",
]
