"""``trtune export gguf``: a causal-LM folder from ``lm train`` as one GGUF file for
llama.cpp and Ollama, with its tokenizer, its training template and its end token, checked
against the PyTorch model before it is kept.

The recipe: recognise the folder (refusing encoders and unsupported architectures before
anything is written), load it (a LoRA adapter is merged into its base), write the GGUF to a
hidden temporary file, load that back with ``transformers`` and compare
(:mod:`trtune.export.gguf_check`), and only then move it into place and write Ollama's
``Modelfile`` beside it. A failed check leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from trtune.errors import UserError
from trtune.export.gguf_check import F16_LOGIT_TOLERANCE, CheckResult, check_gguf
from trtune.export.gguf_messages import MESSAGES
from trtune.export.gguf_templates import chat_template_for, modelfile_text
from trtune.export.gguf_tensors import (
    GGUF_ARCHITECTURES,
    SUPPORTED_NAMES,
    gguf_tensors,
    rope_scaling_type,
    stored,
    write_hyperparameters,
)
from trtune.export.gguf_vocab import gguf_vocab, write_vocab
from trtune.i18n import say
from trtune.infer.kinds import FolderInfo, inspect_folder, load_model_folder
from trtune.run.outdir import atomic_write_text, removed_if_left_empty
from trtune.run.progress import Reporter

FILE_TYPES = ("f16", "q8_0")
MODELFILE = "Modelfile"


@dataclass(frozen=True)
class GgufExport:
    """What ``export gguf`` wrote and measured.

    Attributes:
        path: the GGUF file.
        modelfile: the Ollama ``Modelfile`` beside it.
        file_type: ``f16`` or ``q8_0``.
        size_bytes: the GGUF's size.
        seconds: loading, writing and checking together.
        check: the round-trip figures.
        template: the training template stored (``turkish``, ``chat``) or ``None``.
    """

    path: Path
    modelfile: Path
    file_type: str
    size_bytes: int
    seconds: float
    check: CheckResult
    template: str | None


def _check_request(out: Path, file_type: str, overwrite: bool) -> None:
    if file_type not in FILE_TYPES:
        raise UserError(f"--type must be one of {', '.join(FILE_TYPES)}")
    if out.suffix.lower() != ".gguf":
        raise UserError("--out must name a .gguf file", file=out)
    if out.is_dir():
        raise UserError("--out is a folder; name the .gguf file", file=out)
    if out.exists() and not overwrite:
        raise UserError("output file exists; pass --overwrite to replace it", file=out)


def _refuse_architecture(model_type: str | None, folder: Path) -> None:
    if model_type not in GGUF_ARCHITECTURES:
        raise UserError(
            f"GGUF export supports {SUPPORTED_NAMES} causal LMs; this folder holds "
            f"{model_type or 'an unknown architecture'}",
            file=folder,
        )


def recognise(folder: Path) -> FolderInfo:
    """The folder, if it is a causal LM GGUF can hold (checked before anything is loaded).

    Raises:
        UserError: not a model folder, an encoder or seq2seq folder, or another
            architecture.
    """
    info = inspect_folder(folder)
    if info.task not in (None, "lm"):
        hint = " (encoders: trtune export onnx)" if info.task != "seq2seq" else ""
        raise UserError(
            f"GGUF export takes causal-LM folders ({SUPPORTED_NAMES}); "
            f"this folder holds a {info.task} model{hint}",
            file=folder,
        )
    if info.kind == "full":
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        _refuse_architecture(config.get("model_type"), folder)
    return info if info.task else FolderInfo(info.path, info.kind, "lm", info.record)


def load_for_export(info: FolderInfo):
    """The causal LM (float32, CPU; an adapter merged into its base) and its tokenizer.

    Raises:
        UserError: an unsupported architecture or rope scaling.
    """
    model, tokenizer = load_model_folder(info, device=torch.device("cpu"))
    if hasattr(model, "merge_and_unload"):
        model = model.merge_and_unload()
    _refuse_architecture(model.config.model_type, info.path)
    if model.config.model_type != "gpt2" and rope_scaling_type(model.config):
        raise UserError(
            f"GGUF export does not write rope scaling ({rope_scaling_type(model.config)}) yet",
            file=info.path,
        )
    return model.eval(), tokenizer


def training_template(info: FolderInfo) -> str | None:
    """The prompt template the folder's model was trained with; ``None`` for plain text."""
    model_info = info.model_info
    return model_info.get("template") if model_info.get("instruction_tuned") else None


def write_gguf(model, tokenizer, path: Path, file_type: str, template: str | None) -> int:
    """Write ``model`` and ``tokenizer`` to ``path`` as a GGUF of ``file_type``; returns the
    number of tensors."""
    import gguf

    config = model.config
    writer = gguf.GGUFWriter(str(path), GGUF_ARCHITECTURES[config.model_type])
    writer.add_name(path.stem)
    writer.add_file_type(
        gguf.LlamaFileType.MOSTLY_F16 if file_type == "f16" else gguf.LlamaFileType.MOSTLY_Q8_0
    )
    writer.add_quantization_version(gguf.GGML_QUANT_VERSION)
    write_hyperparameters(writer, config)
    vocab = gguf_vocab(tokenizer, model.get_input_embeddings().weight.shape[0])
    write_vocab(writer, vocab, chat_template_for(template, tokenizer))
    count = 0
    for tensor in gguf_tensors(model):
        data, kind = stored(tensor, file_type)
        writer.add_tensor(tensor.name, data, raw_shape=data.shape, raw_dtype=kind)
        count += 1
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return count


def _failure(check: CheckResult, file_type: str) -> str:
    if not check.same_ids:
        return "the GGUF tokenizer splits the check prompts differently"
    if file_type == "f16":
        return f"largest logit difference {check.max_logit_diff:.2e} > {F16_LOGIT_TOLERANCE:.0e}"
    parted = check.prompts - check.greedy_matches - check.near_ties
    return f"greedy continuation differs on {parted} prompt(s) where the original is sure"


def _write_checked(
    model, tokenizer, out: Path, file_type: str, template: str | None, reporter: Reporter | None
) -> CheckResult:
    """Write the GGUF under a hidden name beside ``out``, check it, and move it to ``out``
    only if it passes; a failure (or an interrupt) removes it.

    Raises:
        UserError: the check failed.
    """
    lang = reporter.lang if reporter else "en"
    fd, name = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".tmp.gguf", dir=out.parent)
    os.close(fd)
    staging = Path(name)
    try:
        count = write_gguf(model, tokenizer, staging, file_type, template)
        if reporter:
            reporter.line(say(MESSAGES, "writing", lang, file_type=file_type, tensors=count))
            reporter.line(say(MESSAGES, "checking", lang))
        check = check_gguf(model, tokenizer, staging, template)
        if reporter:
            reporter.line(_figures(check, lang))
        if not check.passed(file_type):
            raise UserError(say(MESSAGES, "failed", lang, reason=_failure(check, file_type)))
        os.chmod(staging, 0o644)  # mkstemp makes 0600; a model file is for others to read
        os.replace(staging, out)
    finally:
        staging.unlink(missing_ok=True)
    return check


def export_gguf(
    model_dir: str | Path,
    out: str | Path,
    file_type: str = "f16",
    overwrite: bool = False,
    reporter: Reporter | None = None,
) -> GgufExport:
    """Export a causal-LM folder to ``out`` (a ``.gguf`` file) and write ``Modelfile``
    beside it, after checking the file against the folder's model.

    Raises:
        UserError: a bad request or folder (nothing written), or a failed check (the file
            is removed).
    """
    start, folder, out = time.perf_counter(), Path(model_dir), Path(out)
    lang = reporter.lang if reporter else "en"
    _check_request(out, file_type, overwrite)
    info = recognise(folder)
    if reporter:
        reporter.line(say(MESSAGES, "loading", lang, folder=folder))
    model, tokenizer = load_for_export(info)
    if reporter and info.kind == "adapter":
        reporter.line(say(MESSAGES, "merged", lang))
    template = training_template(info)
    with removed_if_left_empty(out.parent):
        out.parent.mkdir(parents=True, exist_ok=True)
        check = _write_checked(model, tokenizer, out, file_type, template, reporter)
    modelfile = atomic_write_text(
        out.parent / MODELFILE, modelfile_text(out.name, template, tokenizer)
    )
    seconds = time.perf_counter() - start
    return GgufExport(out, modelfile, file_type, out.stat().st_size, seconds, check, template)


def _figures(check: CheckResult, lang: str) -> str:
    return say(
        MESSAGES,
        "figures",
        lang,
        prompts=check.prompts,
        same_ids=say(MESSAGES, "yes" if check.same_ids else "no", lang),
        max_logit_diff=check.max_logit_diff,
        tolerance=F16_LOGIT_TOLERANCE,
        greedy_matches=check.greedy_matches,
        near_ties=check.near_ties,
    )
