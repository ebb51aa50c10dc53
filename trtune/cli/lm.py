"""`trtune lm`: fine-tune causal LMs on Turkish data, generate, chat, merge adapters."""

from __future__ import annotations

from pathlib import Path

import typer

from trtune.cli.console import console

app = typer.Typer(
    help="Fine-tune causal language models (LoRA, QLoRA, full) on Turkish data.",
    no_args_is_help=True,
)


@app.command()
def train(
    data: str = typer.Option(None, "--data", help="Training file: .txt, .csv, .jsonl, .json."),
    model: str = typer.Option(None, "--model", help="tiny-gpt, tiny-llama, a folder or Hub name."),
    method: str = typer.Option(None, "--method", help="lora, qlora or full."),
    out: str = typer.Option(None, "--out", help="Output folder."),
    config: Path = typer.Option(None, "--config", help="YAML settings; flags override them."),
    epochs: float = typer.Option(None, "--epochs"),
    max_steps: int = typer.Option(None, "--max-steps"),
    batch_size: int = typer.Option(None, "--batch-size"),
    lr: float = typer.Option(None, "--lr"),
    max_length: int = typer.Option(None, "--max-length"),
    seed: int = typer.Option(None, "--seed"),
    val_fraction: float = typer.Option(None, "--val-fraction"),
    lora_r: int = typer.Option(None, "--lora-r"),
    lora_alpha: int = typer.Option(None, "--lora-alpha"),
    lora_dropout: float = typer.Option(None, "--lora-dropout"),
    target_modules: str = typer.Option(None, "--target-modules", help="Comma-separated."),
    gradient_checkpointing: bool = typer.Option(
        None, "--gradient-checkpointing/--no-gradient-checkpointing"
    ),
    pack: bool = typer.Option(None, "--pack/--no-pack", help="Pack examples into full blocks."),
    template: str = typer.Option(None, "--template", help="auto, turkish or chat."),
    trust_remote_code: bool = typer.Option(None, "--trust-remote-code/--no-trust-remote-code"),
    max_examples: int = typer.Option(None, "--max-examples", help="Use only the first N."),
    resume: bool = typer.Option(False, "--resume", help="Continue from the last checkpoint."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing folder."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check data and settings; no training."),
) -> None:
    """Fine-tune a causal LM and write model, metrics, figures, report.html and a card."""
    from trtune.lm.settings import load_config
    from trtune.lm.train import train_lm

    overrides = {
        k: v
        for k, v in locals().items()
        if k not in ("config", "resume", "overwrite", "dry_run", "load_config", "train_lm")
    }
    settings = load_config(config, overrides)
    result = train_lm(settings, resume=resume, overwrite=overwrite, dry_run=dry_run)
    if result.out_dir is None:
        console.print("dry run: data and settings are valid; nothing written")
        return
    m = result.metrics
    console.print(
        f"perplexity {m['perplexity_before']:.2f} -> {m['perplexity_after']:.2f} "
        f"(val loss {m['val_loss_before']:.4f} -> {m['val_loss_after']:.4f}), "
        f"{m['tokens_per_second']:.0f} tokens/s"
    )
    console.print(f"wrote {result.out_dir} (report: {result.report})")


def _sampling(temperature: float, top_k: int, top_p: float, max_new_tokens: int, seed: int):
    from trtune.lm.generate import SamplingSettings

    return SamplingSettings(temperature, top_k, top_p, max_new_tokens, seed)


def _write(text: str) -> None:
    console.file.write(text)
    console.file.flush()


@app.command()
def generate(
    prompt: str = typer.Argument(..., help="The prompt (an instruction for tuned models)."),
    model: str = typer.Option(..., "--model", help="A trained folder (or any causal-LM folder)."),
    temperature: float = typer.Option(0.8, "--temperature", help="0 = greedy."),
    top_k: int = typer.Option(50, "--top-k"),
    top_p: float = typer.Option(0.95, "--top-p"),
    max_new_tokens: int = typer.Option(128, "--max-new-tokens"),
    seed: int = typer.Option(42, "--seed"),
) -> None:
    """Generate a reply, streamed to the terminal."""
    from trtune.lm.generate import generate as run_generate
    from trtune.lm.generate import load_trained

    settings = _sampling(temperature, top_k, top_p, max_new_tokens, seed)
    lm = load_trained(model)
    run_generate(lm, [{"role": "user", "content": prompt}], settings, stream=_write)


@app.command()
def chat(
    model: str = typer.Option(..., "--model", help="A trained folder."),
    temperature: float = typer.Option(0.8, "--temperature"),
    top_k: int = typer.Option(50, "--top-k"),
    top_p: float = typer.Option(0.95, "--top-p"),
    max_new_tokens: int = typer.Option(128, "--max-new-tokens"),
    seed: int = typer.Option(42, "--seed"),
) -> None:
    """Talk to a model; /reset forgets the conversation, /exit (or end of input) quits."""
    from trtune.lm.generate import chat_loop, load_trained

    settings = _sampling(temperature, top_k, top_p, max_new_tokens, seed)
    lm = load_trained(model)
    console.print("/reset: new conversation, /exit: quit")
    chat_loop(lm, settings, read=input, write=_write)


@app.command()
def merge(
    model: str = typer.Option(..., "--model", help="A LoRA adapter folder from lm train."),
    out: str = typer.Option(..., "--out", help="Folder for the merged model."),
) -> None:
    """Fold a LoRA adapter into its base; the result loads with AutoModelForCausalLM."""
    from trtune.lm.generate import merge_adapter

    console.print(f"merged model written to {merge_adapter(model, out)}")
