"""The output folder of a training run: creation rules, atomic writes, checkpoints.

A run writes into one folder. Re-running into a folder that already holds files needs
``resume`` (keep it and go on from its last checkpoint) or ``overwrite`` (start afresh).
Every file is written to a temporary name first and moved into place with
:func:`os.replace`, so a crash never leaves half a file behind.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from trtune.errors import UserError

CHECKPOINT_DIR = "checkpoints"
SPLIT_JSON = "split.json"
_CHECKPOINT_RE = re.compile(r"^checkpoint-(\d+)$")


def prepare_out_dir(out_dir: str | Path, resume: bool = False, overwrite: bool = False) -> Path:
    """Create ``out_dir`` or check that it may be reused.

    Raises:
        UserError: the folder holds files and neither ``resume`` nor ``overwrite`` is set,
            both are set, or the path is a file.
    """
    path = Path(out_dir)
    if resume and overwrite:
        raise UserError("--resume and --overwrite exclude each other", file=path)
    if path.exists() and not path.is_dir():
        raise UserError("output path exists and is not a folder", file=path)
    if path.is_dir() and any(path.iterdir()):
        if overwrite:
            shutil.rmtree(path)
        elif not resume:
            raise UserError(
                "output folder exists and is not empty; pass --resume to continue it or "
                "--overwrite to replace it",
                file=path,
            )
    path.mkdir(parents=True, exist_ok=True)
    if resume:
        remove_stale_staging(path)
    return path


def remove_stale_staging(folder: Path) -> None:
    """Delete what a killed run left half-written in ``folder``: the hidden staging folders
    of :func:`save_pretrained_atomic` and the temporary files of :func:`atomic_write_bytes`
    (only ever written under hidden ``.*.tmp`` names, so nothing finished is touched)."""
    for stale in folder.glob(".save-*.tmp"):
        shutil.rmtree(stale, ignore_errors=True)
    for stale in folder.glob(".*.tmp"):
        if stale.is_file():
            stale.unlink(missing_ok=True)


@contextmanager
def removed_if_left_empty(out_dir: str | Path) -> Iterator[None]:
    """Take the output folder away again when the block fails before writing into it.

    A run that stops early (bad data, a model that cannot be loaded) should not leave an
    empty folder behind. Only a folder that did not exist before the block is removed, and
    only while it is still empty; anything written stays.
    """
    path = Path(out_dir)
    existed = path.exists()
    try:
        yield
    except BaseException:
        if not existed:
            with suppress(OSError):  # not empty, or already gone: leave it
                path.rmdir()
        raise


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and :func:`os.replace`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give what open() would
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: str | Path, value: Any) -> Path:
    """Write ``value`` as indented UTF-8 JSON (non-ASCII kept as is) atomically."""
    text = json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n"
    return atomic_write_text(path, text)


def save_pretrained_atomic(obj: Any, folder: str | Path) -> Path:
    """``obj.save_pretrained(folder)`` (a model, adapter or tokenizer), every file whole.

    The files are written into a hidden temporary folder inside ``folder`` and then moved
    into place one by one with :func:`os.replace`: a crash mid-save leaves the old or the
    new file, never a torn ``model.safetensors``.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".save-", suffix=".tmp", dir=folder))
    try:
        obj.save_pretrained(staging)
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = folder / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            # safetensors writes 0600: give what open() would, so others can read the model
            os.chmod(path, 0o666 & ~_UMASK)
            os.replace(path, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return folder


def _complete(checkpoint: Path) -> bool:
    """Whether the Trainer finished writing ``checkpoint``: it writes
    ``trainer_state.json`` last, after the weights, optimiser and RNG states."""
    try:
        json.loads((checkpoint / "trainer_state.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return True


def latest_checkpoint(folder: str | Path) -> Path | None:
    """The complete ``checkpoint-<step>`` folder with the highest step under ``folder``.

    A folder a kill interrupted mid-save (no readable ``trainer_state.json``) is skipped,
    so that a resume starts from the last checkpoint that was written whole.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return None
    found = [
        (int(m.group(1)), p)
        for p in folder.iterdir()
        if p.is_dir() and (m := _CHECKPOINT_RE.match(p.name)) and _complete(p)
    ]
    return max(found)[1] if found else None


def guard_split(out_dir: str | Path, digest: str, resume: bool) -> None:
    """Record the hash of a run's data split in ``checkpoints/split.json``; on ``--resume``,
    refuse a different one (an edited data file, or another trtune version's split), which
    would put examples the model trained on into the test part.

    Raises:
        UserError: resuming on a split other than the recorded one.
    """
    path = Path(out_dir) / CHECKPOINT_DIR / SPLIT_JSON
    if resume and path.is_file():
        if json.loads(path.read_text(encoding="utf-8")).get("sha256") == digest:
            return
        raise UserError(
            "cannot resume: the data split differs from the one this run started with "
            "(the data file changed, or trtune splits differently since); "
            "pass --overwrite to start afresh",
            file=out_dir,
        )
    atomic_write_json(path, {"sha256": digest})


def check_model_folder(folder: str | Path) -> Path:
    """The folder a predict, eval or export command loads exists (a torch-free check, so
    that the CLI can make it before PyTorch loads; the loaders make it too).

    Raises:
        UserError: no such folder.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError("model folder not found", file=folder)
    return folder
