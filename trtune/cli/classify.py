"""`trtune classify`: train, evaluate and use text classifiers (thin: parse, call, print)."""

from __future__ import annotations

import json
import sys

import typer
from rich.table import Table as RichTable

from trtune.cli.console import console, err_console
from trtune.errors import UserError

app = typer.Typer(
    help="Train, evaluate and use text classifiers (sentiment and more).", no_args_is_help=True
)

_TEXT_COL = typer.Option(None, "--text-col", help="Name of the text column.")
_LABEL_COL = typer.Option(None, "--label-col", help="Name of the label column.")
_LABEL_MAP = typer.Option(
    None, "--label-map", help="Name raw labels, e.g. 0=negative,1=positive,2=neutral."
)
_DATA = typer.Option(
    None,
    "--data",
    help="Labelled data file, a folder with one .txt file or sub-folder per label, or "
    "FILE:LABEL (one text per line); repeat for several.",
    show_default=False,
)


def _one_or_many(data: list[str] | None) -> str | list[str] | None:
    """One ``--data`` value as itself (trtune.json keeps a plain path), several as a list."""
    if not data:
        return None
    return data[0] if len(data) == 1 else list(data)


def _quiet_transformers() -> None:
    """No weight-loading progress bars from transformers in CLI output."""
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()


@app.command()
def train(
    data: list[str] | None = _DATA,
    model: str | None = typer.Option(None, "--model", help="Hub name, local folder or 'tiny'."),
    method: str | None = typer.Option(None, "--method", help="features|finetune|lora|tfidf"),
    out: str | None = typer.Option(None, "--out", help="Output folder."),
    config: str | None = typer.Option(None, "--config", help="YAML settings; flags override."),
    epochs: int | None = typer.Option(None, "--epochs", help="Max epochs (method default)."),
    batch_size: int | None = typer.Option(None, "--batch-size", help="Training batch size."),
    lr: float | None = typer.Option(None, "--lr", help="Learning rate (method default)."),
    max_length: int | None = typer.Option(None, "--max-length", help="Max tokens per text."),
    seed: int | None = typer.Option(None, "--seed", help="Seed for split, init, shuffling."),
    test_size: float | None = typer.Option(
        None, "--test-size", help="Held-out test share of the data (0.25)."
    ),
    validation_size: float | None = typer.Option(
        None, "--validation-size", help="Validation share of the rest (method default)."
    ),
    patience: int | None = typer.Option(None, "--patience", help="Early-stopping patience."),
    warmup_ratio: float | None = typer.Option(
        None, "--warmup-ratio", help="Share of steps warming up (method default)."
    ),
    weight_decay: float | None = typer.Option(
        None, "--weight-decay", help="AdamW weight decay (method default)."
    ),
    pooling: str | None = typer.Option(None, "--pooling", help="features: cls or mean."),
    class_weight: str | None = typer.Option(
        None,
        "--class-weight",
        help="Loss weight per class: none or balanced (rare classes count more; "
        "the TF-IDF baseline too).",
    ),
    lora_rank: int | None = typer.Option(None, "--lora-rank", help="LoRA rank r."),
    lora_alpha: int | None = typer.Option(None, "--lora-alpha", help="LoRA alpha."),
    lora_dropout: float | None = typer.Option(None, "--lora-dropout", help="LoRA dropout."),
    lora_targets: str | None = typer.Option(
        None, "--lora-target-modules", help="Comma-separated module names (query,value)."
    ),
    merge: bool | None = typer.Option(
        None, "--merge/--no-merge", help="LoRA: also save the adapter merged into the model."
    ),
    text_col: str | None = _TEXT_COL,
    label_col: str | None = _LABEL_COL,
    label_map: str | None = _LABEL_MAP,
    resume: bool = typer.Option(False, "--resume", help="Continue the run in --out."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace the folder --out."),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Check data and settings; train nothing."
    ),
) -> None:
    """Train a classifier (and the TF-IDF baseline) and write the output folder."""
    from trtune.classify.settings import build_settings
    from trtune.classify.train import plan, train_classifier
    from trtune.data import parse_label_map

    settings = build_settings(
        config,
        data=_one_or_many(data),
        out=out,
        model=model,
        method=method,
        epochs=epochs,
        batch_size=batch_size,
        lr=lr,
        max_length=max_length,
        seed=seed,
        test_size=test_size,
        validation_size=validation_size,
        patience=patience,
        warmup_ratio=warmup_ratio,
        weight_decay=weight_decay,
        pooling=pooling,
        class_weight=class_weight,
        lora_rank=lora_rank,
        lora_alpha=lora_alpha,
        lora_dropout=lora_dropout,
        lora_target_modules=[m.strip() for m in lora_targets.split(",")] if lora_targets else None,
        merge=merge,
        text_col=text_col,
        label_col=label_col,
        label_map=parse_label_map(label_map) if label_map else None,
    )
    if dry_run:
        console.print_json(json.dumps(plan(settings), ensure_ascii=False, default=str))
        err_console.print("dry run: nothing trained", markup=False)
        return
    _quiet_transformers()
    result = train_classifier(settings, resume=resume, overwrite=overwrite)
    if result is None:  # a non-main process of a multi-process run
        return
    m, b = result.metrics, result.baseline
    line = f"{settings.method}: accuracy {m['accuracy']:.4f}  macro-F1 {m['macro_f1']:.4f}"
    if settings.method != "tfidf":  # the baseline would only repeat the line
        line += f"  (tfidf baseline: accuracy {b['accuracy']:.4f}  macro-F1 {b['macro_f1']:.4f})"
    console.print(line, markup=False, soft_wrap=True)
    console.print(f"saved: {result.out_dir}  report: {result.report}", markup=False, soft_wrap=True)


def _read_texts(texts: list[str], file: str | None, text_col: str | None) -> list[str]:
    if file:
        from trtune.data import load_texts

        return load_texts(file, text_col) + list(texts)
    if texts and texts != ["-"]:
        return list(texts)
    if texts == ["-"] or not sys.stdin.isatty():
        return [line.strip() for line in sys.stdin if line.strip()]
    raise UserError("give texts as arguments, with --file FILE, or on stdin")


@app.command()
def predict(
    texts: list[str] = typer.Argument(None, help="Texts to classify ('-' reads stdin)."),
    model: str = typer.Option(..., "--model", help="Folder written by `classify train`."),
    file: str | None = typer.Option(None, "--file", help="Read texts from a file."),
    text_col: str | None = _TEXT_COL,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per text."),
) -> None:
    """Label each text and show the probability of every label."""
    from trtune.classify.predict import load_classifier

    items = _read_texts(texts or [], file, text_col)
    _quiet_transformers()
    predictions = load_classifier(model).predict(items)
    if as_json:
        for p in predictions:
            typer.echo(json.dumps(p.to_dict(), ensure_ascii=False))
        return
    for p in predictions:
        probs = "  ".join(f"{k} {v:.3f}" for k, v in p.probabilities.items())
        console.print(f"{p.label}\t[{probs}]\t{p.text}", markup=False, soft_wrap=True)


@app.command(name="eval")
def evaluate(
    model: str = typer.Option(..., "--model", help="Folder written by `classify train`."),
    data: list[str] = _DATA,
    text_col: str | None = _TEXT_COL,
    label_col: str | None = _LABEL_COL,
    label_map: str | None = _LABEL_MAP,
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Accuracy, macro-F1 and per-class scores of a saved classifier on a labelled file."""
    from trtune.classify.evaluate import evaluate_folder
    from trtune.data import parse_label_map

    _quiet_transformers()
    if not data:
        raise UserError("--data is required (a labelled file, a folder or FILE:LABEL)")
    metrics = evaluate_folder(
        model,
        _one_or_many(data),
        text_col,
        label_col,
        parse_label_map(label_map) if label_map else None,
    )
    for warning in metrics["warnings"]:
        err_console.print(f"warning: {warning}", markup=False, soft_wrap=True)
    if as_json:
        typer.echo(json.dumps(metrics, ensure_ascii=False))
        return
    console.print(
        f"accuracy {metrics['accuracy']:.4f}  macro-F1 {metrics['macro_f1']:.4f}  "
        f"({metrics['n']} texts)",
        markup=False,
    )
    table = RichTable("label", "precision", "recall", "F1", "support")
    for label, v in metrics["per_class"].items():
        table.add_row(
            label,
            f"{v['precision']:.4f}",
            f"{v['recall']:.4f}",
            f"{v['f1']:.4f}",
            str(v["support"]),
        )
    console.print(table)
