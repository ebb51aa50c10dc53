"""One process or several (``accelerate launch``): who is the main process, and the things
every process must share, such as a preset's tokenizer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import torch

from trtune.run.models import ModelSource, load_tokenizer
from trtune.run.outdir import prepare_out_dir, save_pretrained_atomic
from trtune.run.progress import Reporter


def process_state():
    """The accelerate process state (one process unless started by ``accelerate launch``).

    ``cpu=True`` without CUDA: otherwise accelerate does not see a multi-process CPU run
    and every process believes it is the main one.
    """
    from accelerate import PartialState

    return PartialState(cpu=not torch.cuda.is_available())


def prepare_shared_out_dir(state, out: str | Path, resume: bool, overwrite: bool) -> Path:
    """The run's output folder, prepared by the main process (``prepare_out_dir``'s checks
    and clean-up) while the other processes of an ``accelerate launch`` run wait for it."""
    out_dir = Path(out)
    if state.is_main_process:
        prepare_out_dir(out_dir, resume=resume, overwrite=overwrite)
    state.wait_for_everyone()
    return out_dir


def is_main_process() -> bool:
    """Whether this is the main process (always true outside ``accelerate launch``)."""
    return process_state().is_main_process


def shared_tokenizer(
    source: ModelSource,
    texts: Sequence[str],
    out_dir: Path,
    trust_remote_code: bool = False,
    reporter: Reporter | None = None,
):
    """The tokenizer, identical on every process and across ``--resume``.

    A preset trains its tokenizer on the texts, and tokenizer training is not always
    bit-for-bit reproducible across runs; so the main process trains it once and saves it
    into the output folder, where the finished model's tokenizer goes anyway, and every
    process (and any resumed run) loads that copy. ``reporter`` shows the loading or the
    training.
    """
    if source.kind != "preset":
        return load_tokenizer(source, trust_remote_code=trust_remote_code, reporter=reporter)
    from transformers import AutoTokenizer

    state = process_state()
    with state.main_process_first():
        if state.is_main_process and not (out_dir / "tokenizer.json").is_file():
            tokenizer = load_tokenizer(source, texts, reporter=reporter)
            save_pretrained_atomic(tokenizer, out_dir)
    return AutoTokenizer.from_pretrained(str(out_dir))
