"""`trtune export gguf`: a causal-LM folder as a GGUF file for llama.cpp and Ollama (thin:
parse, call :func:`trtune.export.gguf.export_gguf`, print)."""

from __future__ import annotations

import typer

from trtune.cli.console import cli_lang, console, quiet_transformers, reporter
from trtune.cli.export import app
from trtune.run.outdir import check_model_folder


@app.command(name="gguf")
def gguf(
    model: str = typer.Option(
        ..., "--model", help="A causal-LM folder from `lm train` (full, merged or LoRA adapter)."
    ),
    out: str = typer.Option(..., "--out", help="The .gguf file to write (Modelfile beside it)."),
    file_type: str = typer.Option(
        "f16", "--type", help="f16 (checked: logits within 1e-2) or q8_0 (same greedy answers)."
    ),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing file."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """Export a causal LM to GGUF with its tokenizer, template and end token, checked."""
    check_model_folder(model)
    from trtune.export.gguf import export_gguf
    from trtune.export.gguf_messages import MESSAGES
    from trtune.i18n import say

    quiet_transformers()
    language = cli_lang(lang)
    result = export_gguf(model, out, file_type, overwrite, reporter(True, language))
    size_mb = result.size_bytes / 1e6
    line = say(
        MESSAGES,
        "written",
        language,
        path=result.path,
        size_mb=size_mb,
        seconds=result.seconds,
        modelfile=result.modelfile,
    )
    console.print(line, markup=False, soft_wrap=True)
    hint = say(MESSAGES, "run_hint", language, modelfile=result.modelfile)
    console.print(hint, markup=False, soft_wrap=True)
