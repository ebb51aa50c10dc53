"""`trtune export`: ONNX for encoder folders, GGUF for causal-LM folders.

Each command lives in its own module (`export_onnx.py`, `export_gguf.py`) and registers
itself on :data:`app` here.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    help="Export a trained folder: ONNX for encoders, GGUF for llama.cpp and Ollama.",
    no_args_is_help=True,
)

# The commands register themselves on `app` when imported.
from trtune.cli import export_gguf, export_onnx  # noqa: E402, F401
