"""`trtune serve`: a local web page and REST API for a classifier and a language model."""

from __future__ import annotations

from pathlib import Path

import typer

from trtune.cli.console import console


def serve(
    classifier: Path | None = typer.Option(
        None, "--classifier", help="Classifier folder (from `trtune classify train`)."
    ),
    lm: Path | None = typer.Option(None, "--lm", help="Causal-LM folder (from `trtune lm`)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; loopback by default."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    max_batch_size: int = typer.Option(32, "--max-batch-size", help="Texts per forward pass."),
    max_wait_ms: float = typer.Option(
        2.0, "--max-wait-ms", help="How long a text waits for others to share its batch."
    ),
    nanogpt_page: Path | None = typer.Option(
        None, "--nanogpt-page", help="Page from `trtune nanogpt viz`, served at /nanogpt."
    ),
    device: str = typer.Option(
        "auto", "--device", help="auto (a CUDA GPU when there is one), cpu, cuda or cuda:N."
    ),
    dtype: str = typer.Option(
        "auto",
        "--dtype",
        help="auto (bfloat16 on a GPU; on a CPU with AMX, bfloat16 for the classifier and float32 "
        "for the LM; else float32), float32, bfloat16, float16 (GPU only).",
    ),
) -> None:
    """Serve a classifier and/or an LM: the web page at /, the API under /v1, docs at /docs."""
    from transformers.utils import logging as hf_logging

    from trtune.serve.app import create_app
    from trtune.serve.server import serve_forever
    from trtune.serve.settings import ServeSettings

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    settings = ServeSettings(
        classifier=classifier, lm=lm, host=host, port=port, max_batch_size=max_batch_size,
        max_wait_ms=max_wait_ms, nanogpt_page=nanogpt_page, device=device, dtype=dtype,
    )  # fmt: skip
    with console.status("loading models..."):
        web_app = create_app(settings)
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    console.print(f"trtune serve: http://{shown}:{port}/  (API docs: /docs)", markup=False)
    serve_forever(web_app, settings)


# A single command, not a group: `trtune serve --classifier DIR` (the root registers a
# plain function under the module's name).
app = serve
