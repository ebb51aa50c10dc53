"""`trtune classify`: train, evaluate and use text classifiers (thin: parse, call, print)."""

from __future__ import annotations

import json

import typer
from rich.table import Table as RichTable

from trtune.cli.console import (
    cli_lang,
    console,
    note_random_init,
    note_test_model,
    quiet_transformers,
    reporter,
    show_plan,
)
from trtune.cli.options import (
    BACKEND_OPTION,
    RunFlags,
    dtype_option,
    settings_command,
)
from trtune.cli.texts import input_texts
from trtune.errors import UserError
from trtune.run.outdir import check_model_folder
from trtune.tasks.classify.settings import ClassifySettings

app = typer.Typer(
    help="Train, evaluate and use text classifiers (sentiment and more).", no_args_is_help=True
)

_TEXT_COL = typer.Option(None, "--text-col", help="Name of the text column.")
_LABEL_COL = typer.Option(None, "--label-col", help="Name of the label column.")
_LABEL_MAP = typer.Option(
    None, "--label-map", help="Name raw labels, e.g. 0=negative,1=positive,2=neutral."
)
_LANG = typer.Option(None, "--lang", help="Language of the output: tr or en.")
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


def _train(settings, flags: RunFlags) -> None:
    from trtune.tasks.classify.train import plan, train_classifier

    if flags.dry_run:
        show_plan(plan(settings), flags.as_json, flags.lang)
        return
    quiet_transformers()
    result = train_classifier(settings, flags.resume, flags.overwrite, reporter(lang=flags.lang))
    if result is None:  # a non-main process of a multi-process run
        return
    from trtune.i18n import say
    from trtune.tasks.classify.messages import MESSAGES

    m, b, lang = result.metrics, result.baseline, cli_lang(flags.lang)
    scores = {"accuracy": m["accuracy"], "macro_f1": m["macro_f1"]}
    line = say(MESSAGES, "result", lang, method=settings.method, **scores)
    if settings.method != "tfidf":  # the baseline would only repeat the line
        baseline = {"accuracy": b["accuracy"], "macro_f1": b["macro_f1"]}
        line += say(MESSAGES, "result_baseline", lang, **baseline)
    console.print(line, markup=False, soft_wrap=True)
    saved = say(MESSAGES, "saved", lang, folder=result.out_dir, report=result.report)
    console.print(saved, markup=False, soft_wrap=True)
    note_random_init(settings.method != "tfidf" and settings.is_preset, flags.lang)


app.command(name="train")(
    settings_command(
        ClassifySettings,
        _train,
        "Train a classifier (and the TF-IDF baseline) and write the output folder.",
    )
)


def _read_texts(texts: list[str], file: str | None, text_col: str | None) -> list[str]:
    from trtune.data import load_texts

    return input_texts(texts, file, lambda path: load_texts(path, text_col))


@app.command()
def predict(
    texts: list[str] = typer.Argument(None, help="Texts to classify ('-' reads stdin)."),
    model: str = typer.Option(..., "--model", help="Folder written by `classify train`."),
    file: str | None = typer.Option(None, "--file", help="Read texts from a file."),
    text_col: str | None = _TEXT_COL,
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per text."),
    lang: str | None = _LANG,
    backend: str = BACKEND_OPTION,
    dtype: str = dtype_option(),
) -> None:
    """Label each text and show the probability of every label."""
    check_model_folder(model)
    items = _read_texts(texts or [], file, text_col)  # a bad file is said before the imports
    from trtune.i18n import say
    from trtune.infer.classify import load_classifier
    from trtune.run.progress import map_in_chunks
    from trtune.run.record import read_record
    from trtune.tasks.classify.messages import MESSAGES

    quiet_transformers()
    classifier = load_classifier(model, dtype=dtype, backend=backend)
    title = say(MESSAGES, "predicting", cli_lang(lang))
    predictions = map_in_chunks(items, classifier.predict, reporter(lang=lang), title)
    note_random_init(read_record(model), lang, to_stderr=True)
    if as_json:
        for p in predictions:
            typer.echo(json.dumps(p.to_dict(), ensure_ascii=False))
        return
    from trtune.data.label_names import display_label

    shown = cli_lang(lang)  # label names as the web page shows them
    for p in predictions:
        probs = "  ".join(f"{display_label(k, shown)} {v:.3f}" for k, v in p.probabilities.items())
        label = display_label(p.label, shown)
        console.print(f"{label}\t[{probs}]\t{p.text}", markup=False, soft_wrap=True)


@app.command(name="eval")
def evaluate(
    model: str = typer.Option(..., "--model", help="Folder written by `classify train`."),
    data: list[str] = _DATA,
    text_col: str | None = _TEXT_COL,
    label_col: str | None = _LABEL_COL,
    label_map: str | None = _LABEL_MAP,
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
    lang: str | None = _LANG,
    backend: str = BACKEND_OPTION,
    dtype: str = dtype_option(),
) -> None:
    """Accuracy, macro-F1 and per-class scores of a saved classifier on a labelled file."""
    if not data:  # before the imports below (seconds): a forgotten flag is said at once
        raise UserError("--data is required (a labelled file, a folder or FILE:LABEL)")
    check_model_folder(model)
    from trtune.data import parse_label_map
    from trtune.tasks.classify.evaluate import evaluate_folder

    quiet_transformers()
    metrics = evaluate_folder(
        model,
        _one_or_many(data),
        text_col,
        label_col,
        parse_label_map(label_map) if label_map else None,
        reporter(lang=lang),
        dtype=dtype,
        backend=backend,
    )
    note_test_model(model, lang)
    for warning in metrics["warnings"]:
        reporter(lang=lang).warn(warning)
    if as_json:
        typer.echo(json.dumps(metrics, ensure_ascii=False))
        return
    from trtune.data.label_names import display_label
    from trtune.i18n import say
    from trtune.tasks.classify.messages import MESSAGES

    language = cli_lang(lang)
    line = say(MESSAGES, "eval_result", language, **metrics)
    console.print(line, markup=False)
    columns = ("col.label", "col.precision", "col.recall", "F1", "col.support")
    table = RichTable(*(say(MESSAGES, c, language) if "." in c else c for c in columns))
    for label, v in metrics["per_class"].items():
        table.add_row(
            display_label(label, language),
            f"{v['precision']:.4f}",
            f"{v['recall']:.4f}",
            f"{v['f1']:.4f}",
            str(v["support"]),
        )
    console.print(table)
