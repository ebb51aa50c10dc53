"""`trtune nanogpt ...`: train a small GPT, sort with it, draw its forward pass, sample text."""

from __future__ import annotations

from pathlib import Path

import typer

from trtune.cli.console import cli_lang, console
from trtune.cli.options import print_notices

app = typer.Typer(
    help="A GPT written from scratch: sort CBABBC -> ABBBCC, see every number, write Turkish.",
    no_args_is_help=True,
)


@app.command()
def train(
    out: Path = typer.Option(..., "--out", help="Run folder (model, metrics, checkpoints)."),
    text: Path | None = typer.Option(
        None, "--text", help="Train a character-level model on this UTF-8 file (or SQuAD JSON)."
    ),
    preset: str | None = typer.Option(None, help="Model size: gpt-nano, gpt-char-mini, ..."),
    max_steps: int | None = typer.Option(
        None, "--max-steps", help="Most optimiser steps (sort: 800, text: 1000)."
    ),
    old_steps: int | None = typer.Option(None, "--steps", hidden=True, help="Old --max-steps."),
    batch_size: int | None = typer.Option(None, help="Sequences per step (sort: 256)."),
    lr: float | None = typer.Option(None, help="Peak learning rate (sort: 7e-3)."),
    seed: int = typer.Option(0, help="Seed for the weights and the batch order."),
    block_size: int = typer.Option(64, help="Text only: context length in characters."),
    threads: int = typer.Option(1, help="CPU threads (1 is fastest for these small models)."),
    resume: bool = typer.Option(False, help="Continue the run in --out from its checkpoint."),
    overwrite: bool = typer.Option(False, help="Replace an existing run in --out."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """Train on the sort task (default) or on text, then report exact match / loss."""
    if old_steps is not None:
        print_notices([("--steps", "--max-steps")])
        max_steps = max_steps if max_steps is not None else old_steps
    from trtune.nanogpt.train import TrainConfig
    from trtune.nanogpt.train import train as run_training

    config = TrainConfig(
        out_dir=out, text_file=text, preset=preset, steps=max_steps, batch_size=batch_size, lr=lr,
        seed=seed, block_size=block_size, resume=resume, overwrite=overwrite, threads=threads,
    )  # fmt: skip
    run_training(config, console, cli_lang(lang))


@app.command("sort")
def sort_command(
    sequence: str = typer.Argument(..., help="Six symbols from A-C (or 0-2), e.g. CBABBC."),
    model: Path = typer.Option(..., "--model", help="A folder written by `nanogpt train`."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """Sort six symbols with a trained model (answers in the alphabet it was given)."""
    cli_lang(lang)  # an unknown language is refused before anything runs
    from trtune.nanogpt.hf import load_pretrained
    from trtune.nanogpt.sort import parse_sequence, sort_text

    parse_sequence(sequence)  # check the input before loading anything
    console.print(sort_text(load_pretrained(model), sequence), markup=False)


@app.command()
def viz(
    sequence: str | None = typer.Argument(
        None, help="First input: six letters A-C (sort model; CBABBC) or a prompt (text model)."
    ),
    model: Path = typer.Option(..., "--model", help="A folder written by `nanogpt train`."),
    out: Path = typer.Option(Path("nanogpt.html"), "--out", help="The HTML page to write."),
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the output and the page at first: tr or en."
    ),
) -> None:
    """Write one self-contained HTML page that runs the model: type, and see every number."""
    from trtune.i18n import say
    from trtune.nanogpt.messages import MESSAGES
    from trtune.nanogpt.page import write_page

    language = cli_lang(lang)
    path = write_page(sequence, model, out, lang=language)
    console.print(say(MESSAGES, "wrote", language, path=path), markup=False)


@app.command()
def sample(
    model: Path = typer.Option(..., "--model", help="A text model folder."),
    prompt: str = typer.Option("", help="Text to continue."),
    tokens: int = typer.Option(200, help="Characters to generate."),
    temperature: float = typer.Option(0.8, help="Below 1: safer; above 1: wilder."),
    seed: int = typer.Option(0, help="Sampling seed."),
    threads: int = typer.Option(1, help="CPU threads (1 is fastest for these small models)."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """Generate text with a character-level model."""
    cli_lang(lang)  # an unknown language is refused before anything runs
    from trtune.learn.threads import torch_threads
    from trtune.nanogpt.text import sample_text

    with torch_threads(max(1, threads)):  # one token at a time: threads only wait on each other
        text = sample_text(model, prompt, tokens, temperature, seed)
    console.print(text, markup=False)
