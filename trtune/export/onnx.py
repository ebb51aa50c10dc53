"""`trtune export onnx`: an encoder folder as an ONNX graph that plain onnxruntime runs.

The recipe (:func:`export_onnx`): recognise the folder (classify, ner, qa or mask; full,
merged or a LoRA adapter, which is merged into its base first), trace the graph
(:mod:`trtune.export.onnx_graph`), optionally quantise it to int8, write the tokenizer,
``config.json`` (label names) and a ``trtune.json`` of kind ``onnx`` beside ``model.onnx``,
then check the export against the PyTorch model (:mod:`trtune.export.onnx_check`). Everything
is written into a hidden staging folder next to ``--out`` and renamed into place only when
the check passes: a failed export leaves nothing behind.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import torch

from trtune.errors import UserError
from trtune.export.onnx_check import CheckResult, check_texts, compare
from trtune.export.onnx_graph import (
    INT8_METHODS,
    OPSET,
    TASK_OUTPUTS,
    export_graph,
    fuse_for_onnxruntime,
    quantize_int8,
)
from trtune.export.onnx_messages import MESSAGES
from trtune.i18n import say
from trtune.infer.kinds import ONNX_KIND, FolderInfo, inspect_folder, load_model_folder
from trtune.infer.onnx_backend import ONNX_FILE, OnnxModel, require_onnxruntime
from trtune.run.outdir import atomic_write_json, prepare_out_dir, removed_if_left_empty
from trtune.run.progress import Reporter, silent_if_none
from trtune.run.record import RECORD_FILE, versions

FLOAT_TOLERANCE = 1e-4  # largest probability difference of a float32 export
INT8_MAX_CHANGED = 0.01  # share of changed labels an int8 export may have


@dataclass(frozen=True)
class OnnxExport:
    """What :func:`export_onnx` wrote and how close it is to the PyTorch model."""

    out_dir: Path
    task: str
    quantize: str | None
    check: CheckResult


def _encoder_info(model_dir: str | Path):
    """The folder's :class:`~trtune.infer.kinds.FolderInfo`, refused unless it is an encoder
    folder trtune exports to ONNX."""
    folder = Path(model_dir)
    if folder.is_dir() and (folder / ONNX_FILE).is_file():
        raise UserError("this folder is already an ONNX export", file=folder)
    info = inspect_folder(folder)
    if info.task in ("lm", "seq2seq"):
        raise UserError(
            f"a {info.task} model is not exported to ONNX here; causal LMs go to llama.cpp "
            "and Ollama with `trtune export gguf`",
            file=folder,
        )
    if info.task not in TASK_OUTPUTS:
        raise UserError(
            "not a classify, ner, qa or mask folder (no task head trtune exports)", file=folder
        )
    return info


def _load_float_model(info):
    """The model in float32 on the CPU, a LoRA adapter merged into its base."""
    model, tokenizer = load_model_folder(info, device=torch.device("cpu"))
    if hasattr(model, "merge_and_unload"):
        model = model.merge_and_unload()
    return model.eval(), tokenizer


def _record(info, model, quantize: str | None, check: CheckResult, fused: dict[str, int]) -> dict:
    """The export's ``trtune.json``: kind, task, labels, source, and what prediction needs."""
    id2label = model.config.id2label
    labels = [str(id2label[i]) for i in range(len(id2label))] if info.task != "mask" else None
    return {
        "kind": ONNX_KIND,
        "task": info.task,
        "labels": labels,
        "source": str(info.path.resolve()),
        "model": dict(info.model_info, labels=labels) if labels else dict(info.model_info),
        "settings": info.record.get("settings", {}),
        "onnx": {
            "file": ONNX_FILE,
            "exporter": "torch.onnx.export(dynamo=True)",
            "opset": OPSET,
            "outputs": list(TASK_OUTPUTS[info.task]),
            "quantize": quantize,
            "fused": fused,  # onnxruntime fusions made (fuse_for_onnxruntime); {} for none
            "check": check.to_dict(),
        },
        "versions": versions(),
    }


def _write_side_files(model, tokenizer, staging: Path) -> None:
    """``config.json`` (label names; what optimum's ORTModel classes read) and the tokenizer."""
    model.config.save_pretrained(str(staging))
    tokenizer.save_pretrained(str(staging))


def _verdict(check: CheckResult, int8: bool, tolerance: float, max_changed: float) -> None:
    """Refuse an export over its tolerance, in one line."""
    if int8 and check.changed_share > max_changed:
        raise UserError(
            f"int8 export changes {check.changed_share:.2%} of labels "
            f"({check.changed}/{check.compared}), over the limit of {max_changed:.2%}; "
            "nothing written (export without --quantize, or raise --max-changed)"
        )
    if not int8 and check.max_prob_diff > tolerance:
        raise UserError(
            f"ONNX export differs from PyTorch by {check.max_prob_diff:.2e} in a probability, "
            f"over the tolerance {tolerance:.0e}; nothing written"
        )


def export_onnx(
    model_dir: str | Path,
    out_dir: str | Path,
    quantize: str | None = None,
    check_file: str | Path | None = None,
    tolerance: float = FLOAT_TOLERANCE,
    max_changed: float = INT8_MAX_CHANGED,
    overwrite: bool = False,
    int8_method: str = INT8_METHODS[0],
    reporter: Reporter | None = None,
) -> OnnxExport:
    """Export ``model_dir`` to ``out_dir`` and check it (see the module docstring).

    Args:
        quantize: ``None`` (float32) or ``int8``.
        check_file: check texts, one a line (default: the recorded data, else built-in).
        tolerance: float32: the largest probability difference allowed.
        max_changed: int8: the largest share of changed labels allowed.
        int8_method: how to quantise (:func:`~trtune.export.onnx_graph.quantize_int8`).

    Raises:
        UserError: no encoder folder, onnxruntime missing, ``out_dir`` not empty, the
            exporter fails, or the check is over its tolerance (nothing is written).
    """
    require_onnxruntime()
    if quantize not in (None, "int8"):
        raise UserError(f"--quantize must be int8, not {quantize!r}")
    if not 0 <= max_changed <= 1:
        raise UserError(f"--max-changed must be a share between 0 and 1, got {max_changed}")
    reporter = silent_if_none(reporter)
    info = _encoder_info(model_dir)
    texts, source = check_texts(check_file, info.record)
    out = Path(out_dir)
    with removed_if_left_empty(out):
        out = prepare_out_dir(out, overwrite=overwrite)
        staging = out.parent / f".{out.name}.onnx-{os.getpid()}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        try:
            model, tokenizer = _load_float_model(info)
            fused = _write_graph(
                model, tokenizer, info, staging, texts, quantize, int8_method, reporter
            )
            _write_side_files(model, tokenizer, staging)
            atomic_write_json(staging / RECORD_FILE, {"kind": ONNX_KIND, "task": info.task})
            max_length = int(info.model_info.get("max_length") or 128)
            check = compare(
                model, OnnxModel(staging), tokenizer, info.task, texts, source, max_length
            )
            reporter.line(_check_line(check, reporter.lang))
            _verdict(check, quantize == "int8", tolerance, max_changed)
            atomic_write_json(staging / RECORD_FILE, _record(info, model, quantize, check, fused))
            os.replace(staging, out)  # out is the empty folder prepare_out_dir made
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return OnnxExport(out, info.task, quantize, check)


def _write_graph(
    model: torch.nn.Module,
    tokenizer,
    info: FolderInfo,
    staging: Path,
    texts: list[str],
    quantize: str | None,
    int8_method: str,
    reporter: Reporter,
) -> dict[str, int]:
    """``staging/model.onnx``: the float32 graph of ``info``'s model, fused for onnxruntime,
    or the int8 quantisation of the unfused graph; returns the fusions made."""
    reporter.line(say(MESSAGES, "exporting", reporter.lang, task=info.task, kind=info.kind))
    export_graph(model, tokenizer, info.task, staging / ONNX_FILE, texts)
    if quantize != "int8":
        return fuse_for_onnxruntime(staging / ONNX_FILE)
    reporter.line(say(MESSAGES, "quantizing", reporter.lang, method=int8_method))
    float_graph = staging / "model.float.onnx"
    os.replace(staging / ONNX_FILE, float_graph)
    quantize_int8(float_graph, staging / ONNX_FILE, int8_method, tokenizer, texts)
    float_graph.unlink()
    return {}


def _check_line(check: CheckResult, lang: str) -> str:
    return say(
        MESSAGES,
        "checked",
        lang,
        texts=check.texts,
        source=check.source,
        diff=check.max_prob_diff,
        changed=check.changed,
        compared=check.compared,
        share=100 * check.changed_share,
    )
