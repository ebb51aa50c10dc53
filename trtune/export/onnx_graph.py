"""Trace an encoder with its task head into an ONNX graph, and quantise the graph to int8.

The graph is exported with ``torch.onnx.export(..., dynamo=True)`` (``torch.export`` under
the hood), with dynamic batch and sequence axes. The legacy TorchScript exporter
(``dynamo=False``) runs under torch 2.13 and transformers 5 but bakes the attention-mask
logic of the example batch into the graph: a padded batch then answers up to 0.1 away from
PyTorch (measured on a tiny BERT), so it is not used.

A float32 graph is then rewritten for onnxruntime (:func:`fuse_for_onnxruntime`:
onnxscript's transformer fusions, e.g. one ``Attention`` node per layer instead of a dozen
MatMul/Softmax/Reshape nodes; onnxruntime's own session optimiser does not recognise the
dynamo exporter's attention pattern). MiniLM-L6, 256 reviews at batch 16 on 2 cores: 158
texts/s unfused, 176 fused, PyTorch float32 140. An int8 graph is quantised from the unfused
graph (the fused ``Attention`` node would hide the matrix products ``dynamic-float-tail``
counts; speed and changed labels were the same either way).
"""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Sequence
from pathlib import Path

import torch

from trtune.errors import UserError

OPSET = 18
# What each task's predictor reads from the model.
TASK_OUTPUTS = {
    "classify": ("logits",),
    "ner": ("logits",),
    "qa": ("start_logits", "end_logits"),
    "mask": ("logits",),
}
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")
# int8 methods (see quantize_int8); the first is what ``--quantize int8`` ships.
INT8_METHODS = ("dynamic-per-channel", "dynamic", "dynamic-float-tail", "static")
# dynamic-float-tail: the last MatMul/Gemm nodes left in float: a BERT layer's six weight
# products and two attention products, the pooler and the head (dynamic quantisation never
# touches Gemm, so the head alone would change nothing).
TAIL_NODES_KEPT = 10


class _Outputs(torch.nn.Module):
    """The model with positional tensor inputs and a tuple of named outputs."""

    def __init__(self, model, inputs: Sequence[str], outputs: Sequence[str]):
        super().__init__()
        self.model, self.inputs, self.outputs = model, tuple(inputs), tuple(outputs)

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        token_type_ids: torch.Tensor | None = None,
    ) -> tuple[torch.Tensor, ...]:
        given = {"attention_mask": attention_mask, "token_type_ids": token_type_ids}
        out = self.model(input_ids=input_ids, **{k: v for k, v in given.items() if v is not None})
        return tuple(out[name] for name in self.outputs)


def input_names(tokenizer) -> list[str]:
    """The graph's inputs: the tokenizer's model inputs among ids, mask and token types."""
    names = [n for n in _INPUTS if n in tokenizer.model_input_names]
    return names if "input_ids" in names else ["input_ids", *names]


def export_graph(model, tokenizer, task: str, path: Path, texts: Sequence[str]) -> None:
    """Write ``model`` (eval mode, float32, CPU) as an ONNX graph at ``path``.

    Raises:
        UserError: the exporter fails (one line with its reason).
    """
    inputs, outputs = input_names(tokenizer), TASK_OUTPUTS[task]
    example = tokenizer(list(texts[:2]), padding=True, truncation=True, max_length=16)
    ids = torch.tensor(example["input_ids"])  # (2, T)
    kwargs = {
        n: torch.tensor(example[n]) if n in example else torch.zeros_like(ids) for n in inputs
    }
    batch, sequence = torch.export.Dim("batch"), torch.export.Dim("sequence")
    shapes = {n: {0: batch, 1: sequence} for n in inputs}
    quiet = io.StringIO()
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(quiet), _quiet_torch():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _Outputs(model, inputs, outputs).eval(),
                (),
                str(path),
                kwargs=kwargs,
                input_names=list(inputs),
                output_names=list(outputs),
                dynamic_shapes=shapes,
                opset_version=OPSET,
                dynamo=True,
                external_data=False,
                verbose=False,
            )
    except Exception as exc:  # the exporter raises many types
        raise UserError(f"torch.onnx.export failed: {_reason(exc)}") from None


@contextlib.contextmanager
def _quiet_torch():
    """Silence the exporter's own log lines (``torchvision is not installed``, ...)."""
    logger = logging.getLogger("torch.onnx")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _reason(exc: BaseException) -> str:
    """The first line of the innermost cause (the exporter wraps the real error)."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def fuse_for_onnxruntime(path: Path) -> dict[str, int]:
    """Rewrite the graph at ``path`` in place with onnxscript's fusions for onnxruntime
    (attention, skip-LayerNorm, GELU with bias); returns how many of each were made.

    The fused graph uses onnxruntime's ``com.microsoft`` operators. A graph the fusions do
    not understand (or an onnxscript without them) is left as it was and ``{}`` returned;
    the export's check against PyTorch runs on whatever is written.
    """
    try:
        import onnx_ir as ir
        from onnxscript.rewriter.ort_fusions import optimize_for_ort
    except ImportError:
        return {}
    staged = path.with_name(path.name + ".fused")
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            model, counts = optimize_for_ort(ir.load(str(path)))
            if not any(counts.values()):
                return {}
            ir.save(model, str(staged))
    except Exception:  # a fusion that fails leaves the unfused graph, which is correct
        staged.unlink(missing_ok=True)
        return {}
    staged.replace(path)
    return {name: int(n) for name, n in counts.items() if n}


def _matmul_nodes(path: Path) -> list[str]:
    import onnx

    graph = onnx.load(str(path), load_external_data=False).graph
    return [n.name for n in graph.node if n.op_type in ("MatMul", "Gemm")]


class _Calibration:
    """Calibration batches for static quantisation: one text at a time, unpadded."""

    def __init__(self, tokenizer, inputs: Sequence[str], texts: Sequence[str]):
        import numpy as np

        enc = tokenizer(list(texts), truncation=True, max_length=128)
        self._items = iter(
            [
                {
                    n: np.array([enc[n][i] if n in enc else [0] * len(enc["input_ids"][i])])
                    for n in inputs
                }
                for i in range(len(texts))
            ]
        )

    def get_next(self):
        return next(self._items, None)


def quantize_int8(
    source: Path,
    target: Path,
    method: str = INT8_METHODS[0],
    tokenizer=None,
    calibration: Sequence[str] = (),
) -> None:
    """Quantise the graph at ``source`` into ``target`` with onnxruntime.

    Args:
        method: ``dynamic`` (int8 weights, activations quantised on the fly, per tensor);
            ``dynamic-per-channel`` (one weight scale per output channel);
            ``dynamic-float-tail`` (per channel, with the last :data:`TAIL_NODES_KEPT`
            matrix products, the last layer and the head, kept in float32); ``static`` (QDQ
            int8 weights and activations, ranges calibrated on ``calibration`` texts through
            ``tokenizer``).
    """
    if method not in INT8_METHODS:
        raise UserError(f"int8 method must be one of {', '.join(INT8_METHODS)}, not {method!r}")
    logging.disable(logging.WARNING)  # onnxruntime logs advice on the root logger
    try:
        _quantize(source, target, method, tokenizer, calibration)
    finally:
        logging.disable(logging.NOTSET)


def _quantize(source: Path, target: Path, method: str, tokenizer, calibration) -> None:
    from onnxruntime.quantization import (
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_dynamic,
        quantize_static,
    )

    if method == "static":
        if tokenizer is None or not calibration:
            raise UserError("static int8 needs calibration texts")
        reader = _Calibration(tokenizer, input_names(tokenizer), calibration)
        quantize_static(
            str(source),
            str(target),
            reader,
            quant_format=QuantFormat.QDQ,
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod.MinMax,
            op_types_to_quantize=["MatMul", "Gemm"],
        )
        return
    excluded = _matmul_nodes(source)[-TAIL_NODES_KEPT:] if method == "dynamic-float-tail" else []
    quantize_dynamic(
        str(source),
        str(target),
        weight_type=QuantType.QInt8,
        per_channel=method != "dynamic",
        nodes_to_exclude=excluded,
        op_types_to_quantize=["MatMul", "Gemm"],
    )
