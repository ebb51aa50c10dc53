"""`trtune export onnx`: an encoder folder as an ONNX graph, checked against PyTorch."""

from __future__ import annotations

import typer

from trtune.cli.console import cli_lang, console, quiet_transformers, reporter
from trtune.cli.export import app
from trtune.run.outdir import check_model_folder


@app.command(name="onnx")
def export_onnx_command(
    model: str = typer.Option(..., "--model", help="Folder of classify, ner, qa or mask train."),
    out: str = typer.Option(..., "--out", help="Output folder (model.onnx, tokenizer, labels)."),
    quantize: str | None = typer.Option(
        None,
        "--quantize",
        help="int8: onnxruntime int8 weights (refused when over --max-changed labels change).",
    ),
    check_texts: str | None = typer.Option(
        None, "--check-texts", help="Texts to check the export on, one a line."
    ),
    tolerance: float = typer.Option(
        1e-4, "--tolerance", help="float32: largest probability difference allowed."
    ),
    max_changed: float = typer.Option(
        0.01, "--max-changed", help="int8: largest share of changed labels allowed (0.01 = 1 %)."
    ),
    int8_method: str = typer.Option(
        "dynamic-per-channel",
        "--int8-method",
        help="dynamic-per-channel, dynamic, dynamic-float-tail (last layer and head in float) "
        "or static (calibrated on the check texts).",
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace a non-empty --out."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """Export an encoder folder to ONNX and check it against the PyTorch model."""
    check_model_folder(model)
    from trtune.export.onnx import export_onnx
    from trtune.export.onnx_messages import MESSAGES
    from trtune.i18n import say

    quiet_transformers()
    result = export_onnx(
        model,
        out,
        quantize=quantize,
        check_file=check_texts,
        tolerance=tolerance,
        max_changed=max_changed,
        overwrite=overwrite,
        int8_method=int8_method,
        reporter=reporter(lang=lang),
    )
    quant = f", {result.quantize}" if result.quantize else ""
    line = say(MESSAGES, "saved", cli_lang(lang), out=result.out_dir, task=result.task, quant=quant)
    console.print(line, markup=False, soft_wrap=True)
